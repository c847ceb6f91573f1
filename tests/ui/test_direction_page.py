"""A direction that outlives sprints, in the window (``ui/pages/direction_page.py``): where
the user wants to be in one, three and five years, what serves each part (links to the
Coaching and Mentorship pages), and the "Serves:" field of the sprint, goal and mentor forms.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from devjournal.domain.clock import Clock
from devjournal.domain.enums import AimHorizon, GoalStatus, Relationship, SprintKind
from devjournal.domain.models import AimDraft, GoalDraft, MentorDraft, SprintDraft
from devjournal.drafts import DraftKey, DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.dialogs.aim_dialog import AimDialog
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.mentor_dialog import MentorDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.ops import Ops
from devjournal.ui.pages.direction_page import DirectionPage
from devjournal.ui.widgets.aim_combo import AimCombo
from tests.clocks import NOW
from tests.ui.test_forms import save, shown

TODAY = NOW.date()


def _aim(services: Services, horizon: AimHorizon, title: str, **more: object) -> int:
    draft = AimDraft(horizon=horizon, title=title, **more)  # type: ignore[arg-type]
    return services.people.add_aim(draft).value.id


@pytest.fixture
def direction(services: Services) -> dict[str, int]:
    """Two aims a year out, one three years out; a sprint, its goal and a mentor serve the
    first."""
    lead = _aim(services, AimHorizon.ONE_YEAR, "Lead a project", detail="End to end.")
    talk = _aim(services, AimHorizon.ONE_YEAR, "Give a talk")
    staff = _aim(services, AimHorizon.THREE_YEARS, "Staff engineer")
    c = services.coaching
    sprint = c.create_sprint(
        SprintDraft(
            title="Own the launch",
            kind=SprintKind.LEADERSHIP,
            start_date=TODAY - timedelta(days=10),
            end_date=TODAY + timedelta(days=50),
            serves_id=lead,
        )
    ).value
    goal = c.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Launch review held", serves_id=lead)
    ).value
    mentor = services.mentorship.add_mentor(
        MentorDraft(name="Ada", relationship=Relationship.TRADITIONAL, serves_id=lead)
    ).value
    return {
        "lead": lead,
        "talk": talk,
        "staff": staff,
        "sprint": sprint.id,
        "goal": goal.id,
        "mentor": mentor.id,
    }


def _page(window: MainWindow, qtbot: QtBot) -> DirectionPage:
    page = window.direction_page
    assert page is not None
    window.sidebar.setCurrentRow(window.page_titles().index("Direction"))
    qtbot.waitUntil(lambda: not page.reading and page._asked > 0)
    return page


def _texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]


def _reread(page: DirectionPage, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not page.reading)


def test_an_empty_direction_says_why_and_adds_a_year_out(window: MainWindow, qtbot: QtBot) -> None:
    page = _page(window, qtbot)
    assert page.pages.currentWidget() is page.empty
    said = " ".join(_texts(page.empty))
    assert "Where you want to be" in said and "which part of it they serve" in said
    assert page.empty.button.text() == "Add where you want to be in a year"
    page.empty.button.click()
    dialog = page.dialog
    assert isinstance(dialog, AimDialog) and dialog.isVisible()
    assert dialog.horizon_combo.currentData() == "1y"
    save(dialog)
    assert dialog.error_text("title") == "The aim cannot be empty."
    dialog.title_edit.setText("Lead a project")
    dialog.detail_edit.setPlainText("From the design doc to the launch.")
    dialog.has_reached.setChecked(True)
    dialog.reached_edit.setDate(dialog.reached_edit.date().addDays(1))
    save(dialog)
    assert dialog.error_text("reached_on") == (
        "That day is still to come: mark it once you are there."
    )
    dialog.has_reached.setChecked(False)
    save(dialog)
    assert page.dialog is None
    _reread(page, qtbot)
    assert page.listed()[AimHorizon.ONE_YEAR] == ["Lead a project"]
    assert page.pages.currentWidget() is page.aim_scroll
    (aim,) = window.services.people.aims()  # type: ignore[union-attr]
    assert aim.scope.value == "private"  # private by default


def test_three_sections_with_each_aim_and_what_serves_it(
    window: MainWindow, qtbot: QtBot, direction: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    assert page.listed() == {
        AimHorizon.ONE_YEAR: ["Lead a project", "Give a talk"],
        AimHorizon.THREE_YEARS: ["Staff engineer"],
        AimHorizon.FIVE_YEARS: [],
    }
    said = _texts(page)
    for text in ("In a year", "In three years", "In five years", "End to end."):
        assert text in said
    assert "Nothing yet for five years from now." in said
    row = page.rows[direction["lead"]]
    assert [b.text() for b in row.links] == [
        "Sprint: Own the launch",
        "Goal: Launch review held",
        "Mentor: Ada",
    ]
    assert "Nothing serves it yet" in page.rows[direction["talk"]].served_label.text()
    assert not row.up_button.isEnabled() and row.down_button.isEnabled()
    assert "3 parts of where you want to be" in page.summary_label.text()


def test_links_open_the_sprint_the_goal_and_the_mentor(
    window: MainWindow, qtbot: QtBot, direction: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.rows[direction["lead"]].links[0].click()
    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    assert coaching.view is not None and coaching.view.sprint.id == direction["sprint"]

    window.sidebar.setCurrentRow(window.page_titles().index("Direction"))
    page.rows[direction["lead"]].links[1].click()
    assert window.stack.currentWidget() is coaching
    assert coaching.view is not None and direction["goal"] in coaching.goal_cards

    window.sidebar.setCurrentRow(window.page_titles().index("Direction"))
    page.rows[direction["lead"]].links[2].click()
    mentorship = window.mentorship_page
    assert mentorship is not None and window.stack.currentWidget() is mentorship
    assert mentorship.view is not None and mentorship.view.mentor.id == direction["mentor"]
    assert mentorship.serves_label.text() == "Serves: In a year: Lead a project"
    assert mentorship.serves_label.isVisibleTo(mentorship)


def test_edit_move_reach_and_delete_with_undo(
    window: MainWindow, qtbot: QtBot, services: Services, direction: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.rows[direction["talk"]].edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AimDialog) and dialog.title_edit.text() == "Give a talk"
    dialog.title_edit.setText("Give a talk at the tech day")
    dialog.horizon_combo.setCurrentIndex(dialog.horizon_combo.findData("3y"))
    save(dialog)
    _reread(page, qtbot)
    assert page.listed()[AimHorizon.THREE_YEARS] == [
        "Staff engineer",
        "Give a talk at the tech day",
    ]

    page.rows[direction["talk"]].up_button.click()
    _reread(page, qtbot)
    assert page.listed()[AimHorizon.THREE_YEARS] == [
        "Give a talk at the tech day",
        "Staff engineer",
    ]

    page.rows[direction["staff"]].reached_button.click()
    _reread(page, qtbot)
    row = page.rows[direction["staff"]]
    assert row.title_label.text() == "✓  Staff engineer"
    assert row.reached_label is not None
    assert row.reached_label.text().startswith("Reached 18 Nov")
    assert services.people.aim(direction["staff"]).reached_on == TODAY
    assert row.reached_button.text() == "Not reached"
    row.reached_button.click()
    _reread(page, qtbot)
    assert services.people.aim(direction["staff"]).reached_on is None

    page.rows[direction["lead"]].delete_button.click()
    _reread(page, qtbot)
    assert "Lead a project" not in page.listed()[AimHorizon.ONE_YEAR]
    assert window.notices.label.text() == "Deleted “Lead a project”."
    window.notices.button.click()  # Undo
    _reread(page, qtbot)
    assert page.listed()[AimHorizon.ONE_YEAR] == ["Lead a project"]
    assert page.rows[direction["lead"]].links[0].text() == "Sprint: Own the launch"


def test_the_page_by_keyboard_alone(
    window: MainWindow, qtbot: QtBot, services: Services, direction: dict[str, int]
) -> None:
    window.activateWindow()
    action = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+0"))
    action.trigger()
    page = window.direction_page
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.reading and bool(page.rows))
    row = page.rows[direction["lead"]]
    row.down_button.setFocus()
    QTest.keyClick(row.down_button, Qt.Key.Key_Space)
    _reread(page, qtbot)
    assert page.listed()[AimHorizon.ONE_YEAR] == ["Give a talk", "Lead a project"]
    focused = QApplication.focusWidget()
    moved = page.rows[direction["lead"]]
    assert focused is moved.edit_button  # down is disabled now: the focus stays in the row
    QTest.keyClick(moved.edit_button, Qt.Key.Key_Space)
    dialog = page.dialog
    assert isinstance(dialog, AimDialog)
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_End)
    QTest.keyClicks(dialog.title_edit, " soon")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    _reread(page, qtbot)
    assert services.people.aim(direction["lead"]).title == "Lead a project soon"
    up = page.rows[direction["lead"]].up_button
    up.setFocus()
    QTest.keyClick(up, Qt.Key.Key_Space)
    _reread(page, qtbot)
    assert page.listed()[AimHorizon.ONE_YEAR] == ["Lead a project soon", "Give a talk"]


def test_a_draft_of_an_aim_is_reopened_on_the_page(
    window: MainWindow, qtbot: QtBot, direction: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.new_aim(AimHorizon.FIVE_YEARS)
    dialog = page.dialog
    assert isinstance(dialog, AimDialog)
    assert dialog.horizon_combo.currentData() == "5y"
    dialog.title_edit.setText("Write a book")
    dialog.title_edit.textEdited.emit("Write a book")
    dialog.keep_draft()
    dialog.hide()
    page.dialog = None
    assert page.open_draft(DraftKey.parse("aim:new:horizon=5"))
    again = page.dialog
    assert isinstance(again, AimDialog)
    assert again.title_edit.text() == "Write a book"
    assert again.horizon_combo.currentData() == "5y"
    again.discard()
    assert not page.open_draft(DraftKey.parse("goal:1"))


# -- the "Serves:" field ---------------------------------------------------------------------
def test_the_serves_field_lists_the_aims_and_keeps_a_deleted_one(
    qtbot: QtBot, services: Services, direction: dict[str, int]
) -> None:
    services.people.delete_aim(direction["staff"])
    combo = AimCombo(services.people.aim_choices())
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "—",
        "In a year: Lead a project",
        "In a year: Give a talk",
    ]
    assert combo.value() is None
    combo.set_value(direction["staff"])
    assert combo.currentText() == "(deleted) Staff engineer"
    assert combo.value() == direction["staff"]
    combo.set_value(None)
    assert combo.value() is None


def test_a_sprint_form_keeps_and_changes_what_it_serves(
    qtbot: QtBot,
    services: Services,
    paths: AppPaths,
    clock: Clock,
    direction: dict[str, int],
) -> None:
    sprint = services.coaching.sprint(direction["sprint"])
    dialog = shown(
        qtbot,
        SprintDialog(
            Ops(),
            services.coaching,
            DraftStore(paths.drafts),
            clock,
            sprint=sprint,
            aims=services.people.aim_choices(),
        ),
    )
    assert isinstance(dialog, SprintDialog)
    assert dialog.serves_combo.value() == direction["lead"]
    dialog.title_edit.setText("Own the launch, well")
    save(dialog)
    assert services.coaching.sprint(sprint.id).serves_id == direction["lead"]  # kept

    again = shown(
        qtbot,
        SprintDialog(
            Ops(),
            services.coaching,
            DraftStore(paths.drafts),
            clock,
            sprint=services.coaching.sprint(sprint.id),
            aims=services.people.aim_choices(),
        ),
    )
    assert isinstance(again, SprintDialog)
    again.serves_combo.setCurrentIndex(again.serves_combo.findData(direction["staff"]))
    save(again)
    assert services.coaching.sprint(sprint.id).serves_id == direction["staff"]


def test_a_goal_form_keeps_what_it_serves_and_a_new_goal_serves_its_sprints_aim(
    qtbot: QtBot, services: Services, paths: AppPaths, direction: dict[str, int]
) -> None:
    sprint = services.coaching.sprint(direction["sprint"])
    goal = services.coaching.goal(direction["goal"])
    services.people.delete_aim(direction["lead"])  # deleted meanwhile: the link stays
    dialog = shown(
        qtbot,
        GoalDialog(
            Ops(),
            services.coaching,
            DraftStore(paths.drafts),
            sprint,
            goal=goal,
            aims=services.people.aim_choices(),
        ),
    )
    assert isinstance(dialog, GoalDialog)
    assert dialog.serves_combo.currentText() == "(deleted) Lead a project"
    dialog.title_edit.setText("Launch review held on time")
    save(dialog)
    assert services.coaching.goal(goal.id).serves_id == direction["lead"]
    services.people.restore_aim(direction["lead"])

    new = shown(
        qtbot,
        GoalDialog(
            Ops(),
            services.coaching,
            DraftStore(paths.drafts),
            services.coaching.sprint(sprint.id),
            aims=services.people.aim_choices(),
        ),
    )
    assert isinstance(new, GoalDialog)
    assert new.serves_combo.value() == direction["lead"]
    new.title_edit.setText("Write the launch plan")
    new.status_combo.setCurrentIndex(new.status_combo.findData(GoalStatus.DRAFT.value))
    new.serves_combo.set_value(None)
    save(new)
    made = [g for g in services.coaching.goals_of(sprint.id) if g.title == "Write the launch plan"]
    assert made and made[0].serves_id is None


def test_a_mentor_form_keeps_what_they_serve_and_the_fields_it_does_not_show(
    qtbot: QtBot,
    services: Services,
    paths: AppPaths,
    clock: Clock,
    direction: dict[str, int],
) -> None:
    ms = services.mentorship
    mentor = ms.mentor(direction["mentor"])
    ms.update_mentor(mentor.id, _with(mentor, channel="Slack", topics="Architecture"))
    mentor = ms.mentor(mentor.id)
    dialog = shown(
        qtbot,
        MentorDialog(
            Ops(),
            ms,
            DraftStore(paths.drafts),
            clock,
            mentor=mentor,
            aims=services.people.aim_choices(),
        ),
    )
    assert isinstance(dialog, MentorDialog)
    assert dialog.serves_combo.value() == direction["lead"]
    dialog.name_edit.setText("Ada L.")
    save(dialog)
    kept = ms.mentor(mentor.id)
    assert (kept.name, kept.serves_id, kept.channel, kept.topics) == (
        "Ada L.",
        direction["lead"],
        "Slack",
        "Architecture",
    )
    again = shown(
        qtbot,
        MentorDialog(
            Ops(),
            ms,
            DraftStore(paths.drafts),
            clock,
            mentor=kept,
            aims=services.people.aim_choices(),
        ),
    )
    assert isinstance(again, MentorDialog)
    again.serves_combo.set_value(direction["staff"])
    save(again)
    assert ms.mentor(mentor.id).serves_id == direction["staff"]


def _with(mentor: object, **changes: object) -> MentorDraft:
    values = {f.name: getattr(mentor, f.name) for f in fields(MentorDraft)}
    return MentorDraft(**(values | changes))  # type: ignore[arg-type]


def test_the_coaching_page_says_what_a_sprint_and_a_goal_serve(
    window: MainWindow, direction: dict[str, int]
) -> None:
    page = window.coaching_page
    assert page is not None
    window.sidebar.setCurrentRow(1)
    page.open_sprint(direction["sprint"])
    assert "Serves: In a year: Lead a project" in _texts(page)
    card = page.goal_cards[direction["goal"]]
    assert card.serves_label.text() == "Serves: In a year: Lead a project"


def test_buttons_say_which_aim_they_act_on(
    window: MainWindow, qtbot: QtBot, direction: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    row = page.rows[direction["lead"]]
    names = [b.accessibleName() for b in row.findChildren(QPushButton) if b not in row.links]
    assert "Move “Lead a project” down" in names
    assert "Delete “Lead a project” (Undo brings it back)" in names
