"""Killing devjournal while it fills a journal leaves an empty, healthy journal."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devjournal.domain.clock import utc_now
from devjournal.storage.database import HEAD_REVISION, open_journal

from ..e2e.conftest import app_env, devjournal

# Seconds after the start: in start-up and sample building, and through the insert.
KILL_AFTER = (0.4, 1.2, 2.0, 2.8, 3.6)


@pytest.mark.parametrize("delay", KILL_AFTER)
def test_sigkill_during_sample_fill_leaves_all_or_nothing(tmp_path: Path, delay: float) -> None:
    home = tmp_path / "home"
    open_journal(home / "journal.sqlite", home / "backups", utc_now).close()  # created and migrated
    fill = subprocess.Popen(
        [sys.executable, "-m", "devjournal", "--home", str(home), "sample", "--size", "decade"],
        env=app_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    fill.send_signal(signal.SIGKILL)
    fill.wait(timeout=30)

    info = devjournal("--home", str(home), "info", "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["schema_revision"] == HEAD_REVISION
    counts = data["counts"]
    assert counts["log_entries"] in (0, 10_000)
    if counts["log_entries"] == 0:
        assert set(counts.values()) == {0}
        again = devjournal("--home", str(home), "sample", "--size", "small")
        assert again.returncode == 0, again.stderr
    else:
        assert counts["sprints"] > 30 and counts["mentors"] == 40
