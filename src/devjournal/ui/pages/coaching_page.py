"""Coaching: sprints grouped by phase, and the selected sprint with its SMART goals.

The page is the controller: the goal cards (``widgets/goal_card.py``) show and ask, the
page calls the coaching service through the window's :class:`Ops`, which tells every page
what changed.
Dialogs open window-modal with ``open()`` and report back through ``accepted``; nothing
here runs a nested event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.errors import DomainError, ValidationError
from devjournal.domain.jobs import Progress
from devjournal.domain.models import (
    Checkin,
    LogEntry,
    Milestone,
    Sprint,
    SprintDraft,
)
from devjournal.domain.rules import warn_checkin
from devjournal.domain.sharing import Sharing, left_out_note
from devjournal.domain.sprints import GoalView, SprintPhase, SprintView, running_sprint
from devjournal.domain.wording import plural
from devjournal.drafts import DraftKey, DraftStore
from devjournal.exporting.closeout import CloseoutReport, build_closeout
from devjournal.exporting.reports import CLOSEOUT
from devjournal.exporting.summary import GoalSummary, build_summary
from devjournal.services.changes import Changes, Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.services.people_service import AimChoices
from devjournal.ui import file_prompts
from devjournal.ui.dialogs.checkin_dialog import CheckinDialog
from devjournal.ui.dialogs.close_sprint_dialog import CloseSprintDialog
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.dialogs.summary_dialog import SummaryDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.pages.coaching import drafts, sprint_detail
from devjournal.ui.pages.coaching.quick_checkins import QuickCheckins, quick_checkin_draft
from devjournal.ui.pages.coaching.sessions import SessionsAndActions
from devjournal.ui.pages.coaching.sprint_list import SprintList
from devjournal.ui.report_export import (
    Saved,
    cannot_save_report,
    report_file_name,
    save_report,
)
from devjournal.ui.widgets.aim_combo import aim_text
from devjournal.ui.widgets.empty_state import EmptyState
from devjournal.ui.widgets.flow_layout import FlowLayout
from devjournal.ui.widgets.goal_card import GoalCard
from devjournal.ui.widgets.notice_bar import NoticeBar
from devjournal.ui.widgets.sessions_panel import SessionsPanel

log = logging.getLogger(__name__)
_T = TypeVar("_T")

GOALS_TAB, SESSIONS_TAB = 0, 1


def _new_sprint_of(origin: object) -> int | None:
    """The sprint a sprint form just saved (the page opens it), if ``origin`` is one."""
    saved = getattr(origin, "saved", None)  # (isinstance fails on the forms' ABC metaclass)
    return saved.id if isinstance(saved, Sprint) else None


class CoachingPage(QWidget):
    """The Coaching page. Its edits go through the shared :class:`Ops`."""

    shows: ClassVar[Changes] = Changes.COACHING | Changes.AIMS

    assessment_requested = Signal()  # the self-assessment, from the empty page
    coach_requested = Signal(int)  # a coach's id: open them on the Coaches page

    def __init__(
        self,
        coaching: CoachingService,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticeBar,
        entries_of_sprint: Callable[[int], Sequence[LogEntry]] = lambda _sprint_id: [],
        coach_names: Callable[[], Sequence[str]] = lambda: (),
        aims: Callable[[], AimChoices] = AimChoices,
        read: bool = True,
    ) -> None:
        """``read``: read the journal and show it at once (start-up does it in two turns
        of the event loop instead: :meth:`show_board`, then :meth:`open_chosen`).
        ``aims``: the parts of the direction, for the forms' "Serves:" field and what a
        sprint or goal says it serves."""
        super().__init__(parent)
        self._notices = notices
        self._coaching = coaching
        self._entries_of_sprint = entries_of_sprint
        self._coach_names = coach_names
        self.aims = aims
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self.view: SprintView | None = None
        self.dialog: FormDialog | None = None
        self.goal_cards: dict[int, GoalCard] = {}
        self._keep: int | None = None
        self._focus_goal: int | None = None
        self._quick = QuickCheckins(drafts, self)
        self._tab = GOALS_TAB
        self.sessions_panel: SessionsPanel | None = None
        self.summary_dialog: SummaryDialog | None = None
        self.sessions = SessionsAndActions(self, coaching, ops, drafts, clock, parent=self)
        """The open sprint's sessions and actions (the Sessions tab's edits)."""

        self._build_list()
        self._build_detail_area()
        self._lay_out()
        self._connect_signals()
        if read:
            self.refresh()

    def _build_list(self) -> None:
        """Left: the sprints, grouped by phase."""
        self.left = SprintList()
        self.list, self.model, self.filter_edit = (
            self.left.list,
            self.left.model,
            self.left.filter_edit,
        )
        self.new_button = self.left.new_button

    def _build_detail_area(self) -> None:
        """Right: an empty state, or the selected sprint."""
        self.empty = EmptyState(
            "Your coaching sprints live here",
            "A sprint is a few weeks to a few months of structured work with a coach: SMART "
            "goals with a KPI you check in on, sessions, and the commitments you make. "
            "Start one, then give it its first goal.",
            "Start a sprint",
            aside="Coach or mentor? Take the self-assessment",
        )
        self.empty_button = self.empty.button
        self.empty.aside_button.clicked.connect(self.assessment_requested)
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

    def _lay_out(self) -> None:
        """The list and the detail side by side, the detail taking the width."""
        right_box = QWidget()
        right_column = QVBoxLayout(right_box)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        right_column.addWidget(self.right, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(right_box)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([280, 900])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_sprint)
        self.empty_button.clicked.connect(self.new_sprint)
        self.left.chosen.connect(self.select_sprint)

    # -- data -----------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """Reload the sprint list and the open sprint (``keep`` selects a sprint by id)."""
        self.open_chosen(self.show_board(keep))

    def show_board(self, keep: int | None = None) -> int | None:
        """Read and list the sprints; the one to open: ``keep`` (by default the open one)
        if it is still there, else the running sprint, else the first listed."""
        selected = keep if keep is not None else (self.view.sprint.id if self.view else None)
        board = self._coaching.board()
        self.left.show_board(board, local_today(self._clock))
        ids = [s.sprint.id for s in board]
        if selected not in ids:
            running = running_sprint(board)
            selected = running.id if running is not None else (ids[0] if ids else None)
        return selected

    def open_chosen(self, sprint_id: int | None) -> None:
        """Open ``sprint_id`` (from :meth:`show_board`), or say there are none yet."""
        if sprint_id is None:
            self.view = None
            self.goal_cards = {}
            self.right.setCurrentWidget(self.empty)
            self.left.setVisible(False)  # the empty state's button says it all
            return
        self.left.setVisible(True)
        self.select_sprint(sprint_id)

    def select_sprint(self, sprint_id: int) -> None:
        """Open ``sprint_id`` on the right and select it in the list."""
        self.left.select(sprint_id)
        same = self.view is not None and self.view.sprint.id == sprint_id
        self._quick.keep_rows(self.goal_cards)
        self.view = self._coaching.sprint_view(sprint_id)
        self._build_sprint(self.view, keep_scroll=same)

    def apply_changes(self, _changes: Changes, origin: object) -> None:
        """Show what changed: the sprint being kept, the one a sprint form just saved, or
        the open one."""
        self.refresh(self._keep if self._keep is not None else _new_sprint_of(origin))

    def write(self, call: Callable[[], Outcome[_T]], keep: int | None = None) -> Outcome[_T] | None:
        """Run a write through :class:`Ops`; this page then shows sprint ``keep`` (by
        default the open one). A refusal is said, and the journal shown as it is."""
        self._keep = keep
        try:
            return self._ops.write(self, call, refused=self._refused)
        finally:
            self._keep = None

    def _refused(self, exc: DomainError) -> None:
        file_prompts.tell(self, "devjournal", str(exc), warning=True)
        self.refresh()  # show the journal as it is

    # -- the sprint -----------------------------------------------------------------------
    def _build_sprint(self, view: SprintView, *, keep_scroll: bool) -> None:
        scroll = self.sprint_scroll.verticalScrollBar().value() if keep_scroll else 0
        sprint = view.sprint
        closed = sprint.closed_state is not None
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(12)

        serving = {a.id: aim_text(a) for a in self.aims().live}
        self.title_label = sprint_detail.add_heading(
            column, sprint, serving.get(sprint.serves_id or 0, ""), self.coach_requested.emit
        )

        column.addLayout(self._sprint_actions(closed=closed))
        shape = sprint_detail.health(view)
        self.day_label, self.health_label = shape.day_label, shape.summary_label
        column.addWidget(shape.card)
        retro = sprint_detail.retrospective(sprint)
        if retro is not None:
            column.addWidget(retro)

        column.addWidget(self._sprint_tabs(len(view.goals)))
        self.goal_cards = {}
        self.sessions_panel = None
        if self._tab == SESSIONS_TAB:
            self._add_sessions(column, view, editable=not closed)
        else:
            self._add_goals(column, view, closed=closed, serving=serving)
        column.addStretch(1)
        self._show_content(content, scroll)

    def _sprint_actions(self, *, closed: bool) -> FlowLayout:
        """The open sprint's buttons (a closed sprint has no Add goal, Close or summary)."""
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
        if closed:  # (showing a widget that has no parent yet would make it a window)
            for button in (self.add_goal_button, self.close_button, self.summary_button):
                button.hide()
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
        return actions

    def _sprint_tabs(self, goals: int) -> QTabBar:
        """The Goals and the Sessions & actions tabs, on the one last shown."""
        self.tabs = QTabBar()
        self.tabs.setObjectName("sprintTabs")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.addTab(f"Goals ({goals})")
        self.tabs.addTab("Sessions && actions")  # && is a literal "&" on a tab
        self.tabs.setCurrentIndex(self._tab)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        return self.tabs

    def _add_goals(
        self, column: QVBoxLayout, view: SprintView, *, closed: bool, serving: dict[int, str]
    ) -> None:
        sprint = view.sprint
        if not view.goals:
            column.addWidget(sprint_detail.no_goals_yet(None if closed else self.add_goal))
        self.goal_cards = {}
        # Check-ins are recorded while the sprint runs (and after it ends, until closed).
        editable = not closed and view.phase is not SprintPhase.PLANNED
        starts = sprint.start_date if view.phase is SprintPhase.PLANNED else None
        for goal_view in view.goals:
            card = GoalCard(
                goal_view,
                view.today,
                editable=editable,
                starts=starts,
                serves=serving.get(goal_view.goal.serves_id or 0, ""),
            )
            self._connect_card(card)
            self._quick.fill(goal_view.goal.id, card)
            self.goal_cards[goal_view.goal.id] = card
            column.addWidget(card)

    def _add_sessions(self, column: QVBoxLayout, view: SprintView, *, editable: bool) -> None:
        panel = SessionsPanel(
            self._coaching.sessions_view(view.sprint.id), self._clock(), editable=editable
        )
        self.sessions.connect(panel)
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
        card.quick_checkin_edited.connect(
            lambda _goal_id, day, value, note: self._quick.typed(card, day, value, note)
        )
        card.checkin_edit_requested.connect(self.edit_checkin)
        card.checkin_delete_requested.connect(self.delete_checkin)
        card.milestone_toggled.connect(self.tick_milestone)

    # -- drafts from an earlier run ------------------------------------------------------
    def open_draft(self, key: DraftKey) -> bool:
        """Open the form a draft left from an earlier run was typed in
        (``coaching/drafts.py``); False when the draft is not one of this page's.

        Raises:
            DomainError: what the draft was typed for is gone.
        """
        return drafts.reopen(self, self._coaching, key)

    # -- dialogs --------------------------------------------------------------------------
    def open_form(self, dialog: FormDialog, on_saved: Callable[[], None] = lambda: None) -> None:
        """Show ``dialog`` window-modal; ``on_saved`` runs once it saved (every page has
        been told what it changed by then)."""
        self.dialog = dialog
        dialog.show_modal(on_saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def new_sprint(self) -> None:
        """Open the new-sprint dialog."""
        self.new_sprint_from(None)

    def new_sprint_from(self, prefill: SprintDraft | None) -> None:
        """Open the new-sprint dialog filled from ``prefill`` (the self-assessment's draft
        sprint), or empty."""
        dialog = SprintDialog(
            self._ops,
            self._coaching,
            self._drafts,
            self._clock,
            prefill=prefill,
            coach_names=self._coach_names(),
            aims=self.aims(),
            parent=self,
        )
        self.open_form(dialog)

    def edit_sprint(self) -> None:
        """Edit the open sprint."""
        if self.view is None:
            return
        dialog = SprintDialog(
            self._ops,
            self._coaching,
            self._drafts,
            self._clock,
            sprint=self.view.sprint,
            coach_names=self._coach_names(),
            aims=self.aims(),
            parent=self,
        )
        self.open_form(dialog)

    def add_goal(self) -> None:
        """Add a goal to the open sprint."""
        if self.view is None:
            return
        dialog = GoalDialog(
            self._ops,
            self._coaching,
            self._drafts,
            self.view.sprint,
            aims=self.aims(),
            parent=self,
        )
        self.open_form(dialog)

    def goal_from_feedback(self, entry_id: int) -> None:
        """Open the new-goal form filled from the feedback entry ``entry_id``, in the sprint
        it goes into (its own while open, else the running one); say so if there is none."""
        try:
            prefill = self._coaching.goal_from_feedback(entry_id)
        except DomainError as exc:
            self._no_sprint_for_feedback(exc)
            return
        self.open_sprint(prefill.sprint_id)
        if self.view is None:
            return
        dialog = GoalDialog(
            self._ops,
            self._coaching,
            self._drafts,
            self.view.sprint,
            prefill=prefill,
            from_feedback=entry_id,
            aims=self.aims(),
            parent=self,
        )
        self.open_form(dialog)

    def action_from_feedback(self, entry_id: int) -> None:
        """Open the new-action form filled from the feedback entry ``entry_id``."""
        try:
            prefill = self._coaching.action_from_feedback(entry_id)
        except DomainError as exc:
            self._no_sprint_for_feedback(exc)
            return
        self.open_sprint(prefill.sprint_id, sessions=True)
        self.sessions.action_from_feedback(prefill, entry_id)

    def _no_sprint_for_feedback(self, exc: DomainError) -> None:
        message = exc.message if isinstance(exc, ValidationError) else str(exc)
        file_prompts.tell(self, "No sprint to put it in", message)

    def edit_goal(self, goal_view: GoalView) -> None:
        """Edit a goal of the open sprint."""
        if self.view is None:
            return
        dialog = GoalDialog(
            self._ops,
            self._coaching,
            self._drafts,
            self.view.sprint,
            goal=goal_view.goal,
            milestones=goal_view.milestones,
            aims=self.aims(),
            parent=self,
        )
        self.open_form(dialog)

    def close_sprint(self) -> None:
        """Close the open sprint."""
        if self.view is None:
            return
        dialog = CloseSprintDialog(
            self._ops, self._coaching, self._drafts, self._clock, self.view, parent=self
        )

        goal_ids = [g.goal.id for g in self.view.goals]

        def saved() -> None:
            for goal_id in goal_ids:  # no more quick check-ins on a closed sprint
                self._quick.forget(goal_id)
            closed = dialog.closed
            if closed is not None and closed.rolled_into is not None:
                into = closed.rolled_into
                self._notify(
                    f"Closed the sprint. {plural(len(closed.rolled), 'goal')} rolled over "
                    f"into “{into.title}”.",
                    f"Open “{into.title}”",
                    lambda: self.select_sprint(into.id),
                )

        self.open_form(dialog, saved)

    def edit_checkin(self, checkin: Checkin) -> None:
        """Correct a check-in."""
        dialog = CheckinDialog(
            self._ops, self._coaching, self._drafts, checkin, self, today=local_today(self._clock)
        )
        self.open_form(dialog)

    def delete(
        self,
        said: str,
        delete: Callable[[], Outcome[Any]],
        restore: Callable[[], Outcome[Any]],
        *,
        reopen: int | None = None,
    ) -> None:
        """Delete (soft), tell every page, and offer Undo, which restores it (and shows
        sprint ``reopen`` again)."""
        if self.write(delete) is None:
            return
        self.offer_undo(said, lambda: self.write(restore, keep=reopen))

    # -- direct edits ---------------------------------------------------------------------
    def _sprint_to_write_in(self) -> int | None:
        """The open sprint if it is not closed, else the one running today; None (and a
        word why over the page) when there is neither."""
        if self.view is not None and self.view.sprint.closed_state is None:
            return self.view.sprint.id
        running = self.running_sprint_id()
        if running is None:
            file_prompts.tell(
                self,
                "devjournal",
                "There is no sprint to add to: open one that is not closed, or start a "
                "new sprint (Ctrl+Shift+N).",
            )
        return running

    def new_goal(self) -> None:
        """A goal in the open sprint, or in the one running today (Ctrl+Shift+G)."""
        sprint_id = self._sprint_to_write_in()
        if sprint_id is not None:
            self.open_sprint(sprint_id)
            self.add_goal()

    def new_session(self) -> None:
        """A session in the open sprint, or in the one running today (Ctrl+Shift+E)."""
        sprint_id = self._sprint_to_write_in()
        if sprint_id is not None:
            self.open_sprint(sprint_id, sessions=True)
            self.sessions.add_session()

    def check_in_due(self) -> None:
        """The cursor in the check-in row of the goal most due (overdue first, then the
        first active goal) of the open or running sprint (Ctrl+Shift+I)."""
        sprint_id = self._sprint_to_write_in()
        if sprint_id is None:
            return
        self.open_sprint(sprint_id)
        assert self.view is not None
        cards = self.goal_cards
        open_goals = [
            g for g in self.view.goals if g.goal.id in cards and cards[g.goal.id].value_edit
        ]
        due = [g for g in open_goals if g.progress.checkin_overdue] or open_goals
        if not due:
            file_prompts.tell(self, "devjournal", "This sprint has no goal to check in on yet.")
            return
        self.open_sprint(sprint_id, focus_goal=due[0].goal.id)

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
            dialog = SummaryDialog(self._ops, make, self, sharing=chosen)
        except DomainError as exc:  # the sprint was deleted meanwhile (another window)
            file_prompts.tell(self, "devjournal", str(exc), warning=True)
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_dialog = dialog
        dialog.open()

    def export_closeout(self) -> None:
        """Save the open sprint's close-out report as Markdown, HTML or PDF (private items
        left out)."""
        if self.view is None:
            return
        sprint_id, title = self.view.sprint.id, self.view.sprint.title
        coaching, entries_of, clock = self._coaching, self._entries_of_sprint, self._clock

        def read(progress: Progress) -> CloseoutReport:
            progress.report(0, 0, "Reading the sprint…")
            return build_closeout(
                coaching.sprint_view(sprint_id),
                coaching.sessions_view(sprint_id),
                entries_of(sprint_id),
                clock(),
            )

        def saved(result: Saved[CloseoutReport]) -> None:  # the save flow offers Open
            path, left_out = result.path, result.data.left_out
            self._notices.say(
                f"Saved the close-out report to {path.name}{left_out_note(left_out)}."
            )

        save_report(
            self._ops,
            self,
            CLOSEOUT,
            read,
            caption="Export close-out report",
            suggested=report_file_name(title, "close-out"),
            saved=saved,
            cannot_write=cannot_save_report,
        )

    def delete_sprint(self) -> None:
        """Delete the open sprint (undoable)."""
        if self.view is None:
            return
        sprint = self.view.sprint
        self.delete(
            f"Deleted the sprint “{sprint.title}”.",
            lambda: self._coaching.delete_sprint(sprint.id),
            lambda: self._coaching.restore_sprint(sprint.id),
            reopen=sprint.id,
        )

    def delete_goal(self, goal_view: GoalView) -> None:
        """Delete a goal (undoable)."""
        goal = goal_view.goal
        self.delete(
            f"Deleted the goal “{goal.title}”.",
            lambda: self._coaching.delete_goal(goal.id),
            lambda: self._coaching.restore_goal(goal.id),
        )

    def add_checkin(self, goal_view: GoalView, on: date, value_text: str, note: str) -> None:
        """Record a check-in from a goal card's quick row."""
        if self.view is None:
            return
        goal_id = goal_view.goal.id
        sprint = self.view.sprint

        def refused(exc: DomainError) -> None:  # not saved: what was typed stays in the row
            card = self.goal_cards.get(goal_id)
            if card is not None:
                card.show_checkin_error(
                    exc.message if isinstance(exc, ValidationError) else str(exc)
                )

        try:
            draft = quick_checkin_draft(goal_id, on, value_text, note)
        except ValidationError as exc:
            refused(exc)
            return
        self._focus_goal = goal_id  # the page shows the goal again once it is refreshed
        outcome = self._ops.write(self, lambda: self._coaching.add_checkin(draft), refused=refused)
        if outcome is None:
            return
        self._quick.forget(goal_id)
        card = self.goal_cards.get(goal_id)
        if card is not None:
            card.set_quick_values("", "", "")
        future = warn_checkin(on, local_today(self._clock))
        if future or not sprint.start_date <= on <= sprint.end_date:

            def undo() -> None:
                # Take it back and put what was typed back in the row, to fix the day.
                self._quick.put_back(goal_id, (on.isoformat(), value_text, note))
                self._focus_goal = goal_id
                self.write(lambda: self._coaching.delete_checkin(outcome.value.id))

            where = "in the future" if future else "outside the sprint"
            self.offer_undo(
                f"Saved the check-in of {local_date(on, 'd MMM yyyy')}, a day {where}: is "
                "the date right?",
                undo,
            )

    def delete_checkin(self, checkin: Checkin) -> None:
        """Delete a check-in (undoable)."""
        self.delete(
            f"Deleted the check-in of {local_date(checkin.on_date, 'd MMM yyyy')}.",
            lambda: self._coaching.delete_checkin(checkin.id),
            lambda: self._coaching.restore_checkin(checkin.id),
        )

    def tick_milestone(self, milestone: Milestone, done: bool) -> None:
        """Mark a milestone done today, or not done."""
        changed = replace(milestone, done_on=local_today(self._clock) if done else None)
        self.write(lambda: self._coaching.update_milestone(milestone.id, changed))

    def flush_drafts(self) -> None:
        """Write what is typed now (the window is closing): quick rows and an open form,
        which is put away without Cancel (its draft stays)."""
        self._quick.keep_rows(self.goal_cards)
        if self.dialog is not None:
            self.dialog.keep_draft()
            self.dialog.hide()

    # -- notices and undo -----------------------------------------------------------------
    def offer_undo(self, text: str, undo: Callable[[], object]) -> None:
        self._notices.say(text, "Undo", undo, undo=True)

    def _notify(self, text: str, action_text: str, action: Callable[[], object]) -> None:
        self._notices.say(text, action_text, action)
