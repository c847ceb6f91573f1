"""SIGKILL at random moments while entries are written: every acknowledged entry survives
and the journal passes ``devjournal check`` after every kill (1,000 kills in make soak)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.crash_loop import kill_loop


@pytest.mark.slow
def test_fifty_kills_lose_no_acknowledged_entry(tmp_path: Path) -> None:
    report = kill_loop(tmp_path / "home", kills=50)
    assert report.kills == 50
    assert report.acknowledged > 50
    assert report.lost == []
    assert report.problems == []
