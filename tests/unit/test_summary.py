"""The goal summary before a session: what it says, in Markdown, from the terminal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from devjournal.domain.enums import (
    ActionStatus,
    Direction,
    EntryKind,
    GoalStatus,
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
from devjournal.exporting.summary import sprint_summary, summary_markdown
from devjournal.services.container import Services
from tests.clocks import run

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)

GOLDEN = """\
# Review faster \\<fast\\>

Coach: Ines · Day 49 of 80

Aiming for: Senior: reviews \\*within a day\\*

Changes are since the last session (1 Nov 2026).

## Goals

### Review turnaround — Behind

Every PR reviewed within a working day.

- 30 → 24 → 10 hours (30% of the way)
- Due 15 Dec 2026
- Check-in 12 Nov 2026: 24 hours — slots helped

## Commitments

- Block review slots (due 5 Nov 2026): overdue (13 days)
- Pair with Sam (due 10 Nov 2026): done on time

## Wins and reflections

- 15 Nov 2026, Win: Review SLA agreed

## To discuss

- Review turnaround: behind: what is in the way?
- Block review slots: overdue (13 days), what would help?
"""


def fill(services: Services) -> int:
    c, ms = services.coaching, services.mentorship
    sprint = c.create_sprint(
        SprintDraft(
            title="Review faster <fast>",
            kind=SprintKind.PERFORMANCE,
            coach_name="Ines",
            focus="Senior: reviews *within a day*",
            start_date=date(2026, 10, 1),
            end_date=date(2026, 12, 19),
        )
    ).value
    goal = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Review turnaround",
            specific="Every PR reviewed within a working day.",
            metric_name="median hours",
            unit="hours",
            baseline=30,
            target=10,
            direction=Direction.DOWN,
            achievable="Two review slots a day fit my calendar.",
            relevant="Slow reviews block the whole team.",
            deadline=date(2026, 12, 15),
            status=GoalStatus.ACTIVE,
        )
    ).value
    c.add_goal(GoalDraft(sprint_id=sprint.id, title="Secret goal", scope=Scope.PRIVATE))
    c.add_checkin(CheckinDraft(goal_id=goal.id, on_date=date(2026, 10, 20), value=27))
    c.add_checkin(
        CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 12), value=24, note="slots helped")
    )
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 11, 1, 10, tzinfo=UTC),
            status=SessionStatus.HELD,
        )
    )
    c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Block review slots", due_date=date(2026, 11, 5))
    )
    c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id,
            title="Pair with Sam",
            due_date=date(2026, 11, 10),
            status=ActionStatus.DONE,
            done_on=date(2026, 11, 9),
        )
    )
    c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id,
            title="Done long ago",
            status=ActionStatus.DONE,
            done_on=date(2026, 10, 10),
        )
    )
    for title, scope in (("Review SLA agreed", Scope.COACH), ("Just for me", Scope.PRIVATE)):
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.WIN,
                occurred_at=datetime(2026, 11, 15, 17, tzinfo=UTC),
                title=title,
                sprint_id=sprint.id,
                scope=scope,
            )
        )
    return sprint.id


def test_the_summary_says_where_each_goal_stands_and_what_to_discuss(services: Services) -> None:
    sprint_id = fill(services)
    summary = sprint_summary(
        services,
        sprint_id,
        NOW,
    )
    text = summary_markdown(summary)
    body, generated = text.rsplit("\n*Generated ", 1)
    assert body == GOLDEN
    assert generated.strip() == f"{NOW.astimezone():%Y-%m-%d %H:%M} by devjournal.*"  # local time
    everything = sprint_summary(
        services,
        sprint_id,
        NOW,
        sharing=Sharing(include_private=True),
    )
    assert [g.title for g in everything.goals] == ["Review turnaround", "Secret goal"]
    assert everything.left_out == 0


def test_export_summary_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    capsys.readouterr()
    target = tmp_path / "summary.md"
    assert run(["--home", str(tmp_path), "export", "summary", "-o", str(target)]) == 0
    assert "Wrote the summary of" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Goals" in text and "## To discuss" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(SystemExit) as usage:
        run(["--home", str(tmp_path), "export", "summary", "--format", "ics"])
    assert usage.value.code == 2
    assert "invalid choice: 'ics'" in capsys.readouterr().err
    assert run(["--home", str(tmp_path), "export", "summary", "--sprint", "nope"]) == 1
    assert "--sprint takes a sprint id or 'current'." in capsys.readouterr().err
