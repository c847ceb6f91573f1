"""Coach or mentor? The self-assessment as a form: five short questions with the answer the
user's choices lead to beside them, worked out as they answer (``domain/guide.py``).

Saving keeps the assessment with its date; the Guide page then shows it with what to do
next (a draft sprint, a prospective mentor).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from devjournal.domain.clock import Clock
from devjournal.domain.enums import GoalClarity, Horizon, LearnFrom, Need, PathClarity
from devjournal.domain.errors import ValidationError
from devjournal.domain.guide import QUESTIONS, recommend
from devjournal.domain.models import Assessment, AssessmentDraft
from devjournal.domain.rules import validate_assessment
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.guide_service import GuideService
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.card import Card
from devjournal.ui.widgets.choice_group import ChoiceGroup

DRAFT_KEY = "assessment:new"
ANSWERS = {
    "need": Need,
    "goal": GoalClarity,
    "path": PathClarity,
    "horizon": Horizon,
    "learn_from": LearnFrom,
}
"""Each question's field and the closed set its answer comes from."""
NOT_YET = "Answer the first question to see what fits."


class AssessmentDialog(FormDialog):
    """The self-assessment: questions on the left, what they recommend on the right."""

    def __init__(
        self,
        ops: Ops,
        guide: GuideService,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "Coach or mentor?", drafts, DRAFT_KEY, parent)
        self._guide = guide
        self._clock = clock
        self.saved: Assessment | None = None
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.intro = plain_label(
            "Five short questions about what you need now. Your answers stay private. "
            "Only the first one must be answered.",
            "muted",
            wrap=True,
        )
        self.layout_.insertWidget(0, self.intro)
        self.groups: dict[str, ChoiceGroup] = {}
        for question in QUESTIONS:
            group = ChoiceGroup([(c.key.value, c.label) for c in question.choices])
            group.setToolTip(question.hint)
            self.groups[question.key] = group
            self.add_field(question.key, question.text, group)
            self._emphasise(group)
            group.changed.connect(self._answered)
        self.words_edit = QPlainTextEdit()
        self.words_edit.setPlaceholderText(
            "In a sentence, what would you like help with? (optional; it becomes what a "
            "draft sprint aims for, or what you look for in a mentor)"
        )
        self.words_edit.setTabChangesFocus(True)
        self.words_edit.setFixedHeight(72)
        self.add_field("in_own_words", "In your own words:", self.words_edit)
        self._emphasise(self.words_edit)
        self.words_edit.textChanged.connect(self.changed)
        self.panel = self._recommendation_panel()
        self._put_beside_the_questions(self.panel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Keep this assessment")
        self.set_tab_order(*self.groups.values(), self.words_edit)
        self.restore_draft()
        self._show_recommendation()
        self.resize(940, 620)

    # -- building -------------------------------------------------------------------------
    def _recommendation_panel(self) -> Card:
        """What the answers so far recommend, and why: updated as the user answers."""
        panel = Card("What fits")
        self.headline = plain_label(NOT_YET, "headline", wrap=True)
        self.headline.setAccessibleName("What fits")
        panel.body.addWidget(self.headline)
        self.reasons = plain_label("", "", wrap=True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        panel.body.addWidget(self.reasons)
        panel.body.addWidget(
            plain_label(
                "Keep the assessment to act on it: the Guide page then offers a draft "
                "sprint of this kind, or reach out to a mentor.",
                "muted",
                wrap=True,
            )
        )
        panel.body.addStretch(1)
        panel.setMinimumWidth(300)
        return panel

    def _emphasise(self, field: QWidget) -> None:
        """The question above ``field`` in bold, with room above it."""
        row = field.parentWidget()
        question = self.form.labelForField(row) if row is not None else None
        if isinstance(question, QLabel):
            question.setObjectName("cardTitle")
            question.setContentsMargins(0, 8, 0, 0)

    def _put_beside_the_questions(self, panel: QWidget) -> None:
        """The questions in a scroll area (they fit a small screen) with the panel beside
        them; the questions take the width."""
        index = self.layout_.indexOf(self.form)
        self.layout_.removeItem(self.form)
        questions = QWidget()
        questions.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidget(questions)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the answers
        self.questions_scroll = scroll
        row = QHBoxLayout()
        row.addWidget(scroll, 3)
        row.addWidget(panel, 2, Qt.AlignmentFlag.AlignTop)
        self.layout_.insertLayout(index, row, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """Open on the first question, ready for the arrow keys."""
        super().showEvent(event)
        if not self.words_edit.hasFocus():
            self.groups["need"].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- answering ------------------------------------------------------------------------
    def _answered(self) -> None:
        self.changed()
        self._show_recommendation()

    def _show_recommendation(self) -> None:
        need = self.groups["need"].value()
        if need is None:
            self.headline.setText(NOT_YET)
            self.reasons.setText("")
            return
        found = recommend(self.draft())
        self.headline.setText(found.headline())
        self.reasons.setText("\n\n".join(found.reasons))

    def draft(self) -> AssessmentDraft:
        """The assessment as answered so far.

        Raises:
            ValidationError: the first question is not answered.
        """
        answers: dict[str, Any] = {}
        for name, choices in ANSWERS.items():
            key = self.groups[name].value()
            answers[name] = choices(key) if key is not None else None
        if answers["need"] is None:
            raise ValidationError({"need": "Choose what you most need help with."})
        return AssessmentDraft(
            taken_at=self._clock(),
            in_own_words=self.words_edit.toPlainText().strip(),
            **answers,
        )

    def check(self) -> None:
        validate_assessment(self.draft())

    def save(self) -> Outcome[Any]:
        outcome = self._guide.take_assessment(self.draft())
        self.saved = outcome.value
        return outcome
