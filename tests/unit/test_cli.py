"""The command line, run in-process: output a user reads, exit codes, no tracebacks."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from devjournal import __version__
from devjournal.storage.database import HEAD_REVISION, open_journal
from tests.clocks import run, stopped


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        run(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"devjournal {__version__}"


def make_journal(home: Path) -> None:
    open_journal(home / "journal.sqlite", home / "backups", stopped()).close()


def test_info_without_a_journal_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "typo"
    assert run(["--home", str(home), "info"]) == 1
    err = capsys.readouterr().err
    assert f"There is no journal at {home / 'journal.sqlite'} yet" in err
    assert not home.exists()


def test_info_on_a_new_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    make_journal(home)
    assert run(["--home", str(home), "info"]) == 0
    out = capsys.readouterr().out
    assert f"Journal:      {home / 'journal.sqlite'}" in out
    assert f"Backups:      {home / 'backups'} (none yet)" in out
    assert f"Schema:       revision {HEAD_REVISION}" in out
    assert "Log entries:  0" in out


def test_info_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_journal(tmp_path)
    assert run(["--home", str(tmp_path), "info", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_revision"] == HEAD_REVISION
    assert data["counts"]["sprints"] == 0
    assert data["journal"] == str(tmp_path / "journal.sqlite")


def test_sample_fills_once_then_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    out = capsys.readouterr().out
    assert "with the small sample journal" in out
    assert run(["--home", str(tmp_path), "info", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts["sprints"] >= 3 and 100 <= counts["log_entries"] <= 250
    assert counts["mentors"] >= 4 and counts["sessions"] > 0 and counts["goals"] > 0

    before = (tmp_path / "journal.sqlite").stat().st_size
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 3
    err = capsys.readouterr().err
    assert "already holds data" in err and "Traceback" not in err
    assert run(["--home", str(tmp_path), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"] == counts
    assert (tmp_path / "journal.sqlite").stat().st_size >= before


def test_home_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    assert run(["--home", str(file), "info"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("devjournal: error:") and "is a file, not a folder" in err


def test_foreign_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(tmp_path / "journal.sqlite")
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    before = (tmp_path / "journal.sqlite").read_bytes()
    assert run(["--home", str(tmp_path), "info"]) == 1
    assert "not a devjournal journal" in capsys.readouterr().err
    assert (tmp_path / "journal.sqlite").read_bytes() == before


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        run(["frobnicate"])
    assert done.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_unknown_sample_size(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as done:
        run(["--home", str(tmp_path), "sample", "--size", "huge"])
    assert done.value.code == 2
    assert "invalid choice: 'huge'" in capsys.readouterr().err


def test_damaged_journal_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_journal(tmp_path)
    conn = sqlite3.connect(tmp_path / "journal.sqlite")
    conn.execute("DROP TABLE checkin")
    conn.commit()
    conn.close()
    assert run(["--home", str(tmp_path), "info"]) == 1
    err = capsys.readouterr().err
    assert "could not be read (no such table: checkin)" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
