"""File → Backups: the backups with their dates and sizes; back up now, restore one (the
journal as it is now is kept aside, never deleted), open the folder."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.backups import Backup
from devjournal.files import size_text
from devjournal.ui.background import BackgroundTask
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.backup_list import BackupList, when_text

log = logging.getLogger(__name__)

ABOUT = (
    "devjournal backs up the journal by itself: every 30 minutes while it has changed, "
    "when the window closes, and before every import or upgrade. Each backup is checked "
    "before older ones are thinned out: all from the last 2 days are kept, then one a day "
    "for 12 days, one a week for 10 weeks and one a month for 9 months."
)


class BackupsDialog(QDialog):
    """The list of backups and what can be done with them."""

    def __init__(
        self,
        ops: Ops,
        *,
        folder: Path,
        list_backups: Callable[[], list[Backup]],
        make_backup: Callable[[], Path],
        check_backup: Callable[[Path], str],
        restore: Callable[[Path], None],
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._folder = folder
        self._list_backups = list_backups
        self._make_backup = make_backup
        self._check_backup = check_backup
        self._restore = restore
        self._now = now
        self._backups: list[Backup] = []
        self.task: BackgroundTask[object] | None = None
        self.confirm: QMessageBox | None = None
        self.setWindowTitle("Backups")
        self.resize(720, 460)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        about = plain_label(ABOUT, wrap=True)
        layout.addWidget(about)
        where = plain_label(f"Kept in <code>{html.escape(str(folder))}</code>")
        where.setTextFormat(Qt.TextFormat.RichText)  # a folder's name is not markup
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setObjectName("muted")
        layout.addWidget(where)
        self.backup_list = BackupList()
        layout.addWidget(self.backup_list, 1)
        self.empty = plain_label(
            "No backups yet. devjournal makes the first one 30 minutes after you change "
            "something, or when you close the window; “Back up now” makes one at once.",
            wrap=True,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        self.status = plain_label("", wrap=True)  # messages may name files
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.backup_button = buttons.addButton(
            "Back up now", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = buttons.addButton(
            "Open the folder", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button = buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        for button in (self.backup_button, self.folder_button, self.restore_button):
            button.setAutoDefault(False)  # Enter closes; it never makes or restores
        close.setDefault(True)
        self.backup_button.clicked.connect(self.back_up_now)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.restore_button.clicked.connect(self.ask_restore)
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)
        self.backup_list.itemDoubleClicked.connect(self.ask_restore)
        layout.addWidget(buttons)
        self.refresh()

    # -- behaviour ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the backups folder again."""
        chosen = self.backup_list.chosen()
        self._backups = self._list_backups()
        self.backup_list.show_backups(self._backups, self._now())
        self.backup_list.select(chosen or (self._backups[0].path if self._backups else None))
        has_any = bool(self._backups)
        self.backup_list.setVisible(has_any)
        self.empty.setVisible(not has_any)
        total = sum(b.size for b in self._backups)
        if has_any and self.task is None:
            self.status.setText(
                f"{len(self._backups)} backup{'s' if len(self._backups) > 1 else ''}, "
                f"{size_text(total)} in all."
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.backup_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.backup_list.chosen() is not None)

    def _on_folder_button_clicked(self) -> None:
        self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def _run(self, busy: str, job: Callable[[], object], done: Callable[[object], None]) -> None:
        """Run ``job`` through :meth:`Ops.query` (a worker thread); the buttons wait."""
        self.status.setText(busy)

        def succeeded(result: object) -> None:
            self._idle()
            done(result)

        def failed(message: str) -> None:
            self._idle()
            self.status.setText(message)

        self.task = self._ops.query(self, job, succeeded, on_failure=failed)
        self._update_buttons()

    def _idle(self) -> None:
        self.task = None
        self._update_buttons()

    def back_up_now(self) -> None:
        """Make a checked backup off the GUI thread, then show it."""
        if self.task is not None:
            return

        def done(result: object) -> None:
            made = Path(str(result))
            self.refresh()
            self.backup_list.select(made)
            self.status.setText(f"Backed up now ({size_text(made.stat().st_size)}, checked).")

        self._run("Backing up…", self._make_backup, done)

    def ask_restore(self) -> None:
        """Ask before restoring the chosen backup."""
        chosen = self.backup_list.chosen()
        backup = next((b for b in self._backups if b.path == chosen), None)
        if backup is None or self.task is not None:
            return
        when = when_text(backup.made)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore this backup?",
            f"Restore the backup of {when}?",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            "devjournal will close the journal, set it aside as it is now (as "
            "journal.sqlite.before-restore-…, never deleted) and reopen on this backup. "
            f"Anything written after {when} stays only in the copy set aside."
        )
        restore = box.addButton("Restore and reopen", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore.clicked.connect(lambda: self.restore_chosen(backup))
        self.confirm = box
        box.open()

    def restore_chosen(self, backup: Backup) -> None:
        """Check the backup (off the GUI thread), then hand it to the window to restore."""

        def done(verdict: object) -> None:
            if verdict == "missing":
                self.refresh()
                self.status.setText(
                    f"The backup of {when_text(backup.made)} is no longer there (older "
                    "backups are thinned out as new ones are made). Choose another."
                )
                return
            if verdict != "ok":
                self.backup_list.mark_bad(backup.path)
                self.status.setText(
                    f"The backup of {when_text(backup.made)} failed its check ({verdict}); "
                    "it was not restored. Choose another."
                )
                return
            log.info("restore of %s requested", backup.path.name)
            self._restore(backup.path)

        self._run("Checking the backup…", lambda: self._check_backup(backup.path), done)
