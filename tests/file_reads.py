"""Whether anything in this process (Qt's C++ included, which Python's audit hooks never see)
opened a file: Linux's inotify, through ctypes.

    with FileReads(path) as reads:
        ...
    assert reads.opened == 0
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys
from pathlib import Path
from types import TracebackType

IN_ACCESS = 0x001
IN_OPEN = 0x020
IN_NONBLOCK = os.O_NONBLOCK
_EVENT = struct.Struct("iIII")


def available() -> bool:
    """inotify is there (Linux)."""
    return sys.platform.startswith("linux") and ctypes.util.find_library("c") is not None


class FileReads:
    """Counts the times ``path`` is opened or read while the block runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.opened = 0
        self._fd = -1

    def __enter__(self) -> FileReads:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = libc.inotify_init1(IN_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if libc.inotify_add_watch(self._fd, os.fsencode(self.path), IN_OPEN | IN_ACCESS) < 0:
            os.close(self._fd)
            raise OSError(ctypes.get_errno(), f"inotify_add_watch {self.path}")
        return self

    def count(self) -> int:
        """Events so far (opens and reads)."""
        while True:
            try:
                data = os.read(self._fd, 4096)
            except BlockingIOError:
                return self.opened
            at = 0
            while at + _EVENT.size <= len(data):
                _wd, mask, _cookie, length = _EVENT.unpack_from(data, at)
                if mask & (IN_OPEN | IN_ACCESS):
                    self.opened += 1
                at += _EVENT.size + length

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.count()
        os.close(self._fd)
