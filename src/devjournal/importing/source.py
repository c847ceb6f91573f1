"""Reading an import file: size limits, encoding and JSON errors as messages that say where."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from devjournal.domain.errors import ImportProblem

MAX_FILE_BYTES = 512 * 1024**2
"""The largest file read, and the most a zip may unpack to (512 MB; 100,000 jrnl entries
are about 50 MB)."""


def _in_use_by_sqlite(path: Path) -> bool:
    """A database in use (a -wal or -shm beside it), or one's -wal, -shm or -journal.
    No import format is an SQLite file, and opening one that is in use, the journal
    above all, with anything but SQLite would drop this process's locks on it."""
    if path.name.endswith(("-wal", "-shm", "-journal")):
        return True
    return any(path.with_name(path.name + extra).exists() for extra in ("-wal", "-shm"))


def read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or :class:`ImportProblem` saying why it cannot be read."""
    if _in_use_by_sqlite(path):
        raise ImportProblem(
            f"{path.name} is an SQLite database in use (a journal, perhaps this one), not a "
            "file to import. Choose a jrnl, Day One or devjournal export; nothing was imported."
        )
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportProblem(
                f"{path.name} is {size / 1024**2:,.0f} MB; files up to "
                f"{limit / 1024**2:,.0f} MB can be imported."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise ImportProblem(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ImportProblem(f"Cannot read {path}: {exc.strerror or exc}.") from None


def parse_json(data: bytes, name: str) -> Any:
    """JSON from ``data``; a syntax error is reported with its line and column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            f"{name} is not UTF-8 text (byte {exc.start:,} cannot be read); is it the right file?"
        ) from None
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            f"{name}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from None
    except RecursionError:
        raise ImportProblem(f"{name} nests its JSON too deeply to be read.") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ImportProblem(f"{name} holds a number too long to read ({exc}).") from None


def _no_constant(word: str) -> Any:
    raise ImportProblem(
        f"The file uses {word}, which is not a number JSON allows; nothing was imported."
    )
