"""The services, built together over one database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devjournal.domain.clock import Clock, utc_now
from devjournal.services.coaching_service import CoachingService
from devjournal.services.import_service import ImportService
from devjournal.services.journal_service import JournalService
from devjournal.services.mentorship_service import MentorshipService
from devjournal.services.timeline_service import TimelineService
from devjournal.storage.database import Database, open_journal


@dataclass(frozen=True)
class Services:
    """Every use case the UI and the CLI can call."""

    journal: JournalService
    coaching: CoachingService
    mentorship: MentorshipService
    imports: ImportService
    timeline: TimelineService


def open_services(
    journal: Path, backups_dir: Path, clock: Clock = utc_now
) -> tuple[Database, Services]:
    """Open (creating or migrating if needed) the journal and build services over it."""
    db = open_journal(journal, backups_dir)
    return db, build_services(db, backups_dir, clock)


def build_services(db: Database, backups_dir: Path, clock: Clock = utc_now) -> Services:
    """Services over ``db``, sharing one clock."""
    return Services(
        journal=JournalService(db, backups_dir, clock),
        coaching=CoachingService(db, clock),
        mentorship=MentorshipService(db, clock),
        imports=ImportService(db),
        timeline=TimelineService(db, clock),
    )
