"""The History page, driven as a user would: write, find, open, edit, answer advice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import AdviceStatus, EntryKind, Relationship
from devjournal.domain.models import LogEntryDraft, MentorDraft
from devjournal.drafts import DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.dialogs.entry_dialog import EntryDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.models import history_list_model as hm
from devjournal.ui.ops import Ops
from devjournal.ui.pages.history_page import HistoryPage
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE
from tests.ui.prompts import message_shown
from tests.ui.test_coaching_page import click


def history(window: MainWindow) -> HistoryPage:
    assert window.history_page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(window.history_page))
    window.activateWindow()
    return window.history_page


def opened(page: HistoryPage) -> EntryDialog:
    dialog = page.dialog
    assert isinstance(dialog, EntryDialog) and dialog.isVisible()
    return dialog


def searched(page: HistoryPage, qtbot: QtBot, typed: str) -> None:
    """Type ``typed`` in the search box and wait for the hits (a search runs on a worker)."""
    page.search_edit.setText(typed)
    page.reload()
    qtbot.waitUntil(lambda: not page.searching, timeout=10_000)


def titles(page: HistoryPage) -> list[str]:
    model = page.list.model()
    return [
        model.index(r, 0).data()
        for r in range(model.rowCount())
        if model.index(r, 0).data(SUBTITLE_ROLE)
    ]


def test_write_find_open_and_edit(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    grace = services.mentorship.add_mentor(
        MentorDraft(name="Grace", relationship=Relationship.TRADITIONAL)
    ).value
    page = history(window)
    page._fill_choices()
    assert page.count_label.text() == "No entries match these filters."

    # Write: Ctrl+N from another page opens the editor.
    window.sidebar.setCurrentRow(0)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(page)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("advice"))
    assert dialog.status_combo.isVisibleTo(dialog)
    assert not dialog.answers_combo.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.title_edit, "Say no to the third project")
    dialog.body_edit.setPlainText(
        "Ask **what would you drop**. <script>alert(1)</script> <img src='https://x/y.png'>"
    )
    dialog.tags_edit.setText("career growth, focus")
    dialog.mentor_combo.setCurrentIndex(dialog.mentor_combo.findData(grace.id))
    dialog.body_tabs.setCurrentIndex(1)  # the preview renders the Markdown, not the HTML
    preview = dialog.preview.toHtml()
    assert "<script" not in preview and "<img" not in preview
    assert "what would you drop" in dialog.preview.toPlainText()
    click(dialog, "Save")
    [row] = services.mentorship.latest_entries()
    assert (row.title, row.tags, row.advice_status) == (
        "Say no to the third project",
        ("career growth", "focus"),
        AdviceStatus.NEW,
    )

    # Find it: the list shows it; a search highlights it; filters narrow to it.
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    assert titles(page) == ["Say no to the third project"]
    searched(page, qtbot, "third proj*")
    assert titles(page) == ["Say no to the third project"]
    snippet = page.list.model().index(0, 0).data(SUBTITLE_ROLE)
    assert "\x02third\x03" in snippet and "Grace" in snippet
    searched(page, qtbot, '"unclosed')
    assert page.count_label.text() == 'A quote is not closed: add the closing ".'
    page.search_edit.clear()
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("career growth"))
    assert titles(page) == ["Say no to the third project"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("win"))
    assert titles(page) == []
    page.kind_combo.setCurrentIndex(0)
    page.tag_combo.setCurrentIndex(0)

    # Open and edit: it worked.
    page.list.setCurrentIndex(page.list.model().index(1, 0))  # row 0 is the month heading
    assert page.entry is not None and page.entry.id == row.id
    shown = page.reader.toHtml()
    assert "Say no to the third project" in shown and "<script" not in shown
    page.edit_button.click()
    edit = opened(page)
    edit.status_combo.setCurrentIndex(edit.status_combo.findData("worked"))
    click(edit, "Save")
    assert services.mentorship.entry(row.id).advice_status is AdviceStatus.WORKED
    assert "Worked" in page.reader.toPlainText()


def test_a_reflection_answers_advice_and_the_advice_shows_it(
    window: MainWindow, services: Services
) -> None:
    advice = services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            title="Block review time",
        )
    ).value
    page = history(window)
    page.new_entry()
    dialog = opened(page)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("reflection"))
    assert dialog.answers_combo.isVisibleTo(dialog)
    dialog.answers_combo.setCurrentIndex(dialog.answers_combo.findData(advice.id))
    dialog.title_edit.setText("Two review slots a day worked")
    click(dialog, "Save")
    answer = services.mentorship.answers_to(advice.id)
    assert [a.title for a in answer] == ["Two review slots a day worked"]
    assert "Answers the advice" in page.reader.toPlainText()
    page.open_entry(advice.id)
    assert "What came of it:" in page.reader.toPlainText()
    assert "Two review slots a day worked" in page.reader.toPlainText()


def test_delete_and_undo_and_unsafe_links(window: MainWindow, services: Services) -> None:
    entry = services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.LESSON,
            occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            title="A talk on platform teams",
            body="[run me](file:///etc/passwd)",
            source_url="https://example.com/talk",
        )
    ).value
    page = history(window)
    page.reload()
    page.list.setCurrentIndex(page.list.model().index(1, 0))  # choosing it opens it
    assert page.entry is not None and page.entry.id == entry.id
    page._on_reader_anchor_clicked(QUrl("file:///etc/passwd"))
    assert message_shown(page) == (
        "devjournal opens only http, https and mailto links, not “file:///etc/passwd”."
    )
    page.delete_button.click()
    assert services.mentorship.latest_entries() == []
    assert titles(page) == [] and page.window().notices.text().startswith("Deleted")
    page.window().notices.button.click()
    assert [e.id for e in services.mentorship.latest_entries()] == [entry.id]
    assert titles(page) == ["A talk on platform teams"]


def test_what_is_typed_in_a_new_entry_survives_a_crash(
    window: MainWindow, services: Services, paths: AppPaths
) -> None:
    page = history(window)
    page.new_entry()
    dialog = opened(page)
    dialog.title_edit.setText("Half a thought")
    dialog.keep_draft()
    again = EntryDialog(Ops(), services, DraftStore(paths.drafts), services.clock)
    assert again.title_edit.text() == "Half a thought"
    assert again.restored_label.isVisibleTo(again)


def test_an_entry_can_be_about_a_sprints_goal(window: MainWindow, services: Services) -> None:
    from datetime import date

    from devjournal.domain.enums import SprintKind
    from devjournal.domain.models import GoalDraft, SprintDraft

    sprint = services.coaching.create_sprint(
        SprintDraft(
            title="Review faster",
            kind=SprintKind.PERFORMANCE,
            start_date=date(2026, 10, 1),
            end_date=date(2026, 12, 19),
        )
    ).value
    goal = services.coaching.add_goal(GoalDraft(sprint_id=sprint.id, title="Turnaround")).value
    page = history(window)
    page.new_entry()
    dialog = opened(page)
    assert not dialog.goal_combo.isEnabled()  # no sprint chosen, no goal to choose
    dialog.title_edit.setText("Coach asked about turnaround")
    dialog.sprint_combo.setCurrentIndex(dialog.sprint_combo.findData(sprint.id))
    dialog.goal_combo.setCurrentIndex(dialog.goal_combo.findData(goal.id))
    click(dialog, "Save")
    [entry] = services.mentorship.latest_entries()
    assert (entry.sprint_id, entry.goal_id) == (sprint.id, goal.id)


def test_an_entry_loads_nothing_it_links_to_and_edits_keep_what_is_gone(
    window: MainWindow, services: Services
) -> None:
    ms = services.mentorship
    grace = ms.add_mentor(MentorDraft(name="Grace & co", relationship=Relationship.PEER)).value
    advice = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            title="Block time",
        )
    ).value
    entry = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=datetime(2026, 11, 2, 9, 0, 37, tzinfo=UTC),
            title="It worked",
            body="![x](/dev/zero) ![y](file:///etc/hostname) [odd](entry:abc)",
            mentor_id=grace.id,
            responds_to_id=advice.id,
        )
    ).value
    page = history(window)
    page.reload()
    page.open_entry(entry.id)  # an image that points at /dev/zero would never finish
    loaded = page.reader.loadResource(2, QUrl("file:///etc/hostname"))  # a blank pixel
    assert isinstance(loaded, QImage) and loaded.size() == QSize(1, 1)
    page._on_reader_anchor_clicked(QUrl("entry:abc"))
    assert "only http, https and mailto" in message_shown(page)

    ms.delete_mentor(grace.id)
    ms.delete_entry(advice.id)
    page.open_entry(entry.id)
    page.edit_button.click()
    edit = opened(page)
    assert edit.mentor_combo.currentText() == "(deleted mentor)"
    assert edit.answers_combo.currentText() == "(deleted advice)"
    edit.title_edit.setText("It worked, mostly")
    click(edit, "Save")
    saved = ms.entry(entry.id)
    assert (saved.title, saved.mentor_id, saved.responds_to_id) == (
        "It worked, mostly",
        grace.id,
        advice.id,
    )
    assert saved.occurred_at == datetime(2026, 11, 2, 9, 0, 37, tzinfo=UTC)  # to the second


def test_a_form_opens_with_the_cursor_in_its_first_text_field(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page = history(window)
    page.new_entry()
    dialog = opened(page)
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    typing_into = QApplication.focusWidget()  # where a user's keys go
    assert typing_into is not None
    qtbot.keyClicks(typing_into, "Typed straight away")
    assert dialog.title_edit.text() == "Typed straight away"
    dialog.reject()
    assert window.coaching_page is not None
    window.coaching_page.new_sprint()
    sprint = window.coaching_page.dialog
    assert sprint is not None
    qtbot.waitUntil(lambda: sprint.focusWidget() is getattr(sprint, "title_edit", None))


def test_the_list_counts_and_shows_every_entry_after_scrolling_and_a_search(
    window: MainWindow, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hm, "PAGE", 40)
    for n in range(130):
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC) - timedelta(days=n),
                title=f"Entry {130 - n}" + (" about delegation" if n % 50 == 0 else ""),
            )
        )
    page = history(window)
    page.refresh()
    assert page.count_label.text() == "40+ entries"
    bar = page.list.verticalScrollBar()
    while page.model.canFetchMore(QModelIndex()):  # dragged to the bottom, page by page
        before = page.model.rowCount()
        qtbot.waitUntil(lambda: bar.value() < bar.maximum(), timeout=5000)  # laid out
        bar.setValue(bar.maximum())  # at the bottom, the view fetches the next page
        qtbot.waitUntil(lambda: page.model.rowCount() > before, timeout=5000)  # noqa: B023
    assert page.count_label.text() == "130 entries"
    shown = titles(page)
    assert len(shown) == 130 and shown[0].startswith("Entry 130") and shown[-1] == "Entry 1"
    months = [
        page.model.index(r, 0).data()
        for r in range(page.model.rowCount())
        if not page.model.index(r, 0).data(SUBTITLE_ROLE)
    ]
    assert months[0] == "November 2026" and months[-1] == "June 2026" and len(months) == 6

    searched(page, qtbot, "delegation")
    assert titles(page) == [f"Entry {n} about delegation" for n in (130, 80, 30)]
    assert page.count_label.text().startswith("3 entries match, newest first")
    page.search_edit.clear()
    page.reload()
    assert page.list.model() is page.model and page.count_label.text() == "40+ entries"
    assert titles(page)[:2] == ["Entry 130 about delegation", "Entry 129"]


def test_a_search_overtaken_by_another_shows_only_the_last(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    for title in ("Pairing on the parser", "Delegation notes"):
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
                title=title,
            )
        )
    page = history(window)
    page.refresh()
    page.search_edit.setText("parser")
    page.reload()
    page.search_edit.setText("delegation")  # typed on before the first search came back
    page.reload()
    qtbot.waitUntil(lambda: not page.searching, timeout=10_000)
    qtbot.wait(200)  # the first search's late result, if any, has arrived by now
    assert titles(page) == ["Delegation notes"]
    page.search_edit.setText("parser")
    page.reload()
    page.search_edit.clear()  # and cleared before it came back: the list again
    page.reload()
    qtbot.wait(300)
    assert page.list.model() is page.model
    assert titles(page) == ["Delegation notes", "Pairing on the parser"]
