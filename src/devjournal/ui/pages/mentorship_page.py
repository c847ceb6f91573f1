"""Mentorship: your mentors of the four relationships, and each one's history with you."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock
from devjournal.domain.enums import AdviceStatus, Relationship
from devjournal.domain.errors import NotFoundError
from devjournal.domain.mentors import MentorHistory, MentorLine
from devjournal.domain.models import Mentor, MentorDraft
from devjournal.domain.outreach import converse_lines
from devjournal.domain.wording import plural
from devjournal.drafts import DraftKey, DraftStore
from devjournal.services.changes import Changes
from devjournal.services.mentorship_service import MentorshipService
from devjournal.services.people_service import AimChoices
from devjournal.ui.dialogs.entry_dialog import ADVICE_STATUS_LABELS, open_safe_link
from devjournal.ui.dialogs.mentor_dialog import MentorDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import for_mnemonic
from devjournal.ui.widgets.aim_combo import aim_text
from devjournal.ui.widgets.card import Card, label
from devjournal.ui.widgets.empty_state import EmptyState
from devjournal.ui.widgets.flow_layout import FlowLayout
from devjournal.ui.widgets.notice_bar import NoticeBar
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

MENTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPS = {
    Relationship.TRADITIONAL: "Traditional",
    Relationship.PEER: "Peers",
    Relationship.REVERSE: "Reverse (you teach)",
    Relationship.FROM_AFAR: "From afar",
}


def ago(when: datetime | None, now: datetime) -> str:
    """``today``, ``yesterday``, ``12 days ago``, ``never``."""
    if when is None:
        return "never"
    days = (now.astimezone().date() - when.astimezone().date()).days
    return "today" if days <= 0 else "yesterday" if days == 1 else f"{plural(days, 'day')} ago"


def _mentor_facts(mentor: Mentor) -> str:
    """The line under a mentor's name: the kind of mentor, formal or informal, the
    programme, where they work (``Acme (outside)``), and since (and until) when, joined
    by `` · ``."""
    facts = [mentor.relationship.label, mentor.formality.value.capitalize()]
    if mentor.programme:
        facts.append(mentor.programme)
    where = "inside your organisation" if mentor.affiliation.value == "internal" else "outside"
    facts.append(f"{mentor.organisation} ({where})" if mentor.organisation else where)
    if mentor.started_on:
        span = f"since {local_date(mentor.started_on, 'MMM yyyy')}"
        if mentor.ended_on:
            span += f" until {local_date(mentor.ended_on, 'MMM yyyy')}"
        facts.append(span)
    return " · ".join(facts)


class MentorshipPage(QWidget):
    """Mentors on the left; the chosen one's page on the right."""

    shows: ClassVar[Changes] = Changes.MENTORSHIP | Changes.AIMS

    entry_requested = Signal(int)  # write an entry with this mentor
    history_requested = Signal(int)  # show this mentor's entries in History
    assessment_requested = Signal()  # the self-assessment, from the empty page

    def __init__(
        self,
        mentorship: MentorshipService,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticeBar,
        aims: Callable[[], AimChoices] = AimChoices,
    ) -> None:
        """``aims``: the parts of the direction, for the form's "Serves:" field and what a
        mentor's page says they serve."""
        super().__init__(parent)
        self._notices = notices
        self._mentorship = mentorship
        self.aims = aims
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self.view: MentorHistory | None = None
        self.dialog: MentorDialog | None = None

        self.new_button = QPushButton("New mentor")
        self.new_button.setObjectName("primary")
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName("Mentors")
        self.left = QWidget()
        column = QVBoxLayout(self.left)
        column.setContentsMargins(12, 16, 6, 12)
        column.addWidget(self.new_button)
        column.addWidget(self.list, 1)

        self.empty = EmptyState(
            "The people you learn from",
            "A mentor can be someone senior who guides you, a peer, someone you mentor back "
            "on new technology, or someone you only follow from afar. Add one to keep their "
            "advice, your conversations and what came of it.",
            "Add a mentor",
            aside="Coach or mentor? Take the self-assessment",
        )
        self.empty_button = self.empty.button
        self.empty.aside_button.clicked.connect(self.assessment_requested)
        self.mentor_scroll = QScrollArea()
        self.mentor_scroll.setWidgetResizable(True)
        self.mentor_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.mentor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.mentor_scroll)

        right_box = QWidget()
        right_column = QVBoxLayout(right_box)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(0)
        right_column.addWidget(self.right, 1)

        splitter = QSplitter()
        splitter.addWidget(self.left)
        splitter.addWidget(right_box)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 880])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        self.new_button.clicked.connect(self.new_mentor)
        self.empty_button.clicked.connect(self.new_mentor)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.refresh()

    # -- the list -------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """Reload the mentors and the open one (``keep`` picks one by id)."""
        lines = self._mentorship.mentor_lines()
        selected = keep or (self.view.mentor.id if self.view else None)
        ids = [line.mentor.id for line in lines]
        blocker = self.list.selectionModel().blockSignals(True)
        self.model.clear()
        now = self._clock()
        for relationship, heading in GROUPS.items():
            members = [x for x in lines if x.mentor.relationship is relationship]
            if not members:
                continue
            group = QStandardItem(f"{heading} · {len(members)}")
            group.setFlags(Qt.ItemFlag.NoItemFlags)
            self.model.appendRow(group)
            for line in members:
                self.model.appendRow(self._item(line, now))
        self.list.selectionModel().blockSignals(blocker)
        self.left.setVisible(bool(lines))
        if not lines:
            self.view = None
            self.right.setCurrentWidget(self.empty)
            return
        self.open_mentor(selected if selected in ids else ids[0])

    @staticmethod
    def _item(line: MentorLine, now: datetime) -> QStandardItem:
        mentor = line.mentor
        parts = [f"last in touch {ago(line.last_contact, now)}"]
        if line.due:
            parts.append("touchpoint due")
        if mentor.ended_on and mentor.ended_on <= now.astimezone().date():
            parts = ["ended " + local_date(mentor.ended_on, "MMM yyyy")]
        item = QStandardItem(mentor.name)
        item.setData(mentor.id, MENTOR_ID_ROLE)
        item.setData(" · ".join(parts), SUBTITLE_ROLE)
        item.setAccessibleText(f"{mentor.name}, {' · '.join(parts)}")
        return item

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        mentor_id = current.data(MENTOR_ID_ROLE)
        if isinstance(mentor_id, int):
            self.open_mentor(mentor_id)

    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Show what changed (the open mentor stays open)."""
        self.refresh()

    def flush_drafts(self) -> None:
        """Keep what is typed in an open form as a draft, and put the form away."""
        if self.dialog is not None:
            self.dialog.keep_draft()
            self.dialog.hide()

    # -- one mentor -----------------------------------------------------------------------
    def open_mentor(self, mentor_id: int) -> None:
        """Show ``mentor_id``'s page and select them in the list."""
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(MENTOR_ID_ROLE) == mentor_id:
                blocker = self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(self.model.index(row, 0))
                self.list.selectionModel().blockSignals(blocker)
        self.view = self._mentorship.mentor_history(mentor_id)
        old = self.mentor_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.mentor_scroll.setWidget(self._build(self.view))
        self.right.setCurrentWidget(self.mentor_scroll)

    def show_mentor(self, mentor_id: int) -> None:
        """Open ``mentor_id``'s page, selected and in view in the list (Today's "get in
        touch"); a mentor deleted meanwhile leaves the page as it was, refreshed."""
        try:
            self.open_mentor(mentor_id)
        except NotFoundError:
            self.refresh()
            return
        self.list.scrollTo(self.list.currentIndex())

    def _build(self, view: MentorHistory) -> QWidget:
        """A mentor's page: who they are, what to do, keeping in touch, your history
        together, and their advice."""
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(12)
        column.addWidget(label(view.mentor.name, "pageTitle", wrap=True))
        column.addWidget(label(_mentor_facts(view.mentor), "muted", wrap=True))
        serves = view.mentor.serves_id
        serving = {a.id: aim_text(a) for a in self.aims().live} if serves else {}
        self.serves_label = label(f"Serves: {serving.get(serves or 0, '')}", "", wrap=True)
        column.addWidget(self.serves_label)
        self.serves_label.setVisible(serves in serving)  # (in its layout: not a window)
        column.addLayout(self._mentor_buttons(view.mentor))
        column.addWidget(self._touch_card(view))
        column.addWidget(self._history_card(view))
        column.addWidget(self._advice_card(view))
        column.addStretch(1)
        return content

    def _mentor_buttons(self, mentor: Mentor) -> FlowLayout:
        """New entry with them, Show in History, Edit… and (apart) Delete; they wrap
        when the page is narrow (a long name made the row wider than a 1024 px window)."""
        buttons = FlowLayout()
        self.write_button = QPushButton(for_mnemonic(f"New entry with {mentor.name}"))
        self.write_button.setObjectName("primary")
        self.history_button = QPushButton("Show in History")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.write_button.clicked.connect(lambda: self.entry_requested.emit(mentor.id))
        self.history_button.clicked.connect(lambda: self.history_requested.emit(mentor.id))
        self.edit_button.clicked.connect(self.edit_mentor)
        self.delete_button.clicked.connect(self.delete_mentor)
        for button in (self.write_button, self.history_button, self.edit_button):
            buttons.addWidget(button)
        buttons.add_right(self.delete_button)
        return buttons

    def _touch_card(self, view: MentorHistory) -> Card:
        """Keeping in touch: when you last were, whether a touchpoint is due, what you
        look for, their links and your notes."""
        mentor = view.mentor
        touch = Card("Keeping in touch")
        line = f"Last in touch {ago(view.last_contact, self._clock())}"
        if mentor.contact_every_days:
            line += f"; you meant to be in touch every {plural(mentor.contact_every_days, 'day')}"
        self.touch_label = touch.add_label(line + ".", "muted")
        if view.due:
            touch.add_label(
                "A touchpoint is due: write to them, or log your last conversation.", "danger"
            )
        converse = converse_lines(
            mentor.converse_format,
            mentor.converse_minutes,
            mentor.contact_every_days,
            mentor.channel,
            topics=mentor.topics,
            boundaries=mentor.boundaries,
        )
        if converse:
            touch.add_label("How we converse", "cardTitle")
            self.converse_label = touch.add_label("\n".join(converse))
        if mentor.seeking:
            touch.add_label(f"What you are looking for: {mentor.seeking}")
        if view.links:
            links = " · ".join(
                f'<a href="{html.escape(link.url, quote=True)}">{html.escape(link.label)}</a>'
                for link in view.links
            )
            shown = touch.add_label(f"Follow: {links}", rich=True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            shown.linkActivated.connect(lambda url: open_safe_link(QUrl(url), self))
        if mentor.notes:
            touch.add_label(mentor.notes, "muted")
        return touch

    def _history_card(self, view: MentorHistory) -> Card:
        """Your history together: the first entry, how many in all, and per year."""
        history = Card("Your history together")
        if view.entries:
            first = view.first_contact
            assert first is not None
            history.add_label(
                f"First entry {local_date(first.astimezone().date(), 'd MMMM yyyy')}; "
                f"{plural(len(view.entries), 'entry', 'entries')} in all."
            )
            years = " · ".join(f"{year}: {count}" for year, count in view.per_year())
            self.years_label = history.add_label(f"Entries per year: {years}", "muted")
        else:
            history.add_label("No entries with them yet.", "muted")
        return history

    def _advice_card(self, view: MentorHistory) -> Card:
        """Their advice: how many pieces, what came of them, and (up to 10) what worked."""
        advice = Card("Their advice, and what came of it")
        pieces = view.advice()
        counts = view.advice_counts()
        if pieces:
            summary = ", ".join(
                f"{counts[s]} {ADVICE_STATUS_LABELS[s].lower()}" for s in AdviceStatus if counts[s]
            )
            self.advice_label = advice.add_label(
                f"{plural(len(pieces), 'piece')} of advice: {summary}."
            )
            worked = [p for p in pieces if p.advice_status is AdviceStatus.WORKED]
            if worked:
                advice.add_label("What worked:", "cardTitle")
                for piece in worked[:10]:
                    day = local_date(piece.occurred_at.astimezone().date(), "d MMM yyyy")
                    advice.add_label(f"•  {piece.title} ({day})")
        else:
            advice.add_label("No advice logged from them yet.", "muted")
        return advice

    # -- editing --------------------------------------------------------------------------
    def new_mentor(self) -> None:
        """Add a mentor."""
        self.new_mentor_from(None)

    def new_mentor_from(self, prefill: MentorDraft | None) -> None:
        """Add a mentor, the form filled from ``prefill`` (the self-assessment's mentor to
        look for), or empty."""
        self._open(
            MentorDialog(
                self._ops,
                self._mentorship,
                self._drafts,
                self._clock,
                prefill=prefill,
                aims=self.aims(),
                parent=self,
            )
        )

    def edit_mentor(self) -> None:
        """Edit the open mentor."""
        if self.view is None:
            return
        self._open(
            MentorDialog(
                self._ops,
                self._mentorship,
                self._drafts,
                self._clock,
                mentor=self.view.mentor,
                links=self.view.links,
                aims=self.aims(),
                parent=self,
            )
        )

    def open_draft(self, key: DraftKey) -> bool:
        """Open the form a draft left from an earlier run was typed in (it restores the
        draft); False when the draft is not one of this page's."""
        if key.kind != "mentor":
            return False
        if key.id is None:
            self.new_mentor()
        else:
            self.open_mentor(key.id)
            self.edit_mentor()
        return True

    def _open(self, dialog: MentorDialog) -> None:
        def saved() -> None:
            if dialog.saved is not None:
                self.refresh(dialog.saved.id)

        self.dialog = dialog
        dialog.show_modal(saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def delete_mentor(self) -> None:
        """Delete the open mentor (their entries stay; Undo brings them back)."""
        if self.view is None:
            return
        mentor = self.view.mentor
        if self._ops.write(self, lambda: self._mentorship.delete_mentor(mentor.id)) is None:
            return
        self._notices.say(
            f"Deleted {mentor.name}. Their entries stay in your log, without a mentor.",
            "Undo",
            lambda: self._restore_mentor(mentor.id),
            undo=True,
        )

    def _restore_mentor(self, mentor_id: int) -> None:
        if self._ops.write(self, lambda: self._mentorship.restore_mentor(mentor_id)) is not None:
            self.refresh(mentor_id)
