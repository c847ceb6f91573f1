"""Add or edit a mentor: the relationship, what you are looking for, where to follow them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import Affiliation, ConverseFormat, Formality, Relationship
from devjournal.domain.models import Mentor, MentorDraft, MentorLink
from devjournal.domain.rules import validate_mentor, validate_mentor_links
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.mentorship_service import MentorshipService
from devjournal.services.people_service import AimChoices
from devjournal.ui.dialogs.form_dialog import FormDialog, pairs_table, write_field
from devjournal.ui.formatting import date_edit, from_qdate, to_qdate
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.aim_combo import AimCombo

RELATIONSHIP_HINTS = {
    Relationship.TRADITIONAL: "Traditional: someone more senior who guides you",
    Relationship.PEER: "Peer: someone at your level you learn with",
    Relationship.REVERSE: "Reverse: someone senior you teach (e.g. new technology)",
    Relationship.FROM_AFAR: "From afar: someone you follow (posts, talks, podcasts)",
}


def _dated(text: str) -> tuple[QCheckBox, QDateEdit, QWidget]:
    box = QCheckBox(text)
    edit = date_edit()
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(box)
    line.addWidget(edit, 1)
    return box, edit, row


class MentorDialog(FormDialog):
    """A mentor of any of the four relationships, with their links."""

    def __init__(
        self,
        ops: Ops,
        mentorship: MentorshipService,
        drafts: DraftStore,
        clock: Clock,
        *,
        mentor: Mentor | None = None,
        links: tuple[MentorLink, ...] = (),
        prefill: MentorDraft | None = None,
        aims: AimChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``prefill``: what a new mentor starts from (the self-assessment's suggestion:
        the kind of relationship and what you are looking for). ``aims``: what its
        "Serves:" field offers."""
        super().__init__(
            ops,
            "Edit mentor" if mentor else "New mentor",
            drafts,
            f"mentor:{mentor.id}" if mentor else "mentor:new",
            parent,
            stamp=mentor.updated_at.isoformat() if mentor else "",
        )
        self._mentorship = mentorship
        self._mentor = mentor
        self.saved: Mentor | None = None
        self._aims = aims
        self._build_who_section()
        self._build_together_section()
        self._build_converse_section()
        self._build_follow_section()
        self.bind(
            has_start=self.has_start,
            start=self.start_edit,
            has_end=self.has_end,
            end=self.end_edit,
        )
        self.set_tab_order(
            self.name_edit,
            self.relationship_combo,
            self.formality_combo,
            self.programme_edit,
            self.affiliation_combo,
            self.organisation_edit,
            self.seeking_edit,
            self.serves_combo,
            self.has_start,
            self.start_edit,
            self.has_end,
            self.end_edit,
            self.every_spin,
            self.format_combo,
            self.minutes_spin,
            self.channel_edit,
            self.topics_edit,
            self.boundaries_edit,
            self.links_table,
            self.add_link_button,
            self.notes_edit,
        )

        today = local_today(clock)
        self.start_edit.setDate(to_qdate(today))
        self.end_edit.setDate(to_qdate(today))
        if mentor is not None or prefill is not None:
            self._fill(mentor or prefill, links)  # type: ignore[arg-type]
        self.restore_draft()
        self.add_link_button.clicked.connect(self._on_add_link_button_clicked)
        self.formality_combo.currentIndexChanged.connect(self._on_choices_changed)
        self.has_start.toggled.connect(self._on_choices_changed)
        self.has_end.toggled.connect(self._on_choices_changed)
        for signal in (
            self.name_edit.textEdited,
            self.relationship_combo.currentIndexChanged,
            self.formality_combo.currentIndexChanged,
            self.programme_edit.textEdited,
            self.affiliation_combo.currentIndexChanged,
            self.organisation_edit.textEdited,
            self.seeking_edit.textChanged,
            self.serves_combo.currentIndexChanged,
            self.has_start.toggled,
            self.start_edit.dateChanged,
            self.has_end.toggled,
            self.end_edit.dateChanged,
            self.every_spin.valueChanged,
            self.format_combo.currentIndexChanged,
            self.minutes_spin.valueChanged,
            self.channel_edit.textEdited,
            self.topics_edit.textEdited,
            self.boundaries_edit.textEdited,
            self.notes_edit.textChanged,
            self.links_table.itemChanged,
        ):
            signal.connect(self.changed)
        self._on_choices_changed()
        self.resize(620, self.sizeHint().height())

    # -- the form's sections --------------------------------------------------------------
    def _build_who_section(self) -> None:
        """Who they are: name, the kind of mentor, formal (and the programme) or not, and
        where they work."""
        self.name_edit = QLineEdit()
        self.relationship_combo = QComboBox()
        for rel, hint in RELATIONSHIP_HINTS.items():
            self.relationship_combo.addItem(hint, rel.value)
        self.formality_combo = QComboBox()
        self.formality_combo.addItem("Informal", Formality.INFORMAL.value)
        self.formality_combo.addItem("Formal: a programme paired us", Formality.FORMAL.value)
        self.programme_edit = QLineEdit()
        self.programme_edit.setPlaceholderText("The programme, e.g. Women in Tech mentoring")
        self.affiliation_combo = QComboBox()
        self.affiliation_combo.addItem("Outside my organisation", Affiliation.EXTERNAL.value)
        self.affiliation_combo.addItem("Inside my organisation", Affiliation.INTERNAL.value)
        self.organisation_edit = QLineEdit()
        self.add_field("name", "Name:", self.name_edit)
        self.add_field("relationship", "Relationship:", self.relationship_combo)
        self.add_field("formality", "Formality:", self.formality_combo)
        self.add_field("programme", "Programme:", self.programme_edit)
        self.add_field("affiliation", "Where:", self.affiliation_combo)
        self.add_field("organisation", "Organisation:", self.organisation_edit)

    def _build_together_section(self) -> None:
        """The relationship: what you look for, since and until when, and how often you
        mean to be in touch."""
        self.seeking_edit = QPlainTextEdit()
        self.seeking_edit.setPlaceholderText("What you want from this relationship")
        self.seeking_edit.setFixedHeight(60)
        self.seeking_edit.setTabChangesFocus(True)
        self.has_start, self.start_edit, start_row = _dated("Since")
        self.has_end, self.end_edit, end_row = _dated("Until")
        self.add_field("seeking", "Looking for:", self.seeking_edit)
        self.serves_combo = AimCombo(self._aims)
        self.add_field("serves_id", "Serves:", self.serves_combo)
        self.add_field("started_on", "Since:", start_row)
        self.add_field("ended_on", "Until:", end_row)

    def _build_converse_section(self) -> None:
        """How we converse, read before each touchpoint: the cadence (in touch every N
        days), the format, how long, where, the topics and the boundaries."""
        self.form.addRow(plain_label("How we converse", "cardTitle"))
        self.every_spin = QSpinBox()
        self.every_spin.setRange(0, 365)
        self.every_spin.setSpecialValueText("No set rhythm")
        self.every_spin.setSuffix(" days")
        self.format_combo = QComboBox()
        self.format_combo.addItem("Not set", "")
        for converse in ConverseFormat:
            self.format_combo.addItem(converse.label, converse.value)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 600)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSpecialValueText("Any length")
        self.minutes_spin.setSuffix(" minutes")
        self.channel_edit = QLineEdit()
        self.channel_edit.setPlaceholderText("where, e.g. Zoom, email")
        self.channel_edit.setAccessibleName("Channel")
        self.minutes_spin.setAccessibleName("Length")
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.format_combo)
        line.addWidget(self.minutes_spin)
        line.addWidget(plain_label("on"))
        line.addWidget(self.channel_edit, 1)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.error_label("converse_minutes"))
        column.addWidget(self.error_label("channel"))
        self.topics_edit = QLineEdit()
        self.topics_edit.setPlaceholderText("What you talk about")
        self.boundaries_edit = QLineEdit()
        self.boundaries_edit.setPlaceholderText("What is off limits, how to reach them, and when")
        self.add_field("contact_every_days", "Cadence, in touch every:", self.every_spin)
        self.add_field("converse_format", "Format:", row)
        self.add_field("topics", "Topics:", self.topics_edit)
        self.add_field("boundaries", "Boundaries:", self.boundaries_edit)
        self.bind(
            converse_format=self.format_combo,
            converse_minutes=self.minutes_spin,
            channel=self.channel_edit,
        )

    def _build_follow_section(self) -> None:
        """Where to follow them (a table of links, and a button to add one), and notes."""
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        self.notes_edit.setTabChangesFocus(True)
        self.links_table, self.add_link_button, links_box = pairs_table(
            ["Label", "Address (http, https, mailto)"], 110, "Add a link"
        )
        self.add_field("links", "Follow at:", links_box)
        self.add_field("notes", "Notes:", self.notes_edit)

    # -- filling it -----------------------------------------------------------------------
    def _fill(self, mentor: MentorDraft, links: tuple[MentorLink, ...]) -> None:
        self.name_edit.setText(mentor.name)
        for combo, value in (
            (self.relationship_combo, mentor.relationship.value),
            (self.formality_combo, mentor.formality.value),
            (self.affiliation_combo, mentor.affiliation.value),
        ):
            combo.setCurrentIndex(combo.findData(value))
        self.programme_edit.setText(mentor.programme)
        self.organisation_edit.setText(mentor.organisation)
        self.seeking_edit.setPlainText(mentor.seeking)
        self.serves_combo.set_value(mentor.serves_id)
        self.has_start.setChecked(mentor.started_on is not None)
        self.has_end.setChecked(mentor.ended_on is not None)
        if mentor.started_on:
            self.start_edit.setDate(to_qdate(mentor.started_on))
        if mentor.ended_on:
            self.end_edit.setDate(to_qdate(mentor.ended_on))
        self.every_spin.setValue(mentor.contact_every_days or 0)
        index = self.format_combo.findData(
            mentor.converse_format.value if mentor.converse_format else ""
        )
        self.format_combo.setCurrentIndex(max(0, index))
        self.minutes_spin.setValue(mentor.converse_minutes or 0)
        self.channel_edit.setText(mentor.channel)
        self.topics_edit.setText(mentor.topics)
        self.boundaries_edit.setText(mentor.boundaries)
        self.notes_edit.setPlainText(mentor.notes)
        self.set_links([(link.label, link.url) for link in links])

    def _on_choices_changed(self) -> None:
        self.set_row_visible("programme", self.formality_combo.currentData() == "formal")
        self.start_edit.setEnabled(self.has_start.isChecked())
        self.end_edit.setEnabled(self.has_end.isChecked())

    # -- links ----------------------------------------------------------------------------
    def set_links(self, pairs: list[tuple[str, str]]) -> None:
        """Fill the links table."""
        self.links_table.setRowCount(0)
        for label, url in pairs:
            self._append(label, url)

    def link_pairs(self) -> list[tuple[str, str]]:
        """The rows with a label or an address."""
        pairs = []
        for row in range(self.links_table.rowCount()):
            cells = [self.links_table.item(row, col) for col in (0, 1)]
            label, url = (c.text().strip() if c is not None else "" for c in cells)
            if label or url:
                pairs.append((label, url))
        return pairs

    def _append(self, label: str = "", url: str = "") -> int:
        row = self.links_table.rowCount()
        self.links_table.insertRow(row)
        self.links_table.setItem(row, 0, QTableWidgetItem(label))
        self.links_table.setItem(row, 1, QTableWidgetItem(url))
        return row

    def _on_add_link_button_clicked(self) -> None:
        row = self._append()
        self.links_table.setFocus()
        self.links_table.setCurrentCell(row, 0)

    # -- values ---------------------------------------------------------------------------
    def draft(self) -> MentorDraft:
        """The mentor as typed."""
        formal = self.formality_combo.currentData() == "formal"
        converse = self.format_combo.currentData()
        return MentorDraft(
            name=self.name_edit.text().strip(),
            relationship=Relationship(self.relationship_combo.currentData()),
            formality=Formality(self.formality_combo.currentData()),
            programme=self.programme_edit.text().strip() if formal else "",
            affiliation=Affiliation(self.affiliation_combo.currentData()),
            organisation=self.organisation_edit.text().strip(),
            seeking=self.seeking_edit.toPlainText().strip(),
            contact_every_days=self.every_spin.value() or None,
            started_on=from_qdate(self.start_edit.date()) if self.has_start.isChecked() else None,
            ended_on=from_qdate(self.end_edit.date()) if self.has_end.isChecked() else None,
            notes=self.notes_edit.toPlainText().strip(),
            serves_id=self.serves_combo.value(),
            converse_format=ConverseFormat(converse) if converse else None,
            converse_minutes=self.minutes_spin.value() or None,
            channel=self.channel_edit.text().strip(),
            topics=self.topics_edit.text().strip(),
            boundaries=self.boundaries_edit.text().strip(),
        )

    def check(self) -> None:
        validate_mentor(self.draft())
        validate_mentor_links(self.link_pairs())

    def values(self) -> dict[str, Any]:
        return {**super().values(), "links": [list(p) for p in self.link_pairs()]}

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        if "every" in values and "contact_every_days" not in values:  # a draft before 0.2
            write_field(self.every_spin, values["every"])
        saved = values.get("links", [])
        if isinstance(saved, list):
            self.set_links(
                [(str(p[0]), str(p[1])) for p in saved if isinstance(p, list) and len(p) == 2]
            )

    def save(self) -> Outcome[Any]:
        outcome = self._mentorship.save_mentor(
            self._mentor.id if self._mentor else None, self.draft(), self.link_pairs()
        )
        self.saved = outcome.value
        return outcome
