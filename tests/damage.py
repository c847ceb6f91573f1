"""Ways a journal file gets damaged on disk, done to a real journal for the tests.

Each function damages ``home/journal.sqlite`` in one of the ways the data-safety issue
names and returns the :class:`~devjournal.storage.recovery.Damage` devjournal should find.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from devjournal.domain.recovery import Damage
from tests.clocks import run


def journal_with_backup(home: Path, *, template: Path | None = None) -> Path:
    """A small sample journal with one checked backup in ``home`` (copied from
    ``template`` when given, which is much faster than making a new one)."""
    if template is not None and template.exists():
        shutil.copytree(template, home)
        return home
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    assert run(["--home", str(home), "backup", "create"]) == 0
    if template is not None:
        shutil.copytree(home, template, ignore=shutil.ignore_patterns("*.lock", "*.sock"))
    return home


def entry_count(journal: Path) -> int:
    """How many log entries ``journal`` holds (deleted ones too)."""
    conn = sqlite3.connect(journal)
    try:
        return int(conn.execute("SELECT count(*) FROM log_entry").fetchone()[0])
    finally:
        conn.close()


def _journal(home: Path) -> Path:
    return home / "journal.sqlite"


def empty_file(home: Path) -> Damage:
    _journal(home).write_bytes(b"")
    return Damage.MISSING


def missing_file(home: Path) -> Damage:
    _journal(home).unlink()
    return Damage.MISSING


def truncated(home: Path) -> Damage:
    path = _journal(home)
    with path.open("rb+") as handle:
        handle.truncate(path.stat().st_size // 2)
    return Damage.TRUNCATED


def bad_header(home: Path) -> Damage:
    """The page size and format bytes of the header overwritten."""
    with _journal(home).open("rb+") as handle:
        handle.seek(16)
        handle.write(b"\xff\x7f\x09\x09\x00\x11\x22\x33")
    return Damage.BAD_HEADER


def not_sqlite(home: Path) -> Damage:
    _journal(home).write_text("Dear diary, today I learned Rust.\n" * 40, encoding="utf-8")
    return Damage.NOT_SQLITE


def tear_root_page(home: Path, table: str) -> None:
    """Overwrite the second half of ``table``'s root page with zeros, as a torn write
    leaves it."""
    path = _journal(home)
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    finally:
        conn.close()
    with path.open("rb+") as handle:
        handle.seek((root - 1) * page_size + page_size // 2)
        handle.write(b"\x00" * (page_size // 2))
        handle.flush()
        os.fsync(handle.fileno())


def torn_page(home: Path) -> Damage:
    """The log entry table's root page (an interior b-tree page in a journal of this
    size) torn."""
    tear_root_page(home, "log_entry")
    return Damage.TORN


def stray_wal(home: Path) -> Damage:
    """A -wal beside the journal that is not its write-ahead log."""
    _journal(home).with_name("journal.sqlite-wal").write_bytes(os.urandom(8192))
    return Damage.STRAY_WAL


STARTS: dict[str, Callable[[Path], Damage]] = {
    "empty file": empty_file,
    "missing file": missing_file,
    "truncated": truncated,
    "bad header": bad_header,
    "not SQLite": not_sqlite,
    "torn page": torn_page,
    "stray -wal": stray_wal,
}
"""Every damaged start the issue names (read-only folder and full disk are not damage:
see the preflight tests)."""
