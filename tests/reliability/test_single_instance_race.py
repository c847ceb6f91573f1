"""Two (or eight) launches at once never both open the journal, and a loser never
releases the winner's lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from devjournal.ui.single_instance import SingleInstance
from tests.e2e.conftest import app_env

LAUNCH = """
import sys, time
from PySide6.QtCore import QCoreApplication
from devjournal.ui.single_instance import SingleInstance
app = QCoreApplication([])
start = float(sys.argv[3])
while time.time() < start:
    pass  # every launch leaves the line at the same moment
me = SingleInstance(__import__("pathlib").Path(sys.argv[1]), sys.argv[2])
won = me.acquire()
print("won" if won else "lost", flush=True)
if won:
    time.sleep(3)
    me.release()
else:
    me.release()  # what a careless loser might do: it must not free the winner's lock
"""


def test_simultaneous_launches_have_exactly_one_winner(tmp_path: Path, qapp: QApplication) -> None:
    lock, sock = tmp_path / "dj.lock", str(tmp_path / "dj.sock")
    start = time.time() + 1.5
    launches = [
        subprocess.Popen(
            [sys.executable, "-c", LAUNCH, str(lock), sock, str(start)],
            env={**app_env(), "PYTHONPATH": os.pathsep.join(sys.path)},
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    outcomes = []
    for launch in launches:
        assert launch.stdout is not None
        outcomes.append(launch.stdout.readline().strip())
    assert sorted(outcomes) == ["lost"] * 7 + ["won"]
    winner = launches[outcomes.index("won")]
    for launch in launches:
        if launch is not winner:
            assert launch.wait(timeout=20) == 0
    # The losers have gone (and called release): the winner still holds the journal.
    assert winner.poll() is None
    late = SingleInstance(lock, sock)
    assert not late.acquire()
    assert winner.wait(timeout=20) == 0
    assert late.acquire()  # free once the winner is done
    late.release()
