"""The Timeline page: all of a person's development on one zoomable time axis.

A lane per sprint (packed so overlapping sprints get their own row) with its goals'
deadlines, sessions and check-ins, and a mentorship lane with the log entries, drawn by
``render/timeline_painter.py``. Zoom with the buttons (week to all), Ctrl+wheel or +/-;
pan by dragging, the wheel or the arrow keys. Filters narrow by coach, sprint, goal, mentor,
kind and tag. The view remembers its zoom and position; it can be saved as PNG or vector PDF.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.enums import EntryKind
from devjournal.domain.jobs import no_progress
from devjournal.domain.sharing import NOTHING_PRIVATE, Shareable, Sharing
from devjournal.domain.timeline import (
    MIN_SPAN,
    ZOOMS,
    Scale,
    TimelineData,
    TimelineFilter,
    bucket_unit,
    date_of,
    day_of,
    fit,
    pack_rows,
)
from devjournal.drafts import DraftKey
from devjournal.exporting.reports import TIMELINE, TimelineRequest
from devjournal.files import write_export
from devjournal.render.timeline_painter import TimelineScene, entry_rows
from devjournal.services.changes import Changes
from devjournal.services.container import Services
from devjournal.services.timeline_service import EntryWindow, TimelineService
from devjournal.settings import Settings
from devjournal.ui.ops import Ops
from devjournal.ui.report_export import save_report
from devjournal.ui.wheel_guard import guard_wheel
from devjournal.ui.widgets.card import label
from devjournal.ui.widgets.empty_state import EmptyState
from devjournal.ui.widgets.flow_layout import FlowLayout
from devjournal.ui.widgets.timeline_view import ZOOM_STEP, TimelineView

log = logging.getLogger(__name__)

PX_PER_MARK = 6.0
"""Entries closer than this would blur: shown as counts instead."""


WindowKey = tuple[object, ...]
"""What an entry window was read for: the days in view, the filter, the width and the
bucket unit (:func:`window_key`)."""


def window_key(scale: Scale, where: TimelineFilter) -> WindowKey:
    """The key an entry window is kept under: the same key, the same answer."""
    return (scale.first_date, scale.last_date, where, int(scale.width), bucket_unit(scale))


def read_window(timeline: TimelineService, scale: Scale, where: TimelineFilter) -> EntryWindow:
    """The entries in view: dots when they can be told apart (stacked up to three high),
    else counts per bucket."""
    first, last = scale.first_date, scale.last_date
    unit = bucket_unit(scale)
    window = timeline.window(
        first, last, where, max_marks=int(scale.width / PX_PER_MARK), unit=unit
    )
    closest = scale.span <= MIN_SPAN + 0.5  # nowhere closer to go: stack what there is
    if window.entries and not closest and entry_rows(scale, window.entries) is None:
        window = timeline.window(first, last, where, max_marks=0, unit=unit)
    return window


def lanes_of(
    data: TimelineData,
    rows: Mapping[int, int],
    where: TimelineFilter,
    rule: Shareable | None = None,
) -> TimelineScene:
    """The sprint rows ``where`` (and ``rule``, for an export) leave in, with no entries
    (:meth:`TimelineScene.with_entries` adds them for a view)."""
    sprints = [
        s
        for s in data.sprints
        if where.sprint_id in (None, s.id) and where.coach_id in (None, s.coach_id)
    ]
    if where.goal_id is not None:
        owner = next((g.sprint_id for g in data.goals if g.id == where.goal_id), None)
        sprints = [s for s in sprints if s.id == owner]
    shown = {s.id for s in sprints}

    def goal_shown(goal_id: int) -> bool:
        return where.goal_id in (None, goal_id) and (rule is None or rule.goal(goal_id))

    goals = [g for g in data.goals if g.sprint_id in shown and goal_shown(g.id)]
    checkins = [c for c in data.checkins if c.sprint_id in shown and goal_shown(c.goal_id)]
    sessions = [
        s for s in data.sessions if s.sprint_id in shown and (rule is None or rule.session(s.id))
    ]
    if where.sprint_id is not None or where.goal_id is not None:
        rows = {s.id: i for i, s in enumerate(sprints)}
    elif where.coach_id is not None:  # the coach's sprints, packed on as few rows as fit
        rows = pack_rows([(s.id, s.start, s.end) for s in sprints])
    # The guides lane belongs to no sprint, mentor, kind or tag: a filter to one hides it.
    narrowed = where.narrows_entries and where.shareable is None
    moments = [m for m in data.moments if not narrowed and (rule is None or rule.sharing.shares(m))]
    return TimelineScene(
        sprints=sprints,
        rows=rows,
        goals=goals,
        sessions=sessions,
        checkins=checkins,
        moments=moments,
    )


@dataclass(frozen=True)
class TimelineRead:
    """One read of the journal for the page, made off the GUI thread: the lanes packed,
    the filters' choices, and the entries for the view the read was asked for."""

    data: TimelineData
    rows: dict[int, int]
    mentors: tuple[tuple[str, int], ...]
    tags: tuple[str, ...]
    window: tuple[WindowKey, EntryWindow]
    lanes: tuple[TimelineFilter, TimelineScene]
    extent: tuple[date, date]
    """The first and last day with anything on them, today included (as "All" fits)."""


def read_page(services: Services, scale: Scale, where: TimelineFilter) -> TimelineRead:
    """Everything the page draws from (it touches no widget: it runs on a worker)."""
    data = services.timeline.data()
    rows = pack_rows([(s.id, s.start, s.end) for s in data.sprints])
    mentorship = services.mentorship
    return TimelineRead(
        data=data,
        rows=rows,
        mentors=tuple((m.name, m.id) for m in mentorship.mentors()),
        tags=tuple(mentorship.tag_names()),
        window=(window_key(scale, where), read_window(services.timeline, scale, where)),
        lanes=(where, lanes_of(data, rows, where)),
        extent=data.extent(services.timeline.today()),
    )


class TimelinePage(QWidget):
    """Sprints, goals, sessions, check-ins and the mentorship log on one axis.

    The journal is read off the GUI thread (:meth:`refresh`, through ``Ops.query``): the
    page shows at once, saying it is reading the first time and keeping the last read
    after, and draws the lanes when the read returns (then ``read_shown``). A read asked
    for while another runs wins: the older one's answer is dropped."""

    shows: ClassVar[Changes] = Changes.EVERYTHING
    dialog: QDialog | None = None

    open_requested = Signal(object)  # render.timeline_painter.Hit
    coaching_requested = Signal()
    read_shown = Signal()
    """A read of the journal has been drawn."""

    READING = "Reading the timeline…"

    def __init__(
        self,
        services: Services,
        ops: Ops,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._ops = ops
        self._settings = settings
        today = services.timeline.today()
        self.data: TimelineData | None = None
        self._rows: dict[int, int] = {}
        self._mentors: tuple[tuple[str, int], ...] = ()
        self._tags: tuple[str, ...] = ()
        self._extent = (today, today)
        self._stale = True
        self._asked = 0  # reads asked for; only the last one asked is drawn
        self._pending: int | None = None
        self.filter = TimelineFilter()
        self.entries_total = 0
        self._window_cache: tuple[WindowKey, EntryWindow] | None = None
        self._lanes_cache: tuple[TimelineFilter, TimelineScene] | None = None
        self._all_span = -1.0
        self.view = TimelineView(Scale(today.toordinal() - 46, 92, 900))
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(600)
        self._save_timer.timeout.connect(self._save_position)

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 12)
        column.setSpacing(10)
        column.addWidget(label("Timeline", "pageTitle"))
        column.addLayout(self._build_tools())
        column.addLayout(self._build_filters())
        self.status = label("", "muted", wrap=True)
        column.addWidget(self.status)
        self.legend = label("", "muted", wrap=True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.legend)
        column.addWidget(self._build_canvas(), 1)
        self._connect()
        self._enable(False)  # until the first read has come back

    def _build_tools(self) -> FlowLayout:
        """The zoom buttons, Today and the export menu."""
        tools = FlowLayout()
        self.zoom_buttons: dict[str, QPushButton] = {}
        for name in (*ZOOMS, "all"):
            button = QPushButton(name.capitalize())
            button.setCheckable(True)
            button.setToolTip("Fit the whole journal" if name == "all" else f"Show a {name} across")
            button.clicked.connect(lambda _checked=False, n=name: self.set_zoom(n))
            self.zoom_buttons[name] = button
            tools.addWidget(button)
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip("Zoom out (-, Ctrl+wheel)")
        self.zoom_out_button.setAccessibleName("Zoom out")
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip("Zoom in (+, Ctrl+wheel)")
        self.zoom_in_button.setAccessibleName("Zoom in")
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Put today in the middle (Home)")
        for button in (self.zoom_out_button, self.zoom_in_button, self.today_button):
            tools.addWidget(button)
        tools.add_right(self._build_export_button())
        return tools

    def _build_export_button(self) -> QToolButton:
        """Export, with its menu: PNG, vector PDF, and whether private items go in."""
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_png_action = menu.addAction("What is in view as PNG…")
        self.export_pdf_action = menu.addAction("What is in view as PDF (vector)…")
        menu.addSeparator()
        self.export_private_action = menu.addAction("Include private items")
        self.export_private_action.setCheckable(True)
        self.export_private_action.setToolTip(
            "Private goals (with their check-ins), sessions and entries are left out of an "
            "export unless this is ticked"
        )
        self.export_button.setMenu(menu)
        return self.export_button

    def _build_filters(self) -> FlowLayout:
        """The filter boxes (coach, sprint, goal, mentor, kind, tag) and Clear filters."""
        filters = FlowLayout()
        self.coach_box = self._combo("Filter by coach")
        self.sprint_box = self._combo("Filter by sprint")
        self.goal_box = self._combo("Filter by goal")
        self.mentor_box = self._combo("Filter entries by mentor")
        self.kind_box = self._combo("Filter entries by kind")
        self.tag_box = self._combo("Filter entries by tag")
        for box in self._boxes():
            filters.addWidget(box)
        self.clear_button = QPushButton("Clear filters")
        filters.addWidget(self.clear_button)
        return filters

    def _boxes(self) -> tuple[QComboBox, ...]:
        return (
            self.coach_box,
            self.sprint_box,
            self.goal_box,
            self.mentor_box,
            self.kind_box,
            self.tag_box,
        )

    def _build_canvas(self) -> QStackedWidget:
        """The view in its scroll area (its axis only until the first read returns) and
        the empty state."""
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.view)
        holder_layout.addStretch(1)
        self.scroller.setWidget(holder)
        self.empty = EmptyState(
            "Your development, on one line",
            "Sprints with their goals, sessions and check-ins, and every mentorship entry, "
            "appear here on one time axis as you add them.",
            "Go to Coaching",
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroller)
        self.stack.addWidget(self.empty)
        return self.stack

    def _connect(self) -> None:
        self.view.scale_changed.connect(self._on_view_scale_changed)
        self.view.activated.connect(self.open_requested.emit)
        self.empty.button.clicked.connect(self.coaching_requested.emit)
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.today_button.clicked.connect(self.view.go_to_today)
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_png_action.triggered.connect(lambda: self.export("png"))
        self.export_pdf_action.triggered.connect(lambda: self.export("pdf"))
        for box in self._boxes():
            box.activated.connect(self._on_filter_activated)

    @staticmethod
    def _combo(tip: str) -> QComboBox:
        box = QComboBox()
        box.setToolTip(tip)
        box.setAccessibleName(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setMaximumWidth(260)
        guard_wheel(box)
        return box

    # -- data -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Draw what changed (zoom, position and filters kept)."""
        self.refresh()

    def flush_drafts(self) -> None:
        """Nothing is typed on this page."""

    def open_draft(self, _key: DraftKey) -> bool:
        """No form of this page keeps drafts."""
        return False

    @property
    def reading(self) -> bool:
        """Whether a read of the journal is on its way."""
        return self._pending is not None

    def refresh(self) -> None:
        """Read the journal again, off the GUI thread, and redraw when the read returns
        (keeping zoom, position and filters). Until the first read returns the page says
        it is reading; after, it shows the last read until the next one is drawn."""
        self._stale = False
        self._asked += 1
        self._pending = self._asked
        if self.data is None:
            self.status.setText(self.READING)
        # Asked for on the next turn of the event loop: the page is laid out by then, so
        # the read is for the view's own width, and refreshes asked for together read once.
        QTimer.singleShot(0, self, lambda ticket=self._asked: self._ask(ticket))

    def _ask(self, ticket: int) -> None:
        if ticket != self._asked:
            return  # a newer refresh was asked for: it reads
        if self.data is None:
            self.view.scale = self._restored_scale()  # drawn when the read returns
        services, scale, where = self._services, self.view.scale, self.filter
        self._ops.query(
            self,
            lambda: read_page(services, scale, where),
            lambda found: self._on_read(ticket, found),
            on_failure=lambda message: self._on_read_failed(ticket, message),
        )

    def _on_read(self, ticket: int, found: TimelineRead) -> None:
        """Draw a read, unless a newer one was asked for since (its answer will come)."""
        if ticket != self._asked:
            return
        self._pending = None
        data = found.data
        self.data, self._rows = data, found.rows
        self._mentors, self._tags, self._extent = found.mentors, found.tags, found.extent
        self._window_cache, self._lanes_cache = found.window, found.lanes
        self._fill_filters()
        empty = not data.sprints and data.first_entry is None
        self.stack.setCurrentWidget(self.empty if empty else self.scroller)
        self._enable(not empty)
        self.legend.setText(self._legend())
        self._redraw()
        self.read_shown.emit()

    def _on_read_failed(self, ticket: int, message: str) -> None:
        if ticket != self._asked:
            return
        self._pending = None
        self._stale = True  # read again when next shown
        self.status.setText(f"The timeline could not be read. {message}")

    def _enable(self, enabled: bool) -> None:
        for widget in (
            *self.zoom_buttons.values(),
            self.zoom_in_button,
            self.zoom_out_button,
            self.today_button,
            self.export_button,
            self.clear_button,
            *self._boxes(),
            self.legend,
        ):
            widget.setEnabled(enabled)

    def _fill_filters(self) -> None:
        assert self.data is not None
        self.filter = self._still_there(self.filter)
        coach_id = self.filter.coach_id
        self._fill(self.coach_box, "All coaches", list(self.data.coaches), coach_id)
        sprints = [s for s in self.data.sprints if coach_id in (None, s.coach_id)]
        self._fill(
            self.sprint_box,
            "All sprints",
            [(s.title, s.id) for s in sorted(sprints, key=lambda s: s.start, reverse=True)],
            self.filter.sprint_id,
        )
        shown = {s.id for s in sprints}
        goals = [
            g
            for g in self.data.goals
            if self.filter.sprint_id in (None, g.sprint_id) and g.sprint_id in shown
        ]
        self._fill(
            self.goal_box, "All goals", [(g.title, g.id) for g in goals], self.filter.goal_id
        )
        self._fill(self.mentor_box, "All mentors", list(self._mentors), self.filter.mentor_id)
        self._fill(
            self.kind_box,
            "All kinds",
            [(k.label, k.value) for k in EntryKind],
            self.filter.kind.value if self.filter.kind else None,
        )
        self._fill(
            self.tag_box, "All tags", [(f"#{t}", t) for t in self._tags], self.filter.tag or None
        )

    @staticmethod
    def _fill(
        box: QComboBox, everything: str, items: list[tuple[str, object]], current: object
    ) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for text, value in items:
            box.addItem(text, value)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def _still_there(self, where: TimelineFilter) -> TimelineFilter:
        """``where`` without what was deleted since (a sprint, goal, mentor or tag)."""
        assert self.data is not None
        sprint_id = (
            where.sprint_id if any(s.id == where.sprint_id for s in self.data.sprints) else None
        )
        goal_id = where.goal_id if any(g.id == where.goal_id for g in self.data.goals) else None
        mentor_id = (
            where.mentor_id
            if where.mentor_id is not None and any(i == where.mentor_id for _n, i in self._mentors)
            else None
        )
        tags = {t.casefold() for t in self._tags} if where.tag else set()
        tag = where.tag if where.tag.casefold() in tags else ""
        coach_id = (
            where.coach_id if any(i == where.coach_id for _n, i in self.data.coaches) else None
        )
        return TimelineFilter(sprint_id, goal_id, mentor_id, where.kind, tag, coach_id=coach_id)

    # -- filters --------------------------------------------------------------------------
    def _on_filter_activated(self, _index: int) -> None:
        coach_id = self.coach_box.currentData()
        sprint_id = self.sprint_box.currentData()
        goal_id = self.goal_box.currentData()
        if coach_id != self.filter.coach_id and coach_id is not None:
            coaches = {s.id: s.coach_id for s in self.data.sprints} if self.data else {}
            if sprint_id is not None and coaches.get(sprint_id) != coach_id:
                sprint_id = None  # another coach's sprint
        if sprint_id != self.filter.sprint_id:
            goal_id = None  # another sprint's goals
        kind = self.kind_box.currentData()
        self.set_filter(
            TimelineFilter(
                sprint_id=sprint_id,
                goal_id=goal_id,
                mentor_id=self.mentor_box.currentData(),
                kind=EntryKind(kind) if kind else None,
                tag=self.tag_box.currentData() or "",
                coach_id=coach_id,
            )
        )

    def set_filter(self, where: TimelineFilter) -> None:
        """Narrow the timeline to ``where``."""
        self.filter = where
        if self.data is not None:
            self._fill_filters()
        self._redraw()

    def clear_filters(self) -> None:
        """Show everything again."""
        self.set_filter(TimelineFilter())

    # -- zoom and position ----------------------------------------------------------------
    def set_zoom(self, name: str) -> None:
        """One of the zoom buttons: week, month, quarter, year, or all."""
        if name == "all":
            if self.data is not None:
                today = self._services.timeline.today()
                first, last = self._extent
                first, last = min(first, today), max(last, today)
                scale = fit(first, last, max(1, self.view.width()))
                self._all_span = scale.span
                self.view.set_scale(scale)
            return
        self.view.set_scale(self.view.scale.with_span(ZOOMS[name]))

    def _restored_scale(self) -> Scale:
        """Where the page was last time (a quarter around today the first time)."""
        span = self._settings.get_str("timeline_span")
        centre = self._settings.get_str("timeline_centre")
        today = self._services.timeline.today()
        try:
            days = float(span) if span else ZOOMS["quarter"]
            middle = date.fromisoformat(centre).toordinal() + 0.5 if centre else None
        except ValueError:
            days, middle = ZOOMS["quarter"], None
        width = max(1, self.view.width())
        scale = Scale(day_of(today), days, width).with_span(days)
        return scale.centred(middle if middle is not None else day_of(today) + 0.5)

    def _save_position(self) -> None:
        scale = self.view.scale
        self._settings.set("timeline_span", f"{scale.span:.2f}")
        self._settings.set("timeline_centre", date_of(scale.first + scale.span / 2).isoformat())
        self._settings.save()

    def _on_view_scale_changed(self) -> None:
        if self.data is None:
            return  # the first refresh draws
        self._redraw()
        self._save_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page (or closing the window) saves where it was at once."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_position()
        super().hideEvent(event)

    # -- drawing --------------------------------------------------------------------------
    def scene(self, sharing: Sharing | None = None) -> TimelineScene:
        """What is drawn now: the data narrowed by the filters, entries for the view; with
        ``sharing`` (an export), only what it shares."""
        data = self.data
        if data is None:
            return TimelineScene(sprints=(), rows={}, goals=(), sessions=(), checkins=())
        where = self.filter
        scale = self.view.scale
        if sharing is None:  # the screen: the lanes are kept until the data or filter change
            if self._lanes_cache is None or self._lanes_cache[0] != where:
                self._lanes_cache = (where, lanes_of(data, self._rows, where))
            lanes = self._lanes_cache[1]
            window = self._window(scale, where)
            self.entries_total = window.total
            self._show_status(window.total, bool(window.buckets), scale)
        else:
            rule = sharing.rule(data.goals, data.sessions, only_these=True)
            lanes = lanes_of(data, self._rows, where, rule)
            window = self._window(scale, dataclasses.replace(where, shareable=rule))
        return lanes.with_entries(window.entries, window.buckets, self._services.timeline.today())

    def _window(self, scale: Scale, where: TimelineFilter) -> EntryWindow:
        """The entries in view (:func:`read_window`). The last answer is kept: a resize or
        a second redraw of the same view reads nothing."""
        key = window_key(scale, where)
        if self._window_cache is not None and self._window_cache[0] == key:
            return self._window_cache[1]
        window = read_window(self._services.timeline, scale, where)
        self._window_cache = (key, window)
        return window

    def _legend(self) -> str:
        """The key to the marks, in the colours the view draws them with (rich text built
        from escaped parts)."""
        colors = self.view.colors()

        def dot(colour: str, text: str, mark: str = "●") -> str:
            return f'<span style="color:{colour}">{mark}</span>&nbsp;{html.escape(text)}'

        sprints = " ".join(
            dot(colors.sprint[k].name(), k.label.lower(), "▬") for k in colors.sprint
        )
        goals = " ".join(
            dot(colors.goal[g].name(), g.value, "◇" if g.value == "dropped" else "◆")
            for g in colors.goal
        )
        entries = " ".join(dot(colors.entry[k].name(), k.label.lower()) for k in colors.entry)
        guides = " ".join(
            dot(colors.entry[kind].name(), text, mark)
            for kind, text, mark in (
                (EntryKind.REFLECTION, "self-assessment", "■"),
                (EntryKind.CONVERSATION, "outreach sent or ended", "▲"),
                (EntryKind.WIN, "part of your direction reached", "◆"),
            )
        )
        return (
            f"Sprints (faded once finished): {sprints} · sessions: ● held, ○ planned, "
            f"crossed out if cancelled · | check-in · goal deadlines: {goals}<br>"
            f"Mentorship entries: {entries} · guides: {guides}. Drag, Shift+wheel or ←/→ to "
            "move; Ctrl+wheel or +/− to zoom; click or Enter to open."
        )

    def _redraw(self) -> None:
        self.view.set_scene(self.scene())
        span = self.view.scale.span
        for name, button in self.zoom_buttons.items():
            button.setChecked(
                self._all_span == span if name == "all" else abs(ZOOMS[name] - span) < 0.5
            )

    def _show_status(self, total: int, dense: bool, scale: Scale) -> None:
        first, last = scale.first_date, scale.last_date
        span = f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
        if total == 0:
            entries = "no mentorship entries"
        elif dense:
            entries = (
                f"{total:,} mentorship entries, shown as counts per "
                f"{bucket_unit(scale).value} (click a bar to zoom in)"
            )
        else:
            entries = f"{total:,} mentorship {'entry' if total == 1 else 'entries'}"
        narrowed = " · filtered" if self.filter != TimelineFilter() else ""
        self.status.setText(f"{span} · {entries}{narrowed}")

    # -- export (``exporting/reports.TIMELINE``, saved through ``ui/report_export``) ------
    def export_request(self) -> TimelineRequest:
        """What an export of the view paints: the scene as a ``Sharing`` shares it, at the
        view's scale and width, in the page's font."""
        return TimelineRequest(self.scene, self.view.scale, self.view.width(), QFont(self.font()))

    def render_pdf(self, path: Path, sharing: Sharing = NOTHING_PRIVATE) -> None:
        """What is in view as a one-page vector PDF at ``path`` (written atomically), with
        only what ``sharing`` shares."""
        picture = TIMELINE.gather(self._services, self.export_request(), sharing, no_progress())
        write_export(path, TIMELINE.build(picture, "pdf"))

    def export(self, fmt: str) -> None:
        """Save what is in view as PNG or PDF: private items only when the menu says so."""
        sharing = Sharing(include_private=self.export_private_action.isChecked())
        first = date_of(self.view.scale.first)
        save_report(
            self._ops,
            self,
            TIMELINE,
            TIMELINE.reading(self._services, self.export_request(), sharing),
            caption="Export the timeline",
            suggested=f"timeline-{first.isoformat()}.{fmt}",
            formats=(TIMELINE.format(fmt),),
            saved=lambda result: self.status.setText(f"Saved the timeline to {result.path}."),
        )
