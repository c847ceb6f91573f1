"""Goals: one template per goal a sprint of each kind may set, lessons and check-in notes."""

from __future__ import annotations

from dataclasses import dataclass

from devjournal.domain.enums import Direction, GoalStatus, MetricKind, SprintKind


@dataclass(frozen=True)
class GoalTemplate:
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
GOALS: dict[SprintKind, tuple[GoalTemplate, ...]] = {
    SprintKind.PERFORMANCE: (
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
        GoalTemplate(
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
LESSONS: dict[GoalStatus, tuple[str, ...]] = {
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
CHECKIN_NOTES = (
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
