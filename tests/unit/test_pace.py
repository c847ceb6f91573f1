"""KPI pace and status: worked examples and properties (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from devjournal.domain.enums import Direction
from devjournal.domain.pace import Kpi, PaceStatus, Point, checkin_due, projected_finish, status

START = date(2026, 9, 1)
DEADLINE = date(2026, 11, 30)  # 90 days
UP = Kpi(baseline=10, target=40, direction=Direction.UP, start=START, deadline=DEADLINE)
DOWN = Kpi(baseline=30, target=10, direction=Direction.DOWN, start=START, deadline=DEADLINE)


def day(n: int) -> date:
    return START + timedelta(days=n)


# -- worked examples ---------------------------------------------------------------------


def test_fraction_and_ideal_line() -> None:
    assert UP.fraction(10) == 0 and UP.fraction(40) == 1 and UP.fraction(25) == 0.5
    assert DOWN.fraction(30) == 0 and DOWN.fraction(10) == 1 and DOWN.fraction(20) == 0.5
    assert UP.ideal_value(START) == 10 and UP.ideal_value(DEADLINE) == 40
    assert UP.ideal_value(day(45)) == 25
    assert UP.ideal_value(day(200)) == 40  # clamped after the deadline


def test_statuses_against_the_ideal_line() -> None:
    # Halfway through (day 45) the ideal value is 25.
    assert status(UP, [Point(day(45), 25)], day(45)) is PaceStatus.ON_TRACK
    assert status(UP, [Point(day(45), 30)], day(45)) is PaceStatus.AHEAD  # +17% of the way
    assert status(UP, [Point(day(45), 21)], day(45)) is PaceStatus.AT_RISK  # -13%
    assert status(UP, [Point(day(45), 14)], day(45)) is PaceStatus.BEHIND  # -37%
    assert status(UP, [Point(day(45), 40)], day(45)) is PaceStatus.ACHIEVED
    assert status(UP, [], day(10)) is PaceStatus.NO_DATA
    assert status(UP, [], day(91)) is PaceStatus.MISSED
    assert status(UP, [Point(day(80), 39)], day(91)) is PaceStatus.MISSED


def test_latest_checkin_decides_even_if_an_earlier_one_was_better() -> None:
    points = [Point(day(30), 40), Point(day(45), 20)]
    assert status(UP, points, day(45)) is not PaceStatus.ACHIEVED


def test_direction_down_example() -> None:
    assert status(DOWN, [Point(day(45), 20)], day(45)) is PaceStatus.ON_TRACK
    assert status(DOWN, [Point(day(45), 9)], day(45)) is PaceStatus.ACHIEVED
    assert status(DOWN, [Point(day(45), 28)], day(45)) is PaceStatus.BEHIND


def test_projected_finish() -> None:
    steady = [Point(day(30), 20), Point(day(60), 30)]  # a third of the way each month
    assert projected_finish(UP, steady) == day(90)
    assert projected_finish(UP, []) is None
    assert projected_finish(UP, [Point(day(30), 5)]) is None  # going the wrong way


def test_checkin_due() -> None:
    assert not checkin_due(None, START, 7, day(7))
    assert checkin_due(None, START, 7, day(8))
    assert not checkin_due(day(20), START, 7, day(27))
    assert checkin_due(day(20), START, 7, day(28))


# -- properties --------------------------------------------------------------------------

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
offsets = st.integers(min_value=0, max_value=400)


@st.composite
def kpis(draw: st.DrawFn) -> Kpi:
    baseline = draw(values)
    target = draw(values.filter(lambda t: t != baseline))
    direction = Direction.UP if target > baseline else Direction.DOWN
    length = draw(st.integers(min_value=1, max_value=365))
    return Kpi(baseline, target, direction, START, START + timedelta(days=length))


def points_for(draw: st.DrawFn) -> list[Point]:
    found = draw(st.lists(st.tuples(offsets, values), max_size=8))
    return sorted((Point(day(o), v) for o, v in found), key=lambda p: p.on)


@given(st.data())
def test_never_achieved_before_the_target_is_reached(data: st.DataObject) -> None:
    kpi = data.draw(kpis())
    points = points_for(data.draw)
    result = status(kpi, points, day(data.draw(offsets)))
    if result is PaceStatus.ACHIEVED:
        assert kpi.reached(points[-1].value)


@given(st.data())
def test_after_the_deadline_unmet_goals_are_missed(data: st.DataObject) -> None:
    kpi = data.draw(kpis())
    points = points_for(data.draw)
    today = kpi.deadline + timedelta(days=data.draw(st.integers(1, 400)))
    result = status(kpi, points, today)
    if not (points and kpi.reached(points[-1].value)):
        assert result is PaceStatus.MISSED


@given(st.data())
def test_direction_down_is_the_mirror_of_up(data: st.DataObject) -> None:
    kpi = data.draw(kpis())
    points = points_for(data.draw)
    today = day(data.draw(offsets))
    mirror = Kpi(
        -kpi.baseline,
        -kpi.target,
        Direction.DOWN if kpi.direction is Direction.UP else Direction.UP,
        kpi.start,
        kpi.deadline,
    )
    mirrored = [Point(p.on, -p.value) for p in points]
    assert status(kpi, points, today) is status(mirror, mirrored, today)
    assert projected_finish(kpi, points) == projected_finish(mirror, mirrored)


@given(kpis(), offsets)
def test_the_ideal_line_runs_from_baseline_to_target(kpi: Kpi, offset: int) -> None:
    assert kpi.fraction(kpi.baseline) == 0
    assert kpi.fraction(kpi.target) == 1
    assert 0.0 <= kpi.ideal_fraction(day(offset)) <= 1.0
    assert kpi.ideal_fraction(kpi.start) == 0 and kpi.ideal_fraction(kpi.deadline) == 1


def test_of_two_checkins_on_one_day_the_later_recorded_counts() -> None:
    corrected = [Point(day(45), 40), Point(day(45), 25)]  # a typo, then the real value
    assert status(UP, corrected, day(45)) is PaceStatus.ON_TRACK


def test_a_subnormal_span_projects_no_finish() -> None:
    """Found by hypothesis: a baseline and target 2e-309 apart make every fraction
    infinite, and the projection used to fail on round(nan)."""
    kpi = Kpi(-2.2e-309, 0.0, Direction.UP, date(2026, 1, 1), date(2026, 3, 1))
    points = [Point(date(2026, 1, 5), 1.0), Point(date(2026, 1, 9), 2.0)]
    assert projected_finish(kpi, points) is None
