"""What every form does to keep what the user typed (issue 14, part 4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from devjournal.domain.clock import Clock
from devjournal.domain.models import GoalDraft, SessionDraft, Sprint
from devjournal.drafts import DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.dialogs.action_dialog import ActionDialog
from devjournal.ui.dialogs.entry_dialog import EntryDialog
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.session_dialog import SessionDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.formatting import date_edit
from devjournal.ui.main_window import MainWindow
from devjournal.ui.ops import Ops
from devjournal.ui.wheel_guard import guard_wheel
from tests.clocks import NOW
from tests.ui.prompts import answer_prompt
from tests.ui.test_coaching_page import RUNNING, with_running_goal


def running(services: Services) -> Sprint:
    return services.coaching.create_sprint(RUNNING).value


def shown(qtbot: QtBot, dialog: FormDialog) -> FormDialog:
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def prompt_of(dialog: FormDialog) -> QMessageBox | None:
    """The "Discard changes?" prompt open over ``dialog``, if one is."""
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1] if boxes else None


# -- ask before discarding --------------------------------------------------------------
def test_escape_on_a_changed_form_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    sprint = running(services)
    dialog = shown(qtbot, GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint))
    dialog.title_edit.setText("Pair on reviews")
    dialog.keep_draft()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = prompt_of(dialog)
    assert box is not None and dialog.isVisible()
    assert box.text() == "Discard changes?"
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert sorted(b.text() for b in box.buttons()) == ["Discard", "Keep editing"]
    assert box.defaultButton().text() == "Keep editing"
    answer_prompt(dialog, "Keep editing")
    assert dialog.isVisible() and dialog.title_edit.text() == "Pair on reviews"
    assert DraftStore(paths.drafts).get(f"goal:new:sprint={sprint.id}") is not None

    dialog.close()  # the window's close button asks too
    answer_prompt(dialog, "Discard")
    assert not dialog.isVisible()
    assert DraftStore(paths.drafts).get(f"goal:new:sprint={sprint.id}") is None


def test_cancel_on_an_unchanged_form_closes_without_asking(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock
) -> None:
    dialog = shown(qtbot, SprintDialog(Ops(), services.coaching, DraftStore(paths.drafts), clock))
    dialog.title_edit.setText("typed")
    dialog.title_edit.setText("")  # and taken back: nothing changed
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert prompt_of(dialog) is None
    assert not dialog.isVisible()


def test_a_restored_draft_is_asked_about_before_it_is_thrown_away(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    sprint = running(services)
    goal = services.coaching.add_goal(GoalDraft(sprint_id=sprint.id, title="Fewer pages")).value
    first = GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint, goal=goal)
    first.title_edit.setText("Fewer pages, faster")
    first.keep_draft()
    first.hide()  # a crash: no Cancel, no Save
    again = shown(
        qtbot, GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint, goal=goal)
    )
    assert again.title_edit.text() == "Fewer pages, faster"
    again.reject()
    answer_prompt(again, "Keep editing")
    assert DraftStore(paths.drafts).get(f"goal:{goal.id}") is not None
    again.reject()
    answer_prompt(again, "Discard")
    assert DraftStore(paths.drafts).get(f"goal:{goal.id}") is None


# -- focus order ------------------------------------------------------------------------
def test_tab_from_the_title_goes_to_the_body_in_every_form_with_one(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock
) -> None:
    sprint = running(services)
    drafts = DraftStore(paths.drafts)
    entry = shown(qtbot, EntryDialog(Ops(), services, drafts, clock))
    goal = shown(qtbot, GoalDialog(Ops(), services.coaching, drafts, sprint))
    for dialog, title, body in (
        (entry, entry.title_edit, entry.body_edit),
        (goal, goal.title_edit, goal.specific_edit),
    ):
        dialog.activateWindow()
        title.setFocus()
        qtbot.waitUntil(title.hasFocus)
        qtbot.keyClick(title, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is body, type(dialog).__name__
        qtbot.keyClicks(body, "What was said")
        assert body.toPlainText() == "What was said"


def test_tab_walks_a_form_top_to_bottom_then_to_the_buttons(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock
) -> None:
    dialog = shown(qtbot, SprintDialog(Ops(), services.coaching, DraftStore(paths.drafts), clock))
    dialog.activateWindow()
    dialog.title_edit.setFocus()
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    seen: list[QWidget] = []
    for _ in range(20):  # a date takes a Tab per part (day, month, year)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        if dialog.focusWidget() not in seen:
            seen.append(dialog.focusWidget())
    assert seen[:7] == [
        dialog.kind_combo,
        dialog.coach_combo,
        dialog.focus_edit,
        dialog.start_edit,
        dialog.end_edit,
        dialog.cadence_spin,
        dialog.serves_combo,
    ]
    assert set(seen[7:9]) == set(dialog.buttons.buttons())


# -- the mouse wheel --------------------------------------------------------------------
def wheel(widget: QWidget, steps: int = 1) -> None:
    """Turn the mouse wheel over ``widget`` (down by ``steps`` notches)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_an_unfocused_date_and_changes_a_focused_one(
    qtbot: QtBot,
) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    edit = date_edit()
    edit.setDate(QDate(2026, 11, 18))
    column.addWidget(QLineEdit())
    column.addWidget(edit)
    column.addSpacing(2000)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    guard_wheel(page)
    wheel(edit, 3)
    assert edit.date() == QDate(2026, 11, 18)
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    edit.setFocus()
    area.activateWindow()
    qtbot.waitUntil(edit.hasFocus)
    wheel(edit)
    assert edit.date() != QDate(2026, 11, 18)


def test_scrolling_the_coaching_page_over_a_check_in_day_leaves_the_day_alone(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    sprint = running(services)
    for title in ("Fewer pages", "Fewer alerts", "Faster reviews"):
        services.coaching.add_goal(
            GoalDraft(sprint_id=sprint.id, title=title, baseline=12, target=2)
        )
    window.sidebar.setCurrentRow(1)
    page = window.coaching_page
    assert page is not None
    page.refresh()
    card = next(iter(page.goal_cards.values()))
    before = card.day_edit.date()
    wheel(card.day_edit, 3)
    assert card.day_edit.date() == before


def test_the_wheel_leaves_an_unfocused_choice_in_a_form_alone(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    sprint = running(services)
    dialog = shown(qtbot, GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint))
    assert not dialog.metric_combo.hasFocus()
    wheel(dialog.metric_combo)
    wheel(dialog.every_spin)
    assert dialog.metric_combo.currentIndex() == 0
    assert dialog.every_spin.value() == 7


# -- validation messages ----------------------------------------------------------------
def save(dialog: FormDialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_a_field_error_clears_as_soon_as_the_value_is_valid(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock
) -> None:
    dialog = shown(qtbot, EntryDialog(Ops(), services, DraftStore(paths.drafts), clock))
    dialog.source_edit.setText("ftp://x")
    dialog.source_edit.textEdited.emit("ftp://x")
    save(dialog)
    assert dialog.error_text("title") == "The entry title cannot be empty."
    assert dialog.error_text("source_url") == "Enter an http or https address."
    qtbot.keyClicks(dialog.title_edit, "A talk")
    assert dialog.error_text("title") == ""
    assert dialog.error_text("source_url") == "Enter an http or https address."  # still wrong
    dialog.source_edit.clear()
    qtbot.keyClicks(dialog.source_edit, "https://example.com/talk")
    assert dialog.error_text("source_url") == ""


def test_the_smart_check_and_the_status_error_agree_as_the_user_types(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    sprint = running(services)
    dialog = shown(qtbot, GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint))
    qtbot.keyClicks(dialog.title_edit, "Review pull requests within a day")
    dialog.specific_edit.setPlainText("Every review request gets a first answer within a day")
    qtbot.keyClicks(dialog.metric_name_edit, "median review time")
    qtbot.keyClicks(dialog.unit_edit, "hours")
    qtbot.keyClicks(dialog.baseline_edit, "30")
    qtbot.keyClicks(dialog.target_edit, "8")
    dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData("down"))
    dialog.achievable_edit.setPlainText("I review first thing every morning")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("active"))
    save(dialog)
    assert dialog.error_text("status").startswith("Fill the SMART gaps (R)")
    assert [letter for letter, (ok, _) in dialog.smart_text().items() if not ok] == ["R"]
    dialog.relevant_edit.setPlainText("Slow reviews are what my team complains about")
    assert all(ok for ok, _ in dialog.smart_text().values())
    assert dialog.error_text("status") == ""  # the check says SMART; so does the form


def test_the_quick_check_in_message_clears_once_the_value_is_a_number(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page, goal = with_running_goal(window, services)
    card = page.goal_cards[goal.id]
    assert card.value_edit is not None
    qtbot.keyClicks(card.value_edit, "twelve")
    card.add_checkin_button.click()
    assert card.checkin_message.isVisible()
    assert card.checkin_message.text() == "Enter a number, e.g. 12 or 12.5."
    card.value_edit.clear()
    qtbot.keyClicks(card.value_edit, "1")
    assert not card.checkin_message.isVisible()


# -- warnings: allowed, but said before saving -----------------------------------------
def test_a_check_in_dated_in_the_future_is_warned_about_before_and_after_saving(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page, goal = with_running_goal(window, services)
    card = page.goal_cards[goal.id]
    assert card.value_edit is not None
    assert not card.checkin_warning.isVisibleTo(card)
    card.day_edit.setDate(QDate(2026, 11, 25))  # the clock says 18 November
    assert card.checkin_warning.isVisibleTo(card)
    assert card.checkin_warning.text() == (
        "25 Nov 2026 is in the future: a check-in records what was measured. Is the date right?"
    )
    qtbot.keyClicks(card.value_edit, "9")
    qtbot.keyClick(card.value_edit, Qt.Key.Key_Return)
    assert [c.on_date for c in services.coaching.checkins_of(goal.id)] == [date(2026, 11, 25)]
    assert page.window().notices.text() == (
        "Saved the check-in of 25 Nov 2026, a day in the future: is the date right?"
    )


def test_a_session_marked_held_before_it_starts_is_warned_about(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock
) -> None:
    sprint = running(services)
    dialog = shown(
        qtbot,
        SessionDialog(
            Ops(),
            services.coaching,
            DraftStore(paths.drafts),
            sprint,
            date(2026, 11, 18),
            clock=clock,
        ),
    )
    dialog.day_edit.setDate(QDate(2026, 11, 20))
    assert dialog.warning_text("status") == ""
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("held"))
    assert dialog.warning_text("status") == (
        "Marked held, but the session has not started yet. Is the date right?"
    )
    dialog.day_edit.setDate(QDate(2026, 11, 17))
    assert dialog.warning_text("status") == ""


def test_a_commitment_due_before_its_session_is_warned_about(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    sprint = running(services)
    session = services.coaching.add_session(
        SessionDraft(sprint_id=sprint.id, starts_at=datetime(2026, 11, 10, 10, tzinfo=UTC))
    ).value
    dialog = shown(
        qtbot,
        ActionDialog(
            Ops(),
            services.coaching,
            DraftStore(paths.drafts),
            sprint_id=sprint.id,
            goals=[],
            today=date(2026, 11, 18),
            session_id=session.id,
        ),
    )
    assert dialog.warning_text("due_date") == ""
    dialog.due_edit.setDate(QDate(2026, 11, 3))
    assert dialog.warning_text("due_date") == (
        "Due before the session it was made in (10 Nov 2026). Is the date right?"
    )
    dialog.has_due.setChecked(False)
    assert dialog.warning_text("due_date") == ""


# -- drafts found at start ----------------------------------------------------------------
def offer_shown(window: MainWindow, qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(
        lambda: window.draft_offer is not None and window.draft_offer.prompt is not None
    )
    assert window.draft_offer is not None and window.draft_offer.prompt is not None
    return window.draft_offer.prompt


def press(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


def test_drafts_left_by_an_earlier_run_are_offered_at_start(
    make_window: Callable[[], MainWindow],
    qtbot: QtBot,
    services: Services,
    paths: AppPaths,
    clock: Clock,
) -> None:
    sprint = running(services)
    crashed = DraftStore(paths.drafts, clock)  # the run that crashed
    entry = EntryDialog(Ops(), services, crashed, clock)
    entry.title_edit.setText("Half a thought")
    entry.body_edit.setPlainText("Sam said to ship smaller")
    entry.keep_draft()
    goal = GoalDialog(Ops(), services.coaching, crashed, sprint)
    goal.title_edit.setText("Review within a day")
    goal.keep_draft()

    window = make_window()
    window.show()
    box = offer_shown(window, qtbot)
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert box.text() == f"An unsaved entry “Half a thought” from 18 Nov {NOW.astimezone():%H:%M}."
    press(box, "Open")
    assert window.history_page is not None
    dialog = window.history_page.dialog
    assert isinstance(dialog, EntryDialog) and dialog.isVisible()
    assert dialog.body_edit.toPlainText() == "Sam said to ship smaller"
    assert dialog.restored_label.isVisibleTo(dialog)
    assert window.stack.currentWidget() is window.history_page

    save(dialog)  # saved: the next draft is offered
    box = offer_shown(window, qtbot)
    when = f"18 Nov {NOW.astimezone():%H:%M}"  # local time
    assert box.text() == f"An unsaved goal “Review within a day” from {when}."
    press(box, "Discard")
    assert DraftStore(paths.drafts).get(f"goal:new:sprint={sprint.id}") is None
    assert window.draft_offer is not None and window.draft_offer.prompt is None
    assert [e.title for e in services.mentorship.latest_entries()] == ["Half a thought"]


def test_opening_an_unchanged_form_leaves_no_draft_to_offer(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    sprint = running(services)
    dialog = shown(qtbot, GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint))
    dialog.keep_draft()  # the typing timer fires once the form is built
    assert DraftStore(paths.drafts).left_over == ()
