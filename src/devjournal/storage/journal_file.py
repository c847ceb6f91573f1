"""Recognising a journal file, with the standard library only (no SQLAlchemy).

This runs on every start before anything else touches the file, and it must be cheap:
start-up imports SQLAlchemy only when it has to migrate.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from devjournal.domain.errors import DamagedJournalError, JournalError

APPLICATION_ID = 0x646A726E  # "djrn": marks a SQLite file as a devjournal journal

# Every revision this version ships, oldest first. A test checks this against Alembic's
# scripts, so start-up can decide "nothing to migrate" without importing Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_MAGIC = b"SQLite format 3\x00"


class NewerJournalError(JournalError):
    """A journal written by a newer devjournal (a schema revision this one does not know)."""


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
    refuse_links(path)
    if not path.exists() or path.stat().st_size == 0:
        return Inspection(FileState.NEW, None)
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    if not os.access(path, os.R_OK):
        raise JournalError(f"Cannot read the journal {path}: permission denied.")
    # With no WAL file beside it, the file alone is the whole database: "immutable" reads it
    # without creating -wal/-shm files. A leftover WAL must be honoured, so then plain ro.
    mode = "mode=ro" if _wal(path).exists() else "mode=ro&immutable=1"
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
    raise NewerJournalError(
        f"This journal was written by a newer devjournal (schema {revision}; this version "
        f"knows up to {HEAD_REVISION}). Update devjournal to open it. The file was left "
        "unchanged."
    )


def not_a_journal(path: Path) -> str | None:
    """Why the file at ``path`` is not a devjournal journal this version can open (in a
    few words), or None when it is one (at any schema revision this version knows)."""
    try:
        inspection = inspect_journal(path)
    except DamagedJournalError as exc:
        return f"it cannot be read as a database ({exc.reason})"
    except NewerJournalError:
        return "it was written by a newer devjournal"
    except JournalError:
        return "it is not a devjournal journal"
    if inspection.state is FileState.NEW:
        return "it holds no journal (it is empty)"
    return None


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def refuse_links(path: Path) -> None:
    """Refuse a journal (or its -wal or -shm) that is a symbolic link.

    SQLite follows a link and writes, and creates its -wal and -shm, wherever it points,
    outside the journal's folder; a restore or a damaged file set aside would move the
    link and not the journal. The journal is a plain file in its folder; to keep it
    elsewhere, ``--home`` names that folder (a home folder that is itself a link is fine:
    it is resolved once, at start).

    Raises:
        JournalError: one of them is a link; nothing was read or written.
    """
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        side = path.with_name(name)
        if side.is_symlink():
            target = side.readlink()
            raise JournalError(
                f"{side} is a symbolic link (to {target}), not the journal itself. devjournal "
                "keeps the journal as a plain file in its folder and does not follow links. "
                "To keep the journal in another folder, start devjournal with --home on that "
                "folder. Nothing was changed."
            )


@dataclass(frozen=True)
class ReadOnly:
    """Why devjournal must not write a journal, and what the user can do about it."""

    reason: str
    fix: str


def read_only_reason(path: Path) -> ReadOnly | None:
    """Why devjournal must not write the journal at ``path``; None if it may.

    A journal whose owner may not write it (its permissions, such as 0444, say so: the
    user made it read-only, and devjournal respects that even when running as root), one
    this process may not write, or one on a read-only file system. A folder devjournal
    cannot write in makes the journal read-only too: SQLite needs to create the -wal and
    -shm files beside it to write.
    """
    folder = path.parent
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None:
        if not mode & stat.S_IWUSR:
            return ReadOnly(
                f"its permissions are {stat.S_IMODE(mode):04o}",
                f"make it writable (chmod u+w {path})",
            )
        if not os.access(path, os.W_OK):
            if _on_read_only_fs(path):
                return ReadOnly("it is on a read-only file system", "remount the disk read-write")
            return ReadOnly(
                "you do not have permission to write it", f"make {path} yours and writable"
            )
    if not os.access(folder, os.W_OK):
        if _on_read_only_fs(folder):
            return ReadOnly(
                f"its folder {folder} is on a read-only file system",
                "remount the disk read-write",
            )
        return ReadOnly(
            f"you do not have permission to write in its folder {folder}",
            "make the folder writable",
        )
    return None


def _on_read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def read_only_error(read_only: ReadOnly, what: str = "nothing was changed") -> JournalError:
    """The message for a write refused because the journal is read-only."""
    return JournalError(
        f"The journal is read-only ({read_only.reason}): {what}. To change it, {read_only.fix}."
    )


def read_uri(path: Path) -> str:
    """An SQLite URI that reads the journal at ``path`` and never writes anything.

    A read-only connection still creates the -wal and -shm files beside the journal (and
    cannot remove them when it closes); where devjournal must not or cannot write (a
    read-only journal or folder), that fails ("unable to open database file", "attempt to
    write a readonly database"). With no -wal file the journal file alone is the whole
    database, so then it is read as immutable: nothing is created. A -wal holding commits
    must be honoured, so with one it is opened ``mode=ro``.
    """
    uri = f"file:{quote(str(path))}?mode=ro"
    if read_only_reason(path) is not None and not _wal(path).exists():
        uri += "&immutable=1"
    return uri


def check_writable(folder: Path) -> None:
    """Raise :class:`JournalError` if devjournal cannot write in the journal's folder."""
    if not os.access(folder, os.W_OK):
        raise JournalError(
            f"The journal folder {folder} is read-only. devjournal needs to write there."
        )
