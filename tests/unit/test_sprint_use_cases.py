"""Sprints as the Coaching page uses them: board, view, closing, roll-over."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from devjournal.domain.enums import (
    ClosedState,
    Direction,
    EntryKind,
    GoalStatus,
    MetricKind,
    SprintKind,
)
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import CheckinDraft, GoalDraft, MilestoneDraft, SprintDraft
from devjournal.domain.pace import PaceStatus
from devjournal.domain.sprints import (
    GoalOutcome,
    SprintClosing,
    SprintPhase,
    continuation_of,
    next_start,
)
from devjournal.services.changes import Changes
from devjournal.services.container import Services
from tests.clocks import run, stopped

# The fixed clock says 18 November 2026.
ACTIVE = SprintDraft(
    title="Review faster",
    kind=SprintKind.PERFORMANCE,
    start_date=date(2026, 10, 1),
    end_date=date(2026, 12, 19),
)
PAST = replace(ACTIVE, title="Last spring", start_date=date(2026, 3, 1), end_date=date(2026, 5, 30))
NEXT = replace(ACTIVE, title="Next up", start_date=date(2027, 1, 4), end_date=date(2027, 3, 28))


def goal(sprint_id: int, **changes: object) -> GoalDraft:
    """An active goal of the ACTIVE sprint, SMART in every letter."""
    base = GoalDraft(
        sprint_id=sprint_id,
        title="Review turnaround",
        specific="First response on every review within a working day.",
        metric_name="median hours",
        unit="hours",
        baseline=30,
        target=10,
        direction=Direction.DOWN,
        achievable="Two review slots a day fit my calendar.",
        relevant="Slow reviews are the team's top complaint.",
        deadline=ACTIVE.end_date,
        status=GoalStatus.ACTIVE,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_board_groups_active_planned_finished(services: Services) -> None:
    c = services.coaching
    past = c.create_sprint(PAST).value
    active = c.create_sprint(ACTIVE).value
    upcoming = c.create_sprint(NEXT).value
    c.add_goal(goal(active.id))
    board = c.board()
    assert [(s.sprint.id, s.phase, s.goal_count) for s in board] == [
        (active.id, SprintPhase.ACTIVE, 1),
        (upcoming.id, SprintPhase.PLANNED, 0),
        (past.id, SprintPhase.FINISHED, 0),
    ]


def test_sprint_view_shows_progress_and_smart_gaps(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    gaps = {"specific": "", "achievable": "", "relevant": "", "status": GoalStatus.DRAFT}
    g = c.add_goal(goal(sprint.id, **gaps)).value
    c.add_checkin(CheckinDraft(goal_id=g.id, on_date=date(2026, 11, 1), value=22))
    c.add_checkin(CheckinDraft(goal_id=g.id, on_date=date(2026, 11, 15), value=18))
    draft = c.add_goal(GoalDraft(sprint_id=sprint.id, title="Mentor a new joiner")).value
    view = c.sprint_view(sprint.id)
    assert (view.day, view.total_days, view.phase) == (49, 80, SprintPhase.ACTIVE)
    first, second = view.goals
    assert first.goal.id == g.id
    assert (first.progress.latest, first.progress.percent) == (18, 60)
    assert first.progress.status is PaceStatus.ON_TRACK
    assert [c.value for c in first.checkins] == [22, 18]
    assert first.smart_gaps == "S, A, R"
    assert second.goal.id == draft.id and second.progress.status is PaceStatus.NO_DATA
    assert second.smart_gaps == "S, M, A, R, T"
    assert view.status_counts()[PaceStatus.ON_TRACK] == 1


def test_close_sprint_records_outcomes_wins_and_retrospective(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    g = c.add_goal(goal(sprint.id)).value
    closing = SprintClosing(
        state=ClosedState.COMPLETED,
        closed_on=date(2026, 11, 18),
        retrospective="Calendar blocks worked; async reviews did not.",
        outcomes=(GoalOutcome(g.id, GoalStatus.MISSED, 14, "Start earlier."),),
        wins=("Review SLA adopted by the team",),
    )
    closed = c.close_sprint(sprint.id, closing)
    assert closed.value.sprint.closed_state is ClosedState.COMPLETED
    assert closed.value.rolled_into is None
    assert (
        Changes.SPRINTS in closed.changes
        and Changes.GOALS in closed.changes
        and Changes.ENTRIES in closed.changes
    )
    ended = c.goal(g.id)
    assert (ended.status, ended.final_value, ended.lessons) == (
        GoalStatus.MISSED,
        14,
        "Start earlier.",
    )
    [win] = services.mentorship.latest_entries()
    assert (win.kind, win.title, win.sprint_id) == (
        EntryKind.WIN,
        "Review SLA adopted by the team",
        sprint.id,
    )
    assert c.board()[0].phase is SprintPhase.FINISHED
    with pytest.raises(ValidationError, match="already closed"):
        c.close_sprint(sprint.id, closing)


def test_closing_with_a_bad_final_value_changes_nothing(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    rating = c.add_goal(
        goal(
            sprint.id,
            metric_kind=MetricKind.RATING,
            scale_max=5,
            baseline=2,
            target=4,
            unit="",
            direction=Direction.UP,
        )
    ).value
    bad = SprintClosing(
        state=ClosedState.COMPLETED,
        closed_on=date(2026, 12, 1),
        outcomes=(GoalOutcome(rating.id, GoalStatus.ACHIEVED, 7),),
        wins=("A win",),
    )
    with pytest.raises(ValidationError):
        c.close_sprint(sprint.id, bad)
    assert c.sprint(sprint.id).closed_state is None
    assert c.goal(rating.id).status is GoalStatus.ACTIVE
    assert services.mentorship.latest_entries() == []


def test_roll_over_links_back_and_starts_where_it_ended(services: Services) -> None:
    c = services.coaching
    old_sprint = c.create_sprint(ACTIVE).value
    new_sprint = c.create_sprint(NEXT).value
    old = c.add_goal(goal(old_sprint.id, deadline=date(2026, 12, 15))).value
    c.add_checkin(CheckinDraft(goal_id=old.id, on_date=date(2026, 11, 15), value=17))
    [rolled] = c.roll_over([old.id], new_sprint.id).value
    assert rolled.rolled_from_id == old.id and rolled.sprint_id == new_sprint.id
    assert (rolled.title, rolled.baseline, rolled.target) == (old.title, 17, 10)
    assert rolled.status is GoalStatus.DRAFT and rolled.deadline is None
    with pytest.raises(ValidationError):
        c.roll_over([old.id], old_sprint.id)


def test_sprints_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    capsys.readouterr()
    assert run(["--home", str(tmp_path), "sprints", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    assert {r["status"] for r in rows} >= {"active", "planned", "completed"}
    assert set(rows[0]) == {"id", "title", "kind", "coach", "start", "end", "status", "goals"}
    assert run(["--home", str(tmp_path), "sprints"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and " active " in lines[0]


def test_closing_rolls_goals_into_a_new_sprint_in_one_unit_of_work(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(replace(ACTIVE, coach_name="Ines", focus="Senior")).value
    missed = c.add_goal(goal(sprint.id, deadline=date(2026, 12, 15))).value
    steps = c.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Re-index", metric_kind=MetricKind.MILESTONES)
    ).value
    for n, title in enumerate(("Scope", "Model", "Rollout")):
        c.add_milestone(
            MilestoneDraft(
                goal_id=steps.id,
                title=title,
                position=n,
                done_on=date(2026, 11, 1) if n == 0 else None,
            )
        )
    c.add_checkin(CheckinDraft(goal_id=missed.id, on_date=date(2026, 11, 15), value=17))
    closed_on = date(2026, 11, 18)
    closing = SprintClosing(
        state=ClosedState.COMPLETED,
        closed_on=closed_on,
        outcomes=(
            GoalOutcome(missed.id, GoalStatus.MISSED, 17),
            GoalOutcome(steps.id, GoalStatus.MISSED, 1),
        ),
        roll_over=(missed.id, steps.id),
        continue_as=continuation_of(c.sprint(sprint.id), next_start(ACTIVE, closed_on, closed_on)),
    )
    done = c.close_sprint(sprint.id, closing).value
    into = done.rolled_into
    assert into is not None and into.title == "Review faster (continued)"
    assert (into.start_date, into.end_date) == (date(2026, 11, 19), date(2027, 2, 6))
    assert (into.coach_name, into.focus, into.kind) == ("Ines", "Senior", SprintKind.PERFORMANCE)
    rolled_number, rolled_steps = done.rolled
    assert (rolled_number.baseline, rolled_number.rolled_from_id) == (17, missed.id)
    assert rolled_steps.baseline is None and rolled_steps.rolled_from_id == steps.id
    assert [m.title for m in c.milestones_of(rolled_steps.id)] == ["Model", "Rollout"]
    assert [g.id for g in c.goals_of(into.id)] == [rolled_number.id, rolled_steps.id]


def test_a_roll_over_that_cannot_happen_leaves_the_sprint_open(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    g = c.add_goal(goal(sprint.id)).value
    nowhere = SprintClosing(
        state=ClosedState.COMPLETED, closed_on=date(2026, 11, 18), roll_over=(g.id,)
    )
    with pytest.raises(ValidationError, match="which sprint"):
        c.close_sprint(sprint.id, nowhere)
    broken = replace(nowhere, continue_as=replace(ACTIVE, title=""))
    with pytest.raises(ValidationError, match="The new sprint"):
        c.close_sprint(sprint.id, broken)
    assert c.sprint(sprint.id).closed_state is None
    assert [s.id for s in c.sprints()] == [sprint.id]
    assert c.goal(g.id).status is GoalStatus.ACTIVE


def test_a_continuation_keeps_its_title_and_length() -> None:
    again = continuation_of(replace(ACTIVE, title="Review faster (continued)"), date(2027, 1, 1))
    assert again.title == "Review faster (continued)"
    assert (again.end_date - again.start_date) == (ACTIVE.end_date - ACTIVE.start_date)
    long_title = continuation_of(replace(ACTIVE, title="x" * 200), date(2027, 1, 1))
    assert len(long_title.title) == 200 and long_title.title.endswith("(continued)")
    assert next_start(ACTIVE, date(2026, 1, 1), date(2026, 11, 18)) == date(2026, 11, 18)


def test_health_counts_outcomes_once_decided_and_pace_before(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    kept = c.add_goal(goal(sprint.id)).value
    c.add_checkin(CheckinDraft(goal_id=kept.id, on_date=date(2026, 11, 15), value=16))
    dropped = c.add_goal(goal(sprint.id, title="Mentor a new joiner")).value
    c.update_goal(dropped.id, replace(dropped, status=GoalStatus.DROPPED))
    view = c.sprint_view(sprint.id)
    assert view.health_summary() == "2 goals: 1 ahead, 1 dropped"
    assert [g.standing for g in view.goals] == ["ahead", "dropped"]
    c.close_sprint(
        sprint.id,
        SprintClosing(
            state=ClosedState.COMPLETED,
            closed_on=date(2026, 11, 18),
            outcomes=(GoalOutcome(kept.id, GoalStatus.MISSED, 16),),
        ),
    )
    assert c.sprint_view(sprint.id).health_summary() == "2 goals: 1 missed, 1 dropped"


def test_a_goal_and_its_milestones_save_together(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    draft = GoalDraft(sprint_id=sprint.id, title="Re-index", metric_kind=MetricKind.MILESTONES)
    made = c.add_goal(draft, ["Scope", "Model", "Rollout"])
    assert Changes.MILESTONES in made.changes
    steps = c.milestones_of(made.value.id)
    c.update_milestone(steps[0].id, replace(steps[0], done_on=date(2026, 11, 2)))
    c.update_goal(made.value.id, replace(draft, title="Search re-index"), ["Scope", "Data model"])
    kept = c.milestones_of(made.value.id)
    assert [(s.title, s.done_on) for s in kept] == [
        ("Scope", date(2026, 11, 2)),
        ("Data model", None),
    ]
    with pytest.raises(ValidationError):
        c.update_goal(made.value.id, replace(draft, title="Renamed"), ["Scope", ""])
    assert c.goal(made.value.id).title == "Search re-index"  # nothing of it was saved
    assert [s.title for s in c.milestones_of(made.value.id)] == ["Scope", "Data model"]


def test_closing_dates_and_targets_are_checked(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    g = c.add_goal(goal(sprint.id)).value
    future = SprintClosing(state=ClosedState.COMPLETED, closed_on=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="today or on a past day") as caught:
        c.close_sprint(sprint.id, future)
    assert caught.value.field == "closed_on"

    # A planned sprint can be abandoned today, before it starts, but not completed.
    planned = c.create_sprint(NEXT).value
    early = SprintClosing(state=ClosedState.COMPLETED, closed_on=date(2026, 11, 18))
    with pytest.raises(ValidationError, match="mark it abandoned"):
        c.close_sprint(planned.id, early)
    dropped = c.close_sprint(planned.id, replace(early, state=ClosedState.ABANDONED))
    assert dropped.value.sprint.closed_on == date(2026, 11, 18)
    c.update_sprint(planned.id, replace(dropped.value.sprint, title="Never started"))

    # A bad final value names the goal, under its own field; nothing is saved.
    rating = replace(goal(sprint.id), metric_kind=MetricKind.RATING, scale_max=5, unit="")
    r = c.add_goal(replace(rating, baseline=2, target=4, direction=Direction.UP)).value
    bad = SprintClosing(
        state=ClosedState.COMPLETED,
        closed_on=date(2026, 11, 18),
        outcomes=(GoalOutcome(r.id, GoalStatus.ACHIEVED, 7),),
    )
    with pytest.raises(ValidationError) as caught:
        c.close_sprint(sprint.id, bad)
    assert caught.value.problems == {
        f"outcome:{r.id}": "“Review turnaround”: A rating is from 1 to 5."
    }

    # Goals roll only into an open sprint that still exists, and once each.
    roll = SprintClosing(
        state=ClosedState.COMPLETED, closed_on=date(2026, 11, 18), roll_over=(g.id, g.id)
    )
    with pytest.raises(ValidationError, match="is closed"):
        c.close_sprint(sprint.id, replace(roll, roll_into_id=planned.id))
    later = c.create_sprint(replace(NEXT, title="Later")).value
    c.delete_sprint(later.id)
    with pytest.raises(ValidationError, match="was deleted"):
        c.close_sprint(sprint.id, replace(roll, roll_into_id=later.id))
    c.restore_sprint(later.id)
    done = c.close_sprint(sprint.id, replace(roll, roll_into_id=later.id)).value
    assert [x.rolled_from_id for x in done.rolled] == [g.id]


def test_milestones_keep_their_ticks_when_the_list_changes(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(ACTIVE).value
    draft = GoalDraft(sprint_id=sprint.id, title="RFC", metric_kind=MetricKind.MILESTONES)
    made = c.add_goal(draft, ["Write RFC", "Ship it"]).value
    write = c.milestones_of(made.id)[0]
    c.update_milestone(write.id, replace(write, done_on=date(2026, 11, 2)))
    c.update_goal(made.id, draft, ["Kickoff", "Write RFC", "Ship it"])  # one put in front
    assert [(x.title, x.done_on) for x in c.milestones_of(made.id)] == [
        ("Kickoff", None),
        ("Write RFC", date(2026, 11, 2)),
        ("Ship it", None),
    ]
    c.update_goal(made.id, draft, ["Write the RFC", "Ship it"])  # one dropped, one renamed
    assert [(x.title, x.done_on) for x in c.milestones_of(made.id)] == [
        ("Write the RFC", None),
        ("Ship it", None),
    ]


def test_a_rolled_goal_stays_editable_after_its_origin_is_deleted(services: Services) -> None:
    c = services.coaching
    old = c.add_goal(goal(c.create_sprint(ACTIVE).value.id)).value
    [rolled] = c.roll_over([old.id], c.create_sprint(NEXT).value.id).value
    c.delete_goal(old.id)
    assert c.update_goal(rolled.id, replace(rolled, title="Renamed")).value.title == "Renamed"


def test_a_locked_journal_is_a_message_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from devjournal.domain.errors import JournalError
    from devjournal.services.container import build_services
    from devjournal.storage import engine
    from devjournal.storage.database import open_journal

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    journal = tmp_path / "journal.sqlite"
    db = open_journal(journal, tmp_path / "backups", stopped())
    try:
        c = build_services(db, tmp_path / "backups").coaching
        other = sqlite3.connect(journal, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(JournalError, match="another program is using the journal"):
                c.create_sprint(ACTIVE)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert c.sprints() == []
        assert c.create_sprint(ACTIVE).value.title == ACTIVE.title  # and then it works
    finally:
        db.close()
