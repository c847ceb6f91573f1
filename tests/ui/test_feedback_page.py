"""Feedback you can act on, in the window (``ui/pages/feedback_page.py``): written down and
weighed in the entry form, listed by priority, filtered by theme, and turned into a goal
or an action item on the Coaching page, which the feedback then keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import EntryKind, Heard, Impact, SprintKind
from devjournal.domain.feedback import Priority
from devjournal.domain.models import FeedbackDetails, LogEntryDraft, SprintDraft
from devjournal.services.container import Services
from devjournal.ui.dialogs.action_dialog import ActionDialog
from devjournal.ui.dialogs.entry_dialog import EntryDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.feedback_page import FeedbackPage
from tests.clocks import NOW
from tests.ui.test_forms import save


def _feedback(
    services: Services, title: str, details: FeedbackDetails | None = None, *tags: str
) -> int:
    return services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.FEEDBACK,
            occurred_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
            title=title,
            body="Give a *range*, and say what would move it.",
            tags=tags,
        ),
        details,
    ).value.id


def _sprint(services: Services) -> int:
    today = NOW.date()
    return services.coaching.create_sprint(
        SprintDraft(
            title="Q4 growth",
            kind=SprintKind.PERFORMANCE,
            start_date=today - timedelta(days=10),
            end_date=today + timedelta(days=50),
        )
    ).value.id


def _page(window: MainWindow, qtbot: QtBot) -> FeedbackPage:
    page = window.feedback_page
    assert page is not None
    window.sidebar.setCurrentRow(window.page_titles().index("Feedback"))
    page.refresh()
    qtbot.waitUntil(lambda: not page.reading)
    return page


def _listed(page: FeedbackPage) -> list[str]:
    return [page.list.item(row).text() for row in range(page.list.count())]


@pytest.fixture
def weighed(services: Services) -> dict[str, int]:
    return {
        "pattern": _feedback(
            services,
            "Estimates read as promises",
            FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN, reading="Best case only"),
            "estimation",
        ),
        "unread": _feedback(services, "Talks too fast in demos", None, "public speaking"),
        "low": _feedback(
            services,
            "Nitpicks in reviews",
            FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST, given_by="A teammate"),
            "code review",
        ),
    }


def test_until_its_first_read_answers_the_page_claims_nothing(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """While the feedback is being read, the page shows neither the list nor its empty
    state ("Feedback you can act on… Write down feedback"), which would be wrong for a
    journal full of feedback and would take the keyboard focus with its button."""
    _feedback(services, "Estimates read as promises")
    window.sidebar.setCurrentRow(window.page_titles().index("Feedback"))
    page = window.feedback_page
    assert page is not None and page.reading
    assert page.pages.currentWidget() not in (page.empty, page.log)
    assert not page.empty.button.hasFocus()
    qtbot.waitUntil(lambda: not page.reading)
    assert page.pages.currentWidget() is page.log
    assert _listed(page)[-1] == "Estimates read as promises"


def test_an_empty_log_says_what_feedback_is_for_and_offers_to_write_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _page(window, qtbot)
    assert page.pages.currentWidget() is page.empty
    page.empty.button.click()
    assert isinstance(page.dialog, EntryDialog)
    assert page.dialog.kind() is EntryKind.FEEDBACK
    assert page.dialog.feedback_box.isVisibleTo(page.dialog)
    assert page.dialog.windowTitle() == "New feedback"
    page.dialog.discard()


def test_feedback_is_listed_unread_first_then_by_priority_with_the_reason(
    window: MainWindow, qtbot: QtBot, weighed: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    assert _listed(page) == [
        "To read and weigh (1)",
        "Talks too fast in demos",
        "High (1)",
        "Estimates read as promises",
        "Low (1)",
        "Nitpicks in reviews",
    ]
    page.show_item(weighed["pattern"])
    assert page.priority_label.text() == "High priority: high impact, a pattern"
    assert page.reading_label.text() == "Best case only"
    assert page.summary_label.text().startswith("3 pieces still to act on, 1 of high priority")
    assert [b.text() for b in page.theme_buttons] == [
        "code review · 1",
        "estimation · 1",
        "public speaking · 1",
    ]
    page.theme_buttons[1].click()
    qtbot.waitUntil(lambda: not page.reading)
    assert _listed(page) == ["High (1)", "Estimates read as promises"]


def test_weighing_feedback_in_its_form_moves_it_up_the_list(
    window: MainWindow, qtbot: QtBot, services: Services, weighed: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.show_item(weighed["unread"])
    page.edit_shown()
    dialog = page.dialog
    assert isinstance(dialog, EntryDialog)
    dialog.impact_group.buttons["high"].click()
    assert dialog.priority_label.text() == (
        "Not weighed yet (high impact): choose both to see its priority"
    )
    dialog.heard_group.buttons["again"].click()
    assert dialog.priority_label.text() == "High priority: high impact, heard it before"
    dialog.reading_edit.setPlainText("I rush when I am nervous")
    save(dialog)
    qtbot.waitUntil(lambda: _listed(page)[0] == "High (2)")
    assert page.shown is not None and page.shown.entry.id == weighed["unread"]
    details = services.mentorship.feedback_details(weighed["unread"])
    assert (details.impact, details.heard) == (Impact.HIGH, Heard.AGAIN)
    assert details.reading == "I rush when I am nervous"


def test_feedback_turned_into_a_goal_end_to_end(
    window: MainWindow, qtbot: QtBot, services: Services, weighed: dict[str, int]
) -> None:
    sprint_id = _sprint(services)
    page = _page(window, qtbot)
    page.show_item(weighed["pattern"])
    assert page.goal_button.text() == "Turn into a goal…"
    page.goal_button.click()

    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    dialog = coaching.dialog
    assert isinstance(dialog, GoalDialog)
    assert dialog.title_edit.text() == "Estimates read as promises"
    assert dialog.specific_edit.toPlainText() == "Best case only"
    save(dialog)
    qtbot.waitUntil(lambda: coaching.dialog is None)

    goal = services.coaching.goals_of(sprint_id)[0]
    assert goal.title == "Estimates read as promises"
    assert services.mentorship.feedback_details(weighed["pattern"]).goal_id == goal.id
    page = _page(window, qtbot)
    qtbot.waitUntil(lambda: "Estimates read as promises" not in _listed(page))  # acted on
    page.show_combo.setCurrentIndex(page.show_combo.findData("acted"))
    qtbot.waitUntil(lambda: not page.reading)
    assert _listed(page) == ["Acted on (1)", "Estimates read as promises"]
    assert page.goal_button.text() == "Open the goal"
    page.goal_button.click()
    assert window.stack.currentWidget() is coaching
    assert coaching.view is not None and coaching.view.sprint.id == sprint_id


def test_feedback_turned_into_an_action_item(
    window: MainWindow, qtbot: QtBot, services: Services, weighed: dict[str, int]
) -> None:
    sprint_id = _sprint(services)
    page = _page(window, qtbot)
    page.show_item(weighed["low"])
    page.action_button.click()
    coaching = window.coaching_page
    assert coaching is not None
    dialog = coaching.dialog
    assert isinstance(dialog, ActionDialog)
    assert dialog.title_edit.text() == "Act on: Nitpicks in reviews"
    save(dialog)
    qtbot.waitUntil(lambda: coaching.dialog is None)
    action = services.coaching.actions_of(sprint_id)[0]
    assert services.mentorship.feedback_details(weighed["low"]).action_id == action.id


def test_without_a_running_sprint_it_says_so_and_opens_no_form(
    window: MainWindow, qtbot: QtBot, weighed: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.show_item(weighed["low"])
    page.goal_button.click()
    coaching = window.coaching_page
    assert coaching is not None and coaching.dialog is None
    boxes = [b for b in coaching.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "No sprint is running" in boxes[-1].text()
    boxes[-1].close()


def test_bad_input_in_the_feedback_fields_is_refused_at_the_field(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _page(window, qtbot)
    page.new_feedback()
    dialog = page.dialog
    assert isinstance(dialog, EntryDialog)
    dialog.title_edit.setText("Too long a name")
    dialog.given_by_edit.setText("x" * 201)
    save(dialog)
    assert dialog.error_text("given_by") == "A name is at most 200 characters."
    assert page.dialog is dialog and dialog.isVisible()  # nothing lost, nothing saved
    dialog.given_by_edit.setText("My manager")
    save(dialog)
    qtbot.waitUntil(lambda: page.items != [])
    assert page.items[0].details.given_by == "My manager"
    assert page.items[0].priority is Priority.UNREAD


def test_a_long_log_lists_the_most_pressing_first_and_more_on_request(
    window: MainWindow, qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        _feedback(services, f"Piece {n}", FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST))
    monkeypatch.setattr("devjournal.ui.pages.feedback_page.LISTED", 2)
    monkeypatch.setattr("devjournal.ui.pages.feedback_page.MORE", 2)
    page = _page(window, qtbot)
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    qtbot.waitUntil(lambda: not page.reading)
    assert _listed(page) == ["Low (5)", "Piece 4", "Piece 3", "Show 2 more of 3…"]
    more = page.list.item(3)
    page.list.setCurrentItem(more)
    page.list.itemActivated.emit(more)  # Enter on it
    qtbot.waitUntil(lambda: not page.reading and len(_listed(page)) == 6)
    assert _listed(page)[-1] == "Show 1 more of 1…"


def test_the_page_by_keyboard_alone(
    window: MainWindow, qtbot: QtBot, weighed: dict[str, int]
) -> None:
    action = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+7"))
    action.trigger()
    page = window.feedback_page
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.reading and page.list.count() > 0)
    page.list.setFocus()
    assert page.shown is not None and page.shown.entry.title == "Talks too fast in demos"
    QTest.keyClick(page.list, Qt.Key.Key_Down)  # over the "High" heading, to its piece
    assert page.shown is not None and page.shown.entry.title == "Estimates read as promises"
    QTest.keyClick(page.list, Qt.Key.Key_Return)
    assert isinstance(page.dialog, EntryDialog)
    assert page.dialog.windowTitle() == "Edit feedback"
    page.dialog.discard()
