"""Long jobs (imports, big exports) off the GUI thread, with progress and cancel.

A job is a plain function ``job(progress) -> result`` (see ``domain/jobs.py``) run on a
:class:`QThread`; results, errors and cancellation come back to the GUI thread as signals.

:func:`run_with_progress` wraps this in a window-modal progress dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from devjournal.domain.errors import DomainError
from devjournal.domain.jobs import Cancelled, Progress
from devjournal.ui import file_prompts
from devjournal.ui.plain_text import plain_label

log = logging.getLogger(__name__)

T = TypeVar("T")


class BackgroundTask(QThread, Generic[T]):
    """Runs ``job`` on its own thread; signals arrive on the thread that made the task."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(self, job: Callable[[Progress], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.progress = Progress(self.progressed.emit)

    def run(self) -> None:  # the worker thread
        try:
            result = self._job(self.progress)
        except Cancelled:
            self.was_cancelled.emit()
        except DomainError as exc:
            self.failed.emit(str(exc))
        except MemoryError:
            self.failed.emit("There was not enough memory to finish. Nothing was changed.")
        except Exception as exc:
            log.exception("background job failed")
            self.failed.emit(f"Something went wrong: {exc!r}. Details are in the log file.")
        else:
            # A job that returned did its work, even if Cancel came too late to stop it
            # (during the final commit): say it succeeded, not that nothing happened.
            self.succeeded.emit(result)

    def cancel(self) -> None:
        """Ask the job to stop (it stops at its next progress report)."""
        self.progress.cancel()

    def forget_job(self) -> None:
        """Let go of the job (and what it holds: a whole import) once it has ended."""
        self._job = _ended


def _ended(_progress: Progress) -> Any:
    raise RuntimeError("this task's job has ended")


_RUNNING: set[BackgroundTask[Any]] = set()
"""Tasks started by :func:`start`, held until they end: no widget owns them, so none
deletes a thread that still runs."""
_QUIT_HOOKED: set[int] = set()
"""The applications (by id) that wait for :data:`_RUNNING` when they quit."""


def start(
    job: Callable[[Progress], T],
    receiver: QObject,
    on_done: Callable[[T], None],
    on_failure: Callable[[str], None] | None = None,
) -> BackgroundTask[T]:
    """Run ``job`` on a worker thread; ``on_done`` (or ``on_failure``, with the message)
    is called on the GUI thread, and only while ``receiver`` (the widget or object that
    asked) still exists. The task belongs to no widget and is held until it ends; the
    application waits for it when it quits. (A failure is logged by the task.)"""
    task: BackgroundTask[T] = BackgroundTask(job)

    def succeeded(result: T) -> None:
        if shiboken6.isValid(receiver):
            on_done(result)

    def failed(message: str) -> None:
        if on_failure is not None and shiboken6.isValid(receiver):
            on_failure(message)

    def finished() -> None:
        _RUNNING.discard(task)
        task.deleteLater()

    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    task.finished.connect(finished)
    app = QCoreApplication.instance()
    if app is not None and id(app) not in _QUIT_HOOKED:
        app.aboutToQuit.connect(wait_for_all)
        _QUIT_HOOKED.add(id(app))
    _RUNNING.add(task)
    task.start()
    return task


def wait_for_all(timeout_ms: int = 30_000) -> None:
    """Wait for every task :func:`start` started (the application is quitting, or the
    window's session is over)."""
    for task in list(_RUNNING):
        if not task.wait(timeout_ms):
            log.warning("a background task did not end within %d ms", timeout_ms)


def run_with_progress(
    parent: QWidget,
    title: str,
    job: Callable[[Progress], T],
    on_success: Callable[[T], None],
    *,
    on_failure: Callable[[str], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    on_end: Callable[[], None] = lambda: None,
) -> BackgroundTask[T]:
    """Run ``job`` off the GUI thread behind a window-modal progress dialog with Cancel.

    A failure is shown in a message box unless ``on_failure`` is given. ``on_end`` runs
    when the task has ended, however it ended, before the outcome's callback. Callers go
    through :meth:`Ops.with_progress <devjournal.ui.ops.Ops.with_progress>`, which lets
    one such job run at a time in a window.
    """
    dialog = _progress_dialog(parent, title)
    task: BackgroundTask[T] = BackgroundTask(job, parent)

    def say_failure(message: str) -> None:
        if on_failure is not None:
            on_failure(message)
        else:
            file_prompts.tell(parent, title, message, warning=True)

    def ended(then: Callable[..., None]) -> Callable[..., None]:
        def end(*outcome: object) -> None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            task.wait()
            # Not task.deleteLater(): a QThread deleted at once after its wait() crashed
            # the process about once in a few hundred runs on a loaded machine. The task
            # goes with ``parent``; what its job held goes now.
            task.forget_job()
            on_end()
            then(*outcome)

        return end

    def cancel_pressed() -> None:
        dialog.setLabelText("Stopping… nothing is kept.")
        dialog.show()  # Qt hides a cancelled dialog; it stays until the job has stopped
        task.cancel()

    task.progressed.connect(lambda done, total, label: _show_progress(dialog, done, total, label))
    task.succeeded.connect(ended(on_success))
    task.failed.connect(ended(say_failure))
    task.was_cancelled.connect(ended(on_cancel or (lambda: None)))
    dialog.canceled.connect(cancel_pressed)
    task.start()
    return task


def _progress_dialog(parent: QWidget, title: str) -> QProgressDialog:
    """A window-modal progress dialog with Cancel, shown at once: the window must not
    write to the journal while a long import holds its write lock."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setLabel(plain_label(title))  # progress names files and entries
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    # Progress goes to the bar itself: QProgressDialog.setValue on a modal dialog runs a
    # nested processEvents(), where the job's last signal could end the task and delete it
    # (and the dialog) under the call still on the stack: a crash.
    bar = QProgressBar(dialog)
    bar.setRange(0, 0)
    dialog.setBar(bar)
    return dialog


def _show_progress(dialog: QProgressDialog, done: int, total: int, label: str) -> None:
    """Move the dialog's bar (a busy bar while the total is unknown) and say what is done."""
    bar = dialog.findChild(QProgressBar)
    if bar is not None:
        if total > 0 and bar.maximum() != total:
            bar.setMaximum(total)
        bar.setValue(min(done, total) if total > 0 else 0)
    if label:
        dialog.setLabelText(label)


def stop_all(owner: QObject, timeout_ms: int = 30_000) -> int:
    """Cancel every task under ``owner`` and wait for each to stop (a window closing):
    a cancelled import rolls back; returns how many were still running."""
    running = [t for t in owner.findChildren(BackgroundTask) if t.isRunning()]
    for task in running:
        log.info("cancelling a background job as the window closes")
        task.cancel()
    for task in running:
        if not task.wait(timeout_ms):
            log.warning("a background job did not stop within %d ms", timeout_ms)
    return len(running)
