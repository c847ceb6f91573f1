"""One goal of a sprint: its figures, pace status, chart, quick check-in and history.

A view only: it shows a :class:`GoalView` and says what the user asked for through
signals; the Coaching page decides what happens.
"""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.enums import GoalStatus, MetricKind
from devjournal.domain.models import Checkin, Goal, Milestone
from devjournal.domain.pace import PaceStatus
from devjournal.domain.progress import GoalProgress
from devjournal.domain.rules import warn_checkin
from devjournal.domain.sprints import GoalView
from devjournal.domain.wording import number_text, plural, unit_suffix
from devjournal.ui.formatting import date_edit, from_qdate, local_date, to_qdate
from devjournal.ui.plain_text import for_mnemonic, plain_tooltip
from devjournal.ui.widgets.card import Card, label
from devjournal.ui.widgets.goal_chart_widget import GoalChartWidget

STATUS_STYLE = {
    PaceStatus.ACHIEVED: "success",
    PaceStatus.AHEAD: "success",
    PaceStatus.ON_TRACK: "success",
    PaceStatus.AT_RISK: "warning",
    PaceStatus.BEHIND: "danger",
    PaceStatus.MISSED: "danger",
    PaceStatus.NO_DATA: "muted",
}
RECENT_CHECKINS = 5
"""Check-ins listed before "Show all"."""


def figures_text(goal: Goal, progress: GoalProgress, decided: bool = False) -> str:
    """``67 → 74 → 82% · 47% of the way · at this pace: 3 Feb 2027`` (no projection once
    the goal is ``decided``)."""
    if goal.metric_kind is MetricKind.MILESTONES:
        if progress.target is None:
            return "No milestones yet: edit the goal to list them"
        text = f"{number_text(progress.latest)} of {number_text(progress.target)} milestones done"
    elif progress.kpi is not None:
        text = (
            f"{number_text(progress.baseline)} → {number_text(progress.latest) or '—'} → "
            f"{number_text(progress.target)}{unit_suffix(goal)}"
        )
    else:
        return "No baseline and target yet: edit the goal to set them"
    if progress.percent is not None:
        text += f" · {progress.percent}% of the way"
    if progress.projected is not None and not decided:
        text += f" · at this pace: {local_date(progress.projected, 'd MMM yyyy')}"
    return text


def _facts(goal: Goal) -> str:
    """``Due 3 Feb 2027 · check in every 7 days · rolled over from an earlier sprint``
    (the parts that apply, capitalised), or "" when none does."""
    facts = []
    if goal.deadline is not None:
        facts.append(f"Due {local_date(goal.deadline, 'd MMM yyyy')}")
    if goal.metric_kind is not MetricKind.MILESTONES:
        facts.append(f"check in every {plural(goal.checkin_every_days, 'day')}")
    if goal.rolled_from_id is not None:
        facts.append("rolled over from an earlier sprint")
    line = " · ".join(facts)
    return line[:1].upper() + line[1:]


class GoalCard(Card):
    """A goal's card. Signals carry the goal or the check-in they are about."""

    edit_requested = Signal(object)  # GoalView
    delete_requested = Signal(object)  # GoalView
    summary_requested = Signal(object)  # GoalView
    checkin_submitted = Signal(object, object, str, str)  # GoalView, date, value text, note
    quick_checkin_edited = Signal(int, str, str, str)  # goal id, day (ISO), value text, note
    checkin_edit_requested = Signal(object)  # Checkin
    checkin_delete_requested = Signal(object)  # Checkin
    milestone_toggled = Signal(object, bool)  # Milestone, done

    def __init__(
        self,
        goal_view: GoalView,
        today: date,
        *,
        editable: bool = True,
        starts: date | None = None,
        serves: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``editable`` offers quick check-ins and milestone ticks; ``starts`` says when a
        planned sprint opens for them; ``serves`` names the part of the direction the goal
        serves ("" when none)."""
        super().__init__(parent=parent)
        self.goal_view = goal_view
        self.serves = serves
        goal, progress = goal_view.goal, goal_view.progress
        self.setObjectName("card")
        self.setAccessibleName(f"Goal: {goal.title}")
        self.body.addLayout(self._header(goal))
        self._add_description(goal_view)
        if progress.kpi is not None:
            self.chart = GoalChartWidget(
                progress,
                today,
                unit_suffix(goal).strip(),
                "milestones done" if goal.metric_kind is MetricKind.MILESTONES else "check-ins",
            )
            self.body.addWidget(self.chart)
        self.value_edit: QLineEdit | None = None
        self.note_edit: QLineEdit | None = None
        if goal.metric_kind is MetricKind.MILESTONES:
            self._add_milestones(goal_view.milestones, editable)
        else:
            self._add_checkins(goal_view, today, editable=editable, starts=starts)

    # -- what the card says -------------------------------------------------------------
    def status_text(self) -> str:
        """The badge: the outcome once decided, otherwise the pace status."""
        standing = self.goal_view.standing
        return standing[:1].upper() + standing[1:]

    def status_style(self) -> str:
        """The badge's style name."""
        goal = self.goal_view.goal
        if goal.status is GoalStatus.DROPPED:
            return "muted"
        if goal.status is GoalStatus.ACHIEVED:
            return "success"
        if goal.status is GoalStatus.MISSED:
            return "danger"
        return STATUS_STYLE[self.goal_view.progress.status]

    # -- parts ----------------------------------------------------------------------------
    def _header(self, goal: Goal) -> QHBoxLayout:
        """The top row: the title, the status badge, and the Summary, Edit and Delete
        buttons."""
        top = QHBoxLayout()
        self.title_label = label(goal.title, "cardTitle", wrap=True)
        top.addWidget(self.title_label, 1)
        shown = self.status_text()
        self.status_label = label(shown, self.status_style())
        self.status_label.setAccessibleName(f"Status: {shown}")
        top.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)
        self.summary_button = self._tool(
            "Summary", f"Prepare a session summary of the goal “{goal.title}”"
        )
        self.edit_button = self._tool("Edit", f"Edit the goal “{goal.title}”")
        self.delete_button = self._tool("Delete", f"Delete the goal “{goal.title}”")
        self.summary_button.clicked.connect(lambda: self.summary_requested.emit(self.goal_view))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.goal_view))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.goal_view))
        for button in (self.summary_button, self.edit_button, self.delete_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return top

    def _add_description(self, goal_view: GoalView) -> None:
        """The lines under the title: what the goal is, its figures, its due day and
        rhythm, its SMART gaps while a draft, an overdue check-in, and its lessons."""
        goal, progress = goal_view.goal, goal_view.progress
        if goal.specific:
            self.add_label(goal.specific)
        self.figures_label = self.add_label(figures_text(goal, progress, goal_view.decided))
        facts = _facts(goal)
        if facts:
            self.add_label(facts, "muted")
        if self.serves:
            self.serves_label = self.add_label(f"Serves: {self.serves}", "muted")
        if goal.status is GoalStatus.DRAFT and goal_view.smart_gaps:
            gaps = [line for line in goal_view.smart if not line.ok]
            self.gaps_label = self.add_label(
                f"Draft, SMART gaps: {goal_view.smart_gaps}. " + gaps[0].reason, "warning"
            )
            self.gaps_label.setToolTip(
                plain_tooltip("\n".join(f"{g.name}: {g.reason}" for g in gaps))
            )
        if progress.checkin_overdue:
            self.add_label(
                f"Check-in due: nothing recorded in the last "
                f"{plural(goal.checkin_every_days, 'day')}.",
                "danger",
            )
        if goal.lessons:
            self.add_label(f"Lessons: {goal.lessons}", "muted")

    def _add_checkins(
        self, goal_view: GoalView, today: date, *, editable: bool, starts: date | None
    ) -> None:
        """A measured goal's quick check-in row (or when check-ins open) and its history."""
        if editable:
            self.body.addWidget(self._checkin_row(today))
        elif starts is not None:
            self.add_label(
                f"Check-ins open when the sprint starts, {local_date(starts, 'd MMM yyyy')}.",
                "muted",
            )
        self._add_history(goal_view.checkins)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(plain_tooltip(tip))
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _add_milestones(self, milestones: tuple[Milestone, ...], editable: bool) -> None:
        self.milestone_boxes: list[QCheckBox] = []
        for milestone in milestones:
            box = QCheckBox(for_mnemonic(milestone.title))
            box.setChecked(milestone.done_on is not None)
            box.setEnabled(editable)
            if milestone.done_on is not None:
                box.setToolTip(f"Done {local_date(milestone.done_on, 'd MMM yyyy')}")
            box.toggled.connect(lambda on, m=milestone: self.milestone_toggled.emit(m, on))
            self.milestone_boxes.append(box)
            self.body.addWidget(box)

    def _checkin_row(self, today: date) -> QWidget:
        goal = self.goal_view.goal
        box = QWidget()
        box.setObjectName(f"checkin-row-{goal.id}")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        self.day_edit = date_edit()
        self.day_edit.setDate(to_qdate(today))
        self.day_edit.setAccessibleName(f"Check-in day for {goal.title}")
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self._value_hint())
        self.value_edit.setMaximumWidth(150)
        self.value_edit.setAccessibleName(f"Check-in value for {goal.title}")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Note (optional)")
        self.note_edit.setAccessibleName(f"Check-in note for {goal.title}")
        self.add_checkin_button = QPushButton("Add check-in")
        row.addWidget(label("Check in:"))
        row.addWidget(self.day_edit)
        row.addWidget(self.value_edit)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.add_checkin_button)
        self.checkin_message = label("", "danger", wrap=True)
        self.checkin_message.setVisible(False)
        self.checkin_warning = label("", "warning", wrap=True)
        self.checkin_warning.setVisible(False)
        column.addLayout(row)
        column.addWidget(self.checkin_message)
        column.addWidget(self.checkin_warning)
        self._today = today

        self.add_checkin_button.clicked.connect(self._submit)
        self.value_edit.returnPressed.connect(self._submit)
        self.note_edit.returnPressed.connect(self._submit)
        for edit in (self.value_edit, self.note_edit):
            edit.textEdited.connect(self._on_quick_edited)
        self.day_edit.dateChanged.connect(self._on_quick_edited)
        self.day_edit.dateChanged.connect(self._warn_about_day)
        return box

    def _value_hint(self) -> str:
        goal = self.goal_view.goal
        if goal.metric_kind is MetricKind.RATING and goal.scale_max:
            return f"Rating 1-{goal.scale_max}"
        if goal.metric_kind is MetricKind.PERCENT:
            return "Value in %"
        return f"Value ({goal.unit})" if goal.unit else "Value"

    def _add_history(self, checkins: tuple[Checkin, ...]) -> None:
        """The latest check-ins; the rest are built only when asked for ("Show all")."""
        self._newest_first = list(checkins)[::-1]
        self.history_rows: list[QWidget] = []
        self._history_at = self.body.count()
        for checkin in self._newest_first[:RECENT_CHECKINS]:
            self._append_history_row(checkin)
        if len(self._newest_first) > RECENT_CHECKINS:
            self.show_all_button = QPushButton(f"Show all {len(self._newest_first)} check-ins")
            self.show_all_button.setFlat(True)
            self.show_all_button.setCheckable(True)
            self.show_all_button.toggled.connect(self._on_show_all_toggled)
            self.body.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _append_history_row(self, checkin: Checkin) -> None:
        row = self._history_row(checkin)
        self.body.insertWidget(self._history_at + len(self.history_rows), row)
        self.history_rows.append(row)

    def _history_row(self, checkin: Checkin) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        text = (
            f"{local_date(checkin.on_date, 'd MMM yyyy')}: "
            f"{number_text(checkin.value)}{unit_suffix(self.goal_view.goal)}"
        )
        if checkin.note:
            text += f" — {checkin.note}"
        line.addWidget(label(text, wrap=True), 1)
        when = local_date(checkin.on_date, "d MMM yyyy")
        fix = self._tool("Edit", f"Edit the check-in of {when}")
        remove = self._tool("Delete", f"Delete the check-in of {when}")
        fix.clicked.connect(lambda: self.checkin_edit_requested.emit(checkin))
        remove.clicked.connect(lambda: self.checkin_delete_requested.emit(checkin))
        line.addWidget(fix)
        line.addWidget(remove)
        return row

    # -- the quick check-in -------------------------------------------------------------
    def quick_values(self) -> tuple[str, str, str]:
        """What is in the quick check-in row: the day (ISO), the value and the note."""
        if self.value_edit is None or self.note_edit is None:
            return "", "", ""
        day = from_qdate(self.day_edit.date()).isoformat()
        return day, self.value_edit.text(), self.note_edit.text()

    def set_quick_values(self, day: str, value: str, note: str) -> None:
        """Put back what was typed before the card was rebuilt (or before a crash)."""
        if self.value_edit is None or self.note_edit is None:
            return
        with contextlib.suppress(ValueError):
            self.day_edit.setDate(to_qdate(date.fromisoformat(day)))
        self.value_edit.setText(value)
        self.note_edit.setText(note)

    def show_checkin_error(self, message: str) -> None:
        """Say why the quick check-in was refused, under the row."""
        self.checkin_message.setText(message)
        self.checkin_message.setVisible(bool(message))
        if message and self.value_edit is not None:
            self.value_edit.setFocus()
            self.value_edit.selectAll()

    def focus_checkin(self) -> None:
        """Put the cursor in the value field, ready for the next check-in."""
        if self.value_edit is not None:
            self.value_edit.setFocus()

    def _warn_about_day(self) -> None:
        """Say so, before it is saved, when the day is one not lived yet."""
        text = warn_checkin(from_qdate(self.day_edit.date()), self._today).get("on_date", "")
        self.checkin_warning.setText(text)
        self.checkin_warning.setVisible(bool(text))

    def _submit(self) -> None:
        _, value, note = self.quick_values()
        self.checkin_submitted.emit(self.goal_view, from_qdate(self.day_edit.date()), value, note)

    def _on_quick_edited(self) -> None:
        self.quick_checkin_edited.emit(self.goal_view.goal.id, *self.quick_values())

    def _on_show_all_toggled(self, on: bool) -> None:
        for checkin in self._newest_first[len(self.history_rows) :]:
            self._append_history_row(checkin)
        for index, row in enumerate(self.history_rows):
            row.setVisible(on or index < RECENT_CHECKINS)
        count = len(self._newest_first)
        self.show_all_button.setText("Show fewer" if on else f"Show all {count} check-ins")
