"""Time the Guide page on a journal, in its own process (one QApplication).

``python -m bench.guide_open HOME RUNS`` prints one JSON line: the ms to show the Guide
page (built fresh each run: every self-assessment read, what each recommends worked out,
the page laid out and painted), after one untimed warm-up, each run's longest stall of the
event loop (``bench/stall.py``) beside them, and how many assessments it listed.
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
from devjournal.ui.pages.guide_page import GuidePage
from devjournal.ui.widgets.notice_bar import NoticeBar


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    paths = resolve_paths(home)
    db, services = open_services(paths.journal, paths.backups, utc_now)
    monitor = StallMonitor()
    pages, stalls = [], Stalls()
    listed = 0
    with tempfile.TemporaryDirectory() as tmp:
        drafts = DraftStore(Path(tmp) / "drafts.json")
        for run in range(runs + 1):
            made: list[GuidePage] = []

            def show(made: list[GuidePage] = made) -> None:
                page = GuidePage(services.guide, Ops(), drafts, utc_now, notices=NoticeBar())
                made.append(page)
                page.resize(1000, 760)
                page.show()
                page.grab()  # laid out and painted

            elapsed, _ = monitor.run(lambda: timed(show))
            page = made[0]
            listed = page.history.count()
            page.close()
            page.deleteLater()
            app.processEvents()
            if run:
                pages.append(elapsed)
                stalls.record(monitor)
    db.close()
    print(json.dumps({"open": pages, "listed": listed, "stalls": stalls.as_json()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
