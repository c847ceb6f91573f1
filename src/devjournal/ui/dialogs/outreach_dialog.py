"""Add or edit an outreach: who, why them, the purpose, the ask, how you want to converse,
where it stands (with its day), when to follow up, and the first message."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain import outreach as reach
from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import ConverseFormat, Guide, OutreachStatus, Relationship
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import Outreach, OutreachDraft
from devjournal.domain.rules import validate_outreach
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.people_service import PeopleService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.dialogs.mentor_dialog import RELATIONSHIP_HINTS
from devjournal.ui.formatting import date_edit, from_qdate, to_qdate
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.choice_group import ChoiceGroup

FREQUENCIES: tuple[tuple[str, int], ...] = (
    ("Once", 0),
    ("Weekly", 7),
    ("Fortnightly", 14),
    ("Monthly", 30),
    ("Quarterly", 91),
)
"""How often, as the form offers it, and the days between conversations (0: once)."""

FORMATS: tuple[tuple[str, str], ...] = (
    ("Any format", ""),
    ("A call", ConverseFormat.CALL.value),
    ("Meeting in person", ConverseFormat.MEETING.value),
    ("In writing", ConverseFormat.WRITTEN.value),
)

DAY_FIELDS = frozenset(reach.DATE_FIELD.values())
"""The days of the steps: a problem with any of them is shown under the status."""


def _text_edit(hint: str, height: int = 52) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(hint)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _at_status(problems: ValidationError) -> ValidationError:
    """``problems`` with the days of the steps named as the status field."""
    moved: dict[str, str] = {}
    for name, message in problems.problems.items():
        key = "status" if name in DAY_FIELDS else name
        moved.setdefault(key, message)
    return ValidationError(moved)


class OutreachDialog(FormDialog):
    """An outreach to a prospective mentor or coach."""

    def __init__(
        self,
        ops: Ops,
        people: PeopleService,
        drafts: DraftStore,
        clock: Clock,
        template: str,
        *,
        outreach: Outreach | None = None,
        prefill: OutreachDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``template``: the first-message template "Draft from template" fills in;
        ``prefill``: what a new outreach starts from (the self-assessment's suggestion)."""
        super().__init__(
            ops,
            "Edit outreach" if outreach else "New outreach",
            drafts,
            f"outreach:{outreach.id}" if outreach else "outreach:new",
            parent,
            stamp=outreach.updated_at.isoformat() if outreach else "",
        )
        self._people = people
        self._outreach = outreach
        self._template = template
        self._today = local_today(clock)
        self.saved: Outreach | None = None
        self._build_who_section()
        self._build_why_section()
        self._build_converse_section()
        self._build_status_section()
        self._build_message_section()
        self.bind(status=self.status_combo, status_day=self.day_edit)
        self.set_tab_order(
            self.name_edit,
            self.guide_group,
            self.relationship_combo,
            self.why_edit,
            self.purpose_edit,
            self.ask_edit,
            self.format_combo,
            self.minutes_spin,
            self.frequency_combo,
            self.channel_edit,
            self.status_combo,
            self.day_edit,
            self.follow_spin,
            self.message_edit,
            self.template_button,
            self.notes_edit,
        )
        self.day_edit.setDate(to_qdate(self._today))
        self.guide_group.set_value(Guide.MENTOR.value)
        self.follow_spin.setValue(reach.FOLLOW_UP_DAYS)
        if outreach is not None or prefill is not None:
            self._fill(outreach or prefill)  # type: ignore[arg-type]
        self.restore_draft()
        self._follow_fields()
        self._on_guide_changed()
        self.resize(640, self.sizeHint().height())

    # -- the form's sections --------------------------------------------------------------
    def _build_who_section(self) -> None:
        """Who: their name, mentor or coach, and for a mentor the relationship hoped for."""
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Who you want to reach out to")
        self.guide_group = ChoiceGroup(
            [(Guide.MENTOR.value, "A mentor"), (Guide.COACH.value, "A coach")], in_a_row=True
        )
        self.relationship_combo = QComboBox()
        self.relationship_combo.addItem("Not decided yet", "")
        for rel, hint in RELATIONSHIP_HINTS.items():
            self.relationship_combo.addItem(hint, rel.value)
        self.add_field("name", "Name:", self.name_edit)
        self.add_field("guide", "As:", self.guide_group)
        self.add_field("relationship", "Relationship:", self.relationship_combo)

    def _build_why_section(self) -> None:
        """Why them, the purpose, and what exactly you ask of them."""
        self.why_edit = _text_edit("What makes them the right person")
        self.purpose_edit = _text_edit("What you want to get out of it, in a sentence")
        self.ask_edit = _text_edit("What you ask of them, e.g. a 30-minute call a month")
        self.add_field("why_them", "Why them:", self.why_edit)
        self.add_field("purpose", "Purpose:", self.purpose_edit)
        self.add_field("ask", "The ask:", self.ask_edit)

    def _build_converse_section(self) -> None:
        """How you want to converse: the format, how long, how often, and where."""
        self.format_combo = QComboBox()
        for text, key in FORMATS:
            self.format_combo.addItem(text, key)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 600)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSpecialValueText("Any length")
        self.minutes_spin.setSuffix(" minutes")
        self.frequency_combo = QComboBox()
        for text, days in FREQUENCIES:
            self.frequency_combo.addItem(text, days)
        self.channel_edit = QLineEdit()
        self.channel_edit.setPlaceholderText("where, e.g. Zoom, email")
        self.format_combo.setAccessibleName("Format")
        self.minutes_spin.setAccessibleName("Length")
        self.frequency_combo.setAccessibleName("How often")
        self.channel_edit.setAccessibleName("Channel")
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.format_combo)
        line.addWidget(self.minutes_spin)
        line.addWidget(self.frequency_combo)
        line.addWidget(plain_label("on"))
        line.addWidget(self.channel_edit, 1)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        for name in ("converse_minutes", "every_days", "channel"):
            column.addWidget(self.error_label(name))
        self.add_field("converse_format", "Converse:", row)
        self.bind(
            converse_format=self.format_combo,
            converse_minutes=self.minutes_spin,
            every_days=self.frequency_combo,
            channel=self.channel_edit,
        )

    def _build_status_section(self) -> None:
        """Where it stands, since which day, and when to follow up on a sent message."""
        self.status_combo = QComboBox()
        for status in OutreachStatus:
            self.status_combo.addItem(status.label, status.value)
        self.status_combo.setAccessibleName("Status")
        self.day_edit = date_edit()
        self.day_edit.setAccessibleName("Day of the status")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.status_combo)
        line.addWidget(plain_label("on"))
        line.addWidget(self.day_edit)
        line.addStretch(1)
        self.follow_spin = QSpinBox()
        self.follow_spin.setRange(0, 365)
        self.follow_spin.setSpecialValueText("Never")
        self.follow_spin.setSuffix(" days without a reply")
        self.follow_spin.setToolTip("0: no follow-up")
        self.add_field("status", "Status:", row)
        self.add_field("follow_up_days", "Follow up after:", self.follow_spin)

    def _build_message_section(self) -> None:
        """The first message (drafted from the template, then edited), and notes."""
        self.message_edit = _text_edit(
            "Empty: the message is drafted from your template when you copy it", 130
        )
        self.template_button = QPushButton("Draft from template")
        self.template_button.setToolTip("Fill the message from your template and the fields above")
        self.template_button.clicked.connect(self.draft_from_template)
        self.notes_edit = _text_edit("Anything else to remember")
        self.add_field("message", "First message:", self.message_edit)
        self.form.addRow("", self.template_button)
        self.add_field("notes", "Notes:", self.notes_edit)

    def _follow_fields(self) -> None:
        self.guide_group.changed.connect(self._on_guide_changed)
        self.status_combo.currentIndexChanged.connect(self._on_status_changed)
        for signal in (
            self.name_edit.textEdited,
            self.guide_group.changed,
            self.relationship_combo.currentIndexChanged,
            self.why_edit.textChanged,
            self.purpose_edit.textChanged,
            self.ask_edit.textChanged,
            self.format_combo.currentIndexChanged,
            self.minutes_spin.valueChanged,
            self.frequency_combo.currentIndexChanged,
            self.channel_edit.textEdited,
            self.status_combo.currentIndexChanged,
            self.day_edit.dateChanged,
            self.follow_spin.valueChanged,
            self.message_edit.textChanged,
            self.notes_edit.textChanged,
        ):
            signal.connect(self.changed)

    # -- filling it -----------------------------------------------------------------------
    def _fill(self, o: OutreachDraft) -> None:
        self.name_edit.setText(o.name)
        self.guide_group.set_value(o.guide.value)
        self._choose(self.relationship_combo, o.relationship.value if o.relationship else "")
        self.why_edit.setPlainText(o.why_them)
        self.purpose_edit.setPlainText(o.purpose)
        self.ask_edit.setPlainText(o.ask)
        self._choose(self.format_combo, o.converse_format.value if o.converse_format else "")
        self.minutes_spin.setValue(o.converse_minutes or 0)
        days = o.every_days or 0
        if self.frequency_combo.findData(days) < 0:
            self.frequency_combo.addItem(reach.every_text(days).capitalize(), days)
        self._choose(self.frequency_combo, days)
        self.channel_edit.setText(o.channel)
        self._choose(self.status_combo, o.status.value)
        self.day_edit.setDate(to_qdate(reach.status_day(o)))
        self.follow_spin.setValue(o.follow_up_days or 0)
        self.message_edit.setPlainText(o.message)
        self.notes_edit.setPlainText(o.notes)

    @staticmethod
    def _choose(combo: QComboBox, data: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(data)))

    def _on_guide_changed(self) -> None:
        self.set_row_visible("relationship", self.guide_group.value() == Guide.MENTOR.value)

    def _on_status_changed(self) -> None:
        """A status is shown with its day: the stored one, or today for a new step."""
        status = OutreachStatus(self.status_combo.currentData())
        day: date | None = None
        if self._outreach is not None:
            day = getattr(self._outreach, reach.DATE_FIELD[status])
            if status is OutreachStatus.IDEA:
                day = self._outreach.idea_on
            elif status.is_closed and self._outreach.status is not status:
                day = None  # another way of closing: a new day
        self.day_edit.setDate(to_qdate(day or self._today))

    def draft_from_template(self) -> None:
        """Fill the message from the template and what the form says now."""
        self.message_edit.setPlainText(reach.draft_message(self.draft(), self._template))
        self.message_edit.setFocus()

    # -- values ---------------------------------------------------------------------------
    def draft(self) -> OutreachDraft:
        """The outreach as typed, its status dated by the day field."""
        status = OutreachStatus(self.status_combo.currentData())
        day = from_qdate(self.day_edit.date())
        guide = Guide(self.guide_group.value() or Guide.MENTOR.value)
        relationship = self.relationship_combo.currentData()
        converse = self.format_combo.currentData()
        base = self._outreach
        idea_on = base.idea_on if base is not None else min(day, self._today)
        if status is OutreachStatus.IDEA:
            idea_on = day
        fields = OutreachDraft(
            name=self.name_edit.text().strip(),
            guide=guide,
            relationship=Relationship(relationship)
            if relationship and guide is Guide.MENTOR
            else None,
            why_them=self.why_edit.toPlainText().strip(),
            purpose=self.purpose_edit.toPlainText().strip(),
            ask=self.ask_edit.toPlainText().strip(),
            converse_format=ConverseFormat(converse) if converse else None,
            converse_minutes=self.minutes_spin.value() or None,
            every_days=int(self.frequency_combo.currentData() or 0) or None,
            channel=self.channel_edit.text().strip(),
            message=self.message_edit.toPlainText().strip(),
            idea_on=idea_on,
            follow_up_days=self.follow_spin.value() or None,
            notes=self.notes_edit.toPlainText().strip(),
        )
        if base is not None:  # the days of the steps taken, and what it became, stay
            kept = {
                name: getattr(base, name)
                for name in (
                    "status",
                    "drafted_on",
                    "sent_on",
                    "replied_on",
                    "closed_on",
                    "mentor_id",
                    "coach_id",
                    "serves_id",
                    "scope",
                )
            }
            fields = dataclasses.replace(fields, **kept)
        moved = reach.with_status(fields, status, day)
        return reach.dated(moved, status, day) if status is not OutreachStatus.IDEA else moved

    def check(self) -> None:
        try:
            validate_outreach(self.draft())
        except ValidationError as exc:
            raise _at_status(exc) from exc

    def show_problems(self, error: ValidationError) -> None:
        super().show_problems(_at_status(error))

    def save(self) -> Outcome[Any]:
        draft = self.draft()
        outcome = (
            self._people.update_outreach(self._outreach.id, draft)
            if self._outreach
            else self._people.add_outreach(draft)
        )
        self.saved = outcome.value
        return outcome
