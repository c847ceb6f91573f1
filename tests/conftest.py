"""Shared fixtures. Every test gets its own journal folder; the real one is never touched."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
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


@pytest.fixture(autouse=True)
def _only_sqlite_touches_open_journals() -> Iterator[None]:
    """Fails a test whose code opened, with Python, a database file that one of this
    process's SQLite connections held open (see tests/file_guard.py)."""
    before = len(file_guard.violations)
    yield
    found = file_guard.violations[before:]
    assert not found, "only SQLite may touch an open journal: " + "; ".join(found)


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


@pytest.fixture
def db(paths: AppPaths, clock: Clock) -> Iterator[Database]:
    """A new, migrated journal whose rows are stamped by the fixed clock."""
    database = open_journal(paths.journal, paths.backups, clock)
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
