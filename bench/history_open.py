"""Time the lazy history model over a journal, in its own process.

``python -m bench.history_open HOME RUNS`` prints one JSON line: the ms to open the
history (the model made and its first page loaded, as the History view does), to fetch
each further page while scrolling down and to show the History page, each run's longest
stall of the event loop (``bench/stall.py``) beside them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from bench.stall import StallMonitor, Stalls, timed
from devjournal.domain.clock import utc_now
from devjournal.domain.history import HistoryFilter
from devjournal.drafts import DraftStore
from devjournal.paths import resolve_paths
from devjournal.services.container import open_services
from devjournal.ui.models.history_list_model import HistoryListModel
from devjournal.ui.ops import Ops
from devjournal.ui.pages.history_page import HistoryPage
from devjournal.ui.widgets.notice_bar import NoticeBar

FETCHES = 40


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    paths = resolve_paths(home)
    db, services = open_services(paths.journal, paths.backups, utc_now)

    def fetch(after, limit):  # type: ignore[no-untyped-def]
        return services.mentorship.history_page(HistoryFilter(), after, limit)

    monitor = StallMonitor()
    opens, fetches = [], []
    open_stalls, fetch_stalls = Stalls(), Stalls()
    for run in range(runs + 1):
        model = HistoryListModel(fetch)
        opened, _ = monitor.run(lambda m=model: timed(m.reload))
        if run:
            opens.append(opened)
            open_stalls.record(monitor)
        fetched, _ = monitor.run_steps(
            [lambda m=model: timed(lambda: m.fetchMore(QModelIndex()))] * FETCHES
        )
        if run:
            fetches += fetched
            fetch_stalls.record(monitor)
    pages, page_stalls = [], Stalls()
    with tempfile.TemporaryDirectory() as tmp:
        drafts = DraftStore(Path(tmp) / "drafts.json")
        for run in range(runs + 1):
            made: list[HistoryPage] = []

            def show(made: list[HistoryPage] = made) -> None:
                page = HistoryPage(services, Ops(), drafts, services.clock, notices=NoticeBar())
                made.append(page)
                page.resize(1000, 760)
                page.show()
                page.grab()  # laid out and painted: the first screen of entries

            elapsed, _ = monitor.run(lambda: timed(show))
            page = made[0]
            page.close()
            page.deleteLater()
            app.processEvents()
            if run:
                pages.append(elapsed)
                page_stalls.record(monitor)
    print(
        json.dumps(
            {
                "open": opens,
                "fetch": fetches,
                "page": pages,
                "rows": model.entry_count,
                "stalls": {
                    "open": open_stalls.as_json(),
                    "fetch": fetch_stalls.as_json(),
                    "page": page_stalls.as_json(),
                },
            }
        )
    )
    db.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
