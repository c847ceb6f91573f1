"""``devjournal check``: is the journal whole?

In order: SQLite's ``integrity_check`` (pages, indexes, NOT NULL and CHECK rules) and
``foreign_key_check``; then every row of every table is read the way the app reads it (a
value that is not UTF-8 text, a date that does not parse, an enum value that is not one,
JSON that is not JSON is reported with its table and row) and compared with the checksum
kept on it (``repositories.CHECKSUMMED``); then the search index: every live entry in it and
nothing else, its copy of each entry's text the entry's, and FTS5's own
``integrity-check``.

SQLite's checks find a damaged page or index; they miss most flipped bytes inside row
data (a title that changed on disk still reads). The checksums catch those. Only the
search index can be rebuilt from what the journal holds (:func:`rebuild_search_index`,
``check --repair``); any other damage is undone by restoring a backup.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, Float, Integer, Table
from sqlalchemy.dialects import sqlite

from devjournal.domain.check import CheckReport
from devjournal.storage import schema as s
from devjournal.storage.feedback_query import FILED_SQL
from devjournal.storage.journal_file import damage_reason
from devjournal.storage.repositories import CHECKSUMMED, row_checksum

MAX_LISTED = 20
"""At most this many problems of one kind are listed (and the rest counted)."""

ROW_RULES = ("CHECK constraint failed in ", "NULL value in ")
"""``integrity_check`` lines about a value breaking a rule: the pages are whole, so the
rows are still read (and the one at fault named)."""

_DIALECT = sqlite.dialect()
_SCRATCH = "devjournal_scratch"

_NAMES: dict[str, tuple[str, str | None]] = {
    "sprint": ("Sprint", "title"),
    "goal": ("Goal", "title"),
    "milestone": ("Milestone", "title"),
    "checkin": ("Check-in", None),
    "coaching_session": ("Coaching session", None),
    "session_review": ("Session review", None),
    "action_item": ("Action item", "title"),
    "mentor": ("Mentor", "name"),
    "mentor_link": ("Mentor link", "label"),
    "log_entry": ("Log entry", "title"),
    "tag": ("Tag", "name"),
    "log_entry_tag": ("Tag of an entry", None),
    "assessment": ("Self-assessment", None),
    "feedback": ("Feedback details", "entry_id"),
    "coach": ("Coach", "name"),
    "aim": ("Part of your direction", "title"),
    "outreach": ("Outreach", "name"),
}
"""Each table as a user names its rows, and the column that says which one it is."""

_JSON = {("coaching_session", "questions")}


def _listed(into: list[str], lines: list[str], what: str) -> None:
    into += lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        into.append(f"… and {len(lines) - MAX_LISTED:,} more {what}")


def _unreadable_file(exc: sqlite3.DatabaseError) -> bool:
    """True when ``exc`` says the file cannot be read; other errors (a lock held past the
    timeout, an I/O error) are not damage and are raised."""
    return damage_reason(exc) is not None


def _unreadable_index(exc: sqlite3.DatabaseError) -> bool:
    """True when ``exc`` says the search index cannot be read (FTS5's own words for a
    damaged configuration count too)."""
    text = str(exc)
    return _unreadable_file(exc) or "fts5" in text or "vtable constructor failed" in text


def check_journal(conn: sqlite3.Connection) -> CheckReport:
    """Every check; nothing is written (see :func:`_fts_integrity`)."""
    factory = conn.text_factory
    conn.text_factory = str
    try:
        return _check(conn)
    finally:
        conn.text_factory = factory


def _check(conn: sqlite3.Connection) -> CheckReport:
    report = CheckReport()
    try:
        verdict = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        if not _unreadable_file(exc):
            raise
        verdict = [f"the file cannot be read ({exc})"]
    if verdict != ["ok"]:
        _listed(report.damage, [f"SQLite integrity: {line}" for line in verdict], "problems")
        if not all(line.startswith(ROW_RULES) for line in verdict):
            report.readable = False
            return report  # the rest would read damaged pages
    try:
        broken = [
            f"Foreign key: {table} row {rowid} points at a missing {parent}"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
        _listed(report.damage, broken, "foreign key problems")
        _check_rows(conn, report)
    except sqlite3.DatabaseError as exc:
        if not _unreadable_file(exc):
            raise
        report.damage.append(f"SQLite: the journal's rows cannot be read ({exc})")
        report.readable = False
        return report
    _check_index(conn, report)
    return report


# -- rows ---------------------------------------------------------------------------------
class _UnreadableError(ValueError):
    """A stored value the app cannot read, with a short hint why."""


def _decoder(table: str, column: Column[Any]) -> Callable[[Any], Any]:
    """Turns a stored value of ``column`` (text as bytes) into what the app reads, or
    raises :class:`_UnreadableError`."""
    kind = column.type
    nullable = bool(column.nullable) and not column.primary_key
    process = kind.dialect_impl(_DIALECT).result_processor(_DIALECT, None)
    number = isinstance(kind, Integer | Float)
    is_json = (table, column.name) in _JSON

    def decode(value: Any) -> Any:
        if value is None:
            if nullable or column.primary_key:
                return None
            raise _UnreadableError("it is empty")
        if number:
            return _number(value, whole=isinstance(kind, Integer))
        text = _utf8(value)
        if is_json:
            _json_pairs(text)
        if process is None:
            return text
        try:
            return process(text)
        except (ValueError, TypeError):
            raise _not_a_value(kind, text) from None

    return decode


def _number(value: Any, *, whole: bool) -> Any:
    """``value`` when it is a number (a whole one when ``whole``), else raise
    :class:`_UnreadableError`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _UnreadableError("not a number")
    if whole and not isinstance(value, int):
        raise _UnreadableError("not a whole number")
    return value


def _utf8(value: Any) -> str:
    """The text stored as ``value`` (bytes), else raise :class:`_UnreadableError`."""
    if not isinstance(value, bytes):
        raise _UnreadableError("not text")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise _UnreadableError("not valid UTF-8 text") from None


def _not_a_value(kind: Any, text: str) -> _UnreadableError:
    """The error for ``text`` that a column of type ``kind`` cannot read: it names the
    values an enum takes, or says it is no date (and time)."""
    if isinstance(kind, s.EnumText):
        known = ", ".join(member.value for member in kind.enum_cls)
        return _UnreadableError(f"“{_short(text)}” is not one of {known}")
    if isinstance(kind, s.UTCDateTime):
        return _UnreadableError(f"“{_short(text)}” is not a date and time")
    return _UnreadableError(f"“{_short(text)}” is not a date")


def _json_pairs(text: str) -> None:
    """Raise :class:`_UnreadableError` unless ``text`` is a JSON list of [question, answer]."""
    try:
        pairs = json.loads(text)
    except (ValueError, RecursionError):
        raise _UnreadableError("not valid JSON") from None
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        raise _UnreadableError("not a list of questions and answers")


def _who(table: Table, rowid: int, values: dict[str, Any]) -> str:
    noun, title = _NAMES.get(table.name, (table.name, None))
    who = f"{noun} {rowid}" if "id" in table.c else f"{noun} (row {rowid})"
    named = values.get(title) if title else None
    if isinstance(named, str):
        who += f" (“{_short(named)}”)"
    if values.get("deleted_at") is not None:
        who += ", in the trash,"
    return who


def _check_rows(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Read every row of every table as the app would, and compare checksums."""
    unreadable: list[str] = []
    changed: list[str] = []
    conn.text_factory = bytes
    try:
        for table in s.Base.metadata.sorted_tables:
            columns = list(table.columns)
            decoders = [_decoder(table.name, c) for c in columns]
            names = ", ".join(c.name for c in columns)
            summed = table.name in CHECKSUMMED
            for raw in conn.execute(f"SELECT rowid, {names} FROM {table.name}"):
                values: dict[str, Any] = {}
                fault = None
                for column, decode, value in zip(columns, decoders, raw[1:], strict=True):
                    try:
                        values[column.name] = decode(value)
                    except _UnreadableError as why:
                        fault = fault or (column.name, str(why))
                if fault is not None:
                    what = fault[0].replace("_", " ")
                    unreadable.append(
                        f"{_who(table, raw[0], values)}: its {what} cannot be read ({fault[1]})"
                    )
                    continue
                if not summed:
                    continue
                report.checked[table.name] += 1
                if row_checksum(table.name, values) != values["checksum"]:
                    changed.append(
                        f"{_who(table, raw[0], values)}: changed on disk since it was saved"
                    )
    finally:
        conn.text_factory = str
    _listed(report.damage, unreadable, "unreadable values")
    _listed(report.damage, changed, "changed rows")


# -- the search index ---------------------------------------------------------------------
def _check_index(conn: sqlite3.Connection, report: CheckReport) -> None:
    fts = s.FTS_TABLE
    try:
        missing = [
            f"Search index: entry {row[0]} is missing from it"
            for row in conn.execute(
                f"SELECT e.id FROM log_entry e WHERE e.deleted_at IS NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {fts} f WHERE f.rowid = e.id)"
            )
        ]
        stale = [
            f"Search index: it has entry {row[0]}, which is deleted or gone"
            for row in conn.execute(
                f"SELECT f.rowid FROM {fts} f WHERE NOT EXISTS "
                "(SELECT 1 FROM log_entry e WHERE e.id = f.rowid AND e.deleted_at IS NULL)"
            )
        ]
        differs = [
            f"Search index: its copy of entry {row[0]} differs from the entry"
            for row in conn.execute(
                f"SELECT e.id FROM log_entry e JOIN {fts} f ON f.rowid = e.id "
                "WHERE e.deleted_at IS NULL AND (f.title IS NOT e.title OR f.body IS NOT e.body "
                f"OR f.tags IS NOT {s.FTS_TAGS.format(ref='e.id')} "
                f"OR f.notes IS NOT {s.FTS_NOTES.format(ref='e.id')})"
            )
        ]
        misfiled = [
            f"Feedback order: entry {row[0]} is filed where its details do not put it"
            for row in conn.execute(
                "SELECT e.id FROM log_entry e WHERE e.feedback_rank IS NOT "
                f"(CASE WHEN e.kind = 'feedback' THEN {FILED_SQL.format(ref='e.id')} END)"
            )
        ]
    except sqlite3.DatabaseError as exc:
        if not _unreadable_index(exc):
            raise
        report.index.append(f"Search index: it cannot be read ({exc})")
        return
    _listed(report.index, missing + stale + differs + misfiled, "search index problems")
    try:
        _fts_integrity(conn)
    except sqlite3.DatabaseError as exc:
        if not _unreadable_index(exc):
            raise
        report.index.append(f"Search index: it fails FTS5's own integrity check ({exc})")


def _fts_integrity(conn: sqlite3.Connection) -> None:
    """FTS5's ``integrity-check``: the index against its own copy of the text.

    It is an INSERT that writes nothing; it runs inside a savepoint that is rolled back
    (the file, and what other connections see of it, stay as they were). A connection that
    may not write (a read-only journal) checks a copy of the index in memory instead.

    Raises:
        sqlite3.DatabaseError: the index is damaged ("database disk image is malformed").
    """
    fts = s.FTS_TABLE
    conn.execute("SAVEPOINT devjournal_check")
    try:
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
        return
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc):
            raise
    finally:
        conn.execute("ROLLBACK TO devjournal_check")
        conn.execute("RELEASE devjournal_check")
    conn.execute(f"ATTACH ':memory:' AS {_SCRATCH}")
    try:
        conn.execute("SAVEPOINT devjournal_copy")
        try:
            conn.execute(s.FTS_CREATE.replace(f"TABLE {fts}", f"TABLE {_SCRATCH}.{fts}"))
            for shadow in ("data", "idx", "content", "docsize", "config"):
                conn.execute(f"DELETE FROM {_SCRATCH}.{fts}_{shadow}")
                conn.execute(
                    f"INSERT INTO {_SCRATCH}.{fts}_{shadow} SELECT * FROM main.{fts}_{shadow}"
                )
            conn.execute(f"INSERT INTO {_SCRATCH}.{fts}({fts}) VALUES('integrity-check')")
        finally:
            conn.execute("ROLLBACK TO devjournal_copy")
            conn.execute("RELEASE devjournal_copy")
    finally:
        conn.execute(f"DETACH {_SCRATCH}")


def rebuild_search_index(conn: sqlite3.Connection) -> int:
    """Make the search index anew from the live entries and their tags, in the caller's
    transaction; returns how many entries it holds.

    FTS5's own ``rebuild`` would read the index's copy of the text, which may be the part
    that is damaged: the table is dropped and made again as revision 0008 made it.
    Dropping it opens it, which reads its configuration and structure records: its tables
    are first emptied and given what FTS5 writes for a new table (format version 4, an
    empty structure, no averages), so that damage there cannot stop the drop.
    """
    fts = s.FTS_TABLE
    for shadow in ("data", "idx", "content", "docsize", "config"):
        conn.execute(f"DELETE FROM {fts}_{shadow}")
    conn.execute(f"INSERT INTO {fts}_config(k, v) VALUES ('version', 4)")
    conn.execute(f"INSERT INTO {fts}_data(id, block) VALUES (1, X''), (10, X'00000000000000')")
    conn.execute(f"DROP TABLE {fts}")
    conn.execute(s.FTS_CREATE)
    cursor = conn.execute(f"INSERT INTO {fts}(rowid, title, body, tags, notes) {s.FTS_ENTRY_TEXT}")
    conn.execute(  # and where each Feedback entry is filed (kept beside the index)
        "UPDATE log_entry SET feedback_rank = CASE WHEN kind = 'feedback' THEN "
        f"{FILED_SQL.format(ref='log_entry.id')} END"
    )
    return int(cursor.rowcount)


def _short(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= 50 else line[:49] + "…"
