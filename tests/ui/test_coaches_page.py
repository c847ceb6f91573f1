"""Coaches as people across a career, in the window (``ui/pages/coaches_page.py``): the
history of coaches, now and past, with the sprints together; added, edited (a rename
renames their sprints' coach), deleted and brought back; a sprint started with one; the
sprint form's coach choices; and the History and Timeline filters by coach."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from devjournal.domain.clock import Clock
from devjournal.domain.enums import ClosedState, EntryKind, GoalStatus, Scope, SprintKind
from devjournal.domain.models import CoachDraft, GoalDraft, LogEntryDraft, SprintDraft
from devjournal.domain.timeline import ItemKind
from devjournal.drafts import DraftKey, DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.dialogs.coach_dialog import CoachDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.ops import Ops
from devjournal.ui.pages.coaches_page import SUBTITLE_ROLE, CoachesPage
from tests.ui.test_forms import save, shown
from tests.ui.test_history_page import history, titles
from tests.ui.test_timeline_page import marks, read


def _sprint(
    services: Services, title: str, coach: str, start: date, end: date, **kw: object
) -> int:
    draft = SprintDraft(
        title=title,
        kind=SprintKind.SKILLS,
        start_date=start,
        end_date=end,
        coach_name=coach,
        **kw,  # type: ignore[arg-type]
    )
    return services.coaching.create_sprint(draft).value.id


@pytest.fixture
def career(services: Services) -> dict[str, int]:
    """Ines coached two sprints (one closed, one running), Tom one in between."""
    review = _sprint(
        services,
        "Review faster",
        "Ines Varga",
        date(2026, 1, 5),
        date(2026, 3, 1),
        closed_state=ClosedState.COMPLETED,
        closed_on=date(2026, 3, 1),
    )
    for title in ("Turnaround", "Fewer rounds"):
        services.coaching.add_goal(
            GoalDraft(
                sprint_id=review,
                title=title,
                status=GoalStatus.DRAFT,
            )
        )
    speak = _sprint(services, "Speak up", "Tom Okafor", date(2026, 3, 2), date(2026, 5, 1))
    lead = _sprint(services, "Lead design", "Ines Varga", date(2026, 10, 1), date(2026, 12, 20))
    people = services.people
    ines = next(v.coach for v in people.coaches() if v.coach.name == "Ines Varga")
    people.update_coach(
        ines.id,
        CoachDraft(
            name="Ines Varga",
            coaches="Engineering leadership",
            organisation="Kestrel Games",
            contact="ines@example.org",
            notes="Asks one question and waits.",
        ),
    )
    entries: dict[int, int] = {}
    for n, sprint in enumerate((review, speak, lead, None)):
        entries[n] = services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 2 + 3 * n, 10, 9, tzinfo=UTC),
                title=f"Entry {n}",
                sprint_id=sprint,
                scope=Scope.COACH,
            )
        ).value.id
    tom = next(v.coach for v in people.coaches() if v.coach.name == "Tom Okafor")
    return {
        "review": review,
        "speak": speak,
        "lead": lead,
        "ines": ines.id,
        "tom": tom.id,
        **{f"entry{n}": entry for n, entry in entries.items()},
    }


def _page(window: MainWindow, qtbot: QtBot) -> CoachesPage:
    page = window.coaches_page
    assert page is not None
    window.sidebar.setCurrentRow(window.page_titles().index("Coaches"))
    qtbot.waitUntil(lambda: page.read is not None and not page.reading)
    return page


def _sprints(page: CoachesPage) -> list[tuple[str, str]]:
    return [
        (page.sprints.item(r).text(), page.sprints.item(r).data(SUBTITLE_ROLE))
        for r in range(page.sprints.count())
    ]


def test_an_empty_page_says_what_it_is_for_and_adds_a_coach(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _page(window, qtbot)
    assert page.pages.currentWidget() is page.empty
    assert "the history of who helped you grow" in page.empty.text_label.text()
    page.empty.button.click()
    dialog = page.dialog
    assert isinstance(dialog, CoachDialog) and dialog.windowTitle() == "New coach"
    save(dialog)
    assert dialog.error_text("name") == "The coach's name cannot be empty."
    dialog.name_edit.setText("Lena Park")
    dialog.coaches_edit.setText("Public speaking")
    dialog.contact_edit.setText("<a href='file:///etc/passwd'>lena</a>")
    save(dialog)
    qtbot.waitUntil(lambda: not page.reading and page.pages.currentWidget() is page.people)
    assert page.listed() == ["No sprint together yet", "Lena Park"]
    assert page.shown is not None and page.shown.coach.name == "Lena Park"
    assert page.together_label.text() == "No sprint together yet."
    # An address is shown as typed, never as a link.
    assert page.contact_label.text() == "<a href='file:///etc/passwd'>lena</a>"
    assert page.contact_label.textFormat() is Qt.TextFormat.PlainText


def test_coaches_now_and_past_with_their_sprints_in_order(
    window: MainWindow, qtbot: QtBot, career: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    assert page.listed() == ["Working with now", "Ines Varga", "Past coaches", "Tom Okafor"]
    assert page.summary_label.text() == "2 coaches since 2026. Working with Ines Varga now."
    item = page.list.item(1)
    assert item.data(SUBTITLE_ROLE) == (
        "Engineering leadership · Kestrel Games · Jan 2026 – Dec 2026 · 2 sprints"
    )
    assert page.shown is not None and page.shown.coach.id == career["ines"]
    assert page.what_label.text() == "Engineering leadership · Kestrel Games"
    assert page.together_label.text() == (
        "Together Jan 2026 – Dec 2026 · 2 sprints · working together now"
    )
    assert page.contact_label.text() == "ines@example.org"
    assert page.notes_label.text() == "Asks one question and waits."
    assert _sprints(page) == [
        ("Review faster", "5 Jan 2026 – 1 Mar 2026 · completed"),
        ("Lead design", "1 Oct 2026 – 20 Dec 2026 · running"),
    ]
    assert page.start_button.text() == "Start a sprint with Ines Varga…"
    page.show_coach(career["tom"])
    assert page.together_label.text().endswith("1 sprint · past coach")
    assert _sprints(page) == [("Speak up", "2 Mar 2026 – 1 May 2026 · ended, not closed yet")]


def test_a_closed_sprint_says_how_many_goals_were_achieved(
    window: MainWindow, qtbot: QtBot, services: Services, career: dict[str, int]
) -> None:
    c = services.coaching
    goals = c.goals_of(career["review"])
    for goal, status in zip(goals, (GoalStatus.ACHIEVED, GoalStatus.MISSED), strict=True):
        fields = {n: getattr(goal, n) for n in GoalDraft.__dataclass_fields__}
        c.update_goal(goal.id, GoalDraft(**(fields | {"status": status})))
    page = _page(window, qtbot)
    assert _sprints(page)[0] == (
        "Review faster",
        "5 Jan 2026 – 1 Mar 2026 · completed · 1 of 2 goals achieved",
    )


def test_a_sprint_together_opens_on_the_coaching_page(
    window: MainWindow, qtbot: QtBot, career: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.sprints.itemActivated.emit(page.sprints.item(0))
    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    assert coaching.view is not None and coaching.view.sprint.id == career["review"]


def test_a_rename_renames_the_coach_of_their_sprints_on_the_coaching_page(
    window: MainWindow, qtbot: QtBot, services: Services, career: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CoachDialog) and dialog.windowTitle() == "Edit coach"
    assert not dialog.rename_note.isVisibleTo(dialog)
    dialog.name_edit.setText("Ines Kovač")
    dialog.name_edit.textEdited.emit("Ines Kovač")
    assert dialog.rename_note.isVisibleTo(dialog)
    assert dialog.rename_note.text() == (
        "Renaming them renames the coach of your 2 sprints with them."
    )
    save(dialog)
    qtbot.waitUntil(lambda: not page.reading and "Ines Kovač" in page.listed())
    assert services.coaching.sprint(career["lead"]).coach_name == "Ines Kovač"
    coaching = window.coaching_page
    assert coaching is not None
    coaching.open_sprint(career["lead"])
    window.sidebar.setCurrentRow(window.stack.indexOf(coaching))
    links = [b for b in coaching.findChildren(QPushButton) if b.text().startswith("with ")]
    assert [b.text() for b in links if b.isVisibleTo(coaching)] == ["with Ines Kovač"]
    # The name on the Coaching page opens the coach on the Coaches page.
    next(b for b in links if b.isVisibleTo(coaching)).click()
    assert window.stack.currentWidget() is page
    assert page.shown is not None and page.shown.coach.id == career["ines"]


def test_a_name_another_coach_has_is_refused_at_the_field(
    window: MainWindow, qtbot: QtBot, career: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.edit_shown()
    dialog = page.dialog
    assert isinstance(dialog, CoachDialog)
    dialog.name_edit.setText("tom okafor")
    save(dialog)
    assert dialog.error_text("name") == "You already have a coach called Tom Okafor."
    dialog.discard()


def test_delete_and_undo(
    window: MainWindow, qtbot: QtBot, services: Services, career: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.show_coach(career["tom"])
    page.delete_button.click()
    assert window.notices.text() == "Deleted Tom Okafor. Their sprints keep the name they show."
    qtbot.waitUntil(lambda: not page.reading and "Tom Okafor" not in page.listed())
    assert services.coaching.sprint(career["speak"]).coach_name == "Tom Okafor"
    window.notices.button.click()  # Undo
    qtbot.waitUntil(lambda: not page.reading and "Tom Okafor" in page.listed())
    assert page.shown is not None and page.shown.coach.id == career["tom"]


def test_start_a_sprint_with_a_coach(
    window: MainWindow, qtbot: QtBot, services: Services, career: dict[str, int]
) -> None:
    page = _page(window, qtbot)
    page.show_coach(career["tom"])
    page.start_button.click()
    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    dialog = coaching.dialog
    assert isinstance(dialog, SprintDialog) and dialog.windowTitle() == "New sprint"
    assert dialog.coach_edit.text() == "Tom Okafor"
    dialog.title_edit.setText("Speak up again")
    save(dialog)
    made = next(s for s in services.coaching.sprints() if s.title == "Speak up again")
    assert made.coach_id == career["tom"]


def test_the_page_by_keyboard_alone(
    window: MainWindow, qtbot: QtBot, career: dict[str, int]
) -> None:
    action = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+9"))
    action.trigger()
    page = window.coaches_page
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.read is not None and not page.reading)
    page.list.setFocus()
    assert page.shown is not None and page.shown.coach.name == "Ines Varga"
    QTest.keyClick(page.list, Qt.Key.Key_Down)  # over the "Past coaches" heading
    assert page.shown is not None and page.shown.coach.name == "Tom Okafor"
    QTest.keyClick(page.list, Qt.Key.Key_Return)
    assert isinstance(page.dialog, CoachDialog) and page.dialog.windowTitle() == "Edit coach"
    page.dialog.discard()
    page.sprints.setFocus()
    page.sprints.setCurrentRow(0)
    QTest.keyClick(page.sprints, Qt.Key.Key_Return)
    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    assert coaching.view is not None and coaching.view.sprint.id == career["speak"]


def test_the_sprint_form_offers_your_coaches_and_takes_a_new_name(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock, career: dict[str, int]
) -> None:
    names = services.people.coach_names()
    dialog = shown(
        qtbot,
        SprintDialog(Ops(), services.coaching, DraftStore(paths.drafts), clock, coach_names=names),
    )
    combo = dialog.coach_combo
    assert combo.accessibleName() == "Coach"
    assert [combo.itemText(i) for i in range(combo.count())] == ["Ines Varga", "Tom Okafor"]
    assert dialog.coach_edit.text() == ""  # no coach unless one is chosen or typed
    combo.setCurrentIndex(1)
    assert dialog.draft().coach_name == "Tom Okafor"
    dialog.coach_edit.setText("Ada Brook")  # a new coach, typed
    dialog.title_edit.setText("Lead the guild")
    save(dialog)
    assert "Ada Brook" in services.people.coach_names()
    assert dialog.saved is not None and dialog.saved.coach_id is not None


def test_history_filters_by_coach(career: dict[str, int], window: MainWindow) -> None:
    page = history(window)
    combo = page.coach_combo
    assert combo.accessibleName() == "Coach"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Every coach",
        "Ines Varga",
        "Tom Okafor",
    ]
    assert titles(page) == ["Entry 3", "Entry 2", "Entry 1", "Entry 0"]
    combo.setCurrentIndex(combo.findText("Ines Varga"))
    assert titles(page) == ["Entry 2", "Entry 0"]
    assert page.count_label.text() == "2 entries"
    combo.setCurrentIndex(combo.findText("Tom Okafor"))
    assert titles(page) == ["Entry 1"]
    assert page.history_filter().coach_id == career["tom"]


def test_timeline_filters_by_coach(career: dict[str, int], window: MainWindow) -> None:
    page = window.timeline_page
    assert page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    read(page)
    page.set_zoom("all")
    page.view.repaint()
    box = page.coach_box
    assert box.accessibleName() == "Filter by coach"
    assert [box.itemText(i) for i in range(box.count())] == [
        "All coaches",
        "Ines Varga",
        "Tom Okafor",
    ]
    assert marks(page, ItemKind.SPRINT) == {career["review"], career["speak"], career["lead"]}
    box.setCurrentIndex(box.findText("Ines Varga"))
    box.activated.emit(box.currentIndex())
    page.view.repaint()
    assert marks(page, ItemKind.SPRINT) == {career["review"], career["lead"]}
    assert marks(page, ItemKind.ENTRY) == {career["entry0"], career["entry2"]}
    sprint_box = page.sprint_box
    assert [sprint_box.itemText(i) for i in range(sprint_box.count())] == [
        "All sprints",
        "Lead design",
        "Review faster",
    ]
    box.setCurrentIndex(box.findText("Tom Okafor"))
    box.activated.emit(box.currentIndex())
    page.view.repaint()
    assert marks(page, ItemKind.SPRINT) == {career["speak"]}
    assert marks(page, ItemKind.ENTRY) == {career["entry1"]}
    page.clear_filters()
    page.view.repaint()
    assert len(marks(page, ItemKind.SPRINT)) == 3


def test_a_coach_typed_and_not_saved_is_offered_again(
    make_window: Callable[[], MainWindow], paths: AppPaths
) -> None:
    DraftStore(paths.drafts).put("coach:new", {"name": "Lena Park", "coaches": "Speaking"})
    window = make_window()
    page = window.coaches_page
    assert page is not None and page.open_draft(DraftKey.parse("coach:new"))
    dialog = page.dialog
    assert isinstance(dialog, CoachDialog) and dialog.restored_label.isVisibleTo(dialog)
    assert (dialog.name_edit.text(), dialog.coaches_edit.text()) == ("Lena Park", "Speaking")
    assert not page.open_draft(DraftKey.parse("mentor:new"))
    dialog.discard()
