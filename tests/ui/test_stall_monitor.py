"""The stall monitor `make bench` runs every GUI figure under (bench/stall.py)."""

from __future__ import annotations

import time

import pytest
from bench.stall import INTERVAL_MS, StallMonitor, Stalls, resident_mb
from PySide6.QtWidgets import QApplication


def block_the_loop() -> str:
    time.sleep(0.15)
    return "done"


def test_a_step_that_blocks_the_gui_thread_is_the_longest_stall(qapp: QApplication) -> None:
    monitor = StallMonitor()

    result, longest = monitor.run(block_the_loop)

    assert result == "done"
    assert 150 <= longest < 150 + 20 * INTERVAL_MS
    assert "block_the_loop" in monitor.where  # where the stall was spent, from a sample


def test_steps_apart_are_stalls_apart_and_each_run_is_kept(qapp: QApplication) -> None:
    monitor, stalls = StallMonitor(), Stalls()

    results, longest = monitor.run_steps([lambda: time.sleep(0.06)] * 3)
    stalls.record(monitor)
    monitor.run(lambda: time.sleep(0.09))
    stalls.record(monitor)

    assert results == [None] * 3
    assert 60 <= longest < 120  # three steps of 60 ms, not one of 180 ms
    assert len(stalls.runs) == 2
    assert stalls.runs[1] >= 90
    assert stalls.as_json()["where"] == monitor.where


def test_a_failing_step_leaves_the_loop_and_is_raised(qapp: QApplication) -> None:
    def fail() -> None:
        raise ValueError("broken step")

    with pytest.raises(ValueError, match="broken step"):
        StallMonitor().run_steps([fail, block_the_loop])


def test_resident_memory_is_read_from_the_process_status() -> None:
    found = resident_mb()

    assert 0 < found["rss_mb"] <= found["hwm_mb"]
