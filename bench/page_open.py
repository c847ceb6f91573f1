"""Time opening one page on a journal, in its own process (one QApplication).

``python -m bench.page_open HOME RUNS PAGE`` prints one JSON line: the ms to show PAGE
(built fresh each run: what it reads read, on a worker when the page reads there, its
list filled, laid out and painted), after one untimed warm-up; each run's longest stall
of the event loop (``bench/stall.py``) beside them, with the page built and its read
answered from the event loop; and how many things it listed (``listed``).

PAGE is one of :data:`PAGES`: each says how to build the page and count what it lists.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from bench.stall import StallMonitor, Stalls, timed
from devjournal.domain.clock import utc_now
from devjournal.drafts import DraftStore
from devjournal.paths import resolve_paths
from devjournal.services.container import Services, open_services
from devjournal.ui.ops import Ops


@dataclass(frozen=True)
class PageUnderTest:
    """How to build a page over the services, and how many things it lists."""

    build: Callable[[Services, DraftStore], QWidget]
    listed: Callable[[Any], int]


def _guide(services: Services, drafts: DraftStore) -> QWidget:
    from devjournal.ui.pages.guide_page import GuidePage  # noqa: PLC0415
    from devjournal.ui.widgets.notice_bar import NoticeBar  # noqa: PLC0415

    return GuidePage(services.guide, Ops(), drafts, utc_now, notices=NoticeBar())


def _feedback(services: Services, drafts: DraftStore) -> QWidget:
    from devjournal.ui.pages.feedback_page import FeedbackPage  # noqa: PLC0415

    return FeedbackPage(services, Ops(), drafts, utc_now)


def _direction(services: Services, drafts: DraftStore) -> QWidget:
    from devjournal.ui.pages.direction_page import DirectionPage  # noqa: PLC0415
    from devjournal.ui.widgets.notice_bar import NoticeBar  # noqa: PLC0415

    return DirectionPage(services, Ops(), drafts, utc_now, notices=NoticeBar())


def _coaches(services: Services, drafts: DraftStore) -> QWidget:
    from devjournal.ui.pages.coaches_page import CoachesPage  # noqa: PLC0415
    from devjournal.ui.widgets.notice_bar import NoticeBar  # noqa: PLC0415

    return CoachesPage(services.people, Ops(), drafts, utc_now, notices=NoticeBar())


def _outreach(services: Services, drafts: DraftStore) -> QWidget:
    from devjournal.settings import Settings  # noqa: PLC0415
    from devjournal.ui.pages.outreach_page import OutreachPage  # noqa: PLC0415
    from devjournal.ui.widgets.notice_bar import NoticeBar  # noqa: PLC0415

    settings = Settings(Path(tempfile.mkdtemp()) / "settings.json")
    return OutreachPage(
        services.people, Ops(), drafts, utc_now, settings=settings, notices=NoticeBar()
    )


PAGES: dict[str, PageUnderTest] = {
    "guide": PageUnderTest(_guide, lambda page: page.history.count()),
    "feedback": PageUnderTest(_feedback, lambda page: len(page.items)),
    "direction": PageUnderTest(_direction, lambda page: len(page.views)),
    "outreach": PageUnderTest(_outreach, lambda page: len(page.outreach)),
    "coaches": PageUnderTest(
        _coaches, lambda page: len(page.read.coaches) if page.read is not None else 0
    ),
}


def _read(page: QWidget) -> None:
    """Start the page's read if showing it did not (a page that reads on a worker when
    it is first shown has already begun: a second read would only compete with it)."""
    if hasattr(page, "reading") and not page.reading:
        page.refresh()  # type: ignore[attr-defined]


def _settle(app: QApplication, page: QWidget) -> None:
    """Until the page's read (if it reads on a worker) has been answered."""
    _read(page)
    while getattr(page, "reading", False):  # asleep until the answer comes, as the app
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def main() -> int:
    home, runs, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    under_test = PAGES[name]
    app = QApplication([])
    paths = resolve_paths(home)
    db, services = open_services(paths.journal, paths.backups, utc_now)
    gc.freeze()  # as the window does once its pages are built (MainWindow._wire_services)
    monitor = StallMonitor()
    opened, stalls = [], Stalls()
    listed = 0
    with tempfile.TemporaryDirectory() as tmp:
        drafts = DraftStore(Path(tmp) / "drafts.json")
        for run in range(runs + 1):
            made: list[QWidget] = []

            def show(made: list[QWidget] = made) -> None:
                page = under_test.build(services, drafts)
                made.append(page)
                page.resize(1000, 760)
                page.show()
                _settle(app, page)
                page.grab()  # laid out and painted

            elapsed = timed(show)
            listed = under_test.listed(made[0])

            def build(made: list[QWidget] = made) -> None:
                page = under_test.build(services, drafts)
                made.append(page)
                page.resize(1000, 760)
                page.show()
                _read(page)  # answered within the settling time, on this loop

            monitor.run(build, settle_ms=1500)
            for page in made:
                if getattr(page, "reading", False):
                    while page.reading:  # type: ignore[attr-defined]
                        app.processEvents()
                page.close()
                page.deleteLater()
            app.processEvents()
            if run:
                opened.append(elapsed)
                stalls.record(monitor)
    db.close()
    print(json.dumps({"open": opened, "listed": listed, "stalls": stalls.as_json()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
