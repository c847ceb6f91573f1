"""Every command that may run beside an open window, run beside the real window process
while it writes; then the window is killed (issue 14.1). Nothing written on either side
is lost, no file is deleted under the window, the window shows what the commands wrote,
and ``check`` passes."""

from __future__ import annotations

import io
import json
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp, app_env, devjournal

ROOT = Path(__file__).resolve().parents[2]

JRNL = {
    "tags": {"@beside": 1},
    "entries": [
        {"date": "2025-05-01", "time": "08:00", "title": "jrnl beside the window",
         "body": "Imported while the window wrote.", "tags": ["@beside"], "starred": False},
    ],
}  # fmt: skip
DAYONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {"uuid": "0123456789ABCDEF0123456789ABCDEF", "creationDate": "2025-05-02T08:00:00Z",
         "text": "Day One beside the window\n\nImported while the window wrote.",
         "tags": [], "starred": False},
    ],
}  # fmt: skip


class WritingWindow(RunningApp):
    """The real window (tests/e2e/window_writer.py), saving an entry every 100 ms."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.log = home / "logs" / "devjournal.log"
        self._log_start = self.log.stat().st_size if self.log.exists() else 0
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.window_writer", str(home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=app_env(),
            cwd=ROOT,
        )


def _deleted_under(pid: int, home: Path) -> list[str]:
    gone = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith(str(home)) and target.endswith("(deleted)"):
            gone.append(target)
    return gone


def _titles(journal: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM log_entry")}
    finally:
        conn.close()


@pytest.mark.slow
def test_every_command_beside_a_writing_window_loses_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(json.dumps(JRNL), encoding="utf-8")
    dayone = tmp_path / "dayone.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Journal.json", json.dumps(DAYONE))
    dayone.write_bytes(buffer.getvalue())
    out = tmp_path / "out"
    out.mkdir()

    window = WritingWindow(home)
    try:
        window.wait_for_log("pages ready", timeout=60)
        commands: list[tuple[tuple[str, ...], int]] = [
            (("info",), 0),
            (("info", "--json"), 0),
            (("sprints",), 0),
            (("mentors", "--json"), 0),
            (("feedback", "--json"), 0),
            (("search", "feedback"), 0),
            (("export", "summary", "--format", "md", "-o", str(out / "summary.md")), 0),
            (("export", "closeout", "--sprint", "1", "-o", str(out / "closeout.md")), 0),
            (("export", "history", "-o", str(out / "history.md")), 0),
            (("export", "sessions", "-o", str(out / "sessions.ics")), 0),
            (("export", "checkins", "-o", str(out / "checkins.csv")), 0),
            (("export", "journal", "-o", str(out / "journal.json")), 0),
            (("import", "jrnl", str(jrnl)), 0),
            (("import", "dayone", str(dayone)), 0),
            (("import", "devjournal", str(out / "journal.json")), 3),  # not empty: refused
            (("backup", "create"), 0),
            (("backup", "list"), 0),
            (("backup", "restore", "1"), 1),  # refused while the window is open
            (("check",), 0),
        ]
        for args, expected in commands:
            done = devjournal("--home", str(home), *args)
            assert done.returncode == expected, (args, done.stdout, done.stderr)
            assert not _deleted_under(window.process.pid, home), args
        window.wait_for_log("changed outside this window", timeout=30)
        time.sleep(0.5)  # a few more writes after the last command
        assert not _deleted_under(window.process.pid, home)
    finally:
        window.process.send_signal(signal.SIGKILL)
        stdout, stderr = window.process.communicate(timeout=30)
    acked = {line[4:] for line in stdout.splitlines() if line.startswith("ack ")}
    assert len(acked) >= 10, stderr

    titles = _titles(home / "journal.sqlite")
    assert acked <= titles, sorted(acked - titles)[:5]
    assert "jrnl beside the window" in titles
    assert "Day One beside the window" in titles
    check = devjournal("--home", str(home), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    for name in ("summary.md", "closeout.md", "history.md", "sessions.ics", "checkins.csv"):
        assert (out / name).stat().st_size > 0, name
