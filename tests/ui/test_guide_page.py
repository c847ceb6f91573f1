"""Coach or mentor? Taking the self-assessment, reading what it recommends and acting on
it (``ui/pages/guide_page.py``, ``ui/dialogs/assessment_dialog.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from devjournal.domain.clock import Clock
from devjournal.domain.enums import (
    GoalClarity,
    Guide,
    Horizon,
    Need,
    OutreachStatus,
    PathClarity,
    Relationship,
    SprintKind,
)
from devjournal.domain.models import AssessmentDraft, MentorDraft, SprintDraft
from devjournal.drafts import DraftKey, DraftStore
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.dialogs.assessment_dialog import NOT_YET, AssessmentDialog
from devjournal.ui.dialogs.outreach_dialog import OutreachDialog
from devjournal.ui.dialogs.sprint_dialog import SprintDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.ops import Ops
from devjournal.ui.pages.guide_page import GuidePage
from devjournal.ui.widgets.notice_bar import NoticeBar
from tests.clocks import NOW
from tests.ui.test_forms import prompt_of, save


@pytest.fixture
def notices(qtbot: QtBot) -> NoticeBar:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    return bar


@pytest.fixture
def page(
    qtbot: QtBot, services: Services, paths: AppPaths, clock: Clock, notices: NoticeBar
) -> GuidePage:
    ops = Ops()
    shown = GuidePage(services.guide, ops, DraftStore(paths.drafts), clock, notices=notices)
    ops.data_changed.connect(shown.apply_changes)  # as the window tells its pages
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    return shown


def answer(dialog: AssessmentDialog, **chosen: str) -> None:
    for question, key in chosen.items():
        dialog.groups[question].buttons[key].click()


def opened(page: GuidePage) -> AssessmentDialog:
    assert isinstance(page.dialog, AssessmentDialog) and page.dialog.isVisible()
    return page.dialog


def test_the_page_explains_and_offers_the_assessment_when_none_was_taken(
    page: GuidePage,
) -> None:
    assert page.headline.text() == "Not sure whether you need a coach or a mentor?"
    assert not page.sprint_button.isVisible() and not page.mentor_button.isVisible()
    assert page.history_empty.isVisible() and not page.history.isVisible()
    shown = {w.text() for w in page.findChildren(QLabel) if w.isVisible()}
    assert {"Focus", "How long", "What they bring", "How it works", "What you get"} <= shown


def test_answering_shows_what_fits_as_you_go_then_keeping_it_shows_it_on_the_page(
    page: GuidePage, services: Services, qtbot: QtBot
) -> None:
    page.take_button.click()
    dialog = opened(page)
    assert dialog.headline.text() == NOT_YET

    answer(dialog, need="skill", goal="clear", path="known", horizon="months")
    assert dialog.headline.text() == "A skills coach"
    assert "You want to build a specific skill" in dialog.reasons.text()
    answer(dialog, need="direction", goal="unclear", path="unknown", horizon="years")
    assert dialog.headline.text() == "A traditional mentor"
    qtbot.keyClicks(dialog.words_edit, "Staff or manager? <b>not sure</b>")
    save(dialog)

    assert not dialog.isVisible()
    kept = services.guide.assessments()
    assert len(kept) == 1 and kept[0].need is Need.DIRECTION and kept[0].taken_at == NOW
    assert page.headline.text() == "A traditional mentor"
    assert page.words.text() == "What you wanted help with: Staff or manager? <b>not sure</b>"
    assert page.words.textFormat() == Qt.TextFormat.PlainText
    assert page.mentor_button.isVisible() and not page.sprint_button.isVisible()
    assert page.history.count() == 1
    assert page.history.item(0).text().endswith(": a mentor")


def test_the_first_question_must_be_answered(page: GuidePage, services: Services) -> None:
    page.take_button.click()
    dialog = opened(page)
    answer(dialog, horizon="years")

    save(dialog)

    assert dialog.isVisible()
    assert dialog.error_text("need") == "Choose what you most need help with."
    assert services.guide.assessments() == []
    answer(dialog, need="network")
    assert dialog.error_text("need") == ""  # gone as soon as it is answered


def test_a_changed_assessment_asks_before_it_is_thrown_away_and_its_draft_comes_back(
    page: GuidePage, services: Services, paths: AppPaths, clock: Clock, qtbot: QtBot
) -> None:
    page.take_button.click()
    dialog = opened(page)
    answer(dialog, need="leading", goal="rough")
    qtbot.keyClicks(dialog.words_edit, "Lead the platform guild")

    dialog.reject()
    prompt = prompt_of(dialog)
    assert prompt is not None and dialog.isVisible()
    page.flush_drafts()  # the window closes meanwhile: what was answered is kept

    again = AssessmentDialog(Ops(), services.guide, DraftStore(paths.drafts), clock)
    qtbot.addWidget(again)
    assert again.groups["need"].value() == "leading"
    assert again.groups["goal"].value() == "rough"
    assert again.groups["path"].value() is None
    assert again.words_edit.toPlainText() == "Lead the platform guild"
    assert again.restored_label.isVisibleTo(again)
    assert again.headline.text().startswith("Both: a leadership coach now")
    assert page.open_draft(DraftKey.parse("assessment:new"))
    assert not page.open_draft(DraftKey.parse("mentor:new"))


def _keep(services: Services, need: Need, **answers: object) -> int:
    draft = AssessmentDraft(
        taken_at=datetime(2026, 1, 1, tzinfo=UTC),
        need=need,
        **answers,  # type: ignore[arg-type]
    )
    return services.guide.take_assessment(draft).value.id


def test_acting_on_a_recommendation_asks_for_a_draft_sprint_or_mentor(
    page: GuidePage, services: Services, qtbot: QtBot
) -> None:
    _keep(
        services,
        Need.PRESENTING,
        goal=GoalClarity.CLEAR,
        path=PathClarity.KNOWN,
        horizon=Horizon.MONTHS,
        in_own_words="Give the architecture review without notes",
    )
    page.refresh()
    assert page.headline.text() == "A skills coach"

    with qtbot.waitSignal(page.sprint_requested) as asked:
        page.sprint_button.click()
    sprint = asked.args[0]
    assert isinstance(sprint, SprintDraft)
    assert sprint.kind is SprintKind.SKILLS and sprint.focus.startswith("Give the architecture")
    assert sprint.start_date == date(2026, 11, 18)

    _keep(services, Need.NETWORK, horizon=Horizon.YEARS, path=PathClarity.UNKNOWN)
    page.refresh()
    page.show_assessment(services.guide.assessments()[0].id)
    with qtbot.waitSignal(page.mentor_requested) as asked:
        page.mentor_button.click()
    mentor = asked.args[0]
    assert isinstance(mentor, MentorDraft) and mentor.relationship is Relationship.PEER
    assert mentor.seeking == "Meeting people and being known in my field"


def test_choosing_an_earlier_assessment_shows_it_and_delete_can_be_undone(
    page: GuidePage, services: Services, notices: NoticeBar
) -> None:
    first = _keep(services, Need.SKILL, goal=GoalClarity.CLEAR, path=PathClarity.KNOWN)
    _keep(services, Need.DIRECTION, goal=GoalClarity.UNCLEAR, horizon=Horizon.YEARS)
    page.refresh()
    assert page.history.count() == 2

    page.history.setCurrentRow(1)  # the older one
    assert page.shown is not None and page.shown.id == first
    assert page.headline.text() == "A skills coach"
    page.delete_button.click()
    assert page.history.count() == 1
    assert notices.text().startswith("Deleted your assessment of ")
    notices.button.click()  # Undo
    assert page.history.count() == 2


def test_escape_on_an_unchanged_assessment_closes_without_asking(page: GuidePage) -> None:
    page.take_button.click()
    dialog = opened(page)
    dialog.reject()
    assert not dialog.isVisible()
    assert not [b for b in page.findChildren(QMessageBox) if b.isVisible()]


# -- in the window: from where the user is to a draft sprint or mentor -----------------------
def test_from_the_welcome_to_a_draft_sprint_of_the_kind_recommended(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    assert window.guide_page is not None and window.coaching_page is not None
    window.today_page.assessment_button.click()
    assert window.stack.currentWidget() is window.guide_page
    dialog = opened(window.guide_page)
    answer(dialog, need="metric", goal="clear", path="known", horizon="months")
    qtbot.keyClicks(dialog.words_edit, "Cut review turnaround to one day")
    save(dialog)

    window.guide_page.sprint_button.click()

    assert window.stack.currentWidget() is window.coaching_page
    form = window.coaching_page.dialog
    assert isinstance(form, SprintDialog) and form.isVisible()
    assert form.title_edit.text() == "Cut review turnaround to one day"
    assert form.kind_combo.currentData() == SprintKind.PERFORMANCE.value
    save(form)
    sprint = services.coaching.sprints()[0]
    assert (sprint.title, sprint.kind, sprint.focus) == (
        "Cut review turnaround to one day",
        SprintKind.PERFORMANCE,
        "Cut review turnaround to one day",
    )
    assert sprint.start_date == date(2026, 11, 18)


def test_from_the_help_menu_to_reaching_out_to_a_mentor(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    assert window.assessment_action.isEnabled() and window.guide_action.isEnabled()
    window.assessment_action.trigger()
    assert window.guide_page is not None
    dialog = opened(window.guide_page)
    answer(dialog, need="rules", goal="clear", path="unknown", horizon="years", learn_from="senior")
    save(dialog)

    assert window.guide_page.mentor_button.text() == "Reach out to a mentor…"
    window.guide_page.mentor_button.click()

    page = window.outreach_page
    assert page is not None and window.stack.currentWidget() is page
    form = page.dialog
    assert isinstance(form, OutreachDialog) and form.isVisible()
    assert form.windowTitle() == "New outreach"
    assert form.purpose_edit.toPlainText() == (
        "Learning the unwritten rules of the level I am aiming for"
    )
    assert form.relationship_combo.currentData() == Relationship.TRADITIONAL.value
    qtbot.keyClicks(form.name_edit, "Grace Okafor")
    save(form)
    [kept] = services.people.outreach_list()
    assert (kept.name, kept.guide, kept.status) == (
        "Grace Okafor",
        Guide.MENTOR,
        OutreachStatus.IDEA,
    )


def test_the_empty_coaching_and_mentorship_pages_offer_the_assessment(
    window: MainWindow,
) -> None:
    for page in (window.coaching_page, window.mentorship_page):
        assert page is not None
        window.sidebar.setCurrentRow(window.stack.indexOf(page))
        assert page.empty.aside_button.isVisible()
        page.empty.aside_button.click()
        assert window.guide_page is not None
        assert window.stack.currentWidget() is window.guide_page
        opened(window.guide_page).reject()  # unchanged: closes without asking
    window.guide_action.trigger()
    assert window.stack.currentWidget() is window.guide_page


def test_the_assessment_is_answered_with_the_keyboard_alone(
    page: GuidePage, services: Services, qtbot: QtBot
) -> None:
    page.take_button.click()
    dialog = opened(page)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.groups["need"].focusProxy().hasFocus())

    def key(name: Qt.Key) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, name)

    key(Qt.Key.Key_Down)  # the arrow keys move and choose
    key(Qt.Key.Key_Down)
    assert dialog.groups["need"].value() == "presenting"
    assert dialog.headline.text() == "A skills coach"
    key(Qt.Key.Key_Up)
    assert dialog.groups["need"].value() == "metric"
    key(Qt.Key.Key_Tab)  # on to the next question
    key(Qt.Key.Key_Down)
    assert dialog.groups["goal"].value() == "rough"
    for _ in range(4):
        key(Qt.Key.Key_Tab)
    assert dialog.words_edit.hasFocus()
    qtbot.keyClicks(dialog.words_edit, "Ship the on-call metrics")
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Space)  # Keep this assessment
    assert not dialog.isVisible()
    assert services.guide.assessments()[0].in_own_words == "Ship the on-call metrics"
