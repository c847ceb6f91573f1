"""Time as the rest of the code sees it: injected, so tests can fix "now"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


def local_today(clock: Clock) -> date:
    """Today's date where the user is."""
    return clock().astimezone().date()
