"""Plan every session of a sprint at once, from a cadence."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QSpinBox, QTimeEdit, QWidget

from devjournal.domain.models import CoachingSession, Sprint
from devjournal.domain.sessions import MONTHLY, plannable_days, session_times
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label

CADENCES = {7: "Every week", 14: "Every two weeks", 21: "Every three weeks", MONTHLY: "Monthly"}
"""The cadences offered; a sprint's own cadence is added when it is another one."""
SHOWN_DATES = 8


class PlanSessionsDialog(FormDialog):
    """How often, at what time, for how long; a preview says which days."""

    def __init__(
        self,
        ops: Ops,
        coaching: CoachingService,
        drafts: DraftStore,
        sprint: Sprint,
        existing: list[CoachingSession],
        *,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "Plan sessions", drafts, f"plan:sprint={sprint.id}", parent, stamp="")
        self.buttons.button(self.buttons.StandardButton.Save).setText("Plan sessions")
        self._coaching = coaching
        self._sprint = sprint
        self._taken = {s.starts_at.astimezone().date() for s in existing}
        self._now = now
        self.created: list[CoachingSession] = []
        self.cadence_combo = QComboBox()
        for days, text in CADENCES.items():
            self.cadence_combo.addItem(text, days)
        own = sprint.session_every_days
        if own and own not in CADENCES:
            self.cadence_combo.addItem(f"Every {own} days", own)
        self.cadence_combo.setCurrentIndex(max(0, self.cadence_combo.findData(own or 14)))
        self.time_edit = QTimeEdit(QTime(10, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 600)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(60)
        self.duration_spin.setSuffix(" min")
        self.preview = plain_label("", "muted", wrap=True)
        self.add_field("every_days", "How often:", self.cadence_combo)
        self.add_field("at", "At:", self.time_edit)
        self.add_field("duration_min", "Length:", self.duration_spin)
        self.form.addRow("", self.preview)
        self.set_tab_order(self.cadence_combo, self.time_edit, self.duration_spin)
        self.restore_draft()
        self.cadence_combo.currentIndexChanged.connect(self._update_preview)
        self.time_edit.timeChanged.connect(self._update_preview)
        for signal in (
            self.cadence_combo.currentIndexChanged,
            self.time_edit.timeChanged,
            self.duration_spin.valueChanged,
        ):
            signal.connect(self.changed)
        self._update_preview()
        self.resize(460, self.sizeHint().height())

    def days(self) -> list[date]:
        """The days that would get a new session (not a time already past today)."""
        every = int(self.cadence_combo.currentData())
        days = plannable_days(self._sprint, every, self._taken, self._now.astimezone().date())
        t = self.time_edit.time()
        times = session_times(days, time(t.hour(), t.minute()))
        return [when.date() for when in times if when > self._now]

    def _update_preview(self) -> None:
        days = self.days()
        if not days:
            self.preview.setText(
                "Nothing to plan: the days left in the sprint already have sessions."
            )
            self.buttons.button(self.buttons.StandardButton.Save).setEnabled(False)
            return
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(True)
        shown = ", ".join(local_date(d, "d MMM") for d in days[:SHOWN_DATES])
        more = f" and {len(days) - SHOWN_DATES} more" if len(days) > SHOWN_DATES else ""
        skipped = " Days that already have a session keep it." if self._taken else ""
        self.preview.setText(f"{len(days)} sessions: {shown}{more}.{skipped}")

    def save(self) -> Outcome[Any]:
        t = self.time_edit.time()
        outcome = self._coaching.plan_sessions(
            self._sprint.id,
            time(t.hour(), t.minute()),
            int(self.cadence_combo.currentData()),
            duration_min=self.duration_spin.value(),
        )
        self.created = outcome.value
        return outcome
