"""Mentors as the Mentorship page shows them: when you were last in touch, whether a
touchpoint is due, and what their advice became. Pure functions over domain values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from devjournal.domain.enums import AdviceStatus, EntryKind, Relationship
from devjournal.domain.models import LogEntry, Mentor, MentorLink

TRYING_FOR_DAYS = 21
"""How long advice is tried before Today asks "did it work?" (a few weeks)."""


def touchpoint_due_on(
    *,
    relationship: Relationship,
    contact_every_days: int | None,
    started_on: date | None,
    ended_on: date | None,
    last_contact: datetime | None,
    today: date,
) -> date | None:
    """The day the next touchpoint with a mentor falls due, or None when none will.

    The one rule of keeping in touch (the Mentorship page, Today and ``devjournal
    mentors`` ask it): a mentor you meant to be in touch with every N days is due once
    their last contact (the day, in local time, of the newest log entry with them) is
    more than N days old: a contact N days ago is on time, N + 1 days ago is due. Never
    in touch, the rhythm counts from the day the relationship started, and with no start
    day either a touchpoint is due at once. A mentor from afar (there is no one to
    contact), one without a rhythm, and one whose relationship has ended (``ended_on``
    today or before) have no touchpoint."""
    if relationship is Relationship.FROM_AFAR or not contact_every_days:
        return None
    if ended_on is not None and ended_on <= today:
        return None
    since = last_contact.astimezone().date() if last_contact else started_on
    if since is None:
        return today
    return since + timedelta(days=contact_every_days + 1)


def mentor_touchpoint_due_on(mentor: Mentor, last: datetime | None, today: date) -> date | None:
    """:func:`touchpoint_due_on` for a stored mentor."""
    return touchpoint_due_on(
        relationship=mentor.relationship,
        contact_every_days=mentor.contact_every_days,
        started_on=mentor.started_on,
        ended_on=mentor.ended_on,
        last_contact=last,
        today=today,
    )


def touchpoint_due(mentor: Mentor, last: datetime | None, today: date) -> bool:
    """True when a touchpoint with ``mentor`` is due on ``today`` (see
    :func:`touchpoint_due_on`)."""
    due_on = mentor_touchpoint_due_on(mentor, last, today)
    return due_on is not None and due_on <= today


def has_ended(mentor: Mentor, today: date) -> bool:
    """The relationship has ended (its end day is today or before)."""
    return mentor.ended_on is not None and mentor.ended_on <= today


EDITED_AFTER = timedelta(minutes=1)
"""A stored row changed more than this after it was written has been edited since (a row's
two stamps are read from the clock one after the other, so they differ a little even
when it was never changed)."""


def trying_since(occurred_at: datetime, created_at: datetime, updated_at: datetime) -> datetime:
    """Since when a piece of advice marked "trying it" has been tried, as the journal
    knows it (there is no stored "marked trying on" day, so ``occurred_at`` alone would ask
    about old advice the day it is marked).

    An entry edited after it was written (``updated_at`` more than :data:`EDITED_AFTER`
    after ``created_at``) counts from its last change: that is when it was marked "trying
    it" (the status is usually changed well after the advice is written down), or when the
    user said "still trying" on Today, which touches the entry to start the clock again.
    Any later edit also starts it again: the user has had the advice in hand. An entry not
    changed since it was written was written already marked "trying it", so it counts
    from when the advice was given (``occurred_at``): an imported or sample entry's stamps
    are the moment of the import, which says nothing of the advice."""
    return updated_at if updated_at - created_at > EDITED_AFTER else occurred_at


def ask_if_it_worked(
    status: AdviceStatus | None,
    occurred_at: datetime,
    created_at: datetime,
    updated_at: datetime,
    now: datetime,
) -> bool:
    """True when advice marked "trying it" has been tried for more than
    :data:`TRYING_FOR_DAYS` days (see :func:`trying_since`): time to ask "did it work?"."""
    if status is not AdviceStatus.TRYING:
        return False
    return now - trying_since(occurred_at, created_at, updated_at) > timedelta(days=TRYING_FOR_DAYS)


@dataclass(frozen=True)
class MentorLine:
    """A mentor in the list."""

    mentor: Mentor
    last_contact: datetime | None
    due: bool
    due_on: date | None = None
    """When the next touchpoint falls due (None: none will, see :func:`touchpoint_due_on`)."""


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
    """Every mentor with their last contact and whether (and when) a touchpoint is due."""
    lines = []
    for mentor in mentors:
        contact = last.get(mentor.id)
        due_on = mentor_touchpoint_due_on(mentor, contact, today)
        lines.append(MentorLine(mentor, contact, due_on is not None and due_on <= today, due_on))
    return lines
