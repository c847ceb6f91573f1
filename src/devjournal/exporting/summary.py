"""The goal summary for the moment before a coaching session, and its Markdown.

Built from what the services return (a sprint's view, its ledger, its log entries), with no
Qt and no storage, so the screen, the terminal and every file format say the same thing.
What may be shared is decided first, by ``domain.sharing``; the document is the copy for the
coach and says nothing addressed to the user (what was left out is the dialog's to say).
The output is deterministic: the same journal gives the same text, apart from the
"generated" line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from devjournal.domain.enums import ActionStatus, EntryKind, GoalStatus, MetricKind
from devjournal.domain.models import Goal, LogEntry
from devjournal.domain.pace import Kpi, PaceStatus, Point
from devjournal.domain.sessions import SessionsView, done_on_time
from devjournal.domain.sharing import NOTHING_PRIVATE, Sharing, shared_sprint
from devjournal.domain.sprints import GoalView, SprintView
from devjournal.domain.text import for_file
from devjournal.domain.wording import unit_suffix
from devjournal.exporting.report_text import (
    ReportCommitment,
    ReportEntry,
    chart_key,
    commitment_markdown,
    day,
    md,
    number,
)

if TYPE_CHECKING:
    from devjournal.services.container import Services

WORRYING = (PaceStatus.AT_RISK, PaceStatus.BEHIND, PaceStatus.MISSED)


@dataclass(frozen=True)
class SummaryCheckin:
    """A check-in since the last held session."""

    on: date
    value: str
    note: str


@dataclass(frozen=True)
class SummaryGoal:
    """One goal as the summary states it."""

    title: str
    specific: str
    figures: str
    status: str
    due: date | None
    checkins: tuple[SummaryCheckin, ...]
    kpi: Kpi | None = None
    """What the goal's chart draws (None when the goal has no baseline and target)."""
    points: tuple[Point, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class GoalSummary:
    """Where a sprint stands, what changed since the last session, and what to talk about."""

    sprint_title: str
    coach: str
    focus: str
    day: int
    total_days: int
    since: date
    since_label: str
    goals: tuple[SummaryGoal, ...]
    commitments: tuple[ReportCommitment, ...]
    entries: tuple[ReportEntry, ...]
    to_discuss: tuple[str, ...]
    left_out: int
    """Private items left out (for the dialog and the terminal; the document never says)."""
    generated_at: datetime
    only_goal: str = ""
    """The goal's title when the summary is of one goal."""
    private_goals: tuple[Goal, ...] = ()
    """The private goals it could show, included or not (for the dialog that asks)."""

    def for_the_coach(self) -> GoalSummary:
        """The copy a file is made from: without the private goals the dialog lists."""
        return replace(self, private_goals=())


def sprint_summary(
    services: Services,
    sprint_id: int,
    now: datetime,
    *,
    sharing: Sharing = NOTHING_PRIVATE,
    goal_id: int | None = None,
) -> GoalSummary:
    """The summary of sprint ``sprint_id`` read from the journal (see :func:`build_summary`)."""
    c = services.coaching
    return build_summary(
        c.sprint_view(sprint_id),
        c.sessions_view(sprint_id),
        services.mentorship.entries_of_sprint(sprint_id),
        now,
        sharing=sharing,
        goal_id=goal_id,
    )


def build_summary(
    view: SprintView,
    ledger: SessionsView,
    entries: Sequence[LogEntry],
    now: datetime,
    *,
    sharing: Sharing = NOTHING_PRIVATE,
    goal_id: int | None = None,
) -> GoalSummary:
    """The summary of ``view``'s sprint as of ``now``, with only what ``sharing`` shares.

    With ``goal_id``, of that goal only: its commitments and the entries linked to it.
    """
    sprint = view.sprint
    only_goal = ""
    if goal_id is not None:
        only_goal = _one_goal_title(view, goal_id, sharing)
        view, ledger, entries = _of_one_goal(view, ledger, entries, goal_id)
    shared = shared_sprint(view, ledger, entries, sharing, now)
    view, ledger = shared.view, shared.ledger
    since, since_label = _since(view, ledger, now)
    goals, goal_points = _goals(view, since)
    commitments, commitment_points = _commitments(ledger, since, now.astimezone().date())
    return GoalSummary(
        sprint_title=sprint.title,
        coach=sprint.coach_name,
        focus=sprint.focus,
        only_goal=only_goal,
        day=view.day,
        total_days=view.total_days,
        since=since,
        since_label=since_label,
        goals=tuple(goals),
        commitments=tuple(commitments),
        entries=_entries_since(shared.entries, since),
        to_discuss=tuple(dict.fromkeys(goal_points + commitment_points)),
        left_out=shared.left_out,
        generated_at=now,
        private_goals=shared.private_goals,
    )


def _one_goal_title(view: SprintView, goal_id: int, sharing: Sharing) -> str:
    """What a summary of goal ``goal_id`` alone calls it: its title when ``sharing``
    shares it, "" when not, or a phrase when the goal no longer exists."""
    chosen = next((g.goal for g in view.goals if g.goal.id == goal_id), None)
    if chosen is None:
        return "a goal that no longer exists"
    return chosen.title if sharing.shares_goal(chosen) else ""


def _of_one_goal(
    view: SprintView, ledger: SessionsView, entries: Sequence[LogEntry], goal_id: int
) -> tuple[SprintView, SessionsView, Sequence[LogEntry]]:
    """The sprint's view, ledger and entries narrowed to goal ``goal_id``: that goal, its
    commitments and the entries linked to it."""
    return (
        replace(view, goals=tuple(g for g in view.goals if g.goal.id == goal_id)),
        replace(ledger, actions=tuple(a for a in ledger.actions if a.action.goal_id == goal_id)),
        [e for e in entries if e.goal_id == goal_id],
    )


def _since(view: SprintView, ledger: SessionsView, now: datetime) -> tuple[date, str]:
    """The day changes are counted from (the last session held by ``now``, else the
    sprint's first day), and how the summary says it."""
    held = [
        line.session.starts_at
        for line in ledger.sessions
        if line.session.status.value == "held" and line.session.starts_at <= now
    ]
    if held:
        since = max(held).astimezone().date()
        return since, f"since the last session ({day(since)})"
    since = view.sprint.start_date
    return since, f"since the sprint began ({day(since)})"


def _goals(view: SprintView, since: date) -> tuple[list[SummaryGoal], list[str]]:
    """The goals that are not dropped, with their check-ins after ``since``, and what to
    discuss about them (a worrying pace not yet decided, a check-in overdue)."""
    goals: list[SummaryGoal] = []
    discuss: list[str] = []
    for goal_view in view.goals:
        goal, progress = goal_view.goal, goal_view.progress
        if goal.status is GoalStatus.DROPPED:
            continue
        status = goal_view.standing[:1].upper() + goal_view.standing[1:]
        if progress.status in WORRYING and not goal_view.decided:
            discuss.append(f"{goal.title}: {status.lower()}: what is in the way?")
        if progress.checkin_overdue:
            discuss.append(f"{goal.title}: no check-in lately")
        goals.append(
            SummaryGoal(
                title=goal.title,
                specific=goal.specific,
                figures=_figures(goal_view),
                status=status,
                due=goal.deadline,
                checkins=tuple(
                    SummaryCheckin(c.on_date, f"{number(c.value)}{unit_suffix(goal)}", c.note)
                    for c in goal_view.checkins
                    if c.on_date > since
                ),
                kpi=progress.kpi,
                points=progress.points,
                unit=unit_suffix(goal).strip(),
            )
        )
    return goals, discuss


def _figures(goal_view: GoalView) -> str:
    """The goal's figures on one line: ``2 of 5 milestones`` or ``30 → 20 → 10 hours``,
    with how far along it is (``(40% of the way)``) when that is known."""
    goal, progress = goal_view.goal, goal_view.progress
    if goal.metric_kind is MetricKind.MILESTONES:
        figures = f"{number(progress.latest)} of {number(progress.target)} milestones"
    elif progress.kpi is not None:
        figures = (
            f"{number(progress.baseline)} → {number(progress.latest)} → "
            f"{number(progress.target)}{unit_suffix(goal)}"
        )
    else:
        figures = "no baseline and target yet"
    if progress.percent is not None:
        figures += f" ({progress.percent}% of the way)"
    return figures


def _commitments(
    ledger: SessionsView, since: date, today: date
) -> tuple[list[ReportCommitment], list[str]]:
    """The commitments still open or done after ``since``, each with its state, and what
    to discuss about those that slipped or are overdue."""
    commitments: list[ReportCommitment] = []
    discuss: list[str] = []
    for line in ledger.actions:
        action = line.action
        done_since = action.done_on is not None and action.done_on > since
        if action.status is not ActionStatus.OPEN and not done_since:
            continue  # what is open, and what was done since the last session
        if action.status is ActionStatus.DONE:
            state = "done on time" if done_on_time(action) else "done late"
        elif line.overdue:
            state = (
                f"overdue ({(today - action.due_date).days} days)" if action.due_date else "open"
            )
        else:
            state = "open"
        commitments.append(ReportCommitment(action.title, state, action.due_date, line.slips))
        if line.slips or line.overdue:
            discuss.append(f"{action.title}: {state}, what would help?")
    return commitments, discuss


def _entries_since(entries: Sequence[LogEntry], since: date) -> tuple[ReportEntry, ...]:
    """The wins and reflections after ``since``, oldest first."""
    return tuple(
        ReportEntry(entry.occurred_at.astimezone().date(), entry.kind.label, entry.title)
        for entry in sorted(entries, key=lambda e: (e.occurred_at, e.id))
        if entry.kind in (EntryKind.WIN, EntryKind.REFLECTION)
        and entry.occurred_at.astimezone().date() > since
    )


def summary_markdown(summary: GoalSummary, *, charts: bool = False) -> str:
    """The summary as Markdown (one page to read before the session).

    With ``charts``, each goal with a chart gets an image line ``![...](chart:goal-N)``
    that the PDF and the preview replace with the vector chart.
    """
    s = summary
    lines = _heading_markdown(s)
    lines += ["", f"Changes are {s.since_label}.", "", "## Goals", ""]
    if not s.goals:
        lines += ["No goals to show.", ""]
    for index, goal in enumerate(s.goals):
        lines += _goal_markdown(goal, chart_key(index) if charts else None)
    lines += ["## Commitments", ""]
    if not s.commitments:
        lines += ["None open or changed since then.", ""]
    lines += [f"- {commitment_markdown(c)}" for c in s.commitments]
    if s.commitments:
        lines.append("")
    if s.entries:
        lines += ["## Wins and reflections", ""]
        lines += [f"- {day(e.on)}, {e.kind}: {md(e.title)}" for e in s.entries]
        lines.append("")
    if s.to_discuss:
        lines += ["## To discuss", ""]
        lines += [f"- {md(item)}" for item in s.to_discuss]
        lines.append("")
    lines.append(f"*Generated {s.generated_at.astimezone():%Y-%m-%d %H:%M} by devjournal.*")
    return for_file("\n".join(lines) + "\n")


def _heading_markdown(s: GoalSummary) -> list[str]:
    """The title and the facts under it (coach, day, focus, the one goal), as lines."""
    lines = [f"# {md(s.sprint_title)}", ""]
    facts = [f"Day {s.day} of {s.total_days}"]
    if s.coach:
        facts.insert(0, f"Coach: {md(s.coach)}")
    lines.append(" · ".join(facts))
    if s.focus:
        lines += ["", f"Aiming for: {md(s.focus)}"]
    if s.only_goal:
        lines += ["", f"For one goal: {md(s.only_goal)}."]
    return lines


def _goal_markdown(goal: SummaryGoal, chart: str | None) -> list[str]:
    """One goal's section as lines, ending with a blank one; with the image line of its
    chart when ``chart`` (its key) is given and the goal has a chart."""
    lines = [f"### {md(goal.title)} — {goal.status}", ""]
    if goal.specific:
        lines += [md(goal.specific), ""]
    if chart is not None and goal.kpi is not None:
        lines += [f"![Chart](chart:{chart})", ""]
    lines.append(f"- {goal.figures}")
    if goal.due is not None:
        lines.append(f"- Due {day(goal.due)}")
    for checkin in goal.checkins:
        note = f" — {md(checkin.note)}" if checkin.note else ""
        lines.append(f"- Check-in {day(checkin.on)}: {checkin.value}{note}")
    lines.append("")
    return lines
