"""Sessions and the accountability ledger: cadence, carry-forward, slips, follow-through."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devjournal.domain.enums import ActionStatus, ClosedState, SessionStatus, SprintKind
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import (
    ActionItemDraft,
    SessionDraft,
    SessionQuestion,
    SprintDraft,
)
from devjournal.domain.sessions import (
    MONTHLY,
    REVIEW_HEADING,
    agenda_items,
    session_days,
    session_times,
    with_review,
)
from devjournal.services.container import Services

BERLIN = ZoneInfo("Europe/Berlin")
# The fixed clock says Wednesday 18 November 2026, 09:30 UTC.
SPRINT = SprintDraft(
    title="Review faster",
    kind=SprintKind.PERFORMANCE,
    start_date=date(2026, 10, 1),
    end_date=date(2026, 12, 19),
)


def test_every_two_weeks_from_start_to_end() -> None:
    days = session_days(date(2026, 10, 1), date(2026, 11, 12), 14)
    assert days == [date(2026, 10, 1), date(2026, 10, 15), date(2026, 10, 29), date(2026, 11, 12)]
    assert session_days(date(2026, 10, 1), date(2026, 9, 1), 14) == []


def test_monthly_keeps_the_day_and_clamps_at_month_ends() -> None:
    days = session_days(date(2027, 1, 31), date(2027, 5, 31), MONTHLY)
    assert days == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]
    assert session_days(date(2028, 1, 30), date(2028, 3, 1), MONTHLY)[1] == date(2028, 2, 29)
    assert session_days(date(2026, 11, 15), date(2027, 2, 1), MONTHLY)[-1] == date(2027, 1, 15)


def test_a_session_keeps_its_wall_clock_time_across_daylight_saving() -> None:
    # Berlin leaves summer time on 25 October 2026.
    before, after = session_times([date(2026, 10, 22), date(2026, 10, 29)], time(10), BERLIN)
    assert (before.hour, after.hour) == (10, 10)
    assert before.astimezone(UTC).hour == 8 and after.astimezone(UTC).hour == 9


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    length=st.integers(0, 400),
    every=st.integers(1, 60),
)
def test_cadence_stays_inside_the_sprint_and_keeps_its_rhythm(
    start: date, length: int, every: int
) -> None:
    end = start + timedelta(days=length)
    days = session_days(start, end, every)
    assert days[0] == start and all(start <= d <= end for d in days)
    assert all((b - a).days == every for a, b in itertools.pairwise(days))
    assert days[-1] + timedelta(days=every) > end


def test_the_review_section_is_replaced_not_repeated() -> None:
    agenda = "- Talk about the promotion case\n- Plan the offsite"
    once = with_review(agenda, ["Read chapter 4 (due 15 Nov, 3 days late)"])
    assert once.splitlines()[0] == f"{REVIEW_HEADING}:"
    twice = with_review(once, ["Pair with Sam (due 20 Nov)"])
    assert agenda_items(twice) == [
        f"{REVIEW_HEADING}:",
        "Pair with Sam (due 20 Nov)",
        "Talk about the promotion case",
        "Plan the offsite",
    ]
    assert with_review(twice, []) == agenda


def test_plan_hold_commit_carry_forward_and_slips(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(
        replace(SPRINT, start_date=date(2026, 11, 4), end_date=date(2027, 2, 7))
    ).value
    planned = c.plan_sessions(sprint.id, time(10), 14, zone=BERLIN).value
    # Every two weeks from the start (4 Nov), but not the days already past (4 Nov).
    assert [s.starts_at.astimezone(BERLIN).date() for s in planned] == [
        date(2026, 11, 18),
        date(2026, 12, 2),
        date(2026, 12, 16),
        date(2026, 12, 30),
        date(2027, 1, 13),
        date(2027, 1, 27),
    ]
    assert all(s.starts_at.astimezone(BERLIN).hour == 10 for s in planned)
    assert c.plan_sessions(sprint.id, time(10), 14, zone=BERLIN).value == []  # no doubles

    first, second, third = planned[0], planned[1], planned[2]  # 18 Nov, 2 Dec, 16 Dec
    c.update_session(
        first.id,
        replace(
            first,
            status=SessionStatus.HELD,
            notes="Talked about review load.",
            questions=(SessionQuestion("What is in your way?", "Meetings every morning."),),
        ),
    )
    read = c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id,
            session_id=first.id,
            title="Read ch. 4",
            due_date=date(2026, 11, 25),
        )
    ).value
    pair = c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id, session_id=first.id, title="Pair", due_date=date(2026, 12, 10)
        )
    ).value
    [stored] = [s for s in c.sessions_of(sprint.id) if s.id == first.id]
    assert stored.questions == (SessionQuestion("What is in your way?", "Meetings every morning."),)

    # 2 Dec: both come up for review; "Read ch. 4" is already late: one slip.
    prepared = c.prepare_session(second.id).value
    assert agenda_items(prepared.agenda) == [
        f"{REVIEW_HEADING}:",
        "Read ch. 4 (due 25 Nov, 7 days late)",
        "Pair (due 10 Dec)",
    ]
    c.prepare_session(second.id)  # preparing again changes nothing
    view = c.sessions_view(sprint.id)
    assert {line.action.id: line.slips for line in view.actions} == {read.id: 1, pair.id: 0}

    # 16 Dec: still open, both are late now: "Read" slips twice in all, "Pair" once.
    c.prepare_session(third.id)
    view = c.sessions_view(sprint.id)
    assert {line.action.id: line.slips for line in view.actions} == {read.id: 2, pair.id: 1}

    # "Pair" is done on time after all; follow-through counts each once.
    c.update_action(pair.id, replace(pair, status=ActionStatus.DONE, done_on=date(2026, 12, 9)))
    view = c.sessions_view(sprint.id)
    [held] = [line for line in view.sessions if line.session.id == first.id]
    assert (held.follow.committed, held.follow.done_on_time, held.follow.open) == (2, 1, 1)
    assert held.follow.slipped == 2  # both came up again after their due dates
    assert str(view.total) == "2 committed, 1 done on time, 2 slipped, 1 open"
    assert view.next_planned is not None and view.next_planned.id == second.id


def test_planning_a_closed_sprint_is_refused(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(replace(SPRINT, end_date=date(2026, 11, 1))).value
    c.update_sprint(
        sprint.id, replace(sprint, closed_state=ClosedState.COMPLETED, closed_on=date(2026, 11, 1))
    )
    with pytest.raises(ValidationError, match="closed"):
        c.plan_sessions(sprint.id, time(10), 14)
    with pytest.raises(ValidationError):
        c.plan_sessions(sprint.id, time(10), 400)


def test_questions_survive_a_round_trip_with_any_text(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    odd = (SessionQuestion('Quote " and \\ back', "ünïcode ✓\nnew line"), SessionQuestion("", ""))
    made = c.add_session(
        SessionDraft(
            sprint_id=sprint.id, starts_at=datetime(2026, 11, 20, 9, tzinfo=UTC), questions=odd
        )
    ).value
    assert made.questions == odd
    assert c.sessions_of(sprint.id)[0].questions == odd
