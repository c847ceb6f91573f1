"""The builder's workbench: the clock, the one random generator, and the rows made so far."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from devjournal.domain.enums import ClosedState, Relationship, SprintKind
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
from devjournal.sample.corpus.work import (
    EMPLOYERS,
    GUILDS,
    LANGS,
    LEVELS,
    PROJECTS,
    SYSTEMS,
    TEAMS,
    TECH,
    TOPICS,
)
from devjournal.sample.journal import PROFILES, SampleJournal, SampleSize


@dataclass
class SprintPlan:
    """A sprint while the builder works on it."""

    start: date
    end: date
    phase: str  # "past", "active" or "planned"
    kind: SprintKind = SprintKind.SKILLS
    closed_state: ClosedState | None = None
    closed_on: date | None = None
    ctx: dict[str, str] = field(default_factory=dict)
    subject: frozenset[str] = frozenset()  # the skill slots a skills sprint is about
    sid: int = 0
    goals: list[tuple[int, GoalDraft]] = field(default_factory=list)

    @property
    def effective_end(self) -> date:
        """The last day anything happened in this sprint."""
        return self.closed_on if self.closed_on is not None else self.end


@dataclass
class MentorPlan:
    """A mentor while the builder works on them."""

    name: str
    relationship: Relationship
    started_on: date
    ended_on: date | None
    mid: int = 0

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0]


class Workbench:
    """What every step reads and appends to. Rows get their ids in the order they are added."""

    def __init__(self, size: SampleSize, today: date, tz: tzinfo) -> None:
        self.profile = PROFILES[size]
        self.today = today
        self.tz = tz
        self.rng = random.Random(f"devjournal-sample:{size.value}")
        self.horizon = today - timedelta(days=round(365.25 * self.profile.years))
        self.plans: list[SprintPlan] = []
        self.sprints: list[tuple[int, SprintDraft]] = []
        self.goals: list[tuple[int, GoalDraft]] = []
        self.milestones: list[tuple[int, MilestoneDraft]] = []
        self.checkins: list[tuple[int, CheckinDraft]] = []
        self.sessions: list[tuple[int, SessionDraft]] = []
        self.actions: list[tuple[int, ActionItemDraft]] = []
        self.mentors: list[tuple[int, MentorDraft]] = []
        self.links: list[tuple[int, MentorLinkDraft]] = []
        self.entries: list[tuple[int, LogEntryDraft]] = []
        self.assessments: list[tuple[int, AssessmentDraft]] = []
        self.feedback: list[tuple[int, FeedbackDetails]] = []  # (entry id, details)
        self.aims: list[tuple[int, AimDraft]] = []
        self.outreach: list[tuple[int, OutreachDraft]] = []
        self.coach_names: list[str] = []
        self.coaches: list[tuple[int, CoachDraft]] = []
        self.goal_step: dict[int, float] = {}  # each goal's grid (whole hours, half points...)
        self.anchor: dict[Relationship, MentorPlan] = {}  # one of each, there all along
        self.mentors_by_month: dict[tuple[Relationship, int], list[MentorPlan]] = {}
        self.sprints_by_day: dict[int, list[SprintPlan]] = {}

    def journal(self) -> SampleJournal:
        """Everything made so far, as the generator's result."""
        return SampleJournal(
            sprints=self.sprints,
            goals=self.goals,
            milestones=self.milestones,
            checkins=self.checkins,
            sessions=self.sessions,
            actions=self.actions,
            mentors=self.mentors,
            links=self.links,
            entries=self.entries,
            assessments=self.assessments,
            feedback=self.feedback,
            coaches=self.coaches,
            aims=self.aims,
            outreach=self.outreach,
        )

    def context(self) -> dict[str, str]:
        """A fresh draw of the ``{slots}`` the corpus's templates use."""
        c = self.rng.choice
        system = c(SYSTEMS)
        team = c(TEAMS)
        return {
            "system": system,
            "System": system[0].upper() + system[1:],
            "lang": c(LANGS),
            "tech": c(TECH),
            "topic": c(TOPICS),
            "guild": c(GUILDS),
            "team": team,
            "Team": team,
            "project": c(PROJECTS),
        }

    def employer_at(self, d: date) -> str:
        """Where the author worked on ``d``: a new employer every three and a half years."""
        return EMPLOYERS[((self.today - d).days // 1280) % len(EMPLOYERS)]

    def level_at(self, d: date) -> str:
        """The author's job level on ``d``: one step every three years."""
        years_ago = (self.today - d).days / 365.25
        return LEVELS[max(0, len(LEVELS) - 1 - int(years_ago / 3))]

    def at(self, d: date, hour: int, minute: int) -> datetime:
        """``d`` at ``hour:minute`` in the journal's time zone."""
        return datetime(d.year, d.month, d.day, hour, minute, tzinfo=self.tz)
