"""Time the Timeline page on a journal, in its own process (one QApplication).

``python -m bench.timeline_open HOME RUNS`` prints one JSON line: the timings in ms of
opening the page at twenty years across (sidebar click to the page painted, the page built
fresh each run; the journal is read on a worker meanwhile), of its lanes drawn (sidebar
click to the read drawn: ``read_shown``), and of zoom and pan steps (each: the new scale,
the entries for the view read, the page painted), after one untimed warm-up, each run's
longest stall of the event loop (``bench/stall.py``) beside them: the open's watches until
the lanes are drawn.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.stall import StallMonitor, Stalls, timed
from devjournal.domain.clock import utc_now
from devjournal.paths import resolve_paths
from devjournal.services.container import open_services
from devjournal.settings import Settings
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.timeline_page import TimelinePage
from devjournal.ui.theme import apply_theme

STEPS: list[Callable[[TimelinePage], None]] = [
    lambda page: page.set_zoom("all"),
    lambda page: page.view.pan(page.view.width() * 0.1),
    lambda page: page.view.zoom(1.25, 300),
    lambda page: page.set_zoom("year"),
    lambda page: page.view.pan(-page.view.width() * 0.1),
    lambda page: page.set_zoom("quarter"),
    lambda page: page.view.zoom(1 / 1.25),
    lambda page: page.set_zoom("month"),
    lambda page: page.set_zoom("week"),
    lambda page: page.view.go_to_today(),
]
"""Zoom and pan steps: the buttons, Ctrl+wheel, arrow keys and Today."""
SAVE_DELAY_MS = 600
"""The page saves its view this long after the last step."""
READ_WAIT_MS = 3000
"""How long the open is watched for the lanes to be drawn (they come well before)."""


def painted(step: Callable[[TimelinePage], None], page: TimelinePage) -> None:
    """``step``, then the page painted."""
    step(page)
    page.view.repaint()


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    paths = resolve_paths(home)
    apply_theme(app, "light")
    db, services = open_services(paths.journal, paths.backups, utc_now)
    window = MainWindow(paths, Settings(paths.settings), services.journal.today, services.clock)
    window.attach_services(services)
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    monitor = StallMonitor()
    opens: list[float] = []
    lanes: list[float] = []
    steps: list[float] = []
    open_stalls, step_stalls = Stalls(), Stalls()
    for run in range(runs + 1):
        window.sidebar.setCurrentRow(0)
        app.processEvents()
        # A settings file of its own, left at twenty years across (the costliest view), so
        # every run opens the same view whatever earlier runs saved.
        settings = Settings(Path(tempfile.mkdtemp()) / "settings.json")
        settings.set("timeline_span", "7306")
        settings.set("timeline_centre", services.timeline.today().isoformat())
        page = TimelinePage(services, window.ops, settings)
        index = window.stack.addWidget(page)

        clicked: list[float] = []
        drawn: list[float] = []
        page.read_shown.connect(lambda drawn=drawn: drawn.append(time.perf_counter()))

        def show(
            index: int = index, page: TimelinePage = page, clicked: list[float] = clicked
        ) -> None:
            clicked.append(time.perf_counter())
            window.stack.setCurrentIndex(index)
            page.view.repaint()

        opened, _ = monitor.run(lambda: timed(show), settle_ms=READ_WAIT_MS)
        if not drawn:
            raise SystemExit(f"the timeline's lanes were not drawn within {READ_WAIT_MS} ms")
        if run:
            opens.append(opened)
            lanes.append((drawn[0] - clicked[0]) * 1000)
            open_stalls.record(monitor)
        stepped, _ = monitor.run_steps(
            [lambda s=step, p=page: timed(lambda: painted(s, p)) for step in STEPS],
            settle_ms=SAVE_DELAY_MS + 100,  # the view saved in settings, under the monitor
        )
        if run:
            steps += stepped
            step_stalls.record(monitor)
        window.stack.removeWidget(page)
        page.deleteLater()
        app.processEvents()
    data = services.timeline.data()
    db.close()
    print(
        json.dumps(
            {
                "open": opens,
                "lanes": lanes,
                "steps": steps,
                "sprints": len(data.sprints),
                "checkins": len(data.checkins),
                "sessions": len(data.sessions),
                "stalls": {"open": open_stalls.as_json(), "steps": step_stalls.as_json()},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
