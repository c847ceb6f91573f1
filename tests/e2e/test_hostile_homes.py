"""The real app as a process, in homes that are not what it expects: a journal made
read-only, an error dialog at start that a SIGTERM must still end, a lock left by
devjournal on another computer."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import RunningApp, app_env, devjournal


def _said(app: RunningApp, needle: str, timeout: float = 30) -> str:
    """Read the app's stderr until ``needle`` (an error it printed) appears."""
    assert app.process.stderr is not None
    deadline = time.monotonic() + timeout
    err = ""
    while time.monotonic() < deadline and needle not in err:
        line = app.process.stderr.readline()
        if not line and app.process.poll() is not None:
            break
        err += line
    assert needle in err, err
    return err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sigterm_ends_an_error_dialog_shown_at_start(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    conn = sqlite3.connect(home / "journal.sqlite")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    app = start_app(home)
    _said(app, "is an SQLite database but not a devjournal journal")
    try:
        code = app.terminate(timeout=15)
    except subprocess.TimeoutExpired:
        code = None
    assert code == 1, "SIGTERM was ignored while the error dialog was shown"
    assert "closing QMessageBox on a signal" in app.log_text()


def _lock_from(home: Path, host: str, pid: int = 4242) -> Path:
    """The lock file QLockFile writes (pid, app, host, machine id, boot id), as left by a
    devjournal that ran on ``host``."""
    lock = home / "devjournal.lock"
    lock.write_text(f"{pid}\ndevjournal\n{host}\n{'0' * 32}\n{'1' * 36}\n", encoding="utf-8")
    return lock


def test_a_stale_lock_from_another_computer_is_taken_over(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    _lock_from(home, host=f"not-{socket.gethostname()}")
    app = start_app(home)
    log = app.wait_for_log("start-up finished")
    assert "took over the lock devjournal left on not-" in log
    assert app.terminate() == 0


def test_a_lock_held_on_another_computer_says_so(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    lock = _lock_from(home, host="laptop-upstairs")
    holder = subprocess.Popen(  # a lock another machine holds over a network file system
        [
            "python3",
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
            str(lock),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        app = start_app(home)
        err = _said(app, "devjournal: error:")
        assert "open on this journal on another computer (laptop-upstairs, process 4242)" in err
        assert "Close that window" not in err
        assert app.terminate() == 1
    finally:
        holder.kill()
        holder.wait()


def test_the_window_does_not_open_a_journal_made_read_only(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    journal = home / "journal.sqlite"
    journal.chmod(0o444)
    before = _digest(journal)
    app = start_app(home)
    app.wait_for_log("start problem dialog shown")
    log = app.log_text()
    assert "The journal is read-only" in log and "its permissions are 0444" in log
    assert app.terminate() == 1  # quit from the dialog: nothing was opened
    assert journal.stat().st_mode & 0o777 == 0o444
    assert _digest(journal) == before
    assert sorted(p.name for p in home.iterdir()) == ["journal.sqlite", "logs"]


def test_the_window_warns_of_a_home_every_user_can_write(
    tmp_path: Path, start_app: type[RunningApp]
) -> None:
    home = tmp_path / "home"
    assert devjournal("--home", str(home), "sample", "--size", "small").returncode == 0
    home.chmod(0o777)
    try:
        app = start_app(home)
        log = app.wait_for_log("start-up finished")
        assert (
            f"risky journal location: The journal's folder {home} can be written by every "
            "user of this computer (permissions 0777)" in log
        )
        assert app.terminate() == 0
        assert home.stat().st_mode & 0o777 == 0o777  # said, and left as the user set it
    finally:
        home.chmod(0o700)


# -- file systems and permissions the test makes for real -----------------------------------
def _can(*command: str) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", *command, "true"], capture_output=True, check=False)
    return probe.returncode == 0


AS_A_USER = ["--user", "--map-user=1000", "--map-group=1000"]
"""As root, a user namespace where this process is an ordinary user who owns root's files:
permissions then apply to it as they do to a user (root writes anywhere)."""

needs_a_user = pytest.mark.skipif(
    os.geteuid() == 0 and not _can(*AS_A_USER),
    reason="running as root, and this machine cannot make a user namespace (unshare)",
)
needs_mounts = pytest.mark.skipif(
    not _can("-rm"), reason="this machine cannot make a private mount (unshare)"
)


def _as_a_user(*args: str) -> subprocess.CompletedProcess[str]:
    """``devjournal ARGS`` run by an ordinary user (root is one in a user namespace)."""
    command = [sys.executable, "-m", "devjournal", *args]
    if os.geteuid() == 0:
        command = ["unshare", *AS_A_USER, *command]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=app_env(), check=False
    )


def _in_namespace(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``script`` run as root of a private mount namespace."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=180,
        env={**app_env(), "PY": sys.executable, **env},
        check=False,
    )


def _jrnl(folder: Path, entries: int = 1, words: int = 1) -> Path:
    source = folder / "jrnl.json"
    source.write_text(
        json.dumps(
            {
                "entries": [
                    {"date": "2024-01-01", "title": f"From jrnl {i}", "body": f"word{i} " * words}
                    for i in range(entries)
                ]
            }
        ),
        encoding="utf-8",
    )
    return source


def _state(home: Path) -> dict[str, str]:
    return {
        str(p.relative_to(home)): _digest(p)
        for p in sorted(home.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


@needs_a_user
def test_a_read_only_home_is_read_and_never_written(tmp_path: Path, backed_up_home: Path) -> None:
    home = backed_up_home
    home.chmod(0o555)
    try:
        before = _state(home)
        for command in (
            ["search", "design"],
            ["info"],
            ["check"],
            ["sprints"],
            ["export", "journal", "-o", str(tmp_path / "out.json")],
        ):
            done = _as_a_user("--home", str(home), *command)
            assert done.returncode == 0, (command, done.stderr)
            assert "readonly database" not in done.stderr
        imported = _as_a_user("--home", str(home), "import", "jrnl", str(_jrnl(tmp_path)))
        assert imported.returncode == 1
        assert (
            "The journal is read-only (you do not have permission to write in its folder "
            f"{home}): nothing was imported." in imported.stderr
        )
        assert "Traceback" not in imported.stderr
        assert _state(home) == before
        assert sorted(p.name for p in home.iterdir()) == ["backups", "journal.sqlite", "logs"]
    finally:
        home.chmod(0o700)


@needs_a_user
def test_a_backup_folder_that_is_not_writable_is_said_before_an_import(
    tmp_path: Path, backed_up_home: Path
) -> None:
    home = backed_up_home
    (home / "backups").chmod(0o555)
    try:
        before = _state(home)
        done = _as_a_user("--home", str(home), "import", "jrnl", str(_jrnl(tmp_path)))
        assert done.returncode == 1
        assert (
            "devjournal: error: Could not write the backup before importing: the backup "
            f"folder {home / 'backups'} is not writable. Nothing was imported; the journal "
            "is unchanged.\n" == done.stderr
        )
        assert _state(home) == before
    finally:
        (home / "backups").chmod(0o700)


@needs_mounts
def test_a_full_disk_during_the_backup_before_an_import_is_said(
    tmp_path: Path, backed_up_template: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    source = _jrnl(tmp_path)
    done = _in_namespace(
        'mount -t tmpfs -o size=4m tmpfs "$HOME_DIR" && cp -r "$TEMPLATE/." "$HOME_DIR/" '
        # 200 KB are left: room to open the journal, not to copy it (450 KB) into a backup
        '&& avail=$(df --output=avail -k "$HOME_DIR" | tail -1) '
        '&& head -c $(( (avail - 200) * 1024 )) /dev/zero > "$HOME_DIR/filler" '
        '&& sha256sum "$HOME_DIR/journal.sqlite" '
        '&& "$PY" -m devjournal --home "$HOME_DIR" import jrnl "$SOURCE"; echo "exit=$?" '
        '&& sha256sum "$HOME_DIR/journal.sqlite"',
        HOME_DIR=str(home),
        TEMPLATE=str(backed_up_template),
        SOURCE=str(source),
    )
    assert "exit=1" in done.stdout, done.stderr
    assert (
        "devjournal: error: Could not write the backup before importing: the disk holding "
        f"{home / 'backups'} is full. Nothing was imported; the journal is unchanged."
        in done.stderr
    )
    assert "may be damaged" not in done.stderr and "Traceback" not in done.stderr
    digests = [line.split()[0] for line in done.stdout.splitlines() if "journal.sqlite" in line]
    assert len(digests) == 2 and digests[0] == digests[1]


@needs_mounts
def test_a_log_that_cannot_be_written_mid_import_prints_no_tracebacks(
    tmp_path: Path, journal_template: Path
) -> None:
    """The disk fills up during an import, and the log on it can no longer be written (as
    when a file system turns read-only under the process): one line each, no tracebacks."""
    home = tmp_path / "home"
    home.mkdir()
    source = _jrnl(tmp_path, entries=600, words=1500)
    done = _in_namespace(
        'mount -t tmpfs -o size=3m tmpfs "$HOME_DIR" && cp "$EMPTY" "$HOME_DIR/journal.sqlite" '
        '&& mkdir "$HOME_DIR/logs" && touch "$HOME_DIR/logs/devjournal.log" '
        '&& mount --bind /dev/full "$HOME_DIR/logs/devjournal.log" '
        '&& "$PY" -m devjournal --home "$HOME_DIR" import jrnl "$SOURCE"; echo "exit=$?"',
        HOME_DIR=str(home),
        EMPTY=str(journal_template),
        SOURCE=str(source),
    )
    assert "exit=1" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr and "Logging error" not in done.stderr, done.stderr
    assert "cannot write the log" in done.stderr
    assert "The change was not saved: the disk is full. The journal is as it was." in done.stderr


@needs_a_user
def test_a_backup_folder_that_cannot_be_made_names_the_folder_it_would_be_in(
    backed_up_home: Path,
) -> None:
    home = backed_up_home
    shutil.rmtree(home / "backups")
    home.chmod(0o555)
    try:
        before = _state(home)
        done = _as_a_user("--home", str(home), "backup", "create")
        assert done.returncode == 1
        assert (
            "devjournal: error: Could not write the backup: the backup folder "
            f"{home / 'backups'} could not be made, because {home} is not writable. The "
            "journal is unchanged.\n" == done.stderr
        )
        assert _state(home) == before and not (home / "backups").exists()
    finally:
        home.chmod(0o700)
