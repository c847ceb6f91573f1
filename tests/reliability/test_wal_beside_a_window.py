"""Only SQLite touches an open journal: a command run beside the window must never delete
the window's WAL (issue 14.1).

The window's process opens a plain reader first (Today paints from it), then loads the
services, which look at the file again. If that look opens the file with Python, closing
that descriptor drops every POSIX lock the process holds on the journal; the next command
that closes the journal then believes it is the last user, checkpoints and deletes the
-wal and -shm the window still writes to. Writes after that are lost when the window dies.
The guard in tests/file_guard.py fails every test here on the old code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import ImportProblem
from devjournal.domain.models import LogEntryDraft
from devjournal.importing.source import read_bytes
from devjournal.paths import AppPaths
from devjournal.services.changes import Changes
from devjournal.services.container import Services, open_services
from devjournal.storage import today_query
from devjournal.storage.journal_file import FileState, inspect_journal
from devjournal.storage.recovery import deep_check
from tests.clocks import NOW, run, stopped


def _held(journal: Path) -> list[str]:
    """The journal's files this process has open (as /proc names them)."""
    out = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith(str(journal)):
            out.append(target)
    return out


def _entry(title: str) -> LogEntryDraft:
    return LogEntryDraft(
        kind=EntryKind.REFLECTION,
        occurred_at=NOW - timedelta(hours=1),
        title=title,
        body="Written beside a command.",
    )


def _command(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DEVJOURNAL_HOME", None)
    return subprocess.run(
        [sys.executable, "-m", "devjournal", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.fixture
def window_like(paths: AppPaths) -> Iterator[Services]:
    """A journal opened the way the window opens it: the Today reader first, then the
    services (which look at the file once more) while the reader stays open."""
    assert run(["--home", str(paths.data_dir), "sample", "--size", "small"]) == 0
    assert inspect_journal(paths.journal).state is FileState.CURRENT  # no connection yet
    reader = today_query.connect(paths.journal)
    today_query.read_today(reader, NOW.date(), NOW)
    db, services = open_services(paths.journal, paths.backups, stopped())
    yield services
    db.close()
    reader.close()


def test_loading_the_services_beside_the_reader_reads_the_file_only_through_sqlite(
    window_like: Services,
) -> None:
    assert window_like.journal.info().counts["log_entries"] > 0


def test_whatever_the_window_may_run_meanwhile_touches_the_journal_only_through_sqlite(
    window_like: Services, paths: AppPaths
) -> None:
    services = window_like
    services.mentorship.add_entry(_entry("before the checks"))
    assert inspect_journal(paths.journal).state is FileState.CURRENT
    assert deep_check(paths.journal) is None
    services.journal.backup("manual")
    assert services.journal.check().healthy
    services.journal.info()
    for live in (paths.journal, paths.journal.with_name("journal.sqlite-wal")):
        with pytest.raises(ImportProblem, match="SQLite database in use"):
            read_bytes(live)  # File → Import, pointed at the journal by mistake


def test_a_command_beside_an_open_journal_leaves_its_wal_alone(
    window_like: Services, paths: AppPaths
) -> None:
    services = window_like
    services.mentorship.add_entry(_entry("written before the command"))
    wal = paths.journal.with_name("journal.sqlite-wal")
    assert str(wal) in _held(paths.journal)

    done = _command(paths.data_dir, "info")
    assert done.returncode == 0, done.stderr

    assert wal.exists(), "the command deleted the window's write-ahead log"
    assert not [t for t in _held(paths.journal) if t.endswith("(deleted)")]
    services.mentorship.add_entry(_entry("written after the command"))
    found = _command(paths.data_dir, "search", '"written after the command"', "--json")
    assert found.returncode == 0, found.stderr
    assert "written after the command" in found.stdout


def test_the_window_hears_of_a_commit_made_elsewhere_and_not_of_its_own(
    window_like: Services, paths: AppPaths
) -> None:
    services = window_like
    assert not services.journal.changes_from_elsewhere()
    services.mentorship.add_entry(_entry("our own"))
    assert not services.journal.changes_from_elsewhere()
    done = _command(paths.data_dir, "import", "devjournal", "/nonexistent.json")
    assert done.returncode != 0  # a refused import writes nothing
    assert not services.journal.changes_from_elsewhere()
    for reading in (("info",), ("check",), ("backup", "create"), ("export", "checkins")):
        done = _command(paths.data_dir, *reading)
        assert done.returncode == 0, done.stderr
        assert not services.journal.changes_from_elsewhere(), reading  # no news
    other, elsewhere = open_services(paths.journal, paths.backups, stopped())
    try:
        elsewhere.mentorship.add_entry(_entry("from another program"))
    finally:
        other.close()
    assert Changes.ENTRIES in services.journal.changes_from_elsewhere()
    assert not services.journal.changes_from_elsewhere()  # told once
    # A commit elsewhere just before one of ours is not taken for ours.
    other, elsewhere = open_services(paths.journal, paths.backups, stopped())
    try:
        elsewhere.mentorship.add_entry(_entry("also from elsewhere"))
    finally:
        other.close()
    services.mentorship.add_entry(_entry("ours, right after"))
    assert Changes.ENTRIES in services.journal.changes_from_elsewhere()
