"""The timeline's arithmetic: dates to pixels and back, zoom and pan, axis labels that never
overlap, density buckets, and rows for overlapping sprints."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devjournal.domain.timeline import (
    MAX_SPAN,
    MIN_SPAN,
    Scale,
    Unit,
    axis_ticks,
    axis_unit,
    bucket_unit,
    buckets,
    day_of,
    edges,
    fit,
    floor_to,
    pack_rows,
    stack_marks,
    step,
)


def width_of(text: str) -> float:
    """A stand-in for font metrics: 7 px a character."""
    return 7.0 * len(text)


def test_a_date_falls_where_the_scale_says_and_back() -> None:
    scale = Scale(date(2026, 1, 1).toordinal(), 31, 620)
    assert scale.px_per_day == 20
    assert scale.x(day_of(date(2026, 1, 1))) == 0
    assert scale.x(day_of(date(2026, 1, 11))) == 200
    assert scale.day_at(200) == day_of(date(2026, 1, 11))
    noon = datetime(2026, 1, 11, 12, 0).astimezone()  # local noon
    assert scale.x(day_of(noon)) == 210


def test_the_view_stays_between_1900_and_2200() -> None:
    scale = Scale(day_of(date(2026, 1, 1)), MAX_SPAN, 1000)
    for _ in range(100):
        scale = scale.panned(-5000)
    assert scale.first_date == date(1900, 1, 1)
    for _ in range(200):
        scale = scale.panned(5000)
    assert scale.last_date < date(2200, 1, 1)


def test_a_week_shows_seven_days() -> None:
    scale = Scale(day_of(date(2026, 11, 16)), 7, 700)
    assert (scale.first_date, scale.last_date) == (date(2026, 11, 16), date(2026, 11, 22))


@given(
    first=st.floats(700_000, 750_000),
    span=st.floats(MIN_SPAN, MAX_SPAN),
    width=st.floats(200, 4000),
    anchor=st.floats(0, 1),
    factor=st.floats(0.2, 5),
)
def test_zoom_keeps_the_day_under_the_mouse_and_stays_in_bounds(
    first: float, span: float, width: float, anchor: float, factor: float
) -> None:
    scale = Scale(first, span, width)
    x = anchor * width
    zoomed = scale.zoomed(factor, x)
    assert MIN_SPAN <= zoomed.span <= MAX_SPAN
    assert zoomed.day_at(x) == pytest.approx(scale.day_at(x), abs=1e-6)


@given(dx=st.floats(-5000, 5000))
def test_a_pan_moves_every_date_by_the_same_pixels(dx: float) -> None:
    scale = Scale(739_000, 92, 900)
    moved = scale.panned(dx)
    day = 739_040.0
    assert moved.x(day) == pytest.approx(scale.x(day) - dx)
    assert moved.span == scale.span


def test_fit_shows_everything_with_room() -> None:
    scale = fit(date(2016, 3, 1), date(2026, 11, 23), 1000)
    assert scale.x(day_of(date(2016, 3, 1))) > 0
    assert scale.x(day_of(date(2026, 11, 24))) < 1000
    # Longer than the farthest zoom: the most recent twenty years, today included.
    longest = fit(date(1990, 1, 1), date(2026, 11, 23), 1000)
    assert longest.span == MAX_SPAN
    assert 0 < longest.x(day_of(date(2026, 11, 23))) < 1000


@pytest.mark.parametrize(
    ("span", "unit"),
    [(7, Unit.DAY), (31, Unit.WEEK), (92, Unit.WEEK), (366, Unit.MONTH), (3653, Unit.YEAR),
     (7306, Unit.YEAR)],
)  # fmt: skip
def test_the_axis_unit_follows_the_zoom(span: float, unit: Unit) -> None:
    assert axis_unit(Scale(739_000, span, 1000), width_of) == unit


@given(
    span=st.floats(MIN_SPAN, MAX_SPAN),
    width=st.floats(250, 3000),
    first=st.floats(720_000, 745_000),
)
def test_axis_labels_never_overlap(span: float, width: float, first: float) -> None:
    ticks = [t for t in axis_ticks(Scale(first, span, width), width_of) if t.label]
    assert ticks  # something is always labelled
    for left, right in itertools.pairwise(ticks):
        assert left.x + width_of(left.label) < right.x


def test_axis_labels_say_days_weeks_months_and_years() -> None:
    week = [t.label for t in axis_ticks(Scale(day_of(date(2026, 11, 23)), 7, 1000), width_of)]
    assert week[:3] == ["Mon 23", "Tue 24", "Wed 25"]
    year = [t.label for t in axis_ticks(Scale(day_of(date(2026, 1, 1)), 365, 1200), width_of)]
    assert year[:3] == ["Jan 2026", "Feb", "Mar"]
    decade = axis_ticks(Scale(day_of(date(2016, 1, 1)), 3653, 1000), width_of)
    assert [t.label for t in decade if t.label][:2] == ["2016", "2017"]


def test_units_floor_and_step() -> None:
    day = date(2026, 11, 25)  # a Wednesday
    assert floor_to(day, Unit.WEEK) == date(2026, 11, 23)
    assert floor_to(day, Unit.QUARTER) == date(2026, 10, 1)
    assert floor_to(day, Unit.FIVE_YEARS) == date(2025, 1, 1)
    assert step(date(2026, 11, 1), Unit.QUARTER) == date(2027, 2, 1)
    assert edges(date(2026, 1, 15), date(2026, 3, 2), Unit.MONTH) == [
        date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)
    ]  # fmt: skip


def test_density_buckets_count_per_unit() -> None:
    days = [date(2026, 1, 1), date(2026, 1, 20), date(2026, 1, 31), date(2026, 3, 5)]
    counted = buckets(days, Unit.MONTH)
    assert [(b.start, b.end, b.count) for b in counted] == [
        (date(2026, 1, 1), date(2026, 2, 1), 3),
        (date(2026, 3, 1), date(2026, 4, 1), 1),
    ]


@given(st.lists(st.dates(date(2000, 1, 1), date(2040, 1, 1)), max_size=200), st.sampled_from(Unit))
def test_buckets_lose_nothing(days: list[date], unit: Unit) -> None:
    counted = buckets(days, unit)
    assert sum(b.count for b in counted) == len(days)
    assert all(b.start <= d < b.end for b in counted for d in days if floor_to(d, unit) == b.start)


def test_marks_stack_until_they_would_blur() -> None:
    assert stack_marks([0, 20, 40], 10, 3) == [0, 0, 0]
    assert stack_marks([0, 2, 4, 30], 10, 3) == [0, 1, 2, 0]
    assert stack_marks([0, 1, 2, 3], 10, 3) is None  # four on one spot: show counts
    scale = Scale(739_000, 3653, 1000)
    assert bucket_unit(scale) == Unit.MONTH
    assert bucket_unit(Scale(739_000, 92, 1000)) == Unit.DAY


def test_overlapping_sprints_get_their_own_rows() -> None:
    rows = pack_rows(
        [
            (1, date(2026, 1, 1), date(2026, 3, 31)),
            (2, date(2026, 2, 1), date(2026, 4, 30)),  # overlaps 1
            (3, date(2026, 5, 1), date(2026, 6, 30)),  # after both: first row again
            (4, date(2026, 4, 10), date(2026, 4, 20)),  # inside 2's time, after 1's
        ]
    )
    assert rows == {1: 0, 2: 1, 4: 0, 3: 0}


def test_sprints_a_few_days_apart_keep_a_visible_gap() -> None:
    rows = pack_rows(
        [(1, date(2026, 1, 1), date(2026, 3, 31)), (2, date(2026, 4, 2), date(2026, 5, 1))]
    )
    assert rows == {1: 0, 2: 1}  # back to back would read as one bar
