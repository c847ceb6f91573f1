"""The warning for a journal kept in a synced folder or on a network file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from devjournal.location import risky_location
from tests.clocks import run

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /mnt/home nfs4 rw,relatime 0 0
//nas/share /mnt/nas cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox/notes", "Dropbox"),
        ("OneDrive - Contoso/journal", "OneDrive"),
        ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud"),
        ("Google Drive/My Drive", "Google Drive"),
    ],
)
def test_a_synced_folder_is_named_in_the_warning(tmp_path: Path, folder: str, service: str) -> None:
    warning = risky_location(tmp_path / folder / "journal.sqlite", MOUNTS)
    assert warning is not None and f"a folder {service} syncs" in warning


def test_a_network_file_system_is_warned_about() -> None:
    warning = risky_location(Path("/mnt/home/me/journal.sqlite"), MOUNTS)
    assert warning is not None and "network file system (nfs4)" in warning
    assert "(cifs)" in (risky_location(Path("/mnt/nas/j/journal.sqlite"), MOUNTS) or "")


def test_a_local_folder_is_fine(tmp_path: Path) -> None:
    assert risky_location(tmp_path / "home" / "journal.sqlite", MOUNTS) is None
    assert risky_location(Path("/home/me/.local/share/devjournal/journal.sqlite"), MOUNTS) is None


def test_info_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "Dropbox" / "devjournal"
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    capsys.readouterr()
    assert run(["--home", str(home), "info"]) == 0
    assert "Warning: The journal is in a folder Dropbox syncs" in capsys.readouterr().out
