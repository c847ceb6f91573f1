"""Backups (checked, thinned out, restored with the old journal kept aside) and
``devjournal check`` finding damage SQLite's own checks miss."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from devjournal.domain.clock import utc_now
from devjournal.storage.backup import backup_name, list_backups
from tests.clocks import NOW, run, stopped


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    assert run(["--home", str(folder), "sample", "--size", "small"]) == 0
    return folder


def _sql(home: Path, *statements: str) -> None:
    con = sqlite3.connect(home / "journal.sqlite")
    try:
        with con:
            for statement in statements:
                con.execute(statement)
    finally:
        con.close()


def test_a_backup_is_checked_private_and_listed(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--home", str(home), "backup", "create"]) == 0
    assert "checked" in capsys.readouterr().out
    (newest, *_rest) = list_backups(home / "backups")
    assert newest.label == "manual" and oct(newest.path.stat().st_mode & 0o777) == "0o600"
    assert not list((home / "backups").glob("*.partial"))
    assert run(["--home", str(home), "backup", "list"]) == 0
    assert "  1  " in capsys.readouterr().out


def test_old_backups_are_thinned_out_after_a_new_one_is_checked(home: Path) -> None:
    backups = home / "backups"
    backups.mkdir(exist_ok=True)
    now = NOW
    made = [now - timedelta(days=d, hours=h) for d in range(3, 200) for h in (1, 7)]
    for moment in made:
        (backups / backup_name("auto", moment)).write_bytes(b"old")
    assert run(["--home", str(home), "backup", "create"]) == 0
    left = list_backups(backups)
    assert len(left) < len(made) // 4
    assert left[0].label == "manual"


def test_check_passes_a_healthy_journal(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--home", str(home), "check"]) == 0
    assert "The journal is healthy" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        (
            ["UPDATE log_entry SET title = 'Xead the search incident' WHERE id = 3"],
            "Log entry 3 (“Xead the search incident”): its text changed on disk",
        ),
        (
            ["UPDATE goal SET baseline = baseline + 1 WHERE id = 2"],
            "Goal 2",
        ),
        (
            ["DELETE FROM log_entry_fts WHERE rowid = 5"],
            "Search index: entry 5 is missing from it",
        ),
        (
            ["PRAGMA foreign_keys = OFF", "UPDATE checkin SET goal_id = 999 WHERE id = 1"],
            "Foreign key: checkin row 1 points at a missing goal",
        ),
    ],
)
def test_check_finds_damage_and_says_where(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    damage: list[str],
    found: str,
) -> None:
    _sql(home, *damage)
    assert run(["--home", str(home), "check"]) == 1
    out = capsys.readouterr().out
    assert found in out and "devjournal backup restore ID" in out


def test_restore_puts_a_backup_back_and_keeps_the_journal_aside(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--home", str(home), "backup", "create"]) == 0
    _sql(home, "UPDATE log_entry SET title = 'damaged' WHERE id = 3")
    capsys.readouterr()
    assert run(["--home", str(home), "backup", "restore", "1"]) == 0
    out = capsys.readouterr().out
    assert "The journal it replaced is kept at" in out
    aside = next(home.glob("journal.sqlite.before-restore-*"))
    con = sqlite3.connect(aside)
    assert con.execute("SELECT title FROM log_entry WHERE id = 3").fetchone() == ("damaged",)
    con.close()
    assert run(["--home", str(home), "check"]) == 0
    assert oct((home / "journal.sqlite").stat().st_mode & 0o777) == "0o600"


def test_a_damaged_backup_is_not_restored(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "backups").mkdir(exist_ok=True)
    bad = home / "backups" / backup_name("manual", utc_now())
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    before = (home / "journal.sqlite").read_bytes()
    assert run(["--home", str(home), "backup", "restore", bad.name]) == 1
    assert "failed its check" in capsys.readouterr().err
    assert (home / "journal.sqlite").read_bytes() == before
    assert run(["--home", str(home), "backup", "restore", "99"]) == 1
    assert "There is no backup '99'" in capsys.readouterr().err


def test_an_import_is_preceded_by_a_backup(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    source = tmp_path / "journal.json"
    source.write_text(
        json.dumps({"entries": [{"date": "2024-01-01", "title": "From jrnl", "body": ""}]}),
        encoding="utf-8",
    )
    assert run(["--home", str(home), "import", "jrnl", str(source)]) == 0
    assert "Backed up the journal first" in capsys.readouterr().out
    assert [b.label for b in list_backups(home / "backups")] == ["before-import"]


def test_the_window_backs_up_a_changed_journal_on_close_and_every_half_hour(
    qtbot: object, tmp_path: Path
) -> None:
    from devjournal.paths import resolve_paths
    from devjournal.services.changes import Changes
    from devjournal.services.container import open_services
    from devjournal.settings import Settings
    from devjournal.ui.main_window import MainWindow

    paths = resolve_paths(str(tmp_path / "w"))
    paths.ensure()
    db, services = open_services(paths.journal, paths.backups, stopped())
    window = MainWindow(paths, Settings(paths.settings), services.journal.today, services.clock)
    window.attach_services(services)
    assert window.auto_backup() is None  # nothing changed: nothing to back up
    window.events.emit_changes(Changes(entries=True))
    task = window.auto_backup()
    assert task is not None and task.wait(10_000)
    assert [b.label for b in list_backups(paths.backups)] == ["auto"]
    window.events.emit_changes(Changes(entries=True))
    window.close()
    labels = [b.label for b in list_backups(paths.backups)]
    assert "on-close" in labels
    db.close()
