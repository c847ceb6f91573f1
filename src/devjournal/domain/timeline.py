"""The timeline's arithmetic, with no Qt: where a date falls on the screen and back, zoom
and pan, axis ticks whose labels never overlap, density buckets, and lanes for
overlapping sprints.

Days are counted as floats from ``date.toordinal()``: day ``n`` spans ``[n, n + 1)``, so a
moment at noon is ``n + 0.5`` and panning is smooth rather than a day at a time.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from devjournal.domain.enums import EntryKind, GoalStatus, Scope, SessionStatus, SprintKind
from devjournal.domain.sharing import Shareable

MIN_SPAN = 7.0
"""The closest zoom: one week across the view."""
MAX_SPAN = 3653.0 * 2
"""The farthest zoom: twenty years (a decade, and room either side)."""
EARLIEST_DAY = float(date(1900, 1, 1).toordinal())
LATEST_DAY = float(date(2200, 1, 1).toordinal())
"""How far the view can be moved (a journal's dates fall between)."""
ZOOMS: dict[str, float] = {"week": 7.0, "month": 31.0, "quarter": 92.0, "year": 366.0}
"""The zoom buttons, as days across the view ("all" fits the whole journal)."""


def day_of(value: date | datetime) -> float:
    """A date (its start) or a moment (in local time) as a day number."""
    if isinstance(value, datetime):
        local = value.astimezone()
        seconds = local.hour * 3600 + local.minute * 60 + local.second
        return local.date().toordinal() + seconds / 86400
    return float(value.toordinal())


def date_of(day: float) -> date:
    """The date a day number falls on."""
    return date.fromordinal(max(1, int(day // 1)))


@dataclass(frozen=True)
class Scale:
    """The visible window: ``first`` day at x = 0, ``span`` days across ``width`` pixels.
    Kept between 1900 and 2200, however far it is panned."""

    first: float
    span: float
    width: float

    def __post_init__(self) -> None:
        first = min(max(self.first, EARLIEST_DAY), LATEST_DAY - self.span)
        object.__setattr__(self, "first", first)

    @property
    def px_per_day(self) -> float:
        """Pixels per day at this zoom."""
        return self.width / self.span

    @property
    def last(self) -> float:
        """The day at the right edge."""
        return self.first + self.span

    @property
    def first_date(self) -> date:
        """The first day (partly) in view."""
        return date_of(self.first)

    @property
    def last_date(self) -> date:
        """The last day (partly) in view."""
        return date_of(self.last - 1e-6)

    def x(self, day: float) -> float:
        """Where ``day`` is drawn."""
        return (day - self.first) * self.px_per_day

    def day_at(self, x: float) -> float:
        """The day under ``x``."""
        return self.first + x / self.px_per_day

    def zoomed(self, factor: float, anchor_x: float | None = None) -> Scale:
        """Zoom in (``factor`` > 1) or out around ``anchor_x`` (the middle by default): the
        day under the anchor stays under it."""
        anchor = self.width / 2 if anchor_x is None else anchor_x
        span = min(MAX_SPAN, max(MIN_SPAN, self.span / factor))
        day = self.day_at(anchor)
        return Scale(day - anchor / self.width * span, span, self.width)

    def with_span(self, span: float) -> Scale:
        """The same middle day, ``span`` days across."""
        span = min(MAX_SPAN, max(MIN_SPAN, span))
        middle = self.first + self.span / 2
        return Scale(middle - span / 2, span, self.width)

    def panned(self, dx: float) -> Scale:
        """Moved by ``dx`` pixels (positive: later dates come into view)."""
        return Scale(self.first + dx / self.px_per_day, self.span, self.width)

    def centred(self, day: float) -> Scale:
        """``day`` in the middle."""
        return Scale(day - self.span / 2, self.span, self.width)

    def resized(self, width: float) -> Scale:
        """The same days across a new width."""
        return Scale(self.first, self.span, max(1.0, width))


def fit(first: date, last: date, width: float, margin: float = 0.04) -> Scale:
    """A scale showing ``first`` to ``last`` with a little room either side."""
    span = max(MIN_SPAN, (last - first).days + 1)
    room = span * margin
    if span + 2 * room > MAX_SPAN:  # more than the farthest zoom: the most recent years
        return Scale(last.toordinal() + 1 + room - MAX_SPAN, MAX_SPAN, max(1.0, width))
    return Scale(first.toordinal() - room, span + 2 * room, max(1.0, width))


# -- time units -------------------------------------------------------------------------
class Unit(StrEnum):
    """Steps of the axis and of density buckets, finest first."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    FIVE_YEARS = "5 years"

    @property
    def days(self) -> float:
        """About how many days one step is."""
        return {
            "day": 1.0, "week": 7.0, "month": 30.44, "quarter": 91.3, "year": 365.25,
            "5 years": 1826.2,
        }[self.value]  # fmt: skip


def floor_to(day: date, unit: Unit) -> date:
    """The start of the ``unit`` that ``day`` is in (weeks start on Monday)."""
    if unit is Unit.DAY:
        return day
    if unit is Unit.WEEK:
        return day - timedelta(days=day.weekday())
    if unit is Unit.MONTH:
        return day.replace(day=1)
    if unit is Unit.QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit is Unit.YEAR:
        return date(day.year, 1, 1)
    return date(day.year - day.year % 5, 1, 1)


def step(day: date, unit: Unit) -> date:
    """The start of the next ``unit`` after the one starting on ``day``."""
    if unit is Unit.DAY:
        return day + timedelta(days=1)
    if unit is Unit.WEEK:
        return day + timedelta(days=7)
    months = {Unit.MONTH: 1, Unit.QUARTER: 3, Unit.YEAR: 12, Unit.FIVE_YEARS: 60}[unit]
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def edges(first: date, last: date, unit: Unit) -> list[date]:
    """Unit starts from the one holding ``first`` to the first after ``last``."""
    out = [floor_to(first, unit)]
    while out[-1] <= last:
        out.append(step(out[-1], unit))
    return out


# -- the axis ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Tick:
    """A line on the axis and its label (``label`` is drawn right of ``x``)."""

    x: float
    label: str
    major: bool = False


def tick_label(day: date, unit: Unit) -> str:
    """What a tick of ``unit`` starting on ``day`` says."""
    if unit is Unit.DAY:
        return f"{calendar.day_abbr[day.weekday()]} {day.day}"
    if unit is Unit.WEEK:
        return f"{day.day} {calendar.month_abbr[day.month]}"
    if unit is Unit.MONTH:
        return calendar.month_abbr[day.month] + (f" {day.year}" if day.month == 1 else "")
    if unit is Unit.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    return str(day.year)


def axis_unit(scale: Scale, label_width: Callable[[str], float], gap: float = 12) -> Unit:
    """The finest unit whose labels fit between their ticks at this zoom."""
    sample = date(2026, 12, 28)  # wide labels: "Mon 28", "28 Dec", "Dec", "Q4 2026"
    for unit in Unit:
        if unit.days * scale.px_per_day >= label_width(tick_label(sample, unit)) + gap:
            return unit
    return Unit.FIVE_YEARS


def axis_ticks(scale: Scale, label_width: Callable[[str], float], gap: float = 12) -> list[Tick]:
    """The ticks in view; labels that would touch the next are left out (never
    overlapping), major ticks mark the next larger unit."""
    unit = axis_unit(scale, label_width, gap)
    major_unit = {
        Unit.DAY: Unit.WEEK, Unit.WEEK: Unit.MONTH, Unit.MONTH: Unit.YEAR,
        Unit.QUARTER: Unit.YEAR, Unit.YEAR: Unit.FIVE_YEARS, Unit.FIVE_YEARS: Unit.FIVE_YEARS,
    }[unit]  # fmt: skip
    first, last = date_of(scale.first), date_of(scale.last)
    ticks: list[Tick] = []
    right_edge = float("-inf")
    for start in edges(first, last, unit):
        x = scale.x(day_of(start))
        label = tick_label(start, unit)
        if x < -scale.px_per_day * unit.days or x > scale.width:
            continue
        shown = label if x >= 0 and x >= right_edge + gap else ""
        if shown:
            right_edge = x + label_width(label)
        ticks.append(Tick(x, shown, floor_to(start, major_unit) == start))
    return ticks


# -- density ----------------------------------------------------------------------------
def bucket_unit(scale: Scale, min_px: float = 5.0) -> Unit:
    """The finest unit whose buckets are at least ``min_px`` wide at this zoom."""
    for unit in Unit:
        if unit.days * scale.px_per_day >= min_px:
            return unit
    return Unit.FIVE_YEARS


@dataclass(frozen=True)
class Bucket:
    """How many items fall in ``[start, end)``."""

    start: date
    end: date
    count: int


def buckets(days: Iterable[date], unit: Unit) -> list[Bucket]:
    """Count ``days`` per ``unit`` (only buckets with something in them)."""
    counts: dict[date, int] = {}
    for day in days:
        key = floor_to(day, unit)
        counts[key] = counts.get(key, 0) + 1
    return [Bucket(start, step(start, unit), n) for start, n in sorted(counts.items())]


def stack_marks(xs: Sequence[float], size: float, rows: int) -> list[int] | None:
    """A row (0 to ``rows`` - 1) for each mark at ``xs`` (sorted) so that marks in one row
    are at least ``size`` apart; None when they do not fit (too dense to tell apart)."""
    ends = [float("-inf")] * rows
    out = []
    for x in xs:
        for row in range(rows):
            if x - ends[row] >= size:
                ends[row] = x
                out.append(row)
                break
        else:
            return None
    return out


# -- lanes ------------------------------------------------------------------------------
def pack_rows(intervals: Sequence[tuple[int, date, date]], gap_days: int = 3) -> dict[int, int]:
    """A row for each ``(id, start, end)``: the first row free by then, so sprints that
    overlap never share one (earliest first)."""
    rows_end: list[date] = []
    out: dict[int, int] = {}
    for ident, start, end in sorted(intervals, key=lambda i: (i[1], i[2], i[0])):
        for row, busy_until in enumerate(rows_end):
            if start > busy_until + timedelta(days=gap_days):
                rows_end[row] = end
                out[ident] = row
                break
        else:
            rows_end.append(end)
            out[ident] = len(rows_end) - 1
    return out


# -- what the timeline shows ------------------------------------------------------------
class ItemKind(StrEnum):
    """What a mark on the timeline stands for."""

    SPRINT = "sprint"
    GOAL = "goal"
    SESSION = "session"
    CHECKIN = "checkin"
    ENTRY = "entry"
    DENSITY = "density"
    ASSESSMENT = "assessment"
    OUTREACH = "outreach"
    AIM = "aim"


@dataclass(frozen=True)
class TimelineSprint:
    """A sprint's bar."""

    id: int
    title: str
    kind: SprintKind
    start: date
    end: date
    finished: bool
    coach_id: int | None = None


@dataclass(frozen=True)
class TimelineGoal:
    """A goal's deadline marker."""

    id: int
    sprint_id: int
    title: str
    deadline: date | None
    status: GoalStatus
    scope: Scope = Scope.COACH


@dataclass(frozen=True)
class TimelineSession:
    """A coaching session."""

    id: int
    sprint_id: int
    starts_at: datetime
    status: SessionStatus
    scope: Scope = Scope.COACH


@dataclass(frozen=True)
class TimelineCheckin:
    """A KPI check-in tick."""

    id: int
    goal_id: int
    sprint_id: int
    on: date
    value: float


@dataclass(frozen=True)
class TimelineEntry:
    """A mentorship log entry."""

    id: int
    occurred_at: datetime
    kind: EntryKind
    title: str
    mentor_name: str


@dataclass(frozen=True)
class TimelineMoment:
    """A step on the way to the right guides and the direction: a self-assessment taken,
    a message sent to a prospective mentor or coach and how it ended, a part of the
    direction reached (the Guides lane)."""

    kind: ItemKind
    id: int
    on: date
    title: str
    scope: Scope = Scope.PRIVATE


@dataclass(frozen=True)
class TimelineData:
    """Everything but the log entries (those are read for the window in view)."""

    sprints: tuple[TimelineSprint, ...]
    goals: tuple[TimelineGoal, ...]
    sessions: tuple[TimelineSession, ...]
    checkins: tuple[TimelineCheckin, ...]
    first_entry: date | None
    last_entry: date | None
    coaches: tuple[tuple[str, int], ...] = ()
    """``(name, id)`` of every coach with a sprint on the timeline, by name."""
    moments: tuple[TimelineMoment, ...] = ()

    def extent(self, today: date) -> tuple[date, date]:
        """The first and last day with anything on them (today included)."""
        days = [today]
        days += [s.start for s in self.sprints] + [s.end for s in self.sprints]
        days += [d for d in (self.first_entry, self.last_entry) if d is not None]
        days += [s.starts_at.astimezone().date() for s in self.sessions]
        days += [c.on for c in self.checkins]
        days += [g.deadline for g in self.goals if g.deadline is not None]
        days += [m.on for m in self.moments]
        return min(days), max(days)


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline narrows to; empty fields mean "any"."""

    sprint_id: int | None = None
    goal_id: int | None = None
    mentor_id: int | None = None
    kind: EntryKind | None = None
    tag: str = ""
    shareable: Shareable | None = None
    """For an export: only the entries this rule shares (see ``domain.sharing``)."""
    coach_id: int | None = None
    """Only this coach's sprints, and the entries linked to them."""

    @property
    def narrows_entries(self) -> bool:
        """Whether any filter applies to the log entries."""
        return (
            self.shareable is not None
            or self.sprint_id is not None
            or self.coach_id is not None
            or self.goal_id is not None
            or self.mentor_id is not None
            or self.kind is not None
            or bool(self.tag)
        )
