"""Recognising a journal file, with the standard library only (no SQLAlchemy).

This runs on every start before anything else touches the file, and it must be cheap:
start-up imports SQLAlchemy only when it has to migrate.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from devjournal.domain.errors import DamagedJournalError, JournalError

APPLICATION_ID = 0x646A726E  # "djrn": marks a SQLite file as a devjournal journal

# Every revision this version ships, oldest first. A test checks this against Alembic's
# scripts, so start-up can decide "nothing to migrate" without importing Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(Enum):
    """What a journal file is, as seen before opening it for writing."""

    NEW = "new"
    CURRENT = "current"
    OUTDATED = "outdated"


@dataclass(frozen=True)
class Inspection:
    """The result of :func:`inspect_journal`."""

    state: FileState
    revision: str | None


def damage_reason(exc: BaseException) -> str | None:
    """SQLite's message when ``exc`` (or the driver error SQLAlchemy wraps in ``orig``)
    says the file's contents cannot be read; None for a lock, a full disk, permissions,
    an I/O error or anything else that is not damage to the file."""
    orig = exc if isinstance(exc, sqlite3.DatabaseError) else getattr(exc, "orig", None)
    if not isinstance(orig, sqlite3.DatabaseError):
        return None
    text = str(orig)
    damage = ("malformed", "corrupt", "not a database", "no such table", "no such column")
    return text if any(word in text for word in damage) else None


def unreadable(path: Path, exc: sqlite3.Error) -> JournalError:
    """The error for SQLite refusing to read ``path``: damage, or a plain problem."""
    reason = damage_reason(exc)
    if reason is not None:
        return DamagedJournalError(
            f"The journal {path} is damaged or not a database ({exc}). It was left unchanged.",
            reason,
        )
    return JournalError(f"Cannot read the journal {path}: {exc}. It was left unchanged.")


def inspect_journal(path: Path) -> Inspection:
    """Look at ``path`` read-only and say whether devjournal can open it.

    Only SQLite reads the file here: this runs while the window's own connection may be
    open (the services load after the first paint), and on POSIX closing any other
    descriptor of the file would drop every lock the process holds on it, so another
    process closing the journal would take itself for the last one and delete the WAL.

    Raises:
        JournalError: the file is not a devjournal journal, is damaged, or was written by a
            newer devjournal. The file is not changed.
    """
    if not path.exists() or path.stat().st_size == 0:
        return Inspection(FileState.NEW, None)
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    if not os.access(path, os.R_OK):
        raise JournalError(f"Cannot read the journal {path}: permission denied.")
    # With no WAL file beside it, the file alone is the whole database: "immutable" reads it
    # without creating -wal/-shm files. A leftover WAL must be honoured, so then plain ro.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    if objects == 0 and app_id == 0 and user_version == 0:
        return Inspection(FileState.NEW, None)  # an empty SQLite file: nobody's data yet
    if app_id != APPLICATION_ID or revision is None:
        raise JournalError(
            f"{path} is an SQLite database but not a devjournal journal. It was left unchanged."
        )
    if revision == HEAD_REVISION:
        return Inspection(FileState.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return Inspection(FileState.OUTDATED, revision)
    raise JournalError(
        f"This journal was written by a newer devjournal (schema {revision}; this version "
        f"knows up to {HEAD_REVISION}). Update devjournal to open it. The file was left "
        "unchanged."
    )


def check_writable(folder: Path) -> None:
    """Raise :class:`JournalError` if devjournal cannot write in the journal's folder."""
    if not os.access(folder, os.W_OK):
        raise JournalError(
            f"The journal folder {folder} is read-only. devjournal needs to write there."
        )
