"""Feedback: every piece of feedback weighed and in priority order, the themes it keeps
coming back to, and, for the one being read, what to do with it: weigh it, turn it into a
goal or an action item, or open what was already made of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock
from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import DomainError
from devjournal.domain.feedback import (
    FeedbackFilter,
    FeedbackItem,
    FeedbackView,
    Show,
    Theme,
    group_of,
    priority_text,
    why,
)
from devjournal.domain.wording import plural
from devjournal.drafts import DraftKey, DraftStore
from devjournal.services.changes import Changes
from devjournal.services.container import Services
from devjournal.ui.dialogs.entry_dialog import EntryDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import for_mnemonic, plain_label
from devjournal.ui.widgets.card import Card
from devjournal.ui.widgets.empty_state import EmptyState, NotReadYet
from devjournal.ui.widgets.flow_layout import FlowLayout
from devjournal.ui.widgets.safe_text_browser import SafeTextBrowser
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
THEMES_SHOWN = 8
"""How many themes the strip names (the most heard)."""
LISTED = 200
"""How many pieces of feedback the list shows at first (the most pressing)."""
MORE = 500
"""How many more each "Show more" lists."""
MORE_ROLE = Qt.ItemDataRole.UserRole + 2
SHOW_CHOICES = (
    (Show.OPEN, "Still to act on"),
    (Show.ACTED, "Acted on"),
    (Show.ALL, "All feedback"),
)


class FeedbackPage(QWidget):
    """The feedback log, prioritised; the entry form is the History page's, for feedback."""

    shows: ClassVar[Changes] = Changes.ENTRIES | Changes.TAGS | Changes.MENTORS | Changes.COACHING

    goal_requested = Signal(int)  # a feedback entry's id: make a goal of it
    action_requested = Signal(int)  # a feedback entry's id: make an action item of it
    goal_shown = Signal(int)  # a goal's id: open it on the Coaching page
    action_shown = Signal(int)  # an action item's id: open it on the Coaching page
    session_shown = Signal(int)  # a session's id: open it on the Coaching page

    def __init__(
        self,
        services: Services,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self.dialog: EntryDialog | None = None
        self.items: list[FeedbackItem] = []
        self.shown: FeedbackItem | None = None
        self._asked = 0
        self._wanted: int | None = None
        self._answered = 0
        self._limit = LISTED
        self.view: FeedbackView | None = None

        self.pages = QStackedWidget()
        self.empty = EmptyState(
            "Feedback you can act on",
            "Write down feedback as you hear it: from whom, their words, and your reading "
            "of it. Weigh its impact and how often you have heard it, and devjournal puts "
            "what matters most first. Turn it into a goal or an action when you are ready.",
            "Write down feedback",
        )
        self.empty.button.clicked.connect(self.new_feedback)
        self.pages.addWidget(NotReadYet())
        self.pages.addWidget(self.empty)
        self.log = self._log()
        self.pages.addWidget(self.log)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    # -- building -------------------------------------------------------------------------
    def _log(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(12)
        column.addLayout(self._heading())
        column.addLayout(self._theme_strip())
        splitter = QSplitter()
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._reader())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        column.addWidget(splitter, 1)
        return page

    def _heading(self) -> QHBoxLayout:
        text = QVBoxLayout()
        text.addWidget(plain_label("Feedback", "pageTitle"))
        self.summary_label = plain_label("", "muted", wrap=True)
        text.addWidget(self.summary_label)
        self.new_button = QPushButton("New feedback…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_feedback)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _theme_strip(self) -> QHBoxLayout:
        """The themes heard most, each a button that shows only its feedback."""
        row = QHBoxLayout()
        row.addWidget(plain_label("Themes:", "muted"), 0, Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        self.theme_flow = FlowLayout(holder)
        self.theme_flow.setContentsMargins(0, 0, 0, 0)
        row.addWidget(holder, 1)
        self.theme_buttons: list[QPushButton] = []
        return row

    def _list_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 8, 0)
        filters = QHBoxLayout()
        self.show_combo = QComboBox()
        for key, text in SHOW_CHOICES:
            self.show_combo.addItem(text, key.value)
        self.show_combo.setAccessibleName("Show")
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Theme")
        self.theme_combo.addItem("Any theme", "")
        self.show_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.theme_combo.currentIndexChanged.connect(self._on_filter_changed)
        filters.addWidget(self.show_combo)
        filters.addWidget(self.theme_combo, 1)
        column.addLayout(filters)
        self.list = QListWidget()
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setAccessibleName("Feedback, most pressing first")
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.list_empty = plain_label("", "muted", wrap=True)
        column.addWidget(self.list, 1)
        column.addWidget(self.list_empty)
        column.addStretch(0)
        return side

    def _reader(self) -> QWidget:
        card = Card()
        self.reader = card
        self.priority_label = plain_label("", "cardTitle", wrap=True)
        self.title_label = plain_label("", "headline", wrap=True)
        self.meta_label = plain_label("", "muted", wrap=True)
        self.words_view = SafeTextBrowser()
        self.words_view.setAccessibleName("Their words")
        self.words_view.document().documentLayout().documentSizeChanged.connect(self._fit_words)
        self.reading_label = self._selectable()
        self.done_label = self._selectable()
        for widget in (self.priority_label, self.title_label, self.meta_label):
            card.body.addWidget(widget)
        card.body.addWidget(plain_label("Their words", "cardTitle"))
        card.body.addWidget(self.words_view)
        card.body.addWidget(plain_label("My reading", "cardTitle"))
        card.body.addWidget(self.reading_label)
        card.body.addWidget(plain_label("What I did about it", "cardTitle"))
        card.body.addWidget(self.done_label)
        card.body.addLayout(self._reader_buttons())
        card.body.addStretch(1)
        return card

    def _fit_words(self) -> None:
        """Their words take the height they need, up to a third of the page (then scroll)."""
        needed = (
            round(self.words_view.document().size().height()) + 2 * self.words_view.frameWidth()
        )
        self.words_view.setFixedHeight(max(48, min(needed + 4, max(160, self.height() // 3))))

    @staticmethod
    def _selectable() -> QLabel:
        label = plain_label("", "", wrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _reader_buttons(self) -> QVBoxLayout:
        self.edit_button = QPushButton("Weigh and edit…")
        self.edit_button.setToolTip("Your reading, its impact, how often you heard it (Enter)")
        self.edit_button.clicked.connect(self.edit_shown)
        self.goal_button = QPushButton("Turn into a goal…")
        self.goal_button.clicked.connect(self._goal_clicked)
        self.action_button = QPushButton("Turn into an action…")
        self.action_button.clicked.connect(self._action_clicked)
        self.session_button = QPushButton("Open the session")
        self.session_button.clicked.connect(self._session_clicked)
        first = QHBoxLayout()
        first.addWidget(self.edit_button)
        first.addWidget(self.session_button)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.goal_button)
        second.addWidget(self.action_button)
        second.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(first)
        column.addLayout(second)
        return column

    def showEvent(self, event: QShowEvent) -> None:
        """Read the feedback the first time the page is shown (not at start-up)."""
        super().showEvent(event)
        if self._asked == 0:
            self.refresh()

    # -- the Page protocol ----------------------------------------------------------------
    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Read the feedback again (the one being read stays, if it is still there)."""
        self.refresh()

    def refresh(self) -> None:
        """Read what the list shows again, off the GUI thread (years of feedback)."""
        self._asked += 1
        ticket = self._asked
        mentorship, where, limit = self._services.mentorship, self.filter(), self._limit
        self._ops.query(
            self,
            lambda: mentorship.feedback_view(where, limit),
            lambda view: self._on_read(ticket, view),
        )

    def filter(self) -> FeedbackFilter:
        """What the list is asked to show."""
        return FeedbackFilter(
            Show(self.show_combo.currentData()), str(self.theme_combo.currentData() or "")
        )

    @property
    def reading(self) -> bool:
        """Whether a read of the feedback is under way (the list shows the last one)."""
        return self._answered != self._asked

    def flush_drafts(self) -> None:
        """The window is closing: an open form keeps what was typed as a draft."""
        if self.dialog is not None:
            self.dialog.keep_draft()

    def open_draft(self, _key: DraftKey) -> bool:
        """Entry drafts are the History page's to reopen (the same form)."""
        return False

    # -- showing --------------------------------------------------------------------------
    def _on_read(self, ticket: int, view: FeedbackView) -> None:
        if ticket != self._asked:
            return  # a newer read was asked for; its answer will come
        wanted = self._wanted
        if wanted is not None and wanted not in {i.entry.id for i in view.items}:
            self._wanted = None
            if self.filter() != FeedbackFilter(Show.ALL):  # what was just saved is shown,
                self._set_filter(FeedbackFilter(Show.ALL))  # whatever the filters were
                self._wanted = wanted
                self.refresh()
                return
        self._answered = ticket
        self.view = view
        self.items = list(view.items)
        self.pages.setCurrentWidget(self.log if view.total else self.empty)
        self._show_summary(view)
        self._show_themes(view.themes)
        self._fill_theme_combo(view.themes)
        self._fill_list()

    def _set_filter(self, where: FeedbackFilter) -> None:
        for combo in (self.show_combo, self.theme_combo):
            combo.blockSignals(True)
        self.show_combo.setCurrentIndex(self.show_combo.findData(where.show.value))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(where.theme)))
        for combo in (self.show_combo, self.theme_combo):
            combo.blockSignals(False)
        self._limit = LISTED

    def _show_summary(self, view: FeedbackView) -> None:
        parts = [f"{plural(view.still_open, 'piece')} still to act on"]
        if view.open_high:
            parts.append(f"{view.open_high:,} of high priority")
        if view.open_unread:
            parts.append(f"{view.open_unread:,} not weighed yet")
        self.summary_label.setText(
            ", ".join(parts) + ". Act first on what matters most and keeps coming back."
        )

    def _show_themes(self, heard: Sequence[Theme]) -> None:
        for button in self.theme_buttons:
            self.theme_flow.removeWidget(button)
            button.deleteLater()
        self.theme_buttons = []
        for theme in heard[:THEMES_SHOWN]:
            button = QPushButton(for_mnemonic(f"{theme.name} · {theme.count}"))
            button.setObjectName("link")
            button.setFlat(True)
            button.setToolTip(
                f"Heard {plural(theme.count, 'time')}, {theme.recent} in the last twelve "
                f"months; acted on {theme.acted_on}. Show only this theme."
            )
            button.clicked.connect(lambda _=False, name=theme.name: self.show_theme(name))
            self.theme_flow.addWidget(button)
            self.theme_buttons.append(button)
        if not heard:
            button = QPushButton("none yet: tag feedback to see what keeps coming back")
            button.setEnabled(False)
            button.setFlat(True)
            self.theme_flow.addWidget(button)
            self.theme_buttons.append(button)

    def _fill_theme_combo(self, heard: Sequence[Theme]) -> None:
        keep = self.theme_combo.currentData()
        self.theme_combo.blockSignals(True)
        self.theme_combo.clear()
        self.theme_combo.addItem("Any theme", "")
        for theme in heard:
            self.theme_combo.addItem(f"{theme.name} ({theme.count})", theme.name)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(keep)))
        self.theme_combo.blockSignals(False)

    def show_theme(self, name: str) -> None:
        """Show every piece of feedback on the theme ``name``."""
        self._set_filter(FeedbackFilter(Show.ALL, name))
        self.refresh()

    def listed(self) -> list[FeedbackItem]:
        """The feedback the list shows, in its order."""
        return list(self.items)

    def _on_filter_changed(self) -> None:
        self._limit = LISTED
        self.refresh()

    def _fill_list(self) -> None:
        keep = self._wanted or (self.shown.entry.id if self.shown else None)
        self._wanted = None
        view = self.view
        assert view is not None
        self.list.setUpdatesEnabled(False)
        self.list.blockSignals(True)
        self.list.clear()
        group: str | None = None
        for item in self.items:
            heading = group_of(item)
            if heading != group:
                group = heading
                self.list.addItem(_heading_item(f"{heading} ({view.groups[heading]:,})"))
            self.list.addItem(self._item(item))
        if view.listed > len(self.items):
            self.list.addItem(self._more_item(view.listed - len(self.items)))
        self.list.blockSignals(False)
        self.list.setUpdatesEnabled(True)
        self.list_empty.setText(
            "Nothing here. Choose “All feedback” or another theme to see more."
            if view.total and not self.items
            else ""
        )
        self.list_empty.setVisible(bool(view.total) and not self.items)
        ids = [i.entry.id for i in self.items]
        self.show_item(keep if keep in ids else (ids[0] if ids else None))

    @staticmethod
    def _more_item(left: int) -> QListWidgetItem:
        item = QListWidgetItem(f"Show {min(left, MORE):,} more of {left:,}…")
        item.setData(MORE_ROLE, True)
        item.setToolTip("Enter or a click lists them")
        return item

    def show_more(self) -> None:
        """List the next pieces of feedback (the list starts with the most pressing)."""
        self._limit += MORE
        self.refresh()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(MORE_ROLE):
            self.show_more()
        else:
            self.edit_shown()

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        if item.data(MORE_ROLE):
            self.show_more()

    @staticmethod
    def _item(feedback: FeedbackItem) -> QListWidgetItem:
        entry = feedback.entry
        when = local_date(entry.occurred_at.astimezone().date(), "d MMM yyyy")
        item = QListWidgetItem(entry.title)
        said = [f"{feedback.source}, {when}" if feedback.source else when]
        if entry.tags:
            said.append(", ".join(entry.tags))
        item.setData(SUBTITLE_ROLE, " · ".join(said))
        item.setData(ENTRY_ID_ROLE, entry.id)
        item.setToolTip(why(feedback.details))
        return item

    def open_item(self, entry_id: int) -> None:
        """Read the feedback again and show ``entry_id`` in the reader (whatever the
        filters hid)."""
        self._wanted = entry_id
        self.refresh()

    def show_item(self, entry_id: int | None) -> None:
        """Show the feedback ``entry_id`` in the reader (None: nothing chosen)."""
        found = next((i for i in self.items if i.entry.id == entry_id), None)
        self.shown = found
        self.reader.setVisible(found is not None)
        if found is None:
            return
        self._show_reader(found)
        for row in range(self.list.count()):
            if self.list.item(row).data(ENTRY_ID_ROLE) == found.entry.id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                break

    def _show_reader(self, item: FeedbackItem) -> None:
        entry, details = item.entry, item.details
        self.priority_label.setText(priority_text(details))
        self.title_label.setText(entry.title)
        when = local_date(entry.occurred_at.astimezone().date(), "d MMMM yyyy")
        meta = [f"From {item.source}", when] if item.source else [when]
        if details.context:
            meta.append(details.context)
        if entry.tags:
            meta.append("themes: " + ", ".join(entry.tags))
        self.meta_label.setText(" · ".join(meta))
        try:  # the list holds no bodies: the one being read is read whole
            body = self._services.mentorship.entry(entry.id).body
        except DomainError:
            body = ""  # deleted elsewhere; the next read drops it from the list
        self.words_view.show_markdown(body or "*No words written down.*")
        self.reading_label.setText(
            details.reading or "Not written yet: what do you think it means? (Weigh and edit)"
        )
        self.done_label.setText(details.done or "Nothing written yet.")
        self._show_links(item)

    def _show_links(self, item: FeedbackItem) -> None:
        details = item.details
        self.goal_button.setText("Open the goal" if details.goal_id else "Turn into a goal…")
        self.action_button.setText(
            "Open the action" if details.action_id else "Turn into an action…"
        )
        self.session_button.setVisible(details.session_id is not None)

    def _on_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(ENTRY_ID_ROLE) is not None:
            self.show_item(int(item.data(ENTRY_ID_ROLE)))

    # -- acting ---------------------------------------------------------------------------
    def new_feedback(self) -> None:
        """Write down a new piece of feedback."""
        self._open(
            EntryDialog(
                self._ops,
                self._services,
                self._drafts,
                self._clock,
                kind=EntryKind.FEEDBACK,
                parent=self.window(),
            )
        )

    def edit_shown(self) -> None:
        """Weigh and edit the feedback being read."""
        if self.shown is None:
            return
        try:
            entry = self._services.mentorship.entry(self.shown.entry.id)
        except DomainError:
            self.refresh()  # deleted meanwhile, elsewhere
            return
        self._open(
            EntryDialog(
                self._ops, self._services, self._drafts, self._clock, entry=entry, parent=self
            )
        )

    def _open(self, dialog: EntryDialog) -> None:
        self.dialog = dialog

        def saved() -> None:
            if dialog.saved is not None:
                self._wanted = dialog.saved.id  # shown once the list is read again

        dialog.show_modal(saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def _goal_clicked(self) -> None:
        if self.shown is None:
            return
        goal_id = self.shown.details.goal_id
        if goal_id:
            self.goal_shown.emit(goal_id)
        else:
            self.goal_requested.emit(self.shown.entry.id)

    def _action_clicked(self) -> None:
        if self.shown is None:
            return
        action_id = self.shown.details.action_id
        if action_id:
            self.action_shown.emit(action_id)
        else:
            self.action_requested.emit(self.shown.entry.id)

    def _session_clicked(self) -> None:
        if self.shown is not None and self.shown.details.session_id:
            self.session_shown.emit(self.shown.details.session_id)


def _heading_item(text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not chosen, not focused
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item
