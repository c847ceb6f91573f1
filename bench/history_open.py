"""Time the lazy history model over a journal, in its own process.

``python -m bench.history_open HOME RUNS`` prints one JSON line: the ms to open the
history (the model made and its first page loaded, as the History view does) and to fetch
each further page while scrolling down.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from devjournal.ui.events import JournalEvents
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from devjournal.domain.clock import utc_now
from devjournal.domain.history import HistoryFilter
from devjournal.drafts import DraftStore
from devjournal.paths import resolve_paths
from devjournal.services.container import open_services
from devjournal.ui.models.history_list_model import HistoryListModel
from devjournal.ui.pages.history_page import HistoryPage

FETCHES = 40


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    paths = resolve_paths(home)
    db, services = open_services(paths.journal, paths.backups, utc_now)

    def fetch(after, limit):  # type: ignore[no-untyped-def]
        return services.mentorship.history_page(HistoryFilter(), after, limit)

    opens, fetches = [], []
    for run in range(runs + 1):
        started = time.perf_counter()
        model = HistoryListModel(fetch)
        model.reload()
        opened = (time.perf_counter() - started) * 1000
        for _ in range(FETCHES):
            started = time.perf_counter()
            model.fetchMore(QModelIndex())
            if run:
                fetches.append((time.perf_counter() - started) * 1000)
        if run:
            opens.append(opened)
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        drafts = DraftStore(Path(tmp) / "drafts.json")
        for run in range(runs + 1):
            started = time.perf_counter()
            page = HistoryPage(services, JournalEvents(), drafts, services.clock)
            page.resize(1000, 760)
            page.show()
            page.grab()  # laid out and painted: the first screen of entries
            elapsed = (time.perf_counter() - started) * 1000
            page.close()
            page.deleteLater()
            app.processEvents()
            if run:
                pages.append(elapsed)
    print(json.dumps({"open": opens, "fetch": fetches, "page": pages, "rows": model.entry_count}))
    db.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
