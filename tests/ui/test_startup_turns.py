"""Start-up builds the pages one per turn of the event loop, so the window keeps answering."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from devjournal import app as app_module
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.settings import Settings
from devjournal.ui.main_window import MainWindow
from tests.clocks import stopped
from tests.ui.test_startup_loader import NOW

ALL_PAGES = [
    "Today",
    "Coaching",
    "Mentorship",
    "History",
    "Timeline",
    "Guide",
    "Feedback",
    "Outreach",
    "Coaches",
    "Direction",
]


@pytest.fixture
def bare_window(qtbot: QtBot, services: Services, paths: AppPaths) -> MainWindow:
    """The window as start-up first paints it: Today only, no services yet."""
    window = MainWindow(paths, Settings(paths.settings), services.journal.today, stopped(NOW))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_pages_come_one_per_turn_and_the_window_answers_between(
    bare_window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window = bare_window
    seen: set[int] = set()
    ticks = QTimer(window)  # what a repaint or a key would be: a timer already due
    ticks.setInterval(0)
    ticks.timeout.connect(lambda: seen.add(len(window.page_titles())))
    ticks.start()
    done: list[bool] = []
    app_module._attach_in_turns(window, services, then=lambda: done.append(True))
    assert window.page_titles() == ["Today"] and window.services is None  # nothing yet
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    ticks.stop()
    assert window.page_titles() == ALL_PAGES
    assert {2, 3, 4} <= seen  # the event loop ran between the pages
    assert window.services is services  # published once every page is built
    assert window.backups_action.isEnabled() and window.new_entry_action.isEnabled()


def test_closing_the_window_drops_the_steps_left(
    bare_window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window = bare_window
    done: list[bool] = []
    app_module._attach_in_turns(window, services, then=lambda: done.append(True))
    qtbot.waitUntil(lambda: len(window.page_titles()) >= 2, timeout=10_000)
    window.close()
    built = window.page_titles()
    qtbot.wait(200)
    assert window.page_titles() == built and len(built) < len(ALL_PAGES)
    assert done == [] and window.services is None


def test_a_page_meeting_damage_closes_the_window_to_recover(
    bare_window: MainWindow, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(_window: MainWindow) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(MainWindow, "_add_history_page", damaged)
    window = bare_window
    done: list[bool] = []
    app_module._attach_in_turns(window, services, then=lambda: done.append(True))
    qtbot.waitUntil(lambda: window.recovery is not None, timeout=10_000)
    qtbot.wait(100)
    assert window.page_titles() == ["Today", "Coaching", "Mentorship"]
    assert done == [] and not window.isVisible()


def test_the_loader_imports_every_module_the_pages_need(tmp_path: Path) -> None:
    """Its worker imports them with no Qt application made yet (a module that made a
    widget as it loaded would fail there); building the pages then imports none of
    devjournal's own modules on the GUI thread."""
    script = textwrap.dedent(
        f"""
        import sys, threading
        from datetime import UTC, datetime
        import devjournal.app as app

        worker = threading.Thread(target=app._import_heavy_modules, args=(None,))
        worker.start()
        worker.join()
        from PySide6.QtWidgets import QApplication
        from devjournal.paths import resolve_paths
        from devjournal.services.container import open_services
        from devjournal.settings import Settings

        qt = QApplication([])
        paths = resolve_paths({str(tmp_path)!r}, environ={{}})
        paths.ensure()
        clock = lambda: datetime(2026, 11, 18, 9, 30, tzinfo=UTC)
        db, services = open_services(paths.journal, paths.backups, clock)
        window = app.MainWindow(paths, Settings(paths.settings), services.journal.today, clock)
        before = set(sys.modules)
        window.attach_services(services)
        print(sorted(m for m in set(sys.modules) - before if m.startswith("devjournal")))
        db.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**_env(), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def _env() -> dict[str, str]:
    src = str(Path(app_module.__file__).parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, str(Path.cwd())])}
