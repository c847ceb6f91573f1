"""devjournal's window as a user starts it, watched from inside: stalls and memory.

``python -m bench.app_probe HOME OUT [--history]`` runs devjournal on HOME in this process
(``devjournal.cli.run``, as ``python -m devjournal --home HOME`` does) under the stall
monitor (``bench/stall.py``), and follows the log:

- at "pages ready", the resident memory; just after "start-up finished" (once the
  event loop has turned again), the resident memory and the longest stall from the event
  loop's first turn;
- with ``--history``, after start-up: the History page opened from the sidebar, its list
  scrolled to the very end (every page fetched as the scroll bar reaches the bottom), then
  a search typed; the resident memory after that and the longest stall while it ran.

It writes what it found to OUT as one JSON object (atomically) and keeps running until it
is told to stop (SIGTERM closes the window as a user's close would).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QListWidget

from bench.stall import PAUSE_MS, SETTLE_MS, StallMonitor, resident_mb
from devjournal.cli import run
from devjournal.domain.clock import utc_now
from devjournal.ui.main_window import MainWindow

SEARCH = "code review"
"""What is typed in the History page's search box."""
SCROLL_LIMIT = 5000
"""Scroll steps at most (the stress journal needs about 500)."""


class LogTap(logging.Handler):
    """Hands each of devjournal's log messages to ``heard``."""

    def __init__(self, heard: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.heard = heard

    def emit(self, record: logging.LogRecord) -> None:
        self.heard(record.getMessage())


class Probe(QObject):
    """Follows devjournal's log; drives the History page when asked."""

    startup_finished = Signal()

    def __init__(self, app: QApplication, out: Path, *, history: bool) -> None:
        super().__init__()
        self.app = app
        self.out = out
        self.history = history
        self.monitor = StallMonitor()
        self.found: dict[str, Any] = {"search": SEARCH, "pause_ms": PAUSE_MS}
        self.started = time.perf_counter()
        self.scrolled = 0
        # Log records may come from any thread; the signal brings the work to this one.
        self.startup_finished.connect(self._after_startup)

    def heard(self, message: str) -> None:
        """A log message (from any thread)."""
        if message.startswith("pages ready"):
            self.found["pages_ready"] = self._snapshot()
        elif message.startswith("start-up finished"):
            self.startup_finished.emit()

    def _snapshot(self) -> dict[str, Any]:
        return {
            **resident_mb(),
            "stall_ms": self.monitor.longest_ms,
            "where": self.monitor.where,
            "at_ms": (time.perf_counter() - self.started) * 1000,
        }

    def _after_startup(self) -> None:
        # A stall is known when the tick after it comes: the snapshot waits for a few.
        QTimer.singleShot(SETTLE_MS, self._startup_settled)

    def _startup_settled(self) -> None:
        self.found["startup"] = self._snapshot()
        if not self.history:
            self._write()
            return
        self.monitor.reset()
        window = next(w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow))
        sidebar = window.findChild(QListWidget, "sidebar")
        titles = [sidebar.item(row).text() for row in range(sidebar.count())]
        sidebar.setCurrentRow(titles.index("History"))
        view = window.findChild(QListView, "historyList")
        QTimer.singleShot(PAUSE_MS, lambda: self._scroll(window, view))

    def _scroll(self, window: MainWindow, view: QListView) -> None:
        """One step of a user dragging the scroll bar to the bottom, until all is read."""
        model = view.model()
        if model.canFetchMore(QModelIndex()) and self.scrolled < SCROLL_LIMIT:
            bar = view.verticalScrollBar()
            if bar.value() < bar.maximum():
                bar.setValue(bar.maximum())  # at the bottom the view fetches the next page
            else:
                model.fetchMore(QModelIndex())  # at the bottom already: as the view would
            self.scrolled += 1
            QTimer.singleShot(PAUSE_MS, lambda: self._scroll(window, view))
            return
        self.found["rows"] = model.rowCount()
        self.found["entries"] = getattr(model, "entry_count", None)
        self.found["scroll_steps"] = self.scrolled
        self.found["complete"] = not model.canFetchMore(QModelIndex())
        box = next(
            edit
            for edit in window.findChildren(QLineEdit)
            if edit.accessibleName() == "Search the log"
        )
        box.setFocus()
        box.setText(SEARCH)  # the page searches once typing pauses
        QTimer.singleShot(PAUSE_MS, lambda: self._await_hits(view, model))

    def _await_hits(self, view: QListView, scrolled: object) -> None:
        if view.model() is scrolled:
            QTimer.singleShot(PAUSE_MS, lambda: self._await_hits(view, scrolled))
            return
        self.found["hits"] = view.model().rowCount()
        QTimer.singleShot(200, self._after_search)  # the hits painted, under the monitor

    def _after_search(self) -> None:
        self.found["history"] = self._snapshot()
        self._write()

    def _write(self) -> None:
        partial = self.out.with_suffix(".partial")
        partial.write_text(json.dumps(self.found), encoding="utf-8")
        partial.replace(self.out)


def main() -> int:
    home, out = sys.argv[1], Path(sys.argv[2])
    app = QApplication(["devjournal"])  # devjournal's make_application takes this one
    probe = Probe(app, out, history="--history" in sys.argv[3:])
    # On devjournal's logger: setup_logging resets only the root logger's handlers.
    logging.getLogger("devjournal").addHandler(LogTap(probe.heard))
    probe.monitor.start()  # ticks from the event loop's first turn
    code = run(["--home", home], utc_now)
    probe.monitor.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
