"""SIGKILL during a backup, a migration or an export: the journal stays valid, and the backup or the
export file is either absent or complete (never a torn file under its final name)."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from devjournal.storage.backup import list_backups, quick_check
from devjournal.storage.journal_file import HEAD_REVISION, KNOWN_REVISIONS
from tests.clocks import NOW, run
from tests.e2e.conftest import app_env

DELAYS = (0.3, 0.6, 0.9, 1.2)
REVISION_0007 = importlib.import_module(
    "devjournal.storage.migrations.versions.0007_outreach_coaches_direction"
)
REVISION_0008 = importlib.import_module(
    "devjournal.storage.migrations.versions.0008_feedback_in_search"
)
NEW_CHECKSUMS = (
    "sprint", "milestone", "checkin", "coaching_session", "action_item", "mentor",
    "mentor_link", "tag",
)  # fmt: skip
"""The tables revision 0004 gave a checksum column."""


@pytest.fixture(scope="module")
def decade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("decade") / "home"
    assert run(["--home", str(home), "sample", "--size", "decade"]) == 0
    return home


def _kill_after(args: list[str], delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "devjournal", *args],
        env=app_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS)
def test_a_killed_backup_is_absent_or_whole(decade: Path, delay: float) -> None:
    _kill_after(["--home", str(decade), "backup", "create"], delay)
    for backup in list_backups(decade / "backups"):
        assert quick_check(backup.path) == "ok", backup.path.name
    long_ago = NOW.timestamp() - 3600  # an hour before "now" by the command line's clock
    for partial in (decade / "backups").glob("*.partial"):  # as if left long ago
        os.utime(partial, (long_ago, long_ago))
    assert run(["--home", str(decade), "backup", "create"]) == 0  # and the next one tidies up
    assert not list((decade / "backups").glob("*.partial"))
    assert run(["--home", str(decade), "check"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS)
def test_a_killed_export_is_absent_or_whole(decade: Path, tmp_path: Path, delay: float) -> None:
    target = tmp_path / "journal.json"
    _kill_after(["--home", str(decade), "export", "journal", "-o", str(target)], delay)
    if target.exists():
        assert json.loads(target.read_text(encoding="utf-8"))["format"] == "devjournal-journal"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "journal.json"]
    # A kill can leave the hidden temp file behind, never a torn file under the real name.
    assert all(name.startswith(".journal.json.") and name.endswith(".tmp") for name in leftovers)
    assert run(["--home", str(decade), "check"]) == 0


@pytest.fixture(scope="module")
def outdated(decade: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The decade journal as schema 0002 left it (what the downgrades of revisions 0008,
    0007, 0006, 0005, 0004 and 0003 do), so opening it migrates 10,000 log entries."""
    home = tmp_path_factory.mktemp("outdated") / "home"
    home.mkdir()
    shutil.copyfile(decade / "journal.sqlite", home / "journal.sqlite")
    con = sqlite3.connect(home / "journal.sqlite")
    with con:
        for statement in REVISION_0008.undo_rank():
            con.execute(statement)
        for trigger in REVISION_0008.ENTRY_TRIGGERS + REVISION_0008.FEEDBACK_TRIGGERS:
            con.execute(f"DROP TRIGGER {trigger}")
        con.execute("DROP TABLE log_entry_fts")
        for statement in REVISION_0008.BEFORE:
            con.execute(statement)
        con.execute("DROP TABLE outreach")
        con.execute("DROP INDEX ix_sprint_coach")
        for table, added in REVISION_0007.ADDED.items():
            for name, _ in added:
                con.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
        con.execute("DROP TABLE coach")
        con.execute("DROP TABLE aim")
        _checksums_before_0007(con)
        con.execute("DROP TABLE feedback")
        con.execute("DROP INDEX ix_log_entry_trying")
        con.execute("DROP INDEX ix_log_entry_feedback")
        con.execute("DROP TABLE assessment")
        for table in NEW_CHECKSUMS:
            con.execute(f"ALTER TABLE {table} DROP COLUMN checksum")
        con.execute("DROP INDEX ix_log_entry_import_key")
        con.execute("ALTER TABLE log_entry DROP COLUMN import_key")
        con.execute("UPDATE alembic_version SET version_num = '0002'")
    con.close()
    return home


def _checksums_before_0007(con: sqlite3.Connection) -> None:
    """The checksums of sprint, goal and mentor as they were before 0007 covered its
    columns (what revision 0007's downgrade gives back)."""
    factory = con.text_factory
    con.text_factory = bytes
    try:
        for table, covered in REVISION_0007.OLD.items():
            updates = [
                (REVISION_0007._sum(covered, values), rowid)
                for rowid, values, _ in REVISION_0007._rows(con, table, covered)
                if values is not None
            ]
            con.executemany(f"UPDATE {table} SET checksum = ? WHERE rowid = ?", updates)
    finally:
        con.text_factory = factory


def _revision_and_entries(journal: Path) -> tuple[str, int]:
    con = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        entries = con.execute("SELECT count(*) FROM log_entry").fetchone()[0]
        return str(revision), int(entries)
    finally:
        con.close()


def _kill_when(args: list[str], moment: Callable[[], bool]) -> None:
    """Start devjournal and SIGKILL it as soon as ``moment()`` is true."""
    child = subprocess.Popen(
        [sys.executable, "-m", "devjournal", *args],
        env=app_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not moment() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


def _backups(home: Path, pattern: str) -> Callable[[], bool]:
    return lambda: any((home / "backups").glob(pattern))


def _after(seconds: float) -> Callable[[], bool]:
    started = time.monotonic()
    return lambda: time.monotonic() - started > seconds


MOMENTS: dict[str, Callable[[Path], Callable[[], bool]]] = {
    "while it starts": lambda _home: _after(0.2),
    "while it backs up": lambda home: _backups(home, f"*-before-{HEAD_REVISION}.sqlite.partial"),
    "as the migration begins": lambda home: _backups(home, f"*-before-{HEAD_REVISION}.sqlite"),
}


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(MOMENTS), ids=list(MOMENTS))
def test_a_killed_migration_leaves_the_old_or_the_new_journal_whole(
    outdated: Path, tmp_path: Path, moment: str
) -> None:
    home = tmp_path / "home"
    shutil.copytree(outdated, home)
    _, entries = _revision_and_entries(home / "journal.sqlite")
    _kill_when(["--home", str(home), "info"], MOMENTS[moment](home))  # opening migrates
    revision, left = _revision_and_entries(home / "journal.sqlite")
    assert revision in KNOWN_REVISIONS[1:] and left == entries  # each revision whole
    assert quick_check(home / "journal.sqlite") == "ok"
    for backup in list_backups(home / "backups"):
        assert quick_check(backup.path) == "ok", backup.path.name
    assert run(["--home", str(home), "check"]) == 0  # migrates what was left, then checks
    assert _revision_and_entries(home / "journal.sqlite") == (HEAD_REVISION, entries)
