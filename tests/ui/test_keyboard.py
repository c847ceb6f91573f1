"""From the keyboard: a shortcut for every "New", the shortcut list (F1) read from the one
table the app binds from, and the quick switcher (Ctrl+K)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from devjournal.domain.jumps import JumpKind
from devjournal.services.container import Services
from devjournal.ui.dialogs.goal_dialog import GoalDialog
from devjournal.ui.dialogs.mentor_dialog import MentorDialog
from devjournal.ui.dialogs.quick_switcher import JUMP_ROLE, QuickSwitcher
from devjournal.ui.dialogs.session_dialog import SessionDialog
from devjournal.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.shortcuts import IN_REPORT, SHORTCUTS, sequence

UI = Path(__file__).resolve().parents[2] / "src" / "devjournal" / "ui"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Press the keys of the shortcut ``name`` as a user would, on the window."""
    window.activateWindow()  # as the window manager does once a dialog has closed
    qtbot.waitUntil(window.isActiveWindow)
    combo = sequence(name)[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def _open_dialog(window: MainWindow, kind: type[QDialog]) -> QDialog:
    shown = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(shown) == 1, f"expected one {kind.__name__} open, found {len(shown)}"
    return shown[0]


def test_every_shortcut_is_bound_from_the_one_table() -> None:
    """No shortcut is written anywhere in the window's code but ``ui/shortcuts.py``."""
    for path in UI.rglob("*.py"):
        if path.name == "shortcuts.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"QKeySequence|StandardKey", text), f"{path.name} binds a key itself"
    used = "\n".join(
        p.read_text(encoding="utf-8") for p in UI.rglob("*.py") if p.name != "shortcuts.py"
    )
    for entry in SHORTCUTS:
        if entry.name.startswith("page."):
            continue  # bound by the window from each page's title (next test)
        assert f'"{entry.name}"' in used, f"{entry.name} is listed but bound nowhere"


def test_no_two_shortcuts_share_keys_and_each_has_keys(qapp: QApplication) -> None:
    window_wide = [s for s in SHORTCUTS if s.group != IN_REPORT]
    texts = [s.text() for s in window_wide]
    assert all(texts), [s.name for s in window_wide if not s.text()]
    assert len(set(texts)) == len(texts), texts
    report = [s.text() for s in SHORTCUTS if s.group == IN_REPORT]
    assert len(set(report)) == len(report)


def test_the_window_binds_every_page_and_new_shortcut(sample_window: MainWindow) -> None:
    bound = {
        action.shortcut().toString()
        for action in sample_window.findChildren(QAction)
        if not action.shortcut().isEmpty() and action.isEnabled()
    }
    for entry in SHORTCUTS:
        if entry.group != IN_REPORT and entry.name not in ("page.find", "page.undo"):
            assert entry.sequence().toString() in bound, f"{entry.name} ({entry.text()})"


def test_f1_lists_every_shortcut_with_its_keys(sample_window: MainWindow, qtbot: QtBot) -> None:
    _press(qtbot, sample_window, "help.shortcuts")
    dialog = _open_dialog(sample_window, ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog)
    rows = []
    tree = dialog.tree
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        rows += [
            (group.child(i).text(0), group.child(i).text(1)) for i in range(group.childCount())
        ]
    assert rows == [(s.does, s.text()) for s in SHORTCUTS]
    assert ("New sprint", "Ctrl+Shift+N") in rows


@pytest.mark.parametrize(
    ("name", "dialog", "page"),
    [
        ("new.sprint", SprintDialog, "Coaching"),
        ("new.goal", GoalDialog, "Coaching"),
        ("new.session", SessionDialog, "Coaching"),
        ("new.mentor", MentorDialog, "Mentorship"),
    ],
)
def test_each_new_has_a_shortcut_that_opens_its_form(
    sample_window: MainWindow, qtbot: QtBot, name: str, dialog: type[QDialog], page: str
) -> None:
    _press(qtbot, sample_window, name)
    form = _open_dialog(sample_window, dialog)
    assert sample_window.sidebar.currentItem().text() == page
    if dialog in (GoalDialog, SessionDialog):  # in the sprint running today
        coaching = sample_window.coaching_page
        assert coaching is not None and coaching.view is not None
        assert coaching.view.sprint.id == coaching.running_sprint_id()
    form.reject()
    qtbot.waitUntil(lambda: not form.isVisible())


def test_check_in_puts_the_cursor_in_the_most_due_goals_row(
    sample_window: MainWindow, qtbot: QtBot
) -> None:
    _press(qtbot, sample_window, "new.checkin")
    coaching = sample_window.coaching_page
    assert coaching is not None and coaching.view is not None
    due = [g for g in coaching.view.goals if g.progress.checkin_overdue]
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    cards = {card.value_edit: goal for goal, card in coaching.goal_cards.items()}
    assert focused in cards
    if due:
        assert cards[focused] == due[0].goal.id


def _switch(window: MainWindow, qtbot: QtBot, typed: str) -> QuickSwitcher:
    _press(qtbot, window, "go.switcher")
    switcher = _open_dialog(window, QuickSwitcher)
    assert isinstance(switcher, QuickSwitcher)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is switcher.field)
    qtbot.keyClicks(switcher.field, typed)
    qtbot.waitUntil(lambda: switcher.results.count() > 0, timeout=5000)
    return switcher


def test_ctrl_k_finds_a_mentor_by_part_of_a_name_and_enter_opens_them(
    sample_window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    mentor = services.mentorship.mentors()[0]
    first_name = mentor.name.split()[0]
    switcher = _switch(sample_window, qtbot, first_name[:3].lower())
    rows = [switcher.results.item(i).data(JUMP_ROLE) for i in range(switcher.results.count())]
    wanted = next(i for i, j in enumerate(rows) if j.kind is JumpKind.MENTOR and j.id == mentor.id)
    for _ in range(wanted):
        qtbot.keyClick(switcher.field, Qt.Key.Key_Down)  # the keys stay in the field
    assert switcher.results.currentRow() == wanted
    qtbot.keyClick(switcher.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not switcher.isVisible())
    page = sample_window.mentorship_page
    assert page is not None and page.view is not None and page.view.mentor.id == mentor.id
    assert sample_window.sidebar.currentItem().text() == "Mentorship"


def test_ctrl_k_goes_to_a_page_an_entry_and_a_goal(
    sample_window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    switcher = _switch(sample_window, qtbot, "hist")
    qtbot.keyClick(switcher.field, Qt.Key.Key_Return)
    assert sample_window.sidebar.currentItem().text() == "History"

    entry = services.mentorship.search("review", limit=1).hits[0]
    switcher = _switch(sample_window, qtbot, entry.title)
    first = switcher.results.item(0).data(JUMP_ROLE)
    assert first.kind is JumpKind.ENTRY and first.title == entry.title
    qtbot.keyClick(switcher.field, Qt.Key.Key_Return)
    history = sample_window.history_page
    assert history is not None and history.entry is not None and history.entry.title == entry.title

    coaching = sample_window.coaching_page
    assert coaching is not None
    goal = coaching.view.goals[0].goal if coaching.view else None
    assert goal is not None
    switcher = _switch(sample_window, qtbot, goal.title)
    jump = next(
        switcher.results.item(i).data(JUMP_ROLE)
        for i in range(switcher.results.count())
        if switcher.results.item(i).data(JUMP_ROLE).kind is JumpKind.GOAL
    )
    assert jump.title == goal.title


def test_ctrl_k_says_when_nothing_is_called_that(sample_window: MainWindow, qtbot: QtBot) -> None:
    _press(qtbot, sample_window, "go.switcher")
    switcher = _open_dialog(sample_window, QuickSwitcher)
    assert isinstance(switcher, QuickSwitcher)
    qtbot.keyClicks(switcher.field, "qqqxz")
    qtbot.waitUntil(lambda: "Nothing is called" in switcher.status.text(), timeout=5000)
    assert switcher.results.count() == 0
    qtbot.keyClick(switcher.field, Qt.Key.Key_Return)  # nothing to open: it stays open
    assert switcher.isVisible()
    qtbot.keyClick(switcher.field, Qt.Key.Key_Escape)
    assert not switcher.isVisible()


def test_ctrl_k_works_from_a_text_field(sample_window: MainWindow, qtbot: QtBot) -> None:
    """A line edit takes Ctrl+K as "delete to the end of the line": in the window's fields
    the quick switcher comes first."""
    history = sample_window.history_page
    assert history is not None
    sample_window.sidebar.setCurrentRow(sample_window.stack.indexOf(history))
    history.search_edit.setText("design review")
    history.search_edit.setFocus()
    history.search_edit.setCursorPosition(0)
    qtbot.waitUntil(history.search_edit.hasFocus)
    assert history.search_edit.property("watchedForSwitcher")  # the window filters its keys
    combo = sequence("go.switcher")[0]
    qtbot.keyClick(history.search_edit, combo.key(), combo.keyboardModifiers())
    assert _open_dialog(sample_window, QuickSwitcher).isVisible()
    assert history.search_edit.text() == "design review"
    # Offscreen, Qt has no "delete to the end of the line" binding to take Ctrl+K (the
    # desktop themes have): the window's filter is asked directly that it keeps it.
    for key, kept in ((Qt.Key.Key_K, True), (Qt.Key.Key_J, False)):
        event = QKeyEvent(
            QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier, "k"
        )
        assert sample_window.eventFilter(history.search_edit, event) is kept
