"""``devjournal desktop install|uninstall`` as a user runs it: a process, a data folder."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devjournal import desktop as dt


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


@pytest.mark.skipif(not dt.SUPPORTED, reason="freedesktop.org menus")
def test_desktop_install_from_the_command_line_opens_no_journal(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    env["DEVJOURNAL_HOME"] = str(tmp_path / "journal")

    def run(action: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "devjournal", "desktop", action],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )

    installed = run("install")
    assert installed.returncode == 0, installed.stderr
    assert "Installed the menu entry" in installed.stdout
    entry = _entry((tmp_path / "data" / dt.DESKTOP_FILE).read_text(encoding="utf-8"))
    assert entry["Exec"] == dt.exec_value([sys.executable, "-m", "devjournal"])
    assert not (tmp_path / "journal").exists()
    removed = run("uninstall")
    assert removed.returncode == 0
    assert f"Removed {len(dt.shipped_files())} files" in removed.stdout
    assert "nothing was removed" in run("uninstall").stdout
