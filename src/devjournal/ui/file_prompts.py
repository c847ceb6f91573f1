"""Asking for a file, and telling the user something, without a nested event loop.

Qt's static ``QFileDialog.getSaveFileName`` and ``QMessageBox.warning`` spin an event loop
inside the caller: timers, background jobs and other windows run in the middle of a click
handler. These open the dialog window-modally and call back when the user has chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask_for_file(
    parent: QWidget,
    caption: str,
    *,
    save: bool,
    suggested: str,
    filters: str,
    on_chosen: Callable[[Path, str], None],
) -> QFileDialog:
    """Open a file dialog; ``on_chosen(path, name_filter)`` runs once a file is chosen
    (not at all when the user cancels). The dialog is kept as ``parent.file_dialog``."""
    dialog = QFileDialog(parent, caption, suggested, filters)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save and Path(suggested).name:
        dialog.selectFile(Path(suggested).name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path), dialog.selectedNameFilter()))
    parent.file_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def tell(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """Show a message (window-modal, not blocking)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
