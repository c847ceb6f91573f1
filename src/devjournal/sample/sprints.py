"""Sprints: when they run, how they ended, what they are called, and what happened in them."""

from __future__ import annotations

from datetime import date, timedelta

from devjournal.domain.enums import ClosedState, SprintKind
from devjournal.domain.models import GoalDraft, SprintDraft
from devjournal.sample.corpus.sessions import INSIGHTS
from devjournal.sample.corpus.sprints import (
    ABANDON_REASONS,
    FOCUS,
    RETRO_CHANGE,
    RETRO_WELL,
    SPRINT_TITLES,
)
from devjournal.sample.days import monday_on_or_before
from devjournal.sample.goals import build_goals
from devjournal.sample.sessions import build_sessions
from devjournal.sample.state import SprintPlan, Workbench
from devjournal.sample.text import skill_slots

# The kind of every sprint after the first of each kind.
_KIND_POOL = (SprintKind.PERFORMANCE,) * 4 + (SprintKind.SKILLS,) * 4 + (SprintKind.LEADERSHIP,) * 3


def plan_sprints(wb: Workbench) -> None:
    """Place the sprints in time, close the finished ones, then name each."""
    active, planned = _current_and_next(wb)
    plans = [active, planned]
    for track in range(wb.profile.tracks):
        limit = active.start if track == 0 else wb.today - timedelta(days=wb.rng.randint(7, 120))
        plans += _past_track(wb, limit)
    plans.sort(key=lambda s: (s.start, s.end))
    _close(wb, [s for s in plans if s.phase == "past"])
    _name(wb, plans)
    wb.plans = plans


def build_sprints(wb: Workbench) -> None:
    """Each planned sprint with its goals and sessions; which sprints ran on which day."""
    rollable: list[tuple[date, int, GoalDraft]] = []  # missed goals: (end, id, draft)
    by_day: dict[int, list[SprintPlan]] = {}
    for sid, plan in enumerate(wb.plans, start=1):
        plan.sid = sid
        wb.sprints.append((sid, _sprint_draft(wb, plan)))
        build_goals(wb, plan, rollable)
        build_sessions(wb, plan)
        for day in range(plan.start.toordinal(), plan.effective_end.toordinal() + 1):
            by_day.setdefault(day, []).append(plan)
    wb.sprints_by_day = by_day


def _current_and_next(wb: Workbench) -> tuple[SprintPlan, SprintPlan]:
    """The sprint running today and the one planned after it."""
    rng = wb.rng
    weeks = rng.randint(9, 16)
    start = monday_on_or_before(wb.today - timedelta(days=rng.randint(42, weeks * 7 - 14)))
    active = SprintPlan(start, start + timedelta(days=weeks * 7 - 1), "active")
    start = monday_on_or_before(active.end + timedelta(days=rng.randint(10, 28)))
    weeks = rng.randint(6, 12)
    planned = SprintPlan(start, start + timedelta(days=weeks * 7 - 1), "planned")
    return active, planned


def _past_track(wb: Workbench, limit: date) -> list[SprintPlan]:
    """Finished sprints one after the other, backwards from ``limit``."""
    rng = wb.rng
    p = wb.profile
    past: list[SprintPlan] = []
    while p.past_sprints is None or len(past) < p.past_sprints:
        limit -= timedelta(days=rng.randint(*p.gap_days))
        weeks = rng.randint(6, 16)
        start = monday_on_or_before(limit - timedelta(days=weeks * 7 - 1))
        if p.past_sprints is None and start < wb.horizon:
            break
        past.append(SprintPlan(start, start + timedelta(days=weeks * 7 - 1), "past"))
        limit = start
    return past


def _close(wb: Workbench, past_plans: list[SprintPlan]) -> None:
    """Complete or abandon each finished sprint."""
    rng = wb.rng
    fixed = wb.profile.past_sprints is not None
    for i, plan in enumerate(past_plans):
        # The small journal: the newest finished sprint completed, the one before it
        # abandoned, the rest completed. Otherwise one in five is abandoned.
        abandon = i == len(past_plans) - 2 if fixed else rng.random() < 0.2
        length = (plan.end - plan.start).days
        if abandon:
            plan.closed_state = ClosedState.ABANDONED
            plan.closed_on = plan.start + timedelta(days=int(length * rng.uniform(0.35, 0.75)))
        else:
            plan.closed_state = ClosedState.COMPLETED
            plan.closed_on = plan.end - timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))


def _name(wb: Workbench, plans: list[SprintPlan]) -> None:
    """Give each sprint a kind, a context, a title of its own and a coach."""
    rng = wb.rng
    kinds = list(SprintKind)
    rng.shuffle(kinds)
    coach = rng.choice(wb.coach_names)
    used_titles: set[str] = set()
    for i, plan in enumerate(plans):
        # Every kind appears, even in a small journal.
        plan.kind = kinds[i] if i < len(kinds) else rng.choice(_KIND_POOL)
        template = _title(wb, plan, used_titles)
        if plan.kind is SprintKind.SKILLS:
            _narrow_to_subject(plan, template)
        if rng.random() < 0.3:
            coach = rng.choice(wb.coach_names)
        plan.ctx["coach"] = coach


def _title(wb: Workbench, plan: SprintPlan, used_titles: set[str]) -> str:
    """Draw the sprint's context and a title not used before (8 tries); the template."""
    plan.ctx = wb.context()
    for _ in range(8):
        template = wb.rng.choice(SPRINT_TITLES[plan.kind])
        title = template.format_map(plan.ctx)
        if title not in used_titles:
            break
        plan.ctx = wb.context()
    used_titles.add(title)
    plan.ctx["sprint_title"] = title
    return template


def _narrow_to_subject(plan: SprintPlan, template: str) -> None:
    """One subject per skills sprint: the title's language, tool or topic."""
    subject = skill_slots(template)
    if "lang" in subject:
        plan.ctx["tech"] = plan.ctx["lang"]
    elif "tech" in subject:
        plan.ctx["lang"] = plan.ctx["tech"]
    plan.subject = subject


def _sprint_draft(wb: Workbench, plan: SprintPlan) -> SprintDraft:
    rng = wb.rng
    ctx = plan.ctx
    fits = [f for f in FOCUS[plan.kind] if skill_slots(f) <= plan.subject]
    if plan.kind is not SprintKind.SKILLS:
        fits = list(FOCUS[plan.kind])
    focus = f"{wb.level_at(plan.start)}: {rng.choice(fits)}"
    retrospective = _retrospective(wb, plan)  # drawn before the cadence, as it always was
    return SprintDraft(
        title=ctx["sprint_title"],
        kind=plan.kind,
        start_date=plan.start,
        end_date=plan.end,
        coach_name=ctx["coach"],
        focus=focus.format_map(ctx),
        session_every_days=rng.choice((7, 14, 14, 14, 21)),
        closed_state=plan.closed_state,
        closed_on=plan.closed_on,
        retrospective=retrospective,
    )


def _retrospective(wb: Workbench, plan: SprintPlan) -> str:
    rng = wb.rng
    if plan.closed_state is ClosedState.COMPLETED:
        well = rng.sample(RETRO_WELL, 2)
        change = rng.sample(RETRO_CHANGE, rng.randint(1, 2))
        return (
            "**What went well**\n\n"
            + "\n".join(f"- {line}" for line in well)
            + "\n\n**What I would change**\n\n"
            + "\n".join(f"- {line}" for line in change)
            + f"\n\n{rng.choice(INSIGHTS)}"
        ).format_map(plan.ctx)
    if plan.closed_state is ClosedState.ABANDONED:
        return (rng.choice(ABANDON_REASONS) + "\n\n" + rng.choice(INSIGHTS)).format_map(plan.ctx)
    return ""
