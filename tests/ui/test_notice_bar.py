"""The one notice bar above every page: what just happened, its Undo (button and Ctrl+Z),
gone after a while or on Dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.history_page import HistoryPage
from devjournal.ui.widgets.notice_bar import NoticeBar
from tests.ui.test_ops import _entry


def _deleted_in_history(window: MainWindow, services: Services) -> HistoryPage:
    """History on screen, its one entry read, then deleted from the reader."""
    services.mentorship.add_entry(_entry("Ask for the why"))
    window.sidebar.setCurrentRow(window.page_titles().index("History"))
    page = window.history_page
    assert page is not None
    page.reload()
    page.open_entry(services.mentorship.latest_entries()[0].id)
    page.delete_entry()
    assert window.notices.text() == "Deleted “Ask for the why”."
    return page


def test_every_page_says_its_notice_in_the_one_bar_and_ctrl_z_undoes_it(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page = _deleted_in_history(window, services)
    assert page.entry is None
    assert window.notices.button.toolTip() == "Undo (Ctrl+Z)"
    window.sidebar.setCurrentRow(window.page_titles().index("Today"))  # still offered
    qtbot.keyClick(window.today_page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in services.mentorship.latest_entries()] == ["Ask for the why"]
    assert window.notices.text() == ""


def test_a_text_field_keeps_ctrl_z_for_its_own_typing(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    field = _deleted_in_history(window, services).search_edit
    field.setFocus()
    qtbot.keyClicks(field, "kafka")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""  # the typing was undone, not the delete
    assert services.mentorship.latest_entries() == []
    assert window.notices.text() == "Deleted “Ask for the why”."


def test_a_notice_goes_after_a_while_or_on_dismiss(qtbot: QtBot) -> None:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    ran: list[str] = []
    bar.say("Closed the sprint.", "Open “Next”", lambda: ran.append("open"))
    assert bar.text() == "Closed the sprint." and bar.button.text() == "Open “Next”"
    assert not bar.undo_action.isEnabled()  # not an undo: Ctrl+Z is not taken
    bar.dismiss.click()
    assert bar.text() == "" and ran == []
    bar._timer.setInterval(10)
    bar.say("Deleted “a & b”.", "Undo", lambda: ran.append("undo"), undo=True)
    assert bar.button.text() == "Undo" and bar.undo_action.isEnabled()
    qtbot.waitUntil(lambda: bar.text() == "", timeout=2000)
    assert not bar.undo_action.isEnabled() and ran == []
    bar.say("Saved “R&D”.", "Open “R&D”", lambda: ran.append("open"))
    assert bar.button.text() == "Open “R&&D”"  # an & is shown, not a shortcut key
    bar.button.click()
    assert ran == ["open"] and bar.text() == ""
