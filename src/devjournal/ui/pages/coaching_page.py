"""Coaching: sprints grouped by phase, and the selected sprint with its SMART goals.

The page is the controller: the goal cards (``widgets/goal_card.py``) show and ask, the
page calls the coaching service and announces what changed on :class:`JournalEvents`.
Dialogs open window-modal with ``open()`` and report back through ``accepted``; nothing
here runs a nested event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import ActionStatus, SessionStatus
from devjournal.domain.errors import DomainError, NotFoundError, ValidationError
from devjournal.domain.models import (
    ActionItem,
    Checkin,
    CheckinDraft,
    CoachingSession,
    LogEntry,
    Milestone,
)
from devjournal.domain.rules import validate_checkin, warn_checkin, warn_session
from devjournal.domain.sharing import Sharing, left_out_note
from devjournal.domain.sprints import (
    GoalView,
    SprintPhase,
    SprintSummary,
    SprintView,
    running_sprint,
)
from devjournal.domain.wording import plural
from devjournal.drafts import DraftKey, DraftStore
from devjournal.exporting.summary import GoalSummary, build_summary
from devjournal.services.changes import Changes, Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui import file_prompts
from devjournal.ui.dialogs.action_dialog import ActionDialog
from devjournal.ui.dialogs.checkin_dialog import CheckinDialog
from devjournal.ui.dialogs.close_sprint_dialog import CloseSprintDialog
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.plan_sessions_dialog import PlanSessionsDialog
from devjournal.ui.dialogs.session_dialog import SessionDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.dialogs.summary_dialog import SummaryDialog
from devjournal.ui.events import JournalEvents
from devjournal.ui.formatting import local_date, parse_number
from devjournal.ui.plain_text import for_mnemonic, plain_tooltip
from devjournal.ui.report_export import export_closeout, open_file
from devjournal.ui.widgets.card import Card, label
from devjournal.ui.widgets.empty_state import EmptyState
from devjournal.ui.widgets.flow_layout import FlowLayout
from devjournal.ui.widgets.goal_card import GoalCard
from devjournal.ui.widgets.sessions_panel import SessionsPanel, when_text
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

log = logging.getLogger(__name__)
_T = TypeVar("_T")

SPRINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COACHING_CHANGES = ("sprints", "goals", "milestones", "checkins", "sessions", "actions")
GOALS_TAB, SESSIONS_TAB = 0, 1
NOTICE_MS = 15_000
DRAFT_DELAY_MS = 400


def _haystack(summary: SprintSummary) -> str:
    """What the sprint filter looks in."""
    sprint = summary.sprint
    return f"{sprint.title} {sprint.coach_name} {sprint.focus} {sprint.kind.label}".casefold()


def quick_draft_key(goal_id: int) -> str:
    """The draft key of a goal card's quick check-in row."""
    return f"checkin:new:goal={goal_id}"


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


_Found = TypeVar("_Found", bound=_HasId)


def quick_checkin_draft(goal_id: int, on: date, value_text: str, note: str) -> CheckinDraft:
    """The check-in typed in a goal card's quick row; ValidationError when the value is
    not a number."""
    try:
        value = parse_number(value_text)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError({"value": "Enter a number, e.g. 12 or 12.5."})
    return CheckinDraft(goal_id=goal_id, on_date=on, value=value, note=note.strip())


class CoachingPage(QWidget):
    """The Coaching page. Announces its edits on the shared :class:`JournalEvents`."""

    def __init__(
        self,
        coaching: CoachingService,
        events: JournalEvents,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        entries_of_sprint: Callable[[int], Sequence[LogEntry]] = lambda _sprint_id: [],
    ) -> None:
        super().__init__(parent)
        self._coaching = coaching
        self._entries_of_sprint = entries_of_sprint
        self._events = events
        self._drafts = drafts
        self._clock = clock
        self.view: SprintView | None = None
        self.dialog: FormDialog | None = None
        self.goal_cards: dict[int, GoalCard] = {}
        self._notice_action: Callable[[], None] | None = None
        self._keep: int | None = None
        self._focus_goal: int | None = None
        self._pending_quick: dict[int, tuple[str, str, str]] = {}  # goal: day, value, note
        self._tab = GOALS_TAB
        self.sessions_panel: SessionsPanel | None = None
        self.summary_dialog: SummaryDialog | None = None

        # Left: the sprints, grouped by phase.
        self.new_button = QPushButton("New sprint")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Start a coaching sprint")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by title, coach or focus")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter sprints")
        self.find_action = QAction("Find a sprint", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)
        self._board: list[SprintSummary] = []
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("sprintList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMouseTracking(True)
        self.list.setAccessibleName("Sprints")
        self.left = left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(12, 16, 6, 12)
        left_column.addWidget(self.new_button)
        left_column.addWidget(self.filter_edit)
        left_column.addWidget(self.list, 1)
        self.no_match = label("No sprint matches.", "muted", wrap=True)
        self.no_match.setVisible(False)
        left_column.addWidget(self.no_match)

        # Right: an empty state, or the selected sprint.
        self.empty = EmptyState(
            "Your coaching sprints live here",
            "A sprint is a few weeks to a few months of structured work with a coach: SMART "
            "goals with a KPI you check in on, sessions, and the commitments you make. "
            "Start one, then give it its first goal.",
            "Start a sprint",
        )
        self.empty_button = self.empty.button
        self.sprint_scroll = QScrollArea()
        self.sprint_scroll.setWidgetResizable(True)
        self.sprint_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.sprint_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The sprint's content is swapped inside a holder that stays: replacing the scroll
        # area's own widget would delete the old content at once (it may be mid-signal) or
        # turn it into a hidden window.
        holder = QWidget()
        self._holder = QVBoxLayout(holder)
        self._holder.setContentsMargins(0, 0, 0, 0)
        self.sprint_scroll.setWidget(holder)
        self._content: QWidget | None = None
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.sprint_scroll)

        # A notice bar: "Deleted … [Undo]", "Closed … [Open …]".
        self.notice_bar = QWidget()
        self.notice_bar.setObjectName("noticeBar")
        self.notice_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        notice_row = QHBoxLayout(self.notice_bar)
        notice_row.setContentsMargins(16, 6, 16, 6)
        self.notice_label = label("", wrap=True)
        self.notice_button = QPushButton()
        self.notice_close = QPushButton("Dismiss")
        self.notice_close.setFlat(True)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.notice_button)
        notice_row.addWidget(self.notice_close)
        self.notice_bar.setVisible(False)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self.undo_action = QAction("Undo", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.addAction(self.undo_action)
        self._quick_timer = QTimer(self)
        self._quick_timer.setSingleShot(True)
        self._quick_timer.setInterval(DRAFT_DELAY_MS)

        right_box = QWidget()
        right_column = QVBoxLayout(right_box)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        right_column.addWidget(self.notice_bar)
        right_column.addWidget(self.right, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right_box)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([280, 900])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_sprint)
        self.empty_button.clicked.connect(self.new_sprint)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.notice_button.clicked.connect(self._on_notice_button_clicked)
        self.undo_action.triggered.connect(self._on_notice_button_clicked)
        self.notice_close.clicked.connect(self._hide_notice)
        self._notice_timer.timeout.connect(self._hide_notice)
        self._quick_timer.timeout.connect(self._keep_quick_drafts)
        self._events.data_changed.connect(self._on_events_data_changed)

    # -- data -----------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """Reload the sprint list and the open sprint (``keep`` selects a sprint by id)."""
        selected = keep if keep is not None else (self.view.sprint.id if self.view else None)
        board = self._coaching.board()
        self._board = board
        self._fill_list(board)
        ids = [s.sprint.id for s in board]
        if selected not in ids:
            running = running_sprint(board)
            selected = running.id if running is not None else (ids[0] if ids else None)
        if selected is None:
            self.view = None
            self.goal_cards = {}
            self.right.setCurrentWidget(self.empty)
            self.left.setVisible(False)  # the empty state's button says it all
            return
        self.left.setVisible(True)
        self.select_sprint(selected)

    def _fill_list(self, board: list[SprintSummary]) -> None:
        today = local_today(self._clock)
        words = self.filter_edit.text().casefold().split()
        shown = [s for s in board if all(w in _haystack(s) for w in words)]
        blocker = self.list.selectionModel().blockSignals(True)
        self.model.clear()
        self.no_match.setVisible(bool(board) and not shown)
        for phase in SprintPhase:
            members = [s for s in shown if s.phase is phase]
            if not members:
                continue
            heading = QStandardItem(f"{phase.label} · {len(members)}")
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setAccessibleText(f"{phase.label} sprints: {len(members)}")
            self.model.appendRow(heading)
            for summary in members:
                self.model.appendRow(self._list_item(summary, today))
        self.list.selectionModel().blockSignals(blocker)

    def _on_filter_edit_text_changed(self) -> None:
        self._fill_list(self._board)
        if self.view is not None:
            index = self._row_of(self.view.sprint.id)
            if index.isValid():
                blocker = self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(index)
                self.list.selectionModel().blockSignals(blocker)

    def _on_find_action_triggered(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    @staticmethod
    def _list_item(summary: SprintSummary, today: date) -> QStandardItem:
        sprint = summary.sprint
        same_year = sprint.start_date.year == sprint.end_date.year
        dates = (
            f"{local_date(sprint.start_date, 'd MMM' if same_year else 'd MMM yyyy')} – "
            f"{local_date(sprint.end_date, 'd MMM yyyy')}"
        )
        if summary.phase is SprintPhase.ACTIVE:
            state = f"{plural((sprint.end_date - today).days, 'day')} left"
        elif summary.phase is SprintPhase.PLANNED:
            state = f"in {plural((sprint.start_date - today).days, 'day')}"
        else:
            state = sprint.closed_state.value if sprint.closed_state else "ended, not closed"
        subtitle = f"{dates} · {state} · {plural(summary.goal_count, 'goal')}"
        item = QStandardItem(sprint.title)
        item.setData(sprint.id, SPRINT_ID_ROLE)
        item.setData(subtitle, SUBTITLE_ROLE)
        item.setToolTip(plain_tooltip(f"{sprint.title}\n{sprint.kind.label} · {subtitle}"))
        item.setAccessibleText(f"{sprint.title}, {subtitle}")
        return item

    def _row_of(self, sprint_id: int) -> QModelIndex:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(SPRINT_ID_ROLE) == sprint_id:
                return index
        return QModelIndex()

    def select_sprint(self, sprint_id: int) -> None:
        """Open ``sprint_id`` on the right and select it in the list."""
        index = self._row_of(sprint_id)
        if index.isValid():
            blocker = self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
            self.list.selectionModel().blockSignals(blocker)
        same = self.view is not None and self.view.sprint.id == sprint_id
        self._keep_quick_rows()
        self.view = self._coaching.sprint_view(sprint_id)
        self._build_sprint(self.view, keep_scroll=same)

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sprint_id = current.data(SPRINT_ID_ROLE)
        if isinstance(sprint_id, int):
            self.select_sprint(sprint_id)

    def _on_events_data_changed(self, changes: Changes) -> None:
        if any(getattr(changes, name) for name in COACHING_CHANGES):
            self.refresh(self._keep)

    def _apply(self, changes: Changes, keep: int | None = None) -> None:
        """After an edit: tell every page (this one included, which then shows ``keep``)."""
        self._keep = keep
        try:
            self._events.emit_changes(changes)
        finally:
            self._keep = None

    # -- the sprint -----------------------------------------------------------------------
    def _build_sprint(self, view: SprintView, *, keep_scroll: bool) -> None:
        scroll = self.sprint_scroll.verticalScrollBar().value() if keep_scroll else 0
        sprint = view.sprint
        closed = sprint.closed_state is not None
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(12)

        self.title_label = label(sprint.title, "pageTitle", wrap=True)
        column.addWidget(self.title_label)
        details = [sprint.kind.label]
        if sprint.coach_name:
            details.append(f"coach {sprint.coach_name}")
        details.append(
            f"{local_date(sprint.start_date, 'd MMM yyyy')} – "
            f"{local_date(sprint.end_date, 'd MMM yyyy')}"
        )
        if sprint.session_every_days:
            details.append(f"a session every {plural(sprint.session_every_days, 'day')}")
        column.addWidget(label(" · ".join(details), "muted", wrap=True))
        if sprint.focus:
            column.addWidget(label(f"Aiming for: {sprint.focus}", wrap=True))

        actions = FlowLayout()
        self.add_goal_button = QPushButton("Add goal")
        self.add_goal_button.setObjectName("primary")
        self.edit_button = QPushButton("Edit sprint")
        self.close_button = QPushButton("Close sprint…")
        self.delete_button = QPushButton("Delete sprint")
        self.export_button = QPushButton("Close-out report…")
        self.export_button.setToolTip(
            "Save the sprint's close-out report (goals, lessons, wins, follow-through) as "
            "Markdown, HTML or PDF"
        )
        self.summary_button = QPushButton("Prepare session summary…")
        self.summary_button.setToolTip(
            "Preview, edit, print, copy or save where each goal stands before your next "
            "session (Ctrl+Shift+P)"
        )
        self.add_goal_button.setVisible(not closed)
        self.close_button.setVisible(not closed)
        self.summary_button.setVisible(not closed)
        for button in (self.add_goal_button, self.summary_button, self.edit_button):
            actions.addWidget(button)
        actions.addWidget(self.close_button)
        actions.addWidget(self.export_button)
        self.summary_button.clicked.connect(lambda: self.prepare_summary())  # noqa: PLW0108 - not clicked(bool) as goal id
        self.export_button.clicked.connect(self.export_closeout)
        actions.add_right(self.delete_button)
        self.add_goal_button.clicked.connect(self.add_goal)
        self.edit_button.clicked.connect(self.edit_sprint)
        self.close_button.clicked.connect(self.close_sprint)
        self.delete_button.clicked.connect(self.delete_sprint)
        column.addLayout(actions)
        column.addWidget(self._health(view))

        if closed and sprint.closed_on is not None:
            assert sprint.closed_state is not None
            retro = Card("Retrospective")
            retro.add_label(
                f"{sprint.closed_state.value.capitalize()} on "
                f"{local_date(sprint.closed_on, 'd MMMM yyyy')}.",
                "muted",
            )
            retro.add_label(sprint.retrospective or "No retrospective was written.")
            column.addWidget(retro)

        self.tabs = QTabBar()
        self.tabs.setObjectName("sprintTabs")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.addTab(f"Goals ({len(view.goals)})")
        self.tabs.addTab("Sessions && actions")  # && is a literal "&" on a tab
        self.tabs.setCurrentIndex(self._tab)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        column.addWidget(self.tabs)
        self.goal_cards = {}
        self.sessions_panel = None
        if self._tab == SESSIONS_TAB:
            self._add_sessions(column, view, editable=not closed)
        else:
            self._add_goals(column, view, closed=closed)
        column.addStretch(1)
        self._show_content(content, scroll)

    def _add_goals(self, column: QVBoxLayout, view: SprintView, *, closed: bool) -> None:
        sprint = view.sprint
        if not view.goals:
            hint = Card()
            hint.add_label("No goals yet", "cardTitle")
            hint.add_label(
                "Add a SMART goal: what will be different, how you will measure it, why it "
                "matters, and by when. A goal with gaps can be saved as a draft and filled "
                "in later.",
                "muted",
            )
            if not closed:
                first = QPushButton("Add the first goal")
                first.clicked.connect(self.add_goal)
                hint.body.addWidget(first, 0, Qt.AlignmentFlag.AlignLeft)
            column.addWidget(hint)
        self.goal_cards = {}
        # Check-ins are recorded while the sprint runs (and after it ends, until closed).
        editable = not closed and view.phase is not SprintPhase.PLANNED
        starts = sprint.start_date if view.phase is SprintPhase.PLANNED else None
        for goal_view in view.goals:
            card = GoalCard(goal_view, view.today, editable=editable, starts=starts)
            self._connect_card(card)
            goal_id = goal_view.goal.id
            saved = self._pending_quick.pop(goal_id, None) or self._quick_draft(goal_id)
            if saved is not None:
                card.set_quick_values(*saved)
            self.goal_cards[goal_id] = card
            column.addWidget(card)

    def _add_sessions(self, column: QVBoxLayout, view: SprintView, *, editable: bool) -> None:
        panel = SessionsPanel(
            self._coaching.sessions_view(view.sprint.id), self._clock(), editable=editable
        )
        panel.plan_requested.connect(self.plan_sessions)
        panel.add_session_requested.connect(self.add_session)
        panel.edit_session_requested.connect(self.edit_session)
        panel.status_requested.connect(self.set_session_status)
        panel.prepare_requested.connect(self.prepare_session)
        panel.delete_session_requested.connect(self.delete_session)
        panel.commit_requested.connect(self.add_action)
        panel.edit_action_requested.connect(self.edit_action)
        panel.action_done_toggled.connect(self.set_action_done)
        panel.delete_action_requested.connect(self.delete_action)
        self.sessions_panel = panel
        column.addWidget(panel)

    def open_sprint(
        self, sprint_id: int, *, sessions: bool = False, focus_goal: int | None = None
    ) -> None:
        """Show ``sprint_id`` on its goals (with the cursor in ``focus_goal``'s check-in
        row) or on its sessions and actions."""
        self._tab = SESSIONS_TAB if sessions else GOALS_TAB
        self._focus_goal = focus_goal
        self.select_sprint(sprint_id)
        if focus_goal is not None and focus_goal in self.goal_cards:
            self.sprint_scroll.ensureWidgetVisible(self.goal_cards[focus_goal])

    def show_tab(self, index: int) -> None:
        """Show the sprint's goals (0) or its sessions and actions (1)."""
        self._tab = index
        if self.view is not None:
            self._build_sprint(self.view, keep_scroll=False)

    def _on_tabs_current_changed(self, index: int) -> None:
        QTimer.singleShot(0, lambda: self.show_tab(index))  # not inside the tab bar's signal

    def _show_content(self, content: QWidget, scroll: int) -> None:
        if self._content is not None:
            self._content.hide()
            self._holder.removeWidget(self._content)
            self._content.deleteLater()
        self._content = content
        self._holder.addWidget(content)
        content.show()  # now, not on the layout's queued show: the page paints complete
        self.right.setCurrentWidget(self.sprint_scroll)
        if scroll:
            # The new content is laid out on the next pass; scroll once it has a height.
            QTimer.singleShot(0, lambda: self.sprint_scroll.verticalScrollBar().setValue(scroll))
        focus, self._focus_goal = self._focus_goal, None
        if focus is not None and focus in self.goal_cards:
            self.goal_cards[focus].focus_checkin()

    def _connect_card(self, card: GoalCard) -> None:
        card.edit_requested.connect(self.edit_goal)
        card.summary_requested.connect(lambda view: self.prepare_summary(view.goal.id))
        card.summary_button.setVisible(self.view is None or self.view.sprint.closed_state is None)
        card.delete_requested.connect(self.delete_goal)
        card.checkin_submitted.connect(self.add_checkin)
        card.quick_checkin_edited.connect(self._on_card_quick_checkin_edited)
        card.checkin_edit_requested.connect(self.edit_checkin)
        card.checkin_delete_requested.connect(self.delete_checkin)
        card.milestone_toggled.connect(self.tick_milestone)

    def _health(self, view: SprintView) -> QWidget:
        card = Card()
        row = QHBoxLayout()
        if view.phase is SprintPhase.PLANNED:
            text = f"Starts in {plural((view.sprint.start_date - view.today).days, 'day')}"
        elif view.sprint.closed_state is not None and view.sprint.closed_on is not None:
            text = (
                f"{view.sprint.closed_state.value.capitalize()} on "
                f"{local_date(view.sprint.closed_on, 'd MMM yyyy')}"
            )
        elif view.today > view.sprint.end_date:
            text = f"Ended {local_date(view.sprint.end_date, 'd MMM yyyy')}: close it to wrap up"
        else:
            text = f"Day {view.day} of {view.total_days}"
        self.day_label = label(text, "cardTitle")
        row.addWidget(self.day_label)
        bar = QProgressBar()
        bar.setRange(0, view.total_days)
        bar.setValue(view.day)
        bar.setTextVisible(False)
        bar.setAccessibleName(f"Sprint progress: {text}")
        row.addWidget(bar, 1)
        card.body.addLayout(row)
        self.health_label = card.add_label(view.health_summary(), "muted")
        return card

    # -- drafts from an earlier run ------------------------------------------------------
    def open_draft(self, key: DraftKey) -> bool:
        """Open the form (or the quick check-in row) a draft left from an earlier run was
        typed in, on its sprint; the form restores the draft. False when the draft is not
        one of this page's.

        Raises:
            DomainError: what the draft was typed for is gone.
        """
        if key.kind == "sprint" and key.id is None:
            self.new_sprint()
            return True
        opener = {
            "sprint": self._open_sprint_draft,
            "close": self._open_sprint_draft,
            "plan": self._open_sprint_draft,
            "goal": self._open_goal_draft,
            "checkin": self._open_checkin_draft,
            "session": self._open_session_draft,
            "action": self._open_action_draft,
        }.get(key.kind)
        if opener is None:
            return False
        opener(key)
        return True

    def _open_sprint_draft(self, key: DraftKey) -> None:
        self.open_sprint(key.where.get("sprint") or key.id or 0)
        if key.kind == "sprint":
            self.edit_sprint()
        elif key.kind == "close":
            self.close_sprint()
        else:
            self.plan_sessions()

    def _open_goal_draft(self, key: DraftKey) -> None:
        if key.id is None:
            self.open_sprint(key.where.get("sprint", 0))
            self.add_goal()
            return
        self.open_sprint(self._coaching.goal(key.id).sprint_id)
        views = [v for v in self.view.goals if v.goal.id == key.id] if self.view else []
        if views:
            self.edit_goal(views[0])

    def _open_checkin_draft(self, key: DraftKey) -> None:
        c = self._coaching
        goal_id = key.where.get("goal")
        if goal_id is not None:  # the quick row, which puts the draft back itself
            self.open_sprint(c.goal(goal_id).sprint_id, focus_goal=goal_id)
            return
        checkin = self._find(
            "check-in",
            key.id,
            lambda sprint_id: [x for g in c.goals_of(sprint_id) for x in c.checkins_of(g.id)],
        )
        self.open_sprint(c.goal(checkin.goal_id).sprint_id, focus_goal=checkin.goal_id)
        self.edit_checkin(checkin)

    def _open_session_draft(self, key: DraftKey) -> None:
        if key.id is None:
            self.open_sprint(key.where.get("sprint", 0), sessions=True)
            self.add_session()
            return
        session = self._find("session", key.id, self._coaching.sessions_of)
        self.open_sprint(session.sprint_id, sessions=True)
        self.edit_session(session)

    def _open_action_draft(self, key: DraftKey) -> None:
        c = self._coaching
        if key.id is not None:
            action = self._find("commitment", key.id, c.actions_of)
            self.open_sprint(action.sprint_id, sessions=True)
            self.edit_action(action)
            return
        made_in = key.where.get("session")
        session = self._find("session", made_in, c.sessions_of) if made_in is not None else None
        self.open_sprint(
            session.sprint_id if session else key.where.get("sprint", 0), sessions=True
        )
        self.add_action(session)

    def _find(
        self, what: str, wanted: int | None, of_sprint: Callable[[int], Sequence[_Found]]
    ) -> _Found:
        """The ``what`` with id ``wanted`` among every sprint's ``of_sprint`` items."""
        for sprint in self._coaching.sprints():
            for item in of_sprint(sprint.id):
                if item.id == wanted:
                    return item
        raise NotFoundError(what, wanted or 0)

    # -- dialogs --------------------------------------------------------------------------
    def _open(self, dialog: FormDialog, on_saved: Callable[[], None]) -> None:
        """Show ``dialog`` window-modal; ``on_saved`` runs once it saved."""
        self.dialog = dialog
        dialog.show_modal(on_saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def new_sprint(self) -> None:
        """Open the new-sprint dialog."""
        dialog = SprintDialog(self._coaching, self._drafts, self._clock, parent=self)

        def saved() -> None:
            assert dialog.saved is not None
            self._apply(dialog.changes, dialog.saved.id)

        self._open(dialog, saved)

    def edit_sprint(self) -> None:
        """Edit the open sprint."""
        if self.view is None:
            return
        dialog = SprintDialog(
            self._coaching, self._drafts, self._clock, self.view.sprint, parent=self
        )
        self._open(dialog, lambda: self._apply(dialog.changes))

    def add_goal(self) -> None:
        """Add a goal to the open sprint."""
        if self.view is None:
            return
        dialog = GoalDialog(self._coaching, self._drafts, self.view.sprint, parent=self)
        self._open(dialog, lambda: self._apply(dialog.changes))

    def edit_goal(self, goal_view: GoalView) -> None:
        """Edit a goal of the open sprint."""
        if self.view is None:
            return
        dialog = GoalDialog(
            self._coaching,
            self._drafts,
            self.view.sprint,
            goal=goal_view.goal,
            milestones=goal_view.milestones,
            parent=self,
        )
        self._open(dialog, lambda: self._apply(dialog.changes))

    def close_sprint(self) -> None:
        """Close the open sprint."""
        if self.view is None:
            return
        dialog = CloseSprintDialog(self._coaching, self._drafts, self._clock, self.view, self)

        goal_ids = [g.goal.id for g in self.view.goals]

        def saved() -> None:
            for goal_id in goal_ids:  # no more quick check-ins on a closed sprint
                self._pending_quick.pop(goal_id, None)
                self._drafts.discard(quick_draft_key(goal_id))
            self._apply(dialog.changes)
            closed = dialog.closed
            if closed is not None and closed.rolled_into is not None:
                into = closed.rolled_into
                self._notify(
                    f"Closed the sprint. {plural(len(closed.rolled), 'goal')} rolled over "
                    f"into “{into.title}”.",
                    for_mnemonic(f"Open “{into.title}”"),
                    lambda: self.select_sprint(into.id),
                )

        self._open(dialog, saved)

    def edit_checkin(self, checkin: Checkin) -> None:
        """Correct a check-in."""
        dialog = CheckinDialog(
            self._coaching, self._drafts, checkin, self, today=local_today(self._clock)
        )
        self._open(dialog, lambda: self._apply(dialog.changes))

    # -- sessions and actions -------------------------------------------------------------
    def plan_sessions(self) -> None:
        """Plan the sprint's sessions from a cadence."""
        if self.view is None:
            return
        sprint = self.view.sprint
        existing = self._coaching.sessions_of(sprint.id)
        dialog = PlanSessionsDialog(
            self._coaching, self._drafts, sprint, existing, self._clock(), parent=self
        )

        def saved() -> None:
            self._apply(dialog.changes)
            self._offer_undo(
                f"Planned {plural(len(dialog.created), 'session')}.",
                lambda: self._undo_all([x.id for x in dialog.created]),
            )

        self._open(dialog, saved)

    def add_session(self) -> None:
        """Add one session."""
        if self.view is None:
            return
        dialog = SessionDialog(
            self._coaching,
            self._drafts,
            self.view.sprint,
            self.view.today,
            parent=self,
            clock=self._clock,
        )
        self._open(dialog, lambda: self._apply(dialog.changes))

    def edit_session(self, session: CoachingSession) -> None:
        """Write up, move or re-plan a session."""
        if self.view is None:
            return
        dialog = SessionDialog(
            self._coaching,
            self._drafts,
            self.view.sprint,
            self.view.today,
            session=session,
            parent=self,
            clock=self._clock,
        )
        self._open(dialog, lambda: self._apply(dialog.changes))

    def set_session_status(self, session: CoachingSession, status: SessionStatus) -> None:
        """Mark a session held or cancelled (undoable: only the status goes back)."""
        outcome = self._attempt(lambda: self._coaching.set_session_status(session.id, status))
        if outcome is None:
            return
        self._apply(outcome.changes)
        before = session.status
        early = warn_session(replace(session, status=status), self._clock())
        self._offer_undo(
            f"Marked the session of {when_text(session)} {status.value}"
            + (", but it has not started yet: is that right?" if early else "."),
            lambda: self._restored(self._coaching.set_session_status(session.id, before)),
        )

    def prepare_session(self, session: CoachingSession) -> None:
        """Carry open commitments onto the session's agenda."""
        outcome = self._attempt(lambda: self._coaching.prepare_session(session.id))
        if outcome is not None:
            self._apply(outcome.changes)

    def delete_session(self, session: CoachingSession) -> None:
        """Delete a session (undoable)."""
        self._delete(
            f"Deleted the session of {when_text(session)}.",
            lambda: self._coaching.delete_session(session.id),
            lambda: self._coaching.restore_session(session.id),
        )

    def add_action(self, session: CoachingSession | None) -> None:
        """Commit to an action item (in ``session``, if given)."""
        self._action_dialog(session_id=session.id if session is not None else None)

    def edit_action(self, action: ActionItem) -> None:
        """Change an action item."""
        self._action_dialog(action=action)

    def _action_dialog(
        self, *, session_id: int | None = None, action: ActionItem | None = None
    ) -> None:
        if self.view is None:
            return
        dialog = ActionDialog(
            self._coaching,
            self._drafts,
            sprint_id=self.view.sprint.id,
            goals=[g.goal for g in self.view.goals],
            today=self.view.today,
            session_id=session_id,
            action=action,
            parent=self,
        )
        self._open(dialog, lambda: self._apply(dialog.changes))

    def set_action_done(self, action: ActionItem, done: bool) -> None:
        """Tick an action item done (today), or open again."""
        changed = replace(
            action,
            status=ActionStatus.DONE if done else ActionStatus.OPEN,
            done_on=local_today(self._clock) if done else None,
        )
        outcome = self._attempt(lambda: self._coaching.update_action(action.id, changed))
        if outcome is not None:
            self._apply(outcome.changes)

    def delete_action(self, action: ActionItem) -> None:
        """Delete an action item (undoable)."""
        self._delete(
            f"Deleted “{action.title}”.",
            lambda: self._coaching.delete_action(action.id),
            lambda: self._coaching.restore_action(action.id),
        )

    def _delete(
        self,
        said: str,
        delete: Callable[[], Outcome[Any]],
        restore: Callable[[], Outcome[Any]],
        *,
        reopen: int | None = None,
    ) -> None:
        """Delete (soft), tell every page, and offer Undo, which restores it (and shows
        sprint ``reopen`` again)."""
        outcome = self._attempt(delete)
        if outcome is None:
            return
        if reopen is not None:
            self.view = None
        self._apply(outcome.changes)
        self._offer_undo(said, lambda: self._restored(restore(), reopen))

    def _undo_all(self, session_ids: list[int]) -> None:
        """Take back a plan: delete the sessions it made."""
        self._apply(self._coaching.delete_sessions(session_ids).changes)

    # -- direct edits ---------------------------------------------------------------------
    def _attempt(self, call: Callable[[], Outcome[_T]]) -> Outcome[_T] | None:
        """Run a service call; a refusal is said in a message and changes nothing."""
        try:
            return call()
        except DomainError as exc:
            file_prompts.tell(self, "devjournal", str(exc), warning=True)
            self.refresh()  # show the journal as it is
            return None

    def running_sprint_id(self) -> int | None:
        """The sprint running today, if any."""
        running = self._coaching.running_sprint()
        return running.id if running is not None else None

    def prepare_summary(self, goal_id: int | None = None) -> None:
        """Open the session summary of the open sprint (or of one of its goals)."""
        if self.view is None:
            return
        sprint_id = self.view.sprint.id
        coaching, entries_of, clock = self._coaching, self._entries_of_sprint, self._clock

        def make(sharing: Sharing) -> GoalSummary:
            return build_summary(
                coaching.sprint_view(sprint_id),
                coaching.sessions_view(sprint_id),
                entries_of(sprint_id),
                clock(),
                sharing=sharing,
                goal_id=goal_id,
            )

        try:
            # The summary of one goal the user chose: that goal goes in, even if private
            # (its box in the dialog is ticked, so they can take it out again).
            chosen = Sharing(goal_ids=frozenset({goal_id})) if goal_id is not None else None
            dialog = SummaryDialog(make, self, sharing=chosen)
        except DomainError as exc:  # the sprint was deleted meanwhile (another window)
            file_prompts.tell(self, "devjournal", str(exc), warning=True)
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_dialog = dialog
        dialog.open()

    def export_closeout(self) -> None:
        """Save the open sprint's close-out report as Markdown, HTML or PDF."""
        if self.view is None:
            return
        sprint_id = self.view.sprint.id

        def saved(path: Path, left_out: int) -> None:
            self._notify(
                f"Saved the close-out report to {path.name}{left_out_note(left_out)}.",
                "Open",
                lambda: open_file(path),
            )

        export_closeout(
            self, self._coaching, self._entries_of_sprint, sprint_id, self._clock(), on_saved=saved
        )

    def delete_sprint(self) -> None:
        """Delete the open sprint (undoable)."""
        if self.view is None:
            return
        sprint = self.view.sprint
        self._delete(
            f"Deleted the sprint “{sprint.title}”.",
            lambda: self._coaching.delete_sprint(sprint.id),
            lambda: self._coaching.restore_sprint(sprint.id),
            reopen=sprint.id,
        )

    def delete_goal(self, goal_view: GoalView) -> None:
        """Delete a goal (undoable)."""
        goal = goal_view.goal
        self._delete(
            f"Deleted the goal “{goal.title}”.",
            lambda: self._coaching.delete_goal(goal.id),
            lambda: self._coaching.restore_goal(goal.id),
        )

    def add_checkin(self, goal_view: GoalView, on: date, value_text: str, note: str) -> None:
        """Record a check-in from a goal card's quick row."""
        if self.view is None:
            return
        goal_id = goal_view.goal.id
        card = self.goal_cards.get(goal_id)
        try:
            draft = quick_checkin_draft(goal_id, on, value_text, note)
            outcome = self._coaching.add_checkin(draft)
        except ValidationError as exc:
            if card is not None:
                card.show_checkin_error(exc.message)
            return
        except DomainError as exc:  # not saved: what was typed stays in the row
            if card is not None:
                card.show_checkin_error(str(exc))
            return
        sprint = self.view.sprint
        self._drafts.discard(quick_draft_key(goal_id))
        self._pending_quick.pop(goal_id, None)
        if card is not None:
            card.set_quick_values("", "", "")
        self._focus_goal = goal_id
        self._apply(outcome.changes)
        future = warn_checkin(on, local_today(self._clock))
        if future or not sprint.start_date <= on <= sprint.end_date:

            def undo() -> None:
                # Take it back and put what was typed back in the row, to fix the day.
                self._pending_quick[goal_id] = (on.isoformat(), value_text, note)
                self._focus_goal = goal_id
                self._restored(self._coaching.delete_checkin(outcome.value.id))

            where = "in the future" if future else "outside the sprint"
            self._offer_undo(
                f"Saved the check-in of {local_date(on, 'd MMM yyyy')}, a day {where}: is "
                "the date right?",
                undo,
            )

    def delete_checkin(self, checkin: Checkin) -> None:
        """Delete a check-in (undoable)."""
        self._delete(
            f"Deleted the check-in of {local_date(checkin.on_date, 'd MMM yyyy')}.",
            lambda: self._coaching.delete_checkin(checkin.id),
            lambda: self._coaching.restore_checkin(checkin.id),
        )

    def tick_milestone(self, milestone: Milestone, done: bool) -> None:
        """Mark a milestone done today, or not done."""
        changed = replace(milestone, done_on=local_today(self._clock) if done else None)
        outcome = self._attempt(lambda: self._coaching.update_milestone(milestone.id, changed))
        if outcome is not None:
            self._apply(outcome.changes)

    # -- quick check-in drafts ----------------------------------------------------------
    def _quick_draft(self, goal_id: int) -> tuple[str, str, str] | None:
        saved = self._drafts.get(quick_draft_key(goal_id))
        if not saved:
            return None
        return (
            str(saved.get("day", "")),
            str(saved.get("value", "")),
            str(saved.get("note", "")),
        )

    def _on_card_quick_checkin_edited(self, goal_id: int, day: str, value: str, note: str) -> None:
        self._pending_quick[goal_id] = (day, value, note)
        self._quick_timer.start()
        card = self.goal_cards.get(goal_id)
        if card is not None and card.checkin_message.isVisible():
            try:  # the message goes as soon as what is typed would be saved
                draft = quick_checkin_draft(goal_id, date.fromisoformat(day), value, note)
                validate_checkin(draft, card.goal_view.goal)
            except (ValidationError, ValueError):
                return
            card.show_checkin_error("")

    def _keep_quick_rows(self) -> None:
        """Before the cards are rebuilt: what is typed in them goes with the new ones."""
        for goal_id, card in self.goal_cards.items():
            day, value, note = card.quick_values()
            if value or note:
                self._pending_quick[goal_id] = (day, value, note)
        self._keep_quick_drafts()

    def _keep_quick_drafts(self) -> None:
        self._quick_timer.stop()
        for goal_id, (day, value, note) in self._pending_quick.items():
            key = quick_draft_key(goal_id)
            if value or note:
                self._drafts.put(key, {"day": day, "value": value, "note": note})
            else:
                self._drafts.discard(key)

    def flush_drafts(self) -> None:
        """Write what is typed now (the window is closing): quick rows and an open form."""
        self._keep_quick_rows()
        if self.dialog is not None:
            self.dialog.keep_draft()

    # -- notices and undo -----------------------------------------------------------------
    def _restored(self, outcome: Outcome[Any], keep: int | None = None) -> None:
        self._apply(outcome.changes, keep)

    def _offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        self._notify(text, "Undo", undo)
        self.notice_button.setToolTip("Undo (Ctrl+Z)")
        self.undo_action.setEnabled(True)

    def _notify(self, text: str, action_text: str, action: Callable[[], None]) -> None:
        self._notice_action = action
        self.notice_label.setText(text)
        self.notice_button.setText(action_text)
        self.notice_button.setToolTip("")
        self.undo_action.setEnabled(False)
        self.notice_bar.setVisible(True)
        self._notice_timer.start()

    def _on_notice_button_clicked(self) -> None:
        action, self._notice_action = self._notice_action, None
        self._hide_notice()
        if action is None:
            return
        try:
            action()
        except DomainError as exc:
            file_prompts.tell(self, "devjournal", str(exc), warning=True)

    def _hide_notice(self) -> None:
        self._notice_timer.stop()
        self.notice_bar.setVisible(False)
        self.undo_action.setEnabled(False)

    def notice_text(self) -> str:
        """What the notice bar says ("" when hidden)."""
        return self.notice_label.text() if self.notice_bar.isVisibleTo(self) else ""
