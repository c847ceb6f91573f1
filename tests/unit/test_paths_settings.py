"""Paths (--home, DEVJOURNAL_HOME, platform folders) and the settings file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from devjournal.domain.errors import JournalError
from devjournal.files import atomic_write_text
from devjournal.paths import ENV_HOME, resolve_paths, sample_home_for
from devjournal.settings import Settings


def test_home_puts_everything_in_one_folder(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "j"), environ={})
    assert paths.custom_home
    for path in (paths.journal, paths.backups, paths.log_file, paths.settings, paths.lock_file):
        assert tmp_path / "j" in path.parents
    assert paths.instance_socket.startswith(str(tmp_path / "j"))
    assert sample_home_for(paths) == tmp_path / "j-sample"


def test_environment_variable_is_used_when_no_flag(tmp_path: Path) -> None:
    paths = resolve_paths(None, environ={ENV_HOME: str(tmp_path / "env")})
    assert paths.data_dir == tmp_path / "env"
    flag = resolve_paths(str(tmp_path / "flag"), environ={ENV_HOME: str(tmp_path / "env")})
    assert flag.data_dir == tmp_path / "flag"


def test_platform_folders_without_home() -> None:
    paths = resolve_paths(None, environ={})
    assert not paths.custom_home
    assert paths.data_dir.name == "devjournal"


def test_long_home_uses_a_short_socket_name(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / ("x" * 120)), environ={})
    assert paths.instance_socket.startswith("devjournal-")


@pytest.mark.parametrize("home", ["", "   "])
def test_empty_home_is_refused(home: str) -> None:
    with pytest.raises(JournalError, match="empty"):
        resolve_paths(home, environ={})


def test_home_that_is_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("hi")
    with pytest.raises(JournalError, match="is a file, not a folder"):
        resolve_paths(str(file), environ={})


def test_ensure_makes_private_folders(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "new" / "home"), environ={})
    paths.ensure()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.log_dir.stat().st_mode) == 0o700


def test_settings_round_trip_and_private(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.theme == "system"
    settings.theme = "dark"
    settings.set("window_geometry", "abc")
    settings.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = Settings(path)
    assert again.theme == "dark" and again.get_str("window_geometry") == "abc"


def test_unreadable_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings(path).theme == "system"
    path.write_text(json.dumps({"theme": "purple"}))
    assert Settings(path).theme == "system"


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_the_window_modules_do_not_load_the_orm() -> None:
    """Start-up paints Today before SQLAlchemy is imported; keep it that way."""
    import subprocess
    import sys

    code = (
        "import sys, devjournal.app, devjournal.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
