"""The services, built together over one database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devjournal.domain.clock import Clock, utc_now
from devjournal.services.coaching_service import CoachingService
from devjournal.services.journal_service import JournalService
from devjournal.services.mentorship_service import MentorshipService
from devjournal.storage.database import Database


@dataclass(frozen=True)
class Services:
    """Every use case the UI and the CLI can call."""

    journal: JournalService
    coaching: CoachingService
    mentorship: MentorshipService


def build_services(db: Database, backups_dir: Path, clock: Clock = utc_now) -> Services:
    """Services over ``db``, sharing one clock."""
    return Services(
        journal=JournalService(db, backups_dir, clock),
        coaching=CoachingService(db, clock),
        mentorship=MentorshipService(db, clock),
    )
