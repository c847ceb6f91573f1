"""Screenshots of every page in the light and the dark theme, from the small sample
journal (``make screenshots``), into ``docs/images/pages/``: the README shows them and
the AppStream file names some of them.

    python packaging/screenshots.py [OUT_DIR]

The window is drawn offscreen at 1180x780, each page once it has read what it shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from devjournal.domain.clock import utc_now
from devjournal.paths import resolve_paths, sample_home_for
from devjournal.sample import SampleSize
from devjournal.services.container import open_services
from devjournal.settings import Settings
from devjournal.ui.application import make_application
from devjournal.ui.main_window import MainWindow
from devjournal.ui.sample_launcher import SampleLauncher
from devjournal.ui.theme import apply_theme

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1180, 780)
READERS = ("log", "people", "read")
"""The attributes a page that reads on a worker fills when its read has come."""


def settle(app: QApplication, window: MainWindow, row: int, ms: int = 4000) -> None:
    """Let the page in ``row`` read and paint (at most ``ms``)."""
    page = window.page_at(row)
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        app.processEvents()
        waiting = [r for r in READERS if hasattr(page, r) and getattr(page, r) is None]
        reading = getattr(page, "reading", False) is True
        if not waiting and not reading and clock.elapsed() > 300:
            break
    app.processEvents()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "images" / "pages"
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(["devjournal"])
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(str(Path(tmp) / "sample"))
        paths.ensure()
        db, services = open_services(paths.journal, paths.backups, utc_now)
        services.journal.fill_sample(SampleSize.SMALL)
        launcher = SampleLauncher(sample_home_for(paths), open_window=lambda _home: True)
        window = MainWindow(
            paths,
            Settings(paths.settings),
            services.journal.today,
            utc_now,
            sample_launcher=launcher,
        )
        window.attach_services(services)
        window.resize(*SIZE)
        window.show()
        made = []
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            for row in range(window.sidebar.count()):
                window.sidebar.setCurrentRow(row)
                settle(app, window, row)
                name = window.sidebar.item(row).text().lower()
                target = out / f"{name}-{theme}.png"
                if not window.grab().save(str(target)):
                    raise SystemExit(f"could not write {target}")
                made.append(target.name)
        window.close()
        db.close()
    print(f"wrote {len(made)} screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
