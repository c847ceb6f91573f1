"""The Coaching page, driven as a user would: sprint, goal, check-ins, close, roll over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import ClosedState, Direction, GoalStatus, MetricKind, SprintKind
from devjournal.domain.models import CheckinDraft, Goal, GoalDraft, MilestoneDraft, SprintDraft
from devjournal.domain.pace import PaceStatus
from devjournal.domain.sprints import GoalOutcome, SprintClosing
from devjournal.drafts import DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services, open_services
from devjournal.ui.dialogs.checkin_dialog import CheckinDialog
from devjournal.ui.dialogs.close_sprint_dialog import NEW_SPRINT, CloseSprintDialog
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.formatting import to_qdate
from devjournal.ui.main_window import MainWindow
from devjournal.ui.ops import Ops
from devjournal.ui.pages.coaching.quick_checkins import quick_draft_key
from devjournal.ui.pages.coaching_page import CoachingPage
from devjournal.ui.widgets.goal_card import GoalCard
from tests.clocks import NOW, stopped
from tests.ui.prompts import answer_prompt

D = TypeVar("D", bound=FormDialog)

# The fixed clock says Wednesday 18 November 2026.
RUNNING = SprintDraft(
    title="Review faster",
    kind=SprintKind.PERFORMANCE,
    coach_name="Ines",
    start_date=date(2026, 10, 1),
    end_date=date(2026, 12, 19),
)

PLANNED = SprintDraft(
    title="Next quarter",
    kind=SprintKind.SKILLS,
    start_date=date(2027, 1, 4),
    end_date=date(2027, 3, 28),
)


def page_of(window: MainWindow) -> CoachingPage:
    assert window.coaching_page is not None
    window.sidebar.setCurrentRow(1)
    window.activateWindow()  # shortcuts and focus need the active window
    return window.coaching_page


def with_running_goal(window: MainWindow, services: Services) -> tuple[CoachingPage, Goal]:
    """The running sprint with one numeric goal, open on the Coaching page."""
    sprint = services.coaching.create_sprint(RUNNING).value
    goal = services.coaching.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Fewer pages", baseline=12, target=2)
    ).value
    page = page_of(window)
    page.refresh()
    return page, goal


def texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]


def opened(page: CoachingPage, kind: type[D]) -> D:
    """The dialog the page just opened (window-modal, not blocking)."""
    dialog = page.dialog
    assert isinstance(dialog, kind), f"expected a {kind.__name__}, got {dialog!r}"
    assert dialog.isVisible()
    return dialog


def click(dialog: FormDialog, text: str) -> None:
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == text)
    button.click()


def card_of(page: CoachingPage, goal_id: int) -> GoalCard:
    return page.goal_cards[goal_id]


def quick_checkin(
    qtbot: QtBot, page: CoachingPage, goal_id: int, value: str, note: str = ""
) -> None:
    card = card_of(page, goal_id)
    assert card.value_edit is not None and card.note_edit is not None
    card.value_edit.clear()
    qtbot.keyClicks(card.value_edit, value)
    if note:
        qtbot.keyClicks(card.note_edit, note)
    qtbot.mouseClick(card.add_checkin_button, Qt.MouseButton.LeftButton)


def test_sidebar_gets_coaching_with_an_empty_state(window: MainWindow) -> None:
    page = page_of(window)
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        "Today",
        "Coaching",
        "Mentorship",
        "History",
        "Timeline",
        "Guide",
        "Feedback",
        "Outreach",
        "Coaches",
        "Direction",
    ]
    assert "Your coaching sprints live here" in texts(page)
    assert page.empty_button.isVisible()
    page.empty_button.click()
    dialog = opened(page, SprintDialog)
    assert dialog.windowTitle() == "New sprint"
    click(dialog, "Cancel")
    assert page.dialog is None


def test_sprint_goal_checkins_close_and_roll_over(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page = page_of(window)

    # 1. Create a sprint; an end before the start is refused at the field first.
    page.new_button.click()
    dialog = opened(page, SprintDialog)
    dialog.title_edit.setText("Review faster")
    dialog.coach_edit.setText("Ines Varga")
    dialog.start_edit.setDate(to_qdate(date(2026, 10, 1)))
    dialog.end_edit.setDate(to_qdate(date(2026, 9, 1)))
    click(dialog, "Save")
    assert dialog.isVisible()
    assert dialog.error_text("end_date") == "The sprint cannot end before it starts."
    assert services.coaching.sprints() == []
    dialog.end_edit.setDate(to_qdate(date(2026, 12, 19)))
    click(dialog, "Save")
    assert page.view is not None and page.view.sprint.title == "Review faster"
    assert "Day 49 of 80" in texts(page)
    assert page.model.index(1, 0).data() == "Review faster"

    # 2. Add a goal and watch the SMART check fill in as the fields do.
    page.add_goal_button.click()
    goal_dialog = opened(page, GoalDialog)
    smart = goal_dialog.smart_text
    assert [smart()[x][0] for x in "SMART"] == [False, False, False, False, True]
    goal_dialog.title_edit.setText("Review turnaround")
    qtbot.keyClicks(goal_dialog.specific_edit, "Review every pull request within one working day")
    assert smart()["S"][0]
    qtbot.keyClicks(goal_dialog.metric_name_edit, "median review time")
    qtbot.keyClicks(goal_dialog.unit_edit, "hours")
    qtbot.keyClicks(goal_dialog.baseline_edit, "30")
    assert not smart()["M"][0] and "Add a target" in smart()["M"][1]
    qtbot.keyClicks(goal_dialog.target_edit, "10")
    assert not smart()["M"][0]  # higher is better, but the target is lower
    assert "below the baseline" in smart()["M"][1]
    goal_dialog.direction_combo.setCurrentIndex(1)  # lower is better
    assert smart()["M"][0] and "30 → 10 hours" in smart()["M"][1]
    goal_dialog.status_combo.setCurrentIndex(1)  # active
    click(goal_dialog, "Save")
    assert goal_dialog.error_text("status").startswith("Fill the SMART gaps (A, R)")
    goal_dialog.achievable_edit.setPlainText("I can block two review slots a day")
    goal_dialog.relevant_edit.setPlainText("Fast reviews are on the senior rubric")
    assert all(smart()[x][0] for x in "SMART")
    click(goal_dialog, "Save")
    [goal_view] = page.view.goals
    goal_id = goal_view.goal.id
    assert goal_view.goal.status is GoalStatus.ACTIVE
    card = card_of(page, goal_id)
    assert card.status_label.text() == "No data"
    assert card.chart.progress.points == ()

    # 3. Check-ins from the card: a typo is refused, numbers go in, status and chart follow.
    quick_checkin(qtbot, page, goal_id, "abc")
    card = card_of(page, goal_id)
    assert card.checkin_message.text() == "Enter a number, e.g. 12 or 12.5."
    assert card.checkin_message.isVisibleTo(page)
    assert services.coaching.checkins_of(goal_id) == []
    quick_checkin(qtbot, page, goal_id, "24", "first week of slots")
    card = card_of(page, goal_id)
    assert card.status_label.text() == "Behind"  # 30% of the way; the ideal is at 61%
    assert card.figures_label.text().startswith("30 → 24 → 10 hours · 30% of the way")
    assert "18 Nov 2026: 24 hours — first week of slots" in texts(card)
    assert [p.value for p in card.chart.progress.points] == [24]
    assert card.value_edit is not None and card.value_edit.text() == ""
    assert window.isActiveWindow() and card.value_edit.hasFocus()  # ready for the next
    quick_checkin(qtbot, page, goal_id, "19")
    card = card_of(page, goal_id)
    assert card.status_label.text() == "On track"  # 55% of the way
    assert [p.value for p in card.chart.progress.points] == [24, 19]
    card.day_edit.setDate(to_qdate(date(2026, 11, 10)))
    quick_checkin(qtbot, page, goal_id, "27")
    card = card_of(page, goal_id)
    assert card.status_label.text() == "On track"  # the latest day still says 19
    assert [p.value for p in card.chart.progress.points] == [27, 24, 19]  # ordered by day

    # 4. Edit a check-in in its dialog; the chart follows.
    earlier = next(c for c in services.coaching.checkins_of(goal_id) if c.value == 27)
    page.edit_checkin(earlier)
    edit = opened(page, CheckinDialog)
    edit.value_edit.setText("")
    click(edit, "Save")
    assert edit.error_text("value") == "Enter a number."
    edit.value_edit.setText("28")
    click(edit, "Save")
    assert [p.value for p in card_of(page, goal_id).chart.progress.points] == [28, 24, 19]

    # 5. Delete a check-in, then undo it from the notice bar.
    latest = next(c for c in services.coaching.checkins_of(goal_id) if c.value == 19)
    page.delete_checkin(latest)
    assert sorted(c.value for c in services.coaching.checkins_of(goal_id)) == [24, 28]
    assert card_of(page, goal_id).status_label.text() == "Behind"
    assert page.window().notices.text() == "Deleted the check-in of 18 Nov 2026."
    qtbot.mouseClick(page.window().notices.button, Qt.MouseButton.LeftButton)
    assert sorted(c.value for c in services.coaching.checkins_of(goal_id)) == [19, 24, 28]
    assert card_of(page, goal_id).status_label.text() == "On track"
    assert page.window().notices.text() == ""

    # 6. Close the sprint: the goal was missed and rolls over into a new sprint.
    page.close_button.click()
    close = opened(page, CloseSprintDialog)
    [(_, combo, final, lessons)] = close.outcome_rows
    assert combo.currentData() == "missed" and final.text() == "19"
    assert close.roll_boxes[goal_id].isChecked()
    assert close.rollover_combo.currentData() == NEW_SPRINT
    assert "Review faster (continued)" in close.rollover_hint.text()
    lessons.setText("Start the review slots in week one.")
    close.wins_edit.setPlainText("Team adopted a review SLA")
    close.retro_edit.setPlainText("Calendar blocks worked.")
    click(close, "Close sprint")
    closed = services.coaching.sprint(page.view.sprint.id)
    assert closed.closed_state is not None
    assert "Calendar blocks worked." in texts(page)
    assert not page.add_goal_button.isVisibleTo(page)
    assert card_of(page, goal_id).status_label.text() == "Missed"
    assert card_of(page, goal_id).value_edit is None  # no quick check-ins on a closed sprint
    assert page.window().notices.text() == (
        "Closed the sprint. 1 goal rolled over into “Review faster (continued)”."
    )
    [win] = services.mentorship.latest_entries()
    assert win.title == "Team adopted a review SLA"

    # 7. Open the new sprint from the notice: the goal is there, linked back, as a draft.
    page.window().notices.button.click()
    assert page.view.sprint.title == "Review faster (continued)"
    assert page.view.sprint.coach_name == "Ines Varga"
    [rolled] = page.view.goals
    assert rolled.goal.rolled_from_id == goal_id and rolled.goal.baseline == 19
    assert rolled.goal.status is GoalStatus.DRAFT
    rolled_texts = texts(card_of(page, rolled.goal.id))
    assert any("rolled over from an earlier sprint" in t for t in rolled_texts)
    assert any(t.startswith("Draft, SMART gaps: T.") for t in rolled_texts)


def test_rating_checkin_outside_its_scale_is_refused_and_outside_the_sprint_warned(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    sprint = services.coaching.create_sprint(RUNNING).value
    goal = services.coaching.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Run planning confidently",
            metric_kind=MetricKind.RATING,
            scale_max=5,
            metric_name="confidence",
            baseline=2,
            target=4,
        )
    ).value
    page = page_of(window)
    page.refresh()
    card = card_of(page, goal.id)
    assert card.value_edit is not None and card.value_edit.placeholderText() == "Rating 1-5"
    quick_checkin(qtbot, page, goal.id, "7")
    card = card_of(page, goal.id)
    assert card.checkin_message.text() == "A rating is from 1 to 5."
    assert services.coaching.checkins_of(goal.id) == []
    assert card.value_edit is not None and card.value_edit.text() == "7"  # kept to correct

    card.day_edit.setDate(to_qdate(date(2026, 9, 20)))  # before the sprint starts
    quick_checkin(qtbot, page, goal.id, "3")
    assert [c.value for c in services.coaching.checkins_of(goal.id)] == [3]
    assert "a day outside the sprint" in page.window().notices.text()
    assert "20 Sep 2026: 3/5" in texts(card_of(page, goal.id))


def test_milestone_goal_progresses_as_milestones_are_ticked(
    window: MainWindow, services: Services
) -> None:
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    goal = c.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Ship the re-index", metric_kind=MetricKind.MILESTONES)
    ).value
    for n, title in enumerate(("Scope agreed", "Data model", "Cohort one", "Everyone")):
        c.add_milestone(MilestoneDraft(goal_id=goal.id, title=title, position=n))
    page = page_of(window)
    page.refresh()
    card = card_of(page, goal.id)
    assert card.figures_label.text() == "0 of 4 milestones done · 0% of the way"
    card.milestone_boxes[0].click()
    card.milestone_boxes[1].click()
    card = card_of(page, goal.id)
    assert card.figures_label.text().startswith("2 of 4 milestones done · 50% of the way")
    assert [b.isChecked() for b in card.milestone_boxes] == [True, True, False, False]
    assert [p.value for p in card.chart.progress.points] == [1, 2]
    assert card.chart.points_label == "milestones done"


def test_goal_status_shows_pace_and_overdue_checkins(
    window: MainWindow, services: Services
) -> None:
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    goal = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Fewer pages",
            metric_name="pages a week",
            unit="pages",
            baseline=12,
            target=2,
            direction=Direction.DOWN,
            checkin_every_days=7,
        )
    ).value
    c.add_checkin(CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 1), value=4))
    page = page_of(window)
    page.refresh()
    card = card_of(page, goal.id)
    assert card.status_label.text() == PaceStatus.AHEAD.label
    assert "Check-in due: nothing recorded in the last 7 days." in texts(card)
    assert page.health_label.text() == "1 goal: 1 ahead · 1 check-in due"


def test_delete_a_sprint_and_undo(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    sprint = services.coaching.create_sprint(RUNNING).value
    page = page_of(window)
    page.refresh()
    page.delete_button.click()
    assert services.coaching.sprints() == []
    assert page.right.currentWidget() is page.empty
    assert page.window().notices.text() == "Deleted the sprint “Review faster”."
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in services.coaching.sprints()] == [sprint.id]
    assert page.view is not None and page.view.sprint.id == sprint.id


def test_unsaved_goal_survives_a_crash(
    window: MainWindow, services: Services, paths: AppPaths
) -> None:
    page = page_of(window)
    sprint = services.coaching.create_sprint(RUNNING).value
    page.refresh()
    page.add_goal()
    first = opened(page, GoalDialog)
    first.title_edit.setText("Half-typed goal")
    first.specific_edit.setPlainText("Something specific I was typing when it crashed")
    first.keep_draft()  # what the typing timer does
    # A crash: the process ends; a new one reads the drafts from disk.
    reopened = GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint)
    assert reopened.title_edit.text() == "Half-typed goal"
    assert reopened.restored_label.isVisibleTo(reopened)
    click(reopened, "Cancel")  # Cancel asks; Discard throws the draft away
    answer_prompt(reopened, "Discard")
    again = GoalDialog(Ops(), services.coaching, DraftStore(paths.drafts), sprint)
    assert again.title_edit.text() == ""


def test_quick_checkin_text_survives_a_crash_and_a_refresh(
    window: MainWindow, services: Services, paths: AppPaths, qtbot: QtBot
) -> None:
    sprint = services.coaching.create_sprint(RUNNING).value
    first, second = (
        services.coaching.add_goal(
            GoalDraft(sprint_id=sprint.id, title=title, baseline=12, target=2)
        ).value
        for title in ("Fewer pages", "Fewer alerts")
    )
    page = page_of(window)
    page.refresh()
    card = card_of(page, second.id)
    assert card.value_edit is not None and card.note_edit is not None
    card.day_edit.setDate(to_qdate(date(2026, 11, 13)))
    qtbot.keyClicks(card.value_edit, "9")
    qtbot.keyClicks(card.note_edit, "quiet week")
    # A check-in on the other goal rebuilds every card: the typing and its day stay.
    quick_checkin(qtbot, page, first.id, "10")
    card = card_of(page, second.id)
    assert card.quick_values() == ("2026-11-13", "9", "quiet week")
    # ... and are on disk, for a crash.
    key = quick_draft_key(second.id)
    qtbot.waitUntil(lambda: DraftStore(paths.drafts).get(key) is not None)
    assert DraftStore(paths.drafts).get(key) == {
        "day": "2026-11-13",
        "value": "9",
        "note": "quiet week",
    }
    qtbot.mouseClick(card.add_checkin_button, Qt.MouseButton.LeftButton)
    [saved] = services.coaching.checkins_of(second.id)
    assert (saved.on_date, saved.value, saved.note) == (date(2026, 11, 13), 9, "quiet week")
    assert DraftStore(paths.drafts).get(key) is None


@pytest.mark.usefixtures("window")
def test_sprint_list_model_is_sound(window: MainWindow, services: Services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    services.coaching.create_sprint(RUNNING)
    page = page_of(window)
    page.refresh()
    qtmodeltester.check(page.model)
    assert page.model.index(0, 0).data() == "Active · 1"
    assert page.model.index(1, 0).data() == "Review faster"


def test_older_checkins_show_on_request(window: MainWindow, services: Services) -> None:
    sprint = services.coaching.create_sprint(RUNNING).value
    goal = services.coaching.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Fewer pages", baseline=12, target=2)
    ).value
    for day in range(1, 9):
        services.coaching.add_checkin(
            CheckinDraft(goal_id=goal.id, on_date=date(2026, 10, day), value=12 - day)
        )
    page = page_of(window)
    page.refresh()
    card = card_of(page, goal.id)
    rows = [t for t in texts(card) if " Oct 2026: " in t]
    assert rows == [f"{d} Oct 2026: {12 - d}" for d in (8, 7, 6, 5, 4)]  # newest five
    assert card.show_all_button.text() == "Show all 8 check-ins"
    card.show_all_button.click()
    assert len([t for t in texts(card) if " Oct 2026: " in t]) == 8
    assert "1 Oct 2026: 11" in texts(card)
    card.show_all_button.click()
    assert card.show_all_button.text() == "Show all 8 check-ins"
    assert len([t for t in texts(card) if " Oct 2026: " in t]) == 5


def test_today_opens_the_running_sprint_or_plans_one(
    window: MainWindow, services: Services
) -> None:
    def button(text: str) -> QPushButton:
        return next(
            b
            for b in window.today_page.findChildren(QPushButton)
            if b.text() == text and b.isVisibleTo(window)
        )

    planned = services.coaching.create_sprint(PLANNED).value
    window.today_page.refresh()
    button("Plan a sprint").click()
    page = window.coaching_page
    assert page is not None and window.stack.currentWidget() is page
    opened(page, SprintDialog).reject()

    running = services.coaching.create_sprint(RUNNING).value
    window.sidebar.setCurrentRow(0)
    window.today_page.refresh()
    page.select_sprint(planned.id)
    button("Open sprint").click()
    assert window.stack.currentWidget() is page
    assert page.view is not None and page.view.sprint.id == running.id


def test_keyboard_moves_between_sprints_over_the_headings(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    running = services.coaching.create_sprint(RUNNING).value
    planned = services.coaching.create_sprint(PLANNED).value
    page = page_of(window)
    page.refresh()
    assert page.view is not None and page.view.sprint.id == running.id
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # over the "Planned" heading
    assert page.view.sprint.id == planned.id
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert page.view.sprint.id == running.id


def test_a_planned_sprint_opens_for_checkins_when_it_starts(
    window: MainWindow, services: Services
) -> None:
    planned = services.coaching.create_sprint(PLANNED).value
    goal = services.coaching.add_goal(
        GoalDraft(sprint_id=planned.id, title="Fewer pages", baseline=12, target=2)
    ).value
    page = page_of(window)
    page.refresh()
    assert page.left.isVisibleTo(page)
    assert page.day_label.text() == "Starts in 47 days"
    card = card_of(page, goal.id)
    assert card.value_edit is None
    assert "Check-ins open when the sprint starts, 4 Jan 2027." in texts(card)


def test_the_empty_state_stands_alone(window: MainWindow) -> None:
    page = page_of(window)
    assert not page.left.isVisibleTo(page)
    assert page.right.currentWidget() is page.empty


def test_a_milestone_goal_is_made_in_the_editor(window: MainWindow, services: Services) -> None:
    services.coaching.create_sprint(RUNNING)
    page = page_of(window)
    page.refresh()
    page.add_goal_button.click()
    dialog = opened(page, GoalDialog)
    dialog.title_edit.setText("Ship the re-index")
    dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData("milestones"))
    assert not dialog.target_edit.isVisibleTo(dialog)
    assert dialog.milestones_edit.isVisibleTo(dialog)
    dialog.milestones_edit.setPlainText("Scope agreed\n")
    assert dialog.smart_text()["M"] == (False, "<b>Measurable</b><br>List at least two milestones.")
    dialog.milestones_edit.setPlainText("Scope agreed\nData model\n\nRollout")
    assert dialog.smart_text()["M"][0]
    click(dialog, "Save")
    assert page.view is not None
    [goal_view] = page.view.goals
    assert [m.title for m in goal_view.milestones] == ["Scope agreed", "Data model", "Rollout"]
    card = card_of(page, goal_view.goal.id)
    assert card.figures_label.text() == "0 of 3 milestones done · 0% of the way"
    assert [b.text() for b in card.milestone_boxes] == ["Scope agreed", "Data model", "Rollout"]


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    from devjournal.storage import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_checkin_the_journal_refuses_keeps_what_was_typed(
    window: MainWindow, services: Services, paths: AppPaths, qtbot: QtBot
) -> None:
    import sqlite3

    page, goal = with_running_goal(window, services)
    other = sqlite3.connect(paths.journal, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        quick_checkin(qtbot, page, goal.id, "9", "busy day")
    finally:
        other.execute("ROLLBACK")
        other.close()
    card = card_of(page, goal.id)
    assert card.checkin_message.text().startswith(
        "The change was not saved: another program is using the journal"
    )
    assert card.quick_values()[1:] == ("9", "busy day")
    assert services.coaching.checkins_of(goal.id) == []
    qtbot.mouseClick(card.add_checkin_button, Qt.MouseButton.LeftButton)
    assert [c.value for c in services.coaching.checkins_of(goal.id)] == [9]


def test_escape_and_discard_throw_a_draft_away_and_a_stale_one_is_not_restored(
    window: MainWindow, services: Services, paths: AppPaths, qtbot: QtBot
) -> None:
    page, goal = with_running_goal(window, services)
    page.edit_goal(page.view.goals[0])  # type: ignore[union-attr]
    dialog = opened(page, GoalDialog)
    dialog.title_edit.setText("Typed, then Escape")
    dialog.keep_draft()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer_prompt(dialog, "Discard")
    assert DraftStore(paths.drafts).get(f"goal:{goal.id}") is None

    # A draft left by a crash, typed before the goal changed, must not undo that change.
    page.edit_goal(page.view.goals[0])  # type: ignore[union-attr]
    dialog = opened(page, GoalDialog)
    dialog.title_edit.setText("Typed before a crash")
    dialog.keep_draft()
    dialog.hide()  # the crash: no Cancel, no Save
    later = open_services(paths.journal, paths.backups, stopped(NOW + timedelta(minutes=5)))
    try:  # changed a little later (the window's clock is stopped)
        later[1].coaching.update_goal(goal.id, replace(goal, status=GoalStatus.ACHIEVED))
    finally:
        later[0].close()
    page.refresh()
    page.edit_goal(page.view.goals[0])  # type: ignore[union-attr]
    again = opened(page, GoalDialog)
    assert again.title_edit.text() == "Fewer pages"
    assert not again.restored_label.isVisibleTo(again)
    assert again.status_combo.currentData() == "achieved"


def test_a_closed_sprint_does_not_nag(window: MainWindow, services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    goal = c.add_goal(GoalDraft(sprint_id=sprint.id, title="Fewer pages", baseline=12, target=2))
    c.close_sprint(
        sprint.id,
        SprintClosing(
            state=ClosedState.ABANDONED,
            closed_on=date(2026, 11, 1),
            outcomes=(GoalOutcome(goal.value.id, GoalStatus.DROPPED),),
        ),
    )
    page = page_of(window)
    page.refresh()
    assert page.day_label.text() == "Abandoned on 1 Nov 2026"
    card = card_of(page, goal.value.id)
    assert card.status_label.text() == "Dropped"
    assert not any(t.startswith("Check-in due") for t in texts(card))
    assert page.health_label.text() == "1 goal: 1 dropped"


def test_undoing_a_checkin_outside_the_sprint_gives_the_typing_back(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page, goal = with_running_goal(window, services)
    card_of(page, goal.id).day_edit.setDate(to_qdate(date(2025, 11, 18)))  # a year off
    quick_checkin(qtbot, page, goal.id, "9", "typo in the year")
    assert "a day outside the sprint" in page.window().notices.text()
    page.window().notices.button.click()
    assert services.coaching.checkins_of(goal.id) == []
    assert card_of(page, goal.id).quick_values() == ("2025-11-18", "9", "typo in the year")


def test_a_bad_final_value_is_shown_under_its_goal(window: MainWindow, services: Services) -> None:
    sprint = services.coaching.create_sprint(RUNNING).value
    goal = services.coaching.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Run planning",
            metric_kind=MetricKind.RATING,
            scale_max=5,
            baseline=2,
            target=4,
        )
    ).value
    page = page_of(window)
    page.refresh()
    page.close_button.click()
    dialog = opened(page, CloseSprintDialog)
    [(_, _, final, _)] = dialog.outcome_rows
    final.setText("7")
    click(dialog, "Close sprint")
    assert dialog.error_text(f"outcome:{goal.id}") == "“Run planning”: A rating is from 1 to 5."
    final.setText("lots")
    click(dialog, "Close sprint")
    assert dialog.error_text(f"outcome:{goal.id}") == "The final value “lots” is not a number."
    assert services.coaching.sprint(sprint.id).closed_state is None
    assert dialog.closed_on.maximumDate() == to_qdate(date(2026, 11, 18))


def test_the_sprint_list_filters_as_you_type(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    services.coaching.create_sprint(RUNNING)
    for n, coach in enumerate(("Maya", "Ines", "Maya")):
        services.coaching.create_sprint(
            SprintDraft(
                title=f"Old sprint {n}",
                kind=SprintKind.SKILLS,
                coach_name=coach,
                start_date=date(2025, 1 + n, 1),
                end_date=date(2025, 2 + n, 1),
            )
        )
    page = page_of(window)
    page.refresh()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_edit.hasFocus()
    qtbot.keyClicks(page.filter_edit, "maya")
    shown = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert shown == ["Finished · 2", "Old sprint 2", "Old sprint 0"]
    page.filter_edit.setText("nobody")
    assert page.model.rowCount() == 0 and page.left.no_match.isVisibleTo(page)
    page.filter_edit.clear()
    assert page.model.rowCount() == 6  # two headings, four sprints
    assert page.list.currentIndex().data() == "Review faster"  # still the open sprint


def test_the_sprint_dialog_says_how_long_the_sprint_is(window: MainWindow) -> None:
    page = page_of(window)
    page.new_sprint()
    dialog = opened(page, SprintDialog)
    assert dialog.length_label.text() == "84 days (12 weeks)"
    dialog.end_edit.setDate(to_qdate(date(2026, 12, 31)))
    assert dialog.length_label.text() == "44 days (about 6 weeks)"
    dialog.reject()
