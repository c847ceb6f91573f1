"""The list of backups, newest first: when, how long ago, size, and why it was made.

Used by the Backups dialog and by the dialog shown when the journal is found damaged.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from devjournal.domain.backups import Backup, describe_label
from devjournal.files import size_text
from devjournal.ui.plain_text import plain_tooltip

PATH_ROLE = Qt.ItemDataRole.UserRole


def ago(then: datetime, now: datetime) -> str:
    """``just now``, ``5 minutes ago``, ``3 hours ago``, ``2 days ago``, ``4 months ago``."""
    seconds = max(0, (now - then).total_seconds())
    for unit, length in (
        ("year", 365 * 86400),
        ("month", 30 * 86400),
        ("week", 7 * 86400),
        ("day", 86400),
        ("hour", 3600),
        ("minute", 60),
    ):
        count = int(seconds // length)
        if count >= 1:
            return f"{count} {unit}{'s' if count > 1 else ''} ago"
    return "just now"


def when_text(made: datetime) -> str:
    """The backup's local date and time: ``Sun 22 Nov 2026, 07:30``."""
    return made.astimezone().strftime("%a %d %b %Y, %H:%M")


class BackupList(QTreeWidget):
    """One row per backup; rows for backups that failed their check are marked and cannot
    be chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Backups")
        self.setHeaderLabels(["Made", "", "Size", "Why"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_backups(
        self, backups: list[Backup], now: datetime, bad: frozenset[Path] = frozenset()
    ) -> None:
        """Fill the list (newest first, as given)."""
        self.clear()
        for backup in backups:
            item = QTreeWidgetItem(
                [
                    when_text(backup.made),
                    ago(backup.made, now),
                    size_text(backup.size),
                    describe_label(backup.label),
                ]
            )
            item.setData(0, PATH_ROLE, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, plain_tooltip(str(backup.path)))
            self.addTopLevelItem(item)
            if backup.path in bad:
                self.mark_bad(backup.path)

    def mark_bad(self, path: Path) -> None:
        """Show that ``path`` failed its check; it can no longer be chosen."""
        item = self._item(path)
        if item is None:
            return
        item.setText(3, "damaged: it failed its check")
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        item.setSelected(False)

    def select(self, path: Path | None) -> None:
        """Make ``path`` the chosen backup."""
        item = self._item(path) if path is not None else None
        if item is not None:
            self.setCurrentItem(item)
            item.setSelected(True)
            self.scrollToItem(item)

    def chosen(self) -> Path | None:
        """The selected backup, if any."""
        items = self.selectedItems()
        return Path(str(items[0].data(0, PATH_ROLE))) if items else None

    def _item(self, path: Path) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, PATH_ROLE) == str(path):
                return item
        return None
