"""Write or edit a mentorship log entry: Markdown body with a preview, tags, links."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import AdviceStatus, EntryKind, Heard, Impact, Scope
from devjournal.domain.feedback import priority_text
from devjournal.domain.models import FeedbackDetails, LogEntry, LogEntryDraft
from devjournal.domain.rules import is_safe_url, validate_feedback, validate_log_entry
from devjournal.domain.wording import day_text
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.container import Services
from devjournal.ui import file_prompts
from devjournal.ui.dialogs.form_dialog import FormDialog, day_and_time
from devjournal.ui.formatting import from_qdate, to_qdate
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.choice_group import ChoiceGroup
from devjournal.ui.widgets.safe_text_browser import SafeTextBrowser

ADVICE_STATUS_LABELS = {status: status.label for status in AdviceStatus}
SCOPE_LABELS = {scope: scope.label for scope in Scope}


def render_markdown(view: SafeTextBrowser, text: str) -> None:
    """Show ``text`` as Markdown: any HTML in it dropped, images left out, nothing loaded
    (a long text laid out on a worker thread)."""
    view.show_markdown(text)


def open_safe_link(url: QUrl, parent: QWidget) -> bool:
    """Open ``url`` if it is http, https or mailto; otherwise say no (and return False)."""
    text = url.toString()
    if not is_safe_url(text):
        file_prompts.tell(
            parent,
            "Link not opened",
            f"devjournal opens only http, https and mailto links, not “{text}”.",
            warning=True,
        )
        return False
    return QDesktopServices.openUrl(url)


def _keep_choice(combo: QComboBox, value: int | None, gone: str) -> None:
    """Choose ``value`` in ``combo``; if it is no longer listed (deleted), add it as
    ``gone`` so that saving the entry keeps the link instead of silently dropping it."""
    index = combo.findData(value or 0)
    if index < 0 and value:
        combo.addItem(gone, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))


def _short_text(hint: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(hint)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(58)
    return edit


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``career growth, feedback`` (commas separate; spaces are allowed)."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


class EntryDialog(FormDialog):
    """One entry of any kind; the fields that do not apply to its kind are hidden."""

    def __init__(
        self,
        ops: Ops,
        services: Services,
        drafts: DraftStore,
        clock: Clock,
        *,
        entry: LogEntry | None = None,
        mentor_id: int | None = None,
        kind: EntryKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        key = f"entry:{entry.id}" if entry else "entry:new"
        super().__init__(
            ops,
            "Edit entry" if entry else "New log entry",
            drafts,
            key,
            parent,
            stamp=entry.updated_at.isoformat() if entry else "",
        )
        self._services = services
        self._entry = entry
        self.saved: LogEntry | None = None
        self._details = (
            services.mentorship.feedback_details(entry.id)
            if entry is not None and entry.kind is EntryKind.FEEDBACK
            else FeedbackDetails()
        )

        self._build_entry_section()
        self._build_mentor_section(services)
        self._build_sprint_section(services)
        self._build_feedback_section()
        self.bind(day=self.day_edit, time=self.time_edit, body=self.body_edit)

        self.set_tab_order(
            self.kind_combo,
            self.day_edit,
            self.time_edit,
            self.title_edit,
            self.body_edit,  # the body, not the Write/Preview tabs, follows the title
            self.body_tabs.tabBar(),
            self.tags_edit,
            self.mentor_combo,
            self.source_edit,
            self.status_combo,
            self.answers_combo,
            self.sprint_combo,
            self.goal_combo,
            self.scope_combo,
            self.given_by_edit,
            self.context_edit,
            self.reading_edit,
            self.impact_group,
            self.heard_group,
            self.done_edit,
            self.session_combo,
        )
        self._fill_goals()
        self._fill_sessions()
        if entry is not None:
            self._fill(entry)
        else:
            if kind is not None:
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
            now = clock().astimezone()
            self.day_edit.setDate(to_qdate(local_today(clock)))
            self.time_edit.setTime(QTime(now.hour, now.minute))
            if mentor_id is not None:
                self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(mentor_id)))
        self.restore_draft()
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.sprint_combo.currentIndexChanged.connect(self._fill_goals)
        self.sprint_combo.currentIndexChanged.connect(self._fill_sessions)
        self.body_tabs.currentChanged.connect(self._on_body_tabs_changed)
        for signal in (
            self.kind_combo.currentIndexChanged,
            self.day_edit.dateChanged,
            self.time_edit.timeChanged,
            self.title_edit.textEdited,
            self.body_edit.textChanged,
            self.tags_edit.textEdited,
            self.mentor_combo.currentIndexChanged,
            self.source_edit.textEdited,
            self.status_combo.currentIndexChanged,
            self.answers_combo.currentIndexChanged,
            self.sprint_combo.currentIndexChanged,
            self.goal_combo.currentIndexChanged,
            self.scope_combo.currentIndexChanged,
            self.given_by_edit.textEdited,
            self.context_edit.textEdited,
            self.reading_edit.textChanged,
            self.impact_group.changed,
            self.heard_group.changed,
            self.done_edit.textChanged,
            self.session_combo.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self.impact_group.changed.connect(self._show_priority)
        self.heard_group.changed.connect(self._show_priority)
        self._show_priority()
        self._on_kind_changed()

    # -- the form's sections --------------------------------------------------------------
    def _build_entry_section(self) -> None:
        """The entry itself: its kind, when, its title, its body (written or previewed)
        and its tags."""
        self.kind_combo = QComboBox()
        for kind in EntryKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.day_edit, self.time_edit, when = day_and_time()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("In a line: what was said, learned or done")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText("Markdown: **bold**, - lists, [links](https://…)")
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setAccessibleName("Body")
        self.preview = SafeTextBrowser()
        self.preview.anchorClicked.connect(lambda url: open_safe_link(url, self))
        self.body_tabs = QTabWidget()
        self.body_tabs.addTab(self.body_edit, "Write")
        self.body_tabs.addTab(self.preview, "Preview")
        self.body_tabs.setFixedHeight(200)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("Comma-separated, e.g. career growth, feedback")
        self.add_field("kind", "Kind:", self.kind_combo)
        self.add_field("occurred_at", "When:", when)
        self.add_field("title", "Title:", self.title_edit)
        self.add_field("body", "Body:", self.body_tabs)
        self.add_field("tags", "Tags:", self.tags_edit)

    def _build_mentor_section(self, services: Services) -> None:
        """Who and where it came from: the mentor, a source link, and, for advice, what
        came of it or which advice it answers."""
        self.mentor_combo = QComboBox()
        self.mentor_combo.addItem("No mentor", 0)
        for mentor in services.mentorship.mentors():
            self.mentor_combo.addItem(f"{mentor.name} ({mentor.relationship.label})", mentor.id)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("https://… the post, talk or podcast")
        self.status_combo = QComboBox()
        for status, text in ADVICE_STATUS_LABELS.items():
            self.status_combo.addItem(text, status.value)
        self.answers_combo = QComboBox()
        self.answers_combo.addItem("No particular advice", 0)
        for advice in services.mentorship.recent_advice():
            day = advice.occurred_at.astimezone().date().isoformat()
            self.answers_combo.addItem(f"{day}: {advice.title}", advice.id)
        self.add_field("mentor_id", "Mentor:", self.mentor_combo)
        self.add_field("source_url", "Source link:", self.source_edit)
        self.add_field("advice_status", "Advice status:", self.status_combo)
        self.add_field("responds_to_id", "Answers advice:", self.answers_combo)

    def _build_sprint_section(self, services: Services) -> None:
        """The sprint and goal it belongs to, and who it is shared with."""
        self.sprint_combo = QComboBox()
        self.sprint_combo.addItem("No sprint", 0)
        for sprint in reversed(services.coaching.sprints()):
            self.sprint_combo.addItem(sprint.title, sprint.id)
        self.goal_combo = QComboBox()
        self.scope_combo = QComboBox()
        for scope, text in SCOPE_LABELS.items():
            self.scope_combo.addItem(text, scope.value)
        self.add_field("sprint_id", "Sprint:", self.sprint_combo)
        self.add_field("goal_id", "Goal:", self.goal_combo)
        self.add_field("scope", "Shared:", self.scope_combo)

    def _build_feedback_section(self) -> None:
        """For feedback, beside the rest: who gave it and where, the user's reading of it,
        its weight (impact, how often heard: the priority follows), what was done about it
        and the session where it was discussed."""
        self.feedback_box = QGroupBox("Weigh it")
        form = self.new_form()
        self.feedback_box.setLayout(form)
        self.given_by_edit = QLineEdit()
        self.given_by_edit.setPlaceholderText("If not a mentor: my manager, the 360 survey…")
        self.context_edit = QLineEdit()
        self.context_edit.setPlaceholderText("Where: a review, a retro, a pull request…")
        self.reading_edit = _short_text("What you think it means, in your own words")
        self.impact_group = ChoiceGroup([(i.value, i.label) for i in Impact], in_a_row=True)
        self.heard_group = ChoiceGroup([(h.value, h.label) for h in Heard], in_a_row=True)
        self.priority_label = plain_label("", "muted", wrap=True)
        self.done_edit = _short_text("What you did about it, or will do")
        self.session_combo = QComboBox()
        self.add_field("given_by", "Given by:", self.given_by_edit, form)
        self.add_field("context", "Context:", self.context_edit, form)
        self.add_field("reading", "My reading:", self.reading_edit, form)
        self.add_field("impact", "Impact:", self.impact_group, form)
        self.add_field("heard", "Heard:", self.heard_group, form)
        form.addRow("Priority:", self.priority_label)
        self.add_field("done", "What I did:", self.done_edit, form)
        self.add_field("session_id", "Discussed in:", self.session_combo, form)
        side = QHBoxLayout()  # beside the entry's own fields
        self.layout_.removeItem(self.form)
        side.addLayout(self.form, 3)
        side.addWidget(self.feedback_box, 2, Qt.AlignmentFlag.AlignTop)
        self.layout_.insertLayout(1, side)
        self.given_by_edit.setText(self._details.given_by)
        self.context_edit.setText(self._details.context)
        self.reading_edit.setPlainText(self._details.reading)
        self.impact_group.set_value(self._details.impact)
        self.heard_group.set_value(self._details.heard)
        self.done_edit.setPlainText(self._details.done)

    # -- filling it, and following the kind -----------------------------------------------
    def _fill(self, entry: LogEntry) -> None:
        local = entry.occurred_at.astimezone()
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(entry.kind.value))
        self.day_edit.setDate(to_qdate(local.date()))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        self.title_edit.setText(entry.title)
        self.body_edit.setPlainText(entry.body)
        self.tags_edit.setText(", ".join(entry.tags))
        _keep_choice(self.mentor_combo, entry.mentor_id, "(deleted mentor)")
        self.source_edit.setText(entry.source_url)
        if entry.advice_status is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(entry.advice_status.value))
        _keep_choice(self.answers_combo, entry.responds_to_id, "(deleted advice)")
        _keep_choice(self.sprint_combo, entry.sprint_id, "(deleted sprint)")
        self._fill_goals()
        _keep_choice(self.goal_combo, entry.goal_id, "(deleted goal)")
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(entry.scope.value))
        self._fill_sessions()
        _keep_choice(self.session_combo, self._details.session_id, "(deleted session)")

    def _fill_goals(self) -> None:
        """The goals of the chosen sprint (an entry about a goal is about its sprint)."""
        keep = self.goal_combo.currentData()
        self.goal_combo.blockSignals(True)
        self.goal_combo.clear()
        self.goal_combo.addItem("No particular goal", 0)
        sprint_id = int(self.sprint_combo.currentData() or 0)
        if sprint_id:
            for goal in self._services.coaching.goals_of(sprint_id):
                self.goal_combo.addItem(goal.title, goal.id)
        self.goal_combo.setCurrentIndex(max(0, self.goal_combo.findData(keep)))
        self.goal_combo.setEnabled(bool(sprint_id))
        self.goal_combo.blockSignals(False)

    def _fill_sessions(self) -> None:
        """The sessions of the chosen sprint, newest first (feedback is discussed with
        the coach of a sprint)."""
        keep = self.session_combo.currentData()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        sprint_id = int(self.sprint_combo.currentData() or 0)
        self.session_combo.addItem("No session" if sprint_id else "Choose its sprint first", 0)
        if sprint_id:
            for held in reversed(self._services.coaching.sessions_of(sprint_id)):
                when = held.starts_at.astimezone()
                self.session_combo.addItem(
                    f"{day_text(when.date())} ({held.status.value})", held.id
                )
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(keep)))
        self.session_combo.setEnabled(bool(sprint_id))
        self.session_combo.blockSignals(False)

    def _show_priority(self) -> None:
        self.priority_label.setText(priority_text(self.feedback_details()))

    def kind(self) -> EntryKind:
        """The chosen kind of entry."""
        return EntryKind(self.kind_combo.currentData())

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        self.set_row_visible("advice_status", kind is EntryKind.ADVICE)
        self.set_row_visible("responds_to_id", kind is EntryKind.REFLECTION)
        self.set_row_visible(
            "source_url", kind in (EntryKind.LESSON, EntryKind.ADVICE, EntryKind.FEEDBACK)
        )
        self.feedback_box.setVisible(kind is EntryKind.FEEDBACK)
        what = "feedback" if kind is EntryKind.FEEDBACK else "entry" if self._entry else "log entry"
        self.setWindowTitle(f"{'Edit' if self._entry else 'New'} {what}")
        self.resize(960 if kind is EntryKind.FEEDBACK else 640, self.sizeHint().height())

    def _on_body_tabs_changed(self, index: int) -> None:
        if index == 1:
            render_markdown(self.preview, self.body_edit.toPlainText())

    # -- values ---------------------------------------------------------------------------
    def occurred_at(self) -> datetime:
        """When it happened: as stored, to the second, unless the day or time was changed."""
        t = self.time_edit.time()
        typed = datetime.combine(from_qdate(self.day_edit.date()), time(t.hour(), t.minute()))
        if self._entry is not None:
            stored = self._entry.occurred_at.astimezone()
            if stored.replace(second=0, microsecond=0, tzinfo=None) == typed:
                return self._entry.occurred_at
        return typed.astimezone()

    def draft(self) -> LogEntryDraft:
        """The entry as typed."""
        kind = self.kind()
        return LogEntryDraft(
            kind=kind,
            occurred_at=self.occurred_at(),
            title=self.title_edit.text().strip(),
            body=self.body_edit.toPlainText().rstrip(),
            mentor_id=int(self.mentor_combo.currentData()) or None,
            sprint_id=int(self.sprint_combo.currentData()) or None,
            goal_id=int(self.goal_combo.currentData() or 0) or None,
            source_url=self.source_edit.text().strip(),
            advice_status=AdviceStatus(self.status_combo.currentData())
            if kind is EntryKind.ADVICE
            else None,
            responds_to_id=(int(self.answers_combo.currentData()) or None)
            if kind is EntryKind.REFLECTION
            else None,
            scope=Scope(self.scope_combo.currentData()),
            tags=split_tags(self.tags_edit.text()),
        )

    def feedback_details(self) -> FeedbackDetails:
        """The feedback's details as typed (what it was turned into is kept as it was)."""
        impact, heard = self.impact_group.value(), self.heard_group.value()
        return replace(
            self._details,
            given_by=self.given_by_edit.text().strip(),
            context=self.context_edit.text().strip(),
            reading=self.reading_edit.toPlainText().rstrip(),
            impact=Impact(impact) if impact else None,
            heard=Heard(heard) if heard else None,
            done=self.done_edit.toPlainText().rstrip(),
            session_id=int(self.session_combo.currentData() or 0) or None,
        )

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._fill_goals()  # the sprint's goals, once the sprint is chosen
        self.goal_combo.setCurrentIndex(max(0, self.goal_combo.findData(values.get("goal_id"))))
        self._fill_sessions()
        session = values.get("session_id")
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(session)))

    def check(self) -> None:
        validate_log_entry(self.draft(), self._entry.id if self._entry else None)
        if self.kind() is EntryKind.FEEDBACK:
            validate_feedback(self.feedback_details())

    def save(self) -> Outcome[Any]:
        ms = self._services.mentorship
        details = self.feedback_details() if self.kind() is EntryKind.FEEDBACK else None
        if self._entry is None:
            outcome = ms.add_entry(self.draft(), details)
        else:
            outcome = ms.update_entry(self._entry.id, self.draft(), details)
        self.saved = outcome.value
        return outcome
