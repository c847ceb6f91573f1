"""Application-wide signals: a page that changed data says so; the others refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from devjournal.services.changes import Changes


class JournalEvents(QObject):
    """One instance per window, handed to every page."""

    data_changed = Signal(Changes)

    def emit_changes(self, changes: Changes) -> None:
        """Tell every page what a unit of work changed."""
        if changes.any():
            self.data_changed.emit(changes)
