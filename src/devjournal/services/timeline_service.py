"""The timeline's reads: everything but the log entries at once, the entries for the
window in view (as marks, or as counts per bucket when too many to tell apart)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.timeline import (
    Bucket,
    TimelineData,
    TimelineEntry,
    TimelineFilter,
    Unit,
    edges,
)
from devjournal.storage.database import Database
from devjournal.storage.timeline_query import count_entries, entries_between, read_timeline


@dataclass(frozen=True)
class EntryWindow:
    """The log entries in view: each one, or (when too many) counts per bucket."""

    entries: tuple[TimelineEntry, ...] = ()
    buckets: tuple[Bucket, ...] = ()
    total: int = 0


class TimelineService:
    """Use cases of the Timeline page."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def today(self) -> date:
        """Today, in local time."""
        return local_today(self._clock)

    def data(self) -> TimelineData:
        """Sprints, goals, sessions and check-ins, and the span of the log."""
        with self._db.raw_connection() as conn:
            return read_timeline(conn, local_today(self._clock))

    def window(
        self, first: date, last: date, where: TimelineFilter, *, max_marks: int, unit: Unit
    ) -> EntryWindow:
        """The entries from ``first`` to ``last`` (inclusive): each one when there are at
        most ``max_marks``, else their counts per ``unit``."""
        with self._db.raw_connection() as conn:
            (total,) = count_entries(conn, [first, date.fromordinal(last.toordinal() + 1)], where)
            if total <= max_marks:
                found = entries_between(
                    conn, first, date.fromordinal(last.toordinal() + 1), where, max_marks
                )
                return EntryWindow(entries=tuple(found), total=total)
            steps = edges(first, last, unit)
            counts = count_entries(conn, steps, where)
        return EntryWindow(
            buckets=tuple(
                Bucket(lo, hi, n) for lo, hi, n in zip(steps, steps[1:], counts, strict=False) if n
            ),
            total=total,
        )
