"""Time from process start to the recovery dialog, for every damaged start the data-safety
issue names (target: within 3 s).

Each run copies the journal (and its backups) into a scratch folder, damages the copy,
starts devjournal on it, and waits for the "recovery dialog shown" log line. The damaged
file is moved aside by the app, so every run needs a fresh copy.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.damage import STARTS, tear_root_page


def with_backup(home: Path) -> Path:
    """``home`` with one checked backup (made once; the bench cache keeps it)."""
    if not list((home / "backups").glob("journal-*.sqlite")):
        subprocess.run(
            [sys.executable, "-m", "devjournal", "--home", str(home), "backup", "create"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return home


def torn_search_index(home: Path) -> None:
    """A torn page that no page of the window reads at start (the search index's data):
    only the full check after the first paint can find it, the slowest way to be found."""
    tear_root_page(home, "log_entry_fts_data")


def time_damaged(
    source: Path, damage: Callable[[Path], object], time_start: Callable[[Path, str], float]
) -> float:
    """One run: copy, damage, start, time to the dialog."""
    with tempfile.TemporaryDirectory(prefix="devjournal-bench-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        shutil.copyfile(source / "journal.sqlite", home / "journal.sqlite")
        shutil.copytree(source / "backups", home / "backups")
        damage(home)
        return time_start(home, "recovery dialog shown")


def kinds() -> dict[str, Callable[[Path], object]]:
    """Every damaged start, by name."""
    return dict(STARTS)
