"""Mentors as the Mentorship page shows them: when you were last in touch, whether a
touchpoint is due, and what their advice became. Pure functions over domain values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from devjournal.domain.enums import AdviceStatus, EntryKind
from devjournal.domain.models import LogEntry, Mentor, MentorLink


def touchpoint_due(mentor: Mentor, last: datetime | None, today: date) -> bool:
    """True when you meant to be in touch every N days and it has been longer (a mentor
    from afar, or one without a rhythm, or one whose relationship ended, is never due)."""
    if not mentor.contact_every_days or (mentor.ended_on and mentor.ended_on <= today):
        return False
    since = last.astimezone().date() if last else mentor.started_on
    if since is None:
        return True
    return (today - since).days > mentor.contact_every_days


@dataclass(frozen=True)
class MentorLine:
    """A mentor in the list."""

    mentor: Mentor
    last_contact: datetime | None
    due: bool


@dataclass(frozen=True)
class MentorHistory:
    """Everything the Mentorship page says about one mentor."""

    mentor: Mentor
    links: tuple[MentorLink, ...]
    entries: tuple[LogEntry, ...]
    """Oldest first."""
    due: bool

    @property
    def first_contact(self) -> datetime | None:
        return self.entries[0].occurred_at if self.entries else None

    @property
    def last_contact(self) -> datetime | None:
        return self.entries[-1].occurred_at if self.entries else None

    def per_year(self) -> list[tuple[int, int]]:
        """Entries per year, oldest year first."""
        counts = Counter(e.occurred_at.astimezone().year for e in self.entries)
        return sorted(counts.items())

    def advice(self) -> list[LogEntry]:
        """Their advice, newest first."""
        return [e for e in reversed(self.entries) if e.kind is EntryKind.ADVICE]

    def advice_counts(self) -> Counter[AdviceStatus]:
        """Their advice by what became of it."""
        return Counter(e.advice_status or AdviceStatus.NEW for e in self.advice())


def mentor_lines(
    mentors: Sequence[Mentor], last: dict[int, datetime], today: date
) -> list[MentorLine]:
    """Every mentor with their last contact and whether a touchpoint is due."""
    return [
        MentorLine(m, last.get(m.id), touchpoint_due(m, last.get(m.id), today)) for m in mentors
    ]
