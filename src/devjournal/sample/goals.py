"""A sprint's goals: how each ended, which template or earlier goal it comes from, milestones."""

from __future__ import annotations

from datetime import date, timedelta

from devjournal.domain.enums import ClosedState, GoalStatus, MetricKind, Scope, SprintKind
from devjournal.domain.models import GoalDraft, MilestoneDraft
from devjournal.sample.checkins import make_checkins, on_grid
from devjournal.sample.corpus.goals import GOALS, GoalTemplate
from devjournal.sample.state import SprintPlan, Workbench
from devjournal.sample.text import skill_slots

Milestones = list[tuple[str, date | None]]  # (title, done on) in order
Rollable = tuple[date, int, GoalDraft]  # a missed goal: (its sprint's end, id, draft)

_ACHIEVED_POOL = (GoalStatus.ACHIEVED,) * 13 + (GoalStatus.MISSED,) * 6 + (GoalStatus.DROPPED,)
_ABANDONED_POOL = (GoalStatus.DROPPED,) * 3 + (GoalStatus.MISSED,) * 2
_SCOPES = (Scope.COACH,) * 8 + (Scope.PRIVATE,) * 2 + (Scope.MENTOR,)


def build_goals(wb: Workbench, plan: SprintPlan, rollable: list[Rollable]) -> None:
    """Two to four goals (three or four in the running sprint), each with its check-ins."""
    rng = wb.rng
    count = rng.randint(2, 4)
    if plan.phase == "active":
        count = max(3, count)
    statuses = _statuses(wb, plan, count)
    roll = _roll_over(wb, plan, rollable)
    templates = _templates(wb, plan, roll, count)
    count = len(templates)
    gap_goal = plan.phase == "planned" and count > 1
    for position in range(count):
        status = statuses[position]
        gid = len(wb.goals) + 1
        if roll is not None and position == 0:
            goal, milestones = _rolled_goal(wb, plan, roll, status, gid)
        else:
            gaps = gap_goal and position == count - 1
            goal, milestones = _new_goal(
                wb, plan, templates[position], status, gid, position=position, gaps=gaps
            )
        goal, checkins = make_checkins(wb, plan, goal, gid)
        _add(wb, plan, gid, goal, milestones)
        for checkin in checkins:
            wb.checkins.append((len(wb.checkins) + 1, checkin))
        if status is GoalStatus.MISSED:
            rollable.append((plan.effective_end, gid, goal))


def _statuses(wb: Workbench, plan: SprintPlan, count: int) -> list[GoalStatus]:
    rng = wb.rng
    if plan.phase == "planned":
        return [GoalStatus.DRAFT] * count
    if plan.phase == "active":
        return [GoalStatus.ACTIVE] * count
    if plan.closed_state is ClosedState.ABANDONED:
        return [rng.choice(_ABANDONED_POOL) for _ in range(count)]
    statuses = [rng.choice(_ACHIEVED_POOL) for _ in range(count)]
    if wb.profile.past_sprints is not None and plan is _last_past(wb):
        # The small journal shows a roll-over: the last finished sprint missed one goal.
        if GoalStatus.MISSED not in statuses:
            statuses[-1] = GoalStatus.MISSED
        if GoalStatus.ACHIEVED not in statuses:
            statuses[0] = GoalStatus.ACHIEVED
    return statuses


def _last_past(wb: Workbench) -> SprintPlan | None:
    past = [s for s in wb.plans if s.phase == "past"]
    return past[-1] if past else None


def _roll_over(wb: Workbench, plan: SprintPlan, rollable: list[Rollable]) -> Rollable | None:
    """Now and then an earlier missed goal to roll over (always in the small journal's
    running sprint), taken off ``rollable``."""
    candidates = [r for r in rollable if r[0] < plan.start]
    must_roll = wb.profile.past_sprints is not None and plan.phase == "active"
    if candidates and plan.phase != "planned" and (must_roll or wb.rng.random() < 0.2):
        roll = candidates[-1]
        rollable.remove(roll)
        return roll
    return None


def _templates(
    wb: Workbench, plan: SprintPlan, roll: Rollable | None, count: int
) -> list[GoalTemplate]:
    """Up to ``count`` templates that fit the sprint, each with a different measure first."""
    choices = [
        t
        for t in GOALS[plan.kind]
        if (roll is None or t.title.format_map(plan.ctx) != roll[2].title)
        and (plan.kind is not SprintKind.SKILLS or skill_slots(t.title) <= plan.subject)
    ]
    count = min(count, len(choices))
    wb.rng.shuffle(choices)
    seen: set[MetricKind] = set()
    varied: list[GoalTemplate] = []
    for t in choices:
        if t.metric_kind not in seen:
            seen.add(t.metric_kind)
            varied.append(t)
    return (varied + [t for t in choices if t not in varied])[:count]


def _add(
    wb: Workbench, plan: SprintPlan, gid: int, goal: GoalDraft, milestones: Milestones
) -> None:
    wb.goals.append((gid, goal))
    plan.goals.append((gid, goal))
    for mpos, (title, done_on) in enumerate(milestones):
        wb.milestones.append(
            (
                len(wb.milestones) + 1,
                MilestoneDraft(goal_id=gid, title=title, position=mpos, done_on=done_on),
            )
        )


def _new_goal(
    wb: Workbench,
    plan: SprintPlan,
    t: GoalTemplate,
    status: GoalStatus,
    gid: int,
    *,
    position: int,
    gaps: bool,
) -> tuple[GoalDraft, Milestones]:
    """A goal from a template; ``gaps`` leaves out what a draft may still miss."""
    rng = wb.rng
    ctx = plan.ctx
    wb.goal_step[gid] = t.step
    baseline: float | None = None
    target: float | None = None
    if t.metric_kind is not MetricKind.MILESTONES:
        shape = GoalDraft(sprint_id=0, title="-", metric_kind=t.metric_kind, scale_max=t.scale_max)
        baseline = on_grid(wb, gid, shape, rng.uniform(*t.baseline))
        target = on_grid(wb, gid, shape, rng.uniform(*t.target))
    deadline = max(plan.start, plan.end - timedelta(days=rng.choice((0, 0, 0, 3, 7))))
    goal = GoalDraft(
        sprint_id=plan.sid,
        title=t.title.format_map(ctx),
        specific=t.specific.format_map(ctx),
        metric_kind=t.metric_kind,
        metric_name=t.metric_name,
        unit=t.unit,
        baseline=baseline,
        target=None if gaps else target,
        direction=t.direction,
        scale_max=t.scale_max,
        achievable="" if gaps else t.achievable.format_map(ctx),
        relevant="" if gaps else t.relevant.format_map(ctx),
        deadline=None if gaps else deadline,
        checkin_every_days=rng.choice((7, 7, 7, 14, 14)),
        status=status,
        scope=rng.choice(_SCOPES),
        position=position,
    )
    titles = [m.format_map(ctx) for m in t.milestones[: rng.randint(3, 6)]]
    return goal, _milestones(wb, plan, goal, titles)


def _rolled_goal(
    wb: Workbench, plan: SprintPlan, roll: Rollable, status: GoalStatus, gid: int
) -> tuple[GoalDraft, Milestones]:
    """An earlier missed goal again, from where it ended."""
    _, old_id, old = roll
    wb.goal_step[gid] = wb.goal_step[old_id]
    baseline = old.final_value if old.final_value is not None else old.baseline
    deadline = max(plan.start, plan.end - timedelta(days=wb.rng.choice((0, 0, 7))))
    goal = GoalDraft(
        sprint_id=plan.sid,
        title=old.title,
        specific=old.specific,
        metric_kind=old.metric_kind,
        metric_name=old.metric_name,
        unit=old.unit,
        baseline=baseline,
        target=old.target,
        direction=old.direction,
        scale_max=old.scale_max,
        achievable=old.achievable,
        relevant=old.relevant + " Rolled over: unfinished last time.",
        deadline=deadline,
        checkin_every_days=old.checkin_every_days,
        status=status,
        scope=old.scope,
        position=0,
        rolled_from_id=old_id,
    )
    titles = [d.title for _, d in wb.milestones if d.goal_id == old_id]
    if titles:
        titles = titles[-6:]
    return goal, _milestones(wb, plan, goal, titles)


def _milestones(wb: Workbench, plan: SprintPlan, goal: GoalDraft, titles: list[str]) -> Milestones:
    """The milestones of a milestones goal, as many done as its status says, spread out."""
    if goal.metric_kind is not MetricKind.MILESTONES or not titles:
        return []
    rng = wb.rng
    n = len(titles)
    end = goal.deadline or plan.end
    span = max(1, (min(end, plan.effective_end) - plan.start).days)
    full = max(1, (end - plan.start).days)
    done = _done_count(wb, goal.status, n)
    out: Milestones = []
    for i, title in enumerate(titles):
        done_on: date | None = None
        if i < done and goal.status is GoalStatus.ACTIVE:
            # Running: done if due by now (mostly); the first one not done stops the run.
            due = plan.start + timedelta(days=full * (i + 1) // (n + 1))
            due += timedelta(days=rng.randint(-3, 4))
            if due < wb.today and rng.random() < 0.85:
                done_on = max(plan.start, due)
            else:
                done = i  # the rest are still to do
        elif i < done:
            step = span * (i + 1) // max(1, done)
            done_on = plan.start + timedelta(days=max(0, step - rng.randint(0, 5)))
        out.append((title, done_on))
    return out


def _done_count(wb: Workbench, status: GoalStatus, n: int) -> int:
    """How many of ``n`` milestones a goal of ``status`` got done (a running goal: at most)."""
    if status in (GoalStatus.ACHIEVED, GoalStatus.ACTIVE):
        return n
    if status is GoalStatus.MISSED:
        return wb.rng.randint(1, n - 1)
    if status is GoalStatus.DROPPED:
        return wb.rng.randint(0, n // 2)
    return 0
