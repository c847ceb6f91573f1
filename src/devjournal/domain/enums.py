"""Closed sets of values. Each value is what the database stores."""

from __future__ import annotations

from enum import StrEnum


class SprintKind(StrEnum):
    """What a coaching sprint works on."""

    PERFORMANCE = "performance"
    SKILLS = "skills"
    LEADERSHIP = "leadership"

    @property
    def label(self) -> str:
        """A human label."""
        return self.value.capitalize()


class ClosedState(StrEnum):
    """How a sprint ended."""

    COMPLETED = "completed"
    ABANDONED = "abandoned"


class MetricKind(StrEnum):
    """How a goal's KPI is measured."""

    NUMBER = "number"
    PERCENT = "percent"
    RATING = "rating"
    MILESTONES = "milestones"


class Direction(StrEnum):
    """Whether the KPI should go up or down."""

    UP = "up"
    DOWN = "down"


class GoalStatus(StrEnum):
    """The stored life-cycle state of a goal (pace status is computed, not stored)."""

    DRAFT = "draft"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    MISSED = "missed"
    DROPPED = "dropped"


class Scope(StrEnum):
    """Who an item may be shared with in an export."""

    PRIVATE = "private"
    COACH = "coach"
    MENTOR = "mentor"

    @property
    def label(self) -> str:
        """A human label."""
        return {"private": "Private", "coach": "Shareable with my coach"}.get(
            self.value, "Shareable with my mentor"
        )


class SessionStatus(StrEnum):
    """The state of a coaching session."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class ActionStatus(StrEnum):
    """The state of an action item."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Relationship(StrEnum):
    """The four kinds of mentor."""

    TRADITIONAL = "traditional"
    PEER = "peer"
    REVERSE = "reverse"
    FROM_AFAR = "from_afar"

    @property
    def label(self) -> str:
        """A human label."""
        return {"from_afar": "From afar"}.get(self.value, self.value.capitalize())


class Formality(StrEnum):
    """Whether a programme paired you (formal) or not."""

    FORMAL = "formal"
    INFORMAL = "informal"


class Affiliation(StrEnum):
    """Whether a mentor is inside or outside your organisation."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class EntryKind(StrEnum):
    """What a mentorship log entry records."""

    ADVICE = "advice"
    CONVERSATION = "conversation"
    LESSON = "lesson"
    REFLECTION = "reflection"
    TAUGHT = "taught"
    FEEDBACK = "feedback"
    WIN = "win"

    @property
    def label(self) -> str:
        """A human label."""
        return {"lesson": "Lesson from afar", "taught": "Taught"}.get(
            self.value, self.value.capitalize()
        )


class AdviceStatus(StrEnum):
    """Where a piece of advice stands."""

    NEW = "new"
    TRYING = "trying"
    WORKED = "worked"
    DIDNT_WORK = "didnt_work"
    PARKED = "parked"

    @property
    def label(self) -> str:
        """A human label."""
        return {"trying": "Trying it", "didnt_work": "Didn't work"}.get(
            self.value, self.value.capitalize()
        )


# -- the coach-or-mentor self-assessment (``domain/guide.py``): one set per question ----------
class Need(StrEnum):
    """What the user most needs help with right now."""

    SKILL = "skill"
    METRIC = "metric"
    PRESENTING = "presenting"
    LEADING = "leading"
    DIRECTION = "direction"
    RULES = "rules"
    NETWORK = "network"
    FEEDBACK = "feedback"


class GoalClarity(StrEnum):
    """How clear what the user wants to reach is."""

    CLEAR = "clear"
    ROUGH = "rough"
    UNCLEAR = "unclear"


class PathClarity(StrEnum):
    """Whether the user knows the road to it."""

    KNOWN = "known"
    PARTLY = "partly"
    UNKNOWN = "unknown"


class Horizon(StrEnum):
    """How far ahead the user looks."""

    MONTHS = "months"
    YEAR = "year"
    YEARS = "years"


class LearnFrom(StrEnum):
    """Who the user could learn from."""

    SENIOR = "senior"
    PEER = "peer"
    NEWER = "newer"
    AFAR = "afar"
    NOBODY = "nobody"


# -- feedback you can act on (``domain/feedback.py``) -------------------------------------------
class Impact(StrEnum):
    """How much a piece of feedback matters, in the user's reading."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        """A human label."""
        return self.value.capitalize()


class Heard(StrEnum):
    """How often the user has heard this feedback."""

    FIRST = "first"
    AGAIN = "again"
    PATTERN = "pattern"

    @property
    def label(self) -> str:
        """A human label."""
        return {"first": "First time", "again": "Heard it before"}.get(self.value, "A pattern")


# -- outreach, coaches and direction (``domain/outreach.py``, ``domain/direction.py``) -----
class Guide(StrEnum):
    """Who an outreach is for: a mentor to learn from, or a coach to work with."""

    MENTOR = "mentor"
    COACH = "coach"

    @property
    def label(self) -> str:
        """A human label."""
        return self.value.capitalize()


class OutreachStatus(StrEnum):
    """Where an outreach stands, in the order it usually moves."""

    IDEA = "idea"
    DRAFTED = "drafted"
    SENT = "sent"
    REPLIED = "replied"
    AGREED = "agreed"
    DECLINED = "declined"
    NO_REPLY = "no_reply"

    @property
    def label(self) -> str:
        """A human label."""
        return {"no_reply": "No reply", "idea": "Idea"}.get(self.value, self.value.capitalize())

    @property
    def is_closed(self) -> bool:
        """Agreed, declined or given up on: nothing more to do."""
        return self in (OutreachStatus.AGREED, OutreachStatus.DECLINED, OutreachStatus.NO_REPLY)


class ConverseFormat(StrEnum):
    """How the user wants to converse with a mentor or coach."""

    CALL = "call"
    MEETING = "meeting"
    WRITTEN = "written"

    @property
    def label(self) -> str:
        """A human label."""
        return {
            "call": "A call",
            "meeting": "Meeting in person",
            "written": "In writing",
        }[self.value]


class AimHorizon(StrEnum):
    """How far ahead a part of the user's direction looks."""

    ONE_YEAR = "1y"
    THREE_YEARS = "3y"
    FIVE_YEARS = "5y"

    @property
    def label(self) -> str:
        """A human label."""
        return {"1y": "In a year", "3y": "In three years", "5y": "In five years"}[self.value]

    @property
    def years(self) -> int:
        """The number of years."""
        return int(self.value[0])
