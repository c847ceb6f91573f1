"""A goal's check-ins on its grid, and how the goal ended: final value and lessons."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from devjournal.domain.enums import Direction, GoalStatus, MetricKind
from devjournal.domain.models import CheckinDraft, GoalDraft
from devjournal.sample.corpus.goals import CHECKIN_NOTES, LESSONS
from devjournal.sample.state import SprintPlan, Workbench

# How far along the way from baseline to target a goal of each status ends, at random.
_OUTCOMES: dict[GoalStatus, tuple[float, float]] = {
    GoalStatus.ACHIEVED: (1.0, 1.15),
    GoalStatus.MISSED: (0.35, 0.8),
    GoalStatus.DROPPED: (0.05, 0.45),
    GoalStatus.ACTIVE: (0.55, 1.15),
}


def on_grid(wb: Workbench, gid: int, goal: GoalDraft, value: float) -> float:
    """``value`` on the goal's grid (whole hours, half points...) and inside its scale."""
    step = wb.goal_step[gid]
    value = round(round(value / step) * step, 2)
    if goal.metric_kind is MetricKind.PERCENT:
        return min(100.0, max(0.0, value))
    if goal.metric_kind is MetricKind.RATING and goal.scale_max is not None:
        return min(float(goal.scale_max), max(1.0, value))
    return max(0.0, value)


def make_checkins(
    wb: Workbench, plan: SprintPlan, goal: GoalDraft, gid: int
) -> tuple[GoalDraft, list[CheckinDraft]]:
    """The goal's check-ins, and the goal with its final value and lessons filled in."""
    rng = wb.rng
    status = goal.status
    lessons = rng.choice(LESSONS[status]).format_map(plan.ctx) if status in LESSONS else ""
    if (
        goal.metric_kind is MetricKind.MILESTONES
        or status is GoalStatus.DRAFT
        or goal.baseline is None
        or goal.target is None
    ):
        return replace(goal, lessons=lessons), []
    baseline, target = goal.baseline, goal.target
    span = target - baseline
    # Every status's outcome is drawn, in this order, whichever one the goal has.
    outcome = {s: rng.uniform(*bounds) for s, bounds in _OUTCOMES.items()}[status]
    checkins = _series(wb, plan, goal, gid, baseline=baseline, span=span, reach=span * outcome)
    final: float | None = None
    if status in (GoalStatus.ACHIEVED, GoalStatus.MISSED):
        final = _final_value(wb, gid, goal, target, baseline + span * outcome)
        closing = min(goal.deadline or plan.end, plan.effective_end)
        if checkins and checkins[-1].on_date >= closing:
            checkins.pop()
        checkins.append(CheckinDraft(goal_id=gid, on_date=closing, value=final))
    return replace(goal, final_value=final, lessons=lessons), checkins


def _series(
    wb: Workbench,
    plan: SprintPlan,
    goal: GoalDraft,
    gid: int,
    *,
    baseline: float,
    span: float,
    reach: float,
) -> list[CheckinDraft]:
    """Check-ins every week or two up to today, along the line from ``baseline`` to
    ``baseline + reach`` at the deadline, with some noise; now and then a note."""
    rng = wb.rng
    deadline = goal.deadline or plan.end
    length = max(1, (deadline - plan.start).days)
    last_day = min(wb.today, plan.effective_end, deadline)
    day = plan.start + timedelta(days=rng.randint(0, 3))
    checkins: list[CheckinDraft] = []
    while day <= last_day:
        f = min(1.0, (day - plan.start).days / length)
        noise = rng.gauss(0.0, 0.06) * abs(span) if checkins else 0.0
        value = on_grid(wb, gid, goal, baseline + reach * f + noise)
        note = rng.choice(CHECKIN_NOTES) if rng.random() < 0.3 else ""
        checkins.append(CheckinDraft(goal_id=gid, on_date=day, value=value, note=note))
        step = min(14, max(7, goal.checkin_every_days + rng.randint(-1, 3)))
        day += timedelta(days=step)
    return checkins


def _final_value(wb: Workbench, gid: int, goal: GoalDraft, target: float, reached: float) -> float:
    """Where the goal ended, on its grid; a missed goal stays short of its ``target``."""
    final = on_grid(wb, gid, goal, reached)
    met = final >= target if goal.direction is Direction.UP else final <= target
    if goal.status is GoalStatus.MISSED and met:
        # Rounding can land a near miss on the target: keep it one step short.
        short = wb.goal_step[gid] * (1 if goal.direction is Direction.UP else -1)
        final = on_grid(wb, gid, goal, target - short)
    return final
