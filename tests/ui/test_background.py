"""Long jobs off the GUI thread: progress, results, errors and cancel come back as signals."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from devjournal.domain.errors import DomainError
from devjournal.domain.jobs import Progress
from devjournal.ui.background import BackgroundTask, run_with_progress


def test_a_job_runs_off_the_gui_thread_and_reports_progress(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[int, int, str]] = []

    def job(progress: Progress) -> int:
        assert threading.get_ident() != gui
        for n in range(3):
            progress.report(n + 1, 3, f"step {n + 1}")
        return 42

    task: BackgroundTask[int] = BackgroundTask(job)
    task.progressed.connect(lambda d, t, label: seen.append((d, t, label)))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as done:
        task.start()
    task.wait()
    assert done.args == [42]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3, "step 3")


def test_cancel_stops_the_job_at_its_next_report(qtbot: QtBot) -> None:
    started, release = threading.Event(), threading.Event()

    def job(progress: Progress) -> None:
        started.set()
        release.wait(5)
        progress.report(1, 2)
        raise AssertionError("not reached: the report raises Cancelled")

    task: BackgroundTask[None] = BackgroundTask(job)
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.was_cancelled, timeout=5000):
        task.cancel()
        release.set()
    task.wait()


def test_a_domain_error_is_a_message(qtbot: QtBot) -> None:
    def job(progress: Progress) -> None:
        raise DomainError("line 3: the date is not a date")

    task: BackgroundTask[None] = BackgroundTask(job)
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start()
    task.wait()
    assert failed.args == ["line 3: the date is not a date"]


@pytest.mark.parametrize("outcome", ["ok", "error"])
def test_run_with_progress_hands_back_the_result_or_the_message(qtbot: QtBot, outcome: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []

    def job(progress: Progress) -> str:
        progress.report(1, 1, "working")
        if outcome == "error":
            raise DomainError("bad file")
        return "done"

    ended: list[bool] = []

    run_with_progress(
        parent,
        "Import",
        job,
        results.append,
        on_failure=lambda m: results.append(("failed", m)),
        on_end=lambda: ended.append(not results),  # before the outcome is handed back
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == (["done"] if outcome == "ok" else [("failed", "bad file")])
    assert ended == [True]
