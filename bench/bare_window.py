"""A bare PySide6 window to its first paint: what devjournal's start-up is set beside.

``python bench/bare_window.py LOG`` opens an empty QMainWindow and, once its first paint
has been delivered, appends "ready" to LOG, the way devjournal logs "ready in N ms" after
the first paint of Today; it then runs until it is stopped. It imports nothing of
devjournal or of the bench, so it is started as a file, not a module.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Writes "ready" to ``log`` after the window's first paint."""

    def __init__(self, log: Path) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.ready)  # after this paint has been delivered
        return False

    def ready(self) -> None:
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write("ready\n")


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1180, 780)
    painted = FirstPaint(Path(sys.argv[1]))
    window.installEventFilter(painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
