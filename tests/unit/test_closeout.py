"""The sprint close-out report: what it says, in Markdown, from the terminal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from devjournal.domain.enums import (
    ActionStatus,
    ClosedState,
    Direction,
    EntryKind,
    GoalStatus,
    MetricKind,
    Scope,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.domain.sharing import Sharing
from devjournal.domain.sprints import GoalOutcome, SprintClosing
from devjournal.exporting.closeout import closeout_markdown, sprint_closeout
from devjournal.services.container import Services
from tests.clocks import run

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)

GOLDEN = """\
# Review faster \\<fast\\>: close-out

Performance sprint · coach Ines · 1 Oct 2026 – 15 Nov 2026

**Completed on 16 Nov 2026.** 3 goals: 1 achieved, 1 missed, 1 dropped.

Aiming for: Senior: reviews \\*within a day\\*

## Retrospective

What went well

- Review slots in the calendar
- Pairing with Sam

Next time, \\<b\\>start\\</b\\> the on-call goal earlier.

## Goals

### Review turnaround — Achieved

Every PR reviewed within a working day.

Why it mattered: Slow reviews block the team.

- Baseline 30 → final 9 → target 10 hours
- 100% achieved · target met
- Due 15 Nov 2026
- Lessons: Blocking time beats good intentions. Ask for help early.

### Write the on-call guide — Missed

- Baseline 0 → final 6 → target 10 pages
- 60% achieved · target not met
- Lessons: Started too late.

### Learn Rust — Dropped

- No baseline, target or check-in

## Wins

- 15 Nov 2026: Review SLA agreed

## Lessons and reflections

- 16 Nov 2026, Reflection: Saying no is a skill

## Follow-through

4 committed, 1 done on time, 2 slipped, 1 open, 1 dropped. 2 sessions held, 1 cancelled.

- Learn lifetimes: dropped
- Block review slots (due 5 Oct 2026): done on time (4 Oct 2026)
- Pair with Sam (due 10 Oct 2026): done late (20 Oct 2026)
- Draft the guide outline (due 1 Nov 2026): still open, 15 days overdue
"""


def fill(services: Services) -> int:
    """A sprint closed as completed: achieved, missed, dropped and private goals, wins and
    reflections, commitments kept, late, open and dropped."""
    c, ms = services.coaching, services.mentorship
    sprint = c.create_sprint(
        SprintDraft(
            title="Review faster <fast>",
            kind=SprintKind.PERFORMANCE,
            coach_name="Ines",
            focus="Senior: reviews *within a day*",
            start_date=date(2026, 10, 1),
            end_date=date(2026, 11, 15),
        )
    ).value
    turnaround = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Review turnaround",
            specific="Every PR reviewed within a working day.",
            relevant="Slow reviews block the team.",
            achievable="Two review slots a day fit my calendar.",
            metric_name="median hours",
            unit="hours",
            baseline=30,
            target=10,
            direction=Direction.DOWN,
            deadline=date(2026, 11, 15),
            status=GoalStatus.ACTIVE,
        )
    ).value
    guide = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Write the on-call guide",
            metric_kind=MetricKind.NUMBER,
            unit="pages",
            baseline=0,
            target=10,
            status=GoalStatus.DRAFT,  # no deadline or reasons yet: SMART gaps
        )
    ).value
    rust = c.add_goal(GoalDraft(sprint_id=sprint.id, title="Learn Rust"))
    secret = c.add_goal(GoalDraft(sprint_id=sprint.id, title="Secret goal", scope=Scope.PRIVATE))
    for on, value in ((date(2026, 10, 15), 22), (date(2026, 11, 12), 12)):
        c.add_checkin(CheckinDraft(goal_id=turnaround.id, on_date=on, value=value))
    c.add_checkin(CheckinDraft(goal_id=guide.id, on_date=date(2026, 11, 1), value=4))
    for day, status in ((5, SessionStatus.HELD), (20, SessionStatus.HELD)):
        c.add_session(
            SessionDraft(
                sprint_id=sprint.id,
                starts_at=datetime(2026, 10, day, 10, tzinfo=UTC),
                status=status,
            )
        )
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 11, 10, 10, tzinfo=UTC),
            status=SessionStatus.CANCELLED,
        )
    )
    for title, due, status, done in (
        ("Block review slots", date(2026, 10, 5), ActionStatus.DONE, date(2026, 10, 4)),
        ("Pair with Sam", date(2026, 10, 10), ActionStatus.DONE, date(2026, 10, 20)),
        ("Draft the guide outline", date(2026, 11, 1), ActionStatus.OPEN, None),
        ("Learn lifetimes", None, ActionStatus.DROPPED, None),
    ):
        c.add_action(
            ActionItemDraft(
                sprint_id=sprint.id, title=title, due_date=due, status=status, done_on=done
            )
        )
    for kind, title, scope in (
        (EntryKind.WIN, "Review SLA agreed", Scope.COACH),
        (EntryKind.WIN, "Just for me", Scope.PRIVATE),
        (EntryKind.ADVICE, "Not a win", Scope.COACH),
    ):
        ms.add_entry(
            LogEntryDraft(
                kind=kind,
                occurred_at=datetime(2026, 11, 15, 17, tzinfo=UTC),
                title=title,
                sprint_id=sprint.id,
                scope=scope,
            )
        )
    ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=datetime(2026, 11, 16, 8, tzinfo=UTC),
            title="Saying no is a skill",
            sprint_id=sprint.id,
            scope=Scope.COACH,
        )
    )
    c.close_sprint(
        sprint.id,
        SprintClosing(
            state=ClosedState.COMPLETED,
            closed_on=date(2026, 11, 16),
            retrospective="**What went well**\n\n- Review slots in the calendar\n"
            "- Pairing with Sam\n\nNext time, <b>start</b> the on-call goal\nearlier.",
            outcomes=(
                GoalOutcome(
                    turnaround.id,
                    GoalStatus.ACHIEVED,
                    final_value=9,
                    lessons="Blocking time beats good intentions.\n\n- Ask for help early.",
                ),
                GoalOutcome(
                    guide.id, GoalStatus.MISSED, final_value=6, lessons="Started too late."
                ),
                GoalOutcome(rust.value.id, GoalStatus.DROPPED),
                GoalOutcome(secret.value.id, GoalStatus.ACHIEVED),
            ),
        ),
    )
    return sprint.id


def test_the_closeout_says_how_each_goal_ended_and_how_commitments_went(
    services: Services,
) -> None:
    sprint_id = fill(services)
    text = closeout_markdown(sprint_closeout(services, sprint_id, NOW))
    body, generated = text.rsplit("\n*Generated ", 1)
    assert body == GOLDEN
    assert generated.strip() == f"{NOW.astimezone():%Y-%m-%d %H:%M} by devjournal.*"  # local time
    everything = sprint_closeout(services, sprint_id, NOW, sharing=Sharing(include_private=True))
    assert [g.title for g in everything.goals][-1] == "Secret goal"
    assert [w.title for w in everything.wins] == ["Review SLA agreed", "Just for me"]
    assert everything.left_out == 0
    with_charts = closeout_markdown(everything, charts=True)
    assert with_charts.count("](chart:goal-") == 2  # the goals with a baseline and target


def test_a_running_sprint_reports_its_latest_figures(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(
        SprintDraft(
            title="Running",
            kind=SprintKind.SKILLS,
            start_date=date(2026, 11, 1),
            end_date=date(2026, 12, 31),
        )
    ).value
    goal = c.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Read", unit="books", baseline=0, target=4)
    ).value
    c.add_checkin(CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 10), value=1))
    text = closeout_markdown(sprint_closeout(services, sprint.id, NOW))
    assert "**Still running (day 18 of 61).**" in text
    assert "- Baseline 0 → latest 1 → target 4 books" in text
    assert "- 25% achieved · target not met yet" in text
    assert "No retrospective was written." in text
    assert "No commitments. 0 sessions held." in text


def test_export_closeout_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path)
    assert run(["--home", home, "sample", "--size", "small"]) == 0
    capsys.readouterr()
    target = tmp_path / "closeout.md"
    assert run(["--home", home, "export", "closeout", "--sprint", "last", "-o", str(target)]) == 0
    assert "Wrote the close-out report of" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Goals" in text and "## Follow-through" in text
    assert "Completed on" in text or "Abandoned on" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    # 'current' is the sprint running today (the sample has one).
    assert run(["--home", home, "export", "closeout"]) == 0
    assert "Still running" in capsys.readouterr().out
    assert run(["--home", home, "export", "closeout", "--sprint", "nope"]) == 1
    assert "--sprint takes a sprint id, 'current' or 'last'." in capsys.readouterr().err
    assert run(["--home", home, "export", "closeout", "--format", "pdf"]) == 1
    assert "-o FILE" in capsys.readouterr().err


def test_current_is_the_last_finished_sprint_when_none_is_running(
    services: Services, tmp_path: Path
) -> None:
    from devjournal.cli_export import UsageError, closeout_sprint_id

    with pytest.raises(UsageError, match="No sprint has finished yet"):
        closeout_sprint_id(services, "current")
    sprint_id = fill(services)
    assert closeout_sprint_id(services, "current") == sprint_id
    assert closeout_sprint_id(services, "last") == sprint_id
    assert closeout_sprint_id(services, "7") == 7
