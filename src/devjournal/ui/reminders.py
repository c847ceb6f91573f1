"""Quiet desktop reminders while the app runs: the day before a session, and when an action
item becomes overdue. Each is shown once, ever; they can be turned off (View menu)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from devjournal.domain.overview import ReminderFacts
from devjournal.settings import Settings

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 10 * 60 * 1000
Notify = Callable[[str, str], None]
"""Shows a reminder: a title and a line of text."""


class Reminders(QObject):
    """Looks at Today's figures every ten minutes and says what is new, once."""

    def __init__(
        self,
        settings: Settings,
        source: Callable[[], ReminderFacts],
        notify: Notify,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._source = source
        self._notify = notify
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now, then every ten minutes."""
        self._timer.start()
        self.check()

    def due(self) -> list[tuple[str, str, str]]:
        """What deserves a reminder now: ``(key, title, text)``, shown or not.

        A session is keyed by its id and day, so moving it within the day does not remind
        twice; an action by its id and due date, so a new due date can remind again.
        """
        facts = self._source()
        found: list[tuple[str, str, str]] = []
        for session in facts.sessions_tomorrow:
            local = session.starts_at.astimezone()
            found.append(
                (
                    f"session:{session.id}:{local.date().isoformat()}",
                    "Coaching session tomorrow",
                    f"{local:%H:%M}, {session.sprint_title}. Prepare the agenda today.",
                )
            )
        for action in facts.overdue:
            if action.due_date is not None:
                found.append(
                    (
                        f"action:{action.id}:{action.due_date.isoformat()}",
                        "An action item is overdue",
                        f"{action.title} (due {action.due_date.day} {action.due_date:%b})",
                    )
                )
        return found

    def check(self) -> list[str]:
        """Show what is new (when reminders are on); return the keys shown."""
        if not self._settings.reminders:
            return []
        try:
            due = self.due()
        except Exception:  # a reminder must never break the app
            log.warning("could not work out reminders", exc_info=True)
            return []
        seen = self._settings.reminded
        shown = []
        for key, title, text in due:
            if key in seen:
                continue
            self._notify(title, text)
            seen.append(key)
            shown.append(key)
        if shown:
            self._settings.reminded = seen
            self._settings.save()
        return shown
