"""Text stays text: what a user typed or imported is shown as they wrote it, on every page
and in every dialog, never read by Qt as markup (a title ``<img src="/dev/zero">`` made the
window read /dev/zero until it died when the user hovered it in History).

One journal with markup in every field the user writes (and a home folder with markup in
its name) is built once for the module; each test opens a window on a copy. The walk looks
at what a user sees: every label (with Qt's own guess of its format), tooltip, button, tab,
group box, list, table, tree and combo item (with their tooltips), the reader and the
previews, and the Timeline's tooltips; in each, the user's markup must read literally.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, QUrl
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QTextEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from devjournal.domain.clock import Clock
from devjournal.domain.enums import (
    ActionStatus,
    AdviceStatus,
    AimHorizon,
    ClosedState,
    ConverseFormat,
    Direction,
    EntryKind,
    GoalStatus,
    Heard,
    Impact,
    MetricKind,
    OutreachStatus,
    Relationship,
    Scope,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.models import (
    ActionItemDraft,
    AimDraft,
    CheckinDraft,
    CoachDraft,
    FeedbackDetails,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    MentorLinkDraft,
    MilestoneDraft,
    OutreachDraft,
    SessionDraft,
    SessionQuestion,
    SprintDraft,
)
from devjournal.domain.recovery import Damage, Diagnosis, StartProblem
from devjournal.domain.sprints import SprintClosing
from devjournal.domain.timeline import ItemKind
from devjournal.drafts import DraftStore
from devjournal.paths import AppPaths, resolve_paths
from devjournal.services.container import Services, build_services
from devjournal.storage.database import Database, open_journal
from devjournal.storage.recovery import newest_good_backup
from devjournal.ui.dialogs.close_sprint_dialog import CloseSprintDialog
from devjournal.ui.dialogs.recovery_dialog import RecoveryDialog, StartProblemDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.coaching_page import CoachingPage
from devjournal.ui.pages.history_page import HistoryPage
from devjournal.ui.pages.timeline_page import TimelinePage
from devjournal.ui.plain_text import plain_tooltip
from devjournal.ui.widgets.report_view import ReportView
from devjournal.ui.widgets.safe_text_browser import SafeTextBrowser
from tests import file_reads
from tests.clocks import NOW
from tests.conftest import open_new_journal
from tests.file_reads import FileReads
from tests.ui.test_timeline_page import read as read_timeline

IMAGE_NAME = "zero.png"
SHORT = "<b>bold</b> &amp; zork"
"""For the few fields with room for less (a tag, a folder's name, a draft's description)."""
LINK = '<a href="file:///etc/passwd">x</a>'
TODAY = NOW.date()


@dataclass(frozen=True)
class Markup:
    """What goes in every field a user writes. Read as markup, it would be bold, an image
    read from ``image`` (a real PNG: if a regression shows it as markup, the test fails on
    what it sees instead of reading /dev/zero until it dies, as the window did), a link to a
    local file, and an "&"."""

    image: Path

    @property
    def img(self) -> str:
        return f'<img src="{self.image}" width=8 height=8>'

    @property
    def full(self) -> str:
        return f"<b>bold</b> {self.img} {LINK} &amp; zork"

    @property
    def parts(self) -> tuple[tuple[str, str], ...]:
        """Each word of the markup, and what must surround it wherever it is shown."""
        return (
            ("bold", "<b>bold</b>"),
            ("zork", "&amp; zork"),
            (IMAGE_NAME, self.img),
            ("passwd", LINK),
        )

    def field(self, name: str) -> str:
        return f"{name} {self.full}"


def png(path: Path) -> Path:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor("magenta"))
    assert image.save(str(path))
    return path


# -- the journal ------------------------------------------------------------------------------
def fill(db: Database, backups: Path, m: Markup) -> dict[str, int]:
    """Markup in every field; the ids the tests open."""
    services = build_services(db, backups)
    c, ms = services.coaching, services.mentorship
    start = TODAY - timedelta(days=20)
    aim = services.people.add_aim(
        AimDraft(
            horizon=AimHorizon.THREE_YEARS,
            title=m.field("aim"),
            detail=m.field("aim detail"),
            reached_on=TODAY - timedelta(days=2),
            scope=Scope.MENTOR,
        )
    ).value
    sprint = c.create_sprint(
        SprintDraft(
            serves_id=aim.id,
            title=m.field("sprint"),
            kind=SprintKind.SKILLS,
            start_date=start,
            end_date=start + timedelta(days=60),
            coach_name=m.field("coach"),
            focus=m.field("focus"),
        )
    ).value
    c.create_sprint(
        SprintDraft(
            title=m.field("planned sprint"),
            kind=SprintKind.LEADERSHIP,
            start_date=start + timedelta(days=70),
            end_date=start + timedelta(days=120),
        )
    )
    old = c.create_sprint(
        SprintDraft(
            title=m.field("old sprint"),
            kind=SprintKind.PERFORMANCE,
            start_date=start - timedelta(days=120),
            end_date=start - timedelta(days=40),
        )
    ).value
    old_goal = c.add_goal(
        GoalDraft(sprint_id=old.id, title=m.field("old goal"), baseline=1, target=2)
    ).value
    c.close_sprint(
        old.id,
        SprintClosing(
            state=ClosedState.COMPLETED,
            closed_on=start - timedelta(days=39),
            retrospective=m.field("retrospective"),
            outcomes=(),
            wins=(m.field("win"),),
        ),
    )
    assert old_goal.id
    goal = c.add_goal(
        GoalDraft(
            serves_id=aim.id,
            sprint_id=sprint.id,
            title=m.field("goal"),
            specific=m.field("specific"),
            metric_name=m.field("metric"),
            unit=SHORT,
            baseline=1,
            target=9,
            direction=Direction.UP,
            achievable=m.field("achievable"),
            relevant=m.field("relevant"),
            deadline=start + timedelta(days=50),
            lessons=m.field("lessons"),
            status=GoalStatus.DRAFT,
        )
    ).value
    checkin = c.add_checkin(
        CheckinDraft(
            goal_id=goal.id, on_date=TODAY - timedelta(days=3), value=3, note=m.field("note")
        )
    ).value
    milestones = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title=m.field("milestone goal"),
            metric_kind=MetricKind.MILESTONES,
            status=GoalStatus.DRAFT,  # SMART gaps: an active goal could not have them
            scope=Scope.PRIVATE,
        )
    ).value
    c.add_milestone(MilestoneDraft(goal_id=milestones.id, title=m.field("milestone")))
    c.add_milestone(
        MilestoneDraft(
            goal_id=milestones.id, title=m.field("done milestone"), position=1, done_on=TODAY
        )
    )
    held = c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=NOW - timedelta(days=7),
            status=SessionStatus.HELD,
            agenda=f"- {m.field('agenda')}",
            notes=m.field("notes"),
            insights=m.field("insights"),
            questions=(SessionQuestion(m.field("question"), m.field("answer")),),
        )
    ).value
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=NOW + timedelta(days=1),
            agenda=f"- {m.field('next agenda')}\n- second item",
        )
    )
    action = c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id,
            title=m.field("action"),
            due_date=TODAY - timedelta(days=1),
            goal_id=goal.id,
            session_id=held.id,
        )
    ).value
    c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id,
            title=m.field("done action"),
            status=ActionStatus.DONE,
            done_on=TODAY - timedelta(days=2),
        )
    )
    mentor = ms.add_mentor(
        MentorDraft(
            serves_id=aim.id,
            name=m.field("mentor"),
            relationship=Relationship.TRADITIONAL,
            programme=m.field("programme"),
            organisation=m.field("organisation"),
            seeking=m.field("seeking"),
            notes=m.field("mentor notes"),
            contact_every_days=7,
            started_on=TODAY - timedelta(days=400),
        )
    ).value
    ms.add_link(
        MentorLinkDraft(
            mentor_id=mentor.id, label=m.field("link"), url="https://example.com/a?b=<b>"
        )
    )
    advice = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=NOW - timedelta(days=2),
            title=m.field("advice"),
            body=f"{m.field('body')}\n\n![image]({m.image}) [link](file:///etc/passwd)",
            mentor_id=mentor.id,
            sprint_id=sprint.id,
            goal_id=goal.id,
            advice_status=AdviceStatus.WORKED,
            source_url="https://example.com/<b>source</b>",
            tags=(SHORT, "<i>tag</i>"),
        )
    ).value
    # Today's mentorship half: a mentor to get in touch with, advice to ask about.
    ms.add_mentor(
        MentorDraft(
            name=m.field("mentor due"),
            relationship=Relationship.PEER,
            contact_every_days=7,
            started_on=TODAY - timedelta(days=30),
            converse_format=ConverseFormat.CALL,
            channel=m.field("channel"),
            topics=m.field("topics"),
            boundaries=m.field("boundaries"),
        )
    )
    # Outreach: a message sent two weeks ago without a reply (Today's follow-up).
    outreach = services.people.add_outreach(
        OutreachDraft(
            name=m.field("prospect"),
            why_them=m.field("why them"),
            purpose=m.field("purpose"),
            ask=m.field("ask"),
            channel=m.field("outreach channel"),
            notes=m.field("outreach notes"),
            status=OutreachStatus.SENT,
            idea_on=TODAY - timedelta(days=20),
            sent_on=TODAY - timedelta(days=14),
        )
    ).value
    ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=NOW - timedelta(days=30),
            title=m.field("advice tried"),
            mentor_id=mentor.id,
            advice_status=AdviceStatus.TRYING,
        )
    )
    entry = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=NOW - timedelta(days=1),
            title=m.field("reflection"),
            body=m.field("reflection body"),
            mentor_id=mentor.id,
            responds_to_id=advice.id,
            scope=Scope.COACH,
        )
    ).value
    feedback = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.FEEDBACK,
            occurred_at=NOW - timedelta(days=3),
            title=m.field("feedback"),
            body=m.field("feedback words"),
            mentor_id=mentor.id,
            sprint_id=sprint.id,
            tags=("<b>theme</b>",),
        ),
        FeedbackDetails(
            given_by=m.field("given by"),
            context=m.field("context"),
            reading=m.field("reading"),
            impact=Impact.HIGH,
            heard=Heard.PATTERN,
            done=m.field("done"),
            session_id=held.id,
            goal_id=goal.id,
            action_id=action.id,
        ),
    ).value
    people = services.people
    coach = people.coaches()[0].coach
    people.update_coach(
        coach.id,
        CoachDraft(
            name=coach.name,
            coaches=m.field("coaches"),
            organisation=m.field("coach org"),
            contact=m.field("contact"),
            notes=m.field("coach notes"),
        ),
    )
    return {
        "coach": coach.id,
        "aim": aim.id,
        "feedback": feedback.id,
        "sprint": sprint.id,
        "old": old.id,
        "goal": goal.id,
        "checkin": checkin.id,
        "session": held.id,
        "action": action.id,
        "mentor": mentor.id,
        "advice": advice.id,
        "entry": entry.id,
        "outreach": outreach.id,
    }


@dataclass(frozen=True)
class Marked:
    """The journal made once for the module: its folder, the markup and the ids to open."""

    home: Path
    markup: Markup
    ids: dict[str, int]


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory, journal_template: Path) -> Marked:
    """A journal full of markup, with a backup, made once for the module."""
    base = tmp_path_factory.mktemp("marked")
    markup = Markup(png(base / IMAGE_NAME))
    made = resolve_paths(str(base / "home"))
    made.ensure()
    db = open_new_journal(journal_template, made, lambda: NOW)
    try:
        ids = fill(db, made.backups, markup)
        build_services(db, made.backups).journal.backup("manual")
    finally:
        db.close()
    return Marked(Path(made.data_dir), markup, ids)


@pytest.fixture
def paths(tmp_path: Path, marked: Marked) -> AppPaths:
    """A copy of the marked journal, in a home whose folder's name is markup too."""
    home = tmp_path / f"home {SHORT}"
    shutil.copytree(marked.home, home)
    result = resolve_paths(str(home))
    result.ensure()
    return result


@pytest.fixture
def db(paths: AppPaths, clock: Clock) -> Iterator[Database]:
    database = open_journal(paths.journal, paths.backups, clock)
    yield database
    database.close()


@pytest.fixture
def drafts_left(paths: AppPaths, marked: Marked) -> None:
    """An entry typed in an earlier run and never saved: offered at start."""
    DraftStore(paths.drafts, lambda: NOW).put(
        "entry:new", {"title": SHORT, "body": marked.markup.full}
    )


@pytest.fixture
def image_reads(marked: Marked) -> Iterator[FileReads | None]:
    """Counts what opens the markup's image (None where inotify is not there)."""
    if not file_reads.available():
        yield None
        return
    with FileReads(marked.markup.image) as reads:
        yield reads


# -- what a user sees -------------------------------------------------------------------------
def mnemonic_shown(text: str) -> str:
    """A button's (or a buddy label's) text as shown: "&x" underlines x, "&&" is an "&"."""
    return re.sub("&(.)", r"\1", text, flags=re.DOTALL)


def is_rich(label: QLabel) -> bool:
    """Whether Qt shows the label's text as rich text (its guess, for AutoText)."""
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())
    )


class Look:
    """Finds every place where the user's markup is not shown as they wrote it."""

    def __init__(self, markup: Markup) -> None:
        self.parts = markup.parts
        self.found: dict[str, str] = {}  # what is wrong -> where it was first seen
        self.checked = 0  # texts holding markup that were looked at
        self._step = ""

    def text(self, where: str, text: str, *, rich: bool, markdown: bool = False) -> None:
        """``text`` as Qt shows it (rich or plain) must show each part of the markup whole."""
        if not any(word in text for word, _ in self.parts):
            return
        self.checked += 1
        if rich:
            if any(whole in text for word, whole in self.parts if whole.startswith("<")):
                # Not laid out here: Qt would load the image.
                self._add(f"{where}: markup read as markup: {text!r}")
                return
            doc = QTextDocument()
            doc.setHtml(text)
            text = doc.toPlainText()
        for word, whole in self.parts:
            if markdown and word == "zork":
                continue  # "&amp;" in a Markdown body is an "&", as in any Markdown
            if text.count(word) != text.count(whole):
                self._add(f"{where}: shows {text!r}")
                return

    def _add(self, problem: str) -> None:
        self.found.setdefault(problem, self._step)

    def tooltip(self, where: str, tip: str) -> None:
        """Qt guesses the format of every tooltip."""
        self.text(f"{where} tooltip", tip, rich=QtGui.Qt.mightBeRichText(tip))

    def label(self, label: QLabel) -> None:
        text = label.text()
        if label.buddy() is not None:
            text = mnemonic_shown(text)
        self.text(f"QLabel {label.objectName()!r}", text, rich=is_rich(label))

    def items(self, view: QAbstractItemView) -> None:
        """Every item's text and tooltip, in lists, trees, tables and combo boxes."""
        model = view.model()
        if model is None:
            return
        where = f"{type(view).__name__} {view.objectName()!r}"
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(model.rowCount(parent)):
                for column in range(columns(model, parent)):
                    index = model.index(row, column, parent)
                    display = index.data(Qt.ItemDataRole.DisplayRole)
                    if isinstance(display, str):
                        self.text(f"{where} row {row}", display, rich=False)
                    tip = index.data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str):
                        self.tooltip(f"{where} row {row}", tip)
                    if column == 0 and model.rowCount(index) > 0:
                        pending.append(index)

    def document(self, where: str, doc: QTextDocument) -> None:
        """A reader or a preview: no image in it at all, the user's markup as text."""
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    self._add(f"{where}: an image {fmt.toImageFormat().name()!r}")
                it += 1
            block = block.next()
        self.text(where, doc.toPlainText(), rich=False, markdown=True)

    def widgets(self, name: str, *roots: QWidget) -> None:
        """Every widget under ``roots`` (``name`` says where the user is)."""
        self._step = name
        seen: set[int] = set()
        for root in roots:
            root.grab()  # painted, as the user sees it: an image in it would be read now
            for widget in [root, *root.findChildren(QWidget)]:
                if id(widget) in seen:
                    continue
                seen.add(id(widget))
                self.widget(widget)

    def widget(self, widget: QWidget) -> None:
        """One widget: its tooltip, and the text it shows as its kind shows it."""
        kind = f"{type(widget).__name__} {widget.objectName()!r}"
        self.tooltip(kind, widget.toolTip())
        if isinstance(widget, QLabel):
            self.label(widget)
        elif isinstance(widget, QAbstractButton):
            self.text(kind, mnemonic_shown(widget.text()), rich=False)
        elif isinstance(widget, QGroupBox):
            self.text(kind, mnemonic_shown(widget.title()), rich=False)
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                self.text(kind, mnemonic_shown(widget.tabText(tab)), rich=False)
                self.tooltip(kind, widget.tabToolTip(tab))
        elif isinstance(widget, QComboBox):
            for item in range(widget.count()):
                self.text(kind, widget.itemText(item), rich=False)
                tip = widget.itemData(item, Qt.ItemDataRole.ToolTipRole)
                self.tooltip(kind, tip if isinstance(tip, str) else "")
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            self.items(widget)
        elif isinstance(widget, QTextEdit) and widget.isReadOnly():
            self.document(kind, widget.document())

    def problems(self) -> list[str]:
        """Each problem once, with where it was first seen."""
        return [f"{step}: {problem}" for problem, step in self.found.items()]


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return max(1, model.columnCount(parent))
    except TypeError:  # a list widget's model keeps it private in PySide: one column
        return 1


def open_page(window: MainWindow, page: QWidget | None) -> QWidget:
    assert page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    return page


# -- the tests --------------------------------------------------------------------------------
@pytest.mark.usefixtures("drafts_left", "no_stray_windows")
def test_every_page_and_dialog_shows_user_text_as_text(
    window: MainWindow, marked: Marked, image_reads: FileReads | None, qtbot: QtBot
) -> None:
    ids = marked.ids
    look = Look(marked.markup)

    # The draft an earlier run left is offered first.
    qtbot.waitUntil(
        lambda: window.draft_offer is not None and window.draft_offer.prompt is not None
    )
    assert window.draft_offer is not None and window.draft_offer.prompt is not None
    look.widgets("draft offer", window.draft_offer.prompt)
    window.draft_offer.prompt.reject()

    look.widgets("Today", window.today_page)

    page = window.coaching_page
    open_page(window, page)
    assert page is not None
    page.open_sprint(ids["sprint"])
    look.widgets("Coaching, goals", page)
    page.edit_sprint()
    assert page.dialog is not None
    look.widgets("sprint dialog", page.dialog)
    page.dialog.discard()
    assert page.view is not None
    goal_view = next(g for g in page.view.goals if g.goal.id == ids["goal"])
    page.edit_goal(goal_view)
    assert page.dialog is not None
    look.widgets("goal dialog", page.dialog)
    page.dialog.discard()
    page.edit_checkin(goal_view.checkins[0])
    assert page.dialog is not None
    look.widgets("check-in dialog", page.dialog)
    page.dialog.discard()
    page.sessions.plan_sessions()
    assert page.dialog is not None
    look.widgets("plan sessions dialog", page.dialog)
    page.dialog.discard()
    page.close_sprint()
    close = page.dialog
    assert isinstance(close, CloseSprintDialog)
    look.widgets("close sprint dialog", close)
    _, _, final, _ = close.outcome_rows[0]
    final.setText(marked.markup.full)  # refused: said under its row, as typed
    close.buttons.button(close.buttons.StandardButton.Save).click()
    assert any("is not a number" in shown.text() for shown in close.findChildren(QLabel))
    look.widgets("close sprint dialog, refused", close)
    close.reject()  # changed: asks first
    assert close.discard_prompt is not None
    look.widgets("discard prompt", close.discard_prompt)
    close.discard()
    page.prepare_summary()
    assert page.summary_dialog is not None
    page.summary_dialog.set_include_private(True)
    look.widgets("summary dialog", page.summary_dialog)
    page.summary_dialog.reject()
    page.delete_goal(goal_view)
    look.widgets("Coaching, notice", page)
    page.window().notices.button.click()  # undo
    page.open_sprint(ids["sprint"], sessions=True)
    look.widgets("Coaching, sessions", page)
    panel = page.sessions_panel
    assert panel is not None
    session = next(x.session for x in panel.view.sessions if x.session.id == ids["session"])
    action = next(x.action for x in panel.view.actions if x.action.id == ids["action"])
    page.sessions.edit_session(session)
    assert page.dialog is not None
    look.widgets("session dialog", page.dialog)
    page.dialog.discard()
    page.sessions.edit_action(action)
    assert page.dialog is not None
    look.widgets("action dialog", page.dialog)
    page.dialog.discard()
    page.open_sprint(ids["old"])
    look.widgets("Coaching, closed sprint", page)

    mentorship = window.mentorship_page
    open_page(window, mentorship)
    assert mentorship is not None
    mentorship.open_mentor(ids["mentor"])
    look.widgets("Mentorship", mentorship)
    mentorship.edit_mentor()
    assert mentorship.dialog is not None
    look.widgets("mentor dialog", mentorship.dialog)
    mentorship.dialog.discard()

    history = window.history_page
    open_page(window, history)
    assert history is not None
    history.open_entry(ids["advice"])
    look.widgets("History, advice", history)
    history.open_entry(ids["entry"])
    look.widgets("History, reflection", history)
    history.edit_entry()
    assert history.dialog is not None
    history.dialog.body_tabs.setCurrentIndex(1)  # the preview
    look.widgets("entry dialog", history.dialog)
    history.dialog.discard()
    history.search_edit.setText("bold")
    history.reload()
    qtbot.waitUntil(lambda: not history.searching, timeout=10_000)
    look.widgets("History, search", history)

    timeline = window.timeline_page
    open_page(window, timeline)
    assert timeline is not None
    read_timeline(timeline)
    timeline.set_zoom("all")
    timeline.view.repaint()
    assert timeline.view.hits
    look.widgets("Timeline", timeline)
    for hit in timeline.view.hits:
        look.tooltip(f"Timeline {hit.kind.value} {hit.id}", timeline.view.tip_text(hit))

    feedback = window.feedback_page
    open_page(window, feedback)
    assert feedback is not None
    feedback.show_combo.setCurrentIndex(feedback.show_combo.findData("all"))  # acted on
    qtbot.waitUntil(lambda: not feedback.reading)
    feedback.show_item(ids["feedback"])
    assert feedback.shown is not None
    look.widgets("Feedback", feedback)
    feedback.edit_shown()
    assert feedback.dialog is not None
    look.widgets("feedback dialog", feedback.dialog)
    feedback.dialog.discard()

    coaches = window.coaches_page
    open_page(window, coaches)
    assert coaches is not None
    qtbot.waitUntil(lambda: coaches.read is not None and not coaches.reading)
    coaches.show_coach(ids["coach"])
    look.widgets("Coaches", coaches)
    coaches.edit_shown()
    assert coaches.dialog is not None
    look.widgets("coach dialog", coaches.dialog)
    coaches.dialog.discard()
    direction = window.direction_page
    open_page(window, direction)
    assert direction is not None
    qtbot.waitUntil(lambda: not direction.reading)
    assert direction.rows
    look.widgets("Direction", direction)
    direction.edit_aim(ids["aim"])
    assert direction.dialog is not None
    look.widgets("aim dialog", direction.dialog)
    direction.dialog.discard()
    outreach = window.outreach_page
    open_page(window, outreach)
    assert outreach is not None
    outreach.show_outreach(ids["outreach"])
    assert outreach.shown is not None
    look.widgets("Outreach", outreach)
    outreach.edit_shown()
    assert outreach.dialog is not None
    outreach.dialog.draft_from_template()
    look.widgets("outreach dialog", outreach.dialog)
    outreach.dialog.discard()
    outreach.edit_template()
    assert outreach.template_dialog is not None
    look.widgets("template dialog", outreach.template_dialog)
    outreach.template_dialog.reject()

    window.open_backups()
    assert window.backups_dialog is not None
    look.widgets("backups dialog", window.backups_dialog)
    window.backups_dialog.reject()

    window.open_review()
    review = window.review_dialog
    assert review is not None
    review.private_box.setChecked(True)
    qtbot.waitUntil(lambda: review.review is not None and review.review.include_private)
    assert marked.markup.full in review.preview.document().toPlainText()
    look.widgets("review dialog", review)
    review.reject()

    look.widgets("the window", window)
    assert look.checked > 300  # the walk saw the user's text (564 places when written)
    found = look.problems()
    assert not found, f"{len(found)} places show markup as markup:\n" + "\n".join(found)
    if image_reads is not None:
        assert image_reads.count() == 0, "something opened the image named in the markup"


def tooltip_label() -> QLabel | None:
    """The tooltip on screen, if one is."""
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "qtooltip_label" and widget.isVisible():
            assert isinstance(widget, QLabel)
            return widget
    return None


def hover(view: QAbstractItemView, row: int) -> QLabel:
    """Rest the mouse on ``row`` as a user would, and return the tooltip shown."""
    QToolTip.hideText()
    rect = view.visualRect(view.model().index(row, 0))
    assert rect.isValid()
    point = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    shown = tooltip_label()
    assert shown is not None, "no tooltip was shown"
    shown.grab()  # painted, as on screen: an image in it would be read now
    return shown


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_hovering_a_title_of_markup_in_history_shows_it_as_written(
    window: MainWindow,
    services: Services,
    marked: Marked,
    image_reads: FileReads | None,
) -> None:
    """The title that made the window read /dev/zero until it died, and one naming a real
    image: their tooltips are the titles as written, and nothing is read."""
    ms = services.mentorship
    titles = {
        '<img src="/dev/zero" width=8 height=8> zero',
        f'<img src="{marked.markup.image}"> <b>image</b> &amp; zork',
    }
    for n, title in enumerate(sorted(titles)):
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.LESSON, occurred_at=NOW + timedelta(minutes=n), title=title
            )
        )
    page = open_page(window, window.history_page)
    assert isinstance(page, HistoryPage)
    page.reload()
    model = page.list.model()
    rows = {model.index(row, 0).data(): row for row in range(model.rowCount())}
    for title in titles:
        tip = model.index(rows[title], 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip and "&lt;img src=" in tip  # escaped: never laid out
        doc = QTextDocument()
        doc.setHtml(tip)
        assert doc.toPlainText().splitlines()[0] == title
        shown = hover(page.list, rows[title])
        assert shown.text() == tip
    QToolTip.hideText()
    if image_reads is not None:
        assert image_reads.count() == 0


def test_timeline_tooltips_are_titles_as_written(window: MainWindow, marked: Marked) -> None:
    timeline = open_page(window, window.timeline_page)
    assert isinstance(timeline, TimelinePage)
    read_timeline(timeline)
    timeline.set_zoom("all")
    timeline.view.repaint()
    sprints = [h for h in timeline.view.hits if h.kind is ItemKind.SPRINT]
    assert sprints
    for hit in sprints:
        doc = QTextDocument()
        doc.setHtml(timeline.view.tip_text(hit))
        assert doc.toPlainText() == hit.tip  # as worded, nothing read as markup
        assert marked.markup.full in hit.tip


# -- documents: the reader and the previews load nothing ------------------------------------
def loads(image: Path) -> list[str]:
    """Ways an image gets into HTML or Markdown a user wrote."""
    url = QUrl.fromLocalFile(str(image)).toString()
    return [
        f"![a picture]({image})",
        f"![a picture]({url})",
        f'<img src="{image}" width=8 height=8>',
        f'<img src="{url}">',
        f'<p style="background-image: url({image})">styled</p>',
        f'<table background="{image}"><tr><td>cell</td></tr></table>',
        f'<link rel="stylesheet" href="{image}"><style>p {{ background: url({image}) }}</style>',
    ]


def assert_no_image(doc: QTextDocument) -> None:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()


def test_a_browser_reads_no_file_for_html_given_to_it(
    qtbot: QtBot, marked: Marked, image_reads: FileReads | None
) -> None:
    """Answering "nothing" for a resource let Qt read the file itself; every browser of
    the app answers with a blank image instead, so even HTML with images (none should
    reach it) reads nothing."""
    for browser in (SafeTextBrowser(), ReportView()):
        qtbot.addWidget(browser)
        browser.resize(400, 300)
        browser.show()
        for html_text in loads(marked.markup.image):
            browser.setHtml(f"<p>before</p>{html_text}<p>after</p>")
            browser.grab()
            assert browser.toPlainText().startswith("before")
    assert image_reads is None or image_reads.count() == 0


def test_images_in_what_the_user_wrote_reach_no_browser(
    window: MainWindow,
    services: Services,
    marked: Marked,
    image_reads: FileReads | None,
) -> None:
    """Markdown images, raw HTML images and CSS in a title and a body: the History reader,
    the entry's preview and the session summary's preview show none and read nothing."""
    body = "\n\n".join(["Intro", *loads(marked.markup.image), "The end"])
    c, ms = services.coaching, services.mentorship
    sprint_id = marked.ids["sprint"]
    entry = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.WIN,
            occurred_at=NOW - timedelta(hours=1),
            title=f'<img src="{marked.markup.image}"> title',
            body=body,
            sprint_id=sprint_id,
            scope=Scope.COACH,
        )
    ).value
    c.add_action(ActionItemDraft(sprint_id=sprint_id, title=f"![x]({marked.markup.image})"))

    history = open_page(window, window.history_page)
    assert isinstance(history, HistoryPage)
    history.open_entry(entry.id)
    history.reader.grab()
    assert "The end" in history.reader.toPlainText()
    assert_no_image(history.reader.document())
    history.edit_entry()
    assert history.dialog is not None
    history.dialog.body_tabs.setCurrentIndex(1)
    history.dialog.preview.grab()
    assert "The end" in history.dialog.preview.toPlainText()
    assert_no_image(history.dialog.preview.document())
    history.dialog.discard()

    coaching = open_page(window, window.coaching_page)
    assert isinstance(coaching, CoachingPage)
    coaching.open_sprint(sprint_id)
    coaching.prepare_summary()
    summary = coaching.summary_dialog
    assert summary is not None
    summary.set_include_private(True)
    summary.preview.grab()
    assert "x" in summary.preview.toPlainText()
    assert_no_image_but_charts(summary.preview.document())
    summary.reject()
    assert image_reads is None or image_reads.count() == 0


def assert_no_image_but_charts(doc: QTextDocument) -> None:
    """A report draws its charts over empty lines: it holds no image either."""
    assert_no_image(doc)


def test_recovery_and_start_problems_name_files_as_they_are(
    qtbot: QtBot, paths: AppPaths, marked: Marked
) -> None:
    """The dialogs shown before any window name the journal's files, in a folder the user
    named (here, markup)."""
    look = Look(marked.markup)
    damaged = paths.journal.with_name("journal.sqlite.damaged-x")
    recovery = RecoveryDialog(
        Diagnosis(Damage.TORN, f"Part of {paths.journal} is damaged."),
        [damaged],
        newest_good_backup(paths.backups),
        lambda _chosen: None,
        now=NOW,
    )
    qtbot.addWidget(recovery)
    recovery.show()
    look.widgets("recovery dialog", recovery)
    assert recovery.aside is not None  # names the file moved aside
    problem = StartProblemDialog(
        StartProblem("The journal's folder cannot be written", f"{paths.data_dir} is read-only.")
    )
    qtbot.addWidget(problem)
    problem.show()
    look.widgets("start problem dialog", problem)
    found = look.problems()
    assert not found, f"{len(found)} places show markup as markup:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        '<img src="/dev/zero" width=8 height=8> zero',
        "a &lt; b &amp; c &#65; &nbsp;",
        "two  spaces\nand a second line\n\nafter a blank one",
        '<!doctype html><qt><style>p{}</style><p style="x">"quoted"</p>',
        "word " * 40,
    ],
)
def test_a_tooltip_shows_its_text_exactly(text: str) -> None:
    tip = plain_tooltip(text)
    assert QtGui.Qt.mightBeRichText(tip)  # rich text built here: Qt guesses nothing
    doc = QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == text
    assert plain_tooltip("") == ""
