"""Full-text search of the mentorship log, in plain SQL over the standard library's sqlite3.

Written against a DBAPI connection (like ``today_query``) so ``devjournal search`` answers
without importing SQLAlchemy; ``MentorshipService.search`` passes the engine's raw
connection. The index is the FTS5 table the first migration made (``unicode61
remove_diacritics 2``: "cafe" finds "café"), kept in step by triggers; deleted entries are
not in it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from devjournal.domain.enums import EntryKind
from devjournal.domain.search import (
    HIT_END,
    HIT_START,
    SearchHit,
    SearchQueryError,
    SearchResults,
    fts_query,
)

SNIPPET_WORDS = 16


def search_entries(
    conn: sqlite3.Connection, typed: str, *, limit: int = 50, offset: int = 0
) -> SearchResults:
    """Entries matching what the user ``typed``, newest first, ``limit`` from ``offset``.

    Raises:
        SearchQueryError: the query cannot be run (the message says why).
    """
    match = fts_query(typed)
    try:
        (total,) = conn.execute(
            "SELECT count(*) FROM log_entry_fts WHERE log_entry_fts MATCH ?", (match,)
        ).fetchone()
        # Page first (rowids only, newest first), then snippets for that page alone:
        # a snippet costs far more than a rowid, and a common word matches thousands.
        rows = conn.execute(
            "SELECT e.id, e.occurred_at, e.kind, e.title, coalesce(m.name, ''), "
            "snippet(log_entry_fts, -1, ?, ?, '…', ?) "
            "FROM log_entry_fts JOIN log_entry e ON e.id = log_entry_fts.rowid "
            "LEFT JOIN mentor m ON m.id = e.mentor_id AND m.deleted_at IS NULL "
            "WHERE log_entry_fts MATCH ? AND log_entry_fts.rowid IN ("
            "  SELECT p.id FROM log_entry p WHERE p.id IN "
            "    (SELECT rowid FROM log_entry_fts WHERE log_entry_fts MATCH ?) "
            "  ORDER BY p.occurred_at DESC, p.id DESC LIMIT ? OFFSET ?) "
            "ORDER BY e.occurred_at DESC, e.id DESC",
            (HIT_START, HIT_END, SNIPPET_WORDS, match, match, limit, offset),
        ).fetchall()
    except sqlite3.DatabaseError as exc:  # a query FTS5 refuses, or a damaged index
        raise SearchQueryError(f"This search cannot be run: {exc}.") from exc
    hits = tuple(
        SearchHit(
            id=r[0],
            occurred_at=datetime.fromisoformat(r[1]).replace(tzinfo=UTC),
            kind=EntryKind(r[2]),
            title=r[3],
            mentor_name=r[4],
            snippet=r[5],
        )
        for r in rows
    )
    return SearchResults(query=typed, hits=hits, total=int(total))
