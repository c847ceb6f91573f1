"""Backups of the journal: consistent copies made with ``VACUUM INTO``, checked with
``PRAGMA quick_check`` before they are renamed into place (a backup is whole or absent),
pruned by ``domain/retention.py`` only after a new one has been checked, and restored by
copying a checked backup over the journal while the journal is closed (the journal it
replaces is kept aside, never deleted)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from devjournal.domain.backups import Backup
from devjournal.domain.errors import JournalError
from devjournal.domain.retention import DEFAULT, Retention, to_keep
from devjournal.files import fsync_dir, private_file
from devjournal.storage.journal_file import (
    not_a_journal,
    read_only_error,
    read_only_reason,
    refuse_links,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

BACKUP_SUFFIX = ".sqlite"
STALE_PARTIAL_S = 600
"""An unfinished backup this old was left by a killed process (a backup takes seconds)."""
_NAME = re.compile(r"^journal-(\d{8}-\d{6})-(.+)\.sqlite$")


def backup_name(label: str, at: datetime) -> str:
    """``journal-20261122-073000-label.sqlite`` (UTC, sorts by time)."""
    stamp = at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return f"journal-{stamp}-{label}{BACKUP_SUFFIX}"


def quick_check(path: Path) -> str:
    """SQLite's ``quick_check`` of the file at ``path``: "ok", or what is wrong."""
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def backup_folder_problem(backups_dir: Path) -> str | None:
    """Why ``backups_dir`` cannot hold backups (a file, or a link to nothing), or None."""
    if backups_dir.is_symlink() and not backups_dir.exists():
        return (
            f"the backup folder {backups_dir} is a link to {backups_dir.readlink()}, "
            "which does not exist"
        )
    if backups_dir.exists() and not backups_dir.is_dir():
        return f"the backup folder {backups_dir} is a file, not a folder"
    return None


_PURPOSES = {
    "before-import": " before importing",
    "before-upgrade": " before upgrading the journal",
}
_OUTCOMES = {
    "before-import": "Nothing was imported; the journal is unchanged.",
    "before-upgrade": "The journal was not upgraded; it is unchanged.",
}


def _failed(label: str, reason: str) -> JournalError:
    """The message for a backup that could not be written, naming what it was for."""
    base = re.sub(r"-\d+$", "", label)
    if re.fullmatch(r"before-\d{4}", base):
        base = "before-upgrade"
    purpose = _PURPOSES.get(base, "")
    outcome = _OUTCOMES.get(base, "The journal is unchanged.")
    return JournalError(f"Could not write the backup{purpose}: {reason}. {outcome}")


def _why_not_written(exc: BaseException, backups_dir: Path) -> str:
    """What stopped a backup being written, in words: a full disk, a folder devjournal
    cannot write in, or what SQLite or the system said."""
    orig = getattr(exc, "orig", exc)
    text = str(orig).strip().rstrip(".")
    code = orig.errno if isinstance(orig, OSError) else None
    if code in (errno.ENOSPC, errno.EDQUOT) or "full" in text:
        return f"the disk holding {backups_dir} is full"
    try:
        read_only_fs = bool(os.statvfs(backups_dir).f_flag & os.ST_RDONLY)
    except OSError:
        read_only_fs = False
    if read_only_fs or code == errno.EROFS:
        return f"the backup folder {backups_dir} is on a read-only file system"
    if not backups_dir.exists() and not os.access(backups_dir.parent, os.W_OK):
        return (
            f"the backup folder {backups_dir} could not be made, because "
            f"{backups_dir.parent} is not writable"
        )
    if code in (errno.EACCES, errno.EPERM) or not os.access(backups_dir, os.W_OK):
        return f"the backup folder {backups_dir} is not writable"
    if isinstance(orig, OSError):
        return f"{orig.strerror or text} ({backups_dir})"
    return f"SQLite could not write it in {backups_dir} ({text})"


def backup_into(engine: Engine, backups_dir: Path, label: str, at: datetime) -> Path:
    """Copy the journal into ``backups_dir`` (named for the moment ``at``), check the copy,
    then rename it into place: the backup appears whole and checked, or not at all.

    Raises:
        JournalError: the backup could not be written (the message says why: a full disk,
            a folder that is not writable, a file in the folder's place) or failed its
            check; nothing is left of it, and the journal is unchanged.
    """
    from sqlalchemy.exc import DBAPIError  # noqa: PLC0415 - the caller has it loaded

    from devjournal.storage.engine import run_outside_transaction  # noqa: PLC0415

    problem = backup_folder_problem(backups_dir)
    if problem is not None:
        raise _failed(label, problem)
    try:
        backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(label, _why_not_written(exc, backups_dir)) from exc
    final = backups_dir / backup_name(label, at)
    n = 1
    while final.exists():
        n += 1
        final = backups_dir / backup_name(f"{label}-{n}", at)
    partial = final.with_name(final.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        run_outside_transaction(engine, "VACUUM INTO ?", (str(partial),))
        private_file(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        verdict = quick_check(partial)
        if verdict != "ok":
            raise JournalError(f"The new backup failed its check ({verdict}); it was not kept.")
        partial.replace(final)
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        raise _failed(label, _why_not_written(exc, backups_dir)) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    fsync_dir(backups_dir)
    return final


def list_backups(backups_dir: Path) -> list[Backup]:
    """The backups in ``backups_dir``, newest first (unfinished ``.partial`` files are not
    backups)."""
    out: list[Backup] = []
    try:
        paths = list(backups_dir.iterdir()) if backups_dir.is_dir() else []
    except OSError:
        return out  # an unreadable folder holds no backups devjournal can use
    for path in paths:
        match = _NAME.match(path.name)
        if match is None:
            continue
        try:
            if not path.is_file():
                continue
            size = path.stat().st_size
        except OSError:
            continue
        made = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        out.append(Backup(path, made, match.group(2), size))
    return sorted(out, key=lambda b: (b.made, b.path.name), reverse=True)


def prune(backups_dir: Path, now: datetime, keep: Retention = DEFAULT) -> list[Path]:
    """Remove the backups retention does not keep (and what a killed backup left
    unfinished); returns what was removed."""
    for leftover in backups_dir.glob("*.sqlite.partial"):
        with contextlib.suppress(OSError):
            if now.timestamp() - leftover.stat().st_mtime > STALE_PARTIAL_S:
                leftover.unlink()  # not one being written right now by another process
    backups = list_backups(backups_dir)
    kept = to_keep([b.made for b in backups], now, keep)
    removed = []
    for backup in backups:
        if backup.made not in kept:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def restore_backup(backup: Path, journal: Path, now: datetime) -> Path | None:
    """Put ``backup`` in the journal's place; the journal is closed. The journal it
    replaces is renamed aside first (a name no other file has) and never deleted; returns
    where it went (None when there was no journal to replace).

    A leftover -wal is first checkpointed into the journal it belongs to, so the journal
    set aside is one whole file; if that fails, the -wal and -shm move aside with it.
    A -wal and -shm without a journal move aside too, so they can never be read as the
    restored journal's log.

    Raises:
        JournalError: the backup failed its check or is not a devjournal journal, the
            journal's place is a link, or the journal is read-only (its permissions, its
            folder); nothing was changed (nothing is created).
    """
    refuse_links(journal)
    read_only = read_only_reason(journal)
    if read_only is not None:
        raise read_only_error(read_only, "nothing was restored")
    verdict = quick_check(backup)
    if verdict != "ok":
        raise JournalError(f"{backup.name} failed its check ({verdict}); nothing was changed.")
    problem = not_a_journal(backup)
    if problem is not None:
        raise JournalError(f"{backup.name} cannot be restored: {problem}. Nothing was changed.")
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    aside = journal.with_name(f"{journal.name}.before-restore-{stamp}")
    n = 1
    while any(aside.with_name(aside.name + x).exists() for x in ("", "-wal", "-shm")):
        n += 1
        aside = journal.with_name(f"{journal.name}.before-restore-{stamp}-{n}")
    copy = journal.with_name(f".{journal.name}.restoring")
    try:
        shutil.copyfile(backup, copy)
        private_file(copy)
        with copy.open("rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            copy.unlink()
        raise
    wal = journal.with_name(journal.name + "-wal")
    if journal.exists() and wal.exists() and wal.stat().st_size > 0:
        _checkpoint(journal)
    replaced = False
    if journal.exists():
        journal.replace(aside)
        replaced = True
    for extra in ("-wal", "-shm"):
        side = journal.with_name(journal.name + extra)
        if side.exists():
            side.replace(aside.with_name(aside.name + extra))
            replaced = True
    copy.replace(journal)
    fsync_dir(journal.parent)
    return aside if replaced else None


def _checkpoint(journal: Path) -> None:
    """Copy what a closed journal's -wal holds into the file (SQLite's own recovery)."""
    try:
        conn = sqlite3.connect(f"file:{quote(str(journal))}", uri=True)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # the -wal then moves aside with the journal, still a readable pair
