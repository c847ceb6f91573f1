"""The home folder is not blindly trusted, and a command that only reads writes nothing:
an emptied or read-only journal, a link in the journal's place, a backup folder that is
not one, a foreign backup, a home whose name is not text. Run in-process through the
command line, asserting what a user reads and that the files stay as they were."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from devjournal.domain.recovery import Damage
from devjournal.storage.backup import backup_name, list_backups
from devjournal.storage.recovery import diagnose, preflight
from tests.clocks import NOW, run

READ_COMMANDS = (
    ["info"],
    ["info", "--json"],
    ["check"],
    ["sprints"],
    ["search", "design"],
    ["export", "summary"],
    ["export", "closeout", "--sprint", "last"],
    ["export", "history"],
    ["export", "review", "--from", "2026-01-01", "--to", "2026-11-18"],
    ["export", "checkins"],
)


def _with_output(command: list[str], out: Path) -> list[str]:
    """``command``, and the export commands that need a file with one in ``out``."""
    if command[:2] == ["export", "journal"]:
        return [*command, "-o", str(out / "journal.json")]
    return command


def _files(home: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``home`` but the log: its mode and a digest of its bytes."""
    found = {}
    for path in sorted(home.rglob("*")):
        if path.is_file() and "logs" not in path.parts:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(home))] = (path.stat().st_mode & 0o777, digest)
    return found


def _jrnl(tmp_path: Path) -> Path:
    source = tmp_path / "jrnl.json"
    source.write_text(
        json.dumps({"entries": [{"date": "2024-01-01", "title": "From jrnl", "body": "b"}]}),
        encoding="utf-8",
    )
    return source


# -- an emptied journal ---------------------------------------------------------------------
def test_read_commands_leave_an_emptied_journal_empty_and_the_window_still_offers_backups(
    backed_up_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = backed_up_home
    journal = home / "journal.sqlite"
    journal.write_bytes(b"")
    before = _files(home)
    for command in (*READ_COMMANDS, ["export", "journal"], ["backup", "create"]):
        code = run(["--home", str(home), *_with_output(command, tmp_path)])
        err = capsys.readouterr().err
        assert code == 1, command
        assert f"The journal {journal} is empty (0 bytes)" in err, command
        assert "'devjournal backup restore ID' puts one back" in err
        assert err.count("\n") == 1  # one line
        assert _files(home) == before, command
    diagnosis = diagnose(journal, home / "backups")
    assert diagnosis is not None and diagnosis.damage is Damage.MISSING
    assert run(["--home", str(home), "backup", "list"]) == 0  # the way back still works
    assert "made by you" in capsys.readouterr().out


def test_a_read_command_does_not_make_an_empty_database_a_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    conn = sqlite3.connect(home / "journal.sqlite")  # an SQLite file that holds nothing
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")
    conn.close()
    before = _files(home)
    assert run(["--home", str(home), "info"]) == 1
    assert "holds no journal yet (an empty database)" in capsys.readouterr().err
    assert _files(home) == before


# -- a read-only journal --------------------------------------------------------------------
@pytest.fixture
def read_only_home(backed_up_home: Path) -> Path:
    (backed_up_home / "journal.sqlite").chmod(0o444)
    return backed_up_home


def test_read_commands_read_a_read_only_journal_and_change_nothing(
    read_only_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = read_only_home
    before = _files(home)
    for command in (*READ_COMMANDS, ["export", "journal"], ["backup", "list"]):
        code = run(["--home", str(home), *_with_output(command, tmp_path)])
        err = capsys.readouterr().err
        assert code == 0, (command, err)
        assert _files(home) == before, command
        assert sorted(p.name for p in home.iterdir()) == ["backups", "journal.sqlite", "logs"]
    assert json.loads((tmp_path / "journal.json").read_text(encoding="utf-8"))["tables"]


def test_writes_to_a_read_only_journal_are_refused_with_a_message(
    read_only_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = read_only_home
    journal = home / "journal.sqlite"
    before = _files(home)
    assert run(["--home", str(home), "import", "jrnl", str(_jrnl(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert (
        "The journal is read-only (its permissions are 0444): nothing was imported. To "
        f"change it, make it writable (chmod u+w {journal})." in err
    )
    assert "readonly database" not in err and err.count("\n") == 1
    assert _files(home) == before  # no backup made for nothing either
    # A backup only reads the journal: it is made, and the journal stays read-only.
    assert run(["--home", str(home), "backup", "create"]) == 0
    assert journal.stat().st_mode & 0o777 == 0o444
    assert len(list_backups(home / "backups")) == 2


def test_an_empty_read_only_journal_is_not_filled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    assert run(["--home", str(home), "info"]) == 1  # nothing there yet
    home.mkdir()
    journal = home / "journal.sqlite"
    journal.write_bytes(b"")
    journal.chmod(0o444)
    capsys.readouterr()
    assert run(["--home", str(home), "sample"]) == 1
    assert "The journal is read-only (its permissions are 0444)" in capsys.readouterr().err
    assert journal.stat().st_size == 0 and journal.stat().st_mode & 0o777 == 0o444


def test_the_window_is_told_a_journal_is_read_only(read_only_home: Path) -> None:
    problem = preflight(read_only_home, journal=read_only_home / "journal.sqlite")
    assert problem is not None and problem.title == "The journal is read-only"
    assert "its permissions are 0444" in problem.detail
    assert "chmod u+w" in problem.detail


# -- links in the journal's place -----------------------------------------------------------
@pytest.mark.parametrize("target_exists", [False, True], ids=["missing-target", "empty-target"])
@pytest.mark.parametrize("command", [["sample"], ["info"], ["import", "jrnl"]])
def test_a_journal_that_is_a_link_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target_exists: bool, command: list[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    outside = tmp_path / "elsewhere" / "target.sqlite"
    outside.parent.mkdir()
    if target_exists:
        outside.write_bytes(b"")
        outside.chmod(0o644)
    (home / "journal.sqlite").symlink_to(outside)
    args = [*command, str(_jrnl(tmp_path))] if command[0] == "import" else command
    assert run(["--home", str(home), *args]) == 1
    err = capsys.readouterr().err
    assert f"{home / 'journal.sqlite'} is a symbolic link (to {outside})" in err
    assert "--home" in err and err.count("\n") == 1
    assert sorted(p.name for p in outside.parent.iterdir()) == (
        ["target.sqlite"] if target_exists else []
    )
    if target_exists:
        assert outside.stat().st_size == 0 and outside.stat().st_mode & 0o777 == 0o644
    assert diagnose(home / "journal.sqlite", home / "backups") is None  # not damage: not moved


# -- the backup folder ----------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["file", "dangling-link"])
def test_a_backup_folder_that_is_not_one_is_said(
    backed_up_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    home = backed_up_home
    backups = home / "backups"
    for old in backups.iterdir():
        old.unlink()
    backups.rmdir()
    if kind == "file":
        backups.write_text("not a folder", encoding="utf-8")
        said = f"the backup folder {backups} is a file, not a folder"
    else:
        backups.symlink_to(tmp_path / "gone")
        said = f"the backup folder {backups} is a link to {tmp_path / 'gone'}, which does not exist"
    before = _files(home)
    assert run(["--home", str(home), "backup", "create"]) == 1
    assert f"Could not write the backup: {said}. The journal is unchanged." in (
        capsys.readouterr().err
    )
    assert run(["--home", str(home), "import", "jrnl", str(_jrnl(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert f"Could not write the backup before importing: {said}. Nothing was imported" in err
    assert "may be damaged" not in err and err.count("\n") == 1
    assert run(["--home", str(home), "backup", "list"]) == 1
    assert said in capsys.readouterr().err
    assert run(["--home", str(home), "backup", "restore", "1"]) == 1
    assert (
        f"There are no backups to restore: {said}. Nothing was changed." in capsys.readouterr().err
    )
    assert _files(home) == before


# -- restoring only a journal ---------------------------------------------------------------
def _foreign_backup(home: Path, *, empty: bool = False) -> Path:
    backups = home / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    path = backups / backup_name("copied-in", NOW)
    if empty:
        path.write_bytes(b"")
        return path
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    return path


def test_restore_takes_only_a_devjournal_journal(
    backed_up_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = backed_up_home
    foreign = _foreign_backup(home)
    before = (home / "journal.sqlite").read_bytes()
    assert run(["--home", str(home), "backup", "restore", foreign.name]) == 1
    assert (
        f"{foreign.name} cannot be restored: it is not a devjournal journal. Nothing was changed."
        in capsys.readouterr().err
    )
    assert (home / "journal.sqlite").read_bytes() == before
    assert not list(home.glob("journal.sqlite.before-restore-*"))


@pytest.mark.parametrize("empty", [True, False], ids=["empty-file", "foreign-database"])
def test_a_refused_restore_into_a_new_home_leaves_no_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], empty: bool
) -> None:
    home = tmp_path / "new-home"
    _foreign_backup(home, empty=empty)
    assert run(["--home", str(home), "backup", "restore", "1"]) == 1
    assert "cannot be restored" in capsys.readouterr().err
    assert not (home / "journal.sqlite").exists()
    assert run(["--home", str(home), "info"]) == 1  # still no journal, as it says
    assert "There is no journal at" in capsys.readouterr().err


def test_backup_list_reads_backups_without_a_journal_and_makes_no_home(
    backed_up_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (backed_up_home / "journal.sqlite").unlink()
    assert run(["--home", str(backed_up_home), "backup", "list"]) == 0
    assert "made by you" in capsys.readouterr().out
    assert not (backed_up_home / "journal.sqlite").exists()
    typo = tmp_path / "typo"
    assert run(["--home", str(typo), "backup", "list"]) == 1
    assert f"There is no journal at {typo / 'journal.sqlite'} yet" in capsys.readouterr().err
    assert not typo.exists()


def test_a_restore_with_no_backups_creates_no_home(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "typo"
    assert run(["--home", str(home), "backup", "restore", "1"]) == 1
    assert f"There are no backups in {home / 'backups'} to restore" in capsys.readouterr().err
    assert not home.exists()


# -- the home folder itself -----------------------------------------------------------------
def test_a_home_whose_name_is_not_text_is_refused_and_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = os.fsdecode(os.fsencode(tmp_path) + b"/journal-\xff")
    assert run(["--home", home, "sample"]) == 1
    err = capsys.readouterr().err
    assert f"The journal folder {tmp_path}/journal-\\xff has a name that is not valid UTF-8" in err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    assert run(["--home", home, "info"]) == 1  # the same message, never a traceback
    assert "not valid UTF-8" in capsys.readouterr().err


def test_a_home_every_user_can_write_is_warned_about_and_kept_as_it_is(
    backed_up_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = backed_up_home
    home.chmod(0o777)
    try:
        assert run(["--home", str(home), "info"]) == 0
        err = capsys.readouterr().err
        assert (
            f"devjournal: warning: The journal's folder {home} can be written by every user "
            "of this computer (permissions 0777)" in err
        )
        assert f"chmod 700 {home}" in err
        assert home.stat().st_mode & 0o777 == 0o777  # said, not changed
    finally:
        home.chmod(0o700)


# -- writes that would hide or lose the journal ---------------------------------------------
def test_a_restore_does_not_replace_a_read_only_journal(
    read_only_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = read_only_home
    journal = home / "journal.sqlite"
    before = _files(home)
    assert run(["--home", str(home), "backup", "restore", "1"]) == 1
    err = capsys.readouterr().err
    assert (
        "The journal is read-only (its permissions are 0444): nothing was restored. To "
        f"change it, make it writable (chmod u+w {journal})." in err
    )
    assert err.count("\n") == 1
    assert _files(home) == before
    assert not list(home.glob("journal.sqlite.before-restore-*"))


@pytest.mark.parametrize("command", [["sample"], ["import", "jrnl"]])
def test_a_write_does_not_fill_an_emptied_journal_that_has_backups(
    backed_up_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    home = backed_up_home
    journal = home / "journal.sqlite"
    journal.write_bytes(b"")
    before = _files(home)
    args = [*command, str(_jrnl(tmp_path))] if command[0] == "import" else command
    assert run(["--home", str(home), *args]) == 1
    err = capsys.readouterr().err
    assert f"The journal {journal} is empty (0 bytes)" in err
    assert "'devjournal backup restore ID' puts one back" in err
    assert err.count("\n") == 1
    assert _files(home) == before
    diagnosis = diagnose(journal, home / "backups")
    assert diagnosis is not None and diagnosis.damage is Damage.MISSING  # still offered


def test_an_emptied_journal_without_backups_is_started_anew_by_a_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "journal.sqlite").write_bytes(b"")
    assert run(["--home", str(home), "import", "jrnl", str(_jrnl(tmp_path))]) == 0
    assert "Added 1" in capsys.readouterr().out


def test_check_on_a_damaged_journal_without_backups_does_not_point_to_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.damage import torn_page

    home = tmp_path / "home"
    assert run(["--home", str(home), "sample"]) == 0
    torn_page(home)
    capsys.readouterr()
    assert run(["--home", str(home), "check"]) == 1
    out = capsys.readouterr().out
    assert "Your backups are in" not in out
    assert f"There are no backups of this journal yet (none in {home / 'backups'})" in out
    assert not (home / "backups").exists()


@pytest.mark.parametrize(
    "name", ["journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm", "JOURNAL.SQLITE"]
)
@pytest.mark.parametrize(
    "export",
    [
        ["journal"],
        ["summary", "--format", "pdf"],
        ["history", "--format", "md"],
        ["checkins"],
        ["sessions"],
    ],
    ids=["journal", "summary", "history", "checkins", "sessions"],
)
def test_no_export_replaces_the_journal_or_its_log(
    backed_up_home: Path, capsys: pytest.CaptureFixture[str], name: str, export: list[str]
) -> None:
    home = backed_up_home
    target = home / name
    target_before = target.read_bytes() if target.exists() else None
    before = _files(home)
    assert run(["--home", str(home), "export", *export, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert (
        f"Cannot write {target}: {name} is a journal file (an SQLite database or its log), "
        "and an export never replaces one. Choose another name." in err
    ), err
    assert err.count("\n") == 1
    assert _files(home) == before
    assert (target.read_bytes() if target.exists() else None) == target_before
    assert run(["--home", str(home), "check"]) == 0
