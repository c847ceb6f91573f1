"""Widgets that became windows of their own by mistake.

A widget shown before it has a parent (``QPushButton("x").setVisible(True)``) is a
top-level window for that moment: it flashes on the desktop and takes the keyboard focus
from the main window (Ctrl+8 once left no widget with the focus that way). Such a widget
is put in its place afterwards, so a stray is a widget that was shown as a window and then
given a parent. A page a test shows on its own stays a window, and dialogs, menus and
tooltips are windows on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget


class _Spy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.strays: list[str] = []
        self._windows: dict[int, str] = {}  # shown as windows, still alive

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.windowType() == Qt.WindowType.Window and id(watched) not in self._windows:
                text = getattr(watched, "text", None)
                said = text() if callable(text) else ""
                self._windows[id(watched)] = f"{type(watched).__name__} {said!r}"
                key = id(watched)
                watched.destroyed.connect(lambda *_: self._windows.pop(key, None))
        elif (
            kind == QEvent.Type.ParentChange
            and id(watched) in self._windows
            and isinstance(watched, QWidget)
            and watched.parentWidget() is not None
        ):
            self.strays.append(self._windows.pop(id(watched)))
        return False


@contextmanager
def stray_windows() -> Iterator[list[str]]:
    """The strays found while the ``with`` block runs (a list filled as they come)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    spy = _Spy()
    app.installEventFilter(spy)
    try:
        yield spy.strays
    finally:
        app.removeEventFilter(spy)
