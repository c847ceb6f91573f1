"""Create or edit a SMART goal, with a live SMART check beside the fields."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from devjournal.domain.enums import Direction, GoalStatus, MetricKind
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import Goal, GoalDraft, Milestone, Sprint
from devjournal.domain.rules import smart_refusal, validate_goal
from devjournal.domain.smart import smart_check
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.services.people_service import AimChoices
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import date_edit, edit_number_text, from_qdate, parse_number, to_qdate
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.aim_combo import AimCombo

METRIC_LABELS = {
    MetricKind.NUMBER: "A number with a unit",
    MetricKind.PERCENT: "A percentage",
    MetricKind.RATING: "A rating (1-5 or 1-10)",
    MetricKind.MILESTONES: "A list of milestones",
}


def _text_edit(hint: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(hint)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(58)
    return edit


class GoalDialog(FormDialog):
    """All of a goal's SMART fields; the check on the right follows every keystroke."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        sprint: Sprint,
        *,
        goal: Goal | None = None,
        milestones: tuple[Milestone, ...] = (),
        prefill: GoalDraft | None = None,
        from_feedback: int | None = None,
        aims: AimChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``prefill``: a new goal's fields to start from (made of the feedback entry
        ``from_feedback``, which then keeps the goal as what was done about it).
        ``aims``: what its "Serves:" field offers (a new goal serves its sprint's aim)."""
        key = f"goal:{goal.id}" if goal else f"goal:new:sprint={sprint.id}"
        if goal is None and from_feedback is not None:
            key += f":feedback={from_feedback}"
        super().__init__(
            ops,
            "Edit goal" if goal else "New goal",
            drafts,
            key,
            parent,
            stamp=goal.updated_at.isoformat() if goal else "",
        )
        self._coaching = coaching
        self._sprint = sprint
        self._goal = goal
        self._from_feedback = from_feedback
        self._milestones = milestones
        self.saved: Goal | None = None
        # A new goal goes last; asked once, not on every keystroke.
        self._position = 0 if goal else len(coaching.goals_of(sprint.id))
        self._aims = aims

        self._build_what_section()
        self._build_measure_section()
        self._build_why_section()
        self._build_when_section()
        self.bind(has_deadline=self.has_deadline, deadline=self.deadline_edit)
        self.set_tab_order(
            self.title_edit,
            self.specific_edit,
            self.metric_combo,
            self.metric_name_edit,
            self.unit_edit,
            self.scale_combo,
            self.baseline_edit,
            self.target_edit,
            self.direction_combo,
            self.milestones_edit,
            self.achievable_edit,
            self.relevant_edit,
            self.serves_combo,
            self.has_deadline,
            self.deadline_edit,
            self.every_spin,
            self.status_combo,
        )
        side = QHBoxLayout()  # the SMART check, beside the form
        self.layout_.removeItem(self.form)
        side.addLayout(self.form, 3)
        side.addWidget(self._smart_panel(), 2)
        self.layout_.insertLayout(1, side)

        if goal is not None:
            self._fill(goal, milestones)
        elif prefill is not None:
            self._fill(
                replace(
                    prefill,
                    deadline=prefill.deadline or sprint.end_date,
                    serves_id=prefill.serves_id or sprint.serves_id,
                ),
                (),
            )
        else:
            self.deadline_edit.setDate(to_qdate(sprint.end_date))
            self.has_deadline.setChecked(True)
            self.every_spin.setValue(7)
            self.serves_combo.set_value(sprint.serves_id)
        self.restore_draft()
        self._follow_fields()
        self._on_field_changed()
        self.resize(860, self.sizeHint().height())

    # -- the form's sections --------------------------------------------------------------
    def _build_what_section(self) -> None:
        """The goal, and what exactly will be different (S)."""
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Review pull requests within a day")
        self.specific_edit = _text_edit("What exactly will be different?")
        self.add_field("title", "Goal:", self.title_edit)
        self.add_field("specific", "Specific:", self.specific_edit)

    def _build_measure_section(self) -> None:
        """How it is measured (M): the kind of metric, its name, unit and scale, the
        baseline, target and direction, or the milestones."""
        self.metric_combo = QComboBox()
        for kind, label in METRIC_LABELS.items():
            self.metric_combo.addItem(label, kind.value)
        self.metric_name_edit = QLineEdit()
        self.metric_name_edit.setPlaceholderText("What is measured, e.g. median review time")
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText("e.g. hours")
        self.scale_combo = QComboBox()
        self.scale_combo.addItem("1 to 5", 5)
        self.scale_combo.addItem("1 to 10", 10)
        self.baseline_edit = QLineEdit()
        self.target_edit = QLineEdit()
        self.direction_combo = QComboBox()
        self.direction_combo.addItem("Higher is better", Direction.UP.value)
        self.direction_combo.addItem("Lower is better", Direction.DOWN.value)
        self.milestones_edit = QPlainTextEdit()
        self.milestones_edit.setPlaceholderText("One milestone per line, in order")
        self.milestones_edit.setFixedHeight(90)
        self.add_field("metric_kind", "Measured as:", self.metric_combo)
        self.add_field("metric_name", "Metric:", self.metric_name_edit)
        self.add_field("unit", "Unit:", self.unit_edit)
        self.add_field("scale_max", "Scale:", self.scale_combo)
        self.add_field("baseline", "Baseline (now):", self.baseline_edit)
        self.add_field("target", "Target:", self.target_edit)
        self.add_field("direction", "Direction:", self.direction_combo)
        self.add_field("milestones", "Milestones:", self.milestones_edit)

    def _build_why_section(self) -> None:
        """What makes it reachable (A), and why it matters (R)."""
        self.achievable_edit = _text_edit("What makes it reachable?")
        self.relevant_edit = _text_edit("Why does it matter for your career now?")
        self.serves_combo = AimCombo(self._aims)
        self.add_field("achievable", "Achievable:", self.achievable_edit)
        self.add_field("relevant", "Relevant:", self.relevant_edit)
        self.add_field("serves_id", "Serves:", self.serves_combo)

    def _build_when_section(self) -> None:
        """Its deadline (T), how often to check in, and whether it is a draft or active."""
        self.has_deadline = QCheckBox("Deadline")
        self.deadline_edit = date_edit()
        deadline_row = QWidget()
        row = QHBoxLayout(deadline_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline_edit, 1)
        self.every_spin = QSpinBox()
        self.every_spin.setRange(1, 365)
        self.every_spin.setSuffix(" days")
        self.status_combo = QComboBox()
        self.status_combo.addItem("Draft (gaps allowed)", GoalStatus.DRAFT.value)
        self.status_combo.addItem("Active", GoalStatus.ACTIVE.value)
        self.add_field("deadline", "Time-bound:", deadline_row)
        self.add_field("checkin_every_days", "Check in every:", self.every_spin)
        self.add_field("status", "Status:", self.status_combo)

    def _smart_panel(self) -> QFrame:
        """The SMART check: a mark and a reason per letter, filled in as the user types
        (``smart_labels``)."""
        self.smart_labels: dict[str, QLabel] = {}
        panel = QFrame()
        panel.setObjectName("card")
        grid = QGridLayout(panel)
        heading = plain_label("SMART check", "cardTitle")
        grid.addWidget(heading, 0, 0, 1, 2)
        for row_index, letter in enumerate("SMART", start=1):
            mark = plain_label()
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            mark.setFixedWidth(18)
            # The app's markup (a bold name) around reasons that quote the goal's metric
            # and unit, escaped.
            text = plain_label(wrap=True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setMinimumWidth(220)
            grid.addWidget(mark, row_index, 0)
            grid.addWidget(text, row_index, 1)
            self.smart_labels[letter] = text
            self.smart_labels[letter + "_mark"] = mark
        grid.setRowStretch(6, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(8)
        return panel

    def _follow_fields(self) -> None:
        """Check the goal again whenever a field changes."""
        for signal in (
            self.title_edit.textEdited,
            self.metric_name_edit.textEdited,
            self.unit_edit.textEdited,
            self.baseline_edit.textEdited,
            self.target_edit.textEdited,
            self.specific_edit.textChanged,
            self.achievable_edit.textChanged,
            self.relevant_edit.textChanged,
            self.milestones_edit.textChanged,
            self.metric_combo.currentIndexChanged,
            self.scale_combo.currentIndexChanged,
            self.direction_combo.currentIndexChanged,
            self.status_combo.currentIndexChanged,
            self.serves_combo.currentIndexChanged,
            self.has_deadline.toggled,
            self.deadline_edit.dateChanged,
            self.every_spin.valueChanged,
        ):
            signal.connect(self._on_field_changed)

    # -- fields ---------------------------------------------------------------------------
    def _fill(self, goal: GoalDraft, milestones: tuple[Milestone, ...]) -> None:
        self.title_edit.setText(goal.title)
        self.specific_edit.setPlainText(goal.specific)
        self.metric_combo.setCurrentIndex(self.metric_combo.findData(goal.metric_kind.value))
        self.metric_name_edit.setText(goal.metric_name)
        self.unit_edit.setText(goal.unit)
        if goal.scale_max is not None:
            self.scale_combo.setCurrentIndex(self.scale_combo.findData(goal.scale_max))
        self.baseline_edit.setText(edit_number_text(goal.baseline))
        self.target_edit.setText(edit_number_text(goal.target))
        self.direction_combo.setCurrentIndex(self.direction_combo.findData(goal.direction.value))
        self.milestones_edit.setPlainText("\n".join(m.title for m in milestones))
        self.achievable_edit.setPlainText(goal.achievable)
        self.relevant_edit.setPlainText(goal.relevant)
        self.serves_combo.set_value(goal.serves_id)
        self.has_deadline.setChecked(goal.deadline is not None)
        self.deadline_edit.setDate(to_qdate(goal.deadline or self._sprint.end_date))
        self.every_spin.setValue(goal.checkin_every_days)
        index = self.status_combo.findData(goal.status.value)
        if index < 0:  # achieved, missed or dropped: keep it, shown as it is
            self.status_combo.addItem(goal.status.value.capitalize(), goal.status.value)
            index = self.status_combo.count() - 1
        self.status_combo.setCurrentIndex(index)

    def metric_kind(self) -> MetricKind:
        """The chosen way of measuring."""
        return MetricKind(self.metric_combo.currentData())

    def milestone_titles(self) -> list[str]:
        """The milestones typed, one per line."""
        return [t.strip() for t in self.milestones_edit.toPlainText().splitlines() if t.strip()]

    def draft(self, *, strict: bool) -> GoalDraft:
        """The goal as typed; ``strict`` raises for numbers that do not parse."""
        kind = self.metric_kind()
        numbers: dict[str, float | None] = {}
        problems: dict[str, str] = {}
        for name, edit in (("baseline", self.baseline_edit), ("target", self.target_edit)):
            try:
                numbers[name] = None if kind is MetricKind.MILESTONES else parse_number(edit.text())
            except ValueError:
                numbers[name] = None
                problems[name] = "Enter a number."
        if strict and problems:
            raise ValidationError(problems)
        base = self._goal
        return GoalDraft(
            sprint_id=self._sprint.id,
            title=self.title_edit.text().strip(),
            specific=self.specific_edit.toPlainText().strip(),
            metric_kind=kind,
            metric_name=self.metric_name_edit.text().strip(),
            unit="%"
            if kind is MetricKind.PERCENT
            else (self.unit_edit.text().strip() if kind is MetricKind.NUMBER else ""),
            baseline=numbers["baseline"],
            target=numbers["target"],
            direction=Direction(self.direction_combo.currentData()),
            scale_max=int(self.scale_combo.currentData()) if kind is MetricKind.RATING else None,
            achievable=self.achievable_edit.toPlainText().strip(),
            relevant=self.relevant_edit.toPlainText().strip(),
            deadline=from_qdate(self.deadline_edit.date())
            if self.has_deadline.isChecked()
            else None,
            checkin_every_days=self.every_spin.value(),
            status=GoalStatus(self.status_combo.currentData()),
            final_value=base.final_value if base else None,
            lessons=base.lessons if base else "",
            scope=base.scope if base else GoalDraft.scope,
            position=base.position if base else self._position,
            rolled_from_id=base.rolled_from_id if base else None,
            serves_id=self.serves_combo.value(),
        )

    def _on_field_changed(self) -> None:
        kind = self.metric_kind()
        numeric = kind is not MetricKind.MILESTONES
        for name, visible in (
            ("unit", kind is MetricKind.NUMBER),
            ("scale_max", kind is MetricKind.RATING),
            ("baseline", numeric),
            ("target", numeric),
            ("direction", numeric),
            ("milestones", not numeric),
        ):
            self.set_row_visible(name, visible)
        self.deadline_edit.setEnabled(self.has_deadline.isChecked())
        draft = self.draft(strict=False)
        for line in smart_check(draft, self._sprint, len(self.milestone_titles())):
            self.smart_labels[line.letter].setText(
                f"<b>{html.escape(line.name)}</b><br>{html.escape(line.reason)}"
            )
            mark = self.smart_labels[line.letter + "_mark"]
            mark.setText("✓" if line.ok else "✗")
            mark.setObjectName("success" if line.ok else "warning")
            mark.setAccessibleName(f"{line.name}: {'met' if line.ok else 'not yet'}")
            mark.style().unpolish(mark)
            mark.style().polish(mark)
        self.changed()

    def smart_text(self) -> dict[str, tuple[bool, str]]:
        """What the SMART panel shows: letter -> (met, text)."""
        return {
            letter: (
                self.smart_labels[letter + "_mark"].text() == "✓",
                self.smart_labels[letter].text(),
            )
            for letter in "SMART"
        }

    # -- drafts ---------------------------------------------------------------------------
    # -- saving ---------------------------------------------------------------------------
    def check(self) -> None:
        """Numbers that do not parse, and the rules saving applies (``domain/rules.py``): the
        goal's values, and an active goal passes the SMART check the panel shows."""
        problems: dict[str, str] = {}
        try:
            draft = self.draft(strict=True)
        except ValidationError as exc:
            problems.update(exc.problems)
            draft = self.draft(strict=False)
        try:
            validate_goal(draft, self._sprint)
        except ValidationError as exc:
            problems = {**exc.problems, **problems}
        titles = self.milestone_titles()
        refusal = smart_refusal(draft, self._sprint, len(titles))
        if refusal is not None:
            problems.setdefault("status", refusal)
        if draft.metric_kind is MetricKind.MILESTONES and any(len(t) > 200 for t in titles):
            problems.setdefault("milestones", "A milestone is at most 200 characters.")
        if problems:
            raise ValidationError(problems)

    def save(self) -> Outcome[Any]:
        self.check()
        draft = self.draft(strict=True)
        titles = self.milestone_titles()
        steps = titles if draft.metric_kind is MetricKind.MILESTONES else None
        if self._goal is None:
            outcome = self._coaching.add_goal(draft, steps, from_feedback=self._from_feedback)
        else:
            outcome = self._coaching.update_goal(self._goal.id, draft, steps)
        self.saved = outcome.value
        return outcome
