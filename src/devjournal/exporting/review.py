"""A review of the period: for a performance review, a promotion packet or a yearly look
back, over any range of days. Wins, goal outcomes, feedback themes and what was done about
them, advice that worked, follow-through on commitments, and the mentors and coaches of the
period, and the direction (where the user wants to be in one, three and five years) with
what served each part of it in the period.

Read in two steps, like the history export: :func:`read_review_source` reads what the
journal holds for the range (services only), :func:`build_review` keeps what the privacy
rule (``domain.sharing``) shares and says it (pure). The document is a copy for someone
else: what was left out is said by the window and the terminal, never in it.

Every format writes the same sections (:func:`review_sections`): a heading and blocks of
plain text (paragraphs, lists, sub-headings), each made by one function of
:data:`SECTIONS` from the :class:`PeriodReview`. A section with nothing to say is one short
sentence under its heading. Adding a section is a field on :class:`ReviewSource` (read),
one on :class:`PeriodReview` (kept and said), and a function in :data:`SECTIONS`.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from devjournal.domain.enums import ActionStatus, EntryKind, GoalStatus
from devjournal.domain.feedback import Priority, acted_on, priority
from devjournal.domain.jobs import Progress, no_progress
from devjournal.domain.models import (
    ActionItem,
    Aim,
    Coach,
    CoachingSession,
    FeedbackDetails,
    Goal,
    LogEntry,
    Mentor,
    Sprint,
)
from devjournal.domain.sessions import done_on_time
from devjournal.domain.sharing import Shareable, Sharing
from devjournal.domain.sprints import STANDING_ORDER, GoalView, SprintView
from devjournal.domain.text import for_file
from devjournal.domain.wording import plural
from devjournal.exporting.closeout import goal_outcome
from devjournal.exporting.report_text import day, md

if TYPE_CHECKING:
    from devjournal.services.container import Services

TITLE = "Review of the period"


@dataclass(frozen=True)
class ReviewRequest:
    """The days a review covers, both included."""

    start: date
    end: date

    @property
    def problem(self) -> str:
        """Why the range cannot be reviewed ("" when it can)."""
        if self.start > self.end:
            return f"The range starts ({day(self.start)}) after it ends ({day(self.end)})."
        return ""


def months_back(today: date, months: int) -> date:
    """The first day of the ``months`` months that end with ``today``: 12 months back from
    18 Nov 2026 start on 19 Nov 2025 (a day that does not exist, 29 Feb, is the last of
    the month)."""
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(today.day, last)) + timedelta(days=1)


def preset_ranges(today: date) -> tuple[tuple[str, ReviewRequest], ...]:
    """The ranges a review is quickly asked for, the first the one it opens on: the last
    12 months, this year (so far), last year, the last 6 months."""
    return (
        ("Last 12 months", ReviewRequest(months_back(today, 12), today)),
        ("This year", ReviewRequest(date(today.year, 1, 1), today)),
        ("Last year", ReviewRequest(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))),
        ("Last 6 months", ReviewRequest(months_back(today, 6), today)),
    )


def range_text(start: date, end: date) -> str:
    """``1 Dec 2025 – 30 Nov 2026``."""
    return day(start) if start == end else f"{day(start)} – {day(end)}"


# -- what the journal holds for the range, not yet shared ------------------------------------
@dataclass(frozen=True)
class ReviewSource:
    """What :func:`build_review` needs, read from the journal for one range."""

    entries: tuple[LogEntry, ...]
    """Every entry of the range, oldest first."""
    worked_advice: tuple[LogEntry, ...]
    """Advice marked "worked", given or last changed in the range."""
    responses: tuple[LogEntry, ...]
    """The entries that answer the range's feedback (what was done about it)."""
    sprints: tuple[SprintView, ...]
    """The sprints that overlap the range, with their goals."""
    actions: tuple[ActionItem, ...]
    """The commitments due in the range."""
    sessions: tuple[CoachingSession, ...]
    """The live sessions of the sprints those commitments belong to (for the privacy rule)."""
    mentors: tuple[Mentor, ...]
    private_goals: tuple[Goal, ...]
    """Every private goal, deleted ones too (for the privacy rule)."""
    feedback_details: Mapping[int, FeedbackDetails] = field(default_factory=dict)
    """The details of the range's feedback, by entry (``domain/feedback.py``)."""
    coaches: tuple[Coach, ...] = ()
    """Every coach (what they coach and where, for the Coaches section)."""
    aims: tuple[Aim, ...] = ()
    """Every part of the direction, in order (what serves each is on the sprints, goals
    and mentors above)."""


def overlaps(sprint: Sprint, start: date, end: date) -> bool:
    """Whether ``sprint`` ran on any day from ``start`` to ``end`` (a sprint closed early
    ran to the day it closed)."""
    last = sprint.closed_on if sprint.closed_on is not None else sprint.end_date
    return sprint.start_date <= end and max(last, sprint.start_date) >= start


def read_review_source(
    services: Services, request: ReviewRequest, progress: Progress | None = None
) -> ReviewSource:
    """Read what the review of ``request``'s range needs. Reports to ``progress`` and
    raises :class:`~devjournal.domain.jobs.Cancelled` there once cancel was asked."""
    progress = progress or no_progress()
    c, ms = services.coaching, services.mentorship
    start, end = request.start, request.end
    progress.report(0, 4, "Reading the log…")
    entries = ms.entries_between(start, end)
    feedback = [e.id for e in entries if e.kind is EntryKind.FEEDBACK]
    responses = ms.answers_to_any(feedback)
    details = ms.feedback_details_of(feedback)
    worked = ms.worked_advice(start, end)
    progress.report(1, 4, "Reading the sprints…")
    sprints = [s for s in c.sprints() if overlaps(s, start, end)]
    views = []
    for sprint in sprints:
        progress.check()
        views.append(c.sprint_view(sprint.id))
    progress.report(2, 4, "Reading the commitments…")
    actions = c.actions_due(start, end)
    sessions = c.sessions_of_sprints(sorted({a.sprint_id for a in actions}))
    progress.report(3, 4, "Reading the mentors…")
    return ReviewSource(
        entries=tuple(entries),
        worked_advice=tuple(worked),
        responses=tuple(sorted(responses, key=lambda e: (e.occurred_at, e.id))),
        sprints=tuple(views),
        actions=tuple(actions),
        sessions=tuple(sessions),
        mentors=tuple(ms.mentors()),
        private_goals=tuple(c.private_goals()),
        feedback_details=details,
        coaches=tuple(services.people.coach_list()),
        aims=tuple(services.people.aims()),
    )


# -- the review: what may be shared, said -------------------------------------------------
@dataclass(frozen=True)
class ReviewEntry:
    """A log entry as the review names it."""

    on: date
    kind: str
    title: str
    mentor: str = ""


@dataclass(frozen=True)
class GoalResult:
    """A goal of a sprint in the period and what it came to."""

    sprint: str
    title: str
    outcome: str
    """``Achieved``, ``Missed``, ``Dropped``; while running, how it stands (``On track``)."""
    figures: str
    """``Baseline 30 → final 12 → target 10 hours``."""
    achieved: str
    """``90% achieved · target met`` ("" without a baseline and target)."""


@dataclass(frozen=True)
class FeedbackTheme:
    """A theme (tag) of the period's feedback: how often it was heard, when first and last."""

    name: str
    heard: int
    first: date
    last: date


@dataclass(frozen=True)
class FeedbackResponse:
    """What was done about a piece of feedback: an entry that answers it."""

    feedback: ReviewEntry
    response: ReviewEntry
    themes: tuple[str, ...]


@dataclass(frozen=True)
class FeedbackActedOn:
    """What the user wrote down they did about a piece of feedback, and what they made of
    it (a goal's title when the goal is shared; an action item is only named as one)."""

    feedback: ReviewEntry
    themes: tuple[str, ...]
    done: str
    goal: str | None
    action: bool


@dataclass(frozen=True)
class WorkedAdvice:
    """Advice that worked."""

    entry: ReviewEntry
    changed_on: date | None
    """When it was last changed, if on another day than it was given (marked "worked")."""


class Kept(StrEnum):
    """What became of a commitment due in the period."""

    ON_TIME = "done on time"
    LATE = "done late"
    OVERDUE = "still open past due"
    DROPPED = "dropped"
    NOT_DUE = "open, not due yet"


@dataclass(frozen=True)
class ReviewCommitment:
    """A commitment due in the period and what became of it."""

    title: str
    due: date
    kept: Kept
    done_on: date | None = None


@dataclass(frozen=True)
class CommitmentRecord:
    """Follow-through on the commitments due in the period."""

    commitments: tuple[ReviewCommitment, ...]

    def count(self, kept: Kept) -> int:
        """How many commitments ``kept`` says of."""
        return sum(1 for c in self.commitments if c.kept is kept)

    @property
    def due_by_now(self) -> int:
        """The commitments whose due date has come (those not due yet are not counted)."""
        return len(self.commitments) - self.count(Kept.NOT_DUE)

    @property
    def on_time_percent(self) -> int | None:
        """The share done on time of those due by now (None when none is)."""
        if not self.due_by_now:
            return None
        return round(100 * self.count(Kept.ON_TIME) / self.due_by_now)

    @property
    def missed(self) -> tuple[ReviewCommitment, ...]:
        """Done late, still open past the due date, or dropped, by due date."""
        return tuple(
            c for c in self.commitments if c.kept in (Kept.LATE, Kept.OVERDUE, Kept.DROPPED)
        )


@dataclass(frozen=True)
class MentorTouch:
    """A mentor and how many entries of the period are with them."""

    name: str
    relationship: str
    entries: int


@dataclass(frozen=True)
class CoachSprints:
    """A coach and the sprints of the period with them."""

    name: str
    sprints: tuple[str, ...]
    """The sprints' titles, earliest first."""
    coaches: str = ""
    """What they coach."""
    organisation: str = ""
    together: tuple[str, ...] = ()
    """Each sprint in a line: its title, days, how it closed and its goals achieved."""


@dataclass(frozen=True)
class AimReview:
    """A part of the direction, whether it was reached in the period, and what served it
    then: the period's sprints, their goals (with what each came to) and its mentors."""

    horizon: str
    """``In a year``, ``In three years``, ``In five years``."""
    title: str
    detail: str
    reached_on: date | None
    reached_in_period: bool
    sprints: tuple[str, ...] = ()
    """``Lead the guild (1 Sep 2026 – 20 Dec 2026)``."""
    goals: tuple[GoalResult, ...] = ()
    mentors: tuple[str, ...] = ()
    """``Ada Lovelace (peer)``."""

    @property
    def served(self) -> bool:
        """Whether anything of the period served it."""
        return bool(self.sprints or self.goals or self.mentors)


@dataclass(frozen=True)
class PeriodReview:
    """The review of one range of days, with only what the privacy rule shares."""

    start: date
    end: date
    generated_at: datetime
    wins: tuple[ReviewEntry, ...]
    goals: tuple[GoalResult, ...]
    feedback_count: int
    """Pieces of feedback in the period."""
    themes: tuple[FeedbackTheme, ...]
    """Most heard first."""
    untagged_feedback: int
    """Pieces of feedback without a theme."""
    responses: tuple[FeedbackResponse, ...]
    advice: tuple[WorkedAdvice, ...]
    follow_through: CommitmentRecord
    mentors: tuple[MentorTouch, ...]
    """Most entries first."""
    coaches: tuple[CoachSprints, ...]
    left_out: int
    """Private items left out (for the window and the terminal; the document never says)."""
    include_private: bool
    acted_on: tuple[FeedbackActedOn, ...] = ()
    """The period's feedback the user did something about, oldest first."""
    open_high: int = 0
    """Pieces of high-priority feedback not acted on yet."""
    direction: tuple[AimReview, ...] = ()
    """The parts of the direction the period is about, one year out first."""

    @property
    def range(self) -> str:
        """``1 Dec 2025 – 30 Nov 2026``."""
        return range_text(self.start, self.end)

    @property
    def made(self) -> str:
        """When it was made: ``2026-11-18 09:30``."""
        return f"{self.generated_at.astimezone():%Y-%m-%d %H:%M}"


def read_review(
    services: Services,
    request: ReviewRequest,
    sharing: Sharing,
    now: datetime,
    progress: Progress | None = None,
) -> PeriodReview:
    """The review of ``request``'s range as of ``now``, with only what ``sharing`` shares
    (:func:`read_review_source`, then :func:`build_review`)."""
    return build_review(read_review_source(services, request, progress), request, sharing, now)


def review_rule(source: ReviewSource, sharing: Sharing) -> Shareable:
    """The privacy rule for a review: an entry scoped private, or linked to a private goal
    (deleted ones too), stays out; so does a commitment of a private goal or made in a
    private session, or in a session since deleted (which can no longer say)."""
    return Shareable(
        sharing,
        hidden_goals=frozenset(g.id for g in source.private_goals if not sharing.shares_goal(g)),
        hidden_sessions=frozenset(s.id for s in source.sessions if not sharing.shares(s)),
        known_sessions=frozenset(s.id for s in source.sessions),
    )


def build_review(
    source: ReviewSource, request: ReviewRequest, sharing: Sharing, now: datetime
) -> PeriodReview:
    """The review of ``source`` for ``request``'s range as of ``now``, with only what
    ``sharing`` shares. Pure."""
    rule = review_rule(source, sharing)
    entries = [e for e in source.entries if rule.entry(e)]
    advice = [e for e in source.worked_advice if rule.entry(e)]
    responses = [e for e in source.responses if rule.entry(e)]
    goals = [
        (view, g)
        for view in source.sprints
        for g in view.goals
        if g.goal.status is not GoalStatus.DRAFT
    ]
    shown_goals = [(view, g) for view, g in goals if rule.goal(g.goal.id)]
    actions = [a for a in source.actions if rule.action(a)]
    left_entries = {e.id for e in (*source.entries, *source.worked_advice, *source.responses)}
    left_entries -= {e.id for e in (*entries, *advice, *responses)}
    left_out = len(left_entries) + len(goals) - len(shown_goals)
    left_out += len(source.actions) - len(actions)
    shown_aims = [a for a in source.aims if rule.aim(a)]
    left_out += sum(1 for a in source.aims if _of_the_period(a, request)) - sum(
        1 for a in shown_aims if _of_the_period(a, request)
    )
    mentors = {m.id: m for m in source.mentors}
    names = {m.id: m.name for m in source.mentors}
    feedback = [e for e in entries if e.kind is EntryKind.FEEDBACK]
    return PeriodReview(
        start=request.start,
        end=request.end,
        generated_at=now,
        wins=tuple(_entry(e, names) for e in entries if e.kind is EntryKind.WIN),
        goals=tuple(_goal_result(view, g) for view, g in shown_goals),
        feedback_count=len(feedback),
        themes=feedback_themes(feedback),
        untagged_feedback=sum(1 for e in feedback if not e.tags),
        responses=_responses(feedback, responses, names),
        advice=tuple(_worked(e, names) for e in advice),
        follow_through=commitment_record(actions, now.astimezone().date()),
        mentors=_mentors(entries, mentors),
        coaches=coaches_of_period(source.sprints, source.coaches, rule),
        left_out=left_out,
        include_private=sharing.include_private,
        acted_on=_acted_on(feedback, source.feedback_details, shown_goals, names),
        open_high=sum(
            1
            for e in feedback
            if (d := source.feedback_details.get(e.id)) is not None
            and not acted_on(d)
            and priority(d) is Priority.HIGH
        ),
        direction=direction_review(shown_aims, source, request, shown_goals),
    )


def _of_the_period(aim: Aim, request: ReviewRequest) -> bool:
    """Whether the period is about ``aim``: not reached before it began."""
    return aim.reached_on is None or aim.reached_on >= request.start


def _mentor_then(mentor: Mentor, request: ReviewRequest) -> bool:
    """Whether ``mentor`` was one during the period."""
    began = mentor.started_on is None or mentor.started_on <= request.end
    return began and (mentor.ended_on is None or mentor.ended_on >= request.start)


def direction_review(
    aims: Sequence[Aim],
    source: ReviewSource,
    request: ReviewRequest,
    goals: Sequence[tuple[SprintView, GoalView]],
) -> tuple[AimReview, ...]:
    """Each shared part of the direction (``aims``) the period is about (not reached
    before it, or served in it), with the period's sprints, shared goals and mentors
    that serve it."""
    out = []
    for aim in aims:
        sprints = tuple(
            f"{v.sprint.title} ({range_text(v.sprint.start_date, v.sprint.end_date)})"
            for v in sorted(source.sprints, key=lambda v: (v.sprint.start_date, v.sprint.id))
            if v.sprint.serves_id == aim.id
        )
        served_goals = tuple(
            _goal_result(view, g) for view, g in goals if g.goal.serves_id == aim.id
        )
        mentors = tuple(
            f"{x.name} ({x.relationship.label.lower()})"
            for x in sorted(source.mentors, key=lambda x: (x.name.casefold(), x.id))
            if x.serves_id == aim.id and _mentor_then(x, request)
        )
        if not (_of_the_period(aim, request) or sprints or served_goals or mentors):
            continue
        reached = aim.reached_on
        out.append(
            AimReview(
                horizon=aim.horizon.label,
                title=aim.title,
                detail=aim.detail,
                reached_on=reached,
                reached_in_period=reached is not None and request.start <= reached <= request.end,
                sprints=sprints,
                goals=served_goals,
                mentors=mentors,
            )
        )
    return tuple(out)


def _entry(entry: LogEntry, names: dict[int, str]) -> ReviewEntry:
    return ReviewEntry(
        entry.occurred_at.astimezone().date(),
        entry.kind.label,
        entry.title,
        names.get(entry.mentor_id or 0, ""),
    )


def _goal_result(view: SprintView, goal_view: GoalView) -> GoalResult:
    result = goal_outcome(goal_view, view.sprint.closed_state is not None)
    return GoalResult(
        sprint=view.sprint.title,
        title=result.title,
        outcome=result.outcome,
        figures=result.figures,
        achieved=result.achieved,
    )


def feedback_themes(feedback: Sequence[LogEntry]) -> tuple[FeedbackTheme, ...]:
    """The themes (tags) of ``feedback``, most heard first (then by name), each with how
    many pieces carry it and the days it was first and last heard."""
    heard: Counter[str] = Counter()
    days: dict[str, list[date]] = {}
    shown: dict[str, str] = {}
    for entry in feedback:
        on = entry.occurred_at.astimezone().date()
        for tag in entry.tags:
            key = tag.casefold()
            heard[key] += 1
            shown.setdefault(key, tag)
            days.setdefault(key, []).append(on)
    order = sorted(heard, key=lambda k: (-heard[k], shown[k].casefold(), shown[k]))
    return tuple(FeedbackTheme(shown[k], heard[k], min(days[k]), max(days[k])) for k in order)


def _acted_on(
    feedback: Sequence[LogEntry],
    details: Mapping[int, FeedbackDetails],
    goals: Sequence[tuple[SprintView, GoalView]],
    names: dict[int, str],
) -> tuple[FeedbackActedOn, ...]:
    titles = {g.goal.id: g.goal.title for _, g in goals}
    out = []
    for entry in feedback:
        kept = details.get(entry.id)
        if kept is not None and acted_on(kept):
            goal = titles.get(kept.goal_id or 0)
            out.append(
                FeedbackActedOn(
                    _entry(entry, names), entry.tags, kept.done, goal, bool(kept.action_id)
                )
            )
    return tuple(out)


def _responses(
    feedback: Sequence[LogEntry], responses: Sequence[LogEntry], names: dict[int, str]
) -> tuple[FeedbackResponse, ...]:
    by_id = {e.id: e for e in feedback}
    out = []
    for response in responses:
        answered = by_id.get(response.responds_to_id or 0)
        if answered is not None:
            out.append(
                FeedbackResponse(_entry(answered, names), _entry(response, names), answered.tags)
            )
    return tuple(out)


def _worked(entry: LogEntry, names: dict[int, str]) -> WorkedAdvice:
    shown = _entry(entry, names)
    changed = entry.updated_at.astimezone().date()
    edited = entry.updated_at > entry.created_at and changed != shown.on
    return WorkedAdvice(shown, changed if edited else None)


def kept(action: ActionItem, today: date) -> Kept:
    """What became of ``action`` (which has a due date) as of ``today``."""
    if action.status is ActionStatus.DROPPED:
        return Kept.DROPPED
    if action.status is ActionStatus.DONE:
        return Kept.ON_TIME if done_on_time(action) else Kept.LATE
    if action.due_date is not None and action.due_date < today:
        return Kept.OVERDUE
    return Kept.NOT_DUE


def commitment_record(actions: Sequence[ActionItem], today: date) -> CommitmentRecord:
    """Follow-through on ``actions`` (each due in the period) as of ``today``."""
    return CommitmentRecord(
        tuple(
            ReviewCommitment(a.title, a.due_date, kept(a, today), a.done_on)
            for a in sorted(actions, key=lambda a: (a.due_date or date.min, a.id))
            if a.due_date is not None
        )
    )


def _mentors(entries: Sequence[LogEntry], mentors: dict[int, Mentor]) -> tuple[MentorTouch, ...]:
    counts = Counter(e.mentor_id for e in entries if e.mentor_id in mentors)
    order = sorted(counts, key=lambda i: (-counts[i], mentors[i or 0].name.casefold(), i or 0))
    return tuple(
        MentorTouch(mentors[i or 0].name, mentors[i or 0].relationship.label.lower(), counts[i])
        for i in order
    )


def coaches_of_period(
    sprints: Sequence[SprintView], coaches: Sequence[Coach], rule: Shareable
) -> tuple[CoachSprints, ...]:
    """The coaches of the period's sprints, most sprints first, each with what they coach,
    where, and the sprints together; a sprint's goals are counted as the privacy rule
    shares them (a private goal is not said, not even as a number). A coach is known by
    the sprint's link, else by the name it shows (a deleted coach's sprints keep it)."""
    known = {c.id: c for c in coaches}
    by_coach: dict[str, list[SprintView]] = {}
    shown: dict[str, str] = {}
    found: dict[str, Coach] = {}
    for view in sorted(sprints, key=lambda v: (v.sprint.start_date, v.sprint.id)):
        sprint = view.sprint
        coach = known.get(sprint.coach_id or 0)
        name = coach.name if coach is not None else " ".join(sprint.coach_name.split())
        if not name:
            continue
        key = name.casefold()
        shown.setdefault(key, name)
        if coach is not None:
            found.setdefault(key, coach)
        by_coach.setdefault(key, []).append(view)
    order = sorted(by_coach, key=lambda k: (-len(by_coach[k]), k))
    return tuple(
        CoachSprints(
            shown[k],
            tuple(v.sprint.title for v in by_coach[k]),
            coaches=found[k].coaches if k in found else "",
            organisation=found[k].organisation if k in found else "",
            together=tuple(_together(v, rule) for v in by_coach[k]),
        )
        for k in order
    )


def _together(view: SprintView, rule: Shareable) -> str:
    """``Lead the guild: 1 Sep 2026 – 20 Dec 2026, completed, 2 of 3 goals achieved``."""
    sprint = view.sprint
    said = [f"{day(sprint.start_date)} – {day(sprint.end_date)}"]
    if sprint.closed_state is not None:
        said.append(sprint.closed_state.value)
    goals = [
        g.goal for g in view.goals if g.goal.status is not GoalStatus.DRAFT and rule.goal(g.goal.id)
    ]
    achieved = sum(1 for g in goals if g.status is GoalStatus.ACHIEVED)
    if goals and (achieved or sprint.closed_state is not None):
        said.append(f"{achieved} of {plural(len(goals), 'goal')} achieved")
    elif goals:
        said.append(plural(len(goals), "goal"))
    return f"{sprint.title}: {', '.join(said)}"


# -- the sections every format writes -------------------------------------------------------
class BlockKind(StrEnum):
    """How a block of a section is laid out."""

    PARAGRAPH = "paragraph"
    LIST = "list"
    SUBHEADING = "subheading"


@dataclass(frozen=True)
class Block:
    """A paragraph (one line), a list (a line per item) or a sub-heading, of plain text:
    each format escapes it its own way."""

    kind: BlockKind
    lines: tuple[str, ...]


def paragraph(text: str) -> Block:
    """A paragraph."""
    return Block(BlockKind.PARAGRAPH, (text,))


def bullets(items: Sequence[str]) -> Block:
    """A list, an item a line."""
    return Block(BlockKind.LIST, tuple(items))


def subheading(text: str) -> Block:
    """A heading within a section."""
    return Block(BlockKind.SUBHEADING, (text,))


@dataclass(frozen=True)
class ReviewSection:
    """A section of the review: its heading and its blocks (never none)."""

    heading: str
    blocks: tuple[Block, ...]


def _mentor_of(entry: ReviewEntry) -> str:
    return f" (with {entry.mentor})" if entry.mentor else ""


def wins_section(r: PeriodReview) -> ReviewSection:
    """The wins of the period, oldest first."""
    if not r.wins:
        return ReviewSection("Wins", (paragraph("No wins were logged in this period."),))
    items = [f"{day(w.on)}: {w.title}{_mentor_of(w)}" for w in r.wins]
    return ReviewSection("Wins", (paragraph(f"{plural(len(r.wins), 'win')}."), bullets(items)))


def goals_section(r: PeriodReview) -> ReviewSection:
    """Each goal of the period's sprints, sprint by sprint: what it came to."""
    heading = "Goal outcomes"
    if not r.goals:
        return ReviewSection(heading, (paragraph("No sprint of this period had goals to show."),))
    counts = Counter(g.outcome.lower() for g in r.goals)
    said = ", ".join(f"{counts[name]} {name}" for name in STANDING_ORDER if counts[name])
    blocks = [paragraph(f"{plural(len(r.goals), 'goal')}: {said}.")]
    sprint = None
    items: list[str] = []
    for goal in r.goals:
        if goal.sprint != sprint:
            if items:
                blocks.append(bullets(items))
            sprint, items = goal.sprint, []
            blocks.append(subheading(goal.sprint))
        achieved = f"; {goal.achieved}" if goal.achieved else ""
        items.append(f"{goal.title}: {goal.outcome}. {goal.figures}{achieved}")
    blocks.append(bullets(items))
    return ReviewSection(heading, tuple(blocks))


def feedback_section(r: PeriodReview) -> ReviewSection:
    """The themes of the period's feedback, most heard first, and what was done about it."""
    heading = "Feedback themes"
    if not r.feedback_count:
        return ReviewSection(heading, (paragraph("No feedback was logged in this period."),))
    said = plural(r.feedback_count, "piece") + " of feedback"
    if r.themes:
        said += f" on {plural(len(r.themes), 'theme')}"
    blocks = [paragraph(f"{said}.")]
    items = [
        f"{t.name}: heard {_times(t.heard)}"
        + (f", from {day(t.first)} to {day(t.last)}" if t.heard > 1 else f", on {day(t.first)}")
        for t in r.themes
    ]
    if r.untagged_feedback:
        items.append(f"Without a theme: {plural(r.untagged_feedback, 'piece')}")
    blocks.append(bullets(items))
    if r.open_high:
        blocks.append(
            paragraph(f"Still open: {plural(r.open_high, 'piece')} of high-priority feedback.")
        )
    blocks.append(subheading("What was done about it"))
    done = [_acted_line(x) for x in r.acted_on] + [_response_line(x) for x in r.responses]
    if not done:
        blocks.append(paragraph("Nothing is written down yet about what was done."))
    else:
        blocks.append(bullets(done))
    return ReviewSection(heading, tuple(blocks))


def _acted_line(x: FeedbackActedOn) -> str:
    themes = f" ({', '.join(x.themes)})" if x.themes else ""
    made = []
    if x.goal is not None:
        made.append(f"made into the goal “{x.goal}”")
    if x.action:
        made.append("made into an action item")
    said = "; ".join([x.done.strip(), *made] if x.done.strip() else made)
    return f"On “{x.feedback.title}”{themes}, {day(x.feedback.on)}: {said}"


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n:,} times")


def _response_line(x: FeedbackResponse) -> str:
    themes = f" ({', '.join(x.themes)})" if x.themes else ""
    return (
        f"On “{x.feedback.title}”{themes}, {day(x.feedback.on)}: "
        f"{x.response.kind.lower()} of {day(x.response.on)}, “{x.response.title}”"
    )


def advice_section(r: PeriodReview) -> ReviewSection:
    """Advice marked "worked", given or marked in the period, with whose it was."""
    heading = "Advice that worked"
    if not r.advice:
        return ReviewSection(
            heading, (paragraph("No advice was marked as worked in this period."),)
        )
    items = []
    for a in r.advice:
        changed = f", marked by {day(a.changed_on)}" if a.changed_on is not None else ""
        who = f" — from {a.entry.mentor}" if a.entry.mentor else ""
        items.append(f"{a.entry.title}{who} (given {day(a.entry.on)}{changed})")
    return ReviewSection(heading, (bullets(items),))


def follow_through_section(r: PeriodReview) -> ReviewSection:
    """Commitments due in the period: how many were done on time, late, are still open or
    were dropped, and which were missed."""
    heading = "Follow-through on commitments"
    f = r.follow_through
    if not f.commitments:
        return ReviewSection(heading, (paragraph("No commitment was due in this period."),))
    parts = [f"{f.count(k):,} {k.value}" for k in Kept if f.count(k)]
    text = f"{plural(len(f.commitments), 'commitment')} due: {', '.join(parts)}."
    if f.on_time_percent is not None:
        text += f" {f.on_time_percent}% of those due by now were done on time."
    blocks = [paragraph(text)]
    if f.missed:
        blocks.append(subheading("Missed"))
        blocks.append(bullets([_missed_line(c) for c in f.missed]))
    return ReviewSection(heading, tuple(blocks))


def _missed_line(c: ReviewCommitment) -> str:
    done = f" on {day(c.done_on)}" if c.kept is Kept.LATE and c.done_on is not None else ""
    return f"{c.title} (due {day(c.due)}): {c.kept.value}{done}"


def people_section(r: PeriodReview) -> ReviewSection:
    """The mentors with entries in the period."""
    heading = "Mentors"
    if not r.mentors:
        return ReviewSection(heading, (paragraph("No entry of this period is with a mentor."),))
    return ReviewSection(
        heading,
        (
            bullets(
                [
                    f"{m.name} ({m.relationship}): {plural(m.entries, 'entry', 'entries')}"
                    for m in r.mentors
                ]
            ),
        ),
    )


def coaches_section(r: PeriodReview) -> ReviewSection:
    """The coaches of the period's sprints: who they are and the sprints together."""
    heading = "Coaches"
    if not r.coaches:
        return ReviewSection(heading, (paragraph("No sprint of this period was with a coach."),))
    blocks: list[Block] = []
    for coach in r.coaches:
        blocks.append(subheading(coach.name))
        about = " · ".join(p for p in (coach.coaches, coach.organisation) if p)
        if about:
            blocks.append(paragraph(about))
        blocks.append(bullets(coach.together or coach.sprints))
    return ReviewSection(heading, tuple(blocks))


def direction_section(r: PeriodReview) -> ReviewSection:
    """Each part of the direction: reached in the period or not, and what served it."""
    heading = "Direction"
    if not r.direction:
        return ReviewSection(
            heading, (paragraph("No part of the direction to show for this period."),)
        )
    reached = sum(1 for a in r.direction if a.reached_in_period)
    said = f"{plural(len(r.direction), 'part')} of where I want to be"
    said += f", {reached:,} reached in this period." if reached else "."
    blocks = [paragraph(said)]
    for aim in r.direction:
        blocks.append(subheading(f"{aim.horizon}: {aim.title}"))
        if aim.detail:
            blocks.append(paragraph(aim.detail))
        blocks.append(paragraph(_reached_line(aim, r)))
        if aim.served:
            blocks.append(
                bullets(
                    [
                        *(f"Sprint: {s}" for s in aim.sprints),
                        *(_served_goal_line(g) for g in aim.goals),
                        *(f"Mentor: {m}" for m in aim.mentors),
                    ]
                )
            )
        else:
            blocks.append(paragraph("No sprint, goal or mentor of this period served it."))
    return ReviewSection(heading, tuple(blocks))


def _reached_line(aim: AimReview, r: PeriodReview) -> str:
    if aim.reached_on is None:
        return "Not reached yet."
    if aim.reached_in_period:
        return f"Reached on {day(aim.reached_on)}, in this period."
    if aim.reached_on > r.end:
        return f"Not reached in this period (reached on {day(aim.reached_on)})."
    return f"Reached before this period, on {day(aim.reached_on)}."


def _served_goal_line(g: GoalResult) -> str:
    achieved = f"; {g.achieved}" if g.achieved else ""
    return f"Goal: {g.title} ({g.sprint}): {g.outcome}. {g.figures}{achieved}"


SECTIONS: tuple[Callable[[PeriodReview], ReviewSection], ...] = (
    wins_section,
    goals_section,
    feedback_section,
    advice_section,
    follow_through_section,
    people_section,
    coaches_section,
    direction_section,
)
"""The sections of the review, in the order every format writes them."""


def review_sections(review: PeriodReview) -> tuple[ReviewSection, ...]:
    """The review's sections, as every format writes them."""
    return tuple(section(review) for section in SECTIONS)


def review_heading(review: PeriodReview) -> str:
    """The line under the title: the range and when the review was made."""
    return f"{review.range} · made {review.made}"


def review_markdown(review: PeriodReview) -> str:
    """The review as Markdown: every user text escaped (``report_text.md``)."""
    lines = [f"# {TITLE}", "", md(review_heading(review)), ""]
    for section in review_sections(review):
        lines += [f"## {md(section.heading)}", ""]
        for block in section.blocks:
            lines += _block_markdown(block)
    lines.append(f"*Generated {review.made} by devjournal.*")
    return for_file("\n".join(lines) + "\n")


def _block_markdown(block: Block) -> list[str]:
    if block.kind is BlockKind.SUBHEADING:
        return [f"### {md(block.lines[0])}", ""]
    if block.kind is BlockKind.LIST:
        return [*(f"- {md(line)}" for line in block.lines), ""]
    return [md(block.lines[0]), ""]
