"""Privacy: nothing leaves the machine, and everything devjournal writes is the owner's
alone, whatever the umask."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import app_env

SRC = Path(__file__).resolve().parents[2] / "src" / "devjournal"
NETWORK_MODULES = {
    "http",
    "http.client",
    "urllib.request",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "socket",
    "ssl",
    "websocket",
    "websockets",
}
ALLOWED_QT_NETWORK = {"QLocalServer", "QLocalSocket"}  # the single-instance pipe, no network


def test_the_code_imports_nothing_that_talks_to_a_network() -> None:
    found = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "PySide6.QtNetwork":
                    extra = {a.name for a in node.names} - ALLOWED_QT_NETWORK
                    if extra:
                        found.append(f"{path.name}: QtNetwork {sorted(extra)}")
                    continue
                names = [node.module]
            else:
                continue
            found += [f"{path.name}: {n}" for n in names if n in NETWORK_MODULES]
    assert found == []


def _modes(root: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(root.rglob("*")):
        mode = stat.S_IMODE(path.stat().st_mode)
        want = 0o700 if path.is_dir() else 0o600
        if mode != want:
            out.append((str(path.relative_to(root)), oct(mode)))
    return out


def test_files_are_private_even_with_umask_000(tmp_path: Path) -> None:
    home = tmp_path / "home"
    steps = [
        ["sample", "--size", "small"],
        ["export", "journal", "-o", str(home / "exports" / "journal.json")],
        ["export", "summary", "--format", "pdf", "-o", str(home / "exports" / "summary.pdf")],
        ["backup", "create"],
        ["check"],
    ]
    for step in steps:
        done = subprocess.run(
            [sys.executable, "-m", "devjournal", "--home", str(home), *step],
            env=app_env(),
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=lambda: os.umask(0),
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert _modes(home) == []
