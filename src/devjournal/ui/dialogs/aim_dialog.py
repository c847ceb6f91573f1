"""Add or edit a part of the direction: where you want to be in one, three or five years."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import AimHorizon, Scope
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import Aim, AimDraft
from devjournal.domain.rules import validate_aim
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.people_service import PeopleService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import date_edit, from_qdate, to_qdate
from devjournal.ui.ops import Ops

SHARED_LABELS = {
    Scope.PRIVATE: "Private: only for me",
    Scope.MENTOR: "Shareable with my mentor",
    Scope.COACH: "Shareable with my coach",
}


class AimDialog(FormDialog):
    """How far ahead, what, in more words, and (once there) the day it was reached."""

    def __init__(
        self,
        ops: Ops,
        people: PeopleService,
        drafts: DraftStore,
        clock: Clock,
        *,
        aim: Aim | None = None,
        horizon: AimHorizon = AimHorizon.ONE_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        """``horizon``: where a new aim goes (the section its Add button was in)."""
        super().__init__(
            ops,
            "Edit where you want to be" if aim else "Where you want to be",
            drafts,
            f"aim:{aim.id}" if aim else f"aim:new:horizon={horizon.years}",
            parent,
            stamp=aim.updated_at.isoformat() if aim else "",
        )
        self._people = people
        self._aim = aim
        self._today = local_today(clock)
        self.saved: Aim | None = None
        self.horizon_combo = QComboBox()
        for h in AimHorizon:
            self.horizon_combo.addItem(h.label, h.value)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Lead the platform team")
        self.detail_edit = QPlainTextEdit()
        self.detail_edit.setPlaceholderText(
            "What it looks like when you are there, and why it matters to you"
        )
        self.detail_edit.setTabChangesFocus(True)
        self.detail_edit.setFixedHeight(90)
        self.has_reached = QCheckBox("Reached on")
        self.reached_edit = date_edit()
        reached_row = QWidget()
        line = QHBoxLayout(reached_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.has_reached)
        line.addWidget(self.reached_edit)
        line.addStretch(1)
        self.scope_combo = QComboBox()
        for scope, text in SHARED_LABELS.items():
            self.scope_combo.addItem(text, scope.value)
        self.add_field("horizon", "When:", self.horizon_combo)
        self.add_field("title", "Where:", self.title_edit)
        self.add_field("detail", "In more words:", self.detail_edit)
        self.add_field("reached_on", "Reached:", reached_row)
        self.add_field("scope", "Shared:", self.scope_combo)
        self.has_reached.setAccessibleName("Reached")
        self.reached_edit.setAccessibleName("Reached on")
        self.bind(has_reached=self.has_reached, reached_on=self.reached_edit)
        self.set_tab_order(
            self.horizon_combo,
            self.title_edit,
            self.detail_edit,
            self.has_reached,
            self.reached_edit,
            self.scope_combo,
        )
        self.reached_edit.setDate(to_qdate(self._today))
        if aim is not None:
            self._fill(aim)
        else:
            self.horizon_combo.setCurrentIndex(self.horizon_combo.findData(horizon.value))
        self.restore_draft()
        self.has_reached.toggled.connect(self._on_reached_toggled)
        for signal in (
            self.horizon_combo.currentIndexChanged,
            self.title_edit.textEdited,
            self.detail_edit.textChanged,
            self.has_reached.toggled,
            self.reached_edit.dateChanged,
            self.scope_combo.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self._on_reached_toggled()
        self.resize(560, self.sizeHint().height())

    def _fill(self, aim: Aim) -> None:
        self.horizon_combo.setCurrentIndex(self.horizon_combo.findData(aim.horizon.value))
        self.title_edit.setText(aim.title)
        self.detail_edit.setPlainText(aim.detail)
        self.has_reached.setChecked(aim.reached_on is not None)
        if aim.reached_on is not None:
            self.reached_edit.setDate(to_qdate(aim.reached_on))
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(aim.scope.value))

    def _on_reached_toggled(self) -> None:
        self.reached_edit.setEnabled(self.has_reached.isChecked())

    def draft(self) -> AimDraft:
        """The aim as typed."""
        base = self._aim
        return AimDraft(
            horizon=AimHorizon(self.horizon_combo.currentData()),
            title=self.title_edit.text().strip(),
            detail=self.detail_edit.toPlainText().strip(),
            position=base.position if base else 0,
            reached_on=from_qdate(self.reached_edit.date())
            if self.has_reached.isChecked()
            else None,
            scope=Scope(self.scope_combo.currentData()),
        )

    def check(self) -> None:
        """The rules saving applies, and a reached day that has come."""
        draft = self.draft()
        problems: dict[str, str] = {}
        try:
            validate_aim(draft)
        except ValidationError as exc:
            problems.update(exc.problems)
        if draft.reached_on is not None and draft.reached_on > self._today:
            problems["reached_on"] = "That day is still to come: mark it once you are there."
        if problems:
            raise ValidationError(problems)

    def save(self) -> Outcome[Any]:
        self.check()
        if self._aim is None:
            outcome = self._people.add_aim(self.draft())
        else:
            outcome = self._people.update_aim(self._aim.id, self.draft())
        self.saved = outcome.value
        return outcome
