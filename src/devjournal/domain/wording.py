"""How dates, counts and figures are said to the user (pure, so it is tested without Qt):
the window and every report say them alike."""

from __future__ import annotations

import re
from datetime import date, datetime

from devjournal.domain.enums import MetricKind
from devjournal.domain.models import GoalDraft


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 day``, ``2 days``; ``many`` for irregular plurals."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def number_text(value: float | None) -> str:
    """A figure for reading: ``12``, ``12.5``, ``1,250``, ``0.25`` (two decimals at most;
    empty for None)."""
    if value is None:
        return ""
    if value == round(value):
        return f"{value:,.0f}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def unit_suffix(goal: GoalDraft) -> str:
    """What follows a goal's figures: ``" hours"``, ``"%"``, ``"/5"`` or nothing."""
    if goal.metric_kind is MetricKind.PERCENT:
        return "%"
    if goal.metric_kind is MetricKind.RATING and goal.scale_max:
        return f"/{goal.scale_max}"
    return f" {goal.unit}" if goal.unit else ""


def day_text(day: date) -> str:
    """``20 Dec 2026``: unambiguous in every locale."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def due_phrase(due: date, today: date) -> str:
    """``3 days overdue``, ``due today``, ``due tomorrow``, ``due in 4 days``."""
    days = (due - today).days
    if days < 0:
        return f"{plural(-days, 'day')} overdue"
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"due in {plural(days, 'day')}"


def time_span(days: int) -> str:
    """How long ``days`` is, in the unit a person would use: ``3 days``, ``6 weeks``
    (from two weeks), ``5 months`` (from two months), ``2 years`` (from two years)."""
    days = max(0, days)
    if days < 14:
        return plural(days, "day")
    if days < 60:
        return plural(days // 7, "week")
    if days < 730:
        return plural(days // 30, "month")
    return plural(days // 365, "year")


def days_ago(days: int) -> str:
    """``today``, ``yesterday``, ``12 days ago``, ``6 weeks ago``, ``3 years ago``."""
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{time_span(days)} ago"


def countdown(now: datetime, then: datetime) -> str:
    """``in 3 days``, ``tomorrow``, ``in 2 hours``, ``in 25 minutes``, ``now``.

    Days are counted in calendar days where the user is, so a session tomorrow morning is
    "tomorrow" even when it is less than 24 hours away.
    """
    seconds = (then - now).total_seconds()
    if seconds <= 60:
        return "now" if seconds > -3600 else "started"
    days = (then.astimezone().date() - now.astimezone().date()).days
    if days >= 2:
        return f"in {plural(days, 'day')}"
    if days == 1:
        return "tomorrow"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"in {plural(minutes, 'minute')}"
    return f"in {plural(minutes // 60, 'hour')}"


def sprint_day_phrase(day: int, total: int) -> str:
    """``Day 23 of 84``; before the start, ``Starts in N days`` is the caller's business."""
    return f"Day {day} of {total}"


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")  # "- [ ] item": a task list item
# Asterisks and backticks mark emphasis anywhere; underscores only at word edges
# (CommonMark), so snake_case stays as written.
_EMPHASIS = re.compile(r"(\*\*|\*|`)(\S(?:.*?\S)?)\1|(?<!\w)(__|_)(\S(?:.*?\S)?)\3(?!\w)")


def markdown_lines(text: str) -> list[str]:
    """The non-empty lines of a Markdown list as plain text (markers and emphasis removed)."""
    lines = []
    for raw in text.splitlines():
        unlisted = _TASK_BOX.sub("", _LIST_MARKER.sub("", raw))
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), unlisted)
        line = line.strip()
        if line:
            lines.append(line)
    return lines
