"""Sprints as the Coaching page shows them: phase, health, and each goal's standing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from devjournal.domain.enums import ClosedState, GoalStatus
from devjournal.domain.models import Checkin, Goal, Milestone, Sprint, SprintDraft
from devjournal.domain.pace import PaceStatus
from devjournal.domain.progress import GoalProgress
from devjournal.domain.smart import SmartLine

GOAL_OUTCOMES = (GoalStatus.ACHIEVED, GoalStatus.MISSED, GoalStatus.DROPPED)
"""The stored statuses that end a goal."""
STANDING_ORDER = (
    "achieved",
    "ahead",
    "on track",
    "at risk",
    "behind",
    "missed",
    "no data",
    "dropped",
)
"""The order a sprint's goals are counted in."""


class SprintPhase(StrEnum):
    """Where a sprint is in its life, as grouped on the Coaching page."""

    ACTIVE = "active"
    PLANNED = "planned"
    FINISHED = "finished"

    @property
    def label(self) -> str:
        """A heading."""
        return self.value.capitalize()


def sprint_phase(sprint: Sprint, today: date) -> SprintPhase:
    """Closed or past its end: finished; not started: planned; otherwise active."""
    if sprint.closed_state is not None or sprint.end_date < today:
        return SprintPhase.FINISHED
    if sprint.start_date > today:
        return SprintPhase.PLANNED
    return SprintPhase.ACTIVE


@dataclass(frozen=True)
class SprintSummary:
    """A line of the sprint list."""

    sprint: Sprint
    phase: SprintPhase
    goal_count: int


def running_sprint(board: Iterable[SprintSummary]) -> Sprint | None:
    """The sprint running today: of the active ones, the one that started first (then the
    first made); None when none is running."""
    active = [s.sprint for s in board if s.phase is SprintPhase.ACTIVE]
    return min(active, key=lambda s: (s.start_date, s.id), default=None)


@dataclass(frozen=True)
class GoalView:
    """One goal with everything its card shows."""

    goal: Goal
    progress: GoalProgress
    checkins: tuple[Checkin, ...]
    milestones: tuple[Milestone, ...]
    smart: tuple[SmartLine, ...]

    @property
    def smart_gaps(self) -> str:
        """Letters not met, e.g. ``"A, R"``."""
        return ", ".join(line.letter for line in self.smart if not line.ok)

    @property
    def decided(self) -> bool:
        """True once the goal has an outcome (achieved, missed or dropped)."""
        return self.goal.status in GOAL_OUTCOMES

    @property
    def standing(self) -> str:
        """How the goal stands, as said everywhere: its outcome once decided (lower case
        ``"achieved"``, ``"missed"``, ``"dropped"``), otherwise its pace status label."""
        if self.decided:
            return self.goal.status.value
        return self.progress.status.label.lower()


@dataclass(frozen=True)
class SprintView:
    """A sprint opened on the Coaching page."""

    sprint: Sprint
    phase: SprintPhase
    today: date
    goals: tuple[GoalView, ...]

    @property
    def day(self) -> int:
        """Day X (0 before it starts; the last day after it ends)."""
        total = self.total_days
        return min(total, max(0, (self.today - self.sprint.start_date).days + 1))

    @property
    def total_days(self) -> int:
        """Y, the sprint's length in days."""
        return (self.sprint.end_date - self.sprint.start_date).days + 1

    def health_summary(self) -> str:
        """``3 goals: 1 ahead, 1 on track, 1 at risk · 2 check-ins due``."""
        counts = Counter(g.standing for g in self.goals)
        parts = [f"{counts[name]} {name}" for name in STANDING_ORDER if counts[name]]
        text = f"{len(self.goals)} goal{'s' if len(self.goals) != 1 else ''}"
        if parts:
            text += ": " + ", ".join(parts)
        due = sum(g.progress.checkin_overdue for g in self.goals if not g.decided)
        if due and self.sprint.closed_state is None:
            text += f" · {due} check-in{'s' if due != 1 else ''} due"
        return text

    def status_counts(self) -> Counter[PaceStatus]:
        """Goals by pace status (dropped goals left out)."""
        return Counter(
            g.progress.status for g in self.goals if g.goal.status is not GoalStatus.DROPPED
        )


def outcome_key(goal_id: int) -> str:
    """The field name under which a problem with one goal's outcome is reported."""
    return f"outcome:{goal_id}"


@dataclass(frozen=True)
class GoalOutcome:
    """How one goal ended when its sprint closed."""

    goal_id: int
    status: GoalStatus
    final_value: float | None = None
    lessons: str = ""


@dataclass(frozen=True)
class SprintClosing:
    """Everything the user says when closing a sprint.

    ``roll_over`` names goals to carry on, either into an existing sprint
    (``roll_into_id``) or into a new one made from ``continue_as``; never both.
    """

    state: ClosedState
    closed_on: date
    retrospective: str = ""
    outcomes: tuple[GoalOutcome, ...] = ()
    wins: tuple[str, ...] = ()
    roll_over: tuple[int, ...] = ()
    roll_into_id: int | None = None
    continue_as: SprintDraft | None = None


@dataclass(frozen=True)
class SprintClosed:
    """What closing did: the closed sprint, and where its rolled-over goals went."""

    sprint: Sprint
    rolled_into: Sprint | None = None
    rolled: tuple[Goal, ...] = ()


CONTINUED = " (continued)"


def continuation_of(sprint: SprintDraft, starts: date) -> SprintDraft:
    """A new sprint that carries ``sprint`` on from ``starts``, as long as it was."""
    title = sprint.title[: 200 - len(CONTINUED)] + CONTINUED
    if sprint.title.endswith(CONTINUED):
        title = sprint.title
    return SprintDraft(
        title=title,
        kind=sprint.kind,
        coach_name=sprint.coach_name,
        focus=sprint.focus,
        start_date=starts,
        end_date=starts + (sprint.end_date - sprint.start_date),
        session_every_days=sprint.session_every_days,
        serves_id=sprint.serves_id,
    )


def next_start(sprint: SprintDraft, closed_on: date, today: date) -> date:
    """When a continuation starts: the day after closing, but not in the past."""
    return max(closed_on + timedelta(days=1), today)
