"""File helpers: private permissions and atomic writes."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path


def private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) readable by the owner only.

    A folder that already exists is left as it is: ``--home`` may name a folder the user
    shares or keeps read-only on purpose, and devjournal must not change that.
    """
    if path.is_dir():
        return
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)


def private_file(path: Path) -> None:
    """Make ``path`` readable and writable by the owner only."""
    path.chmod(0o600)


def fsync_dir(path: Path) -> None:
    """Flush a directory entry so a rename survives a power cut (no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file, fsync and rename: all or nothing, 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o600)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


JOURNAL_FILE = re.compile(
    r"\.sqlite(-wal|-shm|-journal)?$|\.sqlite\.(before-restore|damaged)-", re.IGNORECASE
)
"""The names devjournal gives a journal, its log files, its backups and the journals it
sets aside: never the name of an export."""


def export_target_problem(path: Path) -> str | None:
    """Why an export must not be written to ``path`` (the journal, its -wal or -shm, a
    backup, a journal set aside: a file of that name is a whole journal an export would
    replace); None when it may. Decided by the name alone: the file is not opened, since
    only SQLite opens a journal."""
    if JOURNAL_FILE.search(path.name):
        return (
            f"{path.name} is a journal file (an SQLite database or its log), and an export "
            "never replaces one. Choose another name"
        )
    return None


def write_export(path: Path, data: bytes) -> None:
    """Write an export (a report, a calendar, the journal as JSON, an image) to the file
    the user chose, atomically (0600); every export is written through this.

    Raises:
        OSError: the file could not be written, or its name is a journal file's
            (``strerror`` says so, as a sentence without its full stop).
    """
    problem = export_target_problem(path)
    if problem is not None:
        raise PermissionError(errno.EPERM, problem, str(path))
    atomic_write_bytes(path, data)


def atomic_write_text(path: Path, text: str) -> None:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def size_text(n: int) -> str:
    """A file size for people: ``512 bytes``, ``448 KB``, ``3.4 MB``."""
    if n >= 1024**2:
        return f"{n / 1024**2:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
