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
from devjournal.domain.sprints import SprintView
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
        view = replace(view, goals=tuple(g for g in view.goals if g.goal.id == goal_id))
        chosen = view.goals[0].goal if view.goals else None
        if chosen is None:
            only_goal = "a goal that no longer exists"
        elif sharing.shares_goal(chosen):
            only_goal = chosen.title
        ledger = replace(
            ledger, actions=tuple(a for a in ledger.actions if a.action.goal_id == goal_id)
        )
        entries = [e for e in entries if e.goal_id == goal_id]
    shared = shared_sprint(view, ledger, entries, sharing, now)
    view, ledger = shared.view, shared.ledger
    held = [
        line.session.starts_at
        for line in ledger.sessions
        if line.session.status.value == "held" and line.session.starts_at <= now
    ]
    if held:
        last = max(held)
        since = last.astimezone().date()
        since_label = f"since the last session ({day(since)})"
    else:
        since = sprint.start_date
        since_label = f"since the sprint began ({day(since)})"
    goals = []
    discuss: list[str] = []
    for goal_view in view.goals:
        goal, progress = goal_view.goal, goal_view.progress
        if goal.status is GoalStatus.DROPPED:
            continue
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
        status = goal_view.standing[:1].upper() + goal_view.standing[1:]
        if progress.status in WORRYING and not goal_view.decided:
            discuss.append(f"{goal.title}: {status.lower()}: what is in the way?")
        if progress.checkin_overdue:
            discuss.append(f"{goal.title}: no check-in lately")
        goals.append(
            SummaryGoal(
                title=goal.title,
                specific=goal.specific,
                figures=figures,
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
    today = now.astimezone().date()
    commitments = []
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
    shown_entries = []
    for entry in sorted(shared.entries, key=lambda e: (e.occurred_at, e.id)):
        if entry.kind not in (EntryKind.WIN, EntryKind.REFLECTION):
            continue
        if entry.occurred_at.astimezone().date() <= since:
            continue
        shown_entries.append(
            ReportEntry(entry.occurred_at.astimezone().date(), entry.kind.label, entry.title)
        )
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
        entries=tuple(shown_entries),
        to_discuss=tuple(dict.fromkeys(discuss)),
        left_out=shared.left_out,
        generated_at=now,
        private_goals=shared.private_goals,
    )


def summary_markdown(summary: GoalSummary, *, charts: bool = False) -> str:
    """The summary as Markdown (one page to read before the session).

    With ``charts``, each goal with a chart gets an image line ``![...](chart:goal-N)``
    that the PDF and the preview replace with the vector chart.
    """
    s = summary
    lines = [f"# {md(s.sprint_title)}", ""]
    facts = [f"Day {s.day} of {s.total_days}"]
    if s.coach:
        facts.insert(0, f"Coach: {md(s.coach)}")
    lines.append(" · ".join(facts))
    if s.focus:
        lines += ["", f"Aiming for: {md(s.focus)}"]
    if s.only_goal:
        lines += ["", f"For one goal: {md(s.only_goal)}."]
    lines += ["", f"Changes are {s.since_label}.", "", "## Goals", ""]
    if not s.goals:
        lines += ["No goals to show.", ""]
    for index, goal in enumerate(s.goals):
        lines.append(f"### {md(goal.title)} — {goal.status}")
        lines.append("")
        if goal.specific:
            lines += [md(goal.specific), ""]
        if charts and goal.kpi is not None:
            lines += [f"![Chart](chart:{chart_key(index)})", ""]
        lines.append(f"- {goal.figures}")
        if goal.due is not None:
            lines.append(f"- Due {day(goal.due)}")
        for checkin in goal.checkins:
            note = f" — {md(checkin.note)}" if checkin.note else ""
            lines.append(f"- Check-in {day(checkin.on)}: {checkin.value}{note}")
        lines.append("")
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
