"""The left column of the Coaching page: the sprints, grouped by phase, with a filter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.sprints import SprintPhase, SprintSummary
from devjournal.domain.wording import plural
from devjournal.ui.formatting import local_date
from devjournal.ui.plain_text import plain_label, plain_tooltip
from devjournal.ui.shortcuts import sequence
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

SPRINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SprintList(QWidget):
    """ "New sprint", a filter (Ctrl+F) and the list. :meth:`show_board` fills it;
    ``chosen`` says which sprint the user picked (not one :meth:`select` picks)."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = QPushButton("New sprint")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Start a coaching sprint")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by title, coach or focus")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter sprints")
        self.find_action = QAction("Find a sprint", self)
        self.find_action.setShortcut(sequence("page.find"))
        self.addAction(self.find_action)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("sprintList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMouseTracking(True)
        self.list.setAccessibleName("Sprints")
        self.no_match = plain_label("No sprint matches.", "muted", wrap=True)
        self.no_match.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 16, 6, 12)
        column.addWidget(self.new_button)
        column.addWidget(self.filter_edit)
        column.addWidget(self.list, 1)
        column.addWidget(self.no_match)
        self._board: list[SprintSummary] = []
        self._today = date.min
        self._selected: int | None = None
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.find_action.triggered.connect(self._on_find_action_triggered)

    def show_board(self, board: list[SprintSummary], today: date) -> None:
        """List ``board``'s sprints (those the filter lets through), by phase."""
        self._board, self._today = board, today
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
                self.model.appendRow(_list_item(summary, today))
        self.list.selectionModel().blockSignals(blocker)

    def select(self, sprint_id: int) -> None:
        """Mark ``sprint_id`` as the open sprint (without saying it was chosen)."""
        self._selected = sprint_id
        index = self.row_of(sprint_id)
        if index.isValid():
            blocker = self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
            self.list.selectionModel().blockSignals(blocker)

    def row_of(self, sprint_id: int) -> QModelIndex:
        """The list's row of ``sprint_id`` (invalid when it is not listed)."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(SPRINT_ID_ROLE) == sprint_id:
                return index
        return QModelIndex()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sprint_id = current.data(SPRINT_ID_ROLE)
        if isinstance(sprint_id, int):
            self.chosen.emit(sprint_id)

    def _on_filter_edit_text_changed(self) -> None:
        self.show_board(self._board, self._today)
        if self._selected is not None:
            index = self.row_of(self._selected)
            if index.isValid():
                blocker = self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(index)
                self.list.selectionModel().blockSignals(blocker)

    def _on_find_action_triggered(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()


def _haystack(summary: SprintSummary) -> str:
    """What the sprint filter looks in."""
    sprint = summary.sprint
    return f"{sprint.title} {sprint.coach_name} {sprint.focus} {sprint.kind.label}".casefold()


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
