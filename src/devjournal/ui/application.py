"""The QApplication with devjournal's names and icon."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from devjournal import APP_NAME, __version__

ICON = Path(__file__).parent / "icons" / "devjournal.svg"


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (made once; later calls return the existing one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("devjournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("devjournal")
    app.setWindowIcon(QIcon(str(ICON)))
    return app
