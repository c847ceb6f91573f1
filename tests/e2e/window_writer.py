"""The real window process, writing as a user would, for the test beside it.

``python -m tests.e2e.window_writer HOME``: runs devjournal's own entry point on HOME; once
the pages are ready it saves a log entry through the History page's service every 100 ms
(emitting what changed, as the page does) and prints ``ack TITLE`` after each commit, until
it is killed. Nothing else differs from ``devjournal --home HOME``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QTimer

from devjournal.cli import run
from devjournal.domain.enums import EntryKind
from devjournal.domain.models import LogEntryDraft
from devjournal.ui.main_window import MainWindow

steps = MainWindow.attach_steps


def steps_then_write(window: MainWindow, services: object) -> list[Callable[[], None]]:
    """Start-up's steps (one per turn of the event loop), then the writing."""
    return [*steps(window, services), lambda: write_every_100_ms(window)]  # type: ignore[arg-type]


def write_every_100_ms(window: MainWindow) -> None:
    loaded = window.services
    assert loaded is not None
    count = [0]

    def write() -> None:
        count[0] += 1
        title = f"window entry {count[0]}"
        outcome = loaded.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=count[0]),
                title=title,
                body="Saved in the window while commands ran beside it.",
            )
        )
        window.ops.announce(outcome.changes)
        print(f"ack {title}", flush=True)

    timer = QTimer(window)
    timer.setInterval(100)
    timer.timeout.connect(write)
    timer.start()


MainWindow.attach_steps = steps_then_write  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.exit(run(["--home", sys.argv[1]]))
