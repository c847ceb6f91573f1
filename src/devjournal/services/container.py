"""The services, built together over one database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devjournal.domain.clock import Clock
from devjournal.domain.retention import DEFAULT, Retention
from devjournal.services.coaching_service import CoachingService
from devjournal.services.guide_service import GuideService
from devjournal.services.import_service import ImportService
from devjournal.services.journal_service import JournalService
from devjournal.services.mentorship_service import MentorshipService
from devjournal.services.people_service import PeopleService
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
    guide: GuideService
    people: PeopleService
    clock: Clock
    """The one clock the services (and the journal's row stamps) read."""


def open_services(
    journal: Path,
    backups_dir: Path,
    clock: Clock,
    *,
    create: bool = True,
    keep: Retention = DEFAULT,
) -> tuple[Database, Services]:
    """Open (migrating if needed, and creating it unless ``create`` is False) the journal
    and build services over it; backups are made in ``backups_dir`` and kept as ``keep``
    says."""
    db = open_journal(journal, backups_dir, clock, create=create)
    return db, build_services(db, backups_dir, keep)


def build_services(db: Database, backups_dir: Path, keep: Retention = DEFAULT) -> Services:
    """Services over ``db``, sharing its one clock (the one its rows are stamped by)."""
    clock = db.clock
    journal = JournalService(db, backups_dir, clock, keep)
    return Services(
        journal=journal,
        coaching=CoachingService(db, clock),
        mentorship=MentorshipService(db, clock),
        imports=ImportService(db, journal),
        timeline=TimelineService(db, clock),
        guide=GuideService(db, clock),
        people=PeopleService(db, clock),
        clock=clock,
    )
