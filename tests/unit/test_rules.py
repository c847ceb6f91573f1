"""Domain validation: each rule refuses bad input and names the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from devjournal.domain import rules
from devjournal.domain.enums import (
    ActionStatus,
    AdviceStatus,
    ClosedState,
    EntryKind,
    MetricKind,
    Relationship,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    MentorLinkDraft,
    MilestoneDraft,
    SessionDraft,
    SprintDraft,
)

SPRINT = SprintDraft(
    title="Get fluent in Rust",
    kind=SprintKind.SKILLS,
    start_date=date(2026, 10, 1),
    end_date=date(2026, 12, 31),
)
WHEN = datetime(2026, 11, 1, 10, tzinfo=UTC)


def problems(call: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    return caught.value.problems


def test_a_good_sprint_passes() -> None:
    rules.validate_sprint(SPRINT)


def test_sprint_end_before_start_names_end_date() -> None:
    bad = SprintDraft(
        title="x", kind=SprintKind.SKILLS, start_date=date(2026, 5, 2), end_date=date(2026, 5, 1)
    )
    assert problems(lambda: rules.validate_sprint(bad)) == {
        "end_date": "The sprint cannot end before it starts."
    }


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_sprint_title_must_be_present_and_short(title: str) -> None:
    bad = SprintDraft(
        title=title, kind=SprintKind.SKILLS, start_date=SPRINT.start_date, end_date=SPRINT.end_date
    )
    assert "title" in problems(lambda: rules.validate_sprint(bad))


def test_sprint_problems_are_reported_together() -> None:
    bad = SprintDraft(
        title="",
        kind=SprintKind.LEADERSHIP,
        start_date=date(2026, 5, 2),
        end_date=date(2026, 5, 1),
        session_every_days=0,
    )
    assert set(problems(lambda: rules.validate_sprint(bad))) == {
        "title",
        "end_date",
        "session_every_days",
    }


def test_closing_date_needs_a_closed_state() -> None:
    bad = SprintDraft(
        title="x",
        kind=SprintKind.SKILLS,
        start_date=SPRINT.start_date,
        end_date=SPRINT.end_date,
        closed_on=date(2026, 12, 1),
    )
    assert "closed_on" in problems(lambda: rules.validate_sprint(bad))
    ok = SprintDraft(
        title="x",
        kind=SprintKind.SKILLS,
        start_date=SPRINT.start_date,
        end_date=SPRINT.end_date,
        closed_on=date(2026, 12, 1),
        closed_state=ClosedState.COMPLETED,
    )
    rules.validate_sprint(ok)


def test_goal_deadline_outside_sprint_is_refused() -> None:
    goal = GoalDraft(sprint_id=1, title="Ship a crate", deadline=date(2027, 1, 5))
    found = problems(lambda: rules.validate_goal(goal, SPRINT))
    assert found["deadline"].startswith("The deadline must fall inside the sprint")


def test_goal_with_gaps_is_a_valid_draft() -> None:
    rules.validate_goal(GoalDraft(sprint_id=1, title="Something"), SPRINT)


def test_rating_goal_needs_a_scale_and_values_on_it() -> None:
    goal = GoalDraft(sprint_id=1, title="Confidence", metric_kind=MetricKind.RATING)
    assert "scale_max" in problems(lambda: rules.validate_goal(goal, SPRINT))
    goal = GoalDraft(
        sprint_id=1,
        title="Confidence",
        metric_kind=MetricKind.RATING,
        scale_max=5,
        baseline=2,
        target=7,
    )
    assert problems(lambda: rules.validate_goal(goal, SPRINT)) == {
        "target": "A rating is from 1 to 5."
    }


def test_percent_goal_stays_within_0_and_100() -> None:
    goal = GoalDraft(sprint_id=1, title="Coverage", metric_kind=MetricKind.PERCENT, target=120)
    assert "target" in problems(lambda: rules.validate_goal(goal, SPRINT))


def test_milestone_goal_has_no_numeric_target() -> None:
    goal = GoalDraft(sprint_id=1, title="Ship", metric_kind=MetricKind.MILESTONES, target=3)
    assert "target" in problems(lambda: rules.validate_goal(goal, SPRINT))


def test_checkin_value_must_be_finite_and_on_scale() -> None:
    goal = GoalDraft(sprint_id=1, title="C", metric_kind=MetricKind.RATING, scale_max=10)
    bad = CheckinDraft(goal_id=1, on_date=date(2026, 11, 1), value=11)
    assert problems(lambda: rules.validate_checkin(bad, goal)) == {
        "value": "A rating is from 1 to 10."
    }
    nan = CheckinDraft(goal_id=1, on_date=date(2026, 11, 1), value=float("nan"))
    assert problems(lambda: rules.validate_checkin(nan, GoalDraft(sprint_id=1, title="n"))) == {
        "value": "Enter a number."
    }


def test_milestone_needs_a_title() -> None:
    assert "title" in problems(
        lambda: rules.validate_milestone(MilestoneDraft(goal_id=1, title=""))
    )


def test_session_needs_a_zone_and_sane_length() -> None:
    naive = SessionDraft(sprint_id=1, starts_at=datetime(2026, 11, 1, 10), duration_min=2)
    assert set(problems(lambda: rules.validate_session(naive))) == {"starts_at", "duration_min"}


def test_action_done_date_only_when_done() -> None:
    done = ActionItemDraft(sprint_id=1, title="Write RFC", status=ActionStatus.DONE)
    assert problems(lambda: rules.validate_action_item(done)) == {
        "done_on": "Say when it was done."
    }
    opened = ActionItemDraft(sprint_id=1, title="Write RFC", done_on=date(2026, 11, 1))
    assert "done_on" in problems(lambda: rules.validate_action_item(opened))


def test_mentor_end_before_start_is_refused() -> None:
    bad = MentorDraft(
        name="Ada",
        relationship=Relationship.TRADITIONAL,
        started_on=date(2026, 1, 2),
        ended_on=date(2025, 1, 1),
    )
    assert "ended_on" in problems(lambda: rules.validate_mentor(bad))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/blog", True),
        ("http://example.com", True),
        ("mailto:ada@example.com", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https://", False),
        ("example.com", False),
        ("", False),
    ],
)
def test_only_http_https_and_mailto_links(url: str, ok: bool) -> None:
    assert rules.is_safe_url(url) is ok
    link = MentorLinkDraft(mentor_id=1, label="Blog", url=url)
    if ok:
        rules.validate_mentor_link(link)
    else:
        assert "url" in problems(lambda: rules.validate_mentor_link(link))


def test_log_entry_rules() -> None:
    entry = LogEntryDraft(
        kind=EntryKind.REFLECTION,
        occurred_at=WHEN,
        title="Thinking",
        advice_status=AdviceStatus.WORKED,
        source_url="ftp://example.com",
        responds_to_id=7,
        tags=("x" * 61,),
    )
    assert set(problems(lambda: rules.validate_log_entry(entry, entry_id=7))) == {
        "advice_status",
        "source_url",
        "responds_to_id",
        "tags",
    }


def test_tags_are_trimmed_folded_and_deduplicated() -> None:
    assert rules.normalise_tags(["  System   design ", "system design", "", "Rust", "rust"]) == (
        "System design",
        "Rust",
    )


def test_sprint_longer_than_three_years_is_refused() -> None:
    bad = SprintDraft(
        title="forever",
        kind=SprintKind.SKILLS,
        start_date=date(2020, 1, 1),
        end_date=date(2020, 1, 1) + timedelta(days=4 * 365),
    )
    assert "end_date" in problems(lambda: rules.validate_sprint(bad))


# -- warnings: allowed, but probably a slip -------------------------------------------
def test_a_check_in_dated_after_today_is_warned_about() -> None:
    today = date(2026, 11, 18)
    assert rules.warn_checkin(today, today) == {}
    assert rules.warn_checkin(date(2026, 11, 1), today) == {}
    assert rules.warn_checkin(date(2026, 11, 19), today) == {
        "on_date": "19 Nov 2026 is in the future: a check-in records what was measured. "
        "Is the date right?"
    }


def test_a_session_marked_held_before_it_starts_is_warned_about() -> None:
    draft = SessionDraft(sprint_id=1, starts_at=WHEN, status=SessionStatus.HELD)
    assert rules.warn_session(draft, WHEN + timedelta(minutes=1)) == {}
    assert rules.warn_session(draft, WHEN) == {}
    assert list(rules.warn_session(draft, WHEN - timedelta(minutes=1))) == ["status"]
    planned = replace(draft, status=SessionStatus.PLANNED)
    assert rules.warn_session(planned, WHEN - timedelta(days=1)) == {}


def test_a_commitment_due_before_its_session_is_warned_about() -> None:
    draft = ActionItemDraft(sprint_id=1, title="Pair with Sam", due_date=date(2026, 11, 2))
    assert rules.warn_action_item(draft, None) == {}
    assert rules.warn_action_item(draft, date(2026, 11, 2)) == {}
    assert rules.warn_action_item(replace(draft, due_date=None), date(2026, 11, 9)) == {}
    assert rules.warn_action_item(draft, date(2026, 11, 3)) == {
        "due_date": "Due before the session it was made in (3 Nov 2026). Is the date right?"
    }
