"""Finding a damaged journal at start, moving it aside, and finding the newest good backup.

Standard library only: this runs before the window paints, before SQLAlchemy is imported.
Two depths of looking:

- :func:`diagnose` reads the 100-byte header, the file size and the -wal header. It costs
  well under a millisecond whatever the journal's size, so it runs before every start.
- :func:`deep_check` runs SQLite's ``quick_check`` over every page (a 146 MB journal takes
  about 0.1 s warm, 1 s cold), so it runs off the GUI thread after the first paint.

A damaged file is renamed aside (``journal.sqlite.damaged-<stamp>``), never deleted or
written by devjournal; see docs/data-safety.md.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from devjournal.domain.backups import BackupChoice
from devjournal.domain.recovery import Damage, Diagnosis, StartProblem
from devjournal.files import fsync_dir, size_text
from devjournal.storage.backup import list_backups, quick_check
from devjournal.storage.journal_file import (
    SQLITE_MAGIC,
    damage_reason,
    not_a_journal,
    read_only_reason,
)

__all__ = [
    "damage_reason",
    "deep_check",
    "diagnose",
    "from_database_error",
    "newest_good_backup",
    "preflight",
    "set_aside",
    "untouched",
]

HEADER_SIZE = 100
WAL_HEADER_SIZE = 32
WAL_MAGICS = (0x377F0682, 0x377F0683)
MIN_FREE_BYTES = 16 * 1024 * 1024
"""Below this much free space devjournal does not start: a save could fail half-way."""


def _wal(journal: Path) -> Path:
    return journal.with_name(journal.name + "-wal")


def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


def _header_fields_look_valid(header: bytes) -> bool:
    page_size = _page_size(struct.unpack(">H", header[16:18])[0])
    return (
        512 <= page_size <= 65536
        and page_size & (page_size - 1) == 0
        and header[18] in (1, 2)
        and header[19] in (1, 2)
        and header[21:24] == b"\x40\x20\x20"
    )


def _wal_header_problem(wal: Path, page_size: int) -> str | None:
    """Why the -wal beside the journal cannot be its write-ahead log, or None if it can."""
    try:
        with wal.open("rb") as handle:
            head = handle.read(WAL_HEADER_SIZE)
    except OSError:
        return None  # a permission problem, not a stray file: opening the journal says so
    if len(head) < WAL_HEADER_SIZE:
        return None  # SQLite treats a log this short as empty: nothing in it to lose
    magic, _version, wal_page, _seq, _s1, _s2, c1, c2 = struct.unpack(">8I", head)
    if magic not in WAL_MAGICS:
        return "it is not an SQLite write-ahead log"
    if _wal_checksum(head[:24], big_endian=bool(magic & 1)) != (c1, c2):
        return None  # a torn log header: SQLite ignores such a log, as after a power cut
    if wal_page != page_size:
        return f"it was written for pages of {wal_page} bytes; the journal's are {page_size}"
    return None


def _wal_checksum(data: bytes, *, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (fibonacci-weighted sums of 32-bit words)."""
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def diagnose(journal: Path, backups_dir: Path) -> Diagnosis | None:
    """The cheap look before every start: None if nothing is visibly wrong.

    A missing or empty journal is only "missing" when there are backups: otherwise it is
    a first start. A foreign SQLite database is not damage (it is refused, untouched, by
    :func:`~devjournal.storage.journal_file.inspect_journal`).
    """
    wal = _wal(journal)
    if any(p.is_symlink() for p in (journal, wal, journal.with_name(journal.name + "-shm"))):
        return None  # not damage: inspect_journal refuses a link, and nothing is moved
    wal_size = wal.stat().st_size if wal.is_file() else 0
    size = journal.stat().st_size if journal.is_file() else 0
    if size == 0:
        return _no_journal_file(journal, wal, wal_size, backups_dir)
    if journal.is_dir():
        return None  # inspect_journal says so
    try:
        with journal.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:
        return None  # a permission problem, not damage: inspect_journal words it
    if header[:16] != SQLITE_MAGIC:
        return _not_marked_sqlite(header, size)
    return _damaged_database(header, size, wal, wal_size)


def _no_journal_file(
    journal: Path, wal: Path, wal_size: int, backups_dir: Path
) -> Diagnosis | None:
    """What is wrong when the journal is missing or empty: a write-ahead log of
    ``wal_size`` bytes (``wal``) left without it, or backups that say it was there; None for a first
    start."""
    if wal_size > 0:
        return Diagnosis(
            Damage.STRAY_WAL,
            f"The journal file is {'empty' if journal.exists() else 'missing'}, but its "
            f"write-ahead log {wal.name} ({size_text(wal_size)}) is there. A "
            "write-ahead log cannot be opened without the journal it belongs to.",
        )
    if list_backups(backups_dir):
        state = "is empty (0 bytes)" if journal.exists() else "is not there"
        return Diagnosis(
            Damage.MISSING,
            f"The journal file {journal.name} {state}, but there are backups of it.",
        )
    return None


def _not_marked_sqlite(header: bytes, size: int) -> Diagnosis:
    """What a file of ``size`` bytes whose ``header`` does not start with SQLite's mark
    is: a database with its mark overwritten, one cut short inside the mark, or no
    database at all."""
    if len(header) == HEADER_SIZE and _header_fields_look_valid(header):
        return Diagnosis(
            Damage.BAD_HEADER,
            "The first bytes of the file, which mark it as an SQLite database, were overwritten.",
        )
    if SQLITE_MAGIC.startswith(header[: min(len(header), 16)]):
        return Diagnosis(
            Damage.TRUNCATED,
            f"The file is only {size_text(size)} long: it was cut short.",
        )
    return Diagnosis(
        Damage.NOT_SQLITE,
        "The file in the journal's place is not a database at all"
        + (" (it holds text)." if _looks_like_text(header) else "."),
    )


def _damaged_database(header: bytes, size: int, wal: Path, wal_size: int) -> Diagnosis | None:
    """What is wrong with an SQLite file of ``size`` bytes starting with ``header``: a
    damaged or short header, a -wal (``wal``, ``wal_size`` bytes) that is not its own, or
    a file cut short; None when nothing visibly is."""
    if len(header) < HEADER_SIZE:
        return Diagnosis(
            Damage.TRUNCATED, f"The file is only {size_text(size)} long: it was cut short."
        )
    if not _header_fields_look_valid(header):
        return Diagnosis(
            Damage.BAD_HEADER,
            "The database header at the start of the file is damaged (its page size and "
            "format fields make no sense).",
        )
    page_size = _page_size(struct.unpack(">H", header[16:18])[0])
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if wal_size > 0:
        problem = _wal_header_problem(wal, page_size)
        if problem is not None:
            return Diagnosis(
                Damage.STRAY_WAL,
                f"{wal.name} beside the journal does not belong to it: {problem}.",
                journal_kept=True,
            )
    # With a -wal, the file may legitimately lag what the header promises until the log is
    # checkpointed; without one, a file shorter than its header says was cut short.
    expected = pages * page_size
    if wal_size == 0 and valid_for == change_counter and pages > 0 and size < expected:
        return Diagnosis(
            Damage.TRUNCATED,
            f"The file ends at {size_text(size)}, but its header says it holds "
            f"{size_text(expected)}: it was cut short.",
        )
    if size < page_size:
        return Diagnosis(
            Damage.TRUNCATED,
            f"The file is only {size_text(size)} long, less than one page: it was cut short.",
        )
    return None


def _looks_like_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def from_database_error(reason: str) -> Diagnosis:
    """What SQLite's refusal to read the journal (its message, ``reason``) means."""
    text = reason.strip().rstrip(".") or "unknown error"
    if "malformed" in text or "corrupt" in text:
        return Diagnosis(
            Damage.TORN,
            f"Part of the file is damaged: SQLite reports “{text}”. A page was torn or "
            "overwritten, for example by a crash of the disk or a sync service.",
        )
    if "not a database" in text or "file is encrypted" in text:
        return Diagnosis(Damage.BAD_HEADER, f"SQLite cannot read the file as a database: “{text}”.")
    return Diagnosis(
        Damage.UNREADABLE, f"The journal's tables cannot be read: SQLite reports “{text}”."
    )


def deep_check(journal: Path, timeout: float = 5.0) -> Diagnosis | None:
    """SQLite's ``quick_check`` of every page (read-only): None when the file is whole, or
    when it cannot be checked for a reason that is not damage (locked, I/O, permissions),
    which the caller hears about when it reads the journal itself."""
    try:
        conn = sqlite3.connect(f"file:{quote(str(journal))}?mode=ro", uri=True, timeout=timeout)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        reason = damage_reason(exc)
        return None if reason is None else from_database_error(reason)
    if rows == [("ok",)]:
        return None
    verdict = "; ".join(str(r[0]) for r in rows[:5])
    return Diagnosis(
        Damage.TORN,
        f"Part of the file is damaged: SQLite's check reports “{verdict[:300]}”. A page "
        "was torn or overwritten, for example by a crash of the disk or a sync service.",
    )


def set_aside(journal: Path, diagnosis: Diagnosis, now: datetime) -> list[Path]:
    """Rename the damaged file(s) aside, never deleting or writing them; returns the new
    names. For a stray -wal only the -wal (and its -shm) move; otherwise the journal, with
    its -wal and -shm when the -wal holds anything, so SQLite can still read the pair
    later (an empty -wal and the -shm index are rebuilt by SQLite and stay).

    Works while devjournal still has the journal open (POSIX keeps open files by inode).
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    base = journal.with_name(f"{journal.name}.damaged-{stamp}")
    n = 1
    while any(base.with_name(base.name + extra).exists() for extra in ("", "-wal", "-shm")):
        n += 1
        stamp = f"{stamp[:15]}-{n}"
        base = journal.with_name(f"{journal.name}.damaged-{stamp}")
    moved: list[Path] = []
    if diagnosis.journal_kept:
        pairs = [
            (
                journal.with_name(journal.name + extra),
                journal.with_name(f"{journal.name}{extra}.damaged-{stamp}"),
            )
            for extra in ("-wal", "-shm")
        ]
    else:
        pairs = [(journal, base)]
        wal = _wal(journal)
        if wal.is_file() and wal.stat().st_size > 0:  # commits not yet in the file: keep
            pairs += [  # the pair together, so SQLite can still read them as one
                (journal.with_name(journal.name + extra), base.with_name(base.name + extra))
                for extra in ("-wal", "-shm")
            ]
    for source, target in pairs:
        if source.exists():
            source.rename(target)  # same folder: atomic, the bytes are not touched
            moved.append(target)
    fsync_dir(journal.parent)
    return moved


@contextmanager
def untouched(journal: Path) -> Iterator[None]:
    """Close the journal's connections inside this block without SQLite writing to a
    damaged file.

    SQLite checkpoints the -wal into the file when the last connection closes. Here a
    read-only connection is opened first and closed last: while it is open no other
    connection is the last one, and a read-only connection cannot checkpoint, so the
    file and its -wal stay exactly as they were (and are moved aside as a pair).
    """
    keeper: sqlite3.Connection | None = None
    try:
        keeper = sqlite3.connect(f"file:{quote(str(journal))}?mode=ro", uri=True)
        keeper.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.Error:
        pass  # too damaged to read its schema: it holds its lock all the same
    try:
        yield
    finally:
        if keeper is not None:
            keeper.close()


def newest_good_backup(
    backups_dir: Path, check: Callable[[Path], str] = quick_check
) -> BackupChoice:
    """Check backups newest first until one passes; that one is offered."""
    backups = list_backups(backups_dir)
    bad: set[Path] = set()
    for backup in backups:
        if check(backup.path) == "ok" and not_a_journal(backup.path) is None:
            return BackupChoice(backups, backup, frozenset(bad))
        bad.add(backup.path)
    return BackupChoice(backups, None, frozenset(bad))


def preflight(
    folder: Path,
    *,
    journal: Path | None = None,
    disk_usage: Callable[[Path], int] | None = None,
) -> StartProblem | None:
    """Can devjournal write the journal and in its folder? A read-only folder, a journal
    the user made read-only, or a full disk is said plainly before anything is opened;
    nothing is changed (the window does not open a journal it may not save to)."""
    if not folder.is_dir():
        return None  # paths.ensure() creates it, or says why not
    try:
        fd, name = tempfile.mkstemp(prefix=".devjournal-probe-", dir=folder)
        os.close(fd)
        Path(name).unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return _full_disk(folder, 0)
        return StartProblem(
            "The journal's folder is read-only",
            f"devjournal cannot write in {folder} ({reason}). It needs to save your journal "
            "there. Make the folder writable (or remount the disk read-write), or start "
            "devjournal with --home on a folder you can write to.",
        )
    free = disk_usage(folder) if disk_usage is not None else shutil.disk_usage(folder).free
    if free < MIN_FREE_BYTES:
        return _full_disk(folder, free)
    if journal is not None and journal.is_file() and not journal.is_symlink():
        read_only = read_only_reason(journal)
        if read_only is not None:
            return StartProblem(
                "The journal is read-only",
                f"The journal {journal} is read-only ({read_only.reason}). The window saves "
                "every change as you make it, so it does not open a journal it may not write; "
                f"nothing was changed. To change it, {read_only.fix}, then try again. To "
                "read it as it is, use the command line: devjournal info, search, export.",
            )
    return None


def _full_disk(folder: Path, free: int) -> StartProblem:
    return StartProblem(
        "The disk is full",
        f"The disk holding {folder} has {size_text(free)} free. devjournal needs at least "
        f"{size_text(MIN_FREE_BYTES)} to save safely, so it has not opened the journal "
        "(nothing was changed). Free some space, then try again.",
    )
