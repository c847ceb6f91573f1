"""What the Outreach page, Today and ``devjournal mentors`` say of an outreach
(``domain/outreach.py``): a status with its day and the follow-up, the groups in the order
a user acts on them, how we converse in a few lines, the first sprint with an agreed coach;
Today's follow-ups (``storage/today_query.due_follow_ups``) ask the same rule as the page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from devjournal.domain import outreach as reach
from devjournal.domain.enums import ConverseFormat, Guide, OutreachStatus, Relationship, SprintKind
from devjournal.domain.models import MentorDraft, OutreachDraft
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.storage import today_query
from tests.clocks import NOW

S = OutreachStatus
TODAY = NOW.date()


def at(status: OutreachStatus, day: date, name: str = "Ada", **fields: object) -> OutreachDraft:
    draft = OutreachDraft(name=name, idea_on=day - timedelta(days=5), **fields)  # type: ignore[arg-type]
    return reach.dated(reach.with_status(draft, status, day), status, day)


def test_a_status_is_said_with_its_day_and_the_follow_up() -> None:
    sent = at(S.SENT, date(2026, 11, 3))
    assert reach.status_line(sent, date(2026, 11, 5)) == "Sent 3 Nov · follow up 10 Nov"
    assert reach.status_line(sent, date(2026, 11, 10)) == "Sent 3 Nov · follow-up due since 10 Nov"
    assert reach.status_line(replace(sent, follow_up_days=None), TODAY) == "Sent 3 Nov"
    assert reach.status_line(at(S.IDEA, date(2025, 12, 30)), TODAY) == "Idea 30 Dec 2025"
    assert reach.status_line(at(S.NO_REPLY, date(2026, 11, 1)), TODAY) == "No reply 1 Nov"


def test_the_groups_put_what_to_follow_up_on_first_and_the_closed_ones_last() -> None:
    def stored(ident: int, draft: OutreachDraft):  # type: ignore[no-untyped-def]
        from devjournal.domain.models import Outreach

        names = {f: getattr(draft, f) for f in OutreachDraft.__dataclass_fields__}
        return Outreach(id=ident, created_at=NOW, updated_at=NOW, **names)

    listed = [
        stored(1, at(S.AGREED, TODAY - timedelta(days=40), "Agreed")),
        stored(2, at(S.IDEA, TODAY - timedelta(days=9), "Old idea")),
        stored(3, at(S.SENT, TODAY - timedelta(days=3), "Waiting")),
        stored(4, at(S.SENT, TODAY - timedelta(days=20), "Longest due")),
        stored(5, at(S.SENT, TODAY - timedelta(days=8), "Due")),
        stored(6, at(S.IDEA, TODAY - timedelta(days=1), "New idea")),
        stored(7, at(S.REPLIED, TODAY - timedelta(days=1), "Replied")),
        stored(8, at(S.DECLINED, TODAY - timedelta(days=2), "Declined")),
    ]
    groups = reach.in_groups(listed, TODAY)
    assert [(name, [o.name for o in items]) for name, items in groups] == [
        ("Follow up now", ["Longest due", "Due"]),
        ("Ideas", ["New idea", "Old idea"]),
        ("Sent", ["Waiting"]),
        ("Replied", ["Replied"]),
        ("Closed", ["Declined", "Agreed"]),
    ]


def test_how_we_converse_in_a_few_lines() -> None:
    assert reach.converse_lines(None, None, None, "") == []
    assert reach.converse_lines(
        ConverseFormat.CALL, 30, 30, "Zoom", topics="staff path", boundaries="no weekends"
    ) == [
        "A 30-minute call every month, on Zoom.",
        "Topics: staff path",
        "Boundaries: no weekends",
    ]
    assert reach.converse_lines(None, None, None, "", topics="hiring") == ["Topics: hiring"]


def test_an_agreed_coach_starts_a_sprint_on_the_purpose() -> None:
    draft = at(S.AGREED, TODAY, "Kim", guide=Guide.COACH, purpose="Present with confidence")
    sprint = reach.sprint_with(draft, TODAY)
    assert (sprint.title, sprint.coach_name, sprint.focus) == (
        "Coaching with Kim",
        "Kim",
        "Present with confidence",
    )
    assert (sprint.kind, sprint.start_date, sprint.end_date) == (
        SprintKind.PERFORMANCE,
        TODAY,
        TODAY + timedelta(weeks=12),
    )
    assert sprint.session_every_days == 14


def test_today_lists_the_follow_ups_the_page_shows(services: Services, paths: AppPaths) -> None:
    people = services.people
    due = people.add_outreach(at(S.SENT, TODAY - timedelta(days=9), "Grace")).value
    people.add_outreach(at(S.SENT, TODAY - timedelta(days=2), "Not yet"))
    people.add_outreach(at(S.SENT, TODAY - timedelta(days=30), "Never", follow_up_days=None))
    people.add_outreach(at(S.REPLIED, TODAY - timedelta(days=1), "Replied"))
    gone = people.add_outreach(at(S.SENT, TODAY - timedelta(days=20), "Deleted")).value
    people.delete_outreach(gone.id)
    today = services.journal.today()
    assert [(f.outreach_id, f.line) for f in today.follow_ups] == [
        (due.id, "Grace (mentor): sent 9 Nov 2026, no reply yet")
    ]
    assert [f.outreach.id for f in people.follow_ups()] == [due.id]
    conn = today_query.connect(paths.journal)
    try:
        assert today_query.read_today(conn, TODAY, NOW).follow_ups == today.follow_ups
    finally:
        conn.close()


def test_today_says_how_we_converse_before_a_touchpoint(services: Services) -> None:
    services.mentorship.add_mentor(
        MentorDraft(
            name="Ada",
            relationship=Relationship.TRADITIONAL,
            contact_every_days=30,
            started_on=TODAY - timedelta(days=90),
            converse_format=ConverseFormat.MEETING,
            converse_minutes=45,
            channel="the office",
            boundaries="Not on Fridays",
        )
    )
    [due] = services.journal.today().touchpoints
    assert due.converse == (
        "A 45-minute meeting every month, on the office.",
        "Boundaries: Not on Fridays",
    )


def test_moving_back_a_step_in_the_form_keeps_the_day_it_shows(services: Services) -> None:
    """The form shows a step's stored day; saved so, it is kept (not stamped today)."""
    people = services.people
    sent = at(S.SENT, TODAY - timedelta(days=5))
    replied = reach.with_status(sent, S.REPLIED, TODAY - timedelta(days=2))
    ident = people.add_outreach(replied).value.id
    stored = people.outreach(ident)
    sent_on = stored.sent_on
    assert sent_on is not None and sent_on < TODAY
    back = reach.with_status(_draft(stored), S.SENT, sent_on)
    moved = people.update_outreach(ident, back).value
    assert (moved.status, moved.sent_on, moved.replied_on) == (S.SENT, sent_on, None)
    typed = reach.dated(reach.with_status(_draft(moved), S.REPLIED, TODAY), S.REPLIED, TODAY)
    again = people.update_outreach(ident, typed).value
    assert (again.status, again.replied_on) == (S.REPLIED, TODAY)


def _draft(o: object) -> OutreachDraft:
    return OutreachDraft(**{f: getattr(o, f) for f in OutreachDraft.__dataclass_fields__})
