"""Time the Direction page on a journal, in its own process (one QApplication).

``python -m bench.direction_open HOME RUNS`` prints one JSON line: the ms to show the
Direction page (built fresh each run: every aim and the sprints, goals, mentors and
coaches that serve it read on a worker, as the page does, the cards built, laid out and
painted), after one untimed warm-up, each run's longest stall of the event loop
(``bench/stall.py``) beside them, and how many aims it showed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.stall import StallMonitor, Stalls, timed
from devjournal.domain.clock import utc_now
from devjournal.drafts import DraftStore
from devjournal.paths import resolve_paths
from devjournal.services.container import open_services
from devjournal.ui.ops import Ops
from devjournal.ui.pages.direction_page import DirectionPage
from devjournal.ui.widgets.notice_bar import NoticeBar


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    paths = resolve_paths(home)
    db, services = open_services(paths.journal, paths.backups, utc_now)
    monitor = StallMonitor()
    pages, stalls = [], Stalls()
    read = 0
    with tempfile.TemporaryDirectory() as tmp:
        drafts = DraftStore(Path(tmp) / "drafts.json")
        for run in range(runs + 1):
            made: list[DirectionPage] = []

            def show(made: list[DirectionPage] = made) -> None:
                page = DirectionPage(services, Ops(), drafts, utc_now, notices=NoticeBar())
                made.append(page)
                page.resize(1000, 760)
                page.show()
                page.refresh()
                while page.reading:  # the read on its worker, answered on this thread
                    app.processEvents()
                page.grab()  # laid out and painted

            elapsed = timed(show)  # until the list is painted, the worker's read included
            read = len(made[0].views)

            def build(made: list[DirectionPage] = made) -> None:
                page = DirectionPage(services, Ops(), drafts, utc_now, notices=NoticeBar())
                made.append(page)
                page.resize(1000, 760)
                page.show()
                page.refresh()  # the read answers within the settling time, on this loop

            # The same again from the event loop, the read answered while it settles: the
            # longest stall of the whole opening.
            monitor.run(build, settle_ms=1500)
            while made[-1].reading:
                app.processEvents()
            for page in made:
                page.close()
                page.deleteLater()
            app.processEvents()
            if run:
                pages.append(elapsed)
                stalls.record(monitor)
    db.close()
    print(json.dumps({"open": pages, "read": read, "stalls": stalls.as_json()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
