"""One window per journal, and how unexpected errors reach the user."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from devjournal.ui.error_dialog import error_details, show_error
from devjournal.ui.single_instance import SingleInstance

SECOND_LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from devjournal.ui.single_instance import SingleInstance
app = QCoreApplication([])
second = SingleInstance(Path(sys.argv[1]), sys.argv[2])
if second.acquire():
    sys.exit(3)
sys.exit(0 if second.notify_running() else 4)
"""


def test_second_instance_hands_over_to_the_first(tmp_path: Path, qtbot: QtBot) -> None:
    lock, socket = tmp_path / "dj.lock", str(tmp_path / "dj.sock")
    first = SingleInstance(lock, socket)
    assert first.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=10_000):
        second = subprocess.Popen([sys.executable, "-c", SECOND_LAUNCH, str(lock), socket])
    assert second.wait(timeout=10) == 0  # it did not take the lock, and was answered
    first.release()
    third = SingleInstance(lock, socket)
    assert third.acquire()  # free again once the first let go
    third.release()


def test_notify_without_a_running_instance_gives_up(tmp_path: Path) -> None:
    lonely = SingleInstance(tmp_path / "dj.lock", str(tmp_path / "none.sock"))
    assert lonely.notify_running(timeout_s=0.3) is False


def test_error_dialog_copies_details(qtbot: QtBot) -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        details = error_details(*sys.exc_info())  # type: ignore[arg-type]
    assert "ValueError: boom" in details and "devjournal 0.1.0" in details
    seen: list[str] = []

    def interact() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy details")
        copy.click()
        assert box.isVisible()  # copying does not close it
        box.reject()

    QTimer.singleShot(100, interact)
    show_error(None, "devjournal", "Something went wrong.", details)
    assert seen == ["Something went wrong."]
    assert QApplication.clipboard().text() == details
