"""Time opening a sprint on the Coaching page, in its own process (one QApplication).

``python -m bench.sprint_open HOME RUNS`` prints one JSON line: the timings in ms of
selecting the sprint with the most check-ins (query, goal cards and charts built, laid
out and painted once) and of opening its Sessions & actions tab, after one untimed
warm-up, each run's longest stall of the event loop (``bench/stall.py``) beside them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.stall import StallMonitor, Stalls
from devjournal.domain.clock import utc_now
from devjournal.paths import resolve_paths
from devjournal.services.container import open_services
from devjournal.settings import Settings
from devjournal.ui.main_window import MainWindow
from devjournal.ui.theme import apply_theme


def biggest_sprint(journal: Path) -> tuple[int, int, int]:
    """The live sprint with the most live check-ins: (id, goals, check-ins)."""
    with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as con:
        row = con.execute(
            """SELECT s.id, COUNT(DISTINCT g.id), COUNT(c.id)
                 FROM sprint s JOIN goal g ON g.sprint_id = s.id AND g.deleted_at IS NULL
                 LEFT JOIN checkin c ON c.goal_id = g.id AND c.deleted_at IS NULL
                WHERE s.deleted_at IS NULL
                GROUP BY s.id ORDER BY COUNT(c.id) DESC, s.id LIMIT 1"""
        ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    paths = resolve_paths(home)
    apply_theme(app, "light")
    db, services = open_services(paths.journal, paths.backups, utc_now)
    window = MainWindow(paths, Settings(paths.settings), services.journal.today, services.clock)
    window.attach_services(services)
    window.resize(1180, 780)
    window.sidebar.setCurrentRow(1)
    window.show()
    app.processEvents()
    page = window.coaching_page
    assert page is not None
    sprint_id, goals, checkins = biggest_sprint(paths.journal)
    other = next(s.sprint.id for s in services.coaching.board() if s.sprint.id != sprint_id)
    monitor = StallMonitor()

    def open_sprint() -> float:
        started = time.perf_counter()
        page.select_sprint(sprint_id)
        page.grab()  # lays out and paints the page as the screen would
        return (time.perf_counter() - started) * 1000

    def open_sessions() -> float:
        started = time.perf_counter()
        page.show_tab(1)
        page.grab()
        return (time.perf_counter() - started) * 1000

    timings, stalls = [], Stalls()
    for run in range(runs + 1):
        page.select_sprint(other)
        app.processEvents()
        elapsed, _ = monitor.run(open_sprint)
        if run:
            timings.append(elapsed)
            stalls.record(monitor)
    sessions, sessions_stalls = [], Stalls()
    for run in range(runs + 1):
        page.show_tab(0)
        app.processEvents()
        elapsed, _ = monitor.run(open_sessions)
        if run:
            sessions.append(elapsed)
            sessions_stalls.record(monitor)
    print(
        json.dumps(
            {
                "timings": timings,
                "sessions": sessions,
                "goals": goals,
                "checkins": checkins,
                "stalls": {"timings": stalls.as_json(), "sessions": sessions_stalls.as_json()},
            }
        )
    )
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
