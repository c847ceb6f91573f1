"""Reading an import file: size limits, encoding and JSON errors as messages that say where,
and a budget for what parsing the JSON may cost, counted before it is parsed."""

from __future__ import annotations

import json
import operator
import re
from itertools import accumulate, count
from pathlib import Path
from typing import Any

from devjournal.domain.errors import ImportProblem
from devjournal.domain.imports import problem

MAX_FILE_BYTES = 512 * 1024**2
"""The largest file read, and the most a zip may unpack to (512 MB; 100,000 jrnl entries
are about 50 MB)."""
MAX_JSON_VALUES = 10_000_000
"""The most JSON values (objects, arrays, strings and keys, numbers, true, false, null) an
import may hold: a jrnl export of 100,000 entries holds 1,500,000, a Day One entry with a
photo, a place and the weather about 100. Each costs Python 50-100 bytes once parsed: 50 MB
of ``{}`` took 1.3 GB, a zip of 511 MB of them 13 GB, before this bound."""
MAX_JSON_STRING_BYTES = 16 * 1024**2
"""The longest string (as written, escapes included) an import may hold: the longest field
a journal keeps is 200,000 characters (2.4 MB written as escapes), and Day One's
``richText`` spells an entry out again with its formatting. One string of 511 MB took
4.5 GB to read before this bound."""
MAX_JSON_DEPTH = 16
"""How deeply JSON kept as text in a field (a session's ``questions``) may nest: the format
nests two levels. (The file itself may nest as deeply as Python's reader goes.)"""
WINDOW = 1024**2
"""The bytes :class:`JsonBudget` counts at a time (no more than a string may be long: a
string within one window is not measured)."""


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


_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SCALAR_MASK = bytes(b"x"[0] if b in b"-+.0123456789eEtrufalsn" else b" "[0] for b in range(256))
"""Bytes that make up numbers, true, false and null as ``x``, any other as a space."""
_DOUBLED = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")
"""An opening bracket as 2, a closing one as 0: a running sum less the count is the depth."""


class JsonBudget:
    """What parsing a JSON document would cost, counted from its bytes as they come,
    without parsing it: a document past :data:`MAX_JSON_VALUES`, or with a string past
    :data:`MAX_JSON_STRING_BYTES`, is refused with :class:`ImportProblem` as soon as that
    is known, before ``json.loads`` spends the memory (the Day One reader counts a zip's
    member while it unpacks it). ``spent`` is what earlier documents (the other members of
    a zip) took from the same budget.

    Each window of :data:`WINDOW` bytes is first counted with ``bytes.count``, an upper
    bound (quotes, brackets and commas inside strings count too). Only when that bound
    passes the budget, or a whole window has no quote that can end a string (it is inside
    a long one), is the document counted exactly, from its start, strings told apart.
    """

    def __init__(self, name: str, spent: int = 0) -> None:
        self.name = name
        self._spent = spent
        self._bound = spent
        self._exact: _Exact | None = None
        self._counted = 0

    @property
    def values(self) -> int:
        """The values counted so far (an upper bound unless counted exactly)."""
        return self._bound if self._exact is None else self._exact.values

    def count(self, document: bytes | bytearray) -> None:
        """Count what is new in ``document`` (all of it read so far), a whole window at a
        time; the rest waits for more bytes or for :meth:`final`."""
        self._count(document, final=False)

    def final(self, document: bytes | bytearray) -> None:
        """Count the rest of ``document``, which is complete."""
        self._count(document, final=True)

    def _count(self, document: bytes | bytearray, *, final: bool) -> None:
        end = len(document) if final else len(document) - len(document) % WINDOW
        for start in range(self._counted, end, WINDOW):
            stop = min(start + WINDOW, end)
            if self._exact is None:
                if self._within_bound(document, start, stop):
                    continue
                self._exact = _Exact(self.name, self._spent)
                for before in range(0, start, WINDOW):
                    self._exact.feed(bytes(document[before : before + WINDOW]))
            self._exact.feed(bytes(document[start:stop]))
        self._counted = max(self._counted, end)

    def _within_bound(self, document: bytes | bytearray, start: int, stop: int) -> bool:
        quotes = document.count(b'"', start, stop)
        opens = document.count(b"[", start, stop) + document.count(b"{", start, stop)
        self._bound += quotes // 2 + 2 * opens + document.count(b",", start, stop) + 1
        in_a_string = stop - start == WINDOW and quotes <= document.count(b'\\"', start, stop)
        return self._bound <= MAX_JSON_VALUES and not in_a_string


class _Exact:
    """Values, long strings and (given ``depth``) nesting, counted exactly: the strings are
    taken out first (one that goes on past a chunk is kept for the next chunk)."""

    def __init__(self, name: str, spent: int = 0, depth: int | None = None) -> None:
        self.name = name
        self.values = spent
        self.max_depth = depth
        self.depth = 0
        # A string the last chunk ended in: its bytes so far, and a stand-in for it (its
        # quote, and a backslash if it ended in one that escapes the next byte).
        self._open_bytes = 0
        self._open_string = b""

    def feed(self, chunk: bytes) -> None:
        data = self._open_string + chunk
        rest, strings = _STRING.subn(b"", data)
        if self._open_string:
            closed = _STRING.match(data)
            if closed is not None:
                self._check_length(self._open_bytes + closed.end() - len(self._open_string))
        quote = rest.find(b'"')  # a string that goes on past this chunk
        if quote >= 0:
            tail = data[len(data) - (len(rest) - quote) :]
            continued = len(tail) == len(data) and bool(self._open_string)
            self._open_bytes = self._open_bytes + len(chunk) if continued else len(tail)
            self._check_length(self._open_bytes)
            backslashes = len(tail) - len(tail.rstrip(b"\\"))
            self._open_string = b'"\\' if backslashes % 2 else b'"'
            rest = rest[:quote]
        else:
            self._open_string, self._open_bytes = b"", 0
        brackets = rest.translate(None, _NOT_BRACKETS)
        opens = brackets.count(b"[") + brackets.count(b"{")
        self.values += strings + opens + (b" " + rest.translate(_SCALAR_MASK)).count(b" x")
        if self.values > MAX_JSON_VALUES:
            raise ImportProblem(
                f"{self.name} is too large to import: it holds more than "
                f"{MAX_JSON_VALUES:,} JSON values, far more than any journal needs (one of "
                "100,000 entries holds about 1,500,000). "
                "Nothing was imported."
            )
        if self.max_depth is not None and brackets:
            steps = accumulate(brackets.translate(_DOUBLED))
            if self.depth + max(map(operator.sub, steps, count(1))) > self.max_depth:
                raise problem(self.name, f"nests its JSON more than {self.max_depth} levels deep")
        self.depth += 2 * opens - len(brackets)

    def _check_length(self, written: int) -> None:
        if written > MAX_JSON_STRING_BYTES:
            self._too_long()

    def _too_long(self) -> None:
        raise ImportProblem(
            f"{self.name} is too large to import: it holds a text of more than "
            f"{MAX_JSON_STRING_BYTES // 1024**2} MB, and no field of a journal is that long. "
            "Nothing was imported."
        )


def check_nested_json(text: str, where: str) -> None:
    """Refuse JSON kept as text in a field (``where``) that nests past
    :data:`MAX_JSON_DEPTH` levels, before anything parses it (Python's reader ends in
    RecursionError past a thousand)."""
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH:
        _Exact(where, depth=MAX_JSON_DEPTH).feed(text.encode("utf-8", "surrogatepass"))


def parse_json(data: bytes | bytearray, name: str, *, counted: bool = False) -> Any:
    """JSON from ``data``, within the budget of :class:`JsonBudget` (``counted``: the
    caller has counted it already); a syntax error is reported with its line and column.
    """
    if not counted:
        JsonBudget(name).final(data)
    try:
        return _parsed(data, name)
    except MemoryError:
        raise ImportProblem(
            f"{name} is too large to import in the memory this computer has. Nothing was imported."
        ) from None


def _parsed(data: bytes | bytearray, name: str) -> Any:
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
