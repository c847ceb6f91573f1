"""The real app as a process: start-up to Today, clean exit, one window per journal."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from devjournal.storage.database import HEAD_REVISION

from .conftest import RunningApp, app_env, devjournal


def revision(journal: Path) -> str:
    conn = sqlite3.connect(journal)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def test_window_opens_on_sample_journal_and_exits_cleanly(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    made = devjournal("--home", str(home), "sample", "--size", "small")
    assert made.returncode == 0, made.stderr
    app = start_app(home)
    log = app.wait_for_log("ready in")
    assert re.search(r"ready in \d+ ms", log)
    # Today painted from plain SQL; the ORM-backed services follow off the GUI thread.
    log = app.wait_for_log("pages ready")
    assert log.index("ready in") < log.index("services ready") < log.index("pages ready")
    assert "pages ready: Today, Coaching" in log
    # The last of the start-up work (the reminders' first look, the check of every page).
    log = app.wait_for_log("start-up finished")
    assert log.index("pages ready") < log.index("start-up check") < log.index("start-up finished")
    assert app.terminate() == 0
    assert "closed with exit code 0" in app.log_text()
    assert revision(home / "journal.sqlite") == HEAD_REVISION
    assert not (home / "journal.sqlite-wal").exists()  # checkpointed and closed
    info = json.loads(devjournal("--home", str(home), "info", "--json").stdout)
    assert info["counts"]["log_entries"] > 100


def test_first_start_creates_the_journal(tmp_path: Path, start_app: type[RunningApp]) -> None:
    home = tmp_path / "fresh"
    app = start_app(home)
    app.wait_for_log("ready in")
    assert app.terminate() == 0
    assert revision(home / "journal.sqlite") == HEAD_REVISION
    assert (home / "settings.json").exists()  # window geometry saved on close


def test_second_launch_brings_the_first_forward(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    first = start_app(home)
    first.wait_for_log("ready in")
    second = subprocess.run(
        [sys.executable, "-m", "devjournal", "--home", str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        env=app_env(),
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert "already open on this journal" in second.stdout
    first.wait_for_log("another launch asked for this window")
    assert first.process.poll() is None  # the first one keeps running
    assert first.terminate() == 0


def test_foreign_journal_is_refused_by_the_window(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    """Another program's SQLite database is not damage: it is refused and left alone."""
    home = tmp_path / "home"
    home.mkdir()
    conn = sqlite3.connect(home / "journal.sqlite")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    before = (home / "journal.sqlite").read_bytes()
    app = start_app(home)
    deadline = time.monotonic() + 30
    err = ""
    assert app.process.stderr is not None
    while time.monotonic() < deadline and "devjournal: error:" not in err:
        err += app.process.stderr.readline()
    assert "is an SQLite database but not a devjournal journal" in err
    app.process.kill()  # the dialog waits for the user
    app.process.wait(timeout=10)
    assert (home / "journal.sqlite").read_bytes() == before
    assert not list(home.glob("*.damaged-*"))


def test_command_line_errors_are_messages_not_tracebacks(tmp_path: Path) -> None:
    version = devjournal("--version")
    assert version.returncode == 0 and version.stdout.startswith("devjournal ")

    unknown = devjournal("--home", str(tmp_path), "frobnicate")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr

    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    bad_home = devjournal("--home", str(a_file), "info")
    assert bad_home.returncode == 1
    assert "is a file, not a folder" in bad_home.stderr
    for result in (unknown, bad_home):
        assert "Traceback" not in result.stderr

    missing = devjournal("--home", str(tmp_path / "j"), "info")
    assert missing.returncode == 1 and "There is no journal" in missing.stderr
    assert not (tmp_path / "j").exists()


def test_a_journal_missing_a_table_is_moved_aside_and_the_backup_offered(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    assert devjournal("--home", str(home), "backup", "create").returncode == 0
    conn = sqlite3.connect(home / "journal.sqlite")
    conn.execute("DROP TABLE action_item")
    conn.commit()
    conn.close()
    before = (home / "journal.sqlite").read_bytes()
    app = start_app(home)
    log = app.wait_for_log("recovery dialog shown")
    assert "recovery dialog shown (unreadable)" in log and "no such table" in log
    assert app.terminate() == 1
    (aside,) = home.glob("journal.sqlite.damaged-*[0-9]")
    assert aside.read_bytes() == before


def test_the_command_line_does_not_restore_under_an_open_window(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    assert devjournal("--home", str(home), "backup", "create").returncode == 0
    app = start_app(home)
    app.wait_for_log("start-up finished")  # settings.json is written after "pages ready"
    before = sorted(p.name for p in home.iterdir())
    refused = devjournal("--home", str(home), "backup", "restore", "1")
    assert refused.returncode == 1
    assert f"devjournal is open on this journal (process {app.process.pid})" in refused.stderr
    assert sorted(p.name for p in home.iterdir()) == before
    assert app.terminate() == 0
    restored = devjournal("--home", str(home), "backup", "restore", "1")
    assert restored.returncode == 0, restored.stderr
    assert list(home.glob("journal.sqlite.before-restore-*"))
