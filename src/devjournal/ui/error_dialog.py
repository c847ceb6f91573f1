"""Unexpected errors: logged, and shown with a "Copy details" button."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from devjournal import __version__
from devjournal.ui.application import make_application

log = logging.getLogger(__name__)


def error_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The text behind "Copy details": versions and the traceback."""
    from PySide6 import __version__ as pyside_version  # noqa: PLC0415

    lines = traceback.format_exception(exc_type, exc, tb)
    head = (
        f"devjournal {__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}\n\n"
    )
    return head + "".join(lines)


def show_error(
    parent: QWidget | None,
    title: str,
    message: str,
    details: str = "",
    *,
    on_closed: Callable[[], None] | None = None,
) -> QMessageBox:
    """An error message; with ``details``, a button copies them to the clipboard;
    ``on_closed`` runs once it is closed. In the running app it is window-modal and
    returns at once (no nested event loop); before the app's event loop runs (an error at
    start), it is that loop, and returns when closed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # an error may quote what the user wrote
    box.setText(message)
    if details:
        box.setDetailedText(details)
        copy = QPushButton("Copy details")
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # keep the box open after copying
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    if QThread.currentThread().loopLevel() > 0:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_closed is not None:
            box.finished.connect(on_closed)
        box.setWindowModality(
            Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        )
        box.open()
        return box
    box.exec()  # no event loop runs yet: this one is the only one
    if on_closed is not None:
        on_closed()
    return box


def show_startup_error(message: str) -> None:
    """Show ``message`` before any window exists (the app was launched from a menu)."""
    make_application(sys.argv[:1])
    show_error(None, "devjournal cannot start", message)


def install_excepthook(log_path: str) -> None:
    """Route uncaught exceptions in slots to the log and a dialog instead of a crash."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        details = error_details(exc_type, exc, tb)
        message = (
            "Something went wrong inside devjournal. Your journal is safe: every change is "
            f"saved when you make it.\n\nThe details are in the log ({log_path})."
        )
        # Shown from the event loop, not from inside the slot that failed.
        QTimer.singleShot(
            0, lambda: show_error(QApplication.activeWindow(), "devjournal", message, details)
        )

    sys.excepthook = hook
