"""The QApplication with devjournal's names and icon."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from devjournal import APP_ID, APP_NAME, __version__
from devjournal.desktop import ICON_SVG


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (made once; later calls return the existing one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_ID)  # the X11 window class (the menu entry's StartupWMClass)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the Wayland app id: the menu entry's file name
    app.setWindowIcon(QIcon(str(ICON_SVG)))
    return app
