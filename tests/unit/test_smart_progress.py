"""The SMART check and a goal's progress summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from devjournal.domain.enums import Direction, MetricKind, SprintKind
from devjournal.domain.models import Checkin, GoalDraft, Milestone, SprintDraft
from devjournal.domain.pace import PaceStatus
from devjournal.domain.progress import goal_progress
from devjournal.domain.smart import smart_check, smart_gaps

SPRINT = SprintDraft(
    title="Review faster",
    kind=SprintKind.PERFORMANCE,
    start_date=date(2026, 9, 1),
    end_date=date(2026, 11, 30),
)
T = datetime(2026, 9, 1, tzinfo=UTC)
EMPTY = GoalDraft(sprint_id=1, title="Review faster")
FULL = GoalDraft(
    sprint_id=1,
    title="Review faster",
    specific="Review every pull request on my team within one working day",
    metric_name="median review turnaround",
    unit="hours",
    baseline=30,
    target=10,
    direction=Direction.DOWN,
    achievable="I can block two review slots a day in my calendar",
    relevant="Fast reviews are what the senior promotion rubric asks for",
    deadline=date(2026, 11, 15),
)


def checkin(day: date, value: float, ident: int = 1) -> Checkin:
    return Checkin(id=ident, created_at=T, updated_at=T, goal_id=1, on_date=day, value=value)


def test_smart_check_changes_as_fields_fill() -> None:
    assert smart_gaps(EMPTY, SPRINT) == "S, M, A, R, T"
    lines = {line.letter: line for line in smart_check(EMPTY, SPRINT)}
    assert lines["M"].reason == "Add what is measured, a baseline, a target, a unit."
    assert lines["T"].reason == "Set a deadline inside the sprint."
    partial = replace(EMPTY, specific=FULL.specific, deadline=FULL.deadline)
    assert smart_gaps(partial, SPRINT) == "M, A, R"
    assert smart_gaps(FULL, SPRINT) == ""
    measurable = {line.letter: line for line in smart_check(FULL, SPRINT)}["M"]
    assert measurable.reason == "median review turnaround: 30 → 10 hours."


def test_measurable_needs_a_target_that_moves_the_right_way() -> None:
    same = replace(FULL, target=30)
    wrong_way = replace(FULL, target=40)
    assert {line.letter: line.reason for line in smart_check(same, SPRINT)}["M"] == (
        "The target must differ from the baseline."
    )
    assert (
        "above the baseline but the goal goes down"
        in {line.letter: line.reason for line in smart_check(wrong_way, SPRINT)}["M"]
    )


def test_milestone_goals_are_measured_by_milestones() -> None:
    goal = replace(FULL, metric_kind=MetricKind.MILESTONES, baseline=None, target=None, unit="")
    assert "M" in smart_gaps(goal, SPRINT, milestone_count=1)
    assert "M" not in smart_gaps(goal, SPRINT, milestone_count=3)


def test_progress_of_a_number_goal() -> None:
    checkins = [checkin(date(2026, 10, 1), 24), checkin(date(2026, 10, 16), 20, 2)]
    progress = goal_progress(FULL, SPRINT, checkins, [], date(2026, 10, 16))
    assert (progress.baseline, progress.latest, progress.target) == (30, 20, 10)
    assert progress.percent == 50
    assert progress.status is PaceStatus.ON_TRACK  # 50% of the way on day 45 of 75
    assert progress.projected is not None
    assert not progress.checkin_overdue
    late = goal_progress(FULL, SPRINT, checkins, [], date(2026, 10, 30))
    assert late.checkin_overdue  # nothing for 14 days, asked for every 7


def test_progress_of_a_draft_without_numbers_is_no_data() -> None:
    progress = goal_progress(EMPTY, SPRINT, [], [], date(2026, 10, 1))
    assert progress.status is PaceStatus.NO_DATA and progress.percent is None


def test_progress_of_a_milestone_goal() -> None:
    goal = replace(FULL, metric_kind=MetricKind.MILESTONES, baseline=None, target=None)
    milestones = [
        Milestone(id=i, created_at=T, updated_at=T, goal_id=1, title=f"m{i}", done_on=done)
        for i, done in enumerate([date(2026, 9, 20), date(2026, 10, 10), None, None], start=1)
    ]
    progress = goal_progress(goal, SPRINT, [], milestones, date(2026, 10, 10))
    assert (progress.latest, progress.target, progress.percent) == (2, 4, 50)
    assert progress.status is PaceStatus.ON_TRACK
    assert not progress.checkin_overdue  # milestones are not checked in
