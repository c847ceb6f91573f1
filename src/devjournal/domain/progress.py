"""A goal's progress as every view shows it: baseline -> latest -> target, pace, status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from devjournal.domain.enums import Direction, GoalStatus, MetricKind
from devjournal.domain.models import Checkin, GoalDraft, Milestone, SprintDraft
from devjournal.domain.pace import Kpi, PaceStatus, Point, checkin_due, projected_finish, status


@dataclass(frozen=True)
class GoalProgress:
    """Where one goal stands on a day."""

    baseline: float | None
    latest: float | None
    target: float | None
    fraction: float | None
    """Share of the way from baseline to target (None without a baseline and target)."""
    status: PaceStatus
    projected: date | None
    checkin_overdue: bool
    kpi: Kpi | None
    points: tuple[Point, ...]

    @property
    def percent(self) -> int | None:
        """``fraction`` as a whole percentage, clamped to 0..100."""
        if self.fraction is None:
            return None
        return round(100 * min(1.0, max(0.0, self.fraction)))


def goal_kpi(goal: GoalDraft, sprint: SprintDraft, milestone_total: int = 0) -> Kpi | None:
    """The goal's KPI for pace maths, or None while the goal lacks what pace needs."""
    deadline = goal.deadline or sprint.end_date
    if goal.metric_kind is MetricKind.MILESTONES:
        if milestone_total == 0:
            return None
        return Kpi(0, milestone_total, Direction.UP, sprint.start_date, deadline)
    if goal.baseline is None or goal.target is None:
        return None
    return Kpi(goal.baseline, goal.target, goal.direction, sprint.start_date, deadline)


def goal_progress(
    goal: GoalDraft,
    sprint: SprintDraft,
    checkins: Sequence[Checkin],
    milestones: Sequence[Milestone],
    today: date,
) -> GoalProgress:
    """Progress of ``goal``; milestone goals count finished milestones as their value."""
    if goal.metric_kind is MetricKind.MILESTONES:
        done = sorted(m.done_on for m in milestones if m.done_on is not None)
        points = tuple(Point(on, float(n)) for n, on in enumerate(done, start=1))
    else:
        ordered = sorted(checkins, key=lambda c: c.on_date)  # stable: same day keeps order
        points = tuple(Point(c.on_date, c.value) for c in ordered)
    kpi = goal_kpi(goal, sprint, len(milestones))
    latest = points[-1].value if points else None
    if goal.metric_kind is MetricKind.MILESTONES:
        latest = float(len(points))
    if kpi is None:
        pace = PaceStatus.NO_DATA
        fraction = None
        projected = None
    else:
        pace = status(kpi, points, today)
        fraction = kpi.fraction(latest) if latest is not None else None
        projected = projected_finish(kpi, points) if pace is not PaceStatus.ACHIEVED else None
    last_day = points[-1].on if points and goal.metric_kind is not MetricKind.MILESTONES else None
    overdue = (
        goal.metric_kind is not MetricKind.MILESTONES
        and sprint.closed_state is None
        and goal.status in (GoalStatus.DRAFT, GoalStatus.ACTIVE)
        and sprint.start_date <= today <= (goal.deadline or sprint.end_date)
        and checkin_due(last_day, sprint.start_date, goal.checkin_every_days, today)
    )
    return GoalProgress(
        baseline=kpi.baseline if kpi else goal.baseline,
        latest=latest,
        target=kpi.target if kpi else goal.target,
        fraction=fraction,
        status=pace,
        projected=projected,
        checkin_overdue=overdue,
        kpi=kpi,
        points=points,
    )
