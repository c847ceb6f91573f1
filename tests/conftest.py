"""Shared fixtures. Every test gets its own journal folder; the real one is never touched."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import time
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

# Set once, before Qt is imported anywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DEVJOURNAL_HOME", None)
# Local time is UTC in tests, so "today" and "tomorrow" do not depend on the machine;
# .ci/run also runs them in a zone with daylight saving time (DEVJOURNAL_TEST_TZ).
os.environ["TZ"] = os.environ.get("DEVJOURNAL_TEST_TZ", "UTC")
time.tzset()

from devjournal.domain.clock import Clock  # noqa: E402
from devjournal.paths import AppPaths, resolve_paths  # noqa: E402
from devjournal.services.container import Services, build_services  # noqa: E402
from devjournal.storage.database import Database, open_journal  # noqa: E402
from tests import file_guard  # noqa: E402
from tests.clocks import NOW  # noqa: E402  (re-exported: tests import it from here)

file_guard.install()


@pytest.fixture(scope="session", autouse=True)
def _one_application() -> Iterator[None]:
    """One QApplication for the whole run, made before any test. A command that exports
    HTML or PDF in-process makes a QGuiApplication when there is none (as it must, run
    from a terminal); had it done so first, a widget test later in the same worker could
    not make its QApplication, and Qt aborts the process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["devjournal-tests"])
    yield
    del app


@pytest.fixture(autouse=True)
def _only_sqlite_touches_open_journals(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test whose code opened, with Python, a database file that one of this
    process's SQLite connections held open (see tests/file_guard.py)."""
    before = len(file_guard.violations)
    file_guard.enabled = request.node.get_closest_marker("connection_of_another_process") is None
    yield
    file_guard.enabled = True
    found = file_guard.violations[before:]
    assert not found, "only SQLite may touch an open journal: " + "; ".join(found)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """After a test's teardown (pytest-qt has closed its widgets and called deleteLater):
    delete every window the test left, now. Qt deletes a ``deleteLater`` object only in an
    event loop, which a test never returns to, so without this every window, dialog and
    their timers lived on to the end of the run, and each later theme change, palette
    change or event had to go through all of them (tests/ui took four times as long)."""
    result = yield
    if "PySide6.QtWidgets" in sys.modules:
        delete_windows()
    # The window freezes the GC once its pages are built (the app's long-lived objects);
    # in a test run they are this test's garbage, so they go back to being collected.
    gc.unfreeze()
    return result


def delete_windows() -> None:
    """Delete the application's top-level widgets and run the deletes now."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThread
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        for thread in widget.findChildren(QThread):  # the backup a closed window started
            thread.wait()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


@pytest.fixture
def clock() -> Clock:
    """A clock stopped at :data:`NOW`."""
    return lambda: NOW


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """App paths inside a temp folder (as ``--home`` gives)."""
    result = resolve_paths(str(tmp_path / "home"))
    result.ensure()
    return result


@pytest.fixture(scope="session")
def journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, migrated, empty journal file, made once per run. A test's new journal is a
    copy of it: copying takes a tenth of the time of creating and migrating one."""
    folder = tmp_path_factory.mktemp("new-journal")
    open_journal(folder / "journal.sqlite", folder / "backups", lambda: NOW).close()
    return folder / "journal.sqlite"


def open_new_journal(template: Path, paths: AppPaths, clock: Clock = lambda: NOW) -> Database:
    """A new, migrated journal at ``paths`` (a copy of :func:`journal_template`)."""
    shutil.copyfile(template, paths.journal)
    return open_journal(paths.journal, paths.backups, clock)


@pytest.fixture
def db(paths: AppPaths, journal_template: Path, clock: Clock) -> Iterator[Database]:
    """A new, migrated journal whose rows are stamped by the fixed clock."""
    database = open_new_journal(journal_template, paths, clock)
    yield database
    database.close()


@pytest.fixture
def services(db: Database, paths: AppPaths) -> Services:
    """Services over :func:`db`, sharing its fixed clock."""
    return build_services(db, paths.backups)


@pytest.fixture(scope="session")
def backed_up_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sample journal with one checked backup, made once per test run."""
    from tests.damage import journal_with_backup

    base = tmp_path_factory.mktemp("backed-up")
    journal_with_backup(base / "made", template=base / "home")
    return base / "home"


@pytest.fixture
def backed_up_home(tmp_path: Path, backed_up_template: Path) -> Path:
    """A copy of :func:`backed_up_template` of this test's own."""
    from tests.damage import journal_with_backup

    return journal_with_backup(tmp_path / "home", template=backed_up_template)
