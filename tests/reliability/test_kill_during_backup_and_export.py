"""SIGKILL during a backup or an export: the journal stays valid, and the backup or the
export file is either absent or complete (never a torn file under its final name)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devjournal.cli import run
from devjournal.storage.backup import list_backups, quick_check
from tests.e2e.conftest import app_env

DELAYS = (0.3, 0.6, 0.9, 1.2)


@pytest.fixture(scope="module")
def decade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("decade") / "home"
    assert run(["--home", str(home), "sample", "--size", "decade"]) == 0
    return home


def _kill_after(args: list[str], delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "devjournal", *args],
        env=app_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS)
def test_a_killed_backup_is_absent_or_whole(decade: Path, delay: float) -> None:
    _kill_after(["--home", str(decade), "backup", "create"], delay)
    for backup in list_backups(decade / "backups"):
        assert quick_check(backup.path) == "ok", backup.path.name
    for partial in (decade / "backups").glob("*.partial"):  # as if left long ago
        os.utime(partial, (time.time() - 3600, time.time() - 3600))
    assert run(["--home", str(decade), "backup", "create"]) == 0  # and the next one tidies up
    assert not list((decade / "backups").glob("*.partial"))
    assert run(["--home", str(decade), "check"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS)
def test_a_killed_export_is_absent_or_whole(decade: Path, tmp_path: Path, delay: float) -> None:
    target = tmp_path / "journal.json"
    _kill_after(["--home", str(decade), "export", "journal", "-o", str(target)], delay)
    if target.exists():
        assert json.loads(target.read_text(encoding="utf-8"))["format"] == "devjournal-journal"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "journal.json"]
    # A kill can leave the hidden temp file behind, never a torn file under the real name.
    assert all(name.startswith(".journal.json.") and name.endswith(".tmp") for name in leftovers)
    assert run(["--home", str(decade), "check"]) == 0
