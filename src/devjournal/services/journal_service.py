"""The journal as a whole: what it holds, where the user stands today, sample data."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from devjournal.domain.clock import Clock, local_today, utc_now
from devjournal.domain.errors import JournalNotEmptyError
from devjournal.domain.overview import JournalInfo, TodayOverview, sprint_standing
from devjournal.services.changes import Changes, Outcome
from devjournal.storage.database import Database

if TYPE_CHECKING:
    from devjournal.services.sample_data import SampleSize

LATEST_ENTRIES = 5
DUE_ACTIONS = 5


class JournalService:
    """Use cases about the whole journal."""

    def __init__(self, db: Database, backups_dir: Path, clock: Clock = utc_now) -> None:
        self._db = db
        self._backups_dir = backups_dir
        self._clock = clock

    def info(self) -> JournalInfo:
        """Where the journal is, its schema revision and what it holds."""
        with self._db.reading() as tx:
            counts = tx.stats.counts()
        path = self._db.path
        size = sum(
            p.stat().st_size
            for p in (path, path.with_name(path.name + "-wal"))
            if p.exists()
        )
        return JournalInfo(
            path=path,
            backups_dir=self._backups_dir,
            revision=self._db.revision(),
            size_bytes=size,
            counts=counts,
        )

    def is_empty(self) -> bool:
        """True when the journal holds nothing the user wrote."""
        with self._db.reading() as tx:
            return tx.stats.is_empty()

    def today(self) -> TodayOverview:
        """The figures of the Today page, from a handful of indexed queries."""
        now = self._clock()
        today = local_today(self._clock)
        with self._db.reading() as tx:
            if tx.stats.is_empty():
                return TodayOverview(today=today, is_empty=True)
            active = tuple(
                sprint_standing(sprint, today, tx.goals.count_of_sprint(sprint.id))
                for sprint in tx.sprints.active_on(today)
            )
            due_soon = today + timedelta(days=7)
            due = tuple(
                item
                for item in tx.actions.open_items(limit=DUE_ACTIONS)
                if item.due_date is not None and item.due_date <= due_soon
            )
            next_session = tx.sessions.next_planned(now - timedelta(hours=1))
            sprint_title = (
                tx.sprints.get(next_session.sprint_id).title if next_session is not None else ""
            )
            latest = tuple(tx.entries.latest(LATEST_ENTRIES))
            return TodayOverview(
                today=today,
                is_empty=False,
                active_sprints=active,
                open_actions=tx.actions.count_open(),
                overdue_actions=tx.actions.count_open(overdue_before=today),
                due_actions=due,
                next_session=next_session,
                next_session_sprint=sprint_title,
                latest_entries=latest,
                mentor_names=tx.mentors.names(),
                counts=tx.stats.counts(),
            )

    def fill_sample(self, size: SampleSize) -> Outcome[dict[str, int]]:
        """Fill an empty journal with a realistic sample journal of ``size``.

        Raises:
            JournalNotEmptyError: the journal already holds data; nothing was written.
        """
        from devjournal.services.sample_data import build_sample  # noqa: PLC0415 - rare, heavy
        from devjournal.storage.bulk import bulk_insert  # noqa: PLC0415

        sample = build_sample(size, local_today(self._clock), self._clock().astimezone().tzinfo)
        with self._db.transaction() as tx:
            if not tx.stats.is_empty():
                raise JournalNotEmptyError(
                    "This journal already holds data, so no sample was added. "
                    "Use an empty folder, e.g. --home /tmp/devjournal-sample."
                )
            bulk_insert(
                tx.session,
                sprints=sample.sprints,
                goals=sample.goals,
                milestones=sample.milestones,
                checkins=sample.checkins,
                sessions=sample.sessions,
                actions=sample.actions,
                mentors=sample.mentors,
                links=sample.links,
                entries=sample.entries,
            )
            counts = tx.stats.counts()
        return Outcome(counts, Changes.everything())
