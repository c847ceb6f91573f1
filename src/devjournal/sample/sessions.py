"""A sprint's coaching sessions: when they fall, which were held, and what was said."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from devjournal.domain.enums import Scope, SessionStatus
from devjournal.domain.models import SessionDraft, SessionQuestion
from devjournal.sample.actions import build_actions
from devjournal.sample.corpus.sessions import (
    AGENDA,
    CANCELLED_NOTES,
    INSIGHTS,
    QUESTIONS,
    SESSION_NOTES,
)
from devjournal.sample.days import weekday_on_or_after
from devjournal.sample.state import SprintPlan, Workbench


def build_sessions(wb: Workbench, plan: SprintPlan) -> None:
    """Sessions at the sprint's cadence, one slot mostly; action items from each held one."""
    rng = wb.rng
    days = _session_days(wb, plan)
    hour = rng.randint(9, 15)
    minute = rng.choice((0, 30))
    past_count = sum(1 for d in days if d < wb.today)
    held_indexes: list[int] = []
    first_sid = len(wb.sessions) + 1
    for i, d in enumerate(days):
        status = _status(wb, plan, d, cancellable=plan.phase != "active" or 0 < i < past_count - 1)
        if rng.random() < 0.15:  # now and then moved to another slot
            when = wb.at(d, rng.randint(9, 15), rng.choice((0, 30)))
        else:
            when = wb.at(d, hour, minute)
        wb.sessions.append((len(wb.sessions) + 1, _session_draft(wb, plan, when, status)))
        if status is SessionStatus.HELD:
            held_indexes.append(i)
    for n, i in enumerate(held_indexes):
        build_actions(
            wb,
            plan,
            first_sid + i,
            days[i],
            first_held=n == 0,
            last_held=n == len(held_indexes) - 1,
        )


def _session_days(wb: Workbench, plan: SprintPlan) -> list[date]:
    """Every session day; in the running sprint, the next one falls in the coming days."""
    cadence = wb.sprints[plan.sid - 1][1].session_every_days or 14
    if plan.phase == "active":
        anchor = weekday_on_or_after(wb.today + timedelta(days=wb.rng.randint(1, 4)))
        first = anchor - timedelta(days=(anchor - plan.start).days // cadence * cadence)
    else:
        first = weekday_on_or_after(plan.start + timedelta(days=wb.rng.randint(0, 4)))
    days: list[date] = []
    day = first
    while day <= plan.effective_end:
        days.append(day)
        day += timedelta(days=cadence)
    return days


def _status(wb: Workbench, plan: SprintPlan, d: date, *, cancellable: bool) -> SessionStatus:
    """Planned from today on; before, held, or now and then cancelled (never the running
    sprint's first or latest session)."""
    if d >= wb.today:
        return SessionStatus.PLANNED
    if cancellable and wb.rng.random() < 0.08:
        return SessionStatus.CANCELLED
    return SessionStatus.HELD


def _session_draft(
    wb: Workbench, plan: SprintPlan, when: datetime, status: SessionStatus
) -> SessionDraft:
    rng = wb.rng
    ctx = dict(plan.ctx)
    ctx["goal"] = rng.choice(plan.goals)[1].title if plan.goals else plan.ctx["sprint_title"]
    agenda = "\n".join(
        f"- {item.format_map(ctx)}" for item in rng.sample(AGENDA, rng.randint(2, 4))
    )
    notes = insights = ""
    if status is SessionStatus.HELD:
        lines = [x.format_map(ctx) for x in rng.sample(SESSION_NOTES, 3)]
        notes = " ".join(lines[:2])
        if rng.random() < 0.4:
            notes += "\n\n" + lines[2]
        insights = "\n".join(f"- {s}" for s in rng.sample(INSIGHTS, rng.choice((1, 1, 2))))
    elif status is SessionStatus.CANCELLED:
        notes = rng.choice(CANCELLED_NOTES)
    return SessionDraft(
        sprint_id=plan.sid,
        starts_at=when,
        duration_min=rng.choice((45, 60, 60, 60, 90)),
        status=status,
        agenda=agenda,
        notes=notes,
        insights=insights,
        scope=Scope.PRIVATE if rng.random() < 0.15 else Scope.COACH,
        questions=_questions(plan, when, status, ctx),
    )


def _questions(
    plan: SprintPlan, when: datetime, status: SessionStatus, ctx: dict[str, str]
) -> tuple[SessionQuestion, ...]:
    """A held session's coaching questions, from their own generator seeded by the session,
    so the rest of the sample (drawn from ``wb.rng``) is the same as before they were added."""
    if status is not SessionStatus.HELD:
        return ()
    local = random.Random(f"{plan.sid}:{when.isoformat()}")
    return tuple(
        SessionQuestion(q.format_map(ctx), a.format_map(ctx))
        for q, a in local.sample(QUESTIONS, local.choice((1, 1, 2)))
    )
