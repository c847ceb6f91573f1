"""The one way the window calls a service, after Anki's ``aqt/operations``.

Every page and dialog calls its services through the window's :class:`Ops`:

- :meth:`Ops.write` (Anki's ``CollectionOp``): a change to the journal. It runs the
  service call, says a refusal (a :class:`DomainError`) in a window-modal message, or
  where the caller asks (a form shows it under its fields), and tells every page what
  changed: ``data_changed(changes, origin)``. The caller cannot forget to, and cannot
  say it twice. A write of one item takes a few milliseconds and runs where it was asked
  (``make bench`` watches the event loop for stalls).
- :meth:`Ops.write_in_background`: a long change (an import, filling a journal) on a
  worker thread, behind a window-modal progress dialog with Cancel; its changes are told
  the same way when it is done.
- :meth:`Ops.with_progress`: any other long job behind the same progress dialog (an
  import file read for its preview, a report written to a file). One long operation runs
  at a time in a window: while one runs, :attr:`Ops.busy` is true and another is refused
  with a message.
- :meth:`Ops.query` (Anki's ``QueryOp``): a read that may take longer than a frame, on a
  worker thread; the result comes back on the GUI thread, and is dropped if the widget
  that asked is gone.

Changes made by another program (the command line beside the window) are told with
:meth:`Ops.announce`, with no origin.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from devjournal.domain.errors import DomainError
from devjournal.domain.jobs import Progress
from devjournal.services.changes import Changes, Outcome
from devjournal.ui import file_prompts
from devjournal.ui.background import BackgroundTask, run_with_progress, start

log = logging.getLogger(__name__)

T = TypeVar("T")

TITLE = "devjournal"


class Ops(QObject):
    """One per window, handed to every page and form."""

    data_changed = Signal(object, object)
    """``(changes, origin)``: what a write changed (:class:`Changes`), and the widget that
    asked for it (None for a change made outside the window)."""

    BUSY = "Another import or export is still running; try again when it has finished."

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._long: BackgroundTask[Any] | None = None

    # -- writes ---------------------------------------------------------------------------
    def write(
        self,
        origin: QWidget,
        call: Callable[[], Outcome[T]],
        *,
        refused: Callable[[DomainError], None] | None = None,
    ) -> Outcome[T] | None:
        """Run ``call``, a service call that writes; tell every page what it changed and
        return its outcome. A refusal changes nothing: it is said over ``origin`` (or
        handed to ``refused``) and None is returned."""
        try:
            outcome = call()
        except DomainError as exc:
            if refused is not None:
                refused(exc)
            else:
                file_prompts.tell(origin, TITLE, str(exc), warning=True)
            return None
        self.announce(outcome.changes, origin)
        return outcome

    def write_in_background(
        self,
        origin: QWidget,
        title: str,
        job: Callable[[Progress], Outcome[T]],
        on_done: Callable[[T], None],
        *,
        on_failure: Callable[[str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> BackgroundTask[Outcome[T]] | None:
        """Run ``job`` (a long write that reports progress) on a worker thread behind a
        window-modal progress dialog with Cancel; when it is done, tell every page what it
        changed, then call ``on_done`` with its value. A failure is said over ``origin``
        (or handed to ``on_failure``); a cancelled job has changed nothing. Returns None
        (and says so) while another long operation is running."""

        def done(outcome: Outcome[T]) -> None:
            self.announce(outcome.changes, origin)
            on_done(outcome.value)

        return self.with_progress(
            origin, title, job, done, on_failure=on_failure, on_cancel=on_cancel
        )

    def with_progress(
        self,
        origin: QWidget,
        title: str,
        job: Callable[[Progress], T],
        on_done: Callable[[T], None],
        *,
        on_failure: Callable[[str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> BackgroundTask[T] | None:
        """Run ``job`` (a long job that reports progress and changes nothing the pages
        show) on a worker thread behind a window-modal progress dialog with Cancel, then
        call ``on_done`` with its result. A failure is said over ``origin`` (or handed to
        ``on_failure``). Returns None, and says so, while another long operation runs."""
        if self._long is not None:
            file_prompts.tell(origin, title, self.BUSY)
            return None

        def ended() -> None:
            self._long = None

        task = run_with_progress(
            origin, title, job, on_done, on_failure=on_failure, on_cancel=on_cancel, on_end=ended
        )
        self._long = task
        return task

    @property
    def busy(self) -> bool:
        """Whether a long operation (:meth:`with_progress`) is running."""
        return self._long is not None

    def announce(self, changes: Changes, origin: QObject | None = None) -> None:
        """Tell every page what changed (nothing is said when nothing did)."""
        if changes:
            self.data_changed.emit(changes, origin)

    # -- reads ----------------------------------------------------------------------------
    def query(
        self,
        origin: QWidget,
        call: Callable[[], T],
        on_done: Callable[[T], None],
        *,
        on_failure: Callable[[str], None] | None = None,
    ) -> BackgroundTask[T]:
        """Run ``call`` (a read that may take longer than a frame) on a worker thread;
        ``on_done`` gets its result on the GUI thread. A failure is said over ``origin``
        (or handed to ``on_failure``). Nothing is called once ``origin`` is gone."""

        def failed(message: str) -> None:
            if on_failure is not None:
                on_failure(message)
            else:
                file_prompts.tell(origin, TITLE, message, warning=True)

        return start(lambda _progress: call(), origin, on_done, failed)
