"""Plan, hold or write up a coaching session."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from devjournal.domain.clock import Clock, utc_now
from devjournal.domain.enums import Scope, SessionStatus
from devjournal.domain.models import CoachingSession, SessionDraft, SessionQuestion, Sprint
from devjournal.domain.rules import validate_session, warn_session
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.dialogs.form_dialog import FormDialog, day_and_time, pairs_table
from devjournal.ui.formatting import from_qdate, to_qdate
from devjournal.ui.ops import Ops

SCOPES = {Scope.COACH: "Shared with my coach", Scope.PRIVATE: "Private (never exported)"}


def _text(hint: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(hint)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class SessionDialog(FormDialog):
    """Date and time, length, status, agenda, notes, questions and answers, insights."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        sprint: Sprint,
        today: date,
        *,
        session: CoachingSession | None = None,
        parent: QWidget | None = None,
        clock: Clock = utc_now,
    ) -> None:
        key = f"session:{session.id}" if session else f"session:new:sprint={sprint.id}"
        super().__init__(
            ops,
            "Edit session" if session else "New session",
            drafts,
            key,
            parent,
            stamp=session.updated_at.isoformat() if session else "",
        )
        self._coaching = coaching
        self._sprint = sprint
        self._session = session
        self._clock = clock
        self._build_when_section()
        self._build_talk_section()
        self.bind(day=self.day_edit, time=self.time_edit)
        self._build_takeaway_section()
        self.set_tab_order(
            self.day_edit,
            self.time_edit,
            self.duration_spin,
            self.status_combo,
            self.agenda_edit,
            self.notes_edit,
            self.questions,
            self.add_question_button,
            self.insights_edit,
            self.scope_combo,
        )

        if session is not None:
            self._fill(session)
        else:
            day = min(max(today, sprint.start_date), sprint.end_date)
            self.day_edit.setDate(to_qdate(day))
            self.time_edit.setTime(QTime(10, 0))
            self.duration_spin.setValue(60)
        self.restore_draft()
        for signal in (
            self.day_edit.dateChanged,
            self.time_edit.timeChanged,
            self.duration_spin.valueChanged,
            self.status_combo.currentIndexChanged,
            self.agenda_edit.textChanged,
            self.notes_edit.textChanged,
            self.insights_edit.textChanged,
            self.scope_combo.currentIndexChanged,
            self.questions.itemChanged,
        ):
            signal.connect(self.changed)
        self.add_question_button.clicked.connect(self._on_add_question_button_clicked)
        self.resize(640, self.sizeHint().height())

    # -- the form's sections --------------------------------------------------------------
    def _build_when_section(self) -> None:
        """When the session is, how long, and whether it is planned, held or cancelled."""
        self.day_edit, self.time_edit, when = day_and_time()
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 600)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(" min")
        self.status_combo = QComboBox()
        for status in SessionStatus:
            self.status_combo.addItem(status.value.capitalize(), status.value)
        self.add_field("starts_at", "When:", when)
        self.add_field("duration_min", "Length:", self.duration_spin)
        self.add_field("status", "Status:", self.status_combo)

    def _build_talk_section(self) -> None:
        """What was to be talked about (the agenda) and what was (the notes)."""
        self.agenda_edit = _text("One item a line, in order", 90)
        self.notes_edit = _text("What you talked about", 90)
        self.add_field("agenda", "Agenda:", self.agenda_edit)
        self.add_field("notes", "Notes:", self.notes_edit)

    def _build_takeaway_section(self) -> None:
        """The coach's questions and your answers (a table, and a button to add one),
        what you took away, and who it is shared with."""
        self.questions, self.add_question_button, questions_box = pairs_table(
            ["The coach asked", "My answer"], 120, "Add a question"
        )
        self.insights_edit = _text("What you took away", 60)
        self.scope_combo = QComboBox()
        for scope, text in SCOPES.items():
            self.scope_combo.addItem(text, scope.value)
        self.add_field("questions", "Questions:", questions_box)
        self.add_field("insights", "Insights:", self.insights_edit)
        self.add_field("scope", "Shared:", self.scope_combo)

    # -- filling it -----------------------------------------------------------------------
    def _fill(self, session: CoachingSession) -> None:
        local = session.starts_at.astimezone()
        self.day_edit.setDate(to_qdate(local.date()))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        self.duration_spin.setValue(session.duration_min)
        self.status_combo.setCurrentIndex(self.status_combo.findData(session.status.value))
        self.agenda_edit.setPlainText(session.agenda)
        self.notes_edit.setPlainText(session.notes)
        self.insights_edit.setPlainText(session.insights)
        index = self.scope_combo.findData(session.scope.value)
        if index < 0:
            self.scope_combo.addItem(session.scope.value.capitalize(), session.scope.value)
            index = self.scope_combo.count() - 1
        self.scope_combo.setCurrentIndex(index)
        self.set_questions([(q.question, q.answer) for q in session.questions])

    # -- questions ------------------------------------------------------------------------
    def set_questions(self, pairs: list[tuple[str, str]]) -> None:
        """Fill the questions table."""
        self.questions.setRowCount(0)
        for question, answer in pairs:
            self._append(question, answer)

    def question_pairs(self) -> list[tuple[str, str]]:
        """The rows with a question or an answer."""
        pairs = []
        for row in range(self.questions.rowCount()):
            cells = [self.questions.item(row, col) for col in (0, 1)]
            q, a = (c.text().strip() if c is not None else "" for c in cells)
            if q or a:
                pairs.append((q, a))
        return pairs

    def _append(self, question: str = "", answer: str = "") -> int:
        row = self.questions.rowCount()
        self.questions.insertRow(row)
        self.questions.setItem(row, 0, QTableWidgetItem(question))
        self.questions.setItem(row, 1, QTableWidgetItem(answer))
        return row

    def _on_add_question_button_clicked(self) -> None:
        row = self._append()
        self.questions.setFocus()
        self.questions.setCurrentCell(row, 0)  # opens the editor (edit on current change)

    # -- values ---------------------------------------------------------------------------
    def starts_at(self) -> datetime:
        """The date and time typed, in this computer's time zone."""
        t = self.time_edit.time()
        return datetime.combine(
            from_qdate(self.day_edit.date()), time(t.hour(), t.minute())
        ).astimezone()

    def draft(self) -> SessionDraft:
        """The session as typed."""
        return SessionDraft(
            sprint_id=self._sprint.id,
            starts_at=self.starts_at(),
            duration_min=self.duration_spin.value(),
            status=SessionStatus(self.status_combo.currentData()),
            agenda=self.agenda_edit.toPlainText().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            insights=self.insights_edit.toPlainText().strip(),
            scope=Scope(self.scope_combo.currentData()),
            questions=tuple(SessionQuestion(q, a) for q, a in self.question_pairs()),
        )

    def values(self) -> dict[str, Any]:
        return {**super().values(), "questions": [list(p) for p in self.question_pairs()]}

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        saved = values.get("questions", [])
        if isinstance(saved, list):
            self.set_questions(
                [(str(p[0]), str(p[1])) for p in saved if isinstance(p, list) and len(p) == 2]
            )

    def warnings(self) -> dict[str, str]:
        return warn_session(self.draft(), self._clock())

    def check(self) -> None:
        validate_session(self.draft())

    def save(self) -> Outcome[Any]:
        if self._session is None:
            outcome = self._coaching.add_session(self.draft())
        else:
            outcome = self._coaching.update_session(self._session.id, self.draft())
        return outcome
