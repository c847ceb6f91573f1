"""Which backups to keep: everything from the last 2 days; beyond that, the newest backup
of each of the 12 most recent days, 10 most recent weeks and 9 most recent months that
have one (each rule on its own, as restic's ``forget`` does; a backup kept by any rule is
kept). The rest are pruned. The three counts are the user's to change (Preferences)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from devjournal.domain.errors import ValidationError

RECENT = timedelta(days=2)
DAILY, WEEKLY, MONTHLY = 12, 10, 9
MOST = 999
"""The most of each a user can ask to keep."""


@dataclass(frozen=True)
class Retention:
    """How many of the newest days, weeks and months keep a backup each (beyond the last
    two days, which keep every one)."""

    daily: int = DAILY
    weekly: int = WEEKLY
    monthly: int = MONTHLY

    def __post_init__(self) -> None:
        for name in ("daily", "weekly", "monthly"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= MOST:
                raise ValidationError({name: f"Keep 0 to {MOST} {name} backups, not {value!r}."})

    def describe(self) -> str:
        """The rule in words, for the Preferences and the Backups dialog."""
        return (
            f"every backup of the last 2 days, then the newest of each of the last "
            f"{_count(self.daily, 'day')}, {_count(self.weekly, 'week')} and "
            f"{_count(self.monthly, 'month')}"
        )


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


DEFAULT = Retention()


def to_keep(made: Iterable[datetime], now: datetime, keep: Retention = DEFAULT) -> set[datetime]:
    """The backup times (of ``made``) to keep at ``now``. A backup in the future (a clock
    set back) is kept: it is never pruned by mistake."""
    times = sorted(set(made), reverse=True)
    kept = {t for t in times if t >= now - RECENT}  # (and any in the future)
    older = [t for t in times if t < now - RECENT]
    for count, period in ((keep.daily, _day), (keep.weekly, _week), (keep.monthly, _month)):
        seen: set[tuple[int, ...]] = set()
        for moment in older:  # newest first: the first of a period is its newest
            key = period(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.add(moment)
    return kept


def _day(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: datetime) -> tuple[int, ...]:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)
