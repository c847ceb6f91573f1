"""Adding imported entries in bulk: one transaction, tags reused or created, progress with
cancel between chunks (a cancel rolls everything back)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from devjournal.domain.enums import Scope
from devjournal.domain.imports import IncomingEntry
from devjournal.domain.jobs import Progress
from devjournal.domain.rules import normalise_tags
from devjournal.storage import schema as s
from devjournal.storage.engine import session_now
from devjournal.storage.repositories import row_checksum
from devjournal.storage.stored_time import stored

CHUNK = 5000


def known_keys(session: Session, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` the journal already has (deleted entries included: an entry the
    user deleted after importing it does not come back).

    Asked of the driver 900 keys at a time (SQLite's limit on parameters is 999), and not
    at all when the journal has no imported entry yet (a first import of 100,000)."""
    driver = session.connection().connection.driver_connection
    assert driver is not None
    any_key = "SELECT 1 FROM log_entry WHERE import_key IS NOT NULL LIMIT 1"
    if not keys or driver.execute(any_key).fetchone() is None:
        return set()
    found: set[str] = set()
    for start in range(0, len(keys), 900):
        part = keys[start : start + 900]
        found.update(
            key
            for (key,) in driver.execute(
                f"SELECT import_key FROM log_entry WHERE import_key IN "
                f"({', '.join('?' * len(part))})",
                part,
            )
        )
    return found


def tag_ids(session: Session) -> dict[str, int]:
    """Every tag's id by its case-folded name."""
    return {
        name.casefold(): ident
        for ident, name in session.execute(select(s.TagRow.id, s.TagRow.name))
    }


_ENTRY_COLUMNS = (
    "id, kind, occurred_at, title, body, source_url, scope, checksum, import_key, "
    "created_at, updated_at"
)
_NO_LINKS = {
    "mentor_id": None,
    "sprint_id": None,
    "goal_id": None,
    "advice_status": None,
    "responds_to_id": None,
}


def insert_entries(
    session: Session, entries: Sequence[IncomingEntry], progress: Progress | None = None
) -> int:
    """Insert ``entries`` (new ones: their keys are not in the journal) as private log
    entries; returns how many.

    Rows go in through the driver (the session's own connection and transaction) as plain
    tuples: for 100,000 entries the ORM's per-row work took longer than SQLite's.
    """
    now = session_now(session)
    stamp = stored(now)
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    tags = tag_ids(session)
    next_tag = int(session.scalar(select(func.max(s.TagRow.id))) or 0) + 1
    next_entry = int(session.scalar(select(func.max(s.LogEntryRow.id))) or 0) + 1
    driver = session.connection().connection.driver_connection
    assert driver is not None
    first_entry = next_entry
    cache = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute("PRAGMA cache_size = -131072")  # 128 MB while the indexes grow
    indexing = _stop_indexing(driver)
    normalised: dict[tuple[str, ...], tuple[str, ...]] = {}  # few tag sets, many entries
    try:
        total = len(entries)
        for start in range(0, total, CHUNK):
            if progress is not None:
                progress.report(start, total, f"Adding entries… {start:,} of {total:,}")
            new_tags: list[tuple[int, str, str, str]] = []
            links: list[tuple[int, int]] = []
            rows: list[tuple[Any, ...]] = []
            for entry in entries[start : start + CHUNK]:
                ident = next_entry
                next_entry += 1
                names = normalised.get(entry.tags)
                if names is None:
                    names = normalised[entry.tags] = normalise_tags(entry.tags)
                for name in names:
                    key = name.casefold()
                    if key not in tags:
                        tags[key] = next_tag
                        tag_sum = row_checksum("tag", {"id": next_tag, "name": name})
                        new_tags.append((next_tag, name, stamp, tag_sum))
                        next_tag += 1
                    links.append((ident, tags[key]))
                values = {
                    **_NO_LINKS,
                    "id": ident,
                    "kind": entry.kind,
                    "occurred_at": entry.occurred_at,
                    "title": entry.title,
                    "body": entry.body,
                    "source_url": "",
                    "scope": Scope.PRIVATE,
                    "import_key": entry.key,
                }
                rows.append(
                    (
                        ident,
                        entry.kind.value,
                        stored(entry.occurred_at),
                        entry.title,
                        entry.body,
                        "",
                        Scope.PRIVATE.value,
                        row_checksum("log_entry", values),
                        entry.key,
                        stamp,
                        stamp,
                    )
                )
            # Tags and links first: the search index trigger on each entry sees its tags.
            driver.executemany(
                "INSERT INTO tag (id, name, created_at, checksum) VALUES (?, ?, ?, ?)", new_tags
            )
            driver.executemany("INSERT INTO log_entry_tag (entry_id, tag_id) VALUES (?, ?)", links)
            driver.executemany(
                f"INSERT INTO log_entry ({_ENTRY_COLUMNS}) VALUES ({', '.join('?' * 11)})", rows
            )
        if progress is not None:
            progress.report(total, total, "Building the search index…")
        driver.execute(_INDEX_NEW_ENTRIES, (first_entry,))
        for sql in indexing:
            driver.execute(sql)
    finally:
        driver.execute(f"PRAGMA cache_size = {int(cache)}")
    if progress is not None:
        progress.report(total, total, "Saving…")
    return total


_INDEXING_TRIGGERS = ("log_entry_fts_ai", "log_entry_tag_fts_ai")
"""The triggers that index each new entry (and again for each of its tags) as it goes in.
An import stops them and indexes its entries in one statement at the end (the same
rows the triggers would write), then puts them back, all in its one transaction: a
cancel or a failure rolls the triggers back with everything else."""
_INDEX_NEW_ENTRIES = (
    f"INSERT INTO {s.FTS_TABLE}(rowid, title, body, tags, notes) "
    f"{s.FTS_ENTRY_TEXT} AND e.id >= ? ORDER BY e.id"
)


def _stop_indexing(driver: Any) -> list[str]:
    """Drop the :data:`_INDEXING_TRIGGERS` (inside the caller's transaction); returns
    the statements that make them again, as the journal had them."""
    names = ", ".join("?" * len(_INDEXING_TRIGGERS))
    found = driver.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})",
        _INDEXING_TRIGGERS,
    ).fetchall()
    if len(found) != len(_INDEXING_TRIGGERS):
        raise RuntimeError(f"the journal's search triggers are not as expected: {found!r}")
    for name, _sql in found:
        driver.execute(f'DROP TRIGGER "{name}"')
    return [sql for _name, sql in found]
