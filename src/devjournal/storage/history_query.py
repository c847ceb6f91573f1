"""Pages of the mentorship history, newest first, in plain SQL (keyset paging).

Each page starts where the last one ended (``occurred_at, id`` below the last row's), so a
page costs the same on the first screen and the thousandth: it walks the partial index
``ix_log_entry_occurred_at (occurred_at, id) WHERE deleted_at IS NULL`` and stops after
``limit`` rows. Only the columns a list line shows are read.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from devjournal.domain.enums import AdviceStatus, EntryKind, Scope
from devjournal.domain.history import HistoryFilter, HistoryRow
from devjournal.storage.stored_time import stored, stored_day_start
from devjournal.storage.timeline_query import COACH_SPRINTS


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def history_page(
    conn: sqlite3.Connection,
    where: HistoryFilter,
    after: tuple[datetime, int] | None = None,
    limit: int = 200,
) -> list[HistoryRow]:
    """Up to ``limit`` entries matching ``where``, newest first, after ``after``."""
    sql = [
        "SELECT e.id, e.occurred_at, e.kind, e.title, coalesce(m.name, ''), e.advice_status, "
        "e.scope FROM log_entry e INDEXED BY ix_log_entry_occurred_at "
        "LEFT JOIN mentor m ON m.id = e.mentor_id AND m.deleted_at IS NULL "
        "WHERE e.deleted_at IS NULL"
    ]
    args: list[Any] = []
    if after is not None:
        sql.append("AND (e.occurred_at, e.id) < (?, ?)")
        args += [stored(after[0]), after[1]]
    if where.mentor_id is not None:
        sql.append("AND e.mentor_id = ?")
        args.append(where.mentor_id)
    if where.coach_id is not None:
        sql.append(f"AND {COACH_SPRINTS}")
        args.append(where.coach_id)
    if where.kind is not None:
        sql.append("AND e.kind = ?")
        args.append(where.kind.value)
    if where.scope is not None:
        sql.append("AND e.scope = ?")
        args.append(where.scope.value)
    if where.since is not None:
        sql.append("AND e.occurred_at >= ?")
        args.append(stored_day_start(where.since))
    if where.until is not None:
        sql.append("AND e.occurred_at < ?")
        args.append(stored_day_start(where.until + timedelta(days=1)))
    if where.tag.strip():
        sql.append(
            "AND e.id IN (SELECT et.entry_id FROM log_entry_tag et JOIN tag t "
            "ON t.id = et.tag_id WHERE t.name = ? COLLATE NOCASE)"
        )
        args.append(" ".join(where.tag.split()))
    sql.append("ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?")
    args.append(limit)
    return [
        HistoryRow(
            id=r[0],
            occurred_at=datetime.fromisoformat(r[1]).replace(tzinfo=UTC),
            kind=EntryKind(r[2]),
            title=r[3],
            mentor_name=r[4],
            advice_status=AdviceStatus(r[5]) if r[5] else None,
            scope=Scope(r[6]),
        )
        for r in conn.execute(" ".join(sql), args)
    ]
