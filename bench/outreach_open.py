"""Time the Outreach page on a journal, in its own process (one QApplication).

``python -m bench.outreach_open HOME RUNS`` prints one JSON line: the ms to show the
Outreach page (built fresh each run: every outreach read, grouped by what to do next, the
list filled, the first one read with its message drafted from the template, laid out and
painted), after one untimed warm-up, each run's longest stall of the event loop
(``bench/stall.py``) beside them, and how many outreach it listed.
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
from devjournal.settings import Settings
from devjournal.ui.ops import Ops
from devjournal.ui.pages.outreach_page import OutreachPage
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
        settings = Settings(Path(tmp) / "settings.json")
        notices = NoticeBar()
        for run in range(runs + 1):
            made: list[OutreachPage] = []

            def build(made: list[OutreachPage] = made) -> None:
                page = OutreachPage(
                    services.people, Ops(), drafts, utc_now, settings=settings, notices=notices
                )
                made.append(page)
                page.resize(1000, 760)
                page.show()  # the first showing reads the outreach

            def show(made: list[OutreachPage] = made) -> None:
                build(made)
                made[-1].grab()  # laid out and painted

            elapsed = timed(show)
            listed = len(made[0].outreach)
            monitor.run(build, settle_ms=1000)  # the same from the event loop: its stall
            for page in made:
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
