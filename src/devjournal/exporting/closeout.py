"""The close-out report of a sprint, and its Markdown: how it ended, what each goal came to,
what was learnt, the wins, and how the commitments were followed through.

Read before the last coaching session or a performance review. Built, like the goal
summary, from what the services return, with no Qt and no storage, so every format says the
same thing; deterministic apart from the "generated" line. What may be shared is decided
first, by ``domain.sharing``, and the document never says what was left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from devjournal.domain.enums import ActionStatus, EntryKind, GoalStatus, MetricKind
from devjournal.domain.models import LogEntry
from devjournal.domain.pace import Kpi, Point
from devjournal.domain.sessions import ActionLine, SessionsView, done_on_time
from devjournal.domain.sharing import NOTHING_PRIVATE, Sharing, shared_sprint
from devjournal.domain.sprints import STANDING_ORDER, GoalView, SprintView
from devjournal.domain.text import for_file
from devjournal.domain.wording import plural, unit_suffix
from devjournal.exporting.report_text import (
    ReportCommitment,
    ReportEntry,
    TextBlock,
    chart_key,
    commitment_markdown,
    day,
    flat,
    md,
    md_blocks,
    number,
    text_blocks,
)

if TYPE_CHECKING:
    from devjournal.services.container import Services


@dataclass(frozen=True)
class CloseoutGoal:
    """One goal and what it came to."""

    title: str
    specific: str
    why: str
    outcome: str
    """``Achieved``, ``Missed``, ``Dropped``; while undecided, how it stands (``On track``)."""
    dropped: bool
    figures: str
    """``Baseline 30 → final 12 → target 10 hours``."""
    achieved: str
    """``90% achieved · target met`` ("" without a baseline and target)."""
    due: date | None
    lessons: str
    """On one line."""
    kpi: Kpi | None = None
    points: tuple[Point, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class CloseoutReport:
    """A sprint's close-out: how it ended, each goal, wins, lessons and follow-through."""

    sprint_title: str
    kind: str
    coach: str
    focus: str
    start: date
    end: date
    ended: str
    """``Completed on 19 Dec 2026``, ``Abandoned on …``, or ``Still running (day 49 of 80)``."""
    as_of: date
    """The day the report speaks of: the day the sprint closed, or today."""
    retrospective: tuple[TextBlock, ...]
    results: str
    """``3 goals: 2 achieved, 1 missed``."""
    goals: tuple[CloseoutGoal, ...]
    wins: tuple[ReportEntry, ...]
    learnt: tuple[ReportEntry, ...]
    """Lessons and reflections."""
    follow_through: str
    commitments: tuple[ReportCommitment, ...]
    sessions: str
    left_out: int
    """Private items left out (for the window and the terminal; the document never says)."""
    generated_at: datetime


def sprint_closeout(
    services: Services, sprint_id: int, now: datetime, *, sharing: Sharing = NOTHING_PRIVATE
) -> CloseoutReport:
    """The close-out report of sprint ``sprint_id`` read from the journal (see
    :func:`build_closeout`)."""
    c = services.coaching
    return build_closeout(
        c.sprint_view(sprint_id),
        c.sessions_view(sprint_id),
        services.mentorship.entries_of_sprint(sprint_id),
        now,
        sharing=sharing,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def goal_outcome(goal_view: GoalView, closed: bool) -> CloseoutGoal:
    """What a goal came to: its outcome (or standing), baseline → final (or latest) →
    target with its unit, and how much of the way it went (``domain/progress``, ``wording``).
    ``closed``: its sprint is closed, so the last value is "final"."""
    goal, progress = goal_view.goal, goal_view.progress
    unit = unit_suffix(goal)
    final = goal.final_value if goal.final_value is not None else progress.latest
    word = "final" if closed or goal.final_value is not None else "latest"
    kpi = progress.kpi
    if goal.metric_kind is MetricKind.MILESTONES:
        figures = f"{number(progress.latest)} of {number(progress.target)} milestones done"
    elif kpi is not None or progress.baseline is not None or progress.target is not None:
        figures = (
            f"Baseline {number(progress.baseline)} → {word} {number(final)} → "
            f"target {number(progress.target)}{unit}"
        )
    else:
        figures = f"No baseline and target; {word} {number(final)}{unit}"
        if final is None:
            figures = "No baseline, target or check-in"
    achieved = ""
    if kpi is not None and final is not None:
        percent = round(100 * min(1.0, max(0.0, kpi.fraction(final))))
        if goal.status is GoalStatus.DROPPED:
            met = "dropped before the end"
        elif kpi.reached(final):
            met = "target met"
        else:
            met = "target not met" if closed or goal_view.decided else "target not met yet"
        achieved = f"{percent}% achieved · {met}"
    elif goal.status is GoalStatus.ACHIEVED:
        achieved = "target met"
    elif goal.status is GoalStatus.MISSED:
        achieved = "target not met"
    return CloseoutGoal(
        title=goal.title,
        specific=goal.specific,
        why=goal.relevant,
        outcome=_capital(goal_view.standing),
        dropped=goal.status is GoalStatus.DROPPED,
        figures=figures,
        achieved=achieved,
        due=goal.deadline,
        lessons=flat(text_blocks(goal.lessons)),
        kpi=kpi,
        points=progress.points,
        unit=unit.strip(),
    )


def _results(goals: Sequence[CloseoutGoal]) -> str:
    """``3 goals: 2 achieved, 1 dropped`` (in the order the Coaching page counts them)."""
    counts = Counter(g.outcome.lower() for g in goals)
    parts = [f"{counts[name]} {name}" for name in STANDING_ORDER if counts[name]]
    text = plural(len(goals), "goal")
    return f"{text}: {', '.join(parts)}" if parts else text


def build_closeout(
    view: SprintView,
    ledger: SessionsView,
    entries: Sequence[LogEntry],
    now: datetime,
    *,
    sharing: Sharing = NOTHING_PRIVATE,
) -> CloseoutReport:
    """The close-out report of ``view``'s sprint as of ``now``, with only what ``sharing``
    shares."""
    shared = shared_sprint(view, ledger, entries, sharing, now)
    view, ledger = shared.view, shared.ledger
    sprint = view.sprint
    closed = sprint.closed_state is not None
    today = now.astimezone().date()
    ended, as_of = _ended(view, today)
    goals = [goal_outcome(goal_view, closed) for goal_view in view.goals]
    late_on = as_of if closed else today
    commitments = [_commitment(line, late_on) for line in ledger.actions]
    wins, learnt = _wins_and_learnt(shared.entries)
    return CloseoutReport(
        sprint_title=sprint.title,
        kind=sprint.kind.label,
        coach=sprint.coach_name,
        focus=sprint.focus,
        start=sprint.start_date,
        end=sprint.end_date,
        ended=ended,
        as_of=as_of,
        retrospective=text_blocks(sprint.retrospective),
        results=_results(goals),
        goals=tuple(goals),
        wins=tuple(wins),
        learnt=tuple(learnt),
        follow_through=str(ledger.total),
        commitments=tuple(commitments),
        sessions=_sessions(ledger),
        left_out=shared.left_out,
        generated_at=now,
    )


def _ended(view: SprintView, today: date) -> tuple[str, date]:
    """How the sprint ended (``Completed on 19 Dec 2026``, ``Still running (day 49 of
    80)``), and the day the report speaks of: the day it closed, or ``today``."""
    sprint = view.sprint
    if sprint.closed_state is not None and sprint.closed_on is not None:
        closed_on = sprint.closed_on
        return f"{sprint.closed_state.value.capitalize()} on {day(closed_on)}", closed_on
    if sprint.end_date < today:
        return f"Ended {day(sprint.end_date)}, not closed yet", today
    if sprint.start_date > today:
        return f"Not started yet (starts {day(sprint.start_date)})", today
    return f"Still running (day {view.day} of {view.total_days})", today


def _commitment(line: ActionLine, late_on: date) -> ReportCommitment:
    """A commitment and what became of it: done (on time or late, and when), dropped, or
    still open (and how many days overdue it is on ``late_on``)."""
    action = line.action
    if action.status is ActionStatus.DONE:
        state = "done on time" if done_on_time(action) else "done late"
        if action.done_on is not None:
            state += f" ({day(action.done_on)})"
    elif action.status is ActionStatus.DROPPED:
        state = "dropped"
    elif line.overdue and action.due_date is not None:
        late = (late_on - action.due_date).days
        state = f"still open, {plural(late, 'day')} overdue" if late > 0 else "still open"
    else:
        state = "still open"
    return ReportCommitment(action.title, state, action.due_date, line.slips)


def _sessions(ledger: SessionsView) -> str:
    """``4 sessions held, 1 cancelled, 1 still planned`` (the counts that are not 0 after
    the held ones)."""
    statuses = Counter(line.session.status.value for line in ledger.sessions)
    sessions = f"{plural(statuses['held'], 'session')} held"
    if statuses["cancelled"]:
        sessions += f", {statuses['cancelled']} cancelled"
    if statuses["planned"]:
        sessions += f", {statuses['planned']} still planned"
    return sessions


def _wins_and_learnt(entries: Sequence[LogEntry]) -> tuple[list[ReportEntry], list[ReportEntry]]:
    """The wins, and the lessons and reflections, each oldest first."""
    wins: list[ReportEntry] = []
    learnt: list[ReportEntry] = []
    for entry in sorted(entries, key=lambda e: (e.occurred_at, e.id)):
        if entry.kind not in (EntryKind.WIN, EntryKind.LESSON, EntryKind.REFLECTION):
            continue
        shown = ReportEntry(entry.occurred_at.astimezone().date(), entry.kind.label, entry.title)
        (wins if entry.kind is EntryKind.WIN else learnt).append(shown)
    return wins, learnt


def closeout_markdown(report: CloseoutReport, *, charts: bool = False) -> str:
    """The report as Markdown. With ``charts``, each goal with a chart gets an image line
    ``![Chart](chart:goal-N)`` that the PDF replaces with the vector chart."""
    r = report
    lines = [f"# {md(r.sprint_title)}: close-out", ""]
    facts = [f"{r.kind} sprint", f"{day(r.start)} – {day(r.end)}"]
    if r.coach:
        facts.insert(1, f"coach {md(r.coach)}")
    lines += [" · ".join(facts), "", f"**{r.ended}.** {r.results}.", ""]
    if r.focus:
        lines += [f"Aiming for: {md(r.focus)}", ""]
    lines += ["## Retrospective", ""]
    lines += md_blocks(r.retrospective) or ["No retrospective was written.", ""]
    lines += ["## Goals", ""]
    if not r.goals:
        lines += ["No goals to show.", ""]
    for index, goal in enumerate(r.goals):
        lines += _goal_markdown(goal, chart_key(index) if charts else None)
    if r.wins:
        lines += ["## Wins", ""]
        lines += [f"- {day(e.on)}: {md(e.title)}" for e in r.wins]
        lines.append("")
    if r.learnt:
        lines += ["## Lessons and reflections", ""]
        lines += [f"- {day(e.on)}, {e.kind}: {md(e.title)}" for e in r.learnt]
        lines.append("")
    lines += ["## Follow-through", "", f"{r.follow_through}. {_capital(r.sessions)}.", ""]
    lines += [f"- {commitment_markdown(c)}" for c in r.commitments]
    if r.commitments:
        lines.append("")
    lines.append(f"*Generated {r.generated_at.astimezone():%Y-%m-%d %H:%M} by devjournal.*")
    return for_file("\n".join(lines) + "\n")


def _goal_markdown(goal: CloseoutGoal, chart: str | None) -> list[str]:
    """One goal's section as lines, ending with a blank one; with the image line of its
    chart when ``chart`` (its key) is given and the goal has a chart."""
    lines = [f"### {md(goal.title)} — {goal.outcome}", ""]
    if goal.specific:
        lines += [md(goal.specific), ""]
    if goal.why:
        lines += [f"Why it mattered: {md(goal.why)}", ""]
    if chart is not None and goal.kpi is not None:
        lines += [f"![Chart](chart:{chart})", ""]
    lines.append(f"- {goal.figures}")
    if goal.achieved:
        lines.append(f"- {goal.achieved}")
    if goal.due is not None:
        lines.append(f"- Due {day(goal.due)}")
    if goal.lessons:
        lines.append(f"- Lessons: {md(goal.lessons)}")
    lines.append("")
    return lines
