"""Backups of the journal: consistent copies made with ``VACUUM INTO``, checked with
``PRAGMA quick_check`` before they are renamed into place (a backup is whole or absent),
pruned by ``domain/retention.py`` only after a new one has been checked, and restored by
copying a checked backup over the journal while the journal is closed (the journal it
replaces is kept aside, never deleted)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from devjournal.domain.errors import JournalError
from devjournal.domain.retention import to_keep
from devjournal.files import fsync_dir, private_file

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


@dataclass(frozen=True)
class Backup:
    """A backup file: when it was made, why, and its size."""

    path: Path
    made: datetime
    label: str
    size: int


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


def backup_into(engine: Engine, backups_dir: Path, label: str, at: datetime) -> Path:
    """Copy the journal into ``backups_dir`` (named for the moment ``at``), check the copy,
    then rename it into place: the backup appears whole and checked, or not at all.

    Raises:
        JournalError: the copy failed its check (it was removed).
    """
    from devjournal.storage.engine import run_outside_transaction  # noqa: PLC0415

    backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = backups_dir / backup_name(label, at)
    n = 1
    while final.exists():
        n += 1
        final = backups_dir / backup_name(f"{label}-{n}", at)
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        run_outside_transaction(engine, "VACUUM INTO ?", (str(partial),))
        private_file(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        verdict = quick_check(partial)
        if verdict != "ok":
            raise JournalError(f"The new backup failed its check ({verdict}); it was not kept.")
        partial.replace(final)
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


def prune(backups_dir: Path, now: datetime) -> list[Path]:
    """Remove the backups retention does not keep (and what a killed backup left
    unfinished); returns what was removed."""
    for leftover in backups_dir.glob("*.sqlite.partial"):
        with contextlib.suppress(OSError):
            if now.timestamp() - leftover.stat().st_mtime > STALE_PARTIAL_S:
                leftover.unlink()  # not one being written right now by another process
    backups = list_backups(backups_dir)
    keep = to_keep([b.made for b in backups], now)
    removed = []
    for backup in backups:
        if backup.made not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def restore_backup(backup: Path, journal: Path, now: datetime) -> Path:
    """Put ``backup`` in the journal's place; the journal is closed. The journal it
    replaces is renamed aside first (a name no other file has) and never deleted; returns
    where it went.

    A leftover -wal is first checkpointed into the journal it belongs to, so the journal
    set aside is one whole file; if that fails, the -wal and -shm move aside with it.
    A -wal and -shm without a journal move aside too, so they can never be read as the
    restored journal's log.

    Raises:
        JournalError: the backup failed its check; nothing was changed.
    """
    verdict = quick_check(backup)
    if verdict != "ok":
        raise JournalError(f"{backup.name} failed its check ({verdict}); nothing was changed.")
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
    if journal.exists():
        journal.replace(aside)
    for extra in ("-wal", "-shm"):
        side = journal.with_name(journal.name + extra)
        if side.exists():
            side.replace(aside.with_name(aside.name + extra))
    copy.replace(journal)
    fsync_dir(journal.parent)
    return aside


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


def describe_label(label: str) -> str:
    """Why a backup was made, in words (its file name carries a short label)."""
    upgrade = re.fullmatch(r"before-(\d{4})(-\d+)?", label)
    if upgrade:
        return f"before upgrading the journal (schema {upgrade.group(1)})"
    base = re.sub(r"-\d+$", "", label)  # a second backup in the same second gets "-2"
    if base == "auto":
        return "automatic (the journal had changed)"
    if base == "on-close":
        return "when the window closed"
    if base == "before-import":
        return "before an import"
    if base == "manual":
        return "made by you"
    return base.replace("-", " ")
