"""Makes a sample journal in a separate folder and opens it in its own window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from devjournal.desktop import launch_command

log = logging.getLogger(__name__)


def open_window_process(home: Path) -> bool:
    """Start another devjournal window on ``home``, detached from this one."""
    program, *args = launch_command()  # this devjournal: the bundle's binary, or Python
    ok, _pid = QProcess.startDetached(program, [*args, "--home", str(home)])
    return bool(ok)


class SampleLauncher(QObject):
    """Runs ``devjournal sample`` as a child process (off the GUI thread), then opens it."""

    finished = Signal(bool, str)  # success, message for the user

    def __init__(
        self,
        home: Path,
        open_window: Callable[[Path], bool] = open_window_process,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.home = home
        self._open_window = open_window
        self._process: QProcess | None = None

    def start(self) -> None:
        """Make the sample and open it (a sample made before is opened as it is)."""
        if self._process is not None:
            return
        process = QProcess(self)
        program, *args = launch_command()
        process.setProgram(program)
        process.setArguments([*args, "--home", str(self.home), "sample", "--size", "small"])
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self._process = process
        log.info("making a sample journal in %s", self.home)
        process.start()

    def _on_process_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        self._process = None
        if process is None:
            return
        error = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
        process.deleteLater()
        # Exit 3: that folder's journal already holds data, i.e. the sample made earlier.
        if status == QProcess.ExitStatus.NormalExit and exit_code in (0, 3):
            self._open()
        else:
            self.finished.emit(False, error or f"Making the sample failed (exit {exit_code}).")

    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._process.deleteLater()
            self._process = None
            self.finished.emit(False, "Could not start devjournal to make the sample journal.")

    def _open(self) -> None:
        if self._open_window(self.home):
            self.finished.emit(True, f"The sample journal opened in a new window ({self.home}).")
        else:
            self.finished.emit(False, "The sample journal is ready but its window did not open.")
