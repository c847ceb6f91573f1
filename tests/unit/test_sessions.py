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
    planned = c.plan_sessions(sprint.id, time(11), 14, zone=BERLIN).value
    # Every two weeks from the start (4 Nov), but not what is past: 4 Nov, nor 10:00
    # today (the clock says 09:30 UTC, 10:30 in Berlin); 11:00 today is still to come.
    assert [s.starts_at.astimezone(BERLIN).date() for s in planned] == [
        date(2026, 11, 18),
        date(2026, 12, 2),
        date(2026, 12, 16),
        date(2026, 12, 30),
        date(2027, 1, 13),
        date(2027, 1, 27),
    ]
    assert all(s.starts_at.astimezone(BERLIN).hour == 11 for s in planned)
    assert c.plan_sessions(sprint.id, time(11), 14, zone=BERLIN).value == []  # no doubles

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

    # 2 Dec: both come up for review; "Read ch. 4" will be a week late. Preparing is a
    # plan: nothing has slipped until the session happens.
    prepared = c.prepare_session(second.id).value
    assert agenda_items(prepared.agenda) == [
        f"{REVIEW_HEADING}:",
        "Read ch. 4 (due 25 Nov, 7 days late)",
        "Pair (due 10 Dec)",
    ]
    c.prepare_session(second.id)  # preparing again changes nothing
    assert {x.action.id: x.slips for x in c.sessions_view(sprint.id).actions} == {
        read.id: 0,
        pair.id: 0,
    }
    c.update_session(second.id, replace(prepared, status=SessionStatus.HELD))
    view = c.sessions_view(sprint.id)
    assert {line.action.id: line.slips for line in view.actions} == {read.id: 1, pair.id: 0}

    # 16 Dec: "Read" is still open and slips again; "Pair" was done on 9 Dec, on time,
    # after the agenda was prepared: no slip.
    third = c.prepare_session(third.id).value
    c.update_action(pair.id, replace(pair, status=ActionStatus.DONE, done_on=date(2026, 12, 9)))
    c.update_session(third.id, replace(third, status=SessionStatus.HELD))
    view = c.sessions_view(sprint.id)
    assert {line.action.id: line.slips for line in view.actions} == {read.id: 2, pair.id: 0}
    [held] = [line for line in view.sessions if line.session.id == first.id]
    assert (held.follow.committed, held.follow.done_on_time, held.follow.open) == (2, 1, 1)
    assert held.follow.slipped == 1
    assert str(view.total) == "2 committed, 1 done on time, 1 slipped, 1 open"
    assert view.next_planned is not None and view.next_planned.id == planned[3].id


def test_a_cancelled_session_is_no_slip_and_preparing_again_forgets_what_left(
    services: Services,
) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    met = c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 10, 1, 9, tzinfo=UTC),
            status=SessionStatus.HELD,
        )
    ).value
    later = c.add_session(  # held on 1 Dec (written up ahead of the clock's 18 Nov)
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 12, 1, 9, tzinfo=UTC),
            status=SessionStatus.HELD,
        )
    ).value
    # Committed outside any session, before the later one: it comes up for review too.
    loose = c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Loose end", due_date=date(2026, 10, 10))
    ).value
    made = c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id, session_id=met.id, title="Read", due_date=date(2026, 10, 15)
        )
    ).value
    c.prepare_session(later.id)
    later = c.sessions_of(sprint.id)[1]
    view = c.sessions_view(sprint.id)
    assert {x.action.id: x.slips for x in view.actions} == {loose.id: 1, made.id: 1}
    c.update_session(later.id, replace(later, status=SessionStatus.CANCELLED))
    assert {x.action.id: x.slips for x in c.sessions_view(sprint.id).actions} == {
        loose.id: 0,
        made.id: 0,
    }
    # "Read" is dropped; preparing again removes it from the agenda and from the review.
    c.update_session(later.id, replace(later, status=SessionStatus.HELD))
    c.update_action(made.id, replace(made, status=ActionStatus.DROPPED))
    again = c.prepare_session(later.id).value
    assert agenda_items(again.agenda) == [
        f"{REVIEW_HEADING}:",
        "Loose end (due 10 Oct, 52 days late)",
    ]
    assert {x.action.id: x.slips for x in c.sessions_view(sprint.id).actions} == {
        loose.id: 1,
        made.id: 0,
    }


def test_a_deleted_session_does_not_lock_its_commitments(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    gone = c.add_session(
        SessionDraft(sprint_id=sprint.id, starts_at=datetime(2026, 10, 1, 9, tzinfo=UTC))
    ).value
    action = c.add_action(
        ActionItemDraft(sprint_id=sprint.id, session_id=gone.id, title="Read")
    ).value
    c.delete_session(gone.id)
    done = c.update_action(
        action.id, replace(action, status=ActionStatus.DONE, done_on=date(2026, 11, 18))
    )
    assert done.value.status is ActionStatus.DONE


def test_the_review_section_keeps_the_users_own_lines() -> None:
    prepared = with_review("- [ ] my own task\n- Plan the offsite", ["Read (due 5 Nov)"])
    ticked = prepared.replace("- [ ] Read", "- [x] Read")
    assert agenda_items(with_review(ticked, ["Pair (due 9 Nov)"])) == [
        f"{REVIEW_HEADING}:",
        "Pair (due 9 Nov)",
        "my own task",
        "Plan the offsite",
    ]


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


def test_a_time_already_past_today_is_not_planned(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(
        replace(SPRINT, start_date=date(2026, 11, 18), end_date=date(2026, 12, 20))
    ).value
    # 10:00 in Berlin is 09:00 UTC; the clock says 09:30 UTC: today's slot has passed.
    planned = c.plan_sessions(sprint.id, time(10), 14, zone=BERLIN).value
    assert [s.starts_at.astimezone(BERLIN).date() for s in planned] == [
        date(2026, 12, 2),
        date(2026, 12, 16),
    ]


def test_closing_a_sprint_cancels_its_planned_sessions_and_today_forgets_it(
    services: Services,
) -> None:
    from devjournal.domain.sprints import SprintClosing

    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    later = c.add_session(
        SessionDraft(sprint_id=sprint.id, starts_at=datetime(2026, 12, 1, 9, tzinfo=UTC))
    ).value
    c.add_action(ActionItemDraft(sprint_id=sprint.id, title="Read", due_date=date(2026, 11, 1)))
    assert services.journal.today().next_session is not None
    c.close_sprint(
        sprint.id, SprintClosing(state=ClosedState.ABANDONED, closed_on=date(2026, 11, 18))
    )
    assert [s.status for s in c.sessions_of(sprint.id) if s.id == later.id] == [
        SessionStatus.CANCELLED
    ]
    today = services.journal.today()
    assert today.next_session is None and today.overdue_actions == 0
    assert services.journal.reminder_facts().overdue == ()


def test_every_overdue_action_and_every_session_tomorrow_is_a_reminder(
    services: Services,
) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    for n in range(7):
        c.add_action(
            ActionItemDraft(sprint_id=sprint.id, title=f"Item {n}", due_date=date(2026, 11, 1 + n))
        )
    for hour in (9, 16):
        c.add_session(
            SessionDraft(sprint_id=sprint.id, starts_at=datetime(2026, 11, 19, hour, tzinfo=UTC))
        )
    facts = services.journal.reminder_facts()
    assert len(facts.overdue) == 7
    assert [s.starts_at.hour for s in facts.sessions_tomorrow] == [9, 16]


def test_an_answer_needs_its_question(services: Services) -> None:
    sprint = services.coaching.create_sprint(SPRINT).value
    with pytest.raises(ValidationError, match="question each answer belongs to") as caught:
        services.coaching.add_session(
            SessionDraft(
                sprint_id=sprint.id,
                starts_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
                questions=(SessionQuestion("", "An answer to nothing"),),
            )
        )
    assert caught.value.field == "questions"
