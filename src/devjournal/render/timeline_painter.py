"""Paints the timeline on any QPainter (the page, a PNG, a vector PDF) and says where
each mark went, so the page can hover and click them.

Top to bottom: the date axis, the mentorship lane (entries as dots coloured by kind, or
density bars when there are too many to tell apart), then the sprint rows (a bar from
start to end coloured by kind, finished ones muted; sessions on the bar; goal deadlines as
diamonds coloured by status; check-ins as ticks under it). A line marks today.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

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
    TimelineSession,
    TimelineSprint,
    axis_ticks,
    day_of,
)

AXIS_HEIGHT = 30.0
LANE_HEIGHT = 46.0
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
    """A mark as the page sees it: where it is, what it is, what its tooltip says."""

    rect: QRectF
    kind: ItemKind
    id: int
    tip: str
    sprint_id: int | None = None
    goal_id: int | None = None


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
    today: date = field(default_factory=date.today)
    by_sprint: Mapping[
        int, tuple[list[TimelineSession], list[TimelineCheckin], list[TimelineGoal]]
    ] = field(default_factory=dict)
    goal_titles: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
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
        object.__setattr__(self, "by_sprint", groups)
        object.__setattr__(self, "goal_titles", {g.id: g.title for g in self.goals})

    @property
    def row_count(self) -> int:
        """How many sprint rows there are."""
        return max(self.rows.values(), default=-1) + 1

    def height(self) -> float:
        """The height everything needs."""
        return AXIS_HEIGHT + LANE_HEIGHT + max(1, self.row_count) * ROW_HEIGHT + 8


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


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
    """Draw ``scene`` across ``width`` pixels at ``scale`` (``selected`` outlined); returns
    the marks drawn."""
    hits: list[Hit] = []
    height = scene.height()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, width, height), colors.background)
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    metrics = QFontMetricsF(small)
    painter.setFont(small)

    # Grid and axis.
    ticks = axis_ticks(scale, metrics.horizontalAdvance)
    for tick in ticks:
        painter.setPen(QPen(colors.major_grid if tick.major else colors.grid, 1))
        painter.drawLine(QPointF(tick.x, AXIS_HEIGHT - 6), QPointF(tick.x, height))
        if tick.label:
            painter.setPen(colors.text if tick.major else colors.muted)
            painter.drawText(QPointF(tick.x + 3, AXIS_HEIGHT - 11), tick.label)
    painter.setPen(QPen(colors.major_grid, 1))
    painter.drawLine(QPointF(0, AXIS_HEIGHT), QPointF(width, AXIS_HEIGHT))

    # The mentorship lane.
    lane = QRectF(0, AXIS_HEIGHT, width, LANE_HEIGHT)
    painter.fillRect(lane.adjusted(0, 1, 0, 0), colors.lane)
    painter.setPen(colors.muted)
    painter.drawText(QPointF(LABEL_GAP, lane.top() + metrics.ascent() + 3), "Mentorship")
    hits += _paint_entries(painter, scale, scene=scene, colors=colors, lane=lane, metrics=metrics)

    # Sprint rows.
    top = AXIS_HEIGHT + LANE_HEIGHT
    for sprint in scene.sprints:
        row = scene.rows.get(sprint.id)
        if row is None or day_of(sprint.end) + 1 < scale.first or day_of(sprint.start) > scale.last:
            continue  # not in view
        hits += _paint_sprint(
            painter,
            scale,
            scene=scene,
            sprint=sprint,
            top=top + row * ROW_HEIGHT,
            colors=colors,
            metrics=metrics,
        )

    # Today.
    x = scale.x(day_of(scene.today) + 0.5)
    if 0 <= x <= width:
        painter.setPen(QPen(colors.today, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, height))
        painter.setPen(colors.today)
        label = "today"
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, 10), label)

    if selected is not None:
        for hit in hits:
            if (hit.kind, hit.id) == selected:
                painter.setPen(QPen(colors.text, 1.5, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(hit.rect.adjusted(-2, -2, 2, 2))
                break
    painter.restore()
    return hits


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
            end = date.fromordinal(bucket.end.toordinal() - 1)
            span = (
                _day(bucket.start) if end == bucket.start else f"{_day(bucket.start)} – {_day(end)}"
            )
            tip = f"{bucket.count:,} {'entry' if bucket.count == 1 else 'entries'}, {span}"
            hits.append(Hit(rect, ItemKind.DENSITY, bucket.start.toordinal(), tip))
        return hits
    mid = lane.top() + lane.height() / 2 + metrics.height() / 3
    radius = 4.5
    for entry in scene.entries:
        x = scale.x(day_of(entry.occurred_at))
        colour = colors.entry.get(entry.kind, colors.muted)
        painter.setPen(QPen(colors.background, 1))
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(QPointF(x, mid), radius, radius)
        who = f" · {entry.mentor_name}" if entry.mentor_name else ""
        on = _day(entry.occurred_at.astimezone().date())
        tip = f"{entry.title}\n{on} · {entry.kind.label}{who}"
        hits.append(
            Hit(
                QRectF(x - radius - 1, mid - radius - 1, 2 * radius + 2, 2 * radius + 2),
                ItemKind.ENTRY,
                entry.id,
                tip,
            )
        )
    return hits


def _paint_sprint(
    painter: QPainter,
    scale: Scale,
    *,
    scene: TimelineScene,
    sprint: TimelineSprint,
    top: float,
    colors: TimelineColors,
    metrics: QFontMetricsF,
) -> list[Hit]:
    hits: list[Hit] = []
    x1 = scale.x(day_of(sprint.start))
    x2 = scale.x(day_of(sprint.end) + 1)
    bar = QRectF(x1, top + 6, max(2.0, x2 - x1), 18)
    colour = QColor(colors.sprint.get(sprint.kind, colors.muted))
    if sprint.finished:
        colour.setAlphaF(0.45)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(bar, 4, 4)
    visible = bar.intersected(QRectF(0, bar.top(), scale.width, bar.height()))
    if visible.width() > 40:
        painter.setPen(QColor("#ffffff"))
        text = metrics.elidedText(sprint.title, Qt.TextElideMode.ElideRight, visible.width() - 10)
        painter.drawText(QPointF(visible.left() + 5, bar.top() + 13), text)
    state = "finished" if sprint.finished else "running or planned"
    hits.append(
        Hit(
            bar,
            ItemKind.SPRINT,
            sprint.id,
            f"{sprint.title}\n{sprint.kind.label} sprint · {_day(sprint.start)} – "
            f"{_day(sprint.end)} · {state}",
            sprint_id=sprint.id,
        )
    )
    sessions, checkins, goals = scene.by_sprint.get(sprint.id, ([], [], []))
    if scale.px_per_day < DETAIL_PX_PER_DAY:  # years across: sessions and check-ins blur
        sessions, checkins = [], []
    for session in sessions:
        x = scale.x(day_of(session.starts_at))
        centre = QPointF(x, bar.bottom() + 0.5)
        painter.setPen(QPen(colors.text, 1.2))
        if session.status is SessionStatus.HELD:
            painter.setBrush(colors.text)
        else:
            painter.setBrush(colors.background)
        painter.drawEllipse(centre, 3.5, 3.5)
        if session.status is SessionStatus.CANCELLED:
            painter.drawLine(centre + QPointF(-4, -4), centre + QPointF(4, 4))
        when = session.starts_at.astimezone()
        hits.append(
            Hit(
                QRectF(x - 5, centre.y() - 5, 10, 10),
                ItemKind.SESSION,
                session.id,
                f"Coaching session, {session.status.value}\n{_day(when.date())}, "
                f"{when:%H:%M} · {sprint.title}",
                sprint_id=sprint.id,
            )
        )
    for checkin in checkins:
        x = scale.x(day_of(checkin.on) + 0.5)
        painter.setPen(QPen(colors.muted, 1.2))
        painter.drawLine(QPointF(x, top + 30), QPointF(x, top + 38))
        goal_title = scene.goal_titles.get(checkin.goal_id, "")
        hits.append(
            Hit(
                QRectF(x - 3, top + 29, 6, 11),
                ItemKind.CHECKIN,
                checkin.id,
                f"Check-in {_day(checkin.on)}: {checkin.value:g}\n{goal_title}",
                sprint_id=sprint.id,
                goal_id=checkin.goal_id,
            )
        )
    for goal in goals:
        if goal.deadline is None:
            continue
        x = scale.x(day_of(goal.deadline) + 0.5)
        y = top + 34
        diamond = QPolygonF(
            [QPointF(x, y - 6), QPointF(x + 6, y), QPointF(x, y + 6), QPointF(x - 6, y)]
        )
        painter.setPen(QPen(colors.background, 1))
        painter.setBrush(colors.goal.get(goal.status, colors.muted))
        painter.drawPolygon(diamond)
        hits.append(
            Hit(
                diamond.boundingRect(),
                ItemKind.GOAL,
                goal.id,
                f"{goal.title}\nDue {_day(goal.deadline)} · {goal.status.value}",
                sprint_id=sprint.id,
                goal_id=goal.id,
            )
        )
    return hits
