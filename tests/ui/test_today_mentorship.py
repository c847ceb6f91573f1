"""Today for the mentorship half: mentors to get in touch with (one click to their page)
and "did it work?" for advice tried for a few weeks (one click to answer, with Undo)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import AdviceStatus, EntryKind, Heard, Impact, Relationship
from devjournal.domain.models import FeedbackDetails, LogEntryDraft, MentorDraft
from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow
from tests.clocks import NOW, MovingClock
from tests.ui.test_main_window import texts


@pytest.fixture
def clock() -> MovingClock:
    """The journal's and the window's clock, at :data:`NOW` until the test moves it."""
    return MovingClock()


def button(parent: QWidget | None, text: str) -> QPushButton:
    """The visible button of ``parent`` that says ``text``."""
    assert parent is not None
    [found] = [b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return found


def shown_window(make_window: Callable[[], MainWindow], qtbot: QtBot) -> MainWindow:
    window = make_window()
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_did_it_work_from_today(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot, clock: MovingClock
) -> None:
    ms = services.mentorship
    mentor = ms.add_mentor(MentorDraft(name="Grace", relationship=Relationship.FROM_AFAR)).value
    entry = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=NOW - timedelta(days=30),
            title="Write the design doc first",
            mentor_id=mentor.id,
            advice_status=AdviceStatus.TRYING,
        )
    ).value
    window = shown_window(make_window, qtbot)
    shown = texts(window)
    assert "Did it work?" in shown
    assert "Write the design doc first" in shown
    assert "from Grace · trying it for 4 weeks" in shown
    assert "Mentors to get in touch with" not in shown  # from afar: no one to contact

    qtbot.mouseClick(button(window.today_page.advice_card, "Worked"), Qt.MouseButton.LeftButton)
    assert ms.entry(entry.id).advice_status is AdviceStatus.WORKED
    shown = texts(window)
    assert "Did it work?" not in shown and "from Grace · trying it for 4 weeks" not in shown
    assert window.today_page.advice_card is None
    assert window.notices.text() == "Noted: “Write the design doc first” worked."

    qtbot.mouseClick(window.notices.button, Qt.MouseButton.LeftButton)  # Undo
    assert ms.entry(entry.id).advice_status is AdviceStatus.TRYING
    assert "from Grace · trying it for 4 weeks" in texts(window)

    clock.now = NOW + timedelta(hours=1)
    qtbot.mouseClick(
        button(window.today_page.advice_card, "Still trying"), Qt.MouseButton.LeftButton
    )
    assert ms.entry(entry.id).advice_status is AdviceStatus.TRYING
    assert window.notices.text() == (
        "Still trying “Write the design doc first”: asked again in 3 weeks."
    )
    assert "Did it work?" not in texts(window)  # its three weeks start again


def test_didnt_work_from_today(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    entry = services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=NOW - timedelta(days=22),
            title="Stand-ups at 9",
            advice_status=AdviceStatus.TRYING,
        )
    ).value
    window = shown_window(make_window, qtbot)
    qtbot.mouseClick(
        button(window.today_page.advice_card, "Didn't work"), Qt.MouseButton.LeftButton
    )
    assert services.mentorship.entry(entry.id).advice_status is AdviceStatus.DIDNT_WORK
    assert "Did it work?" not in texts(window)


def test_a_touchpoint_opens_the_mentor_on_the_mentorship_page(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    ms = services.mentorship
    names = ["Ada", "Bea", "Cleo", "Dana", "Eve"]
    ids = {
        name: ms.add_mentor(
            MentorDraft(name=name, relationship=Relationship.PEER, contact_every_days=30)
        ).value.id
        for name in names
    }
    ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.CONVERSATION,
            occurred_at=NOW - timedelta(days=42),
            title="Coffee",
            mentor_id=ids["Dana"],
        )
    )
    for name in ("Ada", "Bea", "Cleo", "Eve"):  # in touch lately: not due
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.CONVERSATION,
                occurred_at=NOW - timedelta(days=3),
                title="Call",
                mentor_id=ids[name],
            )
        )
    window = shown_window(make_window, qtbot)
    shown = texts(window)
    assert "Mentors to get in touch with" in shown
    assert "Dana" in shown and "last in touch 6 weeks ago" in shown
    assert "Ada" not in shown and "Did it work?" not in shown
    assert window.mentorship_page is not None

    card = window.today_page.touchpoints_card
    qtbot.mouseClick(button(card, "Open"), Qt.MouseButton.LeftButton)
    page = window.mentorship_page
    assert window.stack.currentWidget() is page
    assert page.view is not None and page.view.mentor.name == "Dana"
    assert page.list.currentIndex().data() == "Dana"
    assert any(
        label.text() == "A touchpoint is due: write to them, or log your last conversation."
        for label in page.findChildren(QLabel)
        if label.isVisible()
    )


def test_nothing_new_on_today_when_the_mentorship_half_is_quiet(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    services.mentorship.add_mentor(
        MentorDraft(name="Ada", relationship=Relationship.PEER, started_on=NOW.date())
    )
    window = shown_window(make_window, qtbot)
    shown = texts(window)
    assert "Latest in your mentorship log" in shown
    assert "Mentors to get in touch with" not in shown and "Did it work?" not in shown


def test_feedback_not_weighed_yet_is_one_click_from_the_feedback_page(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    ms = services.mentorship
    weighed = FeedbackDetails(impact=Impact.HIGH, heard=Heard.AGAIN)
    ms.add_entry(
        LogEntryDraft(kind=EntryKind.FEEDBACK, occurred_at=NOW - timedelta(days=9),
                      title="Estimates read as promises"),
        weighed,
    )  # fmt: skip
    for days, title in ((5, "Talks too fast in demos"), (2, "Great incident write-up")):
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.FEEDBACK, occurred_at=NOW - timedelta(days=days), title=title
            ),
            FeedbackDetails(impact=Impact.MEDIUM) if days == 5 else None,  # half weighed
        )
    window = shown_window(make_window, qtbot)
    card = window.today_page.feedback_card
    assert card is not None
    shown = [w.text() for w in card.findChildren(QLabel) if w.isVisible()]
    assert "Feedback to weigh" in shown
    assert "Great incident write-up" in shown and "Talks too fast in demos" in shown
    assert "Estimates read as promises" not in shown
    assert any(t.startswith("2 pieces of feedback not weighed yet") for t in shown)

    first = next(b for b in card.findChildren(QPushButton) if b.text() == "Weigh it")
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    page = window.feedback_page
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.reading and page.shown is not None)
    assert page.shown is not None and page.shown.entry.title == "Great incident write-up"


def test_no_feedback_card_when_every_piece_is_weighed(
    make_window: Callable[[], MainWindow], services: Services, qtbot: QtBot
) -> None:
    services.mentorship.add_entry(
        LogEntryDraft(kind=EntryKind.FEEDBACK, occurred_at=NOW, title="Clear docs"),
        FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST),
    )
    window = shown_window(make_window, qtbot)
    assert "Feedback to weigh" not in texts(window)
