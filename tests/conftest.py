"""Shared fixtures. Every test gets its own journal folder; the real one is never touched."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Set once, before Qt is imported anywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DEVJOURNAL_HOME", None)
# Local time is UTC in tests, so "today" and "tomorrow" do not depend on the machine.
os.environ["TZ"] = "UTC"
time.tzset()

from devjournal.domain.clock import Clock  # noqa: E402
from devjournal.paths import AppPaths, resolve_paths  # noqa: E402
from devjournal.services.container import Services, build_services  # noqa: E402
from devjournal.storage.database import Database, open_journal  # noqa: E402

# A fixed "now": Wednesday 18 November 2026, 09:30 UTC.
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


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
def db(paths: AppPaths) -> Iterator[Database]:
    """A new, migrated journal."""
    database = open_journal(paths.journal, paths.backups)
    yield database
    database.close()


@pytest.fixture
def services(db: Database, paths: AppPaths, clock: Clock) -> Services:
    """Services over :func:`db` with the fixed clock."""
    return build_services(db, paths.backups, clock)
