"""Every kind of draft the Coaching page's forms keep reopens its form on its own sprint
(``ui/pages/coaching/drafts.py``), from the key the draft was kept under."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QDialog

from devjournal.domain.errors import NotFoundError
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.drafts import DraftKey
from devjournal.services.container import Services
from devjournal.ui.dialogs.action_dialog import ActionDialog
from devjournal.ui.dialogs.checkin_dialog import CheckinDialog
from devjournal.ui.dialogs.close_sprint_dialog import CloseSprintDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.plan_sessions_dialog import PlanSessionsDialog
from devjournal.ui.dialogs.session_dialog import SessionDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.coaching_page import GOALS_TAB, SESSIONS_TAB
from tests.ui.test_coaching_page import RUNNING, page_of

OTHER = SprintDraft(
    title="Speak up in design reviews",
    kind=RUNNING.kind,
    coach_name="Ines",
    start_date=date(2026, 9, 1),
    end_date=date(2026, 9, 30),
)


def _journal(services: Services) -> dict[str, int]:
    """Two sprints; the second (not the one the page opens on) has one of everything."""
    c = services.coaching
    c.create_sprint(RUNNING)
    sprint = c.create_sprint(OTHER).value
    goal = c.add_goal(GoalDraft(sprint_id=sprint.id, title="Fewer pages", baseline=12, target=2))
    checkin = c.add_checkin(CheckinDraft(goal_id=goal.value.id, on_date=date(2026, 9, 10), value=9))
    session = c.add_session(
        SessionDraft(sprint_id=sprint.id, starts_at=datetime(2026, 9, 12, 9, tzinfo=UTC))
    ).value
    action = c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Ask Sam", session_id=session.id)
    )
    return {
        "sprint": sprint.id,
        "goal": goal.value.id,
        "checkin": checkin.value.id,
        "session": session.id,
        "action": action.value.id,
    }


@pytest.mark.parametrize(
    ("key", "form", "tab"),
    [
        ("sprint:{sprint}", SprintDialog, GOALS_TAB),
        ("close:{sprint}", CloseSprintDialog, GOALS_TAB),
        ("plan:sprint={sprint}", PlanSessionsDialog, SESSIONS_TAB),
        ("goal:new:sprint={sprint}", GoalDialog, GOALS_TAB),
        ("goal:{goal}", GoalDialog, GOALS_TAB),
        ("checkin:{checkin}", CheckinDialog, GOALS_TAB),
        ("session:new:sprint={sprint}", SessionDialog, SESSIONS_TAB),
        ("session:{session}", SessionDialog, SESSIONS_TAB),
        ("action:{action}", ActionDialog, SESSIONS_TAB),
        ("action:new:session={session}", ActionDialog, SESSIONS_TAB),
    ],
)
def test_each_draft_reopens_its_form_on_its_sprint(
    window: MainWindow, services: Services, key: str, form: type[QDialog], tab: int
) -> None:
    ids = _journal(services)
    page = page_of(window)
    page.refresh()

    assert page.open_draft(DraftKey.parse(key.format(**ids)))

    assert page.view is not None and page.view.sprint.id == ids["sprint"]
    assert isinstance(page.dialog, form) and page.dialog.isVisible()
    assert page.tabs.currentIndex() == tab
    page.dialog.reject()


def test_a_quick_check_in_draft_puts_the_cursor_in_its_goal_row(
    window: MainWindow, services: Services
) -> None:
    ids = _journal(services)
    page = page_of(window)

    assert page.open_draft(DraftKey.parse(f"checkin:new:goal={ids['goal']}"))

    assert page.view is not None and page.view.sprint.id == ids["sprint"]
    assert page.dialog is None  # no form: the row keeps the draft itself


def test_a_draft_for_something_gone_says_so_and_other_pages_drafts_are_left(
    window: MainWindow, services: Services
) -> None:
    ids = _journal(services)
    services.coaching.delete_session(ids["session"])
    page = page_of(window)

    with pytest.raises(NotFoundError, match="There is no coaching session with id"):
        page.open_draft(DraftKey.parse(f"session:{ids['session']}"))
    assert not page.open_draft(DraftKey.parse("entry:3"))
    assert not page.open_draft(DraftKey.parse("mentor:new"))
