"""Where the user stands today: computed from the journal, shown on the Today page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from devjournal.domain.models import ActionItem, CoachingSession, LogEntry, Sprint


@dataclass(frozen=True)
class SprintStanding:
    """An open sprint seen on one day: day X of Y."""

    sprint: Sprint
    day: int
    total_days: int
    goal_count: int

    @property
    def days_left(self) -> int:
        """Days after today until the sprint ends (0 on its last day)."""
        return self.total_days - self.day

    @property
    def fraction(self) -> float:
        """How much of the sprint has passed, 0..1."""
        return min(1.0, max(0.0, self.day / self.total_days))


def sprint_standing(sprint: Sprint, today: date, goal_count: int = 0) -> SprintStanding:
    """Day ``X`` of ``Y`` for ``sprint`` on ``today`` (day 1 is the start date)."""
    total = (sprint.end_date - sprint.start_date).days + 1
    day = min(total, max(0, (today - sprint.start_date).days + 1))
    return SprintStanding(sprint=sprint, day=day, total_days=total, goal_count=goal_count)


@dataclass(frozen=True)
class TodayOverview:
    """Everything the Today page shows."""

    today: date
    is_empty: bool
    active_sprints: tuple[SprintStanding, ...] = ()
    open_actions: int = 0
    overdue_actions: int = 0
    due_actions: tuple[ActionItem, ...] = ()
    next_session: CoachingSession | None = None
    next_session_sprint: str = ""
    latest_entries: tuple[LogEntry, ...] = ()
    mentor_names: Mapping[int, str] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class JournalInfo:
    """What ``devjournal info`` prints."""

    path: Path
    backups_dir: Path
    revision: str | None
    size_bytes: int
    counts: Mapping[str, int]
