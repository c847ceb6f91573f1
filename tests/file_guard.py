"""A guard for the rule "only SQLite touches the journal while a connection is open".

On POSIX, closing *any* descriptor of a file drops every lock the process holds on it. If
Python opens (and closes) the journal, its -wal or -shm while one of this process's SQLite
connections has it open, the next process to close the journal takes itself for the last
one, checkpoints and deletes the WAL under us. An audit hook sees every Python-level
``open`` of the test process; when the file opened is one this process already holds open
(SQLite's descriptors in /proc/self/fd), that is the bug, and it is recorded (and the open
refused) so the test that did it fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

violations: list[str] = []
_installed = False
enabled = True
"""Off for a test whose own connection stands in for another process's (the marker
``connection_of_another_process``): there the byte-level look is the code under test."""


class ForeignOpenError(RuntimeError):
    """Python opened a database file this process holds open through SQLite."""


def _held_by_this_process(real: str) -> bool:
    fd_dir = "/proc/self/fd"
    try:
        names = os.listdir(fd_dir)  # noqa: PTH208  (plain os calls: no "open" events)
    except OSError:
        return False
    for name in names:
        try:
            if os.readlink(f"{fd_dir}/{name}") == real:  # noqa: PTH115
                return True
        except OSError:
            continue
    return False


def _looks_like_a_database_in_use(path: str) -> bool:
    if path.endswith(("-wal", "-shm")):
        return True
    return os.path.exists(path + "-wal")  # noqa: PTH110


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not enabled or event != "open" or not args:
        return
    target = args[0]
    if not isinstance(target, str | bytes | os.PathLike):
        return
    path = os.fsdecode(target)
    if not _looks_like_a_database_in_use(path):
        return
    real = os.path.realpath(path)
    if _held_by_this_process(real):
        message = f"{real} was opened by Python while an SQLite connection holds it"
        violations.append(message)
        raise ForeignOpenError(message)


def install() -> None:
    """Install the hook once per process (audit hooks cannot be removed)."""
    global _installed  # noqa: PLW0603
    if not _installed and Path("/proc/self/fd").is_dir():
        sys.addaudithook(_hook)
        _installed = True
