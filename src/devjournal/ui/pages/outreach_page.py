"""Outreach: prospective mentors and coaches, reached out to with a purpose. What to follow
up on first, then each step (idea, drafted, sent, replied), the closed ones apart; and for
the one being read: why them, the purpose, the ask, how you want to converse, its history,
the first message to copy, and the buttons that move it on (an agreed one becomes a mentor,
or a sprint with that coach)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain import outreach as reach
from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import Guide, OutreachStatus
from devjournal.domain.errors import DomainError
from devjournal.domain.models import Outreach, OutreachDraft, SprintDraft
from devjournal.domain.wording import day_text
from devjournal.drafts import DraftKey, DraftStore
from devjournal.services.changes import Changes
from devjournal.services.people_service import PeopleService
from devjournal.settings import Settings
from devjournal.ui.dialogs.outreach_dialog import OutreachDialog
from devjournal.ui.dialogs.template_dialog import TemplateDialog
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.card import Card
from devjournal.ui.widgets.empty_state import EmptyState
from devjournal.ui.widgets.notice_bar import NoticeBar
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

S = OutreachStatus
OUTREACH_ID_ROLE = Qt.ItemDataRole.UserRole + 1

MOVES: dict[OutreachStatus, tuple[OutreachStatus, ...]] = {
    S.IDEA: (S.DRAFTED, S.SENT),
    S.DRAFTED: (S.SENT,),
    S.SENT: (S.REPLIED, S.AGREED, S.DECLINED, S.NO_REPLY),
    S.REPLIED: (S.AGREED, S.DECLINED),
    S.AGREED: (),
    S.DECLINED: (),
    S.NO_REPLY: (),
}
"""The steps the reader offers from each status."""

MOVE_TEXT = {
    S.DRAFTED: "Mark drafted",
    S.SENT: "Mark sent",
    S.REPLIED: "Got a reply",
    S.AGREED: "Agreed",
    S.DECLINED: "Declined",
    S.NO_REPLY: "No reply",
}


def prospect_word(o: OutreachDraft) -> str:
    """``Mentor`` or ``Coach``, with the relationship hoped for: ``Mentor (peer)``."""
    word = o.guide.label
    if o.relationship is not None:
        word += f" ({o.relationship.label.lower()})"
    return word


class OutreachPage(QWidget):
    """Prospective mentors and coaches on the left; the one being read on the right."""

    shows: ClassVar[Changes] = Changes.OUTREACH | Changes.MENTORS | Changes.COACHES

    mentor_shown = Signal(int)  # a mentor's id: open them on the Mentorship page
    sprint_requested = Signal(object)  # a SprintDraft: a first sprint with a new coach
    assessment_requested = Signal()  # coach or mentor? the self-assessment

    def __init__(
        self,
        people: PeopleService,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        settings: Settings,
        notices: NoticeBar,
        mentor_name: Callable[[int], str] | None = None,
    ) -> None:
        """``mentor_name``: the name of the mentor an outreach became (None: gone)."""
        super().__init__(parent)
        self._people = people
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self._settings = settings
        self._notices = notices
        self._mentor_name = mentor_name
        self.dialog: OutreachDialog | None = None
        self.template_dialog: TemplateDialog | None = None
        self.outreach: list[Outreach] = []
        self.shown: Outreach | None = None
        self._read_once = False
        self._wanted: int | None = None
        self.move_buttons: dict[OutreachStatus, QPushButton] = {}

        self.pages = QStackedWidget()
        self.empty = EmptyState(
            "Reach out with a purpose",
            "Note the mentors and coaches you would like to learn from: why them, what for, "
            "what you ask and how you would like to talk. devjournal drafts the first "
            "message for you to copy, and reminds you to follow up when no reply comes.",
            "New outreach…",
            aside="Coach or mentor? Take the self-assessment",
        )
        self.empty.button.clicked.connect(self.new_outreach)
        self.empty.aside_button.clicked.connect(self.assessment_requested)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self._main())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    # -- building -------------------------------------------------------------------------
    def _main(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(12)
        column.addLayout(self._heading())
        splitter = QSplitter()
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._reader())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 620])
        column.addWidget(splitter, 1)
        return page

    def _heading(self) -> QHBoxLayout:
        text = QVBoxLayout()
        text.addWidget(plain_label("Outreach", "pageTitle"))
        self.summary_label = plain_label("", "muted", wrap=True)
        text.addWidget(self.summary_label)
        self.template_button = QPushButton("Message template…")
        self.template_button.setToolTip("The template first messages are drafted from")
        self.template_button.clicked.connect(self.edit_template)
        self.new_button = QPushButton("New outreach…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_outreach)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _list_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 8, 0)
        self.list = QListWidget()
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setAccessibleName("Outreach, what to follow up on first")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(self._on_item_activated)
        self.closed_box = QCheckBox("Show the closed ones")
        self.closed_box.setToolTip("Agreed, declined, or no reply")
        self.closed_box.toggled.connect(self._on_closed_toggled)
        column.addWidget(self.list, 1)
        column.addWidget(self.closed_box)
        return side

    def _reader(self) -> QScrollArea:
        card = Card()
        self.reader = card
        self.kind_label = plain_label("", "cardTitle", wrap=True)
        self.name_label = plain_label("", "headline", wrap=True)
        self.status_label = plain_label("", "muted", wrap=True)
        self.became_label = plain_label("", "success", wrap=True)
        self.became_button = QPushButton()
        self.became_button.setObjectName("link")
        self.became_button.setFlat(True)
        self.became_button.clicked.connect(self._on_became_clicked)
        became = QHBoxLayout()
        became.addWidget(self.became_label, 1)
        became.addWidget(self.became_button)
        for widget in (self.kind_label, self.name_label, self.status_label):
            card.body.addWidget(widget)
        card.body.addLayout(became)
        card.body.addLayout(self._move_row())
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for row, (key, title) in enumerate(
            (
                ("why", "Why them"),
                ("purpose", "Purpose"),
                ("ask", "The ask"),
                ("converse", "How to converse"),
                ("next", "Next step"),
                ("history", "So far"),
                ("notes", "Notes"),
            )
        ):
            heading = plain_label(title, "muted")
            text = plain_label("", "", wrap=True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            self.sections[key] = (heading, text)
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        card.body.addLayout(self._message_part())
        card.body.addLayout(self._edit_row())
        card.body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(card)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reader_scroll = scroll
        return scroll

    def _move_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for status, text in MOVE_TEXT.items():
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=status: self.move_shown(s))
            self.move_buttons[status] = button
            row.addWidget(button)
        self.agree_button = QPushButton()
        self.agree_button.setObjectName("primary")
        self.agree_button.clicked.connect(self.agree_shown)
        row.addWidget(self.agree_button)
        row.addStretch(1)
        return row

    def _message_part(self) -> QVBoxLayout:
        column = QVBoxLayout()
        heading = QHBoxLayout()
        heading.addWidget(plain_label("First message", "cardTitle"))
        self.message_note = plain_label("", "muted")
        heading.addWidget(self.message_note, 1)
        self.copy_button = QPushButton("Copy message")
        self.copy_button.setObjectName("primary")
        self.copy_button.setToolTip("Copy the message, to paste where you write to them")
        self.copy_button.clicked.connect(self.copy_message)
        heading.addWidget(self.copy_button)
        column.addLayout(heading)
        self.message_view = QPlainTextEdit()
        self.message_view.setReadOnly(True)
        self.message_view.setAccessibleName("First message")
        self.message_view.setMinimumHeight(150)
        self.message_view.setTabChangesFocus(True)
        column.addWidget(self.message_view)
        return column

    def _edit_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change anything about it (Enter)")
        self.edit_button.clicked.connect(self.edit_shown)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_shown)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        return row

    def showEvent(self, event: QShowEvent) -> None:
        """Read the outreach the first time the page is shown (not at start-up)."""
        super().showEvent(event)
        if not self._read_once:
            self.refresh()

    # -- the Page protocol ----------------------------------------------------------------
    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Read the outreach again (the one being read stays)."""
        self.refresh()

    def refresh(self) -> None:
        """Read every outreach (a few dozen at most, in one indexed read) and show them."""
        self._read_once = True
        self.outreach = self._people.outreach_list()
        self.pages.setCurrentIndex(1 if self.outreach else 0)
        self._fill_list()

    def flush_drafts(self) -> None:
        """The window is closing: an open form keeps what was typed as a draft."""
        if self.dialog is not None:
            self.dialog.keep_draft()
            self.dialog.hide()

    def open_draft(self, key: DraftKey) -> bool:
        """Open the outreach form a draft from an earlier run was typed in (it restores
        the draft); False when the draft is not this page's.

        Raises:
            NotFoundError: the outreach it was typed for is gone.
        """
        if key.kind != "outreach":
            return False
        if key.id is None:
            self.new_outreach()
            return True
        stored = self._people.outreach(key.id)
        self.open_outreach(stored.id)
        self._open(self._dialog(stored))
        return True

    # -- the list -------------------------------------------------------------------------
    def _fill_list(self) -> None:
        today = local_today(self._clock)
        keep = self._wanted or (self.shown.id if self.shown else None)
        self._wanted = None
        groups = reach.in_groups(self.outreach, today)
        closed = sum(len(items) for name, items in groups if name == reach.CLOSED_GROUP)
        if keep is not None and any(o.id == keep and o.status.is_closed for o in self.outreach):
            self.closed_box.blockSignals(True)
            self.closed_box.setChecked(True)  # what was asked for is shown
            self.closed_box.blockSignals(False)
        self.closed_box.setText(f"Show the closed ones ({closed:,})")
        self.closed_box.setVisible(closed > 0)
        self.list.setUpdatesEnabled(False)
        self.list.blockSignals(True)
        self.list.clear()
        ids: list[int] = []
        for name, items in groups:
            if name == reach.CLOSED_GROUP and not self.closed_box.isChecked():
                continue
            self.list.addItem(_heading_item(f"{name} · {len(items)}"))
            for o in items:
                self.list.addItem(self._item(o, today))
                ids.append(o.id)
        self.list.blockSignals(False)
        self.list.setUpdatesEnabled(True)
        self._show_summary(groups)
        self.show_outreach(keep if keep in ids else (ids[0] if ids else None))

    def _show_summary(self, groups: list[tuple[str, list[Outreach]]]) -> None:
        counts = {name: len(items) for name, items in groups}
        still = sum(n for name, n in counts.items() if name != reach.CLOSED_GROUP)
        parts = [f"{still:,} open"]
        if counts.get(reach.FOLLOW_UP_GROUP):
            parts.append(f"{counts[reach.FOLLOW_UP_GROUP]:,} to follow up on")
        agreed = sum(1 for o in self.outreach if o.status is S.AGREED)
        if agreed:
            parts.append(f"{agreed:,} agreed")
        self.summary_label.setText(
            ", ".join(parts) + ". Reach out with a clear purpose and a clear ask."
        )

    @staticmethod
    def _item(o: Outreach, today: date) -> QListWidgetItem:
        item = QListWidgetItem(o.name)
        subtitle = f"{reach.status_line(o, today)} · {prospect_word(o).lower()}"
        item.setData(SUBTITLE_ROLE, subtitle)
        item.setData(OUTREACH_ID_ROLE, o.id)
        item.setToolTip(subtitle)
        return item

    def listed(self) -> list[tuple[str, str]]:
        """What the list shows, row by row: (name or heading, the line under it)."""
        rows = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            rows.append((item.text(), str(item.data(SUBTITLE_ROLE) or "")))
        return rows

    def _on_closed_toggled(self) -> None:
        self._fill_list()

    def _on_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(OUTREACH_ID_ROLE) is not None:
            self.show_outreach(int(item.data(OUTREACH_ID_ROLE)))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(OUTREACH_ID_ROLE) is not None:
            self.edit_shown()

    # -- the reader -----------------------------------------------------------------------
    def show_outreach(self, outreach_id: int | None) -> None:
        """Read ``outreach_id`` (None: nothing chosen), selected in the list."""
        found = next((o for o in self.outreach if o.id == outreach_id), None)
        self.shown = found
        self.reader_scroll.setVisible(found is not None)
        if found is None:
            return
        self._show_reader(found)
        for row in range(self.list.count()):
            if self.list.item(row).data(OUTREACH_ID_ROLE) == found.id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                self.list.scrollToItem(self.list.item(row))
                break

    def open_outreach(self, outreach_id: int) -> None:
        """Show ``outreach_id`` (Today's "follow up"), the closed ones too if need be; one
        deleted meanwhile leaves the page as it is, read again."""
        self._wanted = outreach_id
        self.refresh()

    def _show_reader(self, o: Outreach) -> None:
        today = local_today(self._clock)
        self.kind_label.setText(
            f"{prospect_word(o)}, agreed"
            if o.status is S.AGREED
            else f"Prospective {prospect_word(o).lower()}"
        )
        self.name_label.setText(o.name)
        self.status_label.setText(reach.status_line(o, today))
        self._show_section("why", o.why_them)
        self._show_section("purpose", o.purpose)
        self._show_section("ask", o.ask)
        self._show_section("converse", reach.converse_line(o))
        self._show_section("next", reach.next_step(o))
        self._show_section(
            "history",
            "\n".join(f"{day_text(day)}  {what}" for day, what in reach.history(o)),
        )
        self._show_section("notes", o.notes)
        self.message_view.setPlainText(self.message_of(o))
        self.message_note.setText(
            "as you wrote it" if o.message.strip() else "drafted from your template"
        )
        for status, button in self.move_buttons.items():
            button.setVisible(status in MOVES[o.status])
        self._show_became(o)

    def _show_section(self, key: str, text: str) -> None:
        heading, label = self.sections[key]
        heading.setVisible(bool(text.strip()))
        label.setVisible(bool(text.strip()))
        label.setText(text.strip())

    def _show_became(self, o: Outreach) -> None:
        """What an agreed outreach became (a link to the mentor), or the button that makes
        it so."""
        self.became_label.setVisible(False)
        self.became_button.setVisible(False)
        self.agree_button.setVisible(False)
        mentor = self._mentor_name(o.mentor_id) if o.mentor_id and self._mentor_name else ""
        if mentor:
            self.became_label.setText(f"Became your mentor {mentor}.")
            self.became_button.setText("Open on the Mentorship page")
            self.became_label.setVisible(True)
            self.became_button.setVisible(True)
        elif o.coach_id is not None:
            self.became_label.setText(f"Became your coach {o.name}.")
            self.became_label.setVisible(True)
            self.agree_button.setText("Start a sprint with them…")
            self.agree_button.setVisible(True)
        elif o.status is S.AGREED:
            self.agree_button.setText(
                "Make them your mentor" if o.guide is Guide.MENTOR else "Make them your coach…"
            )
            self.agree_button.setVisible(True)

    def message_of(self, o: OutreachDraft) -> str:
        """The first message: as the user wrote it, or drafted from the template."""
        if o.message.strip():
            return o.message
        return reach.draft_message(o, self._settings.outreach_template)

    # -- acting ---------------------------------------------------------------------------
    def copy_message(self) -> None:
        """Copy the first message to the clipboard."""
        if self.shown is None:
            return
        QGuiApplication.clipboard().setText(self.message_of(self.shown))
        self._notices.say(f"Copied the message to {self.shown.name}. Paste it where you write.")

    def move_shown(self, status: OutreachStatus) -> None:
        """Move the outreach being read to ``status`` today (Undo puts it back)."""
        before = self.shown
        if before is None:
            return
        people = self._people
        outcome = self._ops.write(self, lambda: people.move_outreach(before.id, status))
        if outcome is None:
            return
        self.open_outreach(before.id)
        text = f"{before.name}: {status.label.lower()}."
        if status is S.AGREED and before.guide is Guide.MENTOR:
            text += " Make them your mentor to keep your conversations and their advice."
        self._notices.say(text, "Undo", lambda: self._put_back(before), undo=True)
        if status is S.AGREED:
            self.agree_button.setFocus()

    def _put_back(self, before: Outreach) -> None:
        draft = OutreachDraft(
            **{f.name: getattr(before, f.name) for f in dataclasses.fields(OutreachDraft)}
        )
        people = self._people
        if self._ops.write(self, lambda: people.update_outreach(before.id, draft)) is not None:
            self.open_outreach(before.id)

    def agree_shown(self) -> None:
        """The agreed outreach becomes a mentor (shown on the Mentorship page), or a coach
        with a first sprint to plan (the new-sprint form, filled in)."""
        o = self.shown
        if o is None:
            return
        people = self._people
        if o.guide is Guide.MENTOR:
            made = self._ops.write(self, lambda: people.agree_as_mentor(o.id))
            if made is not None:
                self.mentor_shown.emit(made.value.id)
            return
        if (
            o.coach_id is None
            and self._ops.write(self, lambda: people.agree_as_coach(o.id)) is None
        ):
            return
        prefill: SprintDraft = reach.sprint_with(o, local_today(self._clock))
        self.sprint_requested.emit(prefill)

    def _on_became_clicked(self) -> None:
        if self.shown is not None and self.shown.mentor_id is not None:
            self.mentor_shown.emit(self.shown.mentor_id)

    def new_outreach(self) -> None:
        """Note someone to reach out to."""
        self.new_outreach_from(None)

    def new_outreach_from(self, prefill: OutreachDraft | None) -> None:
        """Note someone to reach out to, filled from ``prefill`` (the self-assessment's
        suggestion), or empty."""
        self._open(self._dialog(None, prefill))

    def edit_shown(self) -> None:
        """Edit the outreach being read."""
        if self.shown is None:
            return
        try:
            o = self._people.outreach(self.shown.id)
        except DomainError:
            self.refresh()  # deleted meanwhile, elsewhere
            return
        self._open(self._dialog(o))

    def _dialog(self, o: Outreach | None, prefill: OutreachDraft | None = None) -> OutreachDialog:
        return OutreachDialog(
            self._ops,
            self._people,
            self._drafts,
            self._clock,
            self._settings.outreach_template,
            outreach=o,
            prefill=prefill,
            parent=self,
        )

    def _open(self, dialog: OutreachDialog) -> None:
        self.dialog = dialog

        def saved() -> None:
            if dialog.saved is not None:
                self.open_outreach(dialog.saved.id)

        dialog.show_modal(saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def delete_shown(self) -> None:
        """Delete the outreach being read (Undo brings it back)."""
        o = self.shown
        if o is None:
            return
        people = self._people
        if self._ops.write(self, lambda: people.delete_outreach(o.id)) is None:
            return
        self.shown = None
        self.refresh()
        self._notices.say(
            f"Deleted the outreach to {o.name}.", "Undo", lambda: self._restore(o.id), undo=True
        )

    def _restore(self, outreach_id: int) -> None:
        people = self._people
        if self._ops.write(self, lambda: people.restore_outreach(outreach_id)) is not None:
            self.open_outreach(outreach_id)

    def edit_template(self) -> None:
        """Edit the template first messages are drafted from."""
        dialog = TemplateDialog(self._settings.outreach_template, self._save_template, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_template_finished)
        self.template_dialog = dialog
        dialog.open()

    def _save_template(self, text: str) -> None:
        self._settings.outreach_template = text
        self._settings.save()
        if self.shown is not None:
            self._show_reader(self.shown)

    def _on_template_finished(self) -> None:
        self.template_dialog = None


def _heading_item(text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not chosen, not focused
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item
