"""Progress and cancel for long jobs (imports, big exports), with no Qt.

A job takes a :class:`Progress` and calls ``progress.report(done, total, label)`` now and
then; once someone called :meth:`Progress.cancel`, ``report`` raises :class:`Cancelled`, so
the job stops at a safe point (an import rolls its transaction back, an export writes
nothing). The window runs jobs on a thread (``ui/background.py``); the terminal runs them
in line with :data:`NO_PROGRESS` or a printer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):  # noqa: N818 - it is not an error: the user asked for it
    """The user cancelled the job (raised inside the job by :meth:`Progress.report`)."""


class Progress:
    """What a job is given to report progress and notice a cancel (thread-safe)."""

    def __init__(self, emit: Callable[[int, int, str], None] | None = None) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        """Say how far the job is; raises :class:`Cancelled` once cancel was asked."""
        self.check()
        if self._emit is not None:
            self._emit(done, total, label)

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancel was asked."""
        if self._cancel.is_set():
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        """Whether cancel was asked."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next report."""
        self._cancel.set()


def no_progress() -> Progress:
    """A progress that goes nowhere (for callers with nothing to show)."""
    return Progress()
