"""Frozen domain objects.

Each entity comes in two parts: a ``*Draft`` with the fields a user edits, and the entity
itself, which is the draft plus its identity and timestamps. The UI never holds anything
bound to a database session, only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from devjournal.domain.enums import (
    ActionStatus,
    AdviceStatus,
    Affiliation,
    ClosedState,
    Direction,
    EntryKind,
    Formality,
    GoalClarity,
    GoalStatus,
    Heard,
    Horizon,
    Impact,
    LearnFrom,
    MetricKind,
    Need,
    PathClarity,
    Relationship,
    Scope,
    SessionStatus,
    SprintKind,
)


@dataclass(frozen=True, kw_only=True)
class Stamped:
    """Identity and timestamps (UTC) of a stored entity."""

    id: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, kw_only=True)
class SprintDraft:
    """A coaching sprint as the user edits it."""

    title: str
    kind: SprintKind
    start_date: date
    end_date: date
    coach_name: str = ""
    focus: str = ""
    session_every_days: int | None = 14
    closed_state: ClosedState | None = None
    closed_on: date | None = None
    retrospective: str = ""


@dataclass(frozen=True, kw_only=True)
class Sprint(SprintDraft, Stamped):
    """A stored coaching sprint."""


@dataclass(frozen=True, kw_only=True)
class GoalDraft:
    """A SMART goal of a sprint, with its KPI."""

    sprint_id: int
    title: str
    specific: str = ""
    metric_kind: MetricKind = MetricKind.NUMBER
    metric_name: str = ""
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    direction: Direction = Direction.UP
    scale_max: int | None = None
    achievable: str = ""
    relevant: str = ""
    deadline: date | None = None
    checkin_every_days: int = 7
    status: GoalStatus = GoalStatus.DRAFT
    final_value: float | None = None
    lessons: str = ""
    scope: Scope = Scope.COACH
    position: int = 0
    rolled_from_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class Goal(GoalDraft, Stamped):
    """A stored goal."""

    checksum: str = ""


@dataclass(frozen=True, kw_only=True)
class MilestoneDraft:
    """One step of a milestone goal."""

    goal_id: int
    title: str
    position: int = 0
    done_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class Milestone(MilestoneDraft, Stamped):
    """A stored milestone."""


@dataclass(frozen=True, kw_only=True)
class CheckinDraft:
    """A KPI measurement on a day."""

    goal_id: int
    on_date: date
    value: float
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Checkin(CheckinDraft, Stamped):
    """A stored check-in."""


@dataclass(frozen=True)
class SessionQuestion:
    """A question the coach asked, and your answer."""

    question: str
    answer: str = ""


@dataclass(frozen=True, kw_only=True)
class SessionDraft:
    """A coaching session. ``starts_at`` is timezone-aware; ``agenda`` holds one item a
    line (Markdown list markers allowed)."""

    sprint_id: int
    starts_at: datetime
    duration_min: int = 60
    status: SessionStatus = SessionStatus.PLANNED
    agenda: str = ""
    notes: str = ""
    insights: str = ""
    scope: Scope = Scope.COACH
    questions: tuple[SessionQuestion, ...] = ()


@dataclass(frozen=True, kw_only=True)
class CoachingSession(SessionDraft, Stamped):
    """A stored coaching session."""


@dataclass(frozen=True, kw_only=True)
class ActionItemDraft:
    """Something the user committed to and the coach will ask about."""

    sprint_id: int
    title: str
    due_date: date | None = None
    goal_id: int | None = None
    session_id: int | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class ActionItem(ActionItemDraft, Stamped):
    """A stored action item."""

    def is_overdue(self, today: date) -> bool:
        """An open item whose due date has passed."""
        return (
            self.status is ActionStatus.OPEN and self.due_date is not None and self.due_date < today
        )


@dataclass(frozen=True, kw_only=True)
class MentorDraft:
    """A mentor of any of the four relationships."""

    name: str
    relationship: Relationship
    formality: Formality = Formality.INFORMAL
    programme: str = ""
    affiliation: Affiliation = Affiliation.EXTERNAL
    organisation: str = ""
    seeking: str = ""
    contact_every_days: int | None = None
    started_on: date | None = None
    ended_on: date | None = None
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class Mentor(MentorDraft, Stamped):
    """A stored mentor."""


@dataclass(frozen=True, kw_only=True)
class MentorLinkDraft:
    """Where to follow a mentor: a labelled link."""

    mentor_id: int
    label: str
    url: str
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class MentorLink(MentorLinkDraft, Stamped):
    """A stored mentor link."""


@dataclass(frozen=True, kw_only=True)
class LogEntryDraft:
    """A mentorship log entry. ``occurred_at`` is timezone-aware; ``tags`` are names."""

    kind: EntryKind
    occurred_at: datetime
    title: str
    body: str = ""
    mentor_id: int | None = None
    sprint_id: int | None = None
    goal_id: int | None = None
    source_url: str = ""
    advice_status: AdviceStatus | None = None
    responds_to_id: int | None = None
    scope: Scope = Scope.PRIVATE
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True, kw_only=True)
class LogEntry(LogEntryDraft, Stamped):
    """A stored log entry."""

    checksum: str = ""


@dataclass(frozen=True, kw_only=True)
class Tag:
    """A tag and how many live entries carry it."""

    id: int
    name: str
    entry_count: int = 0


@dataclass(frozen=True, kw_only=True)
class AssessmentDraft:
    """The coach-or-mentor self-assessment as answered (``domain/guide.py`` says what it
    recommends). Only the most pressing need must be answered."""

    taken_at: datetime
    need: Need
    goal: GoalClarity | None = None
    path: PathClarity | None = None
    horizon: Horizon | None = None
    learn_from: LearnFrom | None = None
    in_own_words: str = ""
    scope: Scope = Scope.PRIVATE


@dataclass(frozen=True, kw_only=True)
class Assessment(AssessmentDraft, Stamped):
    """A self-assessment kept with its date."""


@dataclass(frozen=True, kw_only=True)
class FeedbackDetails:
    """What makes a Feedback log entry something to act on (``domain/feedback.py`` says
    its priority). The entry holds the rest: when, a title, their words (the body), the
    mentor who gave it, the themes (tags) and who it is shared with."""

    given_by: str = ""
    """Who gave it, when it was not one of the user's mentors."""
    context: str = ""
    """Where and about what: a review, a retro, a pull request."""
    reading: str = ""
    """The user's own reading of it: what they think it means."""
    impact: Impact | None = None
    heard: Heard | None = None
    done: str = ""
    """What the user did about it."""
    session_id: int | None = None
    """The coaching session where it was discussed."""
    goal_id: int | None = None
    """The goal it was turned into."""
    action_id: int | None = None
    """The action item it was turned into."""
