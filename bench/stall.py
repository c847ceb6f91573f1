"""The stall monitor every GUI benchmark runs under, and the process's resident memory.

A timer on the GUI thread ticks every ``INTERVAL_MS``; the longest gap between two ticks is
the longest time the event loop did not run (the window could neither repaint nor answer a
key), to within one interval. While a gap is open a watcher thread looks at the GUI
thread's stack now and then, so the report can say where the longest stall was spent.
"""

from __future__ import annotations

import linecache
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer

import devjournal

INTERVAL_MS = 5
"""How often the monitor ticks: a stall is measured to within this."""
PAUSE_MS = 20
"""Between two measured steps, as a user's keys and clicks are apart: ticks run between
them, so two steps never count as one stall."""
SETTLE_MS = 100
"""After the last step: what the steps left to the event loop (a deferred paint, a
zero-timer) runs under the monitor too."""
SAMPLE_AFTER_MS = 30
"""A gap this long has its GUI thread's stack sampled every ``SAMPLE_EVERY_MS``."""
SAMPLE_EVERY_MS = 10
WHERE_DEPTH = 3
"""How many of our frames a sample names."""
OURS = str(Path(devjournal.__file__).absolute().parent) + os.sep
"""Frames of code in this folder are devjournal's own."""


class StallMonitor(QObject):
    """The longest gap between ticks of a GUI-thread timer while it runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._gui_thread = threading.get_ident()
        self._last: float | None = None
        self._samples: list[str] = []
        self._stopped = threading.Event()
        self.longest_ms = 0.0
        self.where = ""  # where the GUI thread was during the longest stall

    def start(self) -> None:
        """Watch from the next tick on (the first tick comes once an event loop runs)."""
        self.reset()
        self._timer.start()
        self._stopped = threading.Event()
        threading.Thread(
            target=self._watch, args=(self._stopped,), name="stall-watcher", daemon=True
        ).start()

    def reset(self) -> None:
        """Forget the stalls so far (the ticks go on)."""
        self._last = None
        self._samples = []
        self.longest_ms = 0.0
        self.where = ""

    def stop(self) -> float:
        """Stop ticking; the longest stall seen, in ms."""
        self._timer.stop()
        self._stopped.set()
        return self.longest_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            gap = (now - self._last) * 1000
            if gap > self.longest_ms:
                self.longest_ms = gap
                self.where = _most_common(self._samples)
        self._samples = []
        self._last = now

    def _watch(self, stopped: threading.Event) -> None:
        """On its own thread: a sample of the GUI thread's stack while a gap is open."""
        while not stopped.is_set():
            # A plain sleep, not ``stopped.wait(...)``: a timed wait on a condition is
            # what a moved clock (libfaketime in CI) breaks, and the watcher never woke.
            time.sleep(SAMPLE_EVERY_MS / 1000)
            last = self._last
            if last is None or (time.perf_counter() - last) * 1000 < SAMPLE_AFTER_MS:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            if frame is not None:
                self._samples.append(_where(frame))

    def run_steps(
        self,
        steps: Sequence[Callable[[], Any]],
        *,
        pause_ms: int = PAUSE_MS,
        settle_ms: int = SETTLE_MS,
    ) -> tuple[list[Any], float]:
        """Run each step from the event loop (``pause_ms`` apart), then let it settle for
        ``settle_ms``, all under the monitor: each step's result, and the longest stall."""
        loop = QEventLoop()
        results: list[Any] = []
        pending = list(steps)
        failed: list[BaseException] = []

        def next_step() -> None:
            if not pending:
                QTimer.singleShot(settle_ms, loop.quit)
                return
            try:
                results.append(pending.pop(0)())
            except BaseException as exc:  # raised again once the loop is left
                failed.append(exc)
                loop.quit()
                return
            QTimer.singleShot(pause_ms, next_step)

        self.start()
        QTimer.singleShot(pause_ms, next_step)
        loop.exec()
        longest = self.stop()
        if failed:
            raise failed[0]
        return results, longest

    def run(self, step: Callable[[], Any], *, settle_ms: int = SETTLE_MS) -> tuple[Any, float]:
        """One step under the monitor: its result and the longest stall."""
        results, longest = self.run_steps([step], settle_ms=settle_ms)
        return results[0], longest


@dataclass
class Stalls:
    """One figure's stalls: each run's longest, and where the longest of all was spent."""

    runs: list[float] = field(default_factory=list)
    where: str = ""

    def record(self, monitor: StallMonitor) -> None:
        """Keep the run ``monitor`` has just watched."""
        if not self.runs or monitor.longest_ms > max(self.runs):
            self.where = monitor.where
        self.runs.append(monitor.longest_ms)

    def as_json(self) -> dict[str, Any]:
        return {"runs": self.runs, "where": self.where}


def timed(action: Callable[[], object]) -> float:
    """``action``'s time in ms."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _where(frame: FrameType) -> str:
    """The innermost frame of a stack and our own innermost frames, innermost first
    ("f:12 < caller:40"). When the innermost frame is the one running an event loop (at
    its ``exec()``), no Python runs: Qt is at its own work (layout, paint)."""
    names: list[str] = []
    ours = 0
    walked: FrameType | None = frame
    while walked is not None and ours < WHERE_DEPTH:
        code = walked.f_code
        name = f"{Path(code.co_filename).stem}.{code.co_name}:{walked.f_lineno}"
        if walked is frame and ".exec()" in linecache.getline(code.co_filename, walked.f_lineno):
            name = f"Qt's own work (layout, paint) in the event loop of {name}"
        if code.co_filename.startswith(OURS):
            ours += 1
            names.append(name)
        elif not names:
            names.append(name)  # the innermost, not ours: a library's, or the bench's
        walked = walked.f_back
    return " < ".join(names)


def _most_common(samples: list[str]) -> str:
    if not samples:
        return ""
    return Counter(samples).most_common(1)[0][0]


def resident_mb() -> dict[str, float]:
    """This process's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    found = {}
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024  # kB
    return {"rss_mb": found["VmRSS"], "hwm_mb": found["VmHWM"]}
