"""Commit to an action item, or change one: title, due date, goal, status."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from devjournal.domain.enums import ActionStatus
from devjournal.domain.models import ActionItem, ActionItemDraft, Goal
from devjournal.domain.rules import validate_action_item, warn_action_item
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import date_edit, from_qdate, to_qdate
from devjournal.ui.ops import Ops

STATUS_LABELS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}


class ActionDialog(FormDialog):
    """An action item of a sprint, made in a session (or not)."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        *,
        sprint_id: int,
        goals: list[Goal],
        today: date,
        session_id: int | None = None,
        action: ActionItem | None = None,
        prefill: ActionItemDraft | None = None,
        from_feedback: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``prefill``: a new action's fields to start from (made of the feedback entry
        ``from_feedback``, which then keeps the action as what was done about it)."""
        where = f"session={session_id}" if session_id else f"sprint={sprint_id}"
        if from_feedback is not None:
            where += f":feedback={from_feedback}"
        key = f"action:{action.id}" if action else f"action:new:{where}"
        super().__init__(
            ops,
            "Edit action item" if action else "New commitment",
            drafts,
            key,
            parent,
            stamp=action.updated_at.isoformat() if action else "",
        )
        self._coaching = coaching
        self._sprint_id = sprint_id
        self._session_id = action.session_id if action else session_id
        self._action = action
        self._from_feedback = from_feedback
        self._today = today
        self._session_day = next(
            (
                s.starts_at.astimezone().date()
                for s in (coaching.sessions_of(sprint_id) if self._session_id else ())
                if s.id == self._session_id
            ),
            None,
        )
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("What you will do, e.g. Pair with Sam on the migration")
        self.has_due = QCheckBox("Due")
        self.due_edit = date_edit()
        due = QWidget()
        due_row = QHBoxLayout(due)
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_edit, 1)
        self.goal_combo = QComboBox()
        self.goal_combo.addItem("No particular goal", 0)
        for goal in goals:
            self.goal_combo.addItem(goal.title, goal.id)
        self.status_combo = QComboBox()
        for status, text in STATUS_LABELS.items():
            self.status_combo.addItem(text, status.value)
        self.add_field("title", "Action:", self.title_edit)
        self.add_field("due_date", "Due:", due)
        self.add_field("goal_id", "For goal:", self.goal_combo)
        self.add_field("status", "Status:", self.status_combo)
        self.bind(has_due=self.has_due, due=self.due_edit)
        self.set_tab_order(
            self.title_edit, self.has_due, self.due_edit, self.goal_combo, self.status_combo
        )
        shown = action or prefill
        if shown is not None:
            self.title_edit.setText(shown.title)
            self.has_due.setChecked(shown.due_date is not None)
            self.due_edit.setDate(to_qdate(shown.due_date or today))
            index = self.goal_combo.findData(shown.goal_id or 0)
            self.goal_combo.setCurrentIndex(max(0, index))
            self.status_combo.setCurrentIndex(self.status_combo.findData(shown.status.value))
        else:
            self.has_due.setChecked(True)
            self.due_edit.setDate(to_qdate(today))
        self.restore_draft()
        self.due_edit.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due_edit.setEnabled)
        for signal in (
            self.title_edit.textEdited,
            self.has_due.toggled,
            self.due_edit.dateChanged,
            self.goal_combo.currentIndexChanged,
            self.status_combo.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self.resize(520, self.sizeHint().height())

    def draft(self) -> ActionItemDraft:
        """The action item as typed (done today when marked done now)."""
        status = ActionStatus(self.status_combo.currentData())
        done_on = None
        if status is ActionStatus.DONE:
            done_on = (
                self._action.done_on
                if self._action is not None and self._action.done_on is not None
                else self._today
            )
        return ActionItemDraft(
            sprint_id=self._sprint_id,
            title=self.title_edit.text().strip(),
            due_date=from_qdate(self.due_edit.date()) if self.has_due.isChecked() else None,
            goal_id=int(self.goal_combo.currentData()) or None,
            session_id=self._session_id,
            status=status,
            done_on=done_on,
        )

    def warnings(self) -> dict[str, str]:
        return warn_action_item(self.draft(), self._session_day)

    def check(self) -> None:
        validate_action_item(self.draft())

    def save(self) -> Outcome[Any]:
        if self._action is None:
            outcome = self._coaching.add_action(self.draft(), from_feedback=self._from_feedback)
        else:
            outcome = self._coaching.update_action(self._action.id, self.draft())
        return outcome
