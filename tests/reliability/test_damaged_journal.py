"""Every damaged start the data-safety issue names is found, the damaged file is moved
aside byte for byte (never deleted), and the newest good backup restores a healthy
journal. A healthy journal, with or without a write-ahead log, is never flagged."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from devjournal.domain.recovery import Damage
from devjournal.storage.backup import backup_name, list_backups, restore_backup
from devjournal.storage.recovery import (
    MIN_FREE_BYTES,
    deep_check,
    diagnose,
    newest_good_backup,
    preflight,
    set_aside,
    untouched,
)
from tests.clocks import NOW, run
from tests.damage import STARTS, entry_count

# Live logs here are held by the test itself, standing in for a window in another process.
pytestmark = pytest.mark.connection_of_another_process


STAMP = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def home(backed_up_home: Path) -> Path:
    return backed_up_home


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(home: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in home.iterdir() if p.is_file() and "journal" in p.name}


def _find(home: Path) -> Damage | None:
    journal = home / "journal.sqlite"
    found = diagnose(journal, home / "backups") or deep_check(journal)
    return None if found is None else found.damage


@pytest.mark.parametrize("damage", list(STARTS.values()), ids=list(STARTS))
def test_each_damaged_start_is_found_without_touching_anything(
    home: Path, damage: Callable[[Path], Damage]
) -> None:
    expected = damage(home)
    before = _snapshot(home)
    assert _find(home) is expected
    after = _snapshot(home)  # looking changes nothing (SQLite may add an empty -shm/-wal)
    assert {name: after[name] for name in before} == before


@pytest.mark.parametrize("damage", list(STARTS.values()), ids=list(STARTS))
def test_the_damaged_file_is_moved_aside_byte_for_byte_and_a_backup_restores(
    home: Path, damage: Callable[[Path], Damage]
) -> None:
    journal = home / "journal.sqlite"
    entries = entry_count(journal)
    damage(home)
    found = diagnose(journal, home / "backups") or deep_check(journal)
    assert found is not None
    before = _snapshot(home)
    moved = set_aside(journal, found, now=STAMP)
    for path in moved:
        original = path.name.replace(".damaged-20261123-080000", "")
        assert "damaged-20261123-080000" in path.name
        assert _digest(path) == before[original]  # renamed, not rewritten
    if found.journal_kept:  # only the stray -wal went; the journal stays and opens
        assert journal.exists() and diagnose(journal, home / "backups") is None
    else:
        assert not journal.exists()
    choice = newest_good_backup(home / "backups")
    assert choice.good is not None and choice.good == list_backups(home / "backups")[0]
    restore_backup(choice.good.path, journal, NOW)
    assert diagnose(journal, home / "backups") is None and deep_check(journal) is None
    assert entry_count(journal) == entries
    assert run(["--home", str(home), "check"]) == 0
    assert all(path.exists() for path in moved)  # still there after the restore


def test_moving_aside_twice_in_one_second_keeps_both(home: Path) -> None:
    journal = home / "journal.sqlite"
    found = diagnose(journal, home / "backups")
    assert found is None
    STARTS["not SQLite"](home)
    first = diagnose(journal, home / "backups")
    assert first is not None
    (one,) = set_aside(journal, first, now=STAMP)
    STARTS["not SQLite"](home)
    (two,) = set_aside(journal, first, now=STAMP)
    assert one != two and one.exists() and two.exists()


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(home: Path) -> None:
    backups = home / "backups"
    (good,) = list_backups(backups)
    newer = backups / backup_name("auto", datetime(2099, 1, 1, tzinfo=UTC))
    newer.write_bytes(good.path.read_bytes()[:5000])  # cut short
    choice = newest_good_backup(backups)
    assert choice.backups[0].path == newer
    assert choice.good == good and choice.bad == frozenset({newer})


def test_no_backups_means_nothing_to_offer(tmp_path: Path) -> None:
    choice = newest_good_backup(tmp_path / "nothing-here")
    assert choice.backups == [] and choice.good is None


def test_a_first_start_is_not_damage(tmp_path: Path) -> None:
    assert diagnose(tmp_path / "journal.sqlite", tmp_path / "backups") is None
    (tmp_path / "journal.sqlite").write_bytes(b"")
    assert diagnose(tmp_path / "journal.sqlite", tmp_path / "backups") is None


def test_a_journal_with_a_live_write_ahead_log_is_healthy(home: Path) -> None:
    """An open journal (the -wal holds commits not yet copied into the main file) is
    what every crash leaves: it must never be taken for damage."""
    journal = home / "journal.sqlite"
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE log_entry SET title = title || ' (edited)' WHERE id < 50")
    conn.commit()
    wal = journal.with_name("journal.sqlite-wal")
    assert wal.stat().st_size > 0
    try:
        assert diagnose(journal, home / "backups") is None
        assert deep_check(journal) is None
    finally:
        conn.close()


def test_a_write_ahead_log_without_its_journal_is_found(home: Path) -> None:
    journal = home / "journal.sqlite"
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE log_entry SET title = title || '!'")
    conn.commit()
    wal = journal.with_name("journal.sqlite-wal")
    kept = wal.read_bytes()
    conn.close()  # checkpoints and removes the -wal: put one back without its journal
    wal.write_bytes(kept)
    journal.unlink()
    found = diagnose(journal, home / "backups")
    assert found is not None and found.damage is Damage.STRAY_WAL and not found.journal_kept


def test_a_read_only_folder_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(**_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    problem = preflight(tmp_path)
    assert problem is not None and problem.title == "The journal's folder is read-only"
    assert "Read-only file system" in problem.detail and str(tmp_path) in problem.detail


def test_a_full_disk_is_said_plainly(tmp_path: Path) -> None:
    problem = preflight(tmp_path, disk_usage=lambda _folder: 3 * 1024**2)
    assert problem is not None and problem.title == "The disk is full"
    assert "3.0 MB free" in problem.detail and "16.0 MB" in problem.detail
    assert preflight(tmp_path, disk_usage=lambda _folder: MIN_FREE_BYTES) is None


def test_a_disk_too_full_to_make_a_file_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(**_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    problem = preflight(tmp_path)
    assert problem is not None and problem.title == "The disk is full"


@pytest.mark.parametrize("page_size", [512, 65536])
def test_healthy_journals_of_any_page_size_with_a_live_log_are_not_damage(
    tmp_path: Path, page_size: int
) -> None:
    journal = tmp_path / "journal.sqlite"
    conn = sqlite3.connect(journal)
    conn.execute(f"PRAGMA page_size={page_size}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 300,)] * 2000)
    conn.commit()
    try:
        assert journal.with_name("journal.sqlite-wal").stat().st_size > 0
        assert diagnose(journal, tmp_path / "backups") is None
        assert deep_check(journal) is None
    finally:
        conn.close()


def test_a_log_sqlite_itself_would_ignore_is_not_called_stray(home: Path) -> None:
    """A -wal shorter than its header, or with a torn header, holds nothing SQLite would
    use (as after a power cut): no alarm."""
    journal = home / "journal.sqlite"
    wal = journal.with_name("journal.sqlite-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 10)
    assert diagnose(journal, home / "backups") is None
    header = bytearray(32)
    header[0:4] = (0x377F0682).to_bytes(4, "big")
    header[8:12] = (4096).to_bytes(4, "big")
    wal.write_bytes(bytes(header) + b"\x00" * 4096)  # its checksum is 0, not the sum
    assert diagnose(journal, home / "backups") is None


def test_a_locked_journal_is_not_damage(home: Path) -> None:
    journal = home / "journal.sqlite"
    holder = sqlite3.connect(journal)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert deep_check(journal, timeout=0.05) is None
    finally:
        holder.rollback()
        holder.close()


def test_two_restores_in_one_second_keep_both_journals_they_replaced(home: Path) -> None:
    journal = home / "journal.sqlite"
    (backup,) = list_backups(home / "backups")
    first = restore_backup(backup.path, journal, NOW)
    second = restore_backup(backup.path, journal, NOW)
    assert first != second and first.exists() and second.exists()


def test_a_restore_keeps_what_a_leftover_log_held_in_the_journal_set_aside(home: Path) -> None:
    journal = home / "journal.sqlite"
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE log_entry SET title = 'kept in the log' WHERE id = 1")
    conn.commit()
    with untouched(journal):  # closed as a crash leaves it: the commit only in the -wal
        conn.close()
    assert journal.with_name("journal.sqlite-wal").stat().st_size > 0
    (backup,) = list_backups(home / "backups")
    aside = restore_backup(backup.path, journal, NOW)
    assert not aside.with_name(aside.name + "-wal").exists()  # one whole file
    check = sqlite3.connect(aside)
    try:
        assert check.execute("SELECT title FROM log_entry WHERE id = 1").fetchone() == (
            "kept in the log",
        )
    finally:
        check.close()
    assert not journal.with_name("journal.sqlite-wal").exists()


def test_closing_a_damaged_journal_writes_nothing_to_it(home: Path) -> None:
    """The app closes a damaged journal inside ``untouched``: SQLite's checkpoint on the
    last close is skipped, so the file and its -wal are moved aside as they were."""
    journal = home / "journal.sqlite"
    writer = sqlite3.connect(journal)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE log_entry SET title = title || '!'")
    writer.commit()
    reader = sqlite3.connect(journal)
    reader.execute("SELECT count(*) FROM log_entry").fetchall()
    wal = journal.with_name("journal.sqlite-wal")
    before = (_digest(journal), _digest(wal))
    with untouched(journal):
        writer.close()
        reader.close()
    assert (_digest(journal), _digest(wal)) == before
