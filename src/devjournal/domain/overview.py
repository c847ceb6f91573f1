"""Where the user stands today: a read model of the journal, shown on the Today page.

These are view-shaped values, not entities: the Today query fills them straight from SQL
so the window can show real figures without loading the ORM first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from devjournal.domain.enums import EntryKind, Guide, SprintKind
from devjournal.domain.wording import day_text


@dataclass(frozen=True)
class ActiveSprint:
    """An open sprint that runs today."""

    id: int
    title: str
    kind: SprintKind
    coach_name: str
    focus: str
    start_date: date
    end_date: date
    goal_count: int


@dataclass(frozen=True)
class SprintStanding:
    """An open sprint seen on one day: day X of Y."""

    sprint: ActiveSprint
    day: int
    total_days: int

    @property
    def days_left(self) -> int:
        """Days after today until the sprint ends (0 on its last day)."""
        return self.total_days - self.day

    @property
    def fraction(self) -> float:
        """How much of the sprint has passed, 0..1."""
        return min(1.0, max(0.0, self.day / self.total_days))


def sprint_standing(sprint: ActiveSprint, today: date) -> SprintStanding:
    """Day ``X`` of ``Y`` for ``sprint`` on ``today`` (day 1 is the start date)."""
    total = (sprint.end_date - sprint.start_date).days + 1
    day = min(total, max(0, (today - sprint.start_date).days + 1))
    return SprintStanding(sprint=sprint, day=day, total_days=total)


@dataclass(frozen=True)
class DueAction:
    """An open action item due soon or overdue."""

    id: int
    sprint_id: int
    title: str
    due_date: date

    def is_overdue(self, today: date) -> bool:
        """Due before ``today``."""
        return self.due_date < today


@dataclass(frozen=True)
class UpcomingSession:
    """The next planned coaching session."""

    id: int
    sprint_id: int
    sprint_title: str
    starts_at: datetime
    duration_min: int
    agenda: str


@dataclass(frozen=True)
class DueCheckin:
    """A goal whose KPI check-in is due (nothing recorded within its interval)."""

    goal_id: int
    sprint_id: int
    title: str
    last_on: date | None


@dataclass(frozen=True)
class ReminderFacts:
    """What reminders look at: tomorrow's planned sessions and every overdue action item
    of the sprints still open."""

    sessions_tomorrow: tuple[UpcomingSession, ...] = ()
    overdue: tuple[DueAction, ...] = ()


@dataclass(frozen=True)
class RecentEntry:
    """A recent mentorship log entry."""

    id: int
    kind: EntryKind
    occurred_at: datetime
    title: str
    mentor_name: str


@dataclass(frozen=True)
class DueTouchpoint:
    """A mentor a touchpoint is due with (``domain/mentors.touchpoint_due_on``)."""

    mentor_id: int
    name: str
    last_contact: datetime | None
    due_on: date
    converse: tuple[str, ...] = ()
    """How you converse with them (``domain/outreach.converse_lines``), to read first."""


@dataclass(frozen=True)
class UnweighedFeedback:
    """A piece of feedback not weighed yet: its impact or how often it was heard is
    unknown, so it has no priority (``domain/feedback.priority``)."""

    entry_id: int
    title: str
    occurred_at: datetime


@dataclass(frozen=True)
class DueFollowUp:
    """A sent message to a prospective mentor or coach that calls for a follow-up
    (``domain/outreach.follow_up_on``)."""

    outreach_id: int
    name: str
    guide: Guide
    sent_on: date
    due_on: date

    @property
    def line(self) -> str:
        """One plain line: "Ada Lovelace (mentor): sent 3 Nov 2026, no reply yet"."""
        return (
            f"{self.name} ({self.guide.label.lower()}): sent {day_text(self.sent_on)}, no reply yet"
        )


@dataclass(frozen=True)
class TriedAdvice:
    """Advice tried long enough to ask "did it work?" (``domain/mentors.ask_if_it_worked``)."""

    id: int
    title: str
    mentor_name: str
    since: datetime
    """Since when it has been tried (``domain/mentors.trying_since``)."""


@dataclass(frozen=True)
class TodayOverview:
    """Everything the Today page shows."""

    today: date
    is_empty: bool
    active_sprints: tuple[SprintStanding, ...] = ()
    open_actions: int = 0
    overdue_actions: int = 0
    due_actions: tuple[DueAction, ...] = ()
    next_session: UpcomingSession | None = None
    due_checkins: tuple[DueCheckin, ...] = ()
    latest_entries: tuple[RecentEntry, ...] = ()
    log_entry_count: int = 0
    touchpoints: tuple[DueTouchpoint, ...] = ()
    """Mentors to get in touch with, the longest due first."""
    follow_ups: tuple[DueFollowUp, ...] = ()
    """Outreach to follow up on, the longest due first."""
    unweighed: tuple[UnweighedFeedback, ...] = ()
    """Feedback not weighed yet, the newest first (the first few)."""
    unweighed_count: int = 0
    """How much feedback is not weighed yet in all."""
    tried_advice: tuple[TriedAdvice, ...] = ()
    """Advice to ask "did it work?" about, the longest tried first (the first few)."""
    tried_advice_count: int = 0
    """How much advice there is to ask about in all."""


@dataclass(frozen=True)
class JournalInfo:
    """What ``devjournal info`` prints."""

    path: Path
    backups_dir: Path
    revision: str | None
    size_bytes: int
    counts: Mapping[str, int]
