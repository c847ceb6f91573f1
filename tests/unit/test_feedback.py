"""Feedback you can act on (``domain/feedback.py``, the mentorship service): a priority
from impact and how often it was heard, the prioritised order, themes counted over time,
details kept with the entry, and feedback turned into a goal or an action item."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from devjournal.domain.enums import EntryKind, GoalStatus, Heard, Impact, SprintKind
from devjournal.domain.errors import ValidationError
from devjournal.domain.feedback import (
    FeedbackEntry,
    FeedbackFilter,
    FeedbackItem,
    Priority,
    Show,
    group_of,
    prioritised,
    priority,
    themes,
    why,
)
from devjournal.domain.models import (
    ActionItemDraft,
    FeedbackDetails,
    GoalDraft,
    LogEntry,
    LogEntryDraft,
    SprintDraft,
)
from devjournal.domain.rules import TEXT_MAX
from devjournal.sample.journal import SampleSize
from devjournal.services.container import Services
from devjournal.storage.database import Database
from tests.clocks import NOW


@pytest.mark.parametrize(
    ("impact", "heard", "expected"),
    [
        (Impact.HIGH, Heard.PATTERN, Priority.HIGH),
        (Impact.HIGH, Heard.AGAIN, Priority.HIGH),
        (Impact.MEDIUM, Heard.PATTERN, Priority.HIGH),
        (Impact.HIGH, Heard.FIRST, Priority.MEDIUM),
        (Impact.MEDIUM, Heard.AGAIN, Priority.MEDIUM),
        (Impact.LOW, Heard.PATTERN, Priority.MEDIUM),
        (Impact.MEDIUM, Heard.FIRST, Priority.LOW),
        (Impact.LOW, Heard.AGAIN, Priority.LOW),
        (Impact.LOW, Heard.FIRST, Priority.LOW),
        (None, Heard.PATTERN, Priority.UNREAD),
        (Impact.HIGH, None, Priority.UNREAD),
    ],
)
def test_priority_follows_from_impact_and_how_often_it_was_heard(
    impact: Impact | None, heard: Heard | None, expected: Priority
) -> None:
    assert priority(FeedbackDetails(impact=impact, heard=heard)) is expected


def test_the_reason_is_said_in_words() -> None:
    assert why(FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN)) == "High impact, a pattern"
    assert why(FeedbackDetails(heard=Heard.FIRST)) == "First time"
    assert why(FeedbackDetails()) == "Not weighed yet"


def _item(ident: int, days_ago: int, details: FeedbackDetails, *tags: str) -> FeedbackItem:
    entry = FeedbackEntry(ident, f"feedback {ident}", NOW - timedelta(days=days_ago), tags)
    return FeedbackItem(entry, details)


def test_the_view_puts_open_feedback_first_unread_then_by_priority_newest_first() -> None:
    high = FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN)
    low = FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST)
    items = [
        _item(1, 10, low),
        _item(2, 50, high),
        _item(3, 5, high),
        _item(4, 1, replace(high, done="Started giving ranges")),
        _item(5, 90, FeedbackDetails()),
        _item(6, 2, replace(low, action_id=7)),
    ]
    assert [i.entry.id for i in prioritised(items)] == [5, 3, 2, 1, 4, 6]


def test_themes_are_counted_most_heard_first_with_the_last_year_apart() -> None:
    acted = FeedbackDetails(done="Did it")
    items = [
        _item(1, 10, acted, "estimation"),
        _item(2, 400, FeedbackDetails(), "Estimation", "communication"),
        _item(3, 30, FeedbackDetails(), "communication"),
        _item(4, 800, FeedbackDetails(), "estimation"),
    ]
    found = themes(items, NOW.date())
    assert [(t.name, t.count, t.recent, t.acted_on) for t in found] == [
        ("estimation", 3, 1, 1),
        ("communication", 2, 1, 0),
    ]


def _feedback(services: Services, details: FeedbackDetails | None = None) -> LogEntry:
    return services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.FEEDBACK,
            occurred_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
            title="Estimates read as promises",
            body="Give a range.",
            tags=("estimation",),
        ),
        details,
    ).value


def test_details_are_kept_with_a_feedback_entry_and_read_back(services: Services) -> None:
    details = FeedbackDetails(
        given_by="My manager",
        context="1:1",
        reading="I give the best case",
        impact=Impact.HIGH,
        heard=Heard.AGAIN,
    )
    entry = _feedback(services, details)

    assert services.mentorship.feedback_details(entry.id) == details
    (item,) = services.mentorship.feedback_items()
    assert (item.entry.id, item.priority, item.source) == (entry.id, Priority.HIGH, "My manager")


def test_existing_feedback_without_details_waits_to_be_weighed(services: Services) -> None:
    entry = _feedback(services)
    (item,) = services.mentorship.feedback_items()
    assert item.entry.id == entry.id and item.priority is Priority.UNREAD
    assert item.source == ""


def test_editing_without_details_keeps_them_and_a_change_of_kind_drops_them(
    services: Services,
) -> None:
    entry = _feedback(services, FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST))
    draft = LogEntryDraft(
        kind=EntryKind.FEEDBACK, occurred_at=entry.occurred_at, title="Renamed", tags=entry.tags
    )
    services.mentorship.update_entry(entry.id, draft)
    assert services.mentorship.feedback_details(entry.id).impact is Impact.LOW

    services.mentorship.update_entry(entry.id, replace(draft, kind=EntryKind.LESSON))
    assert services.mentorship.feedback_details(entry.id) == FeedbackDetails()
    assert services.mentorship.feedback_items() == []


def test_bad_details_are_refused_at_their_field_and_nothing_is_written(
    services: Services,
) -> None:
    with pytest.raises(ValidationError) as caught:
        _feedback(services, FeedbackDetails(reading="x" * (TEXT_MAX + 1)))
    assert caught.value.field == "reading"
    with pytest.raises(ValidationError) as caught:
        _feedback(services, FeedbackDetails(session_id=999))
    assert caught.value.field == "session_id"
    assert services.mentorship.feedback_items() == []


def _sprint(services: Services) -> int:
    today = NOW.date()
    return services.coaching.create_sprint(
        SprintDraft(
            title="Q4",
            kind=SprintKind.PERFORMANCE,
            start_date=today - timedelta(days=10),
            end_date=today + timedelta(days=50),
        )
    ).value.id


def test_feedback_turned_into_a_goal_and_an_action_keeps_both_as_what_was_done(
    services: Services,
) -> None:
    entry = _feedback(services, FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN))
    sprint_id = _sprint(services)
    goal = services.coaching.add_goal(
        GoalDraft(sprint_id=sprint_id, title="Estimate in ranges", status=GoalStatus.DRAFT),
        from_feedback=entry.id,
    ).value
    action = services.coaching.add_action(
        ActionItemDraft(sprint_id=sprint_id, title="Ask Sam how they estimate"),
        from_feedback=entry.id,
    ).value

    details = services.mentorship.feedback_details(entry.id)
    assert (details.goal_id, details.action_id, details.impact) == (goal.id, action.id, Impact.HIGH)
    (item,) = services.mentorship.feedback_items()
    assert item.acted_on


def test_only_feedback_can_be_turned_into_a_goal(services: Services) -> None:
    lesson = services.mentorship.add_entry(
        LogEntryDraft(kind=EntryKind.LESSON, occurred_at=NOW, title="A lesson")
    ).value
    sprint_id = _sprint(services)
    with pytest.raises(ValidationError):
        services.coaching.add_goal(
            GoalDraft(sprint_id=sprint_id, title="From a lesson", status=GoalStatus.DRAFT),
            from_feedback=lesson.id,
        )
    assert services.coaching.goals_of(sprint_id) == []


def test_the_sample_journal_has_a_year_of_feedback_with_recurring_themes(
    services: Services,
) -> None:
    services.journal.fill_sample(SampleSize.SMALL)
    items = services.mentorship.feedback_items()
    year_ago = NOW - timedelta(days=365)
    recent = [i for i in items if i.entry.occurred_at >= year_ago]
    assert len(recent) >= 8
    assert {i.priority for i in items} >= {Priority.HIGH, Priority.MEDIUM, Priority.LOW}
    assert any(i.details.heard is Heard.PATTERN for i in items)
    assert any(i.acted_on for i in items) and any(i.details.session_id for i in items)
    top = themes(items, date(2026, 11, 18))
    assert top[0].count >= 3


def test_the_sql_of_the_feedback_page_agrees_with_the_domain(services: Services) -> None:
    """Every combination of impact, heard, what was done and what was made of it: the
    order, the headings and the themes read by SQL are those of ``domain/feedback.py``."""
    sprint_id = _sprint(services)
    goal_id = services.coaching.add_goal(
        GoalDraft(sprint_id=sprint_id, title="Made of it", status=GoalStatus.DRAFT)
    ).value.id
    day = 0
    for impact in (None, *Impact):
        for heard in (None, *Heard):
            for done in ("", "Did it", " \n\t"):
                for goal in (None, goal_id):
                    day += 1
                    services.mentorship.add_entry(
                        LogEntryDraft(
                            kind=EntryKind.FEEDBACK,
                            occurred_at=NOW - timedelta(days=day % 40, hours=day),
                            title=f"piece {day}",
                            tags=("Alpha", "beta")[: day % 3],
                        ),
                        FeedbackDetails(impact=impact, heard=heard, done=done, goal_id=goal),
                    )
    _feedback(services)  # and one without details at all
    ms = services.mentorship
    by_domain = prioritised(ms.feedback_items())
    view = ms.feedback_view(FeedbackFilter(Show.ALL), limit=1000)
    assert [i.entry.id for i in view.items] == [i.entry.id for i in by_domain]
    assert view.groups == dict(Counter(group_of(i) for i in by_domain))
    assert view.listed == view.total == len(by_domain)
    assert view.still_open == sum(not i.acted_on for i in by_domain)
    assert list(view.themes) == themes(by_domain, NOW.date())

    open_only = ms.feedback_view(FeedbackFilter(Show.OPEN, "alpha"), limit=5)
    expected = [i for i in by_domain if not i.acted_on and "Alpha" in i.entry.tags]
    assert [i.entry.id for i in open_only.items] == [i.entry.id for i in expected[:5]]
    assert open_only.listed == len(expected)


def test_where_each_piece_is_filed_follows_every_change_and_check_sees_a_wrong_one(
    services: Services, db: Database
) -> None:
    """``log_entry.feedback_rank`` (revision 0008) is kept by triggers: details added and
    changed, a goal it was turned into removed from the journal (its link set to NULL by
    SQLite), the entry no longer Feedback; ``check`` names a wrong one and ``check
    --repair`` files it again."""
    ms = services.mentorship

    def filed(entry_id: int) -> int | None:
        with db.raw_connection() as conn:
            row = conn.execute("SELECT feedback_rank FROM log_entry WHERE id = ?", (entry_id,))
            return row.fetchone()[0]

    entry = _feedback(services)
    assert filed(entry.id) == 0  # not weighed yet
    draft = LogEntryDraft(
        kind=EntryKind.FEEDBACK,
        occurred_at=entry.occurred_at,
        title=entry.title,
        body=entry.body,
        tags=entry.tags,
    )
    ms.update_entry(entry.id, draft, FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN))
    assert filed(entry.id) == 1  # high
    goal_id = services.coaching.add_goal(
        GoalDraft(sprint_id=_sprint(services), title="Ranges", status=GoalStatus.DRAFT)
    ).value.id
    ms.update_entry(
        entry.id,
        draft,
        FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST, goal_id=goal_id),
    )
    assert filed(entry.id) == 4 + 3  # acted on (a goal), low
    with db.raw_connection() as conn:
        conn.execute("DELETE FROM goal WHERE id = ?", (goal_id,))  # purged: link SET NULL
        conn.commit()
    assert filed(entry.id) == 3
    ms.update_entry(entry.id, replace(draft, kind=EntryKind.LESSON))
    assert filed(entry.id) is None
    assert services.journal.check().healthy
    ms.update_entry(entry.id, draft, FeedbackDetails(impact=Impact.MEDIUM, heard=Heard.AGAIN))
    with db.raw_connection() as conn:
        conn.execute("UPDATE log_entry SET feedback_rank = 6 WHERE id = ?", (entry.id,))
        conn.commit()
    report = services.journal.check()
    assert f"Feedback order: entry {entry.id} is filed where its details do not put it" in (
        report.index
    )
    services.journal.rebuild_search_index()
    assert filed(entry.id) == 2  # medium, as its details say
    assert services.journal.check().healthy
