"""Bringing entries in from other journals (jrnl, Day One): preview, then all or nothing."""

from __future__ import annotations

from devjournal.domain.imports import ImportBatch, ImportPlan
from devjournal.domain.jobs import Progress
from devjournal.domain.rules import normalise_tags
from devjournal.services.changes import Changes, Outcome
from devjournal.storage.database import Database
from devjournal.storage.entry_import import insert_entries, known_keys, tag_ids

IMPORTED = Changes.ENTRIES | Changes.TAGS


class ImportService:
    """Use cases of importing entries."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def plan(self, batch: ImportBatch) -> ImportPlan:
        """What importing ``batch`` would add: entries not imported before, new tags."""
        keys = [e.key for e in batch.entries]
        with self._db.reading() as tx:
            known = known_keys(tx.session, keys)
            tags = set(tag_ids(tx.session))
        new = tuple(e for e in batch.entries if e.key not in known)
        fresh: dict[str, str] = {}
        for entry in new:
            for name in normalise_tags(entry.tags):
                if name.casefold() not in tags:
                    fresh.setdefault(name.casefold(), name)
        return ImportPlan(batch, new, len(batch.entries) - len(new), tuple(fresh.values()))

    def run(self, plan: ImportPlan, progress: Progress | None = None) -> Outcome[int]:
        """Add the plan's new entries in one transaction; returns how many were added.

        Entries imported meanwhile (another window) are skipped. A cancel through
        ``progress`` rolls everything back.
        """
        with self._db.transaction() as tx:
            known = known_keys(tx.session, [e.key for e in plan.new])
            fresh = [e for e in plan.new if e.key not in known]
            added = insert_entries(tx.session, fresh, progress)
        return Outcome(added, IMPORTED if added else Changes.NONE)
