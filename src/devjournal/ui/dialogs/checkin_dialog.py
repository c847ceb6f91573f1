"""Edit a KPI check-in: its day, value and note."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from devjournal.domain.errors import ValidationError
from devjournal.domain.models import Checkin, CheckinDraft, Goal
from devjournal.domain.rules import validate_checkin, warn_checkin
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import (
    date_edit,
    edit_number_text,
    from_qdate,
    parse_number,
    to_qdate,
)
from devjournal.ui.ops import Ops


class CheckinDialog(FormDialog):
    """Correct a check-in."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        checkin: Checkin,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        """``today`` (the user's, from the clock) is what a later day is warned against."""
        super().__init__(
            ops,
            "Edit check-in",
            drafts,
            f"checkin:{checkin.id}",
            parent,
            stamp=checkin.updated_at.isoformat(),
        )
        self._coaching = coaching
        self._checkin = checkin
        self._goal: Goal | None = None  # read when first needed, for its scale
        self._today = today
        self.date_edit = date_edit()
        self.date_edit.setDate(to_qdate(checkin.on_date))
        self.value_edit = QLineEdit(edit_number_text(checkin.value))
        self.note_edit = QLineEdit(checkin.note)
        self.add_field("on_date", "Day:", self.date_edit)
        self.add_field("value", "Value:", self.value_edit)
        self.add_field("note", "Note:", self.note_edit)
        self.set_tab_order(self.date_edit, self.value_edit, self.note_edit)
        self.restore_draft()
        self.date_edit.dateChanged.connect(self.changed)
        self.value_edit.textEdited.connect(self.changed)
        self.note_edit.textEdited.connect(self.changed)

    def draft(self) -> CheckinDraft:
        """The check-in as typed; raises ValidationError when the value is no number."""
        try:
            value = parse_number(self.value_edit.text())
        except ValueError:
            value = None
        if value is None:
            raise ValidationError({"value": "Enter a number."})
        return CheckinDraft(
            goal_id=self._checkin.goal_id,
            on_date=from_qdate(self.date_edit.date()),
            value=value,
            note=self.note_edit.text().strip(),
        )

    def warnings(self) -> dict[str, str]:
        if self._today is None:
            return {}
        return warn_checkin(from_qdate(self.date_edit.date()), self._today)

    def check(self) -> None:
        if self._goal is None:
            self._goal = self._coaching.goal(self._checkin.goal_id)
        validate_checkin(self.draft(), self._goal)

    def save(self) -> Outcome[Any]:
        return self._coaching.update_checkin(self._checkin.id, self.draft())
