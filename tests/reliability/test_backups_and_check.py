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

NO_BACKUPS_YET = "There are no backups of this journal yet"


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
            "Log entry 3 (“Xead the search incident”): changed on disk since it was saved",
        ),
        (["UPDATE goal SET baseline = baseline + 1 WHERE id = 2"], "Goal 2"),
        (["UPDATE goal SET position = position + 1 WHERE id = 3"], "Goal 3"),
        (
            ["PRAGMA foreign_keys = OFF", "UPDATE checkin SET goal_id = 999 WHERE id = 1"],
            "Foreign key: checkin row 1 points at a missing goal",
        ),
        # Every table with user text keeps a checksum (before, only entries and goals did).
        (["UPDATE sprint SET focus = focus || '.' WHERE id = 1"], "Sprint 1 (“"),
        (["UPDATE milestone SET title = 'Moved on disk' WHERE id = 1"], "Milestone 1"),
        (["UPDATE checkin SET note = note || '!' WHERE id = 2"], "Check-in 2: changed"),
        (["UPDATE coaching_session SET notes = 'Xotes' WHERE id = 2"], "Coaching session 2:"),
        (
            ["""UPDATE coaching_session SET questions = '[["Q?", "A."]]' WHERE id = 3"""],
            "Coaching session 3: changed on disk",
        ),
        (["UPDATE action_item SET title = 'Dxaft it' WHERE id = 4"], "Action item 4"),
        (["UPDATE mentor SET notes = notes || '?' WHERE id = 1"], "Mentor 1 (“"),
        (
            ["UPDATE mentor_link SET url = 'https://example.org/' WHERE id = 1"],
            "Mentor link 1 (“",
        ),
        (["UPDATE tag SET name = 'carееr' WHERE id = 1"], "Tag 1 (“carееr”): changed"),
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
    assert found in out and NO_BACKUPS_YET in out  # it has none to point to
    assert "--repair" not in out  # only the search index is rebuilt


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        (
            ["UPDATE coaching_session SET notes = CAST(x'4e6f74ff6573' AS TEXT) WHERE id = 2"],
            "Coaching session 2: its notes cannot be read (not valid UTF-8 text)",
        ),
        (
            ["UPDATE log_entry SET body = CAST(x'426f6479c0' AS TEXT) WHERE id = 7"],
            "its body cannot be read (not valid UTF-8 text)",
        ),
        (
            ["""UPDATE coaching_session SET questions = '[["Q?", "A.' WHERE id = 3"""],
            "Coaching session 3: its questions cannot be read (not valid JSON)",
        ),
        (
            ["UPDATE checkin SET on_date = '2026-13-01' WHERE id = 4"],
            "Check-in 4: its on date cannot be read (“2026-13-01” is not a date)",
        ),
        (
            ["UPDATE log_entry SET occurred_at = '2026-1O-03 18:00:00.000000' WHERE id = 8"],
            "its occurred at cannot be read (“2026-1O-03 18:00:00.000000” is not a date and time)",
        ),
        (
            [
                "PRAGMA ignore_check_constraints = ON",
                "UPDATE goal SET status = 'actove' WHERE id = 2",
            ],
            "its status cannot be read (“actove” is not one of draft, active, achieved,",
        ),
    ],
)
def test_a_value_that_cannot_be_read_is_named_with_its_table_and_row(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    damage: list[str],
    found: str,
) -> None:
    _sql(home, *damage)
    assert run(["--home", str(home), "check"]) == 1
    captured = capsys.readouterr()
    assert found in captured.out and NO_BACKUPS_YET in captured.out
    assert captured.err == ""


def _indexed(home: Path, entry_id: int) -> tuple[str, ...] | None:
    con = sqlite3.connect(home / "journal.sqlite")
    try:
        row = con.execute(
            "SELECT title, body FROM log_entry_fts WHERE rowid = ?", (entry_id,)
        ).fetchone()
        return None if row is None else tuple(row)
    finally:
        con.close()


def test_check_finds_a_damaged_search_index_and_repair_rebuilds_it(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(
        home,
        "DELETE FROM log_entry_fts WHERE rowid = 5",
        "UPDATE log_entry_fts_content SET c1 = 'tampered' WHERE id = 6",
    )
    assert run(["--home", str(home), "check"]) == 1
    out = capsys.readouterr().out
    assert "Search index: entry 5 is missing from it" in out
    assert "Search index: its copy of entry 6 differs from the entry" in out
    assert "Search index: it fails FTS5's own integrity check" in out
    assert "devjournal check --repair (a backup is made first)" in out
    assert "devjournal backup restore ID" not in out  # nothing else is wrong
    assert list_backups(home / "backups") == []  # check alone changes nothing

    assert run(["--home", str(home), "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "Backed up the journal to" in out
    assert "Rebuilt the search index from " in out and "(3 problems in it before)" in out
    assert "The journal is healthy now" in out
    assert [b.label for b in list_backups(home / "backups")] == ["before-repair"]
    assert _indexed(home, 5) is not None and _indexed(home, 6) != ("tampered",)
    assert run(["--home", str(home), "check"]) == 0


def test_repair_rebuilds_an_index_fts5_cannot_open(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(home, "UPDATE log_entry_fts_config SET v = 6 WHERE k = 'version'")
    assert run(["--home", str(home), "check"]) == 1
    assert "Search index: it cannot be read (invalid fts5 file format" in capsys.readouterr().out
    assert run(["--home", str(home), "check", "--repair"]) == 0
    assert "The journal is healthy now" in capsys.readouterr().out
    assert run(["--home", str(home), "search", "the"]) == 0


def test_repair_mends_the_index_and_points_at_a_backup_for_the_rest(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(
        home,
        "DELETE FROM log_entry_fts WHERE rowid = 5",
        "UPDATE sprint SET title = 'Xhanged' WHERE id = 1",
    )
    assert run(["--home", str(home), "check", "--repair"]) == 1
    out = capsys.readouterr().out
    assert "Rebuilt the search index" in out and "Search index" not in out.split("before)")[1]
    assert "Sprint 1 (“Xhanged”): changed on disk since it was saved" in out
    assert "devjournal backup restore ID" in out


def test_repair_changes_nothing_when_the_index_is_whole(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(home, "UPDATE mentor SET name = 'Xrace' WHERE id = 1")
    assert run(["--home", str(home), "check", "--repair"]) == 1
    out = capsys.readouterr().out
    assert "Nothing was changed: --repair rebuilds only the search index." in out
    assert NO_BACKUPS_YET in out
    assert list_backups(home / "backups") == []
    assert run(["--home", str(home), "check", "--repair"]) == 1  # and says so again


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
    window.ops.announce(Changes.ENTRIES)
    task = window.auto_backup()
    assert task is not None and task.wait(10_000)
    assert [b.label for b in list_backups(paths.backups)] == ["auto"]
    window.ops.announce(Changes.ENTRIES)
    window.close()
    assert window.closing_backup is not None  # on a worker thread, not the GUI's
    window.finish_closing()
    labels = [b.label for b in list_backups(paths.backups)]
    assert "on-close" in labels
    db.close()
