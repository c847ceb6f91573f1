"""Close a sprint: how each goal ended, wins, a retrospective, and what rolls over."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import ClosedState, GoalStatus
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import SprintDraft
from devjournal.domain.pace import PaceStatus
from devjournal.domain.sprints import (
    GoalOutcome,
    GoalView,
    SprintClosed,
    SprintClosing,
    SprintPhase,
    SprintView,
    continuation_of,
    next_start,
    outcome_key,
)
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.dialogs.form_dialog import FormDialog, write_field
from devjournal.ui.formatting import (
    date_edit,
    edit_number_text,
    from_qdate,
    local_date,
    parse_number,
    to_qdate,
)
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label

OUTCOMES = (GoalStatus.ACHIEVED, GoalStatus.MISSED, GoalStatus.DROPPED)
NEW_SPRINT = -1
"""The roll-over choice "a new sprint that carries this one on"."""


def _likely_outcome(goal_view: GoalView) -> GoalStatus:
    """The outcome the form proposes for a goal: achieved when its pace says so, dropped
    when it was dropped, else missed."""
    if goal_view.progress.status is PaceStatus.ACHIEVED:
        return GoalStatus.ACHIEVED
    if goal_view.goal.status is GoalStatus.DROPPED:
        return GoalStatus.DROPPED
    return GoalStatus.MISSED


class CloseSprintDialog(FormDialog):
    """One row per goal (outcome, final value, lessons), then wins and a retrospective."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        clock: Clock,
        view: SprintView,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ops,
            f"Close “{view.sprint.title}”",
            drafts,
            f"close:{view.sprint.id}",
            parent,
            stamp=view.sprint.updated_at.isoformat(),
        )
        self._coaching = coaching
        self._view = view
        self._today = local_today(clock)
        self.closed: SprintClosed | None = None
        self.buttons.button(self.buttons.StandardButton.Save).setText("Close sprint")

        self._build_state_section()
        self.layout_.insertWidget(2, self._goals_box())
        after = self.new_form()
        self.layout_.insertLayout(3, after)
        self._build_after_section(after)
        self.set_tab_order(
            self.completed,
            self.abandoned,
            self.closed_on,
            *(
                field
                for goal_id, combo, final, lessons in self.outcome_rows
                for field in (combo, final, lessons, self.roll_boxes[goal_id])
            ),
            self.wins_edit,
            self.retro_edit,
            self.rollover_combo,
        )
        self.restore_draft()
        for signal in (
            self.completed.toggled,
            self.closed_on.dateChanged,
            self.wins_edit.textChanged,
            self.retro_edit.textChanged,
            self.rollover_combo.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self.closed_on.dateChanged.connect(self._on_roll_toggled)
        self.rollover_combo.currentIndexChanged.connect(self._on_roll_toggled)
        self._on_roll_toggled()
        self.resize(820, self.sizeHint().height())

    # -- the form's sections --------------------------------------------------------------
    def _build_state_section(self) -> None:
        """How the sprint ended (completed or abandoned) and the day it closed."""
        self.completed = QRadioButton("Completed")
        self.abandoned = QRadioButton("Abandoned")
        self.completed.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.completed)
        group.addButton(self.abandoned)
        state_row = QWidget()
        row = QHBoxLayout(state_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.completed)
        row.addWidget(self.abandoned)
        row.addStretch(1)
        self.closed_on = date_edit()
        today = self._today
        sprint = self._view.sprint
        self.closed_on.setMaximumDate(to_qdate(today))  # a sprint closes today or before
        self.closed_on.setDate(to_qdate(min(today, sprint.end_date)))
        if today < sprint.start_date:  # it never started: it can only be abandoned
            self.abandoned.setChecked(True)
            self.completed.setEnabled(False)
            self.completed.setToolTip("A sprint that has not started cannot be completed.")
        state_row.setToolTip("Sessions still planned after the closing day are cancelled.")
        self.add_field("closed_state", "The sprint was:", state_row)
        self.add_field("closed_on", "Closed on:", self.closed_on)

    def _goals_box(self) -> QGroupBox:
        """The Goals box: a row per goal (``outcome_rows``, ``roll_boxes``) under the
        column headings, each with a line for its problems."""
        goals_box = QGroupBox("Goals")
        grid = QGridLayout(goals_box)
        for column, heading in enumerate(
            ("Goal", "Outcome", "Final value", "Lessons", "Roll over")
        ):
            grid.addWidget(plain_label(heading, "muted"), 0, column)
        self.outcome_rows: list[tuple[int, QComboBox, QLineEdit, QLineEdit]] = []
        self.roll_boxes: dict[int, QCheckBox] = {}
        for index, goal_view in enumerate(self._view.goals):
            self._add_goal_row(grid, 1 + 2 * index, goal_view)
        if not self._view.goals:
            grid.addWidget(plain_label("This sprint has no goals."), 1, 0, 1, 5)
        return goals_box

    def _add_goal_row(self, grid: QGridLayout, line: int, goal_view: GoalView) -> None:
        """One goal's row at ``line`` of ``grid``: its title, outcome (a guess from its
        pace), final value, lessons and whether it rolls over; its problems go on the line
        below."""
        goal = goal_view.goal
        title = plain_label(goal.title, wrap=True)
        combo = QComboBox()
        for status in OUTCOMES:
            combo.addItem(status.value.capitalize(), status.value)
        guess = _likely_outcome(goal_view)
        combo.setCurrentIndex(combo.findData(guess.value))
        final = QLineEdit(edit_number_text(goal_view.progress.latest))
        final.setPlaceholderText("—")
        final.setMaximumWidth(110)
        lessons = QLineEdit(goal.lessons)
        lessons.setPlaceholderText("What you learned")
        grid.addWidget(title, line, 0)
        grid.addWidget(combo, line, 1)
        grid.addWidget(final, line, 2)
        grid.addWidget(lessons, line, 3)
        roll = QCheckBox()
        roll.setChecked(guess is GoalStatus.MISSED)
        roll.setAccessibleName(f"Roll “{goal.title}” over")
        roll.setToolTip("Carry this goal on in another sprint, starting where it ended")
        grid.addWidget(roll, line, 4)
        grid.setColumnStretch(3, 1)
        grid.addWidget(self.error_label(outcome_key(goal.id)), line + 1, 0, 1, 5)
        self.outcome_rows.append((goal.id, combo, final, lessons))
        self.roll_boxes[goal.id] = roll
        combo.currentIndexChanged.connect(
            lambda _=0, c=combo, r=roll: r.setChecked(c.currentData() == "missed")
        )
        roll.toggled.connect(self._on_roll_toggled)
        combo.currentIndexChanged.connect(self.changed)
        final.textEdited.connect(self.changed)
        lessons.textEdited.connect(self.changed)

    def _build_after_section(self, after: QFormLayout) -> None:
        """Below the goals: wins, the retrospective, and the sprint goals roll over into
        (a planned one, or a new one that carries this one on)."""
        self.wins_edit = QPlainTextEdit()
        self.wins_edit.setPlaceholderText("One win per line; each becomes a win in your log")
        self.wins_edit.setFixedHeight(70)
        self.retro_edit = QPlainTextEdit()
        self.retro_edit.setPlaceholderText("What worked, what did not, what to change next time")
        self.retro_edit.setFixedHeight(90)
        self.rollover_combo = QComboBox()
        for summary in self._coaching.board():
            if summary.phase is SprintPhase.PLANNED and summary.sprint.id != self._view.sprint.id:
                self.rollover_combo.addItem(f"“{summary.sprint.title}”", summary.sprint.id)
        self.rollover_combo.addItem("A new sprint that carries this one on", NEW_SPRINT)
        self.rollover_hint = plain_label("", "muted", wrap=True)  # names the new sprint
        self.add_field("wins", "Wins:", self.wins_edit, after)
        self.add_field("retrospective", "Retrospective:", self.retro_edit, after)
        self.add_field("rollover", "Roll over into:", self.rollover_combo, after)
        after.addRow("", self.rollover_hint)

    # -- what was typed -------------------------------------------------------------------
    def closing(self) -> SprintClosing:
        """The closing as typed."""
        outcomes = []
        for goal_id, combo, final, lessons in self.outcome_rows:
            try:
                value = parse_number(final.text())
            except ValueError as exc:
                raise ValidationError(
                    {outcome_key(goal_id): f"The final value “{final.text()}” is not a number."}
                ) from exc
            outcomes.append(
                GoalOutcome(goal_id, GoalStatus(combo.currentData()), value, lessons.text().strip())
            )
        rolled = tuple(goal_id for goal_id, box in self.roll_boxes.items() if box.isChecked())
        into = int(self.rollover_combo.currentData())
        return SprintClosing(
            state=ClosedState.COMPLETED if self.completed.isChecked() else ClosedState.ABANDONED,
            closed_on=from_qdate(self.closed_on.date()),
            retrospective=self.retro_edit.toPlainText().strip(),
            outcomes=tuple(outcomes),
            wins=tuple(w.strip() for w in self.wins_edit.toPlainText().splitlines() if w.strip()),
            roll_over=rolled,
            roll_into_id=into if rolled and into != NEW_SPRINT else None,
            continue_as=self.continuation() if rolled and into == NEW_SPRINT else None,
        )

    def continuation(self) -> SprintDraft:
        """The new sprint that would carry this one on."""
        sprint = self._view.sprint
        closed_on = from_qdate(self.closed_on.date())
        return continuation_of(sprint, next_start(sprint, closed_on, self._today))

    def _on_roll_toggled(self) -> None:
        count = sum(box.isChecked() for box in self.roll_boxes.values())
        self.rollover_combo.setEnabled(count > 0)
        if count == 0:
            self.rollover_hint.setText("Tick “Roll over” on a goal to carry it on.")
        elif self.rollover_combo.currentData() == NEW_SPRINT:
            new = self.continuation()
            self.rollover_hint.setText(
                f"Makes “{new.title}”, {local_date(new.start_date, 'd MMM yyyy')} – "
                f"{local_date(new.end_date, 'd MMM yyyy')}, with the same coach; "
                f"{count} goal{'s' if count != 1 else ''} start there as drafts."
            )
        else:
            self.rollover_hint.setText(
                f"{count} goal{'s' if count != 1 else ''} start there as drafts, from where "
                "they ended."
            )

    def values(self) -> dict[str, Any]:
        return {
            **super().values(),
            "completed": self.completed.isChecked(),
            "goals": {
                str(goal_id): [
                    combo.currentData(),
                    final.text(),
                    lessons.text(),
                    self.roll_boxes[goal_id].isChecked(),
                ]
                for goal_id, combo, final, lessons in self.outcome_rows
            },
        }

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        (self.completed if values.get("completed", True) else self.abandoned).setChecked(True)
        saved = values.get("goals", {})
        for goal_id, combo, final, lessons in self.outcome_rows:
            row = saved.get(str(goal_id)) if isinstance(saved, dict) else None
            if isinstance(row, list) and len(row) == 4:
                write_field(combo, row[0])
                final.setText(str(row[1]))
                lessons.setText(str(row[2]))
                self.roll_boxes[goal_id].setChecked(bool(row[3]))

    def check(self) -> None:
        self.closing()

    def save(self) -> Outcome[Any]:
        outcome = self._coaching.close_sprint(self._view.sprint.id, self.closing())
        self.closed = outcome.value
        return outcome
