"""What the timeline draws, in plain SQL.

Sprints, goals, sessions and check-ins are few (hundreds to thousands) and read whole.
Log entries can be a hundred thousand: they are read for the window in view only, either
one by one (when few enough to draw) or as counts per bucket (see :func:`count_entries`).
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from devjournal.domain.enums import (
    EntryKind,
    GoalStatus,
    OutreachStatus,
    Scope,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.timeline import (
    ItemKind,
    TimelineCheckin,
    TimelineData,
    TimelineEntry,
    TimelineFilter,
    TimelineGoal,
    TimelineMoment,
    TimelineSession,
    TimelineSprint,
)
from devjournal.storage.stored_time import from_stored, stored_day_start

_LIVE_ENTRIES = "FROM log_entry INDEXED BY ix_log_entry_occurred_at WHERE deleted_at IS NULL"
_SPAN = (
    f"SELECT (SELECT min(occurred_at) {_LIVE_ENTRIES}), (SELECT max(occurred_at) {_LIVE_ENTRIES})"
)
"""The first and last live entry: each one step into the partial index (a min and a max
in one SELECT would scan all of it: 45 ms for 100,000 entries)."""

COACH_SPRINTS = (
    "e.sprint_id IN (SELECT s.id FROM sprint s WHERE s.coach_id = ? AND s.deleted_at IS NULL)"
)
"""An entry linked to a live sprint with one coach (the History page's filter too)."""

_SPRINT_KINDS = {kind.value: kind for kind in SprintKind}
_GOAL_STATUSES = {status.value: status for status in GoalStatus}
_SESSION_STATUSES = {status.value: status for status in SessionStatus}
_SCOPES = {scope.value: scope for scope in Scope}
"""Stored values to members, looked up rather than called (an enum's call costs ~1 µs,
and the stress journal's timeline makes 20,000 of them)."""


def read_timeline(conn: sqlite3.Connection, today: date) -> TimelineData:
    """Every live sprint, goal, session and check-in, and the span of the log entries."""
    sprints = tuple(
        TimelineSprint(
            id=row[0],
            title=row[1],
            kind=_SPRINT_KINDS[row[2]],
            start=date.fromisoformat(row[3]),
            end=date.fromisoformat(row[4]),
            finished=row[5] is not None or date.fromisoformat(row[4]) < today,
            coach_id=row[6],
        )
        for row in conn.execute(
            "SELECT id, title, kind, start_date, end_date, closed_state, coach_id FROM sprint "
            "WHERE deleted_at IS NULL ORDER BY start_date, id"
        )
    )
    goals = tuple(
        TimelineGoal(
            id=row[0],
            sprint_id=row[1],
            title=row[2],
            deadline=date.fromisoformat(row[3]) if row[3] else None,
            status=_GOAL_STATUSES[row[4]],
            scope=_SCOPES[row[5]],
        )
        for row in conn.execute(
            "SELECT g.id, g.sprint_id, g.title, g.deadline, g.status, g.scope FROM goal g "
            "JOIN sprint s ON s.id = g.sprint_id AND s.deleted_at IS NULL "
            "WHERE g.deleted_at IS NULL ORDER BY g.sprint_id, g.position, g.id"
        )
    )
    sessions = tuple(
        TimelineSession(
            row[0], row[1], from_stored(row[2]), _SESSION_STATUSES[row[3]], _SCOPES[row[4]]
        )
        for row in conn.execute(
            "SELECT c.id, c.sprint_id, c.starts_at, c.status, c.scope FROM coaching_session c "
            "JOIN sprint s ON s.id = c.sprint_id AND s.deleted_at IS NULL "
            "WHERE c.deleted_at IS NULL ORDER BY c.starts_at, c.id"
        )
    )
    checkins = tuple(
        TimelineCheckin(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4])
        for row in conn.execute(
            "SELECT c.id, c.goal_id, g.sprint_id, c.on_date, c.value FROM checkin c "
            "JOIN goal g ON g.id = c.goal_id AND g.deleted_at IS NULL "
            "JOIN sprint s ON s.id = g.sprint_id AND s.deleted_at IS NULL "
            "WHERE c.deleted_at IS NULL ORDER BY c.on_date, c.id"
        )
    )
    first, last = conn.execute(_SPAN).fetchone()
    coaches = tuple(
        (row[1], row[0])
        for row in conn.execute(
            "SELECT c.id, c.name FROM coach c WHERE c.deleted_at IS NULL AND EXISTS "
            "(SELECT 1 FROM sprint s WHERE s.coach_id = c.id AND s.deleted_at IS NULL) "
            "ORDER BY c.name COLLATE NOCASE, c.id"
        )
    )
    return TimelineData(
        sprints=sprints,
        goals=goals,
        sessions=sessions,
        checkins=checkins,
        first_entry=from_stored(first).astimezone().date() if first else None,
        last_entry=from_stored(last).astimezone().date() if last else None,
        coaches=coaches,
        moments=read_moments(conn),
    )


def read_moments(conn: sqlite3.Connection) -> tuple[TimelineMoment, ...]:
    """The Guides lane: every self-assessment taken, every outreach's message sent and
    how it ended, every part of the direction reached; in order of their days."""
    moments = [
        TimelineMoment(
            ItemKind.ASSESSMENT,
            row[0],
            from_stored(row[1]).astimezone().date(),
            "Took the coach-or-mentor self-assessment",
            _SCOPES[row[2]],
        )
        for row in conn.execute(
            "SELECT id, taken_at, scope FROM assessment WHERE deleted_at IS NULL"
        )
    ]
    for ident, name, status, sent_on, closed_on, scope in conn.execute(
        "SELECT id, name, status, sent_on, closed_on, scope FROM outreach "
        "WHERE deleted_at IS NULL AND (sent_on IS NOT NULL OR closed_on IS NOT NULL)"
    ):
        if sent_on:
            moments.append(
                TimelineMoment(
                    ItemKind.OUTREACH,
                    ident,
                    date.fromisoformat(sent_on),
                    f"Message sent to {name}",
                    _SCOPES[scope],
                )
            )
        ended = OutreachStatus(status)
        if closed_on and ended.is_closed:
            moments.append(
                TimelineMoment(
                    ItemKind.OUTREACH,
                    ident,
                    date.fromisoformat(closed_on),
                    f"{ended.label}: {name}",
                    _SCOPES[scope],
                )
            )
    moments += [
        TimelineMoment(
            ItemKind.AIM, row[0], date.fromisoformat(row[1]), f"Reached: {row[2]}", _SCOPES[row[3]]
        )
        for row in conn.execute(
            "SELECT id, reached_on, title, scope FROM aim "
            "WHERE deleted_at IS NULL AND reached_on IS NOT NULL"
        )
    ]
    return tuple(sorted(moments, key=lambda m: (m.on, m.kind.value, m.id)))


def _where(where: TimelineFilter) -> tuple[str, list[Any]]:
    sql = ["e.deleted_at IS NULL"]
    args: list[Any] = []
    if where.sprint_id is not None:
        sql.append("e.sprint_id = ?")
        args.append(where.sprint_id)
    if where.coach_id is not None:  # entries linked to one of the coach's sprints
        sql.append(COACH_SPRINTS)
        args.append(where.coach_id)
    if where.goal_id is not None:
        sql.append("e.goal_id = ?")
        args.append(where.goal_id)
    if where.mentor_id is not None:
        sql.append("e.mentor_id = ?")
        args.append(where.mentor_id)
    if where.kind is not None:
        sql.append("e.kind = ?")
        args.append(where.kind.value)
    if where.tag:  # the tag's entries, from ix_log_entry_tag_tag
        sql.append(
            "e.id IN (SELECT lt.entry_id FROM log_entry_tag lt WHERE lt.tag_id = "
            "(SELECT t.id FROM tag t WHERE t.name = ? COLLATE NOCASE))"
        )
        args.append(where.tag)
    rule = where.shareable
    if rule is not None:  # what the rule leaves out, by scope and by goal
        if not rule.sharing.include_private:
            sql.append("e.scope <> ?")
            args.append(Scope.PRIVATE.value)
        if rule.hidden_goals:
            hidden = sorted(rule.hidden_goals)
            sql.append(f"(e.goal_id IS NULL OR e.goal_id NOT IN ({', '.join('?' * len(hidden))}))")
            args += hidden
    return " AND ".join(sql), args


def count_entries(
    conn: sqlite3.Connection, edges: Sequence[date], where: TimelineFilter
) -> list[int]:
    """How many entries matching ``where`` fall between each pair of ``edges`` (local
    days).

    Unfiltered: one count per bucket, each a range of the partial index on
    ``occurred_at`` (SQLite counts the index entries in the range: ~14 ms for all 100,000).
    Filtered: the matching entries' times in the whole range are read once (a filter keeps
    a fraction of them) and counted per bucket here.
    """
    stored = [stored_day_start(day) for day in edges]
    if len(stored) < 2:
        return []
    if not where.narrows_entries:
        sql = (
            "SELECT count(*) FROM log_entry e INDEXED BY ix_log_entry_occurred_at "
            "WHERE e.deleted_at IS NULL AND e.occurred_at >= ? AND e.occurred_at < ?"
        )
        return [
            int(conn.execute(sql, [lo, hi]).fetchone()[0]) for lo, hi in itertools.pairwise(stored)
        ]
    condition, args = _where(where)
    times = [
        row[0]
        for row in conn.execute(
            f"SELECT e.occurred_at FROM log_entry e WHERE {condition} "
            "AND e.occurred_at >= ? AND e.occurred_at < ? ORDER BY e.occurred_at",
            [*args, stored[0], stored[-1]],
        )
    ]
    return [
        bisect.bisect_left(times, hi) - bisect.bisect_left(times, lo)
        for lo, hi in itertools.pairwise(stored)
    ]


def entries_between(
    conn: sqlite3.Connection, first: date, end: date, where: TimelineFilter, limit: int
) -> list[TimelineEntry]:
    """Up to ``limit`` entries matching ``where`` from ``first`` up to ``end`` (local
    days), oldest first."""
    condition, args = _where(where)
    rows = conn.execute(
        "SELECT e.id, e.occurred_at, e.kind, e.title, coalesce(m.name, '') FROM log_entry e "
        "LEFT JOIN mentor m ON m.id = e.mentor_id AND m.deleted_at IS NULL "
        f"WHERE {condition} AND e.occurred_at >= ? AND e.occurred_at < ? "
        "ORDER BY e.occurred_at, e.id LIMIT ?",
        [*args, stored_day_start(first), stored_day_start(end), limit],
    )
    return [
        TimelineEntry(row[0], from_stored(row[1]), EntryKind(row[2]), row[3], row[4])
        for row in rows
    ]
