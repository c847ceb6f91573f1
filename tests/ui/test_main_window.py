"""The window as a user sees it: sidebar, Today with real figures, welcome, themes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import EntryKind, Relationship, SprintKind
from devjournal.domain.models import (
    ActionItemDraft,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.paths import AppPaths
from devjournal.services.changes import Changes
from devjournal.services.container import Services
from devjournal.settings import Settings
from devjournal.ui.main_window import MainWindow
from tests.ui.prompts import answer_prompt, message_shown


def texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.today_page.findChildren(QLabel) if label.isVisible()]


def fill(services: Services) -> None:
    c, ms = services.coaching, services.mentorship
    sprint = c.create_sprint(
        SprintDraft(
            title="Get fluent in Rust",
            kind=SprintKind.SKILLS,
            coach_name="Maya",
            focus="Ship a production service in Rust",
            start_date=date(2026, 10, 1),
            end_date=date(2026, 12, 23),
        )
    ).value
    c.add_goal(GoalDraft(sprint_id=sprint.id, title="Ship a crate"))
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 11, 21, 10, tzinfo=UTC),
            agenda="- Review commitments\n- Borrow checker questions",
        )
    )
    c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Read chapter 4", due_date=date(2026, 11, 15))
    )
    c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Pair with Sam", due_date=date(2026, 11, 20))
    )
    mentor = ms.add_mentor(MentorDraft(name="Grace", relationship=Relationship.PEER)).value
    ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=datetime(2026, 11, 17, 18, tzinfo=UTC),
            title="Say no to the third project",
            mentor_id=mentor.id,
        )
    )


def sample_button(window: MainWindow) -> QPushButton:
    """The welcome's "Open a sample journal" button."""
    buttons = window.today_page.findChildren(QPushButton)
    return next(b for b in buttons if b.text() == "Open a sample journal")


def test_empty_journal_welcomes_and_offers_a_sample(window: MainWindow) -> None:
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
    shown = texts(window)
    assert "Welcome to devjournal" in shown
    assert any("sample journal opens in its own window" in t for t in shown)
    button = sample_button(window)
    assert button.isVisible() and button.isEnabled()
    assert "Not sure whether you need a coach or a mentor?" in shown
    assert window.today_page.assessment_button.isVisible()


def test_today_shows_real_figures(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    fill(services)
    window = make_window()
    with qtbot.waitSignal(window.today_page.first_painted, timeout=5000):
        window.show()
    shown = texts(window)
    assert "Get fluent in Rust" in shown
    assert "Day 49 of 84 · 35 days left · ends 23 Dec 2026" in shown
    assert "35" in shown and "days left in the sprint" in shown
    assert "open action items, 1 overdue" in shown
    assert "1 overdue" in shown
    assert "3 days overdue" in shown and "due in 2 days" in shown
    assert "in 3 days" in shown  # the next session, from Wednesday 09:30 to Saturday 10:00
    assert "•  Borrow checker questions" in shown
    assert "Say no to the third project" in shown
    assert any(t.endswith("Advice · Grace") for t in shown)
    assert "Welcome to devjournal" not in shown


def test_today_refreshes_when_data_changes(window: MainWindow, services: Services) -> None:
    assert "Welcome to devjournal" in texts(window)
    fill(services)
    window.ops.announce(Changes.ENTRIES)
    assert "Say no to the third project" in texts(window)


def test_a_sample_asked_for_and_cancelled_is_not_made(
    window: MainWindow, qtbot: QtBot, opened: Any
) -> None:
    window.sample_action.trigger()
    assert "Your own journal is not touched." in window.findChild(QMessageBox).informativeText()
    answer_prompt(window, "Cancel")
    qtbot.waitUntil(lambda: message_shown(window) == "", timeout=3000)
    assert opened.homes == []
    assert not window.sample_launcher.home.exists()
    assert window.sample_action.isEnabled()


def test_sample_button_makes_a_sample_in_another_folder(
    window: MainWindow,
    qtbot: QtBot,
    opened: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = window.sample_launcher.home
    button = sample_button(window)
    with qtbot.waitSignal(window.sample_launcher.finished, timeout=60_000) as done:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert "own window" in message_shown(window)  # asked first, window-modally
        answer_prompt(window, "Open")
        assert not button.isEnabled()  # busy while the sample is made
    assert done.args[0] is True
    assert opened.homes == [home]
    assert (home / "journal.sqlite").stat().st_size > 100_000
    assert any("opened in a new window" in t for t in texts(window))
    # The user's own journal is untouched.
    assert "Welcome to devjournal" in texts(window)

    # Asking again opens the same sample without making it anew.
    with qtbot.waitSignal(window.sample_launcher.finished, timeout=5000):
        window.sample_action.trigger()
        answer_prompt(window, "Open")
    assert opened.homes == [home, home]


def test_theme_choice_applies_and_is_remembered(
    window: MainWindow, qtbot: QtBot, paths: object
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dark = next(a for a in window.theme_actions.actions() if a.data() == "dark")
    dark.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    light = next(a for a in window.theme_actions.actions() if a.data() == "light")
    assert Settings(window._settings._path).theme == "dark"
    light.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_window_size_is_remembered(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    first = make_window()
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800 pixels wide, so only the height is free to change.
    first.resize(first.width(), first.minimumHeight() + 37)
    qtbot.waitUntil(lambda: first.height() == first.minimumHeight() + 37)
    first.close()
    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    assert second.height() == second.minimumHeight() + 37 != MainWindow.DEFAULT_SIZE.height()


def test_a_first_window_fits_a_small_screen(
    make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen on a 1024x700 screen: the first window opened at 1180x780, its right side and
    # bottom off the screen.
    from PySide6.QtCore import QRect

    class Laptop:
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1024, 700)

    window = make_window()
    monkeypatch.setattr(window, "screen", Laptop)
    window._restore_geometry()
    assert window.width() <= 1024 - 16 and window.height() <= 700 - 40  # with its frame
    assert window.width() >= window.minimumWidth() and window.height() >= window.minimumHeight()


def test_about_names_the_version_and_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.about_action.trigger()
    shown = message_shown(window)
    assert "devjournal 0.1.0" in shown and "Everything stays on this computer" in shown


def test_application_has_its_names_and_icon() -> None:
    from devjournal.ui.application import make_application

    app = make_application(["devjournal"])
    assert app.applicationName() == "io.github.devjournal.DevJournal"  # the window class
    assert app.applicationDisplayName() == "devjournal"
    assert app.desktopFileName() == "io.github.devjournal.DevJournal"
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(64, 64).isNull()


def test_the_window_shows_what_another_program_wrote_without_a_restart(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    """A command beside the window (here: another connection) commits an entry; within
    a second the window refreshes its pages through data_changed, and its own saves do
    not make it refresh twice."""
    from devjournal.services.container import open_services
    from tests.clocks import stopped

    assert window.services is not None
    seen: list[Changes] = []
    window.ops.data_changed.connect(lambda changes, _origin: seen.append(changes))
    window.services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=datetime(2026, 11, 17, 9, 0, tzinfo=UTC),
            title="ours",
            body="",
        )
    )
    window.show_changes_from_elsewhere()
    assert seen == []  # our own commit is not news
    db, elsewhere = open_services(paths.journal, paths.backups, stopped())
    try:
        elsewhere.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.LESSON,
                occurred_at=datetime(2026, 11, 17, 10, 0, tzinfo=UTC),
                title="Written by the command line",
                body="",
            )
        )
    finally:
        db.close()
    with qtbot.waitSignal(window.ops.data_changed, timeout=3000) as got:
        pass  # the window's own timer asks every second
    assert got.args[0] == Changes.EVERYTHING
    window.sidebar.setCurrentRow(window.page_titles().index("History"))
    model = window.history_page.model

    def listed() -> list[str]:
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: any("Written by the command line" in t for t in listed()), timeout=3000)


def test_an_outside_change_waits_while_the_user_types_in_a_field(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    """A command writing beside the window must not rebuild the page under a field the
    user is typing in (the keys that follow would go elsewhere): the refresh waits until
    the field loses focus."""
    from PySide6.QtWidgets import QLineEdit

    from devjournal.services.container import open_services
    from tests.clocks import stopped

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    field = window.today_page.findChild(QLineEdit) or QLineEdit(window.today_page)
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=3000)
    seen: list[Changes] = []
    window.ops.data_changed.connect(lambda changes, _origin: seen.append(changes))
    db, elsewhere = open_services(paths.journal, paths.backups, stopped())
    try:
        elsewhere.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.LESSON,
                occurred_at=datetime(2026, 11, 17, 10, 0, tzinfo=UTC),
                title="Written while the user typed",
                body="",
            )
        )
    finally:
        db.close()
    window.show_changes_from_elsewhere()
    window.show_changes_from_elsewhere()
    assert seen == []  # still typing
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar, timeout=3000)
    window.show_changes_from_elsewhere()
    assert seen == [Changes.EVERYTHING]  # shown once, when the field was left


def test_pages_used_now_and_then_are_built_when_first_shown(
    window: MainWindow, qtbot: QtBot, services: Services
) -> None:
    """Guide, Feedback, Outreach, Coaches and Direction are in the sidebar from the start,
    but built only when first needed (memory at start); built late, a page shows what
    was written before it existed, and the current page stays on screen meanwhile."""
    from devjournal.domain.enums import OutreachStatus
    from devjournal.domain.models import OutreachDraft
    from devjournal.ui.main_window import DEFERRED_PAGES
    from devjournal.ui.pages.outreach_page import OutreachPage
    from devjournal.ui.pages.page import DeferredPage

    titles = window.page_titles()
    assert set(DEFERRED_PAGES) <= set(titles)
    rows = {title: titles.index(title) for title in DEFERRED_PAGES}
    assert all(isinstance(window.stack.widget(row), DeferredPage) for row in rows.values())
    window.sidebar.setCurrentRow(titles.index("History"))
    history = window.stack.currentWidget()
    services.people.add_outreach(
        OutreachDraft(
            name="Priya Raman",
            status=OutreachStatus.IDEA,
            purpose="Staff path",
            idea_on=date(2026, 11, 2),
        )
    )
    assert window.coaches_page is not None  # asked for: built, not shown
    assert window.stack.currentWidget() is history
    assert not isinstance(window.stack.widget(rows["Coaches"]), DeferredPage)
    assert isinstance(window.stack.widget(rows["Outreach"]), DeferredPage)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, OutreachPage) and page is window.outreach_page
    assert window.sidebar.currentRow() == rows["Outreach"]
    assert [o.name for o in page.outreach] == ["Priya Raman"]
    assert page.isVisible() and window.page_titles() == titles


def test_building_and_showing_every_page_flashes_no_other_window(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    """A widget shown before it has a parent is a window of its own: it flashes on the
    desktop and takes the keyboard from the main window (the empty states' second button
    did, so Ctrl+8 left no widget with the focus). Nothing but the main window shows
    while the window is made, its pages built and each one shown, on an empty journal."""
    from tests.ui.stray_windows import stray_windows

    with stray_windows() as strays:
        window = make_window()
        window.show()
        qtbot.waitExposed(window)
        for row in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(row)
            qtbot.wait(20)
    assert strays == []


def test_the_page_shown_at_close_comes_back_at_the_next_start(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    first = make_window()
    first.show()
    rows = [first.sidebar.item(r).text() for r in range(first.sidebar.count())]
    first.sidebar.setCurrentRow(rows.index("Feedback"))
    first.close()
    again = make_window()
    assert again.sidebar.currentItem().text() == "Feedback"
    assert again.stack.currentWidget() is again.feedback_page
    again.sidebar.setCurrentRow(0)
    again.close()
    assert make_window().sidebar.currentItem().text() == "Today"
