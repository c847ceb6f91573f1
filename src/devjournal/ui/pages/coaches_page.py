"""Coaches: the people who coached you across a career, as a history. Each coach with what
they coach, where, when you worked together and the sprints you had; the one chosen with
how to reach them, notes, the sprints (each opens on the Coaching page) and a button to
start a new sprint with them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import ClosedState, SprintKind
from devjournal.domain.errors import DomainError
from devjournal.domain.models import Coach, Sprint, SprintDraft
from devjournal.domain.wording import plural
from devjournal.drafts import DraftKey, DraftStore
from devjournal.services.changes import Changes
from devjournal.services.people_service import CoachView, PeopleService
from devjournal.ui.dialogs.coach_dialog import CoachDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import for_mnemonic, plain_label, plain_tooltip
from devjournal.ui.widgets.card import Card
from devjournal.ui.widgets.empty_state import EmptyState, NotReadYet
from devjournal.ui.widgets.notice_bar import NoticeBar
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

COACH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SPRINT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

NOW, PAST, NOT_YET = "Working with now", "Past coaches", "No sprint together yet"


@dataclass(frozen=True)
class CoachesRead:
    """One read of the page: every coach with their sprints, how each sprint's goals
    ended (achieved, of those set), and the day it was read."""

    coaches: tuple[CoachView, ...]
    goals: Mapping[int, tuple[int, int]]
    today: date


def read_coaches(people: PeopleService, today: date) -> CoachesRead:
    """What the page shows (it touches no widget: it runs on a worker)."""
    return CoachesRead(tuple(people.coaches()), people.goals_achieved(), today)


def group_of(view: CoachView, today: date) -> str:
    """Which part of the history a coach is in: now, past, or no sprint yet."""
    if not view.sprints:
        return NOT_YET
    return NOW if view.current(today) else PAST


def span_text(view: CoachView) -> str:
    """When you worked together: ``Mar 2021 – Nov 2026`` (one month said once)."""
    if view.first is None or view.last is None:
        return ""
    first, last = local_date(view.first, "MMM yyyy"), local_date(view.last, "MMM yyyy")
    return first if first == last else f"{first} – {last}"


def ordered(coaches: tuple[CoachView, ...], today: date) -> list[CoachView]:
    """Now first (longest together first), then past (latest together first), then those
    without a sprint (by name)."""
    order = {NOW: 0, PAST: 1, NOT_YET: 2}

    def key(view: CoachView) -> tuple[int, int, str]:
        group = group_of(view, today)
        if group == NOW:
            when = view.first.toordinal() if view.first else 0
        elif group == PAST:
            when = -(view.last.toordinal() if view.last else 0)
        else:
            when = 0
        return (order[group], when, view.coach.name.casefold())

    return sorted(coaches, key=key)


def how_it_closed(sprint: Sprint, today: date) -> str:
    """``completed``, ``abandoned``, ``running``, ``starts 3 Mar 2027``, ``ended, not closed``."""
    if sprint.closed_state is ClosedState.COMPLETED:
        return "completed"
    if sprint.closed_state is ClosedState.ABANDONED:
        return "abandoned"
    if sprint.start_date > today:
        return f"starts {local_date(sprint.start_date, 'd MMM yyyy')}"
    if sprint.end_date >= today:
        return "running"
    return "ended, not closed yet"


def sprint_line(sprint: Sprint, goals: tuple[int, int] | None, today: date) -> str:
    """A sprint's second line: its days, how it closed, and its goals achieved."""
    days = (
        f"{local_date(sprint.start_date, 'd MMM yyyy')} – "
        f"{local_date(sprint.end_date, 'd MMM yyyy')}"
    )
    parts = [days, how_it_closed(sprint, today)]
    if goals is not None and goals[1]:
        parts.append(
            f"{goals[0]} of {plural(goals[1], 'goal')} achieved"
            if sprint.closed_state is not None
            else plural(goals[1], "goal")
        )
    return " · ".join(parts)


def coach_line(view: CoachView) -> str:
    """A coach's second line in the list: what, where, when, how many sprints."""
    parts = [p for p in (view.coach.coaches, view.coach.organisation) if p]
    if view.sprints:
        parts += [span_text(view), plural(len(view.sprints), "sprint")]
    else:
        parts.append("no sprint together yet")
    return " · ".join(parts)


class CoachesPage(QWidget):
    """The coaches on the left, grouped now / past; the chosen one's page on the right."""

    shows: ClassVar[Changes] = Changes.COACHES | Changes.SPRINTS | Changes.GOALS

    sprint_shown = Signal(int)  # a sprint's id: open it on the Coaching page
    sprint_requested = Signal(object)  # a SprintDraft: start a sprint with this coach

    def __init__(
        self,
        people: PeopleService,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticeBar,
    ) -> None:
        super().__init__(parent)
        self._people = people
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self._notices = notices
        self.dialog: CoachDialog | None = None
        self.read: CoachesRead | None = None
        self.shown: CoachView | None = None
        self._asked = 0
        self._answered = 0
        self._wanted: int | None = None

        self.pages = QStackedWidget()
        self.empty = EmptyState(
            "The coaches of your career",
            "Keep each coach you work with: what they coach, where, how to reach them, and "
            "the sprints you had together. A sprint that names a coach adds them here too, "
            "so over the years this becomes the history of who helped you grow.",
            "Add a coach",
        )
        self.empty.button.clicked.connect(self.new_coach)
        self.pages.addWidget(NotReadYet())
        self.pages.addWidget(self.empty)
        self.people = self._history()
        self.pages.addWidget(self.people)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    # -- building -------------------------------------------------------------------------
    def _history(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(12)
        column.addLayout(self._heading())
        splitter = QSplitter()
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        column.addWidget(splitter, 1)
        return page

    def _heading(self) -> QHBoxLayout:
        text = QVBoxLayout()
        text.addWidget(plain_label("Coaches", "pageTitle"))
        self.summary_label = plain_label("", "muted", wrap=True)
        text.addWidget(self.summary_label)
        self.new_button = QPushButton("New coach…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_coach)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _list_side(self) -> QWidget:
        self.list = QListWidget()
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setAccessibleName("Coaches, now and past")
        self.list.setMinimumWidth(260)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(self._on_item_activated)
        return self.list

    def _detail(self) -> QWidget:
        card = Card()
        self.detail = card
        self.name_label = plain_label("", "headline", wrap=True)
        self.what_label = plain_label("", "muted", wrap=True)
        self.together_label = plain_label("", "", wrap=True)
        self.contact_label = self._selectable()
        self.contact_label.setAccessibleName("Contact")
        self.notes_label = self._selectable()
        self.notes_label.setAccessibleName("Notes")
        self.sprints = QListWidget()
        self.sprints.setItemDelegate(TwoLineDelegate(self.sprints))
        self.sprints.setAccessibleName("Sprints together, earliest first")
        self.sprints.setToolTip("Enter or a double-click opens the sprint on the Coaching page")
        self.sprints.setMinimumHeight(150)
        self.sprints.itemActivated.connect(self._on_sprint_activated)
        for widget in (self.name_label, self.what_label, self.together_label):
            card.body.addWidget(widget)
        card.body.addLayout(self._buttons())
        card.body.addSpacing(4)
        card.body.addWidget(plain_label("Contact", "cardTitle"))
        card.body.addWidget(self.contact_label)
        card.body.addWidget(plain_label("Notes", "cardTitle"))
        card.body.addWidget(self.notes_label)
        card.body.addWidget(plain_label("Sprints together", "cardTitle"))
        card.body.addWidget(self.sprints, 1)  # the rest of the height: the history
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(card)
        scroll.setMinimumWidth(360)
        return scroll

    @staticmethod
    def _selectable() -> QLabel:
        label = plain_label("", "", wrap=True)  # plain text: an address is never a link
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _buttons(self) -> QHBoxLayout:
        self.start_button = QPushButton("Start a sprint with them…")
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.start_sprint)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Name, what they coach, organisation, contact, notes")
        self.edit_button.clicked.connect(self.edit_shown)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_shown)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        return row

    def showEvent(self, event: QShowEvent) -> None:
        """Read the coaches the first time the page is shown (not at start-up)."""
        super().showEvent(event)
        if self._asked == 0:
            self.refresh()

    # -- the Page protocol ----------------------------------------------------------------
    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Read the coaches again (the one shown stays, if still there)."""
        self.refresh()

    def refresh(self) -> None:
        """Read the coaches and their sprints again, off the GUI thread."""
        self._asked += 1
        ticket = self._asked
        people, today = self._people, local_today(self._clock)
        self._ops.query(
            self, lambda: read_coaches(people, today), lambda read: self._on_read(ticket, read)
        )

    @property
    def reading(self) -> bool:
        """Whether a read is under way (the page shows the last one)."""
        return self._answered != self._asked

    def flush_drafts(self) -> None:
        """The window is closing: an open form keeps what was typed as a draft."""
        if self.dialog is not None:
            self.dialog.keep_draft()

    def open_draft(self, key: DraftKey) -> bool:
        """Reopen a coach form typed in an earlier run (it restores the draft)."""
        if key.kind != "coach":
            return False
        if key.id is None:
            self.new_coach()
            return True
        try:
            coach = self._people.coach(key.id)
        except DomainError:  # gone since: the draft has nothing to edit
            return False
        self._open(self._dialog_for(coach))
        return True

    # -- showing --------------------------------------------------------------------------
    def _on_read(self, ticket: int, read: CoachesRead) -> None:
        if ticket != self._asked:
            return  # a newer read was asked for
        self._answered = ticket
        self.read = read
        self.pages.setCurrentWidget(self.people if read.coaches else self.empty)
        self._show_summary(read)
        self._fill_list(read)

    def _show_summary(self, read: CoachesRead) -> None:
        now = [v.coach.name for v in read.coaches if v.current(read.today)]
        firsts = [v.first for v in read.coaches if v.first is not None]
        parts = [plural(len(read.coaches), "coach", "coaches")]
        if firsts:
            parts[0] += f" since {local_date(min(firsts), 'yyyy')}"
        said = ", ".join(parts) + "."
        if now:
            said += " Working with " + _names(now) + " now."
        self.summary_label.setText(said)

    def _fill_list(self, read: CoachesRead) -> None:
        keep = self._wanted or (self.shown.coach.id if self.shown else None)
        self._wanted = None
        self.list.blockSignals(True)
        self.list.clear()
        group = ""
        views = ordered(read.coaches, read.today)
        for view in views:
            heading = group_of(view, read.today)
            if heading != group:
                group = heading
                self.list.addItem(_heading_item(heading))
            item = QListWidgetItem(view.coach.name)
            item.setData(SUBTITLE_ROLE, coach_line(view))
            item.setData(COACH_ID_ROLE, view.coach.id)
            item.setToolTip(plain_tooltip(f"{view.coach.name}\n{coach_line(view)}"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [v.coach.id for v in views]
        self.show_coach(keep if keep in ids else (ids[0] if ids else None))

    def listed(self) -> list[str]:
        """The list as it reads: headings and names, in order."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def show_coach(self, coach_id: int | None) -> None:
        """Show the coach ``coach_id`` on the right (None: nothing chosen). Asked before
        the first read, the coach is shown once it returns."""
        if self.read is None:
            self._wanted = coach_id
            return
        found = next((v for v in self.read.coaches if v.coach.id == coach_id), None)
        self.shown = found
        self.detail.setVisible(found is not None)
        if found is None:
            return
        self._show_detail(found, self.read)
        for row in range(self.list.count()):
            if self.list.item(row).data(COACH_ID_ROLE) == found.coach.id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                break

    def _show_detail(self, view: CoachView, read: CoachesRead) -> None:
        coach = view.coach
        self.name_label.setText(coach.name)
        what = [p for p in (coach.coaches, coach.organisation) if p]
        self.what_label.setText(" · ".join(what) or "What they coach is not written down yet.")
        self.what_label.setVisible(True)
        if view.sprints:
            state = "working together now" if view.current(read.today) else "past coach"
            self.together_label.setText(
                f"Together {span_text(view)} · {plural(len(view.sprints), 'sprint')} · {state}"
            )
        else:
            self.together_label.setText("No sprint together yet.")
        self.contact_label.setText(coach.contact or "Not written down.")
        self.notes_label.setText(coach.notes or "No notes yet.")
        self.sprints.clear()
        for sprint in view.sprints:
            item = QListWidgetItem(sprint.title)
            item.setData(SUBTITLE_ROLE, sprint_line(sprint, read.goals.get(sprint.id), read.today))
            item.setData(SPRINT_ID_ROLE, sprint.id)
            item.setToolTip("Enter or a double-click opens it on the Coaching page")
            self.sprints.addItem(item)
        self.sprints.setVisible(bool(view.sprints))
        self.start_button.setText(for_mnemonic(f"Start a sprint with {coach.name}…"))

    def _on_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(COACH_ID_ROLE) is not None:
            self.show_coach(int(item.data(COACH_ID_ROLE)))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(COACH_ID_ROLE) is not None:
            self.edit_shown()

    def _on_sprint_activated(self, item: QListWidgetItem) -> None:
        sprint_id = item.data(SPRINT_ID_ROLE)
        if sprint_id is not None:
            self.sprint_shown.emit(int(sprint_id))

    # -- acting ---------------------------------------------------------------------------
    def new_coach(self) -> None:
        """Add a coach."""
        self._open(CoachDialog(self._ops, self._people, self._drafts, parent=self.window()))

    def edit_shown(self) -> None:
        """Edit the coach shown."""
        if self.shown is not None:
            self._open(self._dialog_for(self.shown.coach))

    def _dialog_for(self, coach: Coach) -> CoachDialog:
        read = self.read
        view = next((v for v in read.coaches if v.coach.id == coach.id), None) if read else None
        return CoachDialog(
            self._ops,
            self._people,
            self._drafts,
            coach=coach,
            sprints=len(view.sprints) if view else 0,
            parent=self.window(),
        )

    def _open(self, dialog: CoachDialog) -> None:
        self.dialog = dialog

        def saved() -> None:
            if dialog.saved is not None:
                self._wanted = dialog.saved.id
                if self.read is not None:
                    self.show_coach(dialog.saved.id)

        dialog.show_modal(saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def start_sprint(self) -> None:
        """A new sprint with the coach shown (the Coaching page's form, prefilled)."""
        if self.shown is None:
            return
        today = local_today(self._clock)
        self.sprint_requested.emit(
            SprintDraft(
                title="",
                kind=SprintKind.SKILLS,
                start_date=today,
                end_date=date.fromordinal(today.toordinal() + 83),
                coach_name=self.shown.coach.name,
                coach_id=self.shown.coach.id,
            )
        )

    def delete_shown(self) -> None:
        """Delete the coach shown (their sprints keep the name; Undo brings them back)."""
        if self.shown is None:
            return
        coach = self.shown.coach
        if self._ops.write(self, lambda: self._people.delete_coach(coach.id)) is None:
            return
        self._notices.say(
            f"Deleted {coach.name}. Their sprints keep the name they show.",
            "Undo",
            lambda: self._restore(coach.id),
            undo=True,
        )

    def _restore(self, coach_id: int) -> None:
        if self._ops.write(self, lambda: self._people.restore_coach(coach_id)) is not None:
            self._wanted = coach_id
            self.refresh()


def _names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _heading_item(text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not chosen, not focused
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item
