"""Clocks for tests: the code under test never reads the wall clock (one clock, injected)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from devjournal.domain.clock import Clock

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)
"""A fixed "now": Wednesday 18 November 2026, 09:30 UTC."""


def stopped(at: datetime = NOW) -> Clock:
    """A clock that always says ``at``."""
    return lambda: at


class MovingClock:
    """A clock the test moves (``clock.now = ...``): rows are stamped when it says."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def run(argv: Sequence[str], clock: Clock | None = None) -> int:
    """The command line, as ``devjournal ARGV`` runs it, on a stopped clock (:data:`NOW`)."""
    from devjournal.cli import run as cli_run

    return cli_run(argv, clock or stopped())
