"""Deterministic sample journals: a demo career, a decade of history, or a stress load.

:func:`build_sample` returns drafts with the primary keys they should get in an *empty*
journal. Every foreign key in a draft names one of those keys, so a loader can insert the
rows verbatim, table by table, in the order of the :class:`SampleJournal` fields.

The output depends only on the size and on ``today`` (and the time zone): the random
generator is seeded from the size's name, and every date is placed relative to ``today``,
so the journal always looks current.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from devjournal.domain.enums import (
    ActionStatus,
    AdviceStatus,
    Affiliation,
    ClosedState,
    Direction,
    EntryKind,
    Formality,
    GoalStatus,
    MetricKind,
    Relationship,
    Scope,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    MentorLinkDraft,
    MilestoneDraft,
    SessionDraft,
    SessionQuestion,
    SprintDraft,
)

__all__ = ["SampleJournal", "SampleSize", "build_sample"]


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


def build_sample(size: SampleSize, today: date, tz: tzinfo = UTC) -> SampleJournal:
    """Generate the sample journal of ``size`` as it would look on ``today`` in ``tz``."""
    return _Builder(SampleSize(size), today, tz).build()


# ---------------------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Profile:
    years: int  # how far back the log entries go
    entries: int
    mentors: int
    tracks: int  # parallel lines of sprints (more than one makes sprints overlap)
    past_sprints: int | None  # a fixed number of finished sprints, or None: fill the years
    gap_days: tuple[int, int]  # pause between two sprints of one track
    coaches: int


_PROFILES: dict[SampleSize, _Profile] = {
    SampleSize.SMALL: _Profile(2, 150, 8, 1, 3, (14, 70), 2),
    SampleSize.DECADE: _Profile(10, 10_000, 40, 1, None, (5, 28), 6),
    SampleSize.STRESS: _Profile(20, 100_000, 150, 6, None, (14, 42), 24),
}

# ---------------------------------------------------------------------------------------
# Phrase banks
# ---------------------------------------------------------------------------------------

_SYSTEMS = (
    "payments",
    "billing",
    "search",
    "notifications",
    "checkout",
    "identity",
    "ingestion",
    "reporting",
    "recommendations",
    "mobile API",
    "data pipeline",
    "pricing",
    "inventory",
)
_LANGS = (
    "Rust",
    "Go",
    "TypeScript",
    "Kotlin",
    "Elixir",
    "typed Python",
    "SQL",
    "Swift",
    "Scala",
    "C++",
    "Haskell",
    "Zig",
)
_TECH = (
    "Kubernetes",
    "Terraform",
    "Kafka",
    "PostgreSQL internals",
    "React",
    "GraphQL",
    "OpenTelemetry",
    "gRPC",
    "Redis",
    "WebAssembly",
    "ClickHouse",
    "feature flags",
)
_TOPICS = (
    "system design",
    "incident response",
    "code review",
    "estimation",
    "technical writing",
    "observability",
    "API design",
    "database migrations",
    "performance profiling",
    "testing strategy",
    "on-call hygiene",
    "stakeholder updates",
    "career growth",
    "public speaking",
    "hiring interviews",
    "architecture decision records",
    "caching",
    "accessibility",
    "threat modelling",
    "domain-driven design",
    "refactoring legacy code",
    "delegation",
    "giving feedback",
    "running retros",
    "roadmap planning",
    "cloud costs",
    "query tuning",
    "event-driven architecture",
    "pair programming",
    "prioritisation",
)
_GUILDS = ("platform", "frontend", "testing", "security", "API design", "data", "reliability")
_TEAMS = (
    "Checkout",
    "Platform",
    "Growth",
    "Data",
    "Mobile",
    "Payments",
    "Search",
    "Core API",
    "Identity",
    "Developer Experience",
)
_PROJECTS = (
    "monolith split",
    "Postgres upgrade",
    "event bus rollout",
    "design system",
    "feature-flag clean-up",
    "multi-region failover",
    "billing rewrite",
    "CI speed-up",
    "auth service migration",
    "mobile release train",
    "search re-index",
    "GDPR export tool",
    "API versioning plan",
    "cost dashboard",
)

_TAGS = (
    "career growth",
    "system design",
    "public speaking",
    "code review",
    "rust",
    "go",
    "typescript",
    "kubernetes",
    "on-call",
    "incidents",
    "leadership",
    "mentoring",
    "feedback",
    "writing",
    "architecture",
    "testing",
    "performance",
    "hiring",
    "estimation",
    "burnout",
    "productivity",
    "learning",
    "networking",
    "promotion",
    "1:1",
    "retro",
    "observability",
    "security",
    "databases",
    "open source",
    "communication",
    "delegation",
    "pairing",
    "refactoring",
    "planning",
    "documentation",
    "conference",
    "books",
    "work-life balance",
    "product sense",
)

_FIRST_NAMES = (
    "Amara",
    "Bjørn",
    "Chiara",
    "Dário",
    "Elif",
    "Farah",
    "Gustav",
    "Hana",
    "Ines",
    "Jonas",
    "Kofi",
    "Leilani",
    "Mateo",
    "Noor",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sione",
    "Tomás",
    "Ursula",
    "Vikram",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoë",
    "Anouk",
    "Bram",
    "Camille",
    "Dmitri",
    "Esther",
    "Florin",
    "Greta",
    "Hugo",
    "Ilse",
    "Jae",
    "Kasia",
    "Luca",
    "Maëlle",
    "Nikhil",
    "Olu",
    "Paz",
    "Rafael",
    "Saoirse",
    "Teodor",
    "Uma",
    "Valentina",
    "Wiebke",
    "Yara",
    "Aiko",
    "Benedikt",
    "Céline",
    "Emeka",
    "Freya",
    "Ivo",
    "Lena",
    "Marisol",
    "Niamh",
    "Orla",
    "Sven",
)
_LAST_NAMES = (
    "Okafor",
    "Lindqvist",
    "Moretti",
    "Haddad",
    "Nakamura",
    "Brennan",
    "Kowalczyk",
    "Ferreira",
    "Adeyemi",
    "Varga",
    "Castellanos",
    "Thorsen",
    "Petrović",
    "Sundaram",
    "Abernathy",
    "Whitlock",
    "Delacroix",
    "Marchetti",
    "Oyelaran",
    "Halvorsen",
    "Quiroga",
    "Rahimi",
    "Szabó",
    "Takeda",
    "Uribe",
    "Vasquez",
    "Wójcik",
    "Yilmaz",
    "Zielinski",
    "Achterberg",
    "Brandt",
    "Carvalho",
    "Dumont",
    "Engström",
    "Fitzgerald",
    "Gallo",
    "Hoekstra",
    "Iversen",
    "Jovanović",
    "Kaur",
    "Lamarre",
    "Novak",
    "Ostrowski",
    "Pereira",
    "Ramaswamy",
    "Sørensen",
    "Tanaka",
    "Ulloa",
    "Vermeulen",
    "Whitfield",
    "Aksoy",
    "Bianchi",
    "Conti",
    "Dahl",
    "Esposito",
    "Fontaine",
    "Gunnarsson",
    "Hartmann",
    "Ibarra",
    "Kimura",
)
_ASCII = str.maketrans(
    {
        "ø": "o",
        "ö": "o",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "ä": "a",
        "á": "a",
        "à": "a",
        "â": "a",
        "å": "a",
        "ë": "e",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ï": "i",
        "í": "i",
        "ü": "u",
        "ú": "u",
        "ç": "c",
        "ñ": "n",
        "š": "s",
        "ś": "s",
        "ć": "c",
        "č": "c",
        "ž": "z",
        "ł": "l",
        "ı": "i",
        "æ": "ae",
        " ": "-",
        "'": "",
        ".": "",
        ",": "",
        ":": "",
        "+": "p",
    }
)

_EMPLOYERS = (
    "Northwind Commerce",
    "Larkspur Health",
    "Tessellate Games",
    "Harbourline Bank",
    "Quillon Labs",
    "Meridian Cloud",
    "Copperleaf Logistics",
)
_EXTERNAL_ORGS = (
    "Bluefin Systems",
    "Larchwood Analytics",
    "Kestrel Games",
    "Tidewater Logistics",
    "Fernhill Studio",
    "Brightmoor Insurance",
    "Saltmarsh Robotics",
    "Oakridge Software",
    "Pinecrest Media",
    "Vantage Grid",
    "Ashgrove University",
    "Cobalt Street Consulting",
)
_PROGRAMMES: dict[Relationship, tuple[str, ...]] = {
    Relationship.TRADITIONAL: (
        "Engineering mentoring programme",
        "Staff+ circle",
        "Women in Tech mentoring scheme",
        "Tech Leads cohort",
        "Open-source mentorship cohort",
        "Meetup mentoring pairs",
    ),
    Relationship.PEER: ("Peer learning circle", "Senior engineers' peer group"),
    Relationship.REVERSE: ("Reverse mentoring pilot", "Graduate buddy scheme"),
    Relationship.FROM_AFAR: ("",),
}
_SEEKING: dict[Relationship, tuple[str, ...]] = {
    Relationship.TRADITIONAL: (
        "How to grow from senior to staff without becoming a manager",
        "Guidance on leading a cross-team migration",
        "A sounding board for career decisions",
        "Better judgement on technical trade-offs in {topic}",
        "How promotion committees actually read a packet",
        "Getting comfortable with {topic} at organisation scale",
    ),
    Relationship.PEER: (
        "Honest feedback on design docs before they go out",
        "Accountability for my learning plan in {lang}",
        "Someone to rehearse talks with",
        "Swapping code reviews in {lang}",
        "Comparing notes on {topic}",
    ),
    Relationship.REVERSE: (
        "Fresh eyes on our onboarding and tooling",
        "What new engineers find confusing in the {system} code",
        "Keeping up with {tech} as the juniors use it",
        "How people early in their career experience code review",
    ),
    Relationship.FROM_AFAR: (
        "Their writing on {topic}",
        "Clear thinking about distributed systems",
        "Talks about engineering leadership",
        "Pragmatic advice on technical writing",
        "Deep dives into {tech}",
    ),
}
_MENTOR_NOTES: dict[Relationship, tuple[str, ...]] = {
    Relationship.TRADITIONAL: (
        "Direct, kind, and always asks what I have already tried.",
        "Prefers an agenda sent the day before.",
        "Has run on-call for large payment systems; good on incidents.",
        "Moved from staff engineer to manager and back; knows both paths.",
        "",
    ),
    Relationship.PEER: (
        "We swap reviews and keep each other honest about goals.",
        "Same level, different company: useful outside view.",
        "Met at a meetup; monthly video call.",
        "",
    ),
    Relationship.REVERSE: (
        "Joined as a graduate; teaches me the newer tooling in return.",
        "Asks the questions everyone else stopped asking.",
        "Keen on frontend; I help with system design.",
        "",
    ),
    Relationship.FROM_AFAR: (
        "Never met; I read everything they publish.",
        "Best on writing and on saying no.",
        "Their conference talks are worth rewatching once a year.",
        "",
    ),
}

_LEVELS = ("Junior engineer", "Mid-level engineer", "Senior engineer", "Staff engineer")
_FOCUS: dict[SprintKind, tuple[str, ...]] = {
    SprintKind.PERFORMANCE: (
        "owns the reliability of {system} end to end",
        "delivers the {project} predictably, without heroics",
        "keeps quality high while shipping every week",
        "is trusted to lead incidents on {system}",
    ),
    SprintKind.SKILLS: (
        "writes idiomatic {lang} that others learn from",
        "can design and operate a service built on {tech}",
        "explains {topic} clearly to any audience",
        "picks the right tool for the problem, not the familiar one",
    ),
    SprintKind.LEADERSHIP: (
        "leads a cross-team project end to end",
        "grows the engineers around them",
        "sets technical direction for the {guild} guild",
        "turns a vague problem into a plan people sign up to",
    ),
}
_SPRINT_TITLES: dict[SprintKind, tuple[str, ...]] = {
    SprintKind.PERFORMANCE: (
        "Own the {system} on-call rotation",
        "Cut {system} incidents in half",
        "Ship the {project} on time",
        "Raise the bar on code review in {team}",
        "Make the {system} pipeline boring and reliable",
        "Deliver the {project} without weekend heroics",
        "Reduce toil on the {system} service",
        "Get the {system} latency budget under control",
    ),
    SprintKind.SKILLS: (
        "Get fluent in {lang}",
        "Learn {tech} well enough to teach it",
        "Go deep on {topic}",
        "Build a working knowledge of {tech}",
        "Write {lang} that reviewers enjoy reading",
        "Get good at {topic}",
        "Become dangerous with {tech}",
    ),
    SprintKind.LEADERSHIP: (
        "Lead the {guild} guild",
        "Mentor two new hires through onboarding",
        "Run planning for the {team} team",
        "Drive the {project} RFC to a decision",
        "Become the go-to person for {topic}",
        "Facilitate blameless postmortems for {team}",
        "Build a speaking habit around {topic}",
    ),
}


@dataclass(frozen=True)
class _GoalT:
    """A goal template; strings may contain ``{slots}`` from the sprint context."""

    title: str
    metric_kind: MetricKind
    metric_name: str = ""
    unit: str = ""
    baseline: tuple[float, float] = (0.0, 0.0)
    target: tuple[float, float] = (0.0, 0.0)
    direction: Direction = Direction.UP
    scale_max: int | None = None
    step: float = 1.0
    specific: str = ""
    achievable: str = ""
    relevant: str = ""
    milestones: tuple[str, ...] = ()


_N, _P, _R, _M = MetricKind.NUMBER, MetricKind.PERCENT, MetricKind.RATING, MetricKind.MILESTONES
_DOWN = Direction.DOWN
_GOALS: dict[SprintKind, tuple[_GoalT, ...]] = {
    SprintKind.PERFORMANCE: (
        _GoalT(
            "Cut PR review turnaround in {team}",
            _N,
            "PR review turnaround",
            "hours",
            (18, 30),
            (4, 8),
            _DOWN,
            step=0.5,
            specific="First response on every review I'm asked for within a working day; "
            "median read from the review dashboard each Friday.",
            achievable="I already answer most reviews within two days; two fixed review "
            "slots a day should close the gap.",
            relevant="Slow reviews are the top complaint in the {team} retro, and a senior "
            "engineer unblocks others.",
        ),
        _GoalT(
            "Bring down pages on the {system} rotation",
            _N,
            "pages per on-call week",
            "pages",
            (10, 18),
            (2, 5),
            _DOWN,
            specific="Fewer than five pages in an on-call week on {system}, by deleting "
            "noisy alerts and fixing the top three causes.",
            achievable="Half of last quarter's pages came from two alerts.",
            relevant="On-call load is why people leave the rotation; owning it is the "
            "level's expectation.",
        ),
        _GoalT(
            "Raise test coverage of the {system} service",
            _P,
            "line coverage",
            "%",
            (42, 60),
            (75, 85),
            specific="Line coverage of the {system} service as reported by CI on main.",
            achievable="Most gaps are in two modules I know well.",
            relevant="Three of the last five {system} incidents were in untested code.",
        ),
        _GoalT(
            "Shorten time to restore for {system} incidents",
            _N,
            "median time to restore",
            "minutes",
            (70, 140),
            (25, 40),
            _DOWN,
            specific="Median time from page to mitigation for {system} incidents.",
            achievable="Runbooks and a rollback button exist for most failure modes already.",
            relevant="Leading incidents calmly is part of the next level.",
        ),
        _GoalT(
            "Make {system} deploys boring",
            _P,
            "successful deploys",
            "%",
            (82, 91),
            (97, 99),
            step=0.5,
            specific="Share of {system} deploys that need no rollback or hotfix.",
            achievable="Most failures are config drift, which a pre-deploy check can catch.",
            relevant="The {team} team wants to deploy daily without fear.",
        ),
        _GoalT(
            "Write and rehearse the {system} runbook",
            _M,
            specific="A runbook entry for every paging alert, tested in a game day.",
            achievable="The alerts are known; the work is writing and rehearsing.",
            relevant="New on-call engineers struggle without it.",
            milestones=(
                "List the top ten alerts and their owners",
                "Draft a runbook entry per alert",
                "Run a game day with the {team} team",
                "Fix the gaps the game day found",
                "Hand the runbook to the next on-call",
                "Review it after a full rotation",
            ),
        ),
        _GoalT(
            "Keep pull requests small",
            _N,
            "median PR size",
            "lines changed",
            (350, 600),
            (120, 200),
            _DOWN,
            specific="Median lines changed per PR I open, from the repository stats.",
            achievable="Stacked PRs and feature flags make it possible.",
            relevant="Small PRs get reviewed faster and break less.",
        ),
        _GoalT(
            "Ship the {project} on time",
            _M,
            specific="The {project} live for all customers by the deadline.",
            achievable="Scope is agreed and the team is staffed.",
            relevant="It is the {team} team's top priority this quarter.",
            milestones=(
                "Agree scope with product",
                "Land the data model change",
                "Migrate the first customer cohort",
                "Roll out to everyone behind a flag",
                "Remove the old code path",
            ),
        ),
    ),
    SprintKind.SKILLS: (
        _GoalT(
            "Confidence writing production {lang}",
            _R,
            "self-rated confidence",
            "",
            (2, 4),
            (7, 8),
            scale_max=10,
            specific="Rate my confidence each week on a 1-10 scale, with one example of "
            "real {lang} code I wrote.",
            achievable="Two hours of deliberate practice a week plus real tickets.",
            relevant="The team is moving new services to {lang}.",
        ),
        _GoalT(
            "Ship a small {lang} service to production",
            _M,
            specific="A real, owned service in {lang}, running in production.",
            achievable="A small internal tool is a safe first target.",
            relevant="Reading {lang} is not the same as operating it.",
            milestones=(
                "Work through the official book",
                "Build a CLI tool for the team",
                "Get a {lang} PR reviewed by an expert",
                "Ship the service behind a flag",
                "Write up what I learnt for the guild",
            ),
        ),
        _GoalT(
            "Merge reviewed PRs in {lang}",
            _N,
            "merged PRs",
            "PRs",
            (0, 1),
            (8, 12),
            specific="PRs in {lang} merged after a review by someone fluent in it.",
            achievable="One PR every week or so, on tickets I would do anyway.",
            relevant="Reviews from fluent people are the fastest feedback loop.",
        ),
        _GoalT(
            "Read and summarise papers on {topic}",
            _N,
            "papers summarised",
            "papers",
            (0, 0),
            (6, 10),
            specific="One-page summaries shared in the guild channel.",
            achievable="One paper every other week on the train.",
            relevant="I want to argue from evidence in design reviews.",
        ),
        _GoalT(
            "Explain {tech} without notes",
            _R,
            "self-rated fluency",
            "",
            (1, 2),
            (4, 4.5),
            scale_max=5,
            step=0.5,
            specific="Explain {tech} to a colleague for 15 minutes without notes, then "
            "rate it with them.",
            achievable="I use {tech} every day; the gap is in the fundamentals.",
            relevant="Teaching is how I check I really understand.",
        ),
        _GoalT(
            "Finish the {tech} course",
            _P,
            "course completed",
            "%",
            (0, 10),
            (100, 100),
            specific="All modules and exercises of the course done.",
            achievable="Thirty minutes a day, four days a week.",
            relevant="Fills the gaps I keep hitting at work.",
        ),
        _GoalT(
            "Profile and speed up the {system} hot path",
            _N,
            "p95 latency",
            "ms",
            (350, 600),
            (150, 220),
            _DOWN,
            specific="p95 latency of the main {system} endpoint, from the dashboard.",
            achievable="The profiler already shows two obvious hot spots.",
            relevant="Performance work is a skill I have avoided.",
        ),
        _GoalT(
            "Confidence with {topic}",
            _R,
            "self-rated confidence",
            "",
            (2, 4),
            (7, 8),
            scale_max=10,
            specific="Rate myself weekly on 1-10, with one real example of {topic} at work.",
            achievable="It comes up every week; the gap is deliberate practice.",
            relevant="It is the skill my last review called out.",
        ),
        _GoalT(
            "Teach a lunch-and-learn on {topic}",
            _M,
            specific="A 45-minute session for the {team} team, with notes published.",
            achievable="I have the material; the work is shaping it.",
            relevant="Teaching it is the best test of knowing it.",
            milestones=(
                "Pick the three ideas that matter",
                "Build a small worked example",
                "Dry run with a friendly colleague",
                "Give the session",
                "Publish the notes",
            ),
        ),
        _GoalT(
            "Get certified in {tech}",
            _M,
            specific="Pass the certification exam.",
            achievable="The company pays for the exam and gives study time.",
            relevant="It forces me to learn the parts I skip.",
            milestones=(
                "Book the exam date",
                "Finish the practice labs",
                "Pass two mock exams",
                "Sit the exam",
            ),
        ),
    ),
    SprintKind.LEADERSHIP: (
        _GoalT(
            "Run guild sessions people want to attend",
            _R,
            "average session rating",
            "",
            (2.5, 3),
            (4, 4.5),
            scale_max=5,
            step=0.5,
            specific="Average rating from the one-question survey after each session.",
            achievable="Shorter sessions with one hands-on part each.",
            relevant="The {guild} guild is how ideas spread between teams.",
        ),
        _GoalT(
            "Run {guild} guild sessions",
            _N,
            "sessions run",
            "sessions",
            (0, 0),
            (5, 6),
            specific="A guild session every two weeks, with notes published.",
            achievable="Co-hosts agreed to take every other one.",
            relevant="Leading the guild is a staff-level expectation.",
        ),
        _GoalT(
            "Drive the {project} RFC to a decision",
            _M,
            specific="A written, published decision on the {project}.",
            achievable="The options are known; the work is alignment.",
            relevant="Cross-team decisions are where the next level is judged.",
            milestones=(
                "Write the problem statement",
                "Collect input from three teams",
                "Circulate the RFC draft",
                "Hold the decision meeting",
                "Publish the decision record",
            ),
        ),
        _GoalT(
            "Get new hires to their first deploy faster",
            _N,
            "days to first production deploy",
            "days",
            (18, 30),
            (5, 8),
            _DOWN,
            specific="Working days from a new hire's start to their first production deploy.",
            achievable="Most of the delay is access requests and an outdated setup guide.",
            relevant="Onboarding is the {team} team's biggest drag on growth.",
        ),
        _GoalT(
            "Deliver what the {team} team commits to",
            _P,
            "committed items delivered",
            "%",
            (50, 65),
            (80, 85),
            specific="Share of planned items delivered per two-week iteration.",
            achievable="Smaller commitments and a mid-iteration check.",
            relevant="Predictability is what stakeholders ask about first.",
        ),
        _GoalT(
            "Communicate clearly with stakeholders",
            _R,
            "manager's rating of stakeholder updates",
            "",
            (4, 5),
            (7, 8),
            scale_max=10,
            specific="A weekly written update; my manager rates it monthly on 1-10.",
            achievable="A template and a fixed Friday slot.",
            relevant="Good work nobody hears about does not count at the next level.",
        ),
        _GoalT(
            "Give talks on {topic}",
            _N,
            "talks given",
            "talks",
            (0, 0),
            (2, 3),
            specific="Talks at internal tech talks or local meetups.",
            achievable="One internal talk first, then a meetup.",
            relevant="Public speaking is my weakest leadership skill.",
        ),
        _GoalT(
            "Mentor two engineers through onboarding",
            _M,
            specific="Two new engineers independently on-call by the end of the sprint.",
            achievable="Both start this month and the {team} team has capacity.",
            relevant="Growing others is the core of the next level.",
            milestones=(
                "Agree goals with each mentee",
                "Pair on their first production change",
                "Give them an on-call shadow week",
                "Collect their feedback",
                "Write the onboarding improvements down",
            ),
        ),
    ),
}

_LESSONS: dict[GoalStatus, tuple[str, ...]] = {
    GoalStatus.ACHIEVED: (
        "Measuring weekly kept it honest; the dip mid-sprint was the on-call week.",
        "Blocking the time in the calendar mattered more than any technique.",
        "Telling the team about the goal made them help, not judge.",
        "Got there by cutting scope early instead of working late.",
        "The first two weeks were slow; momentum came from one visible win.",
    ),
    GoalStatus.MISSED: (
        "Target was too ambitious given the re-org; half of it is still a good result.",
        "I let urgent work eat the practice time. Next time: mornings only.",
        "The metric moved, but not enough; the baseline was wrong to begin with.",
        "Started too late and never caught up after the holidays.",
        "Depended on another team I had no leverage over.",
    ),
    GoalStatus.DROPPED: (
        "Priorities changed when the {project} was cancelled.",
        "Dropped on purpose: the other goals mattered more.",
        "The team changed shape and the goal stopped making sense.",
    ),
}
_CHECKIN_NOTES = (
    "Good week, two reviews done the same day.",
    "Slipped: on-call was noisy.",
    "Back on track after the offsite.",
    "Holiday week, little progress.",
    "Paired on it twice, helped a lot.",
    "Measured on a quieter week, may be flattering.",
    "Finally some momentum.",
    "Blocked on access for three days.",
    "Better than expected.",
    "Flat. Need to change the approach.",
    "Coach suggested smaller steps; trying it.",
    "Sick for two days.",
)

_AGENDA = (
    "Review the check-ins for *{goal}*",
    "What is blocking *{goal}*",
    "Action items from last time",
    "Energy and workload check",
    "Prepare for the {project} review",
    "Feedback I received this week",
    "Plan the next two weeks",
    "Is the sprint focus still right?",
    "Rehearse the conversation with my manager",
    "Stakeholder map for the {project}",
    "How to say no to the extra project",
    "Progress on *{goal}* vs. the plan",
)
_SESSION_NOTES = (
    "We spent most of the time on *{goal}*; progress is real but slower than planned.",
    "My coach asked what I would do if I had half the time. Good question.",
    "Talked through the {project}; I'm avoiding the hard conversation with {team}.",
    "Energy is low this month. We agreed to drop one commitment rather than push through.",
    "The check-ins show a plateau; we looked at what changed in week three.",
    "Role-played the feedback conversation twice. The second version was much calmer.",
    "Reviewed last session's actions: most done, one quietly forgotten.",
    "We looked at where my week actually goes. Meetings ate 40% of it.",
    "Good session. I came in frustrated and left with a plan.",
    "Discussed whether the target is still right; kept it, changed the approach.",
)
_QUESTIONS = (
    (
        "What would have to be true for {goal} to be done by the deadline?",
        "Two uninterrupted mornings a week, and the team agreeing on what done means.",
    ),
    ("What did you avoid this week, and why?", "Asking for help early; I wanted to look ready."),
    (
        "If you could only keep one habit from this sprint, which one?",
        "Writing the plan down before the week starts.",
    ),
    ("What is the smallest next step?", "Book thirty minutes with my manager this week."),
    (
        "Who else would notice if this goal succeeded?",
        "The on-call rotation, and whoever joins the team next.",
    ),
    ("What are you tolerating that you shouldn't?", "Meetings without an agenda."),
)

_INSIGHTS = (
    "I say yes too fast when someone senior asks.",
    "Progress is better measured weekly than daily.",
    "Writing the update first clarifies what I actually did.",
    "The blocker is a decision, not a task.",
    "I prepare well for technical work and not at all for conversations.",
    "Asking for help early is cheaper than explaining a delay later.",
    "Small visible wins keep the motivation up.",
    "My calendar reflects other people's priorities, not mine.",
    "Naming the trade-off out loud makes the decision easier for everyone.",
)
_CANCELLED_NOTES = (
    "Cancelled: coach was ill.",
    "Cancelled: production incident.",
    "Moved out of the sprint after a clash with the offsite.",
    "Cancelled: holiday.",
)
_ACTIONS = (
    "Book a pairing session on {lang} with a reviewer",
    "Draft the {project} one-pager and share it with {team}",
    "Write down three examples of {topic} for the promotion packet",
    "Ask {team} for feedback on the on-call handover",
    "Block two review slots a day in the calendar",
    "Read the {system} incident reviews from last quarter",
    "Prepare five slides for the {guild} guild",
    "Schedule a skip-level 1:1",
    "Turn the noisiest {system} alert into a runbook entry",
    "Measure the baseline for {metric}",
    "Send the weekly stakeholder update on Friday",
    "Try the suggested approach to {topic} for two weeks",
    "Find a volunteer to co-run the next retro",
    "Fix or delete the flaky tests in the {system} suite",
    "Update the career document with this month's wins",
    "Ask my manager what 'exceeds' looks like for {metric}",
    "Write a short decision record for the {project}",
    "Say no to one meeting a week",
)
_RETRO_WELL = (
    "Weekly check-ins kept the goals visible.",
    "The coach sessions forced a plan.",
    "Pairing with {team} sped everything up.",
    "Writing things down early saved rework.",
    "Cut scope in week four instead of slipping.",
    "Asked for help sooner than usual.",
)
_RETRO_CHANGE = (
    "Set fewer goals: three was one too many.",
    "Protect mornings for the deep work.",
    "Start measuring from day one, not week three.",
    "Involve my manager earlier.",
    "Plan around on-call weeks.",
    "Pick targets from data, not optimism.",
)
_ABANDON_REASONS = (
    "A re-org moved me to the {team} team halfway through; the goals no longer fit.",
    "The {project} was cancelled, and with it most of this sprint.",
    "Parental leave came earlier than planned. Parked, not forgotten.",
    "Too much on-call load this quarter to do this properly. Stopping on purpose.",
)

_ADVICE_TITLES = (
    "Write the decision down before the meeting, not after",
    "Say no to the third project this quarter",
    "Lead with the problem, not the solution, in the {project} doc",
    "Timebox the {tech} spike to two days",
    "Ask for the promotion criteria in writing",
    "Keep a brag document, starting with {topic}",
    "Pair with {team} before proposing changes to {system}",
    "Pick one metric for the {system} work and report it weekly",
    "Delegate the {project} status updates",
    "Practise the talk on {topic} out loud three times",
    "Read the {system} incident reviews from the last year",
    "Make the smallest possible PR first",
    "Schedule focus blocks before the week fills up",
    "Treat {topic} as a skill, not a talent",
    "Write down what done means before starting the {project}",
    "Turn recurring {system} pages into tickets with owners",
    "Share drafts at 30%, not 90%",
    "Find a sponsor, not just a mentor",
    "Stop rewriting other people's code in review",
    "Prepare three questions before every 1:1",
    "Learn {lang} by porting a small tool, not by reading",
    'Ask "what would change your mind?" in design reviews',
    "Let the team own the {project} demo",
)
_CONVERSATION_TITLES = (
    "Coffee chat with {name} about {topic}",
    "1:1 with {name}: {topic}",
    "Walk-and-talk with {name}",
    "Call with {name} about the {project}",
    "Lunch with {name}: career paths after senior",
    "Monthly catch-up with {name}",
    "{Name} and I compared notes on {topic}",
    "Quick sync with {name} about {system} on-call",
    "Long chat with {name} about {lang}",
    "{Name} on switching teams",
)
_LESSON_TITLES = (
    "{Name} on {topic}",
    "Notes from {name}'s talk on {topic}",
    "Podcast: {name} on {topic} trade-offs",
    "{Name}'s post: the hidden cost of {topic}",
    "{Name}'s newsletter: {topic} in practice",
    "What {name} gets right about {topic}",
    "{Name} on why {lang} is worth learning",
    "Rewatched {name}'s keynote on {topic}",
)
_REFLECTION_TITLES = (
    "What I learnt from the {system} incident",
    "Looking back on the {project}",
    "Why {topic} still feels hard",
    "Friday notes: energy, focus and {topic}",
    "Week in review",
    "Am I spending enough time on {topic}?",
    "Halfway through the sprint: how it feels",
    "On saying no more often",
    "Three months of {lang}: honest assessment",
    "What the {team} re-org means for me",
    "Notes to self after a rough week",
    "Where my time went this month",
)
_FEEDBACK_TITLES = (
    "Feedback from {name} on my {topic}",
    "{Name}'s feedback on the {project} RFC",
    "What {name} said about my code reviews",
    "{Name} on my incident write-up",
)
_FEEDBACK_TITLES_ANON = (
    "Peer review notes: {topic}",
    "Mid-year review: themes",
    "Feedback after the {system} incident review",
    "360 feedback summary",
    "Manager feedback on the {project}",
    "Anonymous survey comments from {team}",
)

# Titles that come with their own first sentence, so the body matches the title.
_TAUGHT_PAIRS = (
    (
        "Taught {name} how we do {topic}",
        "Spent an hour with {name} on {topic}; explaining it showed me my own gaps.",
    ),
    (
        "Walked {name} through the {system} architecture",
        "Walked {name} through how a request flows through {system}, drawing as we went.",
    ),
    (
        "Pairing with {name}: first steps in {lang}",
        "Paired with {name} on a {lang} change; in return they showed me a few editor tricks.",
    ),
    (
        "Explained {tech} basics to {name}",
        "{Name} asked why we use {tech} at all, and my first answer was not crisp.",
    ),
    (
        "Reviewed {name}'s first design doc",
        "Went through {name}'s first design doc line by line. Better than my first one.",
    ),
    (
        "{Name} taught me back: {tech} shortcuts",
        "Reverse mentoring in action: {name} showed me how they use {tech} day to day.",
    ),
    (
        "Mock interview practice with {name}",
        "Ran a mock system design interview with {name}; we swapped roles halfway.",
    ),
    (
        "Helped {name} prepare for their first on-call week",
        "Went through the {system} runbook with {name} before their first on-call shift.",
    ),
)
_WIN_PAIRS = (
    ("Shipped the {project}", "Finally shipped the {project} after three false starts."),
    (
        "{System} on-call week with zero pages",
        "A whole on-call week on {system} without a page; the alert clean-up paid off.",
    ),
    (
        "Talk on {topic} accepted at a meetup",
        "The meetup said yes to my talk on {topic}. Now I have to write it.",
    ),
    (
        "First {lang} PR merged into the main service",
        "Small one, but it counts: my first {lang} change is in production.",
    ),
    (
        "Cut {system} p95 latency by a third",
        "Two weeks of profiling paid off: {system} p95 is down by a third.",
    ),
    (
        "Closed a {system} incident in under 20 minutes",
        "Led the {system} incident from page to mitigation in under 20 minutes, calmly.",
    ),
    ("Got the {project} RFC approved", "The {project} RFC was approved with only minor comments."),
    (
        "New hire's first deploy in their first week",
        "The new hire in {team} deployed to production in their first week.",
    ),
    (
        "{Team} team adopted the review checklist",
        "The {team} team started using the review checklist without me asking.",
    ),
    (
        "Promotion packet submitted",
        "Submitted the promotion packet. Writing it showed me how much I did this year.",
    ),
    (
        "Blog post on {topic} published internally",
        "My post on {topic} went out on the engineering blog and got lots of replies.",
    ),
    ("Finished the {tech} course", "Finished the {tech} course, exercises included."),
    (
        "Thank-you note from the {team} team",
        "Got a thank-you message from {team} for the {system} fix.",
    ),
    ("The talk on {topic} went well", "The talk on {topic} went well. Good questions, too."),
)
_OPENERS: dict[EntryKind, tuple[str, ...]] = {
    EntryKind.ADVICE: (
        "{Name} suggested I stop trying to fix {topic} on my own and ask for help earlier.",
        "Talked through the {project} with {name}; the advice was blunt.",
        "{Name}'s take: the {system} work is visible, but nobody knows I did it.",
        "Asked {name} how to get better at {topic} without burning out.",
        "{Name} has seen this pattern before and thinks the fix is mostly about expectations.",
        "Short answer from {name} when I described the week: do less, finish more.",
        "{Name} listened for twenty minutes and then asked one question that reframed it.",
        "I brought the {team} planning mess to {name}.",
    ),
    EntryKind.CONVERSATION: (
        "Met {name} for coffee and we ended up talking about {topic} for an hour.",
        "{Name} is dealing with the same {system} problems at their company.",
        "Long call with {name} about what senior actually means in practice.",
        "{Name} shared how their team runs {topic}, which is very different from ours.",
        "Caught up with {name} after a few weeks; lots to cover.",
        "We walked around the block twice and talked about the {project}.",
        "{Name} asked how the {lang} learning was going. Honest answer: slowly.",
    ),
    EntryKind.LESSON: (
        "{Name}'s post argues that {topic} is mostly a communication problem.",
        "Listened to {name} on a podcast while walking; the bit about {topic} stuck.",
        "{Name} gave a talk on {topic} that finally made the trade-offs click.",
        "Re-read {name}'s essay on {topic}. It lands differently a year later.",
        "{Name}'s newsletter this week was about the cost of context switching.",
        "In a talk on {topic}, {name} showed three failure modes I recognise from work.",
    ),
    EntryKind.REFLECTION: (
        "Quiet week, so a chance to think about {topic}.",
        "I keep postponing the {project} work and I think I know why.",
        "The {system} incident went better than the last one, mostly thanks to the runbook.",
        "Looking at my calendar for the month was sobering.",
        "I noticed I get defensive when someone questions the {system} design.",
        "Three things went well this week and one went badly.",
        "Some weeks the job is mostly {topic}, and that is fine.",
    ),
    EntryKind.FEEDBACK: (
        "The feedback: my design docs are thorough but too long to read before a meeting.",
        "Heard that I interrupt in planning when I'm excited about an idea.",
        "The review said my {system} work was strong, but I need to make it more visible.",
        "Useful and slightly uncomfortable feedback on how I run {topic} sessions.",
        "Apparently my code reviews read as harsher than I intend.",
        "Praise for the {project} handover, which I had almost skipped.",
    ),
}
_FOLLOWUP_TITLES = ("Follow-up: {advice}", "Tried it: {advice}", "How it went: {advice}")
_FOLLOWUP_OPENERS = (
    "Two weeks into trying {name}'s advice: it mostly works.",
    "Tried this for a month. Helpful, but not in the way I expected.",
    "Update on this one: it didn't stick, and I think I know why.",
    "Came back to this after a rough week; it was exactly the right advice.",
    "I tried it once, it felt awkward, and I haven't tried again. Noting that honestly.",
    "This worked better than I thought. People noticed before I told them.",
    "Half of it worked. The other half needs a different team.",
)
_GOAL_WIN_OPENERS = (
    "The check-ins moved in the right direction for the third week running.",
    "Small step, but this is the first week the number looks like the plan.",
    "Hit the halfway mark on this goal today.",
    "Mentioned it in the coaching session and realised how far it has come.",
)
_MIDDLES = (
    "The hard part is not the technical work but agreeing on what done means.",
    "I noticed I was optimising for looking busy rather than for impact.",
    "Next time I'll write the summary before the meeting, not after.",
    "It helps to separate the decision from the person who proposed it.",
    "Part of this is just **repetition**: doing it ten times until it's boring.",
    "I underestimated how much context the {team} team was missing.",
    "There is a trade-off between speed and consensus, and I leaned too far to consensus.",
    "Writing it down made the disagreement much smaller than it felt in the room.",
    "The numbers from the {system} dashboard tell a more nuanced story.",
    "I should ask for feedback earlier, when changing course is still cheap.",
    "My first reaction was defensive; a day later it mostly made sense.",
    "This connects directly to my current sprint goals.",
    "Small, boring, **reversible** changes beat one big clever one.",
    "It's easy to confuse being needed with being effective.",
    "The {lang} compiler was stricter than I expected, which turned out to be the point.",
    "Energy was low most of the week; sleep matters more than any technique.",
    "I want to try this for two weeks and see whether anything changes.",
    "Nobody objected, which is not the same as everyone agreeing.",
    "I rarely say what I need from people; that came up again.",
    "The {project} is a good place to practise this because the stakes are moderate.",
    "I'm not sure yet whether this is a process problem or a people problem.",
    "Half of the value came from explaining the problem out loud.",
    "Scope crept twice, and both times I said yes too fast.",
    'Asking "what would make this easy?" changed the whole conversation.',
    "Reading the old incident reviews showed the same root cause three times.",
    "It worked better than expected in {team} and worse in my own team.",
    "I still don't have a good answer, and that's fine for now.",
    "The meeting was twenty minutes shorter because everyone had read the doc.",
    "The real issue is **ownership**: nobody is sure who decides.",
    "I keep relearning that {topic} is a people problem wearing a technical costume.",
    "Good reminder that {tech} is a tool, not a strategy.",
    "I had the right idea but the wrong audience.",
    "The fastest path was the one I had dismissed as too simple.",
    "Felt like progress, even if the metric barely moved.",
    "What I called a quick question took the whole afternoon.",
    "I wrote three drafts; the shortest one was the best.",
    "It is easier to give this advice than to follow it.",
    "{Name} would say I'm overthinking it, and {name} would be right.",
    "The {system} code is older than most of the team, and it shows.",
    "Two people said the same thing independently, so it's probably true.",
)
_DIACRITICS = (
    "Wrote most of this at the café near the office, which helps more than it should.",
    "My first attempt was naïve: I assumed the cache would always be warm.",
    "Updated my résumé afterwards, not to leave, just to see the year on one page.",
    "It had a strong feeling of déjà vu from the last re-org.",
    "The façade we built around the legacy {system} code is holding up.",
    "Met up at the crêpe place after the meetup and kept talking.",
    "Trying the Zürich office's approach to on-call handovers.",
    "Feels like a cliché, but the smallest step really was the right one.",
    "The São Paulo team had solved this already; I just hadn't asked.",
    "Gave the talk's opening in my best Français, which got a laugh.",
)
_LIST_INTROS = (
    "What I'll try:",
    "Takeaways:",
    "Open questions:",
    "Next steps:",
    "What worked:",
    "What didn't:",
    "Things to remember:",
    "**Plan** for the next two weeks:",
)
_BULLETS = (
    "Write the decision record the same day",
    "Ask for feedback on one thing, not everything",
    "Timebox investigations to half a day",
    "Keep the **weekly update** to five lines",
    "Pair on the scariest part first",
    "Say what I need, not just what I think",
    "Check the {system} dashboard before guessing",
    "Block focus time on Tuesday mornings",
    "Review {lang} PRs before lunch",
    "Bring data to the {team} planning meeting",
    "Move the retro actions into the tracker",
    "Stop rewriting other people's code in review",
    'Ask "what would change your mind?"',
    "Prepare three questions before each 1:1",
    "Delete one alert for every one I add",
    "Read one chapter on {topic} a week",
    "Share drafts at 30%",
    "Celebrate small wins in the team channel",
    "Close the laptop after 19:00",
    "Volunteer to run the next incident review",
    "Draw the {system} architecture from memory, then check it",
    "Ask {name} for a follow-up in a month",
    "Try {tech} on a side project first",
    "Write the **why** before the how",
    "Check in on the mentee's goals every Friday",
)
_QUOTES = (
    "Make it work, make it right, make it fast.",
    "Writing is thinking.",
    "Strong opinions, weakly held.",
    "The map is not the territory.",
    "Slow is smooth and smooth is fast.",
    "If it hurts, do it more often.",
    "You can't improve what you don't measure, but not everything that counts is counted.",
)
_CLOSERS = (
    "Follow up in two weeks.",
    "Worth revisiting at the end of the sprint.",
    "Bringing this to the next coaching session.",
    "Good enough for now.",
    "Let's see.",
    "**Remember this** the next time the pressure is on.",
    "Adding it to the brag document.",
    "Not sure yet. Will write again when I know more.",
)
_ANON_NAMES = ("my manager", "a colleague", "my tech lead", "a teammate")

# Weighted pools, expanded once so a plain ``choice`` is a weighted pick.
_ENTRY_KIND_SHARE: tuple[tuple[EntryKind, float], ...] = (
    (EntryKind.ADVICE, 0.17),
    (EntryKind.CONVERSATION, 0.17),
    (EntryKind.LESSON, 0.12),
    (EntryKind.TAUGHT, 0.07),
    (EntryKind.FEEDBACK, 0.10),
    (EntryKind.WIN, 0.14),
    (EntryKind.REFLECTION, 0.23),
)
_HOURS = (7, 8, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 17, 18, 19, 20, 20, 21, 21, 22)
_SCOPES = (Scope.PRIVATE,) * 15 + (Scope.COACH,) * 3 + (Scope.MENTOR,) * 2
_TAG_COUNTS = (0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4)
_PARAGRAPHS = (1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5)
_PARA_KINDS = ("prose", "prose", "prose", "prose", "list", "list", "list", "quote")


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    """An ASCII, lower-case, dash-separated form of ``text`` for URLs."""
    return "-".join(part for part in text.lower().translate(_ASCII).split("-") if part)


def _skill_slots(text: str) -> frozenset[str]:
    """Which of the skill slots ({lang}, {tech}, {topic}) a template uses."""
    return frozenset(slot for slot in ("lang", "tech", "topic") if f"{{{slot}}}" in text)


def _monday_on_or_before(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _weekday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7) if d.weekday() >= 5 else d


def _months_between(start: date, end: date) -> range:
    return range(start.year * 12 + start.month - 1, end.year * 12 + end.month)


@dataclass
class _SprintPlan:
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
class _MentorPlan:
    name: str
    relationship: Relationship
    started_on: date
    ended_on: date | None
    mid: int = 0

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0]


# ---------------------------------------------------------------------------------------
# The builder
# ---------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, size: SampleSize, today: date, tz: tzinfo) -> None:
        self.size = size
        self.profile = _PROFILES[size]
        self.today = today
        self.tz = tz
        self.rng = random.Random(f"devjournal-sample:{size.value}")
        self.horizon = today - timedelta(days=round(365.25 * self.profile.years))
        self.plans: list[_SprintPlan] = []
        self.mentor_plans: list[_MentorPlan] = []
        self.sprints: list[tuple[int, SprintDraft]] = []
        self.goals: list[tuple[int, GoalDraft]] = []
        self.milestones: list[tuple[int, MilestoneDraft]] = []
        self.checkins: list[tuple[int, CheckinDraft]] = []
        self.sessions: list[tuple[int, SessionDraft]] = []
        self.actions: list[tuple[int, ActionItemDraft]] = []
        self.mentors: list[tuple[int, MentorDraft]] = []
        self.links: list[tuple[int, MentorLinkDraft]] = []
        self.entries: list[tuple[int, LogEntryDraft]] = []
        self.coach_names: list[str] = []
        self.goal_step: dict[int, float] = {}
        self.anchor: dict[Relationship, _MentorPlan] = {}
        self.mentors_by_month: dict[tuple[Relationship, int], list[_MentorPlan]] = {}
        self.sprints_by_day: dict[int, list[_SprintPlan]] = {}

    def build(self) -> SampleJournal:
        names = self._names(self.profile.mentors + self.profile.coaches)
        self.coach_names = names[self.profile.mentors :]
        self._build_mentors(names[: self.profile.mentors])
        self._plan_sprints()
        self._build_sprints()
        self._build_entries()
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
        )

    # -- small utilities ----------------------------------------------------------------
    def _names(self, count: int) -> list[str]:
        total = len(_FIRST_NAMES) * len(_LAST_NAMES)
        picks = self.rng.sample(range(total), count)
        return [
            f"{_FIRST_NAMES[i % len(_FIRST_NAMES)]} {_LAST_NAMES[i // len(_FIRST_NAMES)]}"
            for i in picks
        ]

    def _ctx(self) -> dict[str, str]:
        c = self.rng.choice
        system = c(_SYSTEMS)
        team = c(_TEAMS)
        return {
            "system": system,
            "System": system[0].upper() + system[1:],
            "lang": c(_LANGS),
            "tech": c(_TECH),
            "topic": c(_TOPICS),
            "guild": c(_GUILDS),
            "team": team,
            "Team": team,
            "project": c(_PROJECTS),
        }

    def _employer_at(self, d: date) -> str:
        return _EMPLOYERS[((self.today - d).days // 1280) % len(_EMPLOYERS)]

    def _level_at(self, d: date) -> str:
        years_ago = (self.today - d).days / 365.25
        return _LEVELS[max(0, len(_LEVELS) - 1 - int(years_ago / 3))]

    def _at(self, d: date, hour: int, minute: int) -> datetime:
        return datetime(d.year, d.month, d.day, hour, minute, tzinfo=self.tz)

    # -- mentors --------------------------------------------------------------------------
    def _build_mentors(self, names: list[str]) -> None:
        rng = self.rng
        rels = [
            Relationship.TRADITIONAL,
            Relationship.PEER,
            Relationship.REVERSE,
            Relationship.FROM_AFAR,
        ]
        pool = (
            (Relationship.TRADITIONAL,) * 5
            + (Relationship.PEER,) * 6
            + (Relationship.REVERSE,) * 3
            + (Relationship.FROM_AFAR,) * 6
        )
        rels += [rng.choice(pool) for _ in range(len(names) - len(rels))]
        earliest = self.horizon - timedelta(days=180)
        latest = self.today - timedelta(days=30)
        plans: list[_MentorPlan] = []
        for i, (name, rel) in enumerate(zip(names, rels, strict=True)):
            if i < 4:
                # One of each relationship spans the whole history, so every kind of entry
                # always has someone to be about.
                started = self.horizon - timedelta(days=rng.randint(30, 400))
                ended = None
            else:
                started = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
                ended = None
                known = (self.today - started).days
                if known > 240 and rng.random() < 0.55:
                    ended = started + timedelta(days=rng.randint(120, min(1100, known - 1)))
            plans.append(_MentorPlan(name, rel, started, ended))
        plans.sort(key=lambda p: p.started_on)
        for mid, plan in enumerate(plans, start=1):
            plan.mid = mid
            self.mentors.append((mid, self._mentor_draft(plan)))
            self._mentor_links(plan)
        self.mentor_plans = plans
        for plan in plans:
            if plan.ended_on is None and plan.started_on <= self.horizon:
                self.anchor.setdefault(plan.relationship, plan)
        # Which mentors are around in a month, per relationship: a quick first guess.
        for plan in plans:
            for month in _months_between(plan.started_on, plan.ended_on or self.today):
                self.mentors_by_month.setdefault((plan.relationship, month), []).append(plan)

    def _mentor_draft(self, plan: _MentorPlan) -> MentorDraft:
        rng = self.rng
        rel = plan.relationship
        ctx = self._ctx()
        formal_share = {
            Relationship.TRADITIONAL: 0.55,
            Relationship.PEER: 0.15,
            Relationship.REVERSE: 0.4,
            Relationship.FROM_AFAR: 0.0,
        }[rel]
        internal_share = {
            Relationship.TRADITIONAL: 0.5,
            Relationship.PEER: 0.6,
            Relationship.REVERSE: 0.85,
            Relationship.FROM_AFAR: 0.0,
        }[rel]
        formal = rng.random() < formal_share
        internal = rng.random() < internal_share
        if internal:
            organisation = self._employer_at(plan.started_on)
        elif rel is Relationship.FROM_AFAR and rng.random() < 0.4:
            organisation = ""  # independent writer or speaker
        else:
            organisation = rng.choice(_EXTERNAL_ORGS)
        contact = (
            None
            if rel is Relationship.FROM_AFAR
            else rng.choice((14, 21, 30, 30, 45) if rel is not Relationship.REVERSE else (14, 21))
        )
        return MentorDraft(
            name=plan.name,
            relationship=rel,
            formality=Formality.FORMAL if formal else Formality.INFORMAL,
            programme=rng.choice(_PROGRAMMES[rel]) if formal else "",
            affiliation=Affiliation.INTERNAL if internal else Affiliation.EXTERNAL,
            organisation=organisation,
            seeking=rng.choice(_SEEKING[rel]).format_map(ctx),
            contact_every_days=contact,
            started_on=plan.started_on,
            ended_on=plan.ended_on,
            notes=rng.choice(_MENTOR_NOTES[rel]),
        )

    def _mentor_links(self, plan: _MentorPlan) -> None:
        rng = self.rng
        slug = _slug(plan.name)
        dotted = slug.replace("-", ".")
        if plan.relationship is Relationship.FROM_AFAR:
            options = [
                ("Blog", f"https://blog.example.org/{slug}"),
                ("Podcast", f"https://podcast.example.net/shows/{slug}"),
                ("Talk", f"https://talks.example.com/{slug}/{self.today.year - rng.randint(1, 9)}"),
                ("Newsletter", f"https://news.example.com/{slug}"),
            ]
        else:
            options = [
                ("Profile", f"https://example.com/people/{slug}"),
                ("Email", f"mailto:{dotted}@example.com"),
                ("Blog", f"https://blog.example.org/{slug}"),
                ("Calendar", f"https://cal.example.net/{slug}/30min"),
            ]
        for position, (label, url) in enumerate(rng.sample(options, rng.randint(1, 3))):
            self.links.append(
                (
                    len(self.links) + 1,
                    MentorLinkDraft(mentor_id=plan.mid, label=label, url=url, position=position),
                )
            )

    def _mentor_on(self, rel: Relationship, d: date) -> _MentorPlan:
        """A mentor of ``rel`` who was around on ``d``."""
        candidates = self.mentors_by_month.get((rel, d.year * 12 + d.month - 1))
        if candidates:
            for _ in range(4):
                plan = self.rng.choice(candidates)
                if plan.started_on <= d and (plan.ended_on is None or d <= plan.ended_on):
                    return plan
        return self.anchor[rel]

    # -- sprints --------------------------------------------------------------------------
    def _plan_sprints(self) -> None:
        rng = self.rng
        p = self.profile
        today = self.today
        weeks = rng.randint(9, 16)
        start = _monday_on_or_before(today - timedelta(days=rng.randint(42, weeks * 7 - 14)))
        active = _SprintPlan(start, start + timedelta(days=weeks * 7 - 1), "active")
        start = _monday_on_or_before(active.end + timedelta(days=rng.randint(10, 28)))
        weeks = rng.randint(6, 12)
        planned = _SprintPlan(start, start + timedelta(days=weeks * 7 - 1), "planned")
        plans = [active, planned]
        for track in range(p.tracks):
            limit = active.start if track == 0 else today - timedelta(days=rng.randint(7, 120))
            past: list[_SprintPlan] = []
            while p.past_sprints is None or len(past) < p.past_sprints:
                limit -= timedelta(days=rng.randint(*p.gap_days))
                weeks = rng.randint(6, 16)
                start = _monday_on_or_before(limit - timedelta(days=weeks * 7 - 1))
                if p.past_sprints is None and start < self.horizon:
                    break
                past.append(_SprintPlan(start, start + timedelta(days=weeks * 7 - 1), "past"))
                limit = start
            plans += past
        plans.sort(key=lambda s: (s.start, s.end))
        past_plans = [s for s in plans if s.phase == "past"]
        for i, plan in enumerate(past_plans):
            # The small journal: the newest finished sprint completed, the one before it
            # abandoned, the rest completed. Otherwise one in five is abandoned.
            fixed = p.past_sprints is not None
            abandon = i == len(past_plans) - 2 if fixed else rng.random() < 0.2
            length = (plan.end - plan.start).days
            if abandon:
                plan.closed_state = ClosedState.ABANDONED
                plan.closed_on = plan.start + timedelta(days=int(length * rng.uniform(0.35, 0.75)))
            else:
                plan.closed_state = ClosedState.COMPLETED
                plan.closed_on = plan.end - timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))
        kinds = list(SprintKind)
        rng.shuffle(kinds)
        coach = rng.choice(self.coach_names)
        used_titles: set[str] = set()
        for i, plan in enumerate(plans):
            if i < len(kinds):
                plan.kind = kinds[i]  # every kind appears, even in a small journal
            else:
                plan.kind = rng.choice(
                    (SprintKind.PERFORMANCE,) * 4
                    + (SprintKind.SKILLS,) * 4
                    + (SprintKind.LEADERSHIP,) * 3
                )
            plan.ctx = self._ctx()
            for _ in range(8):
                template = rng.choice(_SPRINT_TITLES[plan.kind])
                title = template.format_map(plan.ctx)
                if title not in used_titles:
                    break
                plan.ctx = self._ctx()
            used_titles.add(title)
            plan.ctx["sprint_title"] = title
            if plan.kind is SprintKind.SKILLS:
                # One subject per skills sprint: the title's language, tool or topic.
                subject = _skill_slots(template)
                if "lang" in subject:
                    plan.ctx["tech"] = plan.ctx["lang"]
                elif "tech" in subject:
                    plan.ctx["lang"] = plan.ctx["tech"]
                plan.subject = subject
            if rng.random() < 0.3:
                coach = rng.choice(self.coach_names)
            plan.ctx["coach"] = coach
        self.plans = plans

    def _build_sprints(self) -> None:
        rollable: list[tuple[date, int, GoalDraft]] = []  # missed goals: (end, id, draft)
        by_day: dict[int, list[_SprintPlan]] = {}
        for sid, plan in enumerate(self.plans, start=1):
            plan.sid = sid
            draft = self._sprint_draft(plan)
            self.sprints.append((sid, draft))
            self._build_goals(plan, rollable)
            self._build_sessions(plan)
            for day in range(plan.start.toordinal(), plan.effective_end.toordinal() + 1):
                by_day.setdefault(day, []).append(plan)
        self.sprints_by_day = by_day

    def _sprint_draft(self, plan: _SprintPlan) -> SprintDraft:
        rng = self.rng
        ctx = plan.ctx
        fits = [f for f in _FOCUS[plan.kind] if _skill_slots(f) <= plan.subject]
        if plan.kind is not SprintKind.SKILLS:
            fits = list(_FOCUS[plan.kind])
        focus = f"{self._level_at(plan.start)}: {rng.choice(fits)}"
        retrospective = ""
        if plan.closed_state is ClosedState.COMPLETED:
            well = rng.sample(_RETRO_WELL, 2)
            change = rng.sample(_RETRO_CHANGE, rng.randint(1, 2))
            retrospective = (
                "**What went well**\n\n"
                + "\n".join(f"- {line}" for line in well)
                + "\n\n**What I would change**\n\n"
                + "\n".join(f"- {line}" for line in change)
                + f"\n\n{rng.choice(_INSIGHTS)}"
            ).format_map(ctx)
        elif plan.closed_state is ClosedState.ABANDONED:
            retrospective = (
                rng.choice(_ABANDON_REASONS) + "\n\n" + rng.choice(_INSIGHTS)
            ).format_map(ctx)
        return SprintDraft(
            title=ctx["sprint_title"],
            kind=plan.kind,
            start_date=plan.start,
            end_date=plan.end,
            coach_name=ctx["coach"],
            focus=focus.format_map(ctx),
            session_every_days=rng.choice((7, 14, 14, 14, 21)),
            closed_state=plan.closed_state,
            closed_on=plan.closed_on,
            retrospective=retrospective,
        )

    # -- goals, milestones, check-ins ---------------------------------------------------
    def _goal_statuses(self, plan: _SprintPlan, count: int) -> list[GoalStatus]:
        rng = self.rng
        if plan.phase == "planned":
            return [GoalStatus.DRAFT] * count
        if plan.phase == "active":
            return [GoalStatus.ACTIVE] * count
        if plan.closed_state is ClosedState.ABANDONED:
            return [
                rng.choice((GoalStatus.DROPPED,) * 3 + (GoalStatus.MISSED,) * 2)
                for _ in range(count)
            ]
        pool = (GoalStatus.ACHIEVED,) * 13 + (GoalStatus.MISSED,) * 6 + (GoalStatus.DROPPED,)
        statuses = [rng.choice(pool) for _ in range(count)]
        if self.profile.past_sprints is not None and plan is self._last_past():
            # The small journal shows a roll-over: the last finished sprint missed one goal.
            if GoalStatus.MISSED not in statuses:
                statuses[-1] = GoalStatus.MISSED
            if GoalStatus.ACHIEVED not in statuses:
                statuses[0] = GoalStatus.ACHIEVED
        return statuses

    def _last_past(self) -> _SprintPlan | None:
        past = [s for s in self.plans if s.phase == "past"]
        return past[-1] if past else None

    def _build_goals(
        self,
        plan: _SprintPlan,
        rollable: list[tuple[date, int, GoalDraft]],
    ) -> None:
        rng = self.rng
        count = rng.randint(2, 4)
        if plan.phase == "active":
            count = max(3, count)
        statuses = self._goal_statuses(plan, count)
        # Roll over an earlier missed goal now and then (always in the small journal's
        # active sprint).
        roll: tuple[date, int, GoalDraft] | None = None
        candidates = [r for r in rollable if r[0] < plan.start]
        must_roll = self.profile.past_sprints is not None and plan.phase == "active"
        if candidates and plan.phase != "planned" and (must_roll or rng.random() < 0.2):
            roll = candidates[-1]
            rollable.remove(roll)
        choices = [
            t
            for t in _GOALS[plan.kind]
            if (roll is None or t.title.format_map(plan.ctx) != roll[2].title)
            and (plan.kind is not SprintKind.SKILLS or _skill_slots(t.title) <= plan.subject)
        ]
        count = min(count, len(choices))
        statuses = statuses[:count]
        # Prefer a different kind of measure for each goal of a sprint.
        rng.shuffle(choices)
        seen: set[MetricKind] = set()
        varied: list[_GoalT] = []
        for t in choices:
            if t.metric_kind not in seen:
                seen.add(t.metric_kind)
                varied.append(t)
        templates = (varied + [t for t in choices if t not in varied])[:count]
        gap_goal = plan.phase == "planned" and count > 1
        for position in range(count):
            status = statuses[position]
            gid = len(self.goals) + 1
            if roll is not None and position == 0:
                goal, milestones = self._rolled_goal(plan, roll, status, gid)
            else:
                gaps = gap_goal and position == count - 1
                goal, milestones = self._new_goal(
                    plan, templates[position], status, gid, position=position, gaps=gaps
                )
            goal, checkins = self._checkins(plan, goal, gid)
            self.goals.append((gid, goal))
            plan.goals.append((gid, goal))
            for mpos, (title, done_on) in enumerate(milestones):
                self.milestones.append(
                    (
                        len(self.milestones) + 1,
                        MilestoneDraft(goal_id=gid, title=title, position=mpos, done_on=done_on),
                    )
                )
            for checkin in checkins:
                self.checkins.append((len(self.checkins) + 1, checkin))
            if status is GoalStatus.MISSED:
                rollable.append((plan.effective_end, gid, goal))

    def _new_goal(
        self,
        plan: _SprintPlan,
        t: _GoalT,
        status: GoalStatus,
        gid: int,
        *,
        position: int,
        gaps: bool,
    ) -> tuple[GoalDraft, list[tuple[str, date | None]]]:
        rng = self.rng
        ctx = plan.ctx
        self.goal_step[gid] = t.step
        baseline: float | None = None
        target: float | None = None
        if t.metric_kind is not MetricKind.MILESTONES:
            shape = GoalDraft(
                sprint_id=0, title="-", metric_kind=t.metric_kind, scale_max=t.scale_max
            )
            baseline = self._round(gid, shape, rng.uniform(*t.baseline))
            target = self._round(gid, shape, rng.uniform(*t.target))
        deadline = max(plan.start, plan.end - timedelta(days=rng.choice((0, 0, 0, 3, 7))))
        goal = GoalDraft(
            sprint_id=plan.sid,
            title=t.title.format_map(ctx),
            specific=t.specific.format_map(ctx),
            metric_kind=t.metric_kind,
            metric_name=t.metric_name,
            unit=t.unit,
            baseline=baseline,
            target=None if gaps else target,
            direction=t.direction,
            scale_max=t.scale_max,
            achievable="" if gaps else t.achievable.format_map(ctx),
            relevant="" if gaps else t.relevant.format_map(ctx),
            deadline=None if gaps else deadline,
            checkin_every_days=rng.choice((7, 7, 7, 14, 14)),
            status=status,
            scope=rng.choice((Scope.COACH,) * 8 + (Scope.PRIVATE,) * 2 + (Scope.MENTOR,)),
            position=position,
        )
        titles = [m.format_map(ctx) for m in t.milestones[: rng.randint(3, 6)]]
        return goal, self._milestones(plan, goal, titles)

    def _rolled_goal(
        self,
        plan: _SprintPlan,
        roll: tuple[date, int, GoalDraft],
        status: GoalStatus,
        gid: int,
    ) -> tuple[GoalDraft, list[tuple[str, date | None]]]:
        _, old_id, old = roll
        self.goal_step[gid] = self.goal_step[old_id]
        baseline = old.final_value if old.final_value is not None else old.baseline
        deadline = max(plan.start, plan.end - timedelta(days=self.rng.choice((0, 0, 7))))
        goal = GoalDraft(
            sprint_id=plan.sid,
            title=old.title,
            specific=old.specific,
            metric_kind=old.metric_kind,
            metric_name=old.metric_name,
            unit=old.unit,
            baseline=baseline,
            target=old.target,
            direction=old.direction,
            scale_max=old.scale_max,
            achievable=old.achievable,
            relevant=old.relevant + " Rolled over: unfinished last time.",
            deadline=deadline,
            checkin_every_days=old.checkin_every_days,
            status=status,
            scope=old.scope,
            position=0,
            rolled_from_id=old_id,
        )
        titles = [d.title for _, d in self.milestones if d.goal_id == old_id]
        if titles:
            titles = titles[-6:]
        return goal, self._milestones(plan, goal, titles)

    def _milestones(
        self, plan: _SprintPlan, goal: GoalDraft, titles: list[str]
    ) -> list[tuple[str, date | None]]:
        if goal.metric_kind is not MetricKind.MILESTONES or not titles:
            return []
        rng = self.rng
        n = len(titles)
        end = goal.deadline or plan.end
        span = max(1, (min(end, plan.effective_end) - plan.start).days)
        full = max(1, (end - plan.start).days)
        if goal.status is GoalStatus.ACHIEVED:
            done = n
        elif goal.status is GoalStatus.MISSED:
            done = rng.randint(1, n - 1)
        elif goal.status is GoalStatus.DROPPED:
            done = rng.randint(0, n // 2)
        elif goal.status is GoalStatus.ACTIVE:
            done = n
        else:
            done = 0
        out: list[tuple[str, date | None]] = []
        for i, title in enumerate(titles):
            done_on: date | None = None
            if i < done:
                if goal.status is GoalStatus.ACTIVE:
                    due = plan.start + timedelta(days=full * (i + 1) // (n + 1))
                    due += timedelta(days=rng.randint(-3, 4))
                    if due < self.today and rng.random() < 0.85:
                        done_on = max(plan.start, due)
                    else:
                        done = i  # the rest are still to do
                else:
                    step = span * (i + 1) // max(1, done)
                    done_on = plan.start + timedelta(days=max(0, step - rng.randint(0, 5)))
            out.append((title, done_on))
        return out

    def _round(self, gid: int, goal: GoalDraft, value: float) -> float:
        """``value`` on the goal's grid (whole hours, half points...) and inside its scale."""
        step = self.goal_step[gid]
        value = round(round(value / step) * step, 2)
        if goal.metric_kind is MetricKind.PERCENT:
            return min(100.0, max(0.0, value))
        if goal.metric_kind is MetricKind.RATING and goal.scale_max is not None:
            return min(float(goal.scale_max), max(1.0, value))
        return max(0.0, value)

    def _checkins(
        self, plan: _SprintPlan, goal: GoalDraft, gid: int
    ) -> tuple[GoalDraft, list[CheckinDraft]]:
        """The goal's check-ins, and the goal with its final value and lessons filled in."""
        rng = self.rng
        status = goal.status
        lessons = ""
        if status in _LESSONS:
            lessons = rng.choice(_LESSONS[status]).format_map(plan.ctx)
        if (
            goal.metric_kind is MetricKind.MILESTONES
            or status is GoalStatus.DRAFT
            or goal.baseline is None
            or goal.target is None
        ):
            return replace(goal, lessons=lessons), []
        baseline, target = goal.baseline, goal.target
        span = target - baseline
        outcome = {
            GoalStatus.ACHIEVED: rng.uniform(1.0, 1.15),
            GoalStatus.MISSED: rng.uniform(0.35, 0.8),
            GoalStatus.DROPPED: rng.uniform(0.05, 0.45),
            GoalStatus.ACTIVE: rng.uniform(0.55, 1.15),
        }[status]
        deadline = goal.deadline or plan.end
        length = max(1, (deadline - plan.start).days)
        last_day = min(self.today, plan.effective_end, deadline)
        day = plan.start + timedelta(days=rng.randint(0, 3))
        checkins: list[CheckinDraft] = []
        while day <= last_day:
            f = min(1.0, (day - plan.start).days / length)
            noise = rng.gauss(0.0, 0.06) * abs(span) if checkins else 0.0
            value = self._round(gid, goal, baseline + span * outcome * f + noise)
            note = rng.choice(_CHECKIN_NOTES) if rng.random() < 0.3 else ""
            checkins.append(CheckinDraft(goal_id=gid, on_date=day, value=value, note=note))
            step = min(14, max(7, goal.checkin_every_days + rng.randint(-1, 3)))
            day += timedelta(days=step)
        final: float | None = None
        if status in (GoalStatus.ACHIEVED, GoalStatus.MISSED):
            final = self._round(gid, goal, baseline + span * outcome)
            met = final >= target if goal.direction is Direction.UP else final <= target
            if status is GoalStatus.MISSED and met:
                # Rounding can land a near miss on the target: keep it one step short.
                short = self.goal_step[gid] * (1 if goal.direction is Direction.UP else -1)
                final = self._round(gid, goal, target - short)
            closing = min(deadline, plan.effective_end)
            if checkins and checkins[-1].on_date >= closing:
                checkins.pop()
            checkins.append(CheckinDraft(goal_id=gid, on_date=closing, value=final))
        return replace(goal, final_value=final, lessons=lessons), checkins

    # -- sessions and action items --------------------------------------------------------
    def _build_sessions(self, plan: _SprintPlan) -> None:
        rng = self.rng
        today = self.today
        cadence = self.sprints[plan.sid - 1][1].session_every_days or 14
        if plan.phase == "active":
            anchor = _weekday_on_or_after(today + timedelta(days=rng.randint(1, 4)))
            first = anchor - timedelta(days=(anchor - plan.start).days // cadence * cadence)
        else:
            first = _weekday_on_or_after(plan.start + timedelta(days=rng.randint(0, 4)))
        days: list[date] = []
        day = first
        while day <= plan.effective_end:
            days.append(day)
            day += timedelta(days=cadence)
        hour = rng.randint(9, 15)
        minute = rng.choice((0, 30))
        past_count = sum(1 for d in days if d < today)
        held_indexes: list[int] = []
        first_sid = len(self.sessions) + 1
        for i, d in enumerate(days):
            if d >= today:
                status = SessionStatus.PLANNED
            elif (plan.phase != "active" or 0 < i < past_count - 1) and rng.random() < 0.08:
                status = SessionStatus.CANCELLED
            else:
                status = SessionStatus.HELD
            if rng.random() < 0.15:  # now and then moved to another slot
                when = self._at(d, rng.randint(9, 15), rng.choice((0, 30)))
            else:
                when = self._at(d, hour, minute)
            self.sessions.append((len(self.sessions) + 1, self._session_draft(plan, when, status)))
            if status is SessionStatus.HELD:
                held_indexes.append(i)
        for n, i in enumerate(held_indexes):
            self._build_actions(
                plan,
                first_sid + i,
                days[i],
                first_held=n == 0,
                last_held=n == len(held_indexes) - 1,
            )

    def _session_draft(
        self, plan: _SprintPlan, when: datetime, status: SessionStatus
    ) -> SessionDraft:
        rng = self.rng
        ctx = dict(plan.ctx)
        ctx["goal"] = rng.choice(plan.goals)[1].title if plan.goals else plan.ctx["sprint_title"]
        agenda = "\n".join(
            f"- {item.format_map(ctx)}" for item in rng.sample(_AGENDA, rng.randint(2, 4))
        )
        notes = insights = ""
        if status is SessionStatus.HELD:
            lines = [x.format_map(ctx) for x in rng.sample(_SESSION_NOTES, 3)]
            notes = " ".join(lines[:2])
            if rng.random() < 0.4:
                notes += "\n\n" + lines[2]
            insights = "\n".join(f"- {s}" for s in rng.sample(_INSIGHTS, rng.choice((1, 1, 2))))
        elif status is SessionStatus.CANCELLED:
            notes = rng.choice(_CANCELLED_NOTES)
        questions: tuple[SessionQuestion, ...] = ()
        if status is SessionStatus.HELD:
            # Their own generator, seeded by the session, so the rest of the sample (drawn
            # from ``rng``) is the same as before questions were added.
            local = random.Random(f"{plan.sid}:{when.isoformat()}")
            questions = tuple(
                SessionQuestion(q.format_map(ctx), a.format_map(ctx))
                for q, a in local.sample(_QUESTIONS, local.choice((1, 1, 2)))
            )
        return SessionDraft(
            sprint_id=plan.sid,
            starts_at=when,
            duration_min=rng.choice((45, 60, 60, 60, 90)),
            status=status,
            agenda=agenda,
            notes=notes,
            insights=insights,
            scope=Scope.PRIVATE if rng.random() < 0.15 else Scope.COACH,
            questions=questions,
        )

    def _build_actions(
        self,
        plan: _SprintPlan,
        session_id: int,
        held_on: date,
        *,
        first_held: bool,
        last_held: bool,
    ) -> None:
        rng = self.rng
        today = self.today
        active = plan.phase == "active"
        count = rng.choice((0, 1, 1, 1, 2, 2, 2, 3, 3))
        forced_overdue = 2 if active and first_held else 0
        forced_future = 2 if active and last_held and not first_held else 0
        count = max(count, forced_overdue + forced_future)
        titles = rng.sample(_ACTIONS, count)
        for n in range(count):
            goal_id: int | None = None
            ctx = dict(plan.ctx)
            ctx["metric"] = "the goal metric"
            live = [(gid, g) for gid, g in plan.goals if g.status is not GoalStatus.DRAFT]
            if live and rng.random() < 0.6:
                goal_id, goal = rng.choice(live)
                ctx["metric"] = goal.metric_name or goal.title.lower()
            due = held_on + timedelta(days=rng.randint(7, 21))
            status = ActionStatus.DONE
            done_on: date | None = None
            if n < forced_overdue:
                latest = min(21, (today - held_on).days - 1)
                due = held_on + timedelta(days=rng.randint(min(7, latest), latest))
                status = ActionStatus.OPEN
            elif n < forced_overdue + forced_future:
                lo = max(7, (today - held_on).days + 1)
                due = held_on + timedelta(days=rng.randint(lo, max(lo, 21)))
                status = ActionStatus.OPEN
            elif active:
                roll = rng.random()
                if due < today:
                    status = (
                        ActionStatus.DONE
                        if roll < 0.65
                        else ActionStatus.OPEN
                        if roll < 0.85
                        else ActionStatus.DROPPED
                    )
                else:
                    status = ActionStatus.OPEN if roll < 0.85 else ActionStatus.DONE
            else:
                status = ActionStatus.DONE if rng.random() < 0.82 else ActionStatus.DROPPED
            if status is ActionStatus.DONE:
                done_on = due + timedelta(days=rng.randint(-5, 3))
                done_on = min(today, max(held_on + timedelta(days=1), done_on))
            self.actions.append(
                (
                    len(self.actions) + 1,
                    ActionItemDraft(
                        sprint_id=plan.sid,
                        title=titles[n].format_map(ctx),
                        due_date=due,
                        goal_id=goal_id,
                        session_id=session_id,
                        status=status,
                        done_on=done_on,
                    ),
                )
            )

    # -- log entries ----------------------------------------------------------------------
    def _entry_times(self, count: int) -> list[datetime]:
        rng = self.rng
        span = (self.today - self.horizon).days  # up to yesterday
        hours = _HOURS
        stamps: list[int] = []
        base = self.horizon.toordinal()
        for _ in range(count):
            # Denser towards the present: people write more once the habit sticks.
            day = base + int(span * rng.random() ** 0.85)
            stamps.append(day * 1440 + rng.choice(hours) * 60 + rng.randrange(60))
        stamps.sort()
        out = []
        for stamp in stamps:
            d = date.fromordinal(stamp // 1440)
            minute = stamp % 1440
            out.append(self._at(d, minute // 60, minute % 60))
        # Wall-clock order can differ from real order around a DST change.
        out.sort(key=datetime.timestamp)
        return out

    def _entry_kinds(self, count: int) -> list[EntryKind]:
        kinds: list[EntryKind] = []
        for kind, share in _ENTRY_KIND_SHARE[:-1]:
            kinds += [kind] * max(1, round(count * share))
        kinds += [_ENTRY_KIND_SHARE[-1][0]] * max(1, count - len(kinds))
        kinds = kinds[:count]
        self.rng.shuffle(kinds)
        return kinds

    def _build_entries(self) -> None:
        rng = self.rng
        count = self.profile.entries
        times = self._entry_times(count)
        kinds = self._entry_kinds(count)
        advice: list[tuple[int, str, _MentorPlan | None]] = []
        tr, pe, rv, fa = (
            Relationship.TRADITIONAL,
            Relationship.PEER,
            Relationship.REVERSE,
            Relationship.FROM_AFAR,
        )
        for eid, (when, kind) in enumerate(zip(times, kinds, strict=True), start=1):
            d = when.date()
            ctx = self._ctx()
            mentor: _MentorPlan | None = None
            sprint: _SprintPlan | None = None
            goal_id: int | None = None
            source_url = ""
            advice_status: AdviceStatus | None = None
            responds_to: int | None = None
            opener = ""
            roll = rng.random()
            if kind is EntryKind.ADVICE:
                mentor = self._mentor_on(tr if roll < 0.55 else pe, d)
            elif kind is EntryKind.CONVERSATION:
                mentor = self._mentor_on(tr if roll < 0.4 else pe if roll < 0.85 else rv, d)
            elif kind is EntryKind.LESSON:
                mentor = self._mentor_on(fa, d)
            elif kind is EntryKind.TAUGHT:
                mentor = self._mentor_on(rv, d)
            elif kind is EntryKind.FEEDBACK:
                if roll < 0.7:
                    mentor = self._mentor_on(tr if roll < 0.3 else pe, d)
            elif roll < 0.15:
                mentor = self._mentor_on(tr if roll < 0.08 else pe, d)
            if mentor is not None:
                ctx["name"] = mentor.first_name
            else:
                ctx["name"] = rng.choice(_ANON_NAMES)
            ctx["Name"] = ctx["name"][0].upper() + ctx["name"][1:]

            running = self.sprints_by_day.get(d.toordinal())
            if running and kind in (EntryKind.WIN, EntryKind.REFLECTION, EntryKind.FEEDBACK):
                share = 0.75 if kind is EntryKind.WIN else 0.25
                if rng.random() < share:
                    sprint = rng.choice(running)
                    live = [gid for gid, g in sprint.goals if g.status is not GoalStatus.DRAFT]
                    if live and rng.random() < 0.55:
                        goal_id = rng.choice(live)

            if kind is EntryKind.ADVICE:
                title = rng.choice(_ADVICE_TITLES).format_map(ctx)
                if rng.random() < 0.2:
                    title = f"From {ctx['name']}: {title[0].lower()}{title[1:]}"
                age = (self.today - d).days
                # Recent advice is still new or being tried; older advice has an outcome.
                pool = "nnnnnttttp" if age < 45 else "wwwwwwwddddppppttn"
                advice_status = _ADVICE_CODES[rng.choice(pool)]
                advice.append((eid, title, mentor))
            elif kind is EntryKind.CONVERSATION:
                title = rng.choice(_CONVERSATION_TITLES).format_map(ctx)
            elif kind is EntryKind.LESSON:
                title = rng.choice(_LESSON_TITLES).format_map(ctx)
                source_url = self._source_url(mentor, ctx, d)
            elif kind is EntryKind.TAUGHT:
                title, opener = rng.choice(_TAUGHT_PAIRS)
                title = title.format_map(ctx)
            elif kind is EntryKind.FEEDBACK:
                bank = _FEEDBACK_TITLES if mentor is not None else _FEEDBACK_TITLES_ANON
                title = rng.choice(bank).format_map(ctx)
            elif kind is EntryKind.WIN:
                if goal_id is not None and rng.random() < 0.5:
                    title = f"Progress on “{self.goals[goal_id - 1][1].title}”"
                    opener = rng.choice(_GOAL_WIN_OPENERS)
                else:
                    title, opener = rng.choice(_WIN_PAIRS)
                    title = title.format_map(ctx)
            elif (answered := self._advice_to_answer(advice, d)) is not None:
                # A reflection on how an earlier piece of advice worked out.
                responds_to, advice_title, mentor = answered
                ctx["name"] = ctx["Name"] = mentor.first_name
                title = rng.choice(_FOLLOWUP_TITLES).format(advice=advice_title)
                opener = rng.choice(_FOLLOWUP_OPENERS)
            else:
                title = rng.choice(_REFLECTION_TITLES).format_map(ctx)

            self.entries.append(
                (
                    eid,
                    LogEntryDraft(
                        kind=kind,
                        occurred_at=when,
                        title=title[:300],
                        body=self._body(kind, ctx, opener),
                        mentor_id=mentor.mid if mentor is not None else None,
                        sprint_id=sprint.sid if sprint is not None else None,
                        goal_id=goal_id,
                        source_url=source_url,
                        advice_status=advice_status,
                        responds_to_id=responds_to,
                        scope=rng.choice(_SCOPES),
                        tags=tuple(rng.sample(_TAGS, rng.choice(_TAG_COUNTS))),
                    ),
                )
            )

    def _advice_to_answer(
        self, advice: list[tuple[int, str, _MentorPlan | None]], d: date
    ) -> tuple[int, str, _MentorPlan] | None:
        """Now and then, a recent piece of advice whose giver is still around on ``d``."""
        if not advice or self.rng.random() >= 0.4:
            return None
        eid, title, adviser = self.rng.choice(advice[-40:])
        if adviser is None or (adviser.ended_on is not None and adviser.ended_on < d):
            return None
        return eid, title, adviser

    def _source_url(self, mentor: _MentorPlan | None, ctx: dict[str, str], d: date) -> str:
        who = _slug(mentor.name) if mentor is not None else "someone"
        topic = _slug(ctx["topic"])
        pick = self.rng.randrange(3)
        if pick == 0:
            return f"https://blog.example.org/{who}/{d.year}/{topic}"
        if pick == 1:
            return f"https://podcast.example.net/shows/{who}/episodes/{self.rng.randint(1, 300)}"
        return f"https://talks.example.com/{d.year}/{who}-{topic}"

    def _body(self, kind: EntryKind, ctx: dict[str, str], opener: str = "") -> str:
        """A Markdown body of 1-5 short paragraphs, stitched from the phrase banks."""
        rng = self.rng
        if rng.random() < 0.2:
            ctx = dict(ctx)
            ctx["topic"] = f"**{ctx['topic']}**"
        first = [opener or rng.choice(_OPENERS.get(kind, _MIDDLES))]
        first += rng.sample(_MIDDLES, rng.randint(0, 2))
        paragraphs = [" ".join(first)]
        total = rng.choice(_PARAGRAPHS)
        for n in range(1, total):
            shape = rng.choice(_PARA_KINDS)
            if n == total - 1 and rng.random() < 0.4:
                shape = "closer"
            if shape == "prose":
                sentences = rng.sample(_MIDDLES, rng.randint(1, 3))
                if rng.random() < 0.12:
                    sentences.insert(rng.randint(0, len(sentences)), rng.choice(_DIACRITICS))
                paragraphs.append(" ".join(sentences))
            elif shape == "list":
                items = rng.sample(_BULLETS, rng.randint(2, 4))
                paragraphs.append(
                    rng.choice(_LIST_INTROS) + "\n\n" + "\n".join(f"- {i}" for i in items)
                )
            elif shape == "quote":
                paragraphs.append(f"> {rng.choice(_QUOTES)}")
            else:
                paragraphs.append(rng.choice(_CLOSERS))
        return "\n\n".join(paragraphs).format_map(ctx)


_ADVICE_CODES: dict[str, AdviceStatus] = {
    "n": AdviceStatus.NEW,
    "t": AdviceStatus.TRYING,
    "w": AdviceStatus.WORKED,
    "d": AdviceStatus.DIDNT_WORK,
    "p": AdviceStatus.PARKED,
}
