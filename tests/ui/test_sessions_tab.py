"""Sessions and the accountability ledger on the Coaching page, driven as a user would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import ActionStatus, SessionStatus
from devjournal.domain.sessions import REVIEW_HEADING
from devjournal.services.container import Services
from devjournal.ui.dialogs.action_dialog import ActionDialog
from devjournal.ui.dialogs.plan_sessions_dialog import PlanSessionsDialog
from devjournal.ui.dialogs.session_dialog import SessionDialog
from devjournal.ui.formatting import to_qdate
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.coaching_page import SESSIONS_TAB, CoachingPage
from tests.ui.test_coaching_page import RUNNING, click, opened, page_of, texts


def sessions_page(window: MainWindow, services: Services, **changes: object) -> CoachingPage:
    services.coaching.create_sprint(replace(RUNNING, **changes))  # type: ignore[arg-type]
    page = page_of(window)
    page.refresh()
    page.show_tab(SESSIONS_TAB)
    assert page.sessions_panel is not None
    return page


def test_plan_hold_commit_and_the_next_session_reviews_what_is_open(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    # A sprint that started on 4 Nov; the clock says Wednesday 18 Nov, 09:30.
    page = sessions_page(window, services, start_date=date(2026, 11, 4))
    assert page.sessions_panel is not None
    assert "No commitments" in texts(page.sessions_panel)

    # Plan every two weeks at 20:00 (local, later than now) from today on: the preview says
    # which days.
    page.sessions_panel.plan_button.click()
    plan = opened(page, PlanSessionsDialog)
    plan.cadence_combo.setCurrentIndex(plan.cadence_combo.findData(14))
    plan.time_edit.setTime(QTime(20, 0))
    assert plan.preview.text() == "3 sessions: 18 Nov, 2 Dec, 16 Dec."
    click(plan, "Plan sessions")
    sessions = services.coaching.sessions_of(page.view.sprint.id)  # type: ignore[union-attr]
    assert len(sessions) == 3 and {s.starts_at.astimezone().hour for s in sessions} == {20}
    assert page.window().notices.text() == "Planned 3 sessions."
    assert page.tabs.currentIndex() == SESSIONS_TAB  # the tab stays where the user was

    # Hold today's session: notes, a question and its answer, and a commitment.
    held = sessions[0]
    page.sessions.edit_session(held)
    dialog = opened(page, SessionDialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("held"))
    dialog.notes_edit.setPlainText("Talked about review load.")
    dialog.add_question_button.click()
    dialog.set_questions([("What is in your way?", "Meetings every morning.")])
    click(dialog, "Save")
    page.sessions.add_action(services.coaching.sessions_of(held.sprint_id)[0])
    commit = opened(page, ActionDialog)
    qtbot.keyClicks(commit.title_edit, "Move the stand-up to the afternoon")
    commit.due_edit.setDate(to_qdate(date(2026, 11, 25)))
    click(commit, "Save")
    [action] = services.coaching.actions_of(held.sprint_id)
    assert (action.session_id, action.due_date) == (held.id, date(2026, 11, 25))
    [stored] = [s for s in services.coaching.sessions_of(held.sprint_id) if s.id == held.id]
    assert stored.status is SessionStatus.HELD
    assert stored.questions[0].answer == "Meetings every morning."
    panel = page.sessions_panel
    assert panel is not None
    assert "Q: What is in your way?\nA: Meetings every morning." in texts(panel)
    assert panel.action_text_of(action).startswith(
        "Move the stand-up to the afternoon · due 25 Nov"
    )

    # The next session (2 Dec) carries the open commitment forward, a week late.
    assert panel.next_card is not None
    panel.prepare_button.click()
    panel = page.sessions_panel
    assert panel is not None
    shown = texts(panel.next_card)
    assert f"{REVIEW_HEADING}:" in shown
    assert "•  Move the stand-up to the afternoon (due 25 Nov, 7 days late)" in shown
    assert not panel.action_text_of(action).endswith("slipped once")  # a plan, not a slip

    # The session happens with the item still open: that is a slip.
    next_button = next(b for b in panel.findChildren(QPushButton) if b.text() == "Mark held")
    next_button.click()
    panel = page.sessions_panel
    assert panel is not None
    assert panel.action_text_of(action).endswith("slipped once")
    assert "1 committed, 0 done on time, 1 slipped, 1 open" in texts(panel)

    # Done after all: tick it; the follow-through follows.
    qtbot.mouseClick(panel.action_boxes[action.id], Qt.MouseButton.LeftButton)
    [done] = services.coaching.actions_of(held.sprint_id)
    assert (done.status, done.done_on) == (ActionStatus.DONE, date(2026, 11, 18))
    assert "Nothing open: every commitment is done or dropped." in texts(page.sessions_panel)


def test_marking_held_and_deleting_can_be_undone(window: MainWindow, services: Services) -> None:
    page = sessions_page(window, services)
    sprint_id = page.view.sprint.id  # type: ignore[union-attr]
    from devjournal.domain.models import SessionDraft

    services.coaching.add_session(
        SessionDraft(sprint_id=sprint_id, starts_at=datetime(2026, 11, 20, 9).astimezone())
    )
    page.refresh()
    [session] = services.coaching.sessions_of(sprint_id)
    page.sessions.set_session_status(session, SessionStatus.HELD)
    assert services.coaching.sessions_of(sprint_id)[0].status is SessionStatus.HELD
    page.window().notices.button.click()
    assert services.coaching.sessions_of(sprint_id)[0].status is SessionStatus.PLANNED
    page.sessions.delete_session(session)
    assert services.coaching.sessions_of(sprint_id) == []
    page.window().notices.button.click()
    assert [s.id for s in services.coaching.sessions_of(sprint_id)] == [session.id]


def test_today_is_one_click_from_where_each_thing_is_handled(
    window: MainWindow, services: Services
) -> None:
    from PySide6.QtWidgets import QPushButton

    from devjournal.domain.models import ActionItemDraft, GoalDraft, SessionDraft

    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    goal = c.add_goal(GoalDraft(sprint_id=sprint.id, title="Fewer pages", baseline=12, target=2))
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 11, 20, 10).astimezone(),
            agenda="- Promotion case",
        )
    )
    c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Read ch. 4", due_date=date(2026, 11, 10))
    )
    window.today_page.refresh()
    shown = [t for t in texts(window.today_page) if t.startswith("Check-in due")]
    assert shown == ["Check-in due: “Fewer pages”"]

    def click_today(text: str) -> None:
        window.sidebar.setCurrentRow(0)
        button = next(b for b in window.today_page.findChildren(QPushButton) if b.text() == text)
        button.click()

    page = window.coaching_page
    assert page is not None
    click_today("Check in now")
    assert window.stack.currentWidget() is page and page.tabs.currentIndex() == 0
    card = page.goal_cards[goal.value.id]
    assert card.value_edit is not None and card.value_edit.hasFocus()

    click_today("Prepare the session")
    assert page.tabs.currentIndex() == SESSIONS_TAB and page.sessions_panel is not None
    assert "•  Promotion case" in texts(page.sessions_panel.next_card)

    page.show_tab(0)
    click_today("Review commitments")
    assert page.tabs.currentIndex() == SESSIONS_TAB
    assert "1 item overdue" in texts(page.sessions_panel)  # type: ignore[arg-type]
