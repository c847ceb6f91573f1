"""The Mentorship page: mentors, links, touchpoints, their history and advice."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtWidgets import QScrollArea, QSplitter
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import AdviceStatus, EntryKind, Relationship
from devjournal.domain.models import LogEntryDraft, MentorDraft
from devjournal.services.container import Services
from devjournal.ui.dialogs.entry_dialog import EntryDialog
from devjournal.ui.dialogs.mentor_dialog import MentorDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.mentorship_page import MentorshipPage
from tests.ui.test_coaching_page import click, texts


def mentorship(window: MainWindow) -> MentorshipPage:
    page = window.mentorship_page
    assert page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    return page


def test_add_a_mentor_with_links_a_bad_address_is_refused(
    window: MainWindow, services: Services
) -> None:
    page = mentorship(window)
    assert "The people you learn from" in texts(page)
    page.empty_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MentorDialog)
    dialog.name_edit.setText("Grace Okafor")
    dialog.relationship_combo.setCurrentIndex(dialog.relationship_combo.findData("from_afar"))
    dialog.set_links([("Blog", "https://grace.example/blog"), ("Talk", "javascript:alert(1)")])
    click(dialog, "Save")
    assert dialog.error_text("links") == "Link 2: Enter an http, https or mailto address."
    assert services.mentorship.mentors() == []  # nothing half-saved
    dialog.set_links([("Blog", "https://grace.example/blog"), ("Mail", "mailto:g@example.com")])
    click(dialog, "Save")
    [grace] = services.mentorship.mentors()
    assert [(x.label, x.url) for x in services.mentorship.links_of(grace.id)] == [
        ("Blog", "https://grace.example/blog"),
        ("Mail", "mailto:g@example.com"),
    ]
    assert page.view is not None and page.view.mentor.id == grace.id
    assert any(t.startswith("Follow: ") for t in texts(page))


def test_touchpoints_history_and_advice(window: MainWindow, services: Services) -> None:
    ms = services.mentorship
    maya = ms.add_mentor(
        MentorDraft(
            name="Maya",
            relationship=Relationship.TRADITIONAL,
            contact_every_days=30,
            started_on=date(2024, 1, 1),
        )
    ).value
    for n, (day, status) in enumerate(
        (
            (date(2025, 3, 1), AdviceStatus.WORKED),
            (date(2026, 9, 1), AdviceStatus.TRYING),
            (date(2026, 9, 20), AdviceStatus.WORKED),
        )
    ):
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.ADVICE,
                occurred_at=datetime.combine(day, datetime.min.time(), UTC),
                title=f"Advice {n}",
                mentor_id=maya.id,
                advice_status=status,
            )
        )
    page = mentorship(window)
    page.refresh()
    shown = texts(page)
    assert "A touchpoint is due: write to them, or log your last conversation." in shown
    assert "Entries per year: 2025: 1 · 2026: 2" in shown
    assert "3 pieces of advice: 1 trying it, 2 worked." in shown
    assert "•  Advice 2 (20 Sep 2026)" in shown and "•  Advice 0 (1 Mar 2025)" in shown
    assert page.model.index(1, 0).data() == "Maya"  # under its heading

    # Write with her: the editor starts with her chosen.
    page.write_button.click()
    assert window.history_page is not None
    dialog = window.history_page.dialog
    assert isinstance(dialog, EntryDialog) and dialog.mentor_combo.currentData() == maya.id
    dialog.reject()
    # Her entries in History.
    page.history_button.click()
    assert window.stack.currentWidget() is window.history_page
    assert window.history_page.history_filter().mentor_id == maya.id
    assert window.history_page.count_label.text() == "3 entries"


def test_delete_a_mentor_and_undo(window: MainWindow, services: Services) -> None:
    ms = services.mentorship
    ms.add_mentor(MentorDraft(name="Wen", relationship=Relationship.PEER))
    page = mentorship(window)
    page.refresh()
    page.delete_button.click()
    assert ms.mentors() == []
    assert page.right.currentWidget() is page.empty
    assert page.window().notices.text().startswith("Deleted Wen.")
    page.window().notices.button.click()
    assert [x.name for x in ms.mentors()] == ["Wen"]
    assert page.view is not None and page.view.mentor.name == "Wen"


def test_saving_a_mentor_keeps_their_links_in_place(services: Services) -> None:
    ms = services.mentorship
    draft = MentorDraft(name="Wen", relationship=Relationship.PEER)
    wen = ms.save_mentor(None, draft, [("Blog", "https://w.example"), ("Mail", "mailto:w@x")])
    before = [link.id for link in ms.links_of(wen.value.id)]
    ms.save_mentor(wen.value.id, draft, [("Blog", "https://w.example"), ("Mail", "mailto:w@x")])
    ms.save_mentor(wen.value.id, draft, [("Blog", "https://w.example/new")])
    after = ms.links_of(wen.value.id)
    assert [link.id for link in after] == before[:1]
    assert [(link.label, link.url) for link in after] == [("Blog", "https://w.example/new")]


def test_a_mentor_with_a_long_name_fits_a_small_window(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """At 1024x700 the mentor's buttons wrap: none is cut off at the window's edge, and
    the list of mentors keeps its width (the row was as wide as "New entry with <name>"
    and three more buttons, which pushed the list to nothing or the buttons past the
    edge)."""
    name = "Anouk Yilmaz-Vandenberghe de la Cruz"
    mentor = services.mentorship.add_mentor(
        MentorDraft(name=name, relationship=Relationship.FROM_AFAR)
    ).value
    window.resize(1024, 700)
    page = mentorship(window)
    page.refresh()  # added behind the page's back: listed now
    page.show_mentor(mentor.id)

    def built() -> bool:  # the buttons are made anew when the mentor is read
        return page.delete_button.isVisible()

    qtbot.waitUntil(built)
    splitter = page.findChild(QSplitter)
    assert splitter is not None
    splitter.setSizes([300, 534])  # the list as wide as it opens on a 1024 px screen
    qtbot.wait(50)  # laid out
    scroll = page.write_button.parentWidget()
    while not isinstance(scroll, QScrollArea):
        assert scroll is not None
        scroll = scroll.parentWidget()
    content = scroll.widget()
    assert content.minimumSizeHint().width() <= scroll.viewport().width()
    assert splitter.sizes()[0] >= 250  # the list of mentors is not pushed out of sight
    for button in (page.write_button, page.history_button, page.edit_button, page.delete_button):
        right = button.mapTo(scroll.viewport(), button.rect().topRight()).x()
        assert right < scroll.viewport().width(), button.text()
