"""What the user sees when the journal is found damaged, or cannot be written at all.

:class:`RecoveryDialog`: the damaged file has already been moved aside (never deleted);
the newest backup that passes its check is offered, others can be chosen, or a new journal
started. The restore itself runs off the GUI thread.

:class:`StartProblemDialog`: a read-only folder or a full disk. Nothing is moved; the user
fixes it and tries again, or quits.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.backups import BackupChoice
from devjournal.domain.jobs import Progress
from devjournal.domain.recovery import Diagnosis, StartProblem
from devjournal.files import size_text
from devjournal.ui.background import BackgroundTask
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.backup_list import BackupList, ago, when_text

log = logging.getLogger(__name__)


class Outcome(Enum):
    """How the user left the recovery dialog."""

    RESTORED = "restored"  # a backup is now the journal
    OPEN = "open"  # only a side file was bad: open the journal as it is
    NEW = "new"  # start a new, empty journal
    QUIT = "quit"


def _heading(text: str) -> QLabel:
    label = plain_label(text, wrap=True)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    label.setFont(font)
    return label


def _para(text: str, *, selectable: bool = False) -> QLabel:
    label = plain_label(text, wrap=True)  # details name files and quote errors
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _icon_row(dialog: QDialog, icon: QStyle.StandardPixmap, title: str) -> QHBoxLayout:
    row = QHBoxLayout()
    picture = QLabel()
    picture.setPixmap(dialog.style().standardIcon(icon).pixmap(48, 48))
    picture.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(picture)
    row.addWidget(_heading(title), 1)
    return row


def _moved_aside(moved: list[Path]) -> QLabel | None:
    """The paragraph that names the files moved aside (selectable), or None when none
    was."""
    if not moved:
        return None
    what = "It was" if len(moved) == 1 else "They were"
    names = "<br>".join(f"<code>{html.escape(str(p))}</code>" for p in moved)
    aside = _para(
        f"{what} moved aside, unchanged (devjournal never deletes it):<br>{names}",
        selectable=True,
    )
    aside.setTextFormat(Qt.TextFormat.RichText)
    return aside


def _offer(diagnosis: Diagnosis, choice: BackupChoice, now: datetime) -> str:
    """What the dialog offers, in words: to open the journal as it is, to restore the
    newest good backup (when, how old, how big), or to start anew (and how part of the
    damaged file may be saved when there is no backup)."""
    if diagnosis.journal_kept:
        return (
            "Your journal itself looks whole and can be opened as it is. If something is "
            "missing from it, restore a backup instead:"
        )
    if choice.good is not None:
        return (
            f"The newest good backup is from {when_text(choice.good.made)} "
            f"({ago(choice.good.made, now)}, {size_text(choice.good.size)}). Restoring it "
            "brings the journal back as it was then."
        )
    if choice.backups:
        return (
            "None of the backups passed its check. You can start a new, empty journal; "
            "the damaged file stays where it was moved."
        )
    return (
        "There are no backups to restore. You can start a new, empty journal; the "
        "damaged file stays where it was moved, and a data recovery tool (for "
        "example the sqlite3 program's .recover command) may save part of it."
    )


class RecoveryDialog(QDialog):
    """The journal was damaged and has been moved aside: restore a backup, or start anew."""

    def __init__(
        self,
        diagnosis: Diagnosis,
        moved: list[Path],
        choice: BackupChoice,
        restore: Callable[[Path], object],
        *,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outcome = Outcome.QUIT
        self.quit_after = False
        """Set when a quit (SIGTERM, closing the dialog) came while a restore was written:
        the restore finishes, then devjournal quits instead of opening the window."""
        self._restore = restore
        self._task: BackgroundTask[object] | None = None
        self._folder = moved[0].parent if moved else None
        self.setWindowTitle(diagnosis.title)
        self.setMinimumWidth(640)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(
            _icon_row(self, QStyle.StandardPixmap.SP_MessageBoxWarning, diagnosis.title)
        )
        self.detail = _para(diagnosis.detail)
        layout.addWidget(self.detail)
        self.aside = _moved_aside(moved)
        if self.aside is not None:
            layout.addWidget(self.aside)

        self.backup_list = BackupList()
        self.backup_list.show_backups(choice.backups, now, choice.bad)
        self.backup_list.select(choice.good.path if choice.good else None)
        self.offer = _para(_offer(diagnosis, choice, now))
        layout.addWidget(self.offer)
        if choice.backups:
            self.backup_list.setMinimumHeight(150)
            layout.addWidget(self.backup_list, 1)
        else:
            self.backup_list.hide()

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = _para("")
        self.status.setObjectName("error")
        self.status.hide()
        layout.addWidget(self.busy)
        layout.addWidget(self.status)

        if not choice.backups:
            layout.addStretch(1)  # spare height below the words, not between them
        buttons = self._buttons(diagnosis, choice)
        layout.addLayout(buttons)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default is not None:  # after QDialog picks its own on show
            self._default.setDefault(True)
            self._default.setFocus()

    def _buttons(self, diagnosis: Diagnosis, choice: BackupChoice) -> QHBoxLayout:
        """Show the folder, and apart: Quit, then what the damage allows (start a new
        journal, restore a backup, open the journal as it is); the default is chosen."""
        buttons = QHBoxLayout()
        self.folder_button = QPushButton("Show the folder")
        if self._folder is None:  # (shown without a parent yet, it would be a window)
            self.folder_button.hide()
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        self.quit_button = QPushButton("Quit")
        self.quit_button.clicked.connect(self.reject)
        buttons.addWidget(self.quit_button)
        self.new_button: QPushButton | None = None
        self.open_button: QPushButton | None = None
        self.restore_button: QPushButton | None = None
        if not diagnosis.journal_kept:
            self.new_button = QPushButton("Start a new journal")
            self.new_button.clicked.connect(lambda: self._finish(Outcome.NEW))
            buttons.addWidget(self.new_button)
        if choice.backups:
            self.restore_button = QPushButton("Restore this backup")
            self.restore_button.clicked.connect(self._on_restore_button_clicked)
            self.backup_list.itemSelectionChanged.connect(self._update_buttons)
            self.backup_list.itemDoubleClicked.connect(self._on_restore_button_clicked)
            buttons.addWidget(self.restore_button)
        if diagnosis.journal_kept:
            self.open_button = QPushButton("Open the journal")
            self.open_button.clicked.connect(lambda: self._finish(Outcome.OPEN))
            buttons.addWidget(self.open_button)
        self._default = self.open_button or (
            self.restore_button if choice.good else self.new_button
        )
        self._button_row = [
            b
            for b in (
                self.folder_button,
                self.quit_button,
                self.new_button,
                self.restore_button,
                self.open_button,
            )
            if b is not None
        ]
        return buttons

    # -- behaviour ------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        if self.restore_button is not None:
            self.restore_button.setEnabled(
                self._task is None and self.backup_list.chosen() is not None
            )

    def _finish(self, outcome: Outcome) -> None:
        if self._task is not None:
            return
        self.outcome = outcome
        log.info("recovery: the user chose %s", outcome.value)
        self.accept()

    def _on_folder_button_clicked(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def _on_restore_button_clicked(self) -> None:
        chosen = self.backup_list.chosen()
        if chosen is None or self._task is not None:
            return
        self.status.hide()
        self.busy.show()
        for button in self._button_row:
            button.setEnabled(False)
        self.backup_list.setEnabled(False)

        def job(_progress: Progress) -> object:
            return self._restore(chosen)

        task: BackgroundTask[object] = BackgroundTask(job, self)
        self._task = task
        task.succeeded.connect(lambda _result: self._on_restored(chosen))
        task.failed.connect(lambda message: self._on_restore_failed(chosen, message))
        task.start()

    def _end_task(self) -> None:
        if self._task is not None:
            self._task.wait()
            self._task.deleteLater()
            self._task = None
        self.busy.hide()
        for button in self._button_row:
            button.setEnabled(True)
        self.backup_list.setEnabled(True)

    def _on_restored(self, chosen: Path) -> None:
        self._end_task()
        if self.quit_after:
            log.info("recovery: restored %s, then quitting as asked", chosen)
            self.outcome = Outcome.RESTORED
            self.accept()
            return
        log.info("recovery: restored %s", chosen)
        self._finish(Outcome.RESTORED)

    def _on_restore_failed(self, chosen: Path, message: str) -> None:
        self._end_task()
        if self.quit_after:
            self.reject()
            return
        log.warning("recovery: restoring %s failed: %s", chosen, message)
        self.backup_list.mark_bad(chosen)
        self.status.setText(f"That backup could not be restored: {message} Choose another.")
        self.status.show()
        self._update_buttons()

    def reject(self) -> None:
        if self._task is not None:
            self.quit_after = True  # a restore is being written: it finishes first
            return
        self.outcome = Outcome.QUIT
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self.quit_after = True  # quit once the restore is whole
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._task is not None:
            return
        super().keyPressEvent(event)


class StartProblemDialog(QDialog):
    """The journal's folder is read-only or its disk is full: try again, or quit."""

    def __init__(self, problem: StartProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(problem.title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(
            _icon_row(self, QStyle.StandardPixmap.SP_MessageBoxCritical, problem.title)
        )
        self.detail = _para(problem.detail, selectable=True)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton("Quit")
        self.retry_button = QPushButton("Try again")
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.retry_button)
        self.quit_button.clicked.connect(self.reject)
        self.retry_button.clicked.connect(self.accept)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.retry_button.setDefault(True)
        self.retry_button.setFocus()

    def show_problem(self, problem: StartProblem) -> None:
        """Say what is wrong now (after "Try again" found it still wrong)."""
        self.setWindowTitle(problem.title)
        self.detail.setText(problem.detail)
