"""Paints the timeline on any QPainter (the page, a PNG, a vector PDF) and says where
each mark went, so the page can hover and click them.

Top to bottom: the date axis, the mentorship lane (entries as dots coloured by kind, or
density bars when there are too many to tell apart), the guides lane (self-assessments,
outreach sent and how it ended, parts of the direction reached), then the sprint rows (a bar from
start to end coloured by kind, finished ones muted; sessions on the bar; goal deadlines as
diamonds coloured by status; check-ins as ticks under it). A line marks today.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from devjournal.domain.enums import EntryKind, GoalStatus, SessionStatus, SprintKind
from devjournal.domain.timeline import (
    Bucket,
    ItemKind,
    Scale,
    TimelineCheckin,
    TimelineEntry,
    TimelineGoal,
    TimelineMoment,
    TimelineSession,
    TimelineSprint,
    axis_ticks,
    day_of,
    stack_marks,
)

AXIS_HEIGHT = 40.0
LANE_HEIGHT = 46.0
GUIDES_HEIGHT = 28.0
ROW_HEIGHT = 44.0
LABEL_GAP = 6.0
DETAIL_PX_PER_DAY = 0.6
"""Below this zoom, sessions and check-ins are left out of the sprint rows (their dots
would merge into a smear); goal deadlines stay."""


@dataclass(frozen=True)
class TimelineColors:
    """The palette (light for print, dark to match a dark window)."""

    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    major_grid: QColor
    lane: QColor
    today: QColor
    sprint: Mapping[SprintKind, QColor]
    goal: Mapping[GoalStatus, QColor]
    entry: Mapping[EntryKind, QColor]
    density: QColor


def timeline_colors(dark: bool = False) -> TimelineColors:
    """Colours that read on a light or a dark background."""
    if dark:
        return TimelineColors(
            background=QColor("#1f2227"),
            text=QColor("#d7dbe1"),
            muted=QColor("#8a9099"),
            grid=QColor("#2c3036"),
            major_grid=QColor("#3c424a"),
            lane=QColor("#25292f"),
            today=QColor("#ff7b6b"),
            sprint={
                SprintKind.PERFORMANCE: QColor("#4f86e8"),
                SprintKind.SKILLS: QColor("#3fb68b"),
                SprintKind.LEADERSHIP: QColor("#b07be0"),
            },
            goal={
                GoalStatus.DRAFT: QColor("#8a9099"),
                GoalStatus.ACTIVE: QColor("#f0b429"),
                GoalStatus.ACHIEVED: QColor("#58d68d"),
                GoalStatus.MISSED: QColor("#ff7b6b"),
                GoalStatus.DROPPED: QColor("#6b7078"),
            },
            entry=_entry_colors(dark=True),
            density=QColor("#5b93f0"),
        )
    return TimelineColors(
        background=QColor("#ffffff"),
        text=QColor("#20242a"),
        muted=QColor("#6b7078"),
        grid=QColor("#eef0f3"),
        major_grid=QColor("#d5d9de"),
        lane=QColor("#f6f7f9"),
        today=QColor("#c0392b"),
        sprint={
            SprintKind.PERFORMANCE: QColor("#2f6fde"),
            SprintKind.SKILLS: QColor("#1e8449"),
            SprintKind.LEADERSHIP: QColor("#7d3cc8"),
        },
        goal={
            GoalStatus.DRAFT: QColor("#8a9099"),
            GoalStatus.ACTIVE: QColor("#b7860b"),
            GoalStatus.ACHIEVED: QColor("#1e8449"),
            GoalStatus.MISSED: QColor("#c0392b"),
            GoalStatus.DROPPED: QColor("#a0a6ad"),
        },
        entry=_entry_colors(dark=False),
        density=QColor("#2f6fde"),
    )


def _entry_colors(*, dark: bool) -> dict[EntryKind, QColor]:
    light = {
        EntryKind.ADVICE: "#2f6fde",
        EntryKind.CONVERSATION: "#6b7078",
        EntryKind.LESSON: "#7d3cc8",
        EntryKind.REFLECTION: "#b7860b",
        EntryKind.TAUGHT: "#1e8449",
        EntryKind.FEEDBACK: "#c25e00",
        EntryKind.WIN: "#c0392b",
    }
    colours = {kind: QColor(value) for kind, value in light.items()}
    if dark:
        colours = {kind: c.lighter(150) for kind, c in colours.items()}
    return colours


@dataclass(frozen=True)
class Hit:
    """A mark as the page sees it: where it is, what it is, and its tooltip (worded only
    when asked for: a paint places thousands of marks)."""

    rect: QRectF
    kind: ItemKind
    id: int
    describe: Callable[[], str]
    sprint_id: int | None = None
    goal_id: int | None = None

    @property
    def tip(self) -> str:
        """The tooltip."""
        return self.describe()


@dataclass(frozen=True)
class TimelineScene:
    """What to draw (already filtered)."""

    sprints: Sequence[TimelineSprint]
    rows: Mapping[int, int]
    goals: Sequence[TimelineGoal]
    sessions: Sequence[TimelineSession]
    checkins: Sequence[TimelineCheckin]
    entries: Sequence[TimelineEntry] = ()
    buckets: Sequence[Bucket] = ()
    moments: Sequence[TimelineMoment] = ()
    """The guides lane (already filtered)."""
    today: date | None = None
    """The day the today line marks (from the injected clock); None draws no line."""
    by_sprint: Mapping[
        int, tuple[list[TimelineSession], list[TimelineCheckin], list[TimelineGoal]]
    ] = field(default_factory=dict)
    goal_titles: Mapping[int, str] = field(default_factory=dict)
    spans: Mapping[int, tuple[date, date]] = field(default_factory=dict)
    """Each sprint's first and last day with something on it (sessions and check-ins may
    fall outside its dates). ``by_sprint``, ``goal_titles`` and ``spans`` are worked out
    from the rest, unless given (:meth:`with_entries` keeps them)."""

    def __post_init__(self) -> None:
        if self.by_sprint:
            return  # given with the rest (:meth:`with_entries`)
        groups: dict[
            int, tuple[list[TimelineSession], list[TimelineCheckin], list[TimelineGoal]]
        ] = {s.id: ([], [], []) for s in self.sprints}
        for session in self.sessions:
            if session.sprint_id in groups:
                groups[session.sprint_id][0].append(session)
        for checkin in self.checkins:
            if checkin.sprint_id in groups:
                groups[checkin.sprint_id][1].append(checkin)
        for goal in self.goals:
            if goal.sprint_id in groups:
                groups[goal.sprint_id][2].append(goal)
        spans: dict[int, tuple[date, date]] = {}
        for sprint in self.sprints:
            sessions, checkins, goals = groups[sprint.id]
            days = [sprint.start, sprint.end, *(c.on for c in checkins)]
            days += [x.starts_at.astimezone().date() for x in sessions]
            days += [g.deadline for g in goals if g.deadline is not None]
            spans[sprint.id] = (min(days), max(days))
        object.__setattr__(self, "by_sprint", groups)
        object.__setattr__(self, "goal_titles", {g.id: g.title for g in self.goals})
        object.__setattr__(self, "spans", spans)

    def with_entries(
        self, entries: Sequence[TimelineEntry], buckets: Sequence[Bucket], today: date | None
    ) -> TimelineScene:
        """These lanes with other entries (or counts) and today: the lanes' grouping is
        kept, not worked out again."""
        return dataclasses.replace(self, entries=entries, buckets=buckets, today=today)

    def contains(self, kind: ItemKind, ident: int) -> bool:
        """Whether the item ``kind``/``ident`` is in this scene."""
        pools: dict[ItemKind, Sequence[Any]] = {
            ItemKind.SPRINT: self.sprints,
            ItemKind.GOAL: self.goals,
            ItemKind.SESSION: self.sessions,
            ItemKind.CHECKIN: self.checkins,
            ItemKind.ENTRY: self.entries,
        }
        if kind in MOMENT_KINDS:
            return any(m.kind is kind and m.id == ident for m in self.moments)
        return any(item.id == ident for item in pools.get(kind, ()))

    @property
    def row_count(self) -> int:
        """How many sprint rows there are."""
        return max(self.rows.values(), default=-1) + 1

    def height(self) -> float:
        """The height everything needs."""
        return ROWS_TOP + max(1, self.row_count) * ROW_HEIGHT + 8


ROWS_TOP = AXIS_HEIGHT + LANE_HEIGHT + GUIDES_HEIGHT
"""Where the first sprint row starts."""
MOMENT_KINDS = frozenset({ItemKind.ASSESSMENT, ItemKind.OUTREACH, ItemKind.AIM})


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _moment_tip(moment: TimelineMoment) -> str:
    return f"{moment.title}\n{_day(moment.on)}"


# -- tooltips (worded when hovered) -----------------------------------------------------
def _bucket_tip(bucket: Bucket) -> str:
    end = date.fromordinal(bucket.end.toordinal() - 1)
    span = _day(bucket.start) if end == bucket.start else f"{_day(bucket.start)} – {_day(end)}"
    return f"{bucket.count:,} {'entry' if bucket.count == 1 else 'entries'}, {span}"


def _entry_tip(entry: TimelineEntry) -> str:
    who = f" · {entry.mentor_name}" if entry.mentor_name else ""
    when = entry.occurred_at.astimezone()
    return f"{entry.title}\n{_day(when.date())}, {when:%H:%M} · {entry.kind.label}{who}"


def _sprint_tip(sprint: TimelineSprint) -> str:
    state = "finished" if sprint.finished else "running or planned"
    return (
        f"{sprint.title}\n{sprint.kind.label} sprint · {_day(sprint.start)} – "
        f"{_day(sprint.end)} · {state}"
    )


def _session_tip(session: TimelineSession, sprint: TimelineSprint) -> str:
    when = session.starts_at.astimezone()
    return (
        f"Coaching session, {session.status.value}\n{_day(when.date())}, {when:%H:%M} · "
        f"{sprint.title}"
    )


def _checkin_tip(checkin: TimelineCheckin, goal_title: str) -> str:
    return f"Check-in {_day(checkin.on)}: {checkin.value:g}\n{goal_title}"


def _goal_tip(goal: TimelineGoal) -> str:
    due = _day(goal.deadline) if goal.deadline else "no deadline"
    return f"{goal.title}\nDue {due} · {goal.status.value}"


# -- painting ---------------------------------------------------------------------------
def paint_timeline(
    painter: QPainter,
    width: float,
    *,
    scale: Scale,
    scene: TimelineScene,
    colors: TimelineColors,
    font: QFont,
    selected: tuple[ItemKind, int] | None = None,
) -> list[Hit]:
    """Draw ``scene`` across ``width`` pixels at ``scale`` (``selected`` outlined), inside
    ``width`` by ``scene.height()``; returns the marks drawn, in paint order (the last is
    on top)."""
    hits: list[Hit] = []
    height = scene.height()
    painter.save()
    painter.setClipRect(QRectF(0, 0, width, height))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, width, height), colors.background)
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    metrics = QFontMetricsF(small)
    painter.setFont(small)

    # Grid and axis: tick labels on the axis row, "today" on the row above.
    ticks = axis_ticks(scale, metrics.horizontalAdvance)
    for tick in ticks:
        painter.setPen(QPen(colors.major_grid if tick.major else colors.grid, 1))
        painter.drawLine(QPointF(tick.x, AXIS_HEIGHT - 18), QPointF(tick.x, height))
        if tick.label:
            painter.setPen(colors.text if tick.major else colors.muted)
            painter.drawText(QPointF(tick.x + 3, AXIS_HEIGHT - 7), tick.label)
    painter.setPen(QPen(colors.major_grid, 1))
    painter.drawLine(QPointF(0, AXIS_HEIGHT), QPointF(width, AXIS_HEIGHT))

    # The mentorship lane.
    lane = QRectF(0, AXIS_HEIGHT, width, LANE_HEIGHT)
    painter.fillRect(lane.adjusted(0, 1, 0, 0), colors.lane)
    painter.setPen(colors.muted)
    painter.drawText(QPointF(LABEL_GAP, lane.top() + metrics.ascent() + 3), "Mentorship")
    hits += _paint_entries(painter, scale, scene=scene, colors=colors, lane=lane, metrics=metrics)

    # The guides lane.
    guides = QRectF(0, AXIS_HEIGHT + LANE_HEIGHT, width, GUIDES_HEIGHT)
    hits += _paint_moments(painter, scale, scene=scene, colors=colors, lane=guides)

    # Sprint rows.
    top = ROWS_TOP
    ink = _Ink.of(colors)
    font_key = small.key()
    for sprint in scene.sprints:
        row = scene.rows.get(sprint.id)
        first, last = scene.spans.get(sprint.id, (sprint.start, sprint.end))
        if row is None or day_of(last) + 1 < scale.first or day_of(first) > scale.last:
            continue  # nothing of it in view
        place = _Row(painter, scale, top + row * ROW_HEIGHT, colors, ink, metrics, font_key)
        hits += _paint_sprint(place, scene, sprint)

    # Today.
    x = -1.0 if scene.today is None else scale.x(day_of(scene.today) + 0.5)
    if 0 <= x <= width:
        painter.setPen(QPen(colors.today, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 18), QPointF(x, height))
        painter.setPen(colors.today)
        label = "today"
        left = min(max(0.0, x - metrics.horizontalAdvance(label) / 2), width - 40)
        painter.drawText(QPointF(left, metrics.ascent() + 1), label)

    if selected is not None:
        for hit in reversed(hits):
            if (hit.kind, hit.id) == selected:
                painter.setPen(QPen(colors.text, 1.5, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(hit.rect.adjusted(-2, -2, 2, 2))
                break
    painter.restore()
    return hits


ENTRY_RADIUS = 4.5
ENTRY_ROWS = 3
"""Dots that would overlap stack in up to this many rows; more is shown as counts."""


def entry_rows(scale: Scale, entries: Sequence[TimelineEntry]) -> list[int] | None:
    """The row of each entry's dot, or None when they are too dense to tell apart."""
    xs = [scale.x(day_of(e.occurred_at)) for e in entries]
    return stack_marks(xs, 2 * ENTRY_RADIUS + 1, ENTRY_ROWS)


def _paint_entries(
    painter: QPainter,
    scale: Scale,
    *,
    scene: TimelineScene,
    colors: TimelineColors,
    lane: QRectF,
    metrics: QFontMetricsF,
) -> list[Hit]:
    hits: list[Hit] = []
    if scene.buckets:
        most = max(b.count for b in scene.buckets)
        floor = lane.bottom() - 3
        room = lane.height() - metrics.height() - 8
        for bucket in scene.buckets:
            x1 = scale.x(day_of(bucket.start))
            x2 = scale.x(day_of(bucket.end))
            bar = max(2.0, room * math.sqrt(bucket.count / most))
            rect = QRectF(x1 + 0.5, floor - bar, max(1.0, x2 - x1 - 1), bar)
            painter.fillRect(rect, colors.density)
            hits.append(
                Hit(rect, ItemKind.DENSITY, bucket.start.toordinal(), partial(_bucket_tip, bucket))
            )
        return hits
    radius = ENTRY_RADIUS
    rows = entry_rows(scale, scene.entries)
    step_y = 2 * radius + 1
    base = lane.bottom() - radius - 4
    for index, entry in enumerate(scene.entries):
        x = scale.x(day_of(entry.occurred_at))
        row = rows[index] if rows is not None else index % ENTRY_ROWS
        y = base - row * step_y
        painter.setPen(QPen(colors.background, 1))
        painter.setBrush(QBrush(colors.entry.get(entry.kind, colors.muted)))
        painter.drawEllipse(QPointF(x, y), radius, radius)
        hits.append(
            Hit(
                QRectF(x - radius - 1, y - radius - 1, 2 * radius + 2, 2 * radius + 2),
                ItemKind.ENTRY,
                entry.id,
                partial(_entry_tip, entry),
            )
        )
    return hits


MOMENT_SIZE = 5.0


def _paint_moments(
    painter: QPainter,
    scale: Scale,
    *,
    scene: TimelineScene,
    colors: TimelineColors,
    lane: QRectF,
) -> list[Hit]:
    """Each moment as a small square (a self-assessment), triangle (outreach) or star-like
    diamond (a part of the direction reached), on the lane's middle line."""
    hits: list[Hit] = []
    painter.setPen(QPen(colors.grid, 1))
    painter.drawLine(lane.bottomLeft(), lane.bottomRight())
    painter.setPen(colors.muted)
    ascent = QFontMetricsF(painter.font()).ascent()
    painter.drawText(QPointF(LABEL_GAP, lane.top() + ascent + 3), "Guides")
    fills = {
        ItemKind.ASSESSMENT: colors.entry.get(EntryKind.REFLECTION, colors.muted),
        ItemKind.OUTREACH: colors.entry.get(EntryKind.CONVERSATION, colors.muted),
        ItemKind.AIM: colors.entry.get(EntryKind.WIN, colors.muted),
    }
    y = lane.center().y() + 3
    s = MOMENT_SIZE
    painter.setPen(QPen(colors.background, 1))
    for moment in scene.moments:
        x = scale.x(day_of(moment.on) + 0.5)
        if x < -s or x > scale.width + s:
            continue
        painter.setBrush(QBrush(fills[moment.kind]))
        if moment.kind is ItemKind.ASSESSMENT:
            painter.drawRect(QRectF(x - s + 1, y - s + 1, 2 * s - 2, 2 * s - 2))
        elif moment.kind is ItemKind.OUTREACH:
            painter.drawPolygon(
                QPolygonF([QPointF(x, y - s), QPointF(x + s, y + s - 1), QPointF(x - s, y + s - 1)])
            )
        else:
            painter.drawPolygon(DIAMOND.translated(x, y))
        hits.append(
            Hit(
                QRectF(x - s - 1, y - s - 1, 2 * s + 2, 2 * s + 2),
                moment.kind,
                moment.id,
                partial(_moment_tip, moment),
            )
        )
    return hits


@dataclass(frozen=True)
class _Ink:
    """The pens and colours of one paint, made once rather than once per mark."""

    white: QColor
    sprint: Mapping[tuple[SprintKind, bool], QColor]
    goal: Mapping[GoalStatus, tuple[QPen, QColor]]
    """A deadline's outline and fill by the goal's status: filled and edged in the
    background colour, or hollow (dropped: set aside, not missed)."""
    goal_unknown: tuple[QPen, QColor]
    tick: QPen
    session: QPen

    @classmethod
    def of(cls, colors: TimelineColors) -> _Ink:
        sprint = {}
        for kind, colour in colors.sprint.items():
            sprint[(kind, False)] = QColor(colour)
            sprint[(kind, True)] = _mix(colour, colors.background, 0.55)
        edge = QPen(colors.background, 1)
        goal = {
            status: (QPen(colour, 1.5), colors.background)
            if status is GoalStatus.DROPPED
            else (edge, colour)
            for status, colour in colors.goal.items()
        }
        return cls(
            white=QColor("#ffffff"),
            sprint=sprint,
            goal=goal,
            goal_unknown=(edge, colors.muted),
            tick=QPen(colors.muted, 1.2),
            session=QPen(colors.text, 1.2),
        )


DIAMOND = QPolygonF([QPointF(0, -6), QPointF(6, 0), QPointF(0, 6), QPointF(-6, 0)])
"""A goal's deadline, around (0, 0): moved to each deadline."""

_ELIDED: dict[tuple[str, str, float], str] = {}
"""Sprint titles as elided to a width, by font: a pan redraws the same titles."""
ELIDED_KEPT = 4096


def _elided(metrics: QFontMetricsF, font_key: str, title: str, width: float) -> str:
    key = (font_key, title, width)
    text = _ELIDED.get(key)
    if text is None:
        if len(_ELIDED) >= ELIDED_KEPT:
            _ELIDED.clear()
        text = _ELIDED[key] = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
    return text


@dataclass(frozen=True)
class _Row:
    """Where one sprint row is painted, and with what."""

    painter: QPainter
    scale: Scale
    top: float
    colors: TimelineColors
    ink: _Ink
    metrics: QFontMetricsF
    font_key: str


def _paint_sprint(row: _Row, scene: TimelineScene, sprint: TimelineSprint) -> list[Hit]:
    painter, scale, top, colors = row.painter, row.scale, row.top, row.colors
    hits: list[Hit] = []
    x1 = scale.x(day_of(sprint.start))
    x2 = scale.x(day_of(sprint.end) + 1)
    bar = QRectF(x1, top + 6, max(2.0, x2 - x1), 18)
    colour = row.ink.sprint.get((sprint.kind, sprint.finished))
    if colour is None:
        colour = QColor(colors.muted)
        if sprint.finished:  # muted: the kind's colour washed towards the background
            colour = _mix(colour, colors.background, 0.55)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(bar, 4, 4)
    left, right = max(bar.left(), 0.0), min(bar.right(), scale.width)
    if right - left > 40:  # the part of the bar in view has room for its title
        painter.setPen(colors.text if sprint.finished else row.ink.white)
        text = _elided(row.metrics, row.font_key, sprint.title, right - left - 10)
        painter.drawText(QPointF(left + 5, bar.top() + 13), text)
    hits.append(Hit(bar, ItemKind.SPRINT, sprint.id, partial(_sprint_tip, sprint), sprint.id))
    sessions, checkins, goals = scene.by_sprint.get(sprint.id, ([], [], []))
    if scale.px_per_day >= DETAIL_PX_PER_DAY:  # years across: sessions and check-ins blur
        hits += _paint_checkins(row, scene, sprint, checkins)
        hits += _paint_sessions(row, sprint, sessions, bar.bottom() + 0.5)
    hits += _paint_goals(row, sprint, goals)
    return hits


def _paint_checkins(
    row: _Row, scene: TimelineScene, sprint: TimelineSprint, checkins: Sequence[TimelineCheckin]
) -> list[Hit]:
    painter, scale, top = row.painter, row.scale, row.top
    hits: list[Hit] = []
    if checkins:
        painter.setPen(row.ink.tick)
    for checkin in checkins:
        x = scale.x(day_of(checkin.on) + 0.5)
        painter.drawLine(QPointF(x, top + 30), QPointF(x, top + 38))
        hits.append(
            Hit(
                QRectF(x - 3, top + 29, 6, 11),
                ItemKind.CHECKIN,
                checkin.id,
                partial(_checkin_tip, checkin, scene.goal_titles.get(checkin.goal_id, "")),
                sprint.id,
                checkin.goal_id,
            )
        )
    return hits


def _paint_sessions(
    row: _Row, sprint: TimelineSprint, sessions: Sequence[TimelineSession], y: float
) -> list[Hit]:
    painter, scale, colors = row.painter, row.scale, row.colors
    hits: list[Hit] = []
    if sessions:
        painter.setPen(row.ink.session)
    for session in sessions:
        x = scale.x(day_of(session.starts_at))
        centre = QPointF(x, y)
        painter.setBrush(colors.text if session.status is SessionStatus.HELD else colors.background)
        painter.drawEllipse(centre, 3.5, 3.5)
        if session.status is SessionStatus.CANCELLED:
            painter.drawLine(centre + QPointF(-4, -4), centre + QPointF(4, 4))
        hits.append(
            Hit(
                QRectF(x - 5, y - 5, 10, 10),
                ItemKind.SESSION,
                session.id,
                partial(_session_tip, session, sprint),
                sprint.id,
            )
        )
    return hits


def _paint_goals(row: _Row, sprint: TimelineSprint, goals: Sequence[TimelineGoal]) -> list[Hit]:
    painter, scale, styles = row.painter, row.scale, row.ink.goal
    first, px_per_day = scale.first, scale.px_per_day
    hits: list[Hit] = []
    y = row.top + 34
    drawn_with: tuple[QPen, QColor] | None = None
    for goal in goals:
        if goal.deadline is None:
            continue
        x = (goal.deadline.toordinal() + 0.5 - first) * px_per_day  # scale.x of its middle
        diamond = DIAMOND.translated(x, y)
        style = styles.get(goal.status) or row.ink.goal_unknown
        if style is not drawn_with:
            painter.setPen(style[0])
            painter.setBrush(style[1])
            drawn_with = style
        painter.drawPolygon(diamond)
        hits.append(
            Hit(
                diamond.boundingRect(),
                ItemKind.GOAL,
                goal.id,
                partial(_goal_tip, goal),
                sprint.id,
                goal.id,
            )
        )
    return hits


def _mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` of the way to ``other``."""
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * amount,
        colour.greenF() + (other.greenF() - colour.greenF()) * amount,
        colour.blueF() + (other.blueF() - colour.blueF()) * amount,
    )
