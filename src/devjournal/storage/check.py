"""``devjournal check``: is the journal whole? SQLite's integrity and foreign keys, the
search index against the entries, and the checksum kept on every log entry and goal.

SQLite's checks find a damaged page or index; they miss most flipped bytes inside row
data (a title that changed on disk still reads). The checksums catch those.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

from devjournal.domain.enums import EntryKind
from devjournal.storage.repositories import entry_checksum, goal_checksum

MAX_LISTED = 20
"""At most this many problems of one kind are listed (and the rest counted)."""


@dataclass
class CheckReport:
    """What ``check`` found: each problem as a line a user can read."""

    problems: list[str] = field(default_factory=list)
    entries: int = 0
    goals: int = 0

    @property
    def healthy(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def _listed(report: CheckReport, lines: list[str], what: str) -> None:
    report.problems += lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        report.problems.append(f"… and {len(lines) - MAX_LISTED:,} more {what}")


def check_journal(conn: sqlite3.Connection) -> CheckReport:
    """Every check, read-only."""
    report = CheckReport()
    verdict = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    if verdict != ["ok"]:
        _listed(report, [f"SQLite integrity: {line}" for line in verdict], "integrity problems")
        return report  # the rest would read damaged pages
    broken = [
        f"Foreign key: {table} row {rowid} points at a missing {parent}"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]
    _listed(report, broken, "foreign key problems")
    missing = [
        f"Search index: entry {row[0]} is missing from it"
        for row in conn.execute(
            "SELECT e.id FROM log_entry e WHERE e.deleted_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM log_entry_fts f WHERE f.rowid = e.id)"
        )
    ]
    stale = [
        f"Search index: it has entry {row[0]}, which is deleted or gone"
        for row in conn.execute(
            "SELECT f.rowid FROM log_entry_fts f WHERE NOT EXISTS "
            "(SELECT 1 FROM log_entry e WHERE e.id = f.rowid AND e.deleted_at IS NULL)"
        )
    ]
    _listed(report, missing + stale, "search index problems")
    damaged = []
    for row in conn.execute(
        "SELECT id, kind, occurred_at, title, body, source_url, checksum FROM log_entry "
        "WHERE deleted_at IS NULL AND checksum != ''"
    ):
        report.entries += 1
        try:
            when = datetime.fromisoformat(row[2]).replace(tzinfo=UTC)
            kind: Any = EntryKind(row[1])
        except (TypeError, ValueError):
            damaged.append(f"Log entry {row[0]}: its kind or time changed on disk")
            continue
        fields = SimpleNamespace(
            kind=kind, occurred_at=when, title=row[3], body=row[4], source_url=row[5]
        )
        if entry_checksum(cast(Any, fields)) != row[6]:
            damaged.append(f"Log entry {row[0]} (“{_short(row[3])}”): its text changed on disk")
    for row in conn.execute(
        "SELECT id, title, specific, metric_name, unit, baseline, target, achievable, "
        "relevant, deadline, lessons, final_value, checksum FROM goal "
        "WHERE deleted_at IS NULL AND checksum != ''"
    ):
        report.goals += 1
        names = (
            "title",
            "specific",
            "metric_name",
            "unit",
            "baseline",
            "target",
            "achievable",
            "relevant",
            "deadline",
            "lessons",
            "final_value",
        )
        fields = SimpleNamespace(**dict(zip(names, row[1:12], strict=True)))
        if goal_checksum(cast(Any, fields)) != row[12]:
            damaged.append(f"Goal {row[0]} (“{_short(row[1])}”): its text changed on disk")
    _listed(report, damaged, "damaged rows")
    return report


def _short(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= 50 else line[:49] + "…"
