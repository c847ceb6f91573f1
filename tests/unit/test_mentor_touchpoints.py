"""Keeping in touch and "did it work?": the domain's rules, Today's read of them (plain SQL)
and the mentorship service's answers to "did it work?"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from devjournal.domain.enums import AdviceStatus, EntryKind, Relationship
from devjournal.domain.errors import ValidationError
from devjournal.domain.mentors import (
    TRYING_FOR_DAYS,
    ask_if_it_worked,
    mentor_lines,
    touchpoint_due,
    touchpoint_due_on,
    trying_since,
)
from devjournal.domain.models import LogEntryDraft, Mentor, MentorDraft
from devjournal.domain.wording import days_ago, time_span
from devjournal.paths import AppPaths
from devjournal.services.container import Services, build_services
from devjournal.storage import today_query
from tests.clocks import NOW, MovingClock
from tests.conftest import open_new_journal

TODAY = NOW.date()  # tests run in UTC


def due_on(**changes: object) -> date | None:
    """:func:`touchpoint_due_on` for a peer met every 30 days, last in touch 10 days ago."""
    facts: dict[str, object] = {
        "relationship": Relationship.PEER,
        "contact_every_days": 30,
        "started_on": date(2025, 1, 1),
        "ended_on": None,
        "last_contact": NOW - timedelta(days=10),
        "today": TODAY,
    }
    facts.update(changes)
    return touchpoint_due_on(**facts)  # type: ignore[arg-type]


def test_a_touchpoint_falls_due_once_the_last_contact_is_older_than_the_rhythm() -> None:
    assert due_on() == TODAY + timedelta(days=21)
    assert due_on(last_contact=NOW - timedelta(days=30)) == TODAY + timedelta(days=1)  # on time
    assert due_on(last_contact=NOW - timedelta(days=31)) == TODAY  # one day past: due
    assert due_on(last_contact=NOW - timedelta(days=100)) == TODAY - timedelta(days=69)


def test_never_in_touch_counts_from_the_start_or_is_due_at_once() -> None:
    assert due_on(last_contact=None, started_on=TODAY - timedelta(days=5)) == TODAY + timedelta(
        days=26
    )
    assert due_on(last_contact=None, started_on=None) == TODAY


def test_from_afar_without_a_rhythm_or_ended_there_is_no_touchpoint() -> None:
    long_ago = NOW - timedelta(days=400)
    assert due_on(relationship=Relationship.FROM_AFAR, last_contact=long_ago) is None
    assert due_on(contact_every_days=None, last_contact=long_ago) is None
    assert due_on(contact_every_days=0, last_contact=long_ago) is None
    assert due_on(ended_on=TODAY, last_contact=long_ago) is None
    assert due_on(ended_on=TODAY - timedelta(days=1), last_contact=long_ago) is None
    # An end still to come: the relationship goes on until then.
    assert due_on(ended_on=TODAY + timedelta(days=1), last_contact=long_ago) is not None


def test_the_mentor_list_and_the_mentor_page_ask_the_same_rule() -> None:
    def mentor(ident: int, relationship: Relationship) -> Mentor:
        return Mentor(
            id=ident,
            name=f"M{ident}",
            relationship=relationship,
            contact_every_days=7,
            created_at=NOW,
            updated_at=NOW,
        )

    peer, afar = mentor(1, Relationship.PEER), mentor(2, Relationship.FROM_AFAR)
    last = {1: NOW - timedelta(days=8), 2: NOW - timedelta(days=8)}
    lines = mentor_lines([peer, afar], last, TODAY)
    assert [(line.due, line.due_on) for line in lines] == [(True, TODAY), (False, None)]
    assert touchpoint_due(peer, last[1], TODAY) and not touchpoint_due(afar, last[2], TODAY)


def test_advice_is_asked_about_after_three_weeks_of_trying() -> None:
    given = NOW - timedelta(days=40)
    # Never changed since written (written already "trying it"): counts from the advice.
    assert trying_since(given, NOW, NOW) == given
    assert ask_if_it_worked(AdviceStatus.TRYING, given, NOW, NOW, NOW)
    # Changed since: counts from the change (marked "trying it", or "still trying").
    marked = NOW - timedelta(days=5)
    assert trying_since(given, given, marked) == marked
    # Stamped a moment apart as it was written (each stamp reads the clock): not a change.
    assert trying_since(given, NOW, NOW + timedelta(seconds=59)) == given
    assert trying_since(given, NOW, NOW + timedelta(seconds=61)) == NOW + timedelta(seconds=61)
    assert not ask_if_it_worked(AdviceStatus.TRYING, given, given, marked, NOW)
    edge = NOW - timedelta(days=TRYING_FOR_DAYS)
    assert not ask_if_it_worked(AdviceStatus.TRYING, edge, NOW, NOW, NOW)  # exactly 3 weeks
    just_past = edge - timedelta(seconds=1)
    assert ask_if_it_worked(AdviceStatus.TRYING, just_past, NOW, NOW, NOW)
    for status in (AdviceStatus.NEW, AdviceStatus.WORKED, AdviceStatus.PARKED, None):
        assert not ask_if_it_worked(status, given, NOW, NOW, NOW)


def test_how_long_ago_is_said_in_the_unit_a_person_would_use() -> None:
    assert [days_ago(d) for d in (0, 1, 12, 13, 14, 42, 59, 60, 400, 729, 730)] == [
        "today",
        "yesterday",
        "12 days ago",
        "13 days ago",
        "2 weeks ago",
        "6 weeks ago",
        "8 weeks ago",
        "2 months ago",
        "13 months ago",
        "24 months ago",
        "2 years ago",
    ]
    assert time_span(TRYING_FOR_DAYS) == "3 weeks" and time_span(1) == "1 day"


# -- Today's read ---------------------------------------------------------------------------
@pytest.fixture
def moving() -> MovingClock:
    return MovingClock(NOW - timedelta(days=100))


@pytest.fixture
def timed(paths: AppPaths, journal_template: Path, moving: MovingClock) -> Iterator[Services]:
    """Services over a new journal whose rows are stamped by :func:`moving`."""
    database = open_new_journal(journal_template, paths, moving)
    yield build_services(database, paths.backups)
    database.close()


def add_mentor(services: Services, name: str, **fields: object) -> Mentor:
    draft = MentorDraft(name=name, relationship=Relationship.PEER, contact_every_days=30)
    return services.mentorship.add_mentor(replace(draft, **fields)).value  # type: ignore[arg-type]


def talk(services: Services, mentor: Mentor, days_ago_: int) -> None:
    services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.CONVERSATION,
            occurred_at=NOW - timedelta(days=days_ago_),
            title=f"Talked with {mentor.name}",
            mentor_id=mentor.id,
        )
    )


def test_today_lists_the_mentors_a_touchpoint_is_due_with(
    timed: Services, moving: MovingClock, paths: AppPaths
) -> None:
    ada = add_mentor(timed, "Ada")
    talk(timed, ada, 45)
    talk(timed, ada, 40)  # the newest counts
    add_mentor(timed, "Grace", started_on=date(2026, 1, 1))  # never in touch
    recent = add_mentor(timed, "Recent")
    talk(timed, recent, 30)  # on time
    afar = add_mentor(timed, "Afar", relationship=Relationship.FROM_AFAR)
    talk(timed, afar, 400)
    ended = add_mentor(timed, "Ended", ended_on=date(2026, 6, 1))
    talk(timed, ended, 400)
    add_mentor(timed, "No rhythm", contact_every_days=None)
    gone = add_mentor(timed, "Gone")
    talk(timed, gone, 400)
    timed.mentorship.delete_mentor(gone.id)
    deleted_talk = add_mentor(timed, "Deleted talk")
    talk(timed, deleted_talk, 50)
    talk(timed, deleted_talk, 2)
    newest = timed.mentorship.entries_of_mentor(deleted_talk.id)[-1]
    timed.mentorship.delete_entry(newest.id)  # its last live contact is 50 days ago
    moving.now = NOW

    today = timed.journal.today()
    shown = [(d.name, d.last_contact, d.due_on) for d in today.touchpoints]
    assert shown == [
        ("Grace", None, date(2026, 2, 1)),  # due the longest first
        ("Deleted talk", NOW - timedelta(days=50), TODAY - timedelta(days=19)),
        ("Ada", NOW - timedelta(days=40), TODAY - timedelta(days=9)),
    ]
    # The start-up path (the standard library's sqlite3) reads the same.
    conn = today_query.connect(paths.journal)
    try:
        assert today_query.read_today(conn, TODAY, NOW).touchpoints == today.touchpoints
    finally:
        conn.close()


def advice(services: Services, title: str, given_days_ago: int, **fields: object) -> int:
    draft = LogEntryDraft(
        kind=EntryKind.ADVICE,
        occurred_at=NOW - timedelta(days=given_days_ago),
        title=title,
        advice_status=AdviceStatus.TRYING,
    )
    return services.mentorship.add_entry(replace(draft, **fields)).value.id  # type: ignore[arg-type]


def test_today_asks_about_advice_tried_for_three_weeks(
    timed: Services, moving: MovingClock
) -> None:
    ms = timed.mentorship
    mentor = add_mentor(timed, "Ada")
    moving.now = NOW - timedelta(days=60)
    old = advice(timed, "Old, written trying", 60, mentor_id=mentor.id)
    marked_late = advice(timed, "Marked trying last week", 60, advice_status=AdviceStatus.NEW)
    marked_early = advice(timed, "Marked trying a month ago", 60, advice_status=AdviceStatus.NEW)
    advice(timed, "Worked already", 60, advice_status=AdviceStatus.WORKED)
    ms.delete_entry(advice(timed, "Deleted", 60))
    moving.now = NOW - timedelta(days=30)
    ms.mark_advice(marked_early, AdviceStatus.TRYING)
    moving.now = NOW - timedelta(days=7)
    ms.mark_advice(marked_late, AdviceStatus.TRYING)
    moving.now = NOW
    advice(timed, "Given a fortnight ago", 14)
    advice(timed, "Given exactly three weeks ago", TRYING_FOR_DAYS)
    ms.add_entry(LogEntryDraft(kind=EntryKind.WIN, occurred_at=NOW, title="A win"))

    today = timed.journal.today()
    assert [(a.title, a.mentor_name, a.since) for a in today.tried_advice] == [
        ("Old, written trying", "Ada", NOW - timedelta(days=60)),
        ("Marked trying a month ago", "", NOW - timedelta(days=30)),
    ]
    assert today.tried_advice_count == 2
    assert {a.id for a in today.tried_advice} == {old, marked_early}


def test_today_shows_the_longest_tried_advice_first_and_counts_the_rest(
    timed: Services, moving: MovingClock
) -> None:
    moving.now = NOW
    ids = [advice(timed, f"Advice {n}", 30 + n) for n in range(today_query.TRIED_ADVICE + 2)]
    today = timed.journal.today()
    assert [a.id for a in today.tried_advice] == ids[::-1][: today_query.TRIED_ADVICE]
    assert today.tried_advice_count == len(ids)


def test_the_query_and_the_domain_agree_on_since_when_advice_is_tried(
    timed: Services, moving: MovingClock, paths: AppPaths
) -> None:
    """``TRYING_SINCE_SQL`` is ``trying_since`` in SQL: every entry the one asks about, the
    other does, at every moment around the three weeks."""
    ms = timed.mentorship
    for given in (10, 22, 25, 40):
        moving.now = NOW - timedelta(days=30)
        written = advice(timed, f"Given {given}", given, advice_status=AdviceStatus.NEW)
        moving.now = NOW - timedelta(days=given // 2)
        ms.mark_advice(written, AdviceStatus.TRYING)
        advice(timed, f"Unedited {given}", given)
        quick = advice(timed, f"Marked at once {given}", given, advice_status=AdviceStatus.NEW)
        moving.now += timedelta(seconds=30)
        ms.mark_advice(quick, AdviceStatus.TRYING)  # as good as written "trying it"
    conn = today_query.connect(paths.journal)
    try:
        for hours in range(0, 30 * 24, 7):
            now = NOW - timedelta(days=10) + timedelta(hours=hours)
            found, total = today_query.tried_advice(conn, now, limit=100)
            expected = sorted(
                (trying_since(e.occurred_at, e.created_at, e.updated_at), e.id)
                for e in ms.recent_advice()
                if ask_if_it_worked(e.advice_status, e.occurred_at, e.created_at, e.updated_at, now)
            )
            assert [(a.since, a.id) for a in found] == expected, now
            assert total == len(expected)
    finally:
        conn.close()


# -- the service ----------------------------------------------------------------------------
def test_marking_advice_and_undoing_it(timed: Services, moving: MovingClock) -> None:
    ms = timed.mentorship
    moving.now = NOW - timedelta(days=30)
    entry = ms.entry(advice(timed, "Say no more often", 30, tags=("focus",)))
    moving.now = NOW

    worked = ms.mark_advice(entry.id, AdviceStatus.WORKED).value
    assert worked.advice_status is AdviceStatus.WORKED
    assert (worked.title, worked.tags, worked.occurred_at) == (
        entry.title,
        entry.tags,
        entry.occurred_at,
    )
    assert timed.journal.today().tried_advice == ()
    back = ms.unmark_advice(entry).value
    assert (back.advice_status, back.updated_at) == (AdviceStatus.TRYING, entry.updated_at)
    assert [a.id for a in timed.journal.today().tried_advice] == [entry.id]

    # "Still trying" touches the entry: asked again three weeks from now.
    still = ms.mark_advice(entry.id, AdviceStatus.TRYING).value
    assert still.advice_status is AdviceStatus.TRYING and still.updated_at == NOW
    assert timed.journal.today().tried_advice == ()
    moving.now = NOW + timedelta(days=TRYING_FOR_DAYS, seconds=1)
    assert [a.id for a in timed.journal.today().tried_advice] == [entry.id]


def test_only_advice_has_a_status(timed: Services) -> None:
    win = timed.mentorship.add_entry(
        LogEntryDraft(kind=EntryKind.WIN, occurred_at=NOW, title="Shipped")
    ).value
    with pytest.raises(ValidationError):
        timed.mentorship.mark_advice(win.id, AdviceStatus.WORKED)
    assert timed.mentorship.entry(win.id).advice_status is None
