"""Create or edit a coaching sprint."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import SprintKind
from devjournal.domain.models import Sprint, SprintDraft
from devjournal.domain.rules import validate_sprint
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.services.people_service import AimChoices
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import date_edit, from_qdate, to_qdate
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.aim_combo import AimCombo


class SprintDialog(FormDialog):
    """The sprint's title, kind, coach, focus, dates and session cadence."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        clock: Clock,
        *,
        sprint: Sprint | None = None,
        prefill: SprintDraft | None = None,
        coach_names: Sequence[str] = (),
        aims: AimChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``prefill``: what a new sprint starts from (the self-assessment's suggestion);
        ``coach_names``: your coaches, offered in the Coach field (a new name is typed);
        ``aims``: what its "Serves:" field offers."""
        key = f"sprint:{sprint.id}" if sprint else "sprint:new"
        super().__init__(
            ops,
            "Edit sprint" if sprint else "New sprint",
            drafts,
            key,
            parent,
            stamp=sprint.updated_at.isoformat() if sprint else "",
        )
        self._coaching = coaching
        self._sprint = sprint
        self.saved: Sprint | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Own the payments on-call rotation")
        self.kind_combo = QComboBox()
        for kind in SprintKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.coach_combo, self.coach_edit = self._coach_choices(coach_names)
        self.focus_edit = QLineEdit()
        self.focus_edit.setPlaceholderText("The level to reach, e.g. Senior: leads a project")
        self.start_edit = date_edit()
        self.end_edit = date_edit()
        self.cadence_spin = QSpinBox()
        self.cadence_spin.setRange(0, 365)
        self.cadence_spin.setSpecialValueText("No set rhythm")
        self.cadence_spin.setSuffix(" days")
        self.add_field("title", "Title:", self.title_edit)
        self.add_field("kind", "Kind:", self.kind_combo)
        self.add_field("coach_name", "Coach:", self.coach_combo)
        self.add_field("focus", "Level to reach:", self.focus_edit)
        self.add_field("start_date", "Starts:", self.start_edit)
        self.length_label = plain_label("", "muted")
        ends = QWidget()
        ends_row = QHBoxLayout(ends)
        ends_row.setContentsMargins(0, 0, 0, 0)
        ends_row.addWidget(self.end_edit)
        ends_row.addWidget(self.length_label, 1)
        self.add_field("end_date", "Ends:", ends)
        self.end_edit.setAccessibleName("Ends")
        self.add_field("session_every_days", "A session every:", self.cadence_spin)
        self.serves_combo = self._serves_field(aims)
        self.bind(end_date=self.end_edit)  # in a row with the length
        self.bind(coach_name=self.coach_edit)  # the name typed, not the choice
        self.set_tab_order(
            self.title_edit,
            self.kind_combo,
            self.coach_combo,
            self.focus_edit,
            self.start_edit,
            self.end_edit,
            self.cadence_spin,
            self.serves_combo,
        )
        self.resize(520, self.sizeHint().height())

        today = local_today(clock)
        if sprint is not None or prefill is not None:
            self._fill(sprint or prefill)  # type: ignore[arg-type]
        else:
            self.start_edit.setDate(to_qdate(today))
            self.end_edit.setDate(to_qdate(today + timedelta(weeks=12, days=-1)))
            self.cadence_spin.setValue(14)
        self.restore_draft()
        for signal in (
            self.title_edit.textEdited,
            self.coach_edit.textEdited,
            self.coach_combo.textActivated,
            self.focus_edit.textEdited,
            self.kind_combo.currentIndexChanged,
            self.start_edit.dateChanged,
            self.end_edit.dateChanged,
            self.cadence_spin.valueChanged,
            self.serves_combo.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self.start_edit.dateChanged.connect(self._show_length)
        self.end_edit.dateChanged.connect(self._show_length)
        self._show_length()

    @staticmethod
    def _coach_choices(names: Sequence[str]) -> tuple[QComboBox, QLineEdit]:
        """The coach: one of your coaches, or a new name (which makes a new coach); the
        box, and the line the name is typed in (what the form keeps)."""
        combo, edit = QComboBox(), QLineEdit()
        combo.setEditable(True)
        combo.setLineEdit(edit)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = sorted(names, key=str.casefold)
        combo.addItems(names)
        combo.setCurrentIndex(-1)
        combo.setMinimumContentsLength(28)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        edit.setPlaceholderText("Who coaches you (optional): one of yours, or a new name")
        completer = QCompleter(names, combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        return combo, edit

    def _serves_field(self, aims: AimChoices | None) -> AimCombo:
        """Which part of the direction the sprint serves."""
        combo = AimCombo(aims)
        self.add_field("serves_id", "Serves:", combo)
        return combo

    def _show_length(self) -> None:
        days = self.start_edit.date().daysTo(self.end_edit.date()) + 1
        if days < 1:
            self.length_label.setText("")
        elif days % 7 == 0:
            self.length_label.setText(f"{days} days ({days // 7} weeks)")
        else:
            self.length_label.setText(f"{days} days (about {round(days / 7)} weeks)")

    def _fill(self, sprint: SprintDraft) -> None:
        self.title_edit.setText(sprint.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(sprint.kind.value))
        self.coach_edit.setText(sprint.coach_name)
        self.focus_edit.setText(sprint.focus)
        self.start_edit.setDate(to_qdate(sprint.start_date))
        self.end_edit.setDate(to_qdate(sprint.end_date))
        self.cadence_spin.setValue(sprint.session_every_days or 0)
        self.serves_combo.set_value(sprint.serves_id)

    def draft(self) -> SprintDraft:
        """The sprint as typed."""
        base = self._sprint
        return SprintDraft(
            title=self.title_edit.text().strip(),
            kind=SprintKind(self.kind_combo.currentData()),
            coach_name=self.coach_edit.text().strip(),
            focus=self.focus_edit.text().strip(),
            start_date=from_qdate(self.start_edit.date()),
            end_date=from_qdate(self.end_edit.date()),
            session_every_days=self.cadence_spin.value() or None,
            closed_state=base.closed_state if base else None,
            closed_on=base.closed_on if base else None,
            retrospective=base.retrospective if base else "",
            serves_id=self.serves_combo.value(),
        )

    def check(self) -> None:
        validate_sprint(self.draft())

    def save(self) -> Outcome[Any]:
        if self._sprint is None:
            outcome = self._coaching.create_sprint(self.draft())
        else:
            outcome = self._coaching.update_sprint(self._sprint.id, self.draft())
        self.saved = outcome.value
        return outcome
