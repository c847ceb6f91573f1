"""Backup retention: the last 2 days whole, then 12 daily, 10 weekly, 9 monthly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devjournal.domain.retention import to_keep

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_everything_from_the_last_two_days_is_kept() -> None:
    made = [NOW - timedelta(minutes=30 * n) for n in range(96)]  # every half hour, 2 days
    assert to_keep(made, NOW) == set(made)


def test_older_backups_thin_out_to_daily_weekly_monthly() -> None:
    made = [NOW - timedelta(hours=6 * n) for n in range(4 * 400)]  # 4 a day for 400 days
    kept = to_keep(made, NOW)
    recent = {t for t in made if NOW - t <= timedelta(days=2)}
    older = sorted(kept - recent, reverse=True)
    days = {t.date() for t in older if NOW - t <= timedelta(days=14)}
    assert len(days) == 12  # one a day for the 12 days before the last two
    assert len({t.isocalendar()[:2] for t in older}) >= 10
    assert len({(t.year, t.month) for t in older}) >= 9
    assert len(kept) < len(recent) + 12 + 10 + 9 + 1
    # Each kept older backup is the newest older one of its day, week or month.
    candidates = [m for m in made if m not in recent]
    for t in older:
        newest = [
            max(m for m in candidates if key(m) == key(t))
            for key in (
                lambda m: m.date(),
                lambda m: m.isocalendar()[:2],
                lambda m: (m.year, m.month),
            )
        ]
        assert t in newest


@given(st.lists(st.integers(0, 3 * 365 * 24), max_size=300))
def test_the_newest_backup_is_always_kept_and_nothing_new_is_lost(hours: list[int]) -> None:
    made = [NOW - timedelta(hours=h) for h in hours]
    kept = to_keep(made, NOW)
    assert kept <= set(made)
    if made:
        assert max(made) in kept
    assert all(t in kept for t in made if NOW - t <= timedelta(days=2))
    assert len(kept) <= len({t for t in made if NOW - t <= timedelta(days=2)}) + 31


def test_a_backup_from_the_future_is_kept() -> None:
    ahead = NOW + timedelta(days=3)
    assert ahead in to_keep([ahead, NOW - timedelta(days=100)], NOW)


def test_retention_keeps_as_many_as_chosen() -> None:
    from datetime import UTC, datetime, timedelta

    from devjournal.domain.errors import ValidationError
    from devjournal.domain.retention import Retention, to_keep

    now = datetime(2026, 12, 6, 12, tzinfo=UTC)
    daily = [now - timedelta(days=d) for d in range(3, 40)]
    assert len(to_keep(daily, now, Retention(daily=5, weekly=0, monthly=0))) == 5
    assert len(to_keep(daily, now, Retention(daily=0, weekly=0, monthly=0))) == 0
    with pytest.raises(ValidationError, match="Keep 0 to 999"):
        Retention(daily=-1)
