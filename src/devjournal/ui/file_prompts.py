"""Asking for a file, asking a question, and telling the user something, without a
nested event loop.

Qt's static ``QFileDialog.getSaveFileName`` and ``QMessageBox.warning`` spin an event loop
inside the caller: timers, background jobs and other windows run in the middle of a click
handler. These open the dialog window-modally and call back when the user has chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from weakref import WeakMethod

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

Role = QMessageBox.ButtonRole


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


def ask_for_folder(
    parent: QWidget, caption: str, *, start: Path, on_chosen: Callable[[Path], None]
) -> QFileDialog:
    """Open a folder chooser at ``start``; ``on_chosen(folder)`` runs once one is chosen
    (not at all when the user cancels). Kept as ``parent.file_dialog``."""
    dialog = QFileDialog(parent, caption, str(start))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    parent.file_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def tell(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """Show a message (window-modal, not blocking), as plain text: messages quote titles,
    file names and links."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _Answer(QObject):
    """Hears which button of a question was pressed and says so once it has closed.

    It holds ``on_answer`` weakly: the box is a child of the asker, and a strong hold
    would keep the asker's Python side alive until its own C++ destructor deleted the
    box, which crashed PySide."""

    def __init__(
        self,
        box: QMessageBox,
        roles: dict[str, QMessageBox.ButtonRole],
        on_answer: Callable[[QMessageBox.ButtonRole], None],
    ) -> None:
        """``on_answer`` is a bound method (of the asker)."""
        super().__init__(box)
        self._roles = roles
        self._on_answer = WeakMethod(on_answer)
        self._role = Role.RejectRole
        box.buttonClicked.connect(self._clicked)
        box.finished.connect(self._finished)

    def _clicked(self, button: QAbstractButton) -> None:
        self._role = self._roles.get(button.text().replace("&", ""), Role.RejectRole)

    def _finished(self) -> None:
        on_answer = self._on_answer()
        if on_answer is not None:
            on_answer(self._role)


def ask(
    parent: QWidget,
    title: str,
    text: str,
    *,
    detail: str,
    choices: list[tuple[str, QMessageBox.ButtonRole]],
    on_answer: Callable[[QMessageBox.ButtonRole], None],
) -> QMessageBox:
    """Ask window-modally over ``parent``; ``choices`` are (button text, role), the first
    the default, the one with ``RejectRole`` what Escape means. ``on_answer(role)`` runs
    with the role of the button pressed (``RejectRole`` if none); it is a method of the
    asker, held weakly. ``text`` and ``detail`` are plain text."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setInformativeText(detail)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text's too
    buttons = [box.addButton(label, role) for label, role in choices]
    box.setDefaultButton(buttons[0])
    for button, (_, role) in zip(buttons, choices, strict=True):
        if role is Role.RejectRole:
            box.setEscapeButton(button)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _Answer(box, dict(choices), on_answer)
    box.open()
    return box
