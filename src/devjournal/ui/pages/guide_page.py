"""Guide: coach or mentor? The self-assessment, what the latest one recommends with a way to
act on it, how coaching and mentoring differ, and the assessments kept over time (so the
user sees how their needs changed)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.guide import (
    DIFFERENCES,
    QUESTION,
    Guide,
    draft_mentor,
    draft_sprint,
    recommend,
)
from devjournal.domain.models import Assessment, MentorDraft, SprintDraft
from devjournal.drafts import DraftKey, DraftStore
from devjournal.services.changes import Changes
from devjournal.services.guide_service import GuideService
from devjournal.ui.dialogs.assessment_dialog import DRAFT_KEY, AssessmentDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.card import Card
from devjournal.ui.widgets.notice_bar import NoticeBar
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_WIDTH = 1100
LISTED = 6
"""How many assessments the list shows before it scrolls."""


class GuidePage(QWidget):
    """Choosing a guide: take the self-assessment and act on what it recommends."""

    shows: ClassVar[Changes] = Changes.GUIDE

    sprint_requested = Signal(object)  # a SprintDraft to start from, on the Coaching page
    mentor_requested = Signal(object)  # a MentorDraft to start from, on the Mentorship page

    def __init__(
        self,
        guide: GuideService,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticeBar,
    ) -> None:
        super().__init__(parent)
        self._guide = guide
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self._notices = notices
        self.dialog: AssessmentDialog | None = None
        self.shown: Assessment | None = None
        self.assessments: list[Assessment] = []

        column = QVBoxLayout()
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(14)
        column.addLayout(self._heading())
        column.addWidget(self._result_card())
        column.addWidget(self._differences_card())
        column.addWidget(self._history_card())
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(MAX_WIDTH)  # lines stay readable on a wide screen
        centred = QWidget()
        centring = QHBoxLayout(centred)
        centring.setContentsMargins(0, 0, 0, 0)
        centring.addWidget(content)
        scroll = QScrollArea()
        scroll.setWidget(centred)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _heading(self) -> QHBoxLayout:
        """The page's title, what it is for, and the button that starts an assessment."""
        text = QVBoxLayout()
        text.addWidget(plain_label("Coach or mentor?", "pageTitle"))
        text.addWidget(
            plain_label(
                "A coach works with you for weeks or months on something you can name and "
                "measure; a mentor stays for years and shares a road they have walked. "
                "Five questions tell you which would help most now.",
                "muted",
                wrap=True,
            )
        )
        self.take_button = QPushButton("Take the self-assessment…")
        self.take_button.setObjectName("primary")
        self.take_button.clicked.connect(self.take_assessment)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.take_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _result_card(self) -> Card:
        """The assessment being read: when, what it recommends and why, and what to do."""
        card = Card()
        self.result_card = card
        self.when_label = plain_label("", "muted")
        self.headline = plain_label("", "headline", wrap=True)
        self.reasons = plain_label("", "", wrap=True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words = plain_label("", "muted", wrap=True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.when_label, self.headline, self.reasons, self.words):
            card.body.addWidget(widget)
        self.sprint_button = QPushButton("Start a draft sprint…")
        self.sprint_button.setToolTip("A new sprint of this kind, aiming for what you wrote")
        self.sprint_button.clicked.connect(self._request_sprint)
        self.mentor_button = QPushButton("Reach out to a mentor…")
        self.mentor_button.setToolTip(
            "A new outreach to a mentor of this kind, with what you are looking for as its purpose"
        )
        self.mentor_button.clicked.connect(self._request_mentor)
        self.delete_button = QPushButton("Delete this assessment")
        self.delete_button.clicked.connect(self.delete_shown)
        actions = QHBoxLayout()
        actions.addWidget(self.sprint_button)
        actions.addWidget(self.mentor_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        card.body.addLayout(actions)
        return card

    def _differences_card(self) -> Card:
        """How coaching and mentoring differ, aspect by aspect."""
        card = Card("How coaching and mentoring differ")
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        grid.addWidget(plain_label("Coaching", "cardTitle"), 0, 1)
        grid.addWidget(plain_label("Mentoring", "cardTitle"), 0, 2)
        for row, difference in enumerate(DIFFERENCES, start=1):
            aspect = plain_label(difference.aspect, "cardTitle")
            grid.addWidget(aspect, row, 0, Qt.AlignmentFlag.AlignTop)
            for col, text in ((1, difference.coaching), (2, difference.mentoring)):
                grid.addWidget(plain_label(text, wrap=True), row, col, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        card.body.addLayout(grid)
        return card

    def _history_card(self) -> Card:
        """Every assessment kept, newest first: choosing one shows it above."""
        card = Card("Your assessments over time")
        self.history = QListWidget()
        self.history.setItemDelegate(TwoLineDelegate(self.history))
        self.history.setAccessibleName("Your assessments over time")
        self.history.currentItemChanged.connect(self._on_history_current_changed)
        self.history_empty = plain_label(
            "None yet. Each assessment you keep is listed here with its date, so you can "
            "see how your needs change.",
            "muted",
            wrap=True,
        )
        card.body.addWidget(self.history_empty)
        card.body.addWidget(self.history)
        return card

    # -- the Page protocol ----------------------------------------------------------------
    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Show what changed (the assessment being read stays, if it is still there)."""
        self.refresh()

    def refresh(self) -> None:
        """Read the assessments again."""
        keep = self.shown.id if self.shown else None
        self.assessments = self._guide.assessments()
        self.history.blockSignals(True)
        self.history.clear()
        for assessment in self.assessments:
            title, subtitle = self._history_lines(assessment)
            item = QListWidgetItem(title)
            item.setData(SUBTITLE_ROLE, subtitle)
            item.setData(ASSESSMENT_ID_ROLE, assessment.id)
            self.history.addItem(item)
        self.history.blockSignals(False)
        ids = [a.id for a in self.assessments]
        self.show_assessment(keep if keep in ids else (ids[0] if ids else None))
        self.history.setVisible(bool(ids))
        row = self.history.sizeHintForRow(0) if ids else 0
        self.history.setFixedHeight(min(LISTED, len(ids)) * row + 2 * self.history.frameWidth())
        self.history_empty.setVisible(not ids)

    def flush_drafts(self) -> None:
        """The window is closing: an open assessment keeps what was answered as a draft."""
        if self.dialog is not None:
            self.dialog.keep_draft()

    def open_draft(self, key: DraftKey) -> bool:
        """Open the self-assessment a draft from an earlier run was answered in."""
        if key.kind != DraftKey.parse(DRAFT_KEY).kind:
            return False
        self.take_assessment()
        return True

    # -- the assessment being read --------------------------------------------------------
    def show_assessment(self, assessment_id: int | None) -> None:
        """Show ``assessment_id`` in the result card (None: say how to begin)."""
        found = next((a for a in self.assessments if a.id == assessment_id), None)
        self.shown = found
        if found is None:
            self._show_nothing_yet()
            return
        recommendation = recommend(found)
        when = found.taken_at.astimezone().date()
        self.when_label.setText(f"Your assessment of {local_date(when, 'd MMMM yyyy')}")
        self.headline.setText(recommendation.headline())
        self.reasons.setText("\n\n".join(recommendation.reasons))
        words = found.in_own_words or QUESTION["need"].choice(found.need).label
        self.words.setText(f"What you wanted help with: {words}")
        self.words.setVisible(True)
        self.sprint_button.setVisible(recommendation.wants_coach)
        self.mentor_button.setVisible(recommendation.wants_mentor)
        self.delete_button.setVisible(True)
        row = next(i for i, a in enumerate(self.assessments) if a.id == found.id)
        self.history.blockSignals(True)
        self.history.setCurrentRow(row)
        self.history.blockSignals(False)

    def _show_nothing_yet(self) -> None:
        self.when_label.setText("No assessment yet")
        self.headline.setText("Not sure whether you need a coach or a mentor?")
        self.reasons.setText(
            "Take the self-assessment: five questions about what you need now. It says "
            "which guide fits, and why, and lets you start a draft sprint or note a mentor "
            "to look for. Your answers stay private."
        )
        self.words.setVisible(False)
        for button in (self.sprint_button, self.mentor_button, self.delete_button):
            button.setVisible(False)

    def _history_lines(self, assessment: Assessment) -> tuple[str, str]:
        """A listed assessment: its date and what it recommended, then the need."""
        when = local_date(assessment.taken_at.astimezone().date(), "d MMMM yyyy")
        guide = recommend(assessment).guide
        said = {Guide.COACH: "a coach", Guide.MENTOR: "a mentor", Guide.BOTH: "both"}[guide]
        need = QUESTION["need"].choice(assessment.need).label
        return f"{when}: {said}", need

    def _on_history_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_assessment(int(item.data(ASSESSMENT_ID_ROLE)))

    # -- acting ---------------------------------------------------------------------------
    def take_assessment(self) -> None:
        """Open the self-assessment (window-modal); once kept, it is shown here."""
        dialog = AssessmentDialog(self._ops, self._guide, self._drafts, self._clock, self)
        self.dialog = dialog

        def kept() -> None:
            if dialog.saved is not None:
                self.refresh()
                self.show_assessment(dialog.saved.id)

        dialog.show_modal(kept, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def _request_sprint(self) -> None:
        if self.shown is not None:
            draft: SprintDraft = draft_sprint(
                self.shown, recommend(self.shown), local_today(self._clock)
            )
            self.sprint_requested.emit(draft)

    def _request_mentor(self) -> None:
        if self.shown is not None:
            draft: MentorDraft = draft_mentor(self.shown, recommend(self.shown))
            self.mentor_requested.emit(draft)

    def delete_shown(self) -> None:
        """Delete the assessment being read (Undo brings it back)."""
        shown = self.shown
        if shown is None:
            return
        if self._ops.write(self, lambda: self._guide.delete_assessment(shown.id)) is None:
            return
        when = local_date(shown.taken_at.astimezone().date(), "d MMM yyyy")
        self._notices.say(
            f"Deleted your assessment of {when}.",
            "Undo",
            lambda: self._ops.write(self, lambda: self._guide.restore_assessment(shown.id)),
            undo=True,
        )
