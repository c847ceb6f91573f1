"""The bundle's smoke test (the end of ``make bundle``): it is small enough, knows its
version, runs commands on a journal it creates, opens its window offscreen on a temporary
home and exits cleanly on SIGTERM, and installs a menu entry that starts it.

    python packaging/smoke_test.py dist/devjournal
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from devjournal import APP_ID, __version__

LIMIT_MB = 150
READY = "ready in"  # what the window logs once its pages are up


def fail(message: str) -> None:
    raise SystemExit(f"smoke test failed: {message}")


def size_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_000_000


def run(binary: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(binary), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    if done.returncode != 0:
        fail(f"devjournal {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def open_window(binary: Path, home: Path, env: dict[str, str]) -> float:
    """Start the window on an empty ``home``, wait until it is ready, SIGTERM it: seconds
    to ready."""
    log = home / "logs" / "devjournal.log"
    started = time.monotonic()
    process = subprocess.Popen(
        [str(binary), "--home", str(home)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while READY not in (log.read_text(encoding="utf-8") if log.exists() else ""):
            if process.poll() is not None:
                fail(f"the window exited {process.returncode}: {process.communicate()[1]}")
            if time.monotonic() - started > 90:
                fail("the window was not ready within 90 s")
            time.sleep(0.05)
        ready = time.monotonic() - started
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    if code != 0:
        fail(f"the window exited {code} on SIGTERM: {process.communicate()[1]}")
    return ready


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist/devjournal").resolve()
    binary = folder / ("devjournal.exe" if os.name == "nt" else "devjournal")
    if not binary.is_file():
        fail(f"no bundle at {binary}")
    size = size_mb(folder)
    if size >= LIMIT_MB:
        fail(f"the bundle is {size:.0f} MB, over {LIMIT_MB} MB")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DEVJOURNAL"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    version = run(binary, "--version", env=env).strip()
    if version != f"devjournal {__version__}":
        fail(f"--version says {version!r}, the package is {__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "sample"
        run(binary, "--home", str(home), "sample", "--size", "small", env=env)
        if "Sprints" not in run(binary, "--home", str(home), "info", env=env):
            fail("info does not describe the sample journal")
        pdf = Path(tmp) / "summary.pdf"
        run(
            binary,
            "--home",
            str(home),
            "export",
            "summary",
            "--format",
            "pdf",
            "-o",
            str(pdf),
            env=env,
        )
        if not pdf.read_bytes().startswith(b"%PDF"):
            fail("the summary is not a PDF")
        ready = open_window(binary, Path(tmp) / "empty", env)
        if sys.platform.startswith("linux"):
            env["XDG_DATA_HOME"] = str(Path(tmp) / "share")
            run(binary, "desktop", "install", env=env)
            entry = Path(tmp) / "share" / "applications" / f"{APP_ID}.desktop"
            if f"Exec={binary}" not in entry.read_text(encoding="utf-8").splitlines():
                fail("the menu entry does not start the bundle")
    print(
        f"bundle OK: {folder} is {size:.0f} MB (limit {LIMIT_MB}); {version}; commands ran;"
        f" the window was ready in {ready:.1f} s and exited cleanly"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
