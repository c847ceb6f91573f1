"""Add or edit a coach: who they are, what they coach, where they work, how to reach them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from devjournal.domain.models import Coach, CoachDraft
from devjournal.domain.rules import validate_coach
from devjournal.domain.wording import plural
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.people_service import PeopleService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label


class CoachDialog(FormDialog):
    """A coach: name, what they coach, organisation, contact and notes."""

    def __init__(
        self,
        ops: Ops,
        people: PeopleService,
        drafts: DraftStore,
        *,
        coach: Coach | None = None,
        sprints: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        """``sprints``: how many sprints name the coach (renaming them renames those)."""
        super().__init__(
            ops,
            "Edit coach" if coach else "New coach",
            drafts,
            f"coach:{coach.id}" if coach else "coach:new",
            parent,
            stamp=coach.updated_at.isoformat() if coach else "",
        )
        self._people = people
        self._coach = coach
        self.saved: Coach | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("e.g. Ines Varga")
        self.coaches_edit = QLineEdit()
        self.coaches_edit.setPlaceholderText("e.g. engineering leadership, public speaking")
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setPlaceholderText("Where they work, or independent")
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText("How to reach them: an address, a phone number")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText("How they work, what helped, what to ask next time")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(90)
        self.add_field("name", "Name:", self.name_edit)
        self.rename_note = plain_label("", "muted", wrap=True)
        self.rename_note.setVisible(False)
        self.rename_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.form.addRow("", self.rename_note)
        self._sprints = sprints
        self.add_field("coaches", "What they coach:", self.coaches_edit)
        self.add_field("organisation", "Organisation:", self.organisation_edit)
        self.add_field("contact", "Contact:", self.contact_edit)
        self.add_field("notes", "Notes:", self.notes_edit)
        self.set_tab_order(
            self.name_edit,
            self.coaches_edit,
            self.organisation_edit,
            self.contact_edit,
            self.notes_edit,
        )
        if coach is not None:
            self._fill(coach)
        self.restore_draft()
        for signal in (
            self.name_edit.textEdited,
            self.coaches_edit.textEdited,
            self.organisation_edit.textEdited,
            self.contact_edit.textEdited,
            self.notes_edit.textChanged,
        ):
            signal.connect(self.changed)
        self.name_edit.textChanged.connect(self._show_rename_note)
        self._show_rename_note()
        self.resize(560, self.sizeHint().height())

    def _fill(self, coach: Coach) -> None:
        self.name_edit.setText(coach.name)
        self.coaches_edit.setText(coach.coaches)
        self.organisation_edit.setText(coach.organisation)
        self.contact_edit.setText(coach.contact)
        self.notes_edit.setPlainText(coach.notes)

    def _show_rename_note(self) -> None:
        """Renaming a coach renames the coach of their sprints: said as the name changes."""
        coach = self._coach
        renamed = coach is not None and self.name_edit.text().strip() not in ("", coach.name)
        if renamed and self._sprints:
            sprints = plural(self._sprints, "sprint")
            self.rename_note.setText(
                f"Renaming them renames the coach of your {sprints} with them."
            )
        shown = renamed and self._sprints > 0
        if shown != self.rename_note.isVisibleTo(self):
            self.rename_note.setVisible(shown)
            self._grow_to_fit()  # the note takes room: the form grows rather than squeeze

    def draft(self) -> CoachDraft:
        """The coach as typed."""
        draft = CoachDraft(
            name=self.name_edit.text().strip(),
            coaches=self.coaches_edit.text().strip(),
            organisation=self.organisation_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )
        if self._coach is not None:  # what the form does not edit, kept as it was
            draft = replace(draft, serves_id=self._coach.serves_id)
        return draft

    def check(self) -> None:
        validate_coach(self.draft())

    def save(self) -> Outcome[Any]:
        if self._coach is None:
            outcome = self._people.add_coach(self.draft())
        else:
            outcome = self._people.update_coach(self._coach.id, self.draft())
        self.saved = outcome.value
        return outcome
