"""Run the real devjournal as a process with a temp --home, offscreen."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def app_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("DEVJOURNAL_HOME", None)
    return env


def devjournal(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a devjournal command to completion."""
    return subprocess.run(
        [sys.executable, "-m", "devjournal", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=app_env(),
        check=False,
    )


class RunningApp:
    """A devjournal window process and its log."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.log = home / "logs" / "devjournal.log"
        self._log_start = self.log.stat().st_size if self.log.exists() else 0
        self.process = subprocess.Popen(
            [sys.executable, "-m", "devjournal", "--home", str(home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=app_env(),
        )

    def log_text(self) -> str:
        if not self.log.exists():
            return ""
        with self.log.open(encoding="utf-8") as handle:
            handle.seek(self._log_start)
            return handle.read()

    def wait_for_log(self, needle: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log_text()
            if needle in text:
                return text
            if self.process.poll() is not None:
                out, err = self.process.communicate()
                pytest.fail(f"devjournal exited {self.process.returncode}: {err or out}")
            time.sleep(0.02)
        pytest.fail(f"no {needle!r} in the log within {timeout} s:\n{self.log_text()}")

    def terminate(self, timeout: float = 15) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)


@pytest.fixture
def start_app() -> Iterator[type[RunningApp]]:
    started: list[RunningApp] = []

    class Tracked(RunningApp):
        def __init__(self, home: Path) -> None:
            super().__init__(home)
            started.append(self)

    yield Tracked
    for app in started:
        if app.process.poll() is None:
            app.process.kill()
            app.process.wait(timeout=10)
