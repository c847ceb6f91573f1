"""A sprint's sessions and its accountability ledger.

A view only: it shows a :class:`SessionsView` and says what the user asked for through
signals; the Coaching page calls the services.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.enums import ActionStatus, SessionStatus
from devjournal.domain.models import ActionItem, CoachingSession
from devjournal.domain.sessions import REVIEW_HEADING, ActionLine, SessionLine, SessionsView
from devjournal.domain.wording import countdown, due_phrase, markdown_lines, plural
from devjournal.ui.formatting import local_date
from devjournal.ui.plain_text import for_mnemonic
from devjournal.ui.widgets.card import Card, label

STATUS_STYLE = {
    SessionStatus.PLANNED: "muted",
    SessionStatus.HELD: "success",
    SessionStatus.CANCELLED: "muted",
}


def when_text(session: CoachingSession) -> str:
    """``Thu 12 Nov 2026, 10:00 · 60 min``."""
    local = session.starts_at.astimezone()
    return (
        f"{local_date(local.date(), 'ddd d MMM yyyy')}, {local:%H:%M} · {session.duration_min} min"
    )


def action_text(line: ActionLine, today: date) -> str:
    """``Read chapter 4 · due 15 Nov · 3 days overdue · slipped twice``."""
    a = line.action
    parts = [a.title]
    if a.status is ActionStatus.DONE and a.done_on is not None:
        parts.append(f"done {local_date(a.done_on, 'd MMM')}")
    elif a.status is ActionStatus.DROPPED:
        parts.append("dropped")
    elif a.due_date is not None:
        parts.append(f"due {local_date(a.due_date, 'd MMM')} ({due_phrase(a.due_date, today)})")
    if line.slips:
        parts.append("slipped once" if line.slips == 1 else f"slipped {line.slips} times")
    return " · ".join(parts)


class SessionsPanel(QWidget):
    """The Sessions tab of a sprint."""

    plan_requested = Signal()
    add_session_requested = Signal()
    edit_session_requested = Signal(object)  # CoachingSession
    status_requested = Signal(object, object)  # CoachingSession, SessionStatus
    prepare_requested = Signal(object)  # CoachingSession
    delete_session_requested = Signal(object)  # CoachingSession
    commit_requested = Signal(object)  # CoachingSession | None
    edit_action_requested = Signal(object)  # ActionItem
    action_done_toggled = Signal(object, bool)  # ActionItem, done
    delete_action_requested = Signal(object)  # ActionItem

    def __init__(
        self,
        view: SessionsView,
        now: datetime,
        *,
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._now = now
        self._today = now.astimezone().date()
        self._editable = editable
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)

        if editable:
            tools = QHBoxLayout()
            self.plan_button = QPushButton("Plan sessions…")
            self.plan_button.setToolTip("Plan every session of the sprint from a cadence")
            self.add_button = QPushButton("Add session")
            self.commit_button = QPushButton("Add action item")
            self.plan_button.clicked.connect(self.plan_requested)
            self.add_button.clicked.connect(self.add_session_requested)
            self.commit_button.clicked.connect(lambda: self.commit_requested.emit(None))
            for button in (self.plan_button, self.add_button, self.commit_button):
                tools.addWidget(button)
            tools.addStretch(1)
            column.addLayout(tools)

        ledger = Card("Follow-through")
        self.follow_label = ledger.add_label(str(view.total), "muted")
        if not view.sessions:
            ledger.add_label(
                "No sessions yet. Plan them from the sprint's cadence, or add one: each "
                "session has an agenda, notes, the coach's questions with your answers, and "
                "the commitments you make.",
                "muted",
            )
        column.addWidget(ledger)

        self.action_boxes: dict[int, QCheckBox] = {}
        self.action_labels: dict[int, QLabel] = {}
        self._action_texts: dict[int, str] = {}
        self.session_cards: dict[int, Card] = {}
        if view.next_planned is not None:
            column.addWidget(self._next_card(view.next_planned))
        self._add_open_actions(column)
        for line in reversed(view.sessions):  # newest first: what happened lately on top
            if view.next_planned is not None and line.session.id == view.next_planned.id:
                continue
            card = self._session_card(line)
            self.session_cards[line.session.id] = card
            column.addWidget(card)

    # -- parts ----------------------------------------------------------------------------
    def _next_card(self, session: CoachingSession) -> Card:
        line = next(x for x in self.view.sessions if x.session.id == session.id)
        card = Card("Next session")
        self.next_card = card
        self.session_cards[session.id] = card
        card.add_label(
            f"{when_text(session)} · {countdown(self._now, session.starts_at)}", "cardTitle"
        )
        items = markdown_lines(session.agenda)
        if items:
            card.add_label("On the agenda:", "muted")
            for item in items:
                heading = item.rstrip(":") == REVIEW_HEADING
                card.add_label(item if heading else f"•  {item}", "cardTitle" if heading else "")
        else:
            card.add_label("Nothing on the agenda yet.", "muted")
        if self._editable:
            row = QHBoxLayout()
            self.prepare_button = QPushButton("Prepare agenda")
            self.prepare_button.setObjectName("primary")
            self.prepare_button.setToolTip(
                "Put every open commitment from earlier sessions under “Review commitments”"
            )
            self.prepare_button.clicked.connect(lambda: self.prepare_requested.emit(session))
            row.addWidget(self.prepare_button)
            self._session_buttons(row, line)
            card.body.addLayout(row)
        return card

    def _session_card(self, line: SessionLine) -> Card:
        s = line.session
        card = Card()
        top = QHBoxLayout()
        top.addWidget(label(when_text(s), "cardTitle"), 1)
        status = label(s.status.value.capitalize(), STATUS_STYLE[s.status])
        status.setAccessibleName(f"Session status: {s.status.value}")
        top.addWidget(status)
        card.body.addLayout(top)
        if s.notes:
            card.add_label(s.notes)
        for q in s.questions:
            if q.question:
                card.add_label(f"Q: {q.question}\nA: {q.answer or '—'}", "muted")
        if s.insights:
            card.add_label(f"Insights: {s.insights}")
        if line.committed:
            card.add_label(f"Committed here: {line.follow}", "muted")
            for action_line in line.committed:
                card.body.addWidget(self._action_row(action_line))
        if self._editable:
            row = QHBoxLayout()
            if s.status is SessionStatus.PLANNED:
                prepare = QPushButton("Prepare agenda")
                prepare.clicked.connect(lambda: self.prepare_requested.emit(s))
                row.addWidget(prepare)
            self._session_buttons(row, line)
            card.body.addLayout(row)
        return card

    def _session_buttons(self, row: QHBoxLayout, line: SessionLine) -> None:
        s = line.session
        if s.status is SessionStatus.PLANNED:
            held = QPushButton("Mark held")
            held.clicked.connect(lambda: self.status_requested.emit(s, SessionStatus.HELD))
            row.addWidget(held)
        commit = QPushButton("Add commitment")
        commit.clicked.connect(lambda: self.commit_requested.emit(s))
        edit = QPushButton("Edit…")
        edit.setToolTip("Date, agenda, notes, questions and answers, insights")
        edit.clicked.connect(lambda: self.edit_session_requested.emit(s))
        more = QToolButton()
        more.setText("More")
        more.setAccessibleName(f"More for the session of {when_text(s)}")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        if s.status is SessionStatus.PLANNED:
            menu.addAction("Cancel session").triggered.connect(
                lambda: self.status_requested.emit(s, SessionStatus.CANCELLED)
            )
        elif s.status is SessionStatus.CANCELLED:
            menu.addAction("Plan it again").triggered.connect(
                lambda: self.status_requested.emit(s, SessionStatus.PLANNED)
            )
        menu.addAction("Delete session").triggered.connect(
            lambda: self.delete_session_requested.emit(s)
        )
        more.setMenu(menu)
        row.addWidget(commit)
        row.addWidget(edit)
        row.addStretch(1)
        row.addWidget(more)

    def _add_open_actions(self, column: QVBoxLayout) -> None:
        open_lines = [x for x in self.view.actions if x.action.status is ActionStatus.OPEN]
        card = Card("Open commitments")
        self.open_card = card
        if not open_lines:
            card.add_label("Nothing open: every commitment is done or dropped.", "muted")
        overdue = sum(x.overdue for x in open_lines)
        if overdue:
            card.add_label(f"{plural(overdue, 'item')} overdue", "danger")
        for line in open_lines:
            card.body.addWidget(self._action_row(line))
        column.addWidget(card)

    def _action_row(self, line: ActionLine) -> QWidget:
        a = line.action
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = action_text(line, self._today)
        box = QCheckBox()  # the text goes in a label beside it, which can wrap
        box.setChecked(a.status is ActionStatus.DONE)
        box.setEnabled(self._editable and a.status is not ActionStatus.DROPPED)
        box.setAccessibleName(f"Done: {text}")
        box.setToolTip("Tick when done")
        box.toggled.connect(lambda on: self.action_done_toggled.emit(a, on))
        # The label names the box for assistive technology: as a buddy, it reads "&" as a
        # shortcut mark.
        shown = label(for_mnemonic(text), "danger" if line.overdue else "", wrap=True)
        shown.setBuddy(box)
        self._action_texts.setdefault(a.id, text)
        self.action_boxes.setdefault(a.id, box)
        self.action_labels.setdefault(a.id, shown)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(shown, 1)
        if self._editable:
            edit = QToolButton()
            edit.setText("Edit")
            edit.setAutoRaise(True)
            edit.setAccessibleName(f"Edit “{a.title}”")
            edit.clicked.connect(lambda: self.edit_action_requested.emit(a))
            remove = QToolButton()
            remove.setText("Delete")
            remove.setAutoRaise(True)
            remove.setAccessibleName(f"Delete “{a.title}”")
            remove.clicked.connect(lambda: self.delete_action_requested.emit(a))
            layout.addWidget(edit)
            layout.addWidget(remove)
        return row

    def action_text_of(self, action: ActionItem) -> str:
        """What the ledger says of ``action`` (for tests and accessibility)."""
        return self._action_texts[action.id]
