"""Bringing entries in from other journals (jrnl, Day One): preview, then a backup of the
journal, then all or nothing."""

from __future__ import annotations

from pathlib import Path

from devjournal.domain.imports import ImportBatch, ImportDone, ImportPlan
from devjournal.domain.jobs import Progress
from devjournal.domain.rules import normalise_tags
from devjournal.services.changes import Changes, Outcome
from devjournal.services.journal_service import JournalService
from devjournal.storage.database import Database
from devjournal.storage.entry_import import insert_entries, known_keys, tag_ids

IMPORTED = Changes.ENTRIES | Changes.TAGS


class ImportService:
    """Use cases of importing entries."""

    def __init__(self, db: Database, journal: JournalService) -> None:
        self._db = db
        self._journal = journal

    def plan(self, batch: ImportBatch) -> ImportPlan:
        """What importing ``batch`` would add: entries not imported before, new tags."""
        keys = [e.key for e in batch.entries]
        with self._db.reading() as tx:
            known = known_keys(tx.session, keys)
            tags = set(tag_ids(tx.session))
        new = tuple(e for e in batch.entries if e.key not in known)
        fresh: dict[str, str] = {}
        for given in dict.fromkeys(e.tags for e in new):  # few tag sets, many entries
            for name in normalise_tags(given):
                if name.casefold() not in tags:
                    fresh.setdefault(name.casefold(), name)
        return ImportPlan(batch, new, len(batch.entries) - len(new), tuple(fresh.values()))

    def run(self, plan: ImportPlan, progress: Progress | None = None) -> Outcome[ImportDone]:
        """Back up a journal that holds anything, then add the plan's new entries in one
        transaction; returns how many were added and the backup.

        Entries imported meanwhile (another window) are skipped. A cancel through
        ``progress`` rolls everything back (the backup stays). A read-only journal is
        refused before a backup is made for nothing.

        Raises:
            JournalError: the journal is read-only, or the backup failed; nothing was
                imported.
        """
        made: Path | None = None
        if plan.new:
            self._db.ensure_writable("nothing was imported")
            if not self._journal.is_empty():
                if progress is not None:
                    progress.report(0, 0, "Backing up the journal first…")
                made = self._journal.backup("before-import")
        with self._db.transaction() as tx:
            known = known_keys(tx.session, [e.key for e in plan.new])
            fresh = [e for e in plan.new if e.key not in known]
            added = insert_entries(tx.session, fresh, progress)
        return Outcome(ImportDone(added, made), IMPORTED if added else Changes.NONE)
