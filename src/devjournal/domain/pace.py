"""KPI pace: how far a goal has come, where it should be, and what that means.

Pure functions over plain values, so the Coaching page, the exports and the timeline all
say the same thing about a goal. Direction "down" is the mirror of "up": every figure is
computed on the signed distance from the baseline towards the target.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from devjournal.domain.enums import Direction

AHEAD_BY = 0.10
"""Progress this far beyond the ideal line (as a share of the whole way) counts as ahead."""
AT_RISK_BY = 0.10
"""Behind the ideal line by more than this is at risk ..."""
BEHIND_BY = 0.25
"""... and by more than this, behind."""


class PaceStatus(StrEnum):
    """Where a goal stands against its ideal pace."""

    ACHIEVED = "achieved"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    MISSED = "missed"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        """A human label."""
        return {"on_track": "On track", "at_risk": "At risk", "no_data": "No data"}.get(
            self.value, self.value.capitalize()
        )


@dataclass(frozen=True)
class Point:
    """A measured value on a day."""

    on: date
    value: float


@dataclass(frozen=True)
class Kpi:
    """What pace needs to know about a goal: from ``baseline`` on ``start`` to ``target``
    by ``deadline``, going ``direction``."""

    baseline: float
    target: float
    direction: Direction
    start: date
    deadline: date

    def reached(self, value: float) -> bool:
        """True when ``value`` meets the target in the goal's direction."""
        if self.direction is Direction.UP:
            return value >= self.target
        return value <= self.target

    def fraction(self, value: float) -> float:
        """Share of the way from baseline to target (0 at the baseline, 1 at the target;
        below 0 when it went the wrong way, above 1 past the target)."""
        span = self.target - self.baseline
        if span == 0:
            return 1.0 if self.reached(value) else 0.0
        return (value - self.baseline) / span

    def ideal_fraction(self, on: date) -> float:
        """Where the straight line from start to deadline is on ``on`` (clamped to 0..1)."""
        total = (self.deadline - self.start).days
        if total <= 0:
            return 1.0
        return min(1.0, max(0.0, (on - self.start).days / total))

    def ideal_value(self, on: date) -> float:
        """The value on the ideal line on ``on``."""
        return self.baseline + (self.target - self.baseline) * self.ideal_fraction(on)


def status(kpi: Kpi, points: Sequence[Point], today: date) -> PaceStatus:
    """The goal's pace status on ``today`` from its check-ins (any order).

    Never "achieved" before the target is reached; after the deadline a goal that has not
    reached it is "missed", never on track.
    """
    if not points:
        return PaceStatus.MISSED if today > kpi.deadline else PaceStatus.NO_DATA
    # Check-ins come oldest first (by date, then as recorded): the last one is the latest.
    latest = sorted(points, key=lambda p: p.on)[-1]
    if kpi.reached(latest.value):
        return PaceStatus.ACHIEVED
    if today > kpi.deadline:
        return PaceStatus.MISSED
    gap = kpi.fraction(latest.value) - kpi.ideal_fraction(latest.on)
    if gap >= AHEAD_BY:
        return PaceStatus.AHEAD
    if gap >= -AT_RISK_BY:
        return PaceStatus.ON_TRACK
    if gap >= -BEHIND_BY:
        return PaceStatus.AT_RISK
    return PaceStatus.BEHIND


def projected_finish(kpi: Kpi, points: Sequence[Point]) -> date | None:
    """When the target will be reached at the pace of the check-ins so far.

    A least-squares line through the baseline (on the start date) and every check-in; None
    when there are no check-ins or the line does not move towards the target.
    """
    if not points:
        return None
    xs = [0.0] + [float((p.on - kpi.start).days) for p in points]
    ys = [0.0] + [kpi.fraction(p.value) for p in points]
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    var_x = sum((x - mean_x) ** 2 for x in xs)
    if var_x == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var_x
    if not (slope > 0 and math.isfinite(slope)):
        return None
    intercept = mean_y - slope * mean_x
    days = (1.0 - intercept) / slope
    # Further than a hundred years is "not at this pace"; not finite: a KPI whose baseline
    # and target differ by a subnormal amount makes every fraction overflow.
    if not math.isfinite(days) or days > 36_500:
        return None
    return kpi.start + timedelta(days=max(0, round(days)))


def checkin_due(last_checkin: date | None, start: date, every_days: int, today: date) -> bool:
    """True when no check-in happened within the goal's interval up to ``today``."""
    since = last_checkin or start
    return (today - since).days > every_days
