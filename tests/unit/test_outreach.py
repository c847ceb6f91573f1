"""Outreach with a purpose: its statuses and their days, follow-ups, the first message, and
what an agreed outreach becomes (domain/outreach.py and services.people)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from devjournal.domain import outreach as reach
from devjournal.domain.enums import (
    AimHorizon,
    ConverseFormat,
    Guide,
    OutreachStatus,
    Relationship,
    SprintKind,
)
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import AimDraft, CoachDraft, OutreachDraft, SprintDraft
from devjournal.domain.rules import validate_outreach
from devjournal.services.container import Services

S = OutreachStatus
TODAY = date(2026, 11, 18)  # tests/clocks.NOW


def idea(**changes: object) -> OutreachDraft:
    base = OutreachDraft(
        name="Ada Lovelace",
        guide=Guide.MENTOR,
        relationship=Relationship.TRADITIONAL,
        why_them="You turned a calculating engine into a story people understood.",
        purpose="to learn how to explain systems work to non-engineers.",
        ask="Would you have time for a call once a month for three months?",
        converse_format=ConverseFormat.CALL,
        converse_minutes=30,
        every_days=30,
        channel="Zoom",
        idea_on=date(2026, 11, 1),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_each_step_is_dated_and_going_back_forgets_the_later_days() -> None:
    sent = reach.with_status(idea(), S.SENT, date(2026, 11, 5))
    assert (sent.status, sent.sent_on, sent.drafted_on) == (
        S.SENT,
        date(2026, 11, 5),
        date(2026, 11, 5),
    )
    replied = reach.with_status(sent, S.REPLIED, date(2026, 11, 9))
    assert replied.replied_on == date(2026, 11, 9)
    back = reach.with_status(replied, S.DRAFTED, date(2026, 11, 10))
    assert (back.drafted_on, back.sent_on, back.replied_on) == (date(2026, 11, 5), None, None)
    validate_outreach(back)
    assert [label for _, label in reach.history(replied)] == ["Idea", "Drafted", "Sent", "Replied"]


def test_a_sent_message_calls_for_a_follow_up_after_the_days_chosen() -> None:
    sent = reach.with_status(idea(follow_up_days=7), S.SENT, date(2026, 11, 10))
    assert reach.follow_up_on(sent) == date(2026, 11, 17)
    assert not reach.follow_up_due(sent, date(2026, 11, 16))
    assert reach.follow_up_due(sent, date(2026, 11, 17))
    assert reach.follow_up_on(replace(sent, follow_up_days=None)) is None
    replied = reach.with_status(sent, S.REPLIED, date(2026, 11, 12))
    assert reach.follow_up_on(replied) is None


def test_the_first_message_is_drafted_from_the_template() -> None:
    text = reach.draft_message(idea(), reach.DEFAULT_TEMPLATE)
    assert text.startswith("Hi Ada Lovelace,\n\nYou turned")
    assert "I'm reaching out because to learn how to explain" in text
    assert "Would a 30-minute call every month, on Zoom, work for you?" in text
    # A line whose placeholders are all empty goes; unknown placeholders stay as typed.
    bare = reach.draft_message(idea(why_them="", ask=""), "Hi {name},\n{why_them}\n{ask}\n{nick}")
    assert bare == "Hi Ada Lovelace,\n{nick}\n"
    assert reach.unknown_placeholders("Hi {name} {nick} {purpose}") == ["nick"]


def test_converse_line_reads_as_a_sentence() -> None:
    assert reach.converse_line(idea()) == "A 30-minute call every month, on Zoom."
    written = idea(converse_format=ConverseFormat.WRITTEN, converse_minutes=20, every_days=14)
    assert reach.converse_line(written) == "A written exchange every two weeks, on Zoom."
    assert reach.converse_line(idea(converse_format=None, converse_minutes=None,
                                    every_days=None, channel="")) == ""  # fmt: skip


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (idea(name=" "), "name"),
        (idea(status=S.SENT), "sent_on"),
        (idea(status=S.DRAFTED, drafted_on=date(2026, 10, 1)), "drafted_on"),
        (idea(sent_on=date(2026, 11, 2)), "sent_on"),
        (idea(guide=Guide.COACH), "relationship"),
        (idea(follow_up_days=0), "follow_up_days"),
        (idea(converse_minutes=0), "converse_minutes"),
    ],
)
def test_bad_outreach_is_refused_at_the_field(draft: OutreachDraft, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_outreach(draft)
    assert raised.value.field == field


def test_an_agreed_outreach_becomes_a_mentor_keeping_its_story(services: Services) -> None:
    people = services.people
    o = people.add_outreach(idea()).value
    assert (o.status, o.idea_on) == (S.IDEA, date(2026, 11, 1))
    people.move_outreach(o.id, S.SENT, date(2026, 11, 3))
    assert [f.outreach.name for f in people.follow_ups()] == ["Ada Lovelace"]
    people.move_outreach(o.id, S.REPLIED)
    assert people.follow_ups() == []
    mentor = people.agree_as_mentor(o.id).value
    assert mentor.name == "Ada Lovelace"
    assert mentor.seeking == "to learn how to explain systems work to non-engineers."
    assert (mentor.converse_format, mentor.converse_minutes, mentor.channel) == (
        ConverseFormat.CALL,
        30,
        "Zoom",
    )
    assert mentor.contact_every_days == 30 and mentor.started_on == TODAY
    assert "Why them: You turned" in mentor.notes
    agreed = people.outreach(o.id)
    assert (agreed.status, agreed.closed_on, agreed.mentor_id) == (S.AGREED, TODAY, mentor.id)
    assert [label for _, label in reach.history(agreed)] == [
        "Idea", "Drafted", "Sent", "Replied", "Agreed",
    ]  # fmt: skip
    with pytest.raises(ValidationError, match="already one of your mentors"):
        people.agree_as_mentor(o.id)


def test_an_agreed_coach_outreach_becomes_a_coach_whose_sprints_join_them(
    services: Services,
) -> None:
    people = services.people
    o = people.add_outreach(
        idea(
            name="Maya Lindqvist",
            guide=Guide.COACH,
            relationship=None,
            purpose="Engineering leadership",
        )
    ).value
    coach = people.agree_as_coach(o.id).value
    assert (coach.name, coach.coaches) == ("Maya Lindqvist", "Engineering leadership")
    sprint = services.coaching.create_sprint(
        SprintDraft(
            title="Lead the guild",
            kind=SprintKind.LEADERSHIP,
            coach_name=" maya lindqvist ",
            start_date=date(2026, 11, 20),
            end_date=date(2027, 2, 10),
        )
    ).value
    assert (sprint.coach_id, sprint.coach_name) == (coach.id, "Maya Lindqvist")
    [view] = people.coaches()
    assert [s.title for s in view.sprints] == ["Lead the guild"]
    assert [x.id for x in view.outreach] == [o.id]


def test_renaming_a_coach_renames_their_sprints_coach(services: Services) -> None:
    sprint = services.coaching.create_sprint(
        SprintDraft(
            title="Present with confidence",
            kind=SprintKind.LEADERSHIP,
            coach_name="Sam Ortiz",
            start_date=date(2026, 11, 1),
            end_date=date(2027, 1, 31),
        )
    ).value
    [view] = services.people.coaches()
    outcome = services.people.update_coach(
        view.coach.id, CoachDraft(name="Samantha Ortiz", coaches="Public speaking")
    )
    assert services.coaching.sprint(sprint.id).coach_name == "Samantha Ortiz"
    assert outcome.changes & outcome.changes.SPRINTS
    with pytest.raises(ValidationError, match="already have a coach"):
        services.people.add_coach(CoachDraft(name="samantha ortiz"))
    assert services.journal.check().healthy


def test_a_sprint_without_a_coach_name_has_no_coach(services: Services) -> None:
    sprint = services.coaching.create_sprint(
        SprintDraft(
            title="Solo",
            kind=SprintKind.LEADERSHIP,
            coach_name="   ",
            start_date=date(2026, 11, 1),
            end_date=date(2026, 12, 1),
        )
    ).value
    assert (sprint.coach_id, sprint.coach_name) == (None, "")
    assert services.people.coaches() == []


def test_purging_an_aim_unlinks_what_served_it(services: Services) -> None:
    aim = services.people.add_aim(AimDraft(horizon=AimHorizon.ONE_YEAR, title="Lead a team")).value
    sprint = services.coaching.create_sprint(
        SprintDraft(
            title="Lead",
            kind=SprintKind.LEADERSHIP,
            start_date=date(2026, 11, 1),
            end_date=date(2026, 12, 1),
            serves_id=aim.id,
        )
    ).value
    [view] = services.people.direction()
    assert [s.id for s in view.sprints] == [sprint.id]
    path = services.journal.info().path
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        with con:
            con.execute("DELETE FROM aim WHERE id = ?", (aim.id,))
        assert con.execute("SELECT serves_id FROM sprint").fetchall() == [(None,)]
    finally:
        con.close()


def test_aims_keep_the_users_order_within_each_horizon(services: Services) -> None:
    people = services.people
    for horizon, title in [
        (AimHorizon.FIVE_YEARS, "Run an engineering org"),
        (AimHorizon.ONE_YEAR, "Lead the payments team"),
        (AimHorizon.ONE_YEAR, "Speak at a conference"),
    ]:
        people.add_aim(AimDraft(horizon=horizon, title=title))
    assert [a.title for a in people.aims()] == [
        "Lead the payments team", "Speak at a conference", "Run an engineering org",
    ]  # fmt: skip
    second = people.aims()[1]
    people.move_aim(second.id, -1)
    assert [a.title for a in people.aims()][:2] == [
        "Speak at a conference",
        "Lead the payments team",
    ]
    people.delete_aim(second.id)
    assert [a.title for a in people.aims()] == ["Lead the payments team", "Run an engineering org"]
    people.restore_aim(second.id)
    assert len(people.aims()) == 3
