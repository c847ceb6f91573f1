"""What the generator is asked for (a size) and what it returns (a journal of drafts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from devjournal.domain.models import (
    ActionItemDraft,
    AimDraft,
    AssessmentDraft,
    CheckinDraft,
    CoachDraft,
    FeedbackDetails,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    MentorLinkDraft,
    MilestoneDraft,
    OutreachDraft,
    SessionDraft,
    SprintDraft,
)


class SampleSize(StrEnum):
    """How much sample data to generate."""

    SMALL = "small"
    DECADE = "decade"
    STRESS = "stress"


@dataclass(frozen=True)
class SampleJournal:
    """A whole journal as ``(id, draft)`` pairs; ids run 1..n in list order per table."""

    sprints: list[tuple[int, SprintDraft]]
    goals: list[tuple[int, GoalDraft]]
    milestones: list[tuple[int, MilestoneDraft]]
    checkins: list[tuple[int, CheckinDraft]]
    sessions: list[tuple[int, SessionDraft]]
    actions: list[tuple[int, ActionItemDraft]]
    mentors: list[tuple[int, MentorDraft]]
    links: list[tuple[int, MentorLinkDraft]]
    entries: list[tuple[int, LogEntryDraft]]
    assessments: list[tuple[int, AssessmentDraft]]
    feedback: list[tuple[int, FeedbackDetails]]
    """The details of Feedback entries, by the entry's id."""
    coaches: list[tuple[int, CoachDraft]] = field(default_factory=list)
    """The coaches the sprints name (each sprint's ``coach_id``)."""
    aims: list[tuple[int, AimDraft]] = field(default_factory=list)
    """The direction: where the author wants to be in one, three and five years."""
    outreach: list[tuple[int, OutreachDraft]] = field(default_factory=list)


@dataclass(frozen=True)
class Profile:
    """The shape of one size."""

    years: int  # how far back the log entries go
    entries: int
    mentors: int
    tracks: int  # parallel lines of sprints (more than one makes sprints overlap)
    past_sprints: int | None  # a fixed number of finished sprints, or None: fill the years
    gap_days: tuple[int, int]  # pause between two sprints of one track
    coaches: int


PROFILES: dict[SampleSize, Profile] = {
    SampleSize.SMALL: Profile(2, 150, 8, 1, 3, (14, 70), 2),
    SampleSize.DECADE: Profile(10, 10_000, 40, 1, None, (5, 28), 6),
    SampleSize.STRESS: Profile(20, 100_000, 150, 6, None, (14, 42), 24),
}
