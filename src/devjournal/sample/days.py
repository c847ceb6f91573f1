"""Calendar arithmetic the steps share."""

from __future__ import annotations

from datetime import date, timedelta


def monday_on_or_before(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7) if d.weekday() >= 5 else d


def months_between(start: date, end: date) -> range:
    """Month numbers (``year * 12 + month - 1``) from ``start``'s to ``end``'s."""
    return range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
