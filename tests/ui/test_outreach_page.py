"""Outreach with a purpose, in the window (``ui/pages/outreach_page.py``): prospective
mentors and coaches listed by what to do next, read with the first message to copy, moved
on step by step until an agreed one becomes a mentor (or a sprint with that coach); the
form that refuses bad input at the field; the message template; Today's follow-ups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from devjournal.domain import outreach as reach
from devjournal.domain.enums import ConverseFormat, Guide, OutreachStatus, Relationship
from devjournal.domain.errors import NotFoundError
from devjournal.domain.models import MentorDraft, OutreachDraft
from devjournal.drafts import DraftKey, DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.dialogs.mentor_dialog import MentorDialog
from devjournal.ui.dialogs.outreach_dialog import OutreachDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.formatting import to_qdate
from devjournal.ui.main_window import MainWindow
from devjournal.ui.ops import Ops
from devjournal.ui.pages.outreach_page import OutreachPage
from tests.clocks import NOW
from tests.ui.test_forms import save

S = OutreachStatus
TODAY = NOW.date()


def add(services: Services, name: str, status: OutreachStatus, day: date, **fields: object) -> int:
    draft = OutreachDraft(name=name, idea_on=min(day, TODAY - timedelta(days=30)), **fields)  # type: ignore[arg-type]
    draft = reach.dated(reach.with_status(draft, status, day), status, day)
    return services.people.add_outreach(draft).value.id


def page_of(window: MainWindow) -> OutreachPage:
    page = window.outreach_page
    assert page is not None
    window.sidebar.setCurrentRow(window.page_titles().index("Outreach"))
    assert window.stack.currentWidget() is page
    return page


def texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]


def visible_button(widget: QWidget, text: str) -> QPushButton:
    [found] = [b for b in widget.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return found


@pytest.fixture
def several(services: Services) -> dict[str, int]:
    return {
        "due": add(
            services,
            "Grace Hopper",
            S.SENT,
            date(2026, 11, 3),
            relationship=Relationship.TRADITIONAL,
            why_them="She ran the compiler team.",
            purpose="learn how to lead a platform team.",
            ask="Would you meet me once a month?",
            converse_format=ConverseFormat.CALL,
            converse_minutes=30,
            every_days=30,
            channel="Zoom",
        ),
        "idea": add(services, "Kim Coach", S.IDEA, TODAY - timedelta(days=2), guide=Guide.COACH),
        "waiting": add(services, "Linus", S.SENT, TODAY - timedelta(days=1)),
        "declined": add(services, "Ken", S.DECLINED, TODAY - timedelta(days=4)),
    }


def test_the_page_lists_what_to_do_next_and_reads_the_one_chosen(
    window: MainWindow, several: dict[str, int]
) -> None:
    page = page_of(window)
    assert page.listed() == [
        ("Follow up now · 1", ""),
        ("Grace Hopper", "Sent 3 Nov · follow-up due since 10 Nov · mentor (traditional)"),
        ("Ideas · 1", ""),
        ("Kim Coach", "Idea 16 Nov · coach"),
        ("Sent · 1", ""),
        ("Linus", "Sent 17 Nov · follow up 24 Nov · mentor"),
    ]
    assert page.closed_box.text() == "Show the closed ones (1)"
    assert page.summary_label.text().startswith("3 open, 1 to follow up on.")
    shown = texts(page)
    for text in (
        "Prospective mentor (traditional)",
        "Grace Hopper",
        "She ran the compiler team.",
        "Would you meet me once a month?",
        "A 30-minute call every month, on Zoom.",
        "Wait for a reply",
        "drafted from your template",
    ):
        assert text in shown
    message = page.message_view.toPlainText()
    assert message.startswith("Hi Grace Hopper,\n\nShe ran the compiler team.")
    assert "I'm reaching out because learn how to lead" in message
    assert [b.text() for b in page.move_buttons.values() if b.isVisibleTo(page)] == [
        "Got a reply",
        "Agreed",
        "Declined",
        "No reply",
    ]
    page.closed_box.setChecked(True)
    assert page.listed()[-2:] == [("Closed · 1", ""), ("Ken", "Declined 14 Nov · mentor")]
    page.show_outreach(several["declined"])
    assert not any(b.isVisibleTo(page) for b in page.move_buttons.values())


def test_an_empty_page_says_what_outreach_is_for(window: MainWindow) -> None:
    page = page_of(window)
    assert page.pages.currentWidget() is page.empty
    assert "Reach out with a purpose" in texts(page)
    page.empty.button.click()
    assert isinstance(page.dialog, OutreachDialog)
    assert page.dialog.windowTitle() == "New outreach"
    page.dialog.discard()
    assert page.empty.aside_button.text() == "Coach or mentor? Take the self-assessment"
    page.empty.aside_button.click()
    assert window.stack.currentWidget() is window.guide_page
    assert window.guide_page is not None and window.guide_page.dialog is not None
    window.guide_page.dialog.discard()


def test_the_form_refuses_bad_input_at_the_field(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: object
) -> None:
    dialog = OutreachDialog(
        Ops(), services.people, DraftStore(paths.drafts), lambda: NOW, reach.DEFAULT_TEMPLATE
    )
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog)
    assert dialog.error_text("name") == "The name cannot be empty."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Ada")
    assert dialog.error_text("name") == ""
    dialog.channel_edit.setText("x" * 300)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(S.SENT.value))
    dialog.day_edit.setDate(to_qdate(TODAY + timedelta(days=400)))
    save(dialog)
    assert "at most" in dialog.error_text("channel")
    assert dialog.isVisible() and services.people.outreach_list() == []
    dialog.channel_edit.setText("Zoom")
    dialog.day_edit.setDate(to_qdate(TODAY - timedelta(days=3)))
    save(dialog)
    [kept] = services.people.outreach_list()
    assert (kept.name, kept.status, kept.sent_on, kept.channel) == (
        "Ada",
        S.SENT,
        TODAY - timedelta(days=3),
        "Zoom",
    )


def test_a_coach_has_no_relationship_and_a_day_before_the_idea_is_refused(
    qtbot: QtBot, services: Services, paths: AppPaths
) -> None:
    stored = services.people.outreach(add(services, "Kim", S.IDEA, TODAY - timedelta(days=30)))
    dialog = OutreachDialog(
        Ops(), services.people, DraftStore(paths.drafts), lambda: NOW, "", outreach=stored
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.guide_group.set_value(Guide.COACH.value)
    assert not dialog.relationship_combo.isVisibleTo(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(S.SENT.value))
    dialog.day_edit.setDate(to_qdate(TODAY - timedelta(days=40)))
    save(dialog)
    assert dialog.error_text("status") == "This step cannot come before 19 Oct 2026."


def test_from_idea_to_an_agreed_mentor(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page = page_of(window)
    page.empty.button.click()
    dialog = page.dialog
    assert isinstance(dialog, OutreachDialog)
    qtbot.keyClicks(dialog.name_edit, "Ada Lovelace")
    dialog.relationship_combo.setCurrentIndex(
        dialog.relationship_combo.findData(Relationship.PEER.value)
    )
    dialog.why_edit.setPlainText("She writes about engines.")
    dialog.purpose_edit.setPlainText("I want to learn to explain machines.")
    dialog.ask_edit.setPlainText("Could we talk once a month?")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("call"))
    dialog.minutes_spin.setValue(45)
    dialog.frequency_combo.setCurrentIndex(dialog.frequency_combo.findData(30))
    dialog.channel_edit.setText("Zoom")
    dialog.template_button.click()
    drafted = dialog.message_edit.toPlainText()
    assert drafted.startswith("Hi Ada Lovelace,\n\nShe writes about engines.")
    assert "Would a 45-minute call every month, on Zoom, work for you?" in drafted
    save(dialog)
    assert page.dialog is None
    assert page.shown is not None and page.shown.status is S.IDEA
    assert page.message_note.text() == "as you wrote it"

    visible_button(page, "Mark drafted").click()
    assert services.people.outreach(page.shown.id).status is S.DRAFTED
    visible_button(page, "Copy message").click()
    assert QGuiApplication.clipboard().text() == drafted.strip()
    visible_button(page, "Mark sent").click()
    assert page.shown is not None and page.shown.status is S.SENT
    assert page.status_label.text() == "Sent 18 Nov · follow up 25 Nov"
    visible_button(page, "Agreed").click()
    outreach_id = page.shown.id
    assert services.people.outreach(outreach_id).status is S.AGREED
    assert window.notices.text().startswith("Ada Lovelace: agreed.")
    visible_button(page, "Make them your mentor").click()

    mentorship = window.mentorship_page
    assert mentorship is not None and window.stack.currentWidget() is mentorship
    assert mentorship.view is not None
    mentor = mentorship.view.mentor
    assert (mentor.name, mentor.relationship, mentor.seeking) == (
        "Ada Lovelace",
        Relationship.PEER,
        "I want to learn to explain machines.",
    )
    assert (mentor.converse_format, mentor.converse_minutes, mentor.channel) == (
        ConverseFormat.CALL,
        45,
        "Zoom",
    )
    assert mentor.contact_every_days == 30
    shown = texts(mentorship)
    assert "How we converse" in shown
    assert "A 45-minute call every month, on Zoom." in shown
    assert "What you are looking for: I want to learn to explain machines." in shown

    page = page_of(window)
    page.show_outreach(outreach_id)
    assert "Became your mentor Ada Lovelace." in texts(page)
    visible_button(page, "Open on the Mentorship page").click()
    assert window.stack.currentWidget() is mentorship


def test_an_agreed_coach_opens_a_first_sprint_with_them(
    window: MainWindow, services: Services
) -> None:
    ident = add(
        services, "Kim", S.REPLIED, TODAY - timedelta(days=1), guide=Guide.COACH,
        purpose="Present with confidence",
    )  # fmt: skip
    page = page_of(window)
    page.show_outreach(ident)
    visible_button(page, "Agreed").click()
    visible_button(page, "Make them your coach…").click()
    assert services.people.outreach(ident).coach_id is not None
    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    dialog = coaching.dialog
    assert isinstance(dialog, SprintDialog)
    draft = dialog.draft()
    assert (draft.title, draft.coach_name, draft.focus) == (
        "Coaching with Kim",
        "Kim",
        "Present with confidence",
    )
    dialog.discard()


def test_a_status_move_and_a_deletion_are_undone(
    window: MainWindow, services: Services, several: dict[str, int]
) -> None:
    page = page_of(window)
    page.show_outreach(several["waiting"])
    visible_button(page, "Got a reply").click()
    assert services.people.outreach(several["waiting"]).status is S.REPLIED
    window.notices.button.click()  # Undo
    back = services.people.outreach(several["waiting"])
    assert (back.status, back.sent_on, back.replied_on) == (S.SENT, TODAY - timedelta(1), None)
    page.show_outreach(several["idea"])
    visible_button(page, "Delete").click()
    assert ("Kim Coach", "Idea 16 Nov · coach") not in page.listed()
    assert window.notices.text() == "Deleted the outreach to Kim Coach."
    window.notices.button.click()
    assert page.shown is not None and page.shown.name == "Kim Coach"


def test_the_message_template_is_edited_and_warns_of_unknown_placeholders(
    window: MainWindow, several: dict[str, int]
) -> None:
    page = page_of(window)
    page.show_outreach(several["due"])
    window.sidebar.setCurrentRow(0)
    window.template_action.trigger()  # View → Outreach message template…
    assert window.stack.currentWidget() is page
    assert page.template_dialog is not None
    page.template_dialog.reject()
    page.template_button.click()
    dialog = page.template_dialog
    assert dialog is not None
    assert "{why_them}  why them" in dialog.placeholders_label.text()
    dialog.edit.setPlainText("Dear {name}, {purpse}\n{ask}")
    assert dialog.warning_label.isVisibleTo(dialog)
    assert dialog.warning_label.text() == "Not a placeholder, left as typed: {purpse}"
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert page.message_view.toPlainText() == (
        "Dear Grace Hopper, {purpse}\nWould you meet me once a month?\n"
    )
    assert window._settings.outreach_template == "Dear {name}, {purpse}\n{ask}"
    page.edit_template()
    dialog = page.template_dialog
    assert dialog is not None
    dialog.reset_button.click()
    assert dialog.text() == reach.DEFAULT_TEMPLATE
    assert not dialog.warning_label.isVisibleTo(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert page.message_view.toPlainText().startswith("Hi Grace Hopper,")


def test_today_shows_a_due_follow_up_one_click_from_it(
    several: dict[str, int], window: MainWindow
) -> None:
    today = window.today_page
    card = today.follow_ups_card
    assert card is not None
    assert "Grace Hopper (mentor): sent 3 Nov 2026, no reply yet" in texts(card)
    assert "follow-up 8 days overdue" in texts(card)
    visible_button(card, "Follow up").click()
    page = window.outreach_page
    assert page is not None and window.stack.currentWidget() is page
    assert page.shown is not None and page.shown.id == several["due"]


def test_the_page_by_keyboard_alone(window: MainWindow, several: dict[str, int]) -> None:
    action = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+8"))
    action.trigger()
    page = window.outreach_page
    assert page is not None and window.stack.currentWidget() is page
    page.list.setFocus()
    assert page.shown is not None and page.shown.name == "Grace Hopper"
    QTest.keyClick(page.list, Qt.Key.Key_Down)  # over the "Ideas" heading, to its one
    assert page.shown is not None and page.shown.name == "Kim Coach"
    QTest.keyClick(page.list, Qt.Key.Key_Return)
    assert isinstance(page.dialog, OutreachDialog)
    assert page.dialog.windowTitle() == "Edit outreach"
    assert page.dialog.name_edit.text() == "Kim Coach"
    page.dialog.discard()


def test_a_draft_of_an_outreach_is_reopened(
    window: MainWindow, services: Services, several: dict[str, int]
) -> None:
    page = page_of(window)
    assert page.open_draft(DraftKey("outreach", several["idea"]))
    assert isinstance(page.dialog, OutreachDialog)
    assert page.dialog.name_edit.text() == "Kim Coach"
    page.dialog.discard()
    assert page.open_draft(DraftKey("outreach"))
    assert isinstance(page.dialog, OutreachDialog)
    assert page.dialog.windowTitle() == "New outreach"
    page.dialog.discard()
    assert not page.open_draft(DraftKey("mentor"))
    services.people.delete_outreach(several["idea"])
    with pytest.raises(NotFoundError, match="outreach"):
        page.open_draft(DraftKey("outreach", several["idea"]))


def test_what_was_typed_in_the_form_comes_back_after_a_crash(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    first = make_window()
    page = page_of(first)
    page.new_outreach()
    dialog = page.dialog
    assert isinstance(dialog, OutreachDialog)
    qtbot.keyClicks(dialog.name_edit, "Half typed")
    dialog.purpose_edit.setPlainText("Learn the ropes")
    dialog.guide_group.set_value(Guide.COACH.value)
    first.close()  # the form is put away and its draft kept
    again = make_window()
    assert again.draft_offer is not None
    opened = again._open_draft(DraftKey.parse("outreach:new"))
    assert isinstance(opened, OutreachDialog)
    assert opened.name_edit.text() == "Half typed"
    assert opened.purpose_edit.toPlainText() == "Learn the ropes"
    assert opened.guide_group.value() == Guide.COACH.value
    assert opened.restored_label.isVisibleTo(opened)
    opened.discard()


def test_a_mentor_keeps_how_we_converse(qtbot: QtBot, services: Services, paths: AppPaths) -> None:
    ms = services.mentorship
    mentor = ms.add_mentor(
        MentorDraft(name="Ada", relationship=Relationship.TRADITIONAL, contact_every_days=30)
    ).value
    dialog = MentorDialog(Ops(), ms, DraftStore(paths.drafts), lambda: NOW, mentor=mentor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("written"))
    dialog.channel_edit.setText("email")
    dialog.topics_edit.setText("career steps")
    dialog.boundaries_edit.setText("weekdays only")
    save(dialog)
    kept = ms.mentor(mentor.id)
    assert (kept.converse_format, kept.channel, kept.topics, kept.boundaries) == (
        ConverseFormat.WRITTEN,
        "email",
        "career steps",
        "weekdays only",
    )
    assert kept.contact_every_days == 30
    again = MentorDialog(Ops(), ms, DraftStore(paths.drafts), lambda: NOW, mentor=kept)
    qtbot.addWidget(again)
    assert again.topics_edit.text() == "career steps"
    assert again.format_combo.currentData() == "written"
