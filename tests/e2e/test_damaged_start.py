"""The real app started on each kind of damaged journal: it says so in a dialog (the time
from process start is in the log; `make bench` reports it against the 3-second target),
the damaged file is moved aside unchanged, and quitting leaves it there. A read-only
folder and a full disk, made real with a private mount where the machine allows it."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from devjournal.domain.recovery import Damage
from tests.damage import STARTS, journal_with_backup

from .conftest import RunningApp, app_env


def _digests(home: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in home.iterdir()
        if p.is_file() and p.name.startswith("journal.sqlite")
    }


@pytest.mark.parametrize("damage", list(STARTS.values()), ids=list(STARTS))
def test_the_window_says_so_moves_the_file_aside_and_offers_the_backup(
    tmp_path: Path,
    backed_up_template: Path,
    start_app: type[RunningApp],
    damage: Callable[[Path], Damage],
) -> None:
    home = journal_with_backup(tmp_path / "home", template=backed_up_template)
    expected = damage(home)
    before = _digests(home)
    app = start_app(home)
    log = app.wait_for_log("recovery dialog shown", timeout=60)
    found = re.search(r"recovery dialog shown \(([a-z-]+)\) (\d+) ms after start", log)
    assert found is not None and found.group(1) == expected.value
    moved = {p.name: p for p in home.iterdir() if ".damaged-" in p.name}
    for name, path in moved.items():
        original = re.sub(r"\.damaged-\d{8}-\d{6}(-\d+)?", "", name)
        if original in before:  # not written to, not even by SQLite closing it
            assert hashlib.sha256(path.read_bytes()).hexdigest() == before[original], name
    if expected is Damage.STRAY_WAL:
        assert (home / "journal.sqlite").exists()  # only the stray log moved
    elif expected is not Damage.MISSING or before.get("journal.sqlite"):
        assert moved, "the damaged journal was not moved aside"
    assert app.terminate() == 1  # quit from the dialog: the journal was not opened
    assert all(path.exists() for path in moved.values())


def _unshare_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt 2>/dev/null"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _unshare_available(), reason="this machine cannot make a private mount (unshare)"
)


def _in_namespace(script: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``script`` as root of a private mount namespace; the app in it is stopped with
    SIGTERM once it has said what is wrong."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**app_env(), "HOME_DIR": str(home), "PY": sys.executable},
        check=False,
    )


RUN_UNTIL_SAID = """
"$PY" -m devjournal --home "$HOME_DIR" 2>"$HOME_DIR.err" &
pid=$!
for i in $(seq 1 300); do
  grep -q "devjournal: ERROR" "$HOME_DIR.err" 2>/dev/null && break
  sleep 0.1
done
kill -TERM $pid; wait $pid; echo "exit=$?"; cat "$HOME_DIR.err" >&2
"""


@needs_mounts
def test_a_read_only_folder_is_said_and_nothing_changes(
    tmp_path: Path, backed_up_template: Path
) -> None:
    home = journal_with_backup(tmp_path / "home", template=backed_up_template)
    before = _digests(home)
    result = _in_namespace(
        f'mount --bind "$HOME_DIR" "$HOME_DIR" && mount -o remount,bind,ro "$HOME_DIR" '
        f"&& {RUN_UNTIL_SAID}",
        home,
    )
    assert "The journal's folder is read-only" in result.stderr, result.stderr
    assert "Read-only file system" in result.stderr
    assert "exit=1" in result.stdout and "Traceback" not in result.stderr
    assert _digests(home) == before


@needs_mounts
def test_a_full_disk_is_said_and_nothing_changes(tmp_path: Path, backed_up_template: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _in_namespace(
        'mount -t tmpfs -o size=24m tmpfs "$HOME_DIR" '
        f'&& cp -r "{backed_up_template}/." "$HOME_DIR/" '
        '&& (head -c 30000000 /dev/zero > "$HOME_DIR/filler" 2>/dev/null; true) '
        f"&& {RUN_UNTIL_SAID}",
        home,
    )
    assert "The disk is full" in result.stderr, result.stderr
    assert "exit=1" in result.stdout and "Traceback" not in result.stderr
