"""A whole session in the window, with every network connection refused: nothing leaves
the machine (the single-instance pipe is local and allowed)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Any attempt to reach a network address fails the test (local pipes are allowed)."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        attempts.append(address)
        raise AssertionError(f"devjournal tried to connect to {address!r}")

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append(address)
        raise AssertionError(f"devjournal tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", create_connection)
    return attempts


def test_a_full_session_in_the_window_makes_no_connection(
    no_network: list[Any], window: MainWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.ui.test_summary_dialog import _open
    from tests.ui.test_timeline_page import fill as fill_timeline
    from tests.ui.test_timeline_page import open_timeline

    dialog = _open(window, services)  # a sprint, goals, check-ins, the summary preview
    dialog.copy_button.click()
    from devjournal.exporting.summary_html import summary_html
    from devjournal.exporting.summary_pdf import summary_pdf

    summary_html(dialog.summary)
    summary_pdf(dialog.summary)
    dialog.reject()
    fill_timeline(services)
    page = open_timeline(window)
    page.render_pdf(tmp_path / "timeline.pdf")
    window.sidebar.setCurrentRow(3)  # History: read and search
    assert window.history_page is not None
    window.history_page.search_edit.setText("review")
    qtbot.wait(400)
    services.journal.backup("manual")
    window.close()
    assert no_network == []
