"""What the quick switcher finds by name, in plain SQL over a DBAPI connection.

Sprints, goals, mentors and coaches are few (hundreds, a few thousand on the stress
journal): their live names are read and matched in Python (``domain/jumps.py``, which folds
case and accents as SQLite's LIKE does not). Entries are many: their titles are looked up
in the search index's ``title`` column, each typed word as a prefix, newest first.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime

from devjournal.domain.enums import EntryKind, Relationship
from devjournal.domain.jumps import Jump, JumpKind, best, typed_words

ENTRY_LIMIT = 30

_NAMED = (
    (
        JumpKind.SPRINT,
        "SELECT id, title, start_date, NULL, end_date FROM sprint "
        "WHERE deleted_at IS NULL ORDER BY start_date DESC",
    ),
    (
        JumpKind.GOAL,
        "SELECT g.id, g.title, s.title, s.id, NULL FROM goal g JOIN sprint s ON s.id = g.sprint_id "
        "WHERE g.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY s.start_date DESC",
    ),
    (
        JumpKind.MENTOR,
        "SELECT id, name, relationship, NULL, NULL FROM mentor WHERE deleted_at IS NULL "
        "ORDER BY ended_on IS NOT NULL, name",
    ),
    (
        JumpKind.COACH,
        "SELECT id, name, coalesce(organisation, ''), NULL, NULL FROM coach "
        "WHERE deleted_at IS NULL ORDER BY name",
    ),
)


def find_jumps(conn: sqlite3.Connection, typed: str, limit: int = 40) -> tuple[Jump, ...]:
    """The sprints, goals, mentors, coaches and entries whose name answers ``typed``, the
    best ``limit`` (nothing for nothing typed)."""
    words = typed_words(typed)
    if not words:
        return ()
    found: list[Jump] = []
    for kind, sql in _NAMED:
        for row_id, title, detail, sprint_id, until in conn.execute(sql):
            if kind is JumpKind.SPRINT:
                sprint = Jump(kind, int(row_id), str(title), day=date.fromisoformat(detail))
                found.append(replace(sprint, until=date.fromisoformat(until)))
            else:
                found.append(Jump(kind, int(row_id), str(title), _detail(kind, detail), sprint_id))
    found.extend(_entries(conn, words))
    return best(found, typed, limit)


def _detail(kind: JumpKind, detail: object) -> str:
    if kind is JumpKind.MENTOR:
        return f"{Relationship(str(detail)).label} mentor"
    return "" if detail is None else str(detail)


def _entries(conn: sqlite3.Connection, words: list[str]) -> list[Jump]:
    """The newest live entries whose title has a word starting with each typed word."""
    terms = " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)
    try:
        rows = conn.execute(
            # Newest first down the date index, each probed against the matches (``+``
            # keeps SQLite from sorting every match instead): 35 ms at worst on the stress
            # journal, for a one-letter prefix or no match at all.
            "SELECT e.id, e.title, e.occurred_at, e.kind FROM log_entry e "
            "WHERE e.deleted_at IS NULL AND +e.id IN "
            "(SELECT rowid FROM log_entry_fts WHERE log_entry_fts MATCH ?) "
            "ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?",
            (f"title : ({terms})", ENTRY_LIMIT),
        ).fetchall()
    except sqlite3.DatabaseError:  # a damaged index: the names above still answer
        return []
    return [
        Jump(
            JumpKind.ENTRY,
            int(row_id),
            str(title),
            EntryKind(kind).label,
            day=datetime.fromisoformat(at).replace(tzinfo=UTC).astimezone().date(),
        )
        for row_id, title, at, kind in rows
    ]
