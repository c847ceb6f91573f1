"""Which backups to keep: everything from the last 2 days; beyond that, the newest backup
of each of the 12 most recent days, 10 most recent weeks and 9 most recent months that
have one (each rule on its own, as restic's ``forget`` does; a backup kept by any rule is
kept). The rest are pruned."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

RECENT = timedelta(days=2)
DAILY, WEEKLY, MONTHLY = 12, 10, 9


def to_keep(made: Iterable[datetime], now: datetime) -> set[datetime]:
    """The backup times (of ``made``) to keep at ``now``. A backup in the future (a clock
    set back) is kept: it is never pruned by mistake."""
    times = sorted(set(made), reverse=True)
    keep = {t for t in times if t >= now - RECENT}  # (and any in the future)
    older = [t for t in times if t < now - RECENT]
    for count, period in ((DAILY, _day), (WEEKLY, _week), (MONTHLY, _month)):
        seen: set[tuple[int, ...]] = set()
        for moment in older:  # newest first: the first of a period is its newest
            key = period(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(moment)
    return keep


def _day(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: datetime) -> tuple[int, ...]:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)
