"""How dates are said, and day X of Y."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from devjournal.domain.enums import SprintKind
from devjournal.domain.overview import ActiveSprint, sprint_standing
from devjournal.domain.wording import countdown, due_phrase, markdown_lines, plural


def sprint(start: date, end: date) -> ActiveSprint:
    return ActiveSprint(
        id=1,
        title="S",
        kind=SprintKind.SKILLS,
        coach_name="",
        focus="",
        start_date=start,
        end_date=end,
        goal_count=0,
    )


def test_plural() -> None:
    assert plural(1, "day") == "1 day"
    assert plural(2, "day") == "2 days"
    assert plural(1200, "entry", "entries") == "1,200 entries"


def test_due_phrase() -> None:
    today = date(2026, 11, 18)
    assert due_phrase(date(2026, 11, 15), today) == "3 days overdue"
    assert due_phrase(date(2026, 11, 17), today) == "1 day overdue"
    assert due_phrase(today, today) == "due today"
    assert due_phrase(date(2026, 11, 19), today) == "due tomorrow"
    assert due_phrase(date(2026, 11, 22), today) == "due in 4 days"


def test_countdown() -> None:
    now = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    assert countdown(now, now + timedelta(minutes=25)) == "in 25 minutes"
    assert countdown(now, now + timedelta(hours=3)) == "in 3 hours"
    assert countdown(now, now + timedelta(days=3)) == "in 3 days"
    assert countdown(now, now) == "now"


def test_day_x_of_y() -> None:
    s = sprint(date(2026, 11, 1), date(2026, 11, 30))
    first = sprint_standing(s, date(2026, 11, 1))
    assert (first.day, first.total_days, first.days_left) == (1, 30, 29)
    last = sprint_standing(s, date(2026, 11, 30))
    assert (last.day, last.days_left, last.fraction) == (30, 0, 1.0)
    after = sprint_standing(s, date(2027, 1, 1))
    assert after.day == 30
    before = sprint_standing(s, date(2026, 10, 1))
    assert before.day == 0 and before.fraction == 0.0


def test_markdown_lines_are_plain_text() -> None:
    agenda = (
        "- Progress on *Ship the crate* vs. the plan\n\n* **Energy** check\n"
        "1. Review `cargo` output\n  + snake_case_name stays\n"
    )
    assert markdown_lines(agenda) == [
        "Progress on Ship the crate vs. the plan",
        "Energy check",
        "Review cargo output",
        "snake_case_name stays",
    ]
