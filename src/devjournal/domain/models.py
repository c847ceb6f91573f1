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
    AimHorizon,
    ClosedState,
    ConverseFormat,
    Direction,
    EntryKind,
    Formality,
    GoalClarity,
    GoalStatus,
    Guide,
    Heard,
    Horizon,
    Impact,
    LearnFrom,
    MetricKind,
    Need,
    OutreachStatus,
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
    coach_id: int | None = None
    """The coach (``Coach``) this sprint is with; ``coach_name`` is their name."""
    serves_id: int | None = None
    """The part of the user's direction (``Aim``) this sprint serves."""


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
    serves_id: int | None = None
    """The part of the user's direction (``Aim``) this goal serves."""


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
    converse_format: ConverseFormat | None = None
    """How we converse: a call, a meeting or in writing (the cadence is
    ``contact_every_days``)."""
    converse_minutes: int | None = None
    """How long a conversation usually is."""
    channel: str = ""
    """Where: a video link, a Slack channel, a café."""
    topics: str = ""
    """What the conversations are about."""
    boundaries: str = ""
    """What is out of bounds, or how to respect their time."""
    serves_id: int | None = None
    """The part of the user's direction (``Aim``) this mentor helps with."""


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


@dataclass(frozen=True, kw_only=True)
class CoachDraft:
    """A coach the user has worked with or works with: a person across sprints."""

    name: str
    coaches: str = ""
    """What they coach: "engineering leadership", "public speaking"."""
    organisation: str = ""
    contact: str = ""
    """How to reach them (kept as text, never opened)."""
    notes: str = ""
    serves_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class Coach(CoachDraft, Stamped):
    """A stored coach."""


@dataclass(frozen=True, kw_only=True)
class AimDraft:
    """One part of where the user wants to be in one, three or five years."""

    horizon: AimHorizon
    title: str
    detail: str = ""
    position: int = 0
    reached_on: date | None = None
    scope: Scope = Scope.PRIVATE


@dataclass(frozen=True, kw_only=True)
class Aim(AimDraft, Stamped):
    """A stored part of the direction."""


@dataclass(frozen=True, kw_only=True)
class OutreachDraft:
    """Reaching out to a prospective mentor or coach, with a defined purpose
    (``domain/outreach.py``)."""

    name: str
    guide: Guide = Guide.MENTOR
    relationship: Relationship | None = None
    """For a mentor: the relationship hoped for."""
    why_them: str = ""
    purpose: str = ""
    ask: str = ""
    converse_format: ConverseFormat | None = None
    converse_minutes: int | None = None
    every_days: int | None = None
    """How often the user hopes to talk (none: once)."""
    channel: str = ""
    message: str = ""
    """The first message, drafted from the template and edited."""
    status: OutreachStatus = OutreachStatus.IDEA
    idea_on: date
    drafted_on: date | None = None
    sent_on: date | None = None
    replied_on: date | None = None
    closed_on: date | None = None
    """When it was agreed, declined or given up on."""
    follow_up_days: int | None = 7
    """Follow up when a sent message has had no reply for this many days (none: never)."""
    notes: str = ""
    mentor_id: int | None = None
    """The mentor an agreed outreach became."""
    coach_id: int | None = None
    """The coach an agreed outreach became."""
    serves_id: int | None = None
    scope: Scope = Scope.PRIVATE


@dataclass(frozen=True, kw_only=True)
class Outreach(OutreachDraft, Stamped):
    """A stored outreach."""
