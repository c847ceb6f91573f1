"""The journal as a whole: what it holds, where the user stands today, sample data."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.errors import JournalError, JournalNotEmptyError
from devjournal.domain.imports import Restored
from devjournal.domain.jobs import Progress
from devjournal.domain.jumps import Jump
from devjournal.domain.overview import JournalInfo, ReminderFacts, TodayOverview
from devjournal.domain.retention import DEFAULT, Retention
from devjournal.services.changes import Changes, Outcome
from devjournal.services.people_service import coaches_from_names
from devjournal.storage.database import Database
from devjournal.storage.journal_dump import (
    active_goals_not_smart,
    check_tables,
    dump_tables,
    load_tables,
)
from devjournal.storage.jump_query import find_jumps
from devjournal.storage.today_query import read_reminders, read_today

if TYPE_CHECKING:
    from devjournal.domain.backups import Backup
    from devjournal.domain.check import CheckReport
    from devjournal.sample import SampleSize


class JournalService:
    """Use cases about the whole journal."""

    def __init__(
        self, db: Database, backups_dir: Path, clock: Clock, keep: Retention = DEFAULT
    ) -> None:
        self._db = db
        self._backups_dir = backups_dir
        self._clock = clock
        self._keep = keep

    @property
    def retention(self) -> Retention:
        """Which backups are kept when a new one is made."""
        return self._keep

    def use_backups(self, folder: Path, keep: Retention) -> None:
        """Make and list backups in ``folder`` from now on, keeping those ``keep`` says
        (the Preferences changed them)."""
        self._backups_dir = folder
        self._keep = keep

    def info(self) -> JournalInfo:
        """Where the journal is, its schema revision and what it holds."""
        with self._db.reading() as tx:
            counts = tx.stats.counts()
        path = self._db.path
        size = sum(
            p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists()
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
        with self._db.raw_connection() as conn:
            return read_today(conn, local_today(self._clock), self._clock())

    def jumps(self, typed: str) -> tuple[Jump, ...]:
        """The sprints, goals, mentors, coaches and entries whose name answers ``typed``
        (the quick switcher), best first."""
        with self._db.raw_connection() as conn:
            return find_jumps(conn, typed)

    def reminder_facts(self) -> ReminderFacts:
        """Tomorrow's sessions and every overdue action item, for reminders."""
        with self._db.raw_connection() as conn:
            return read_reminders(conn, local_today(self._clock), self._clock())

    def fill_sample(self, size: SampleSize) -> Outcome[dict[str, int]]:
        """Fill an empty journal with a realistic sample journal of ``size``.

        Raises:
            JournalNotEmptyError: the journal already holds data; nothing was written.
        """
        from devjournal.sample import build_sample  # noqa: PLC0415 - rare, heavy
        from devjournal.storage.bulk import bulk_insert  # noqa: PLC0415

        refusal = JournalNotEmptyError(
            "This journal already holds data, so no sample was added. "
            "Use an empty folder, e.g. --home /tmp/devjournal-sample."
        )
        if not self.is_empty():
            raise refusal  # before the (large) sample is built
        zone = self._clock().astimezone().tzinfo or UTC
        sample = build_sample(size, local_today(self._clock), zone)
        with self._db.transaction() as tx:
            if not tx.stats.is_empty():  # written to meanwhile by another process
                raise refusal
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
                assessments=sample.assessments,
                feedback=sample.feedback,
                coaches=sample.coaches,
                aims=sample.aims,
                outreach=sample.outreach,
            )
            counts = tx.stats.counts()
        return Outcome(counts, Changes.EVERYTHING)

    def changes_from_elsewhere(self) -> Changes:
        """Everything, if another program (the command line beside the window, say)
        committed to the journal since the last call; nothing otherwise. Cheap enough to
        ask every second."""
        return Changes.EVERYTHING if self._db.changed_elsewhere() else Changes.NONE

    def revision(self) -> str | None:
        """The journal's schema revision."""
        return self._db.revision()

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every live row of every table, JSON-ready (see ``storage/journal_dump.py``)."""
        with self._db.reading() as tx:
            return dump_tables(tx.session)

    def restore(self, tables: Any, progress: Progress | None = None) -> Outcome[Restored]:
        """Load a whole journal's tables (from a devjournal export) into this empty one:
        what it holds, and the active goals that are not SMART (brought in as they were;
        ``Restored.note`` names them).

        All or nothing: the tables are checked first, then inserted in one transaction;
        a cancel (``progress``) rolls it back.

        Raises:
            ImportProblem: the tables break a rule; the message names where.
            JournalNotEmptyError: the journal already holds data; nothing was written.
        """
        refusal = JournalNotEmptyError(
            "This journal already holds data, so nothing was imported. A devjournal export "
            "goes into an empty journal: open a new one with --home NEW_FOLDER and import "
            "it there."
        )
        if not self.is_empty():
            raise refusal
        checked = check_tables(tables, progress)
        with self._db.transaction() as tx:
            if not tx.stats.is_empty():
                raise refusal
            load_tables(tx.session, checked, progress)
            if isinstance(tables, dict) and "coach" not in tables:
                coaches_from_names(tx)  # a file from before schema 0007, as its migration
            counts = tx.stats.counts()
        return Outcome(Restored(counts, active_goals_not_smart(checked)), Changes.EVERYTHING)

    # -- backups and checks ---------------------------------------------------------------
    def backup(self, label: str = "manual") -> Path:
        """A checked backup now, then older ones pruned by the retention rule."""
        from devjournal.storage.backup import backup_into, prune  # noqa: PLC0415

        made = backup_into(self._db.engine, self._backups_dir, label, self._clock())
        prune(self._backups_dir, self._clock(), self._keep)
        return made

    def backups(self) -> list[Backup]:
        """The backups, newest first."""
        from devjournal.storage.backup import list_backups  # noqa: PLC0415

        return list_backups(self._backups_dir)

    def check_backup(self, backup: Path) -> str:
        """SQLite's ``quick_check`` of a backup before it is restored: "ok", "missing" (it
        was thinned out meanwhile), or what is wrong with it."""
        from devjournal.storage.backup import quick_check  # noqa: PLC0415

        return quick_check(backup) if backup.exists() else "missing"

    def check(self) -> CheckReport:
        """Integrity, foreign keys, every value, checksums and the search index (writes
        nothing)."""
        from devjournal.storage.check import check_journal  # noqa: PLC0415

        with self._db.raw_connection() as conn:
            return check_journal(conn)

    def rebuild_search_index(self) -> tuple[Path, int]:
        """Back up, then make the search index anew from the entries (``check --repair``);
        returns the backup and how many entries the index holds.

        Raises:
            JournalError: the backup or the rebuild failed; the journal is as it was.
        """
        from devjournal.storage.check import rebuild_search_index  # noqa: PLC0415

        made = self.backup("before-repair")
        try:
            with self._db.transaction() as tx:
                driver = tx.session.connection().connection.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                indexed = rebuild_search_index(driver)
        except sqlite3.DatabaseError as exc:
            raise JournalError(
                f"The search index could not be rebuilt ({exc}); the journal is as it was."
            ) from exc
        return made, indexed
