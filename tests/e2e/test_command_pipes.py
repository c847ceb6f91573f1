"""A command whose reader stops reading (``devjournal sprints | head -1``) ends quietly,
as ``cat`` and ``grep`` do: no "unexpected error", no traceback, the journal unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import app_env


@pytest.mark.parametrize(
    "command",
    [
        ["sprints"],
        ["sprints", "--json"],
        ["mentors"],
        ["mentors", "--json"],
        ["feedback"],
        ["feedback", "--json"],
        ["search", "design"],
        ["info"],
        ["export", "summary"],
        ["export", "history"],
        ["export", "checkins"],
        ["backup", "list"],
    ],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(
    backed_up_home: Path, command: list[str]
) -> None:
    journal = backed_up_home / "journal.sqlite"
    before = journal.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-m", "devjournal", "--home", str(backed_up_home), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=app_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    err = process.stderr.read().decode()
    code = process.wait(timeout=60)
    assert err == "" or ("design" in command and "match" in err), err
    assert code == 141, err  # 128 + SIGPIPE, what a shell reports for `yes | head -1`
    assert journal.read_bytes() == before
