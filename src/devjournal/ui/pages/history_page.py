"""History: the mentorship log read back, newest first, filtered or searched.

The list is the lazy :class:`HistoryListModel` (pages of 200 as the view scrolls); a
search shows the hits instead, newest first, with the matched words highlighted. The
reader on the right shows the entry (Markdown, HTML left out, links only for http, https
and mailto), what a piece of advice became, and what answers it.
"""

from __future__ import annotations

import contextlib
import html
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import EntryKind, Scope
from devjournal.domain.errors import DomainError
from devjournal.domain.history import HistoryFilter, HistoryRow
from devjournal.domain.models import LogEntry
from devjournal.domain.search import SearchQueryError, SearchResults
from devjournal.domain.sharing import Sharing
from devjournal.drafts import DraftKey, DraftStore
from devjournal.exporting.history_export import HistoryExport, HistoryRequest
from devjournal.exporting.reports import HISTORY
from devjournal.services.changes import Changes
from devjournal.services.container import Services
from devjournal.ui import file_prompts
from devjournal.ui.background import BackgroundTask
from devjournal.ui.dialogs.entry_dialog import (
    ADVICE_STATUS_LABELS,
    SCOPE_LABELS,
    EntryDialog,
    open_safe_link,
)
from devjournal.ui.formatting import date_edit, from_qdate, local_date, to_qdate
from devjournal.ui.models.history_list_model import ROW_ROLE, HistoryListModel
from devjournal.ui.ops import Ops
from devjournal.ui.report_export import Saved, save_report
from devjournal.ui.shortcuts import sequence
from devjournal.ui.wheel_guard import guard_wheel
from devjournal.ui.widgets.card import label
from devjournal.ui.widgets.notice_bar import NoticeBar
from devjournal.ui.widgets.safe_text_browser import SafeTextBrowser
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

Found = SearchResults | SearchQueryError
"""What a search gives the page: its hits, or why what was typed cannot be searched."""

SEARCH_LIMIT = 200
SEARCH_DELAY_MS = 250
EXPORT_TITLE = "Export the history"


class HistoryPage(QWidget):
    """Filters and search over the log, the list, and the entry being read."""

    shows: ClassVar[Changes] = Changes.MENTORSHIP | Changes.COACHES | Changes.SPRINTS

    entry_requested = Signal()  # "write a new entry"

    def __init__(
        self,
        services: Services,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticeBar,
    ) -> None:
        super().__init__(parent)
        self._notices = notices
        self._services = services
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self.dialog: EntryDialog | None = None
        self.entry: LogEntry | None = None
        self.export_task: BackgroundTask[Any] | None = None
        self.search_task: BackgroundTask[Found] | None = None
        """The search running on a worker, if any (its hits replace the list when done)."""
        self._search_serial = 0  # a result is shown only if no later reload came first

        self._build_search()
        self._build_filters()
        self._build_list()
        self._build_actions()
        self._build_reader()
        self._lay_out()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._fill_choices()
        self._connect_signals()
        guard_wheel(self)
        self._show_nothing()
        self.reload()

    # -- building -------------------------------------------------------------------------
    def _build_search(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText('Search: words, "a phrase", prefix*, OR, NOT')
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search the log")
        self.find_action = QAction("Search the log", self)
        self.find_action.setShortcut(sequence("page.find"))
        self.addAction(self.find_action)

    def _build_filters(self) -> None:
        """Mentor, coach, kind, tag, sharing and the dates; the count under them."""
        self.mentor_combo = QComboBox()
        self.mentor_combo.setAccessibleName("Mentor")
        self.coach_combo = QComboBox()
        self.coach_combo.setAccessibleName("Coach")
        self.coach_combo.setToolTip("Only the entries linked to a sprint with this coach")
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("Every kind", "")
        for kind in EntryKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setAccessibleName("Kind")
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName("Tag")
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName("Sharing")
        self.scope_combo.addItem("Any sharing", "")
        for scope, text in SCOPE_LABELS.items():
            self.scope_combo.addItem(text, scope.value)
        self.dates_box = QCheckBox("From")
        self.since_edit = date_edit()
        self.since_edit.setAccessibleName("From date")
        self.until_edit = date_edit()
        self.until_edit.setAccessibleName("To date")
        today = local_today(self._clock)
        self.since_edit.setDate(to_qdate(date(today.year - 1, today.month, 1)))
        self.until_edit.setDate(to_qdate(today))
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        self.count_label = label("", "muted", wrap=True)

    def _build_list(self) -> None:
        """The list: the lazy history, or a search's hits."""
        self.model = HistoryListModel(self._fetch, self)
        self.search_model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("historyList")
        self._selection_connected = False
        self.list.setItemDelegate(TwoLineDelegate(self.list, uniform=True))
        self.list.setUniformItemSizes(True)  # a fixed row height: no measuring on scroll
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAccessibleName("Log entries, newest first")

    def _build_actions(self) -> None:
        """New entry, and Export with its private variant."""
        self.new_button = QPushButton("New entry")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Write a log entry (Ctrl+N)")
        self.export_button = QToolButton()
        self.export_button.setText("Export…")
        self.export_button.setToolTip(
            "Save the entries these filters (or this search) find as Markdown, HTML or PDF; "
            "entries scoped private are left out unless you choose otherwise"
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.export_private_action = QAction("Export, private entries included…", self)
        menu = QMenu(self.export_button)
        menu.addAction(self.export_private_action)
        self.export_button.setMenu(menu)
        self.export_note = label("", "muted", wrap=True)
        self.export_note.setVisible(False)

    def _build_reader(self) -> None:
        """The entry being read, with Edit and Delete under it."""
        self.reader = SafeTextBrowser()
        self.reader.setAccessibleName("The entry")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")

    def _lay_out(self) -> None:
        """The list and its filters on the left, the reader on the right."""
        filters = QGridLayout()
        filters.addWidget(self.mentor_combo, 0, 0)
        filters.addWidget(self.coach_combo, 0, 1)
        filters.addWidget(self.kind_combo, 1, 0)
        filters.addWidget(self.tag_combo, 1, 1)
        filters.addWidget(self.scope_combo, 2, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.dates_box)
        dates.addWidget(self.since_edit, 1)
        dates.addWidget(label("to"))
        dates.addWidget(self.until_edit, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(12, 16, 6, 12)
        top = QHBoxLayout()
        top.addWidget(self.new_button, 1)
        top.addWidget(self.export_button)
        column.addLayout(top)
        column.addWidget(self.search_edit)
        column.addLayout(filters)
        column.addLayout(dates)
        column.addWidget(self.count_label)
        column.addWidget(self.list, 1)
        column.addWidget(self.export_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(6, 16, 16, 12)
        right_column.addWidget(self.reader, 1)
        right_column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 700])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

    def _show_nothing(self, said: str = "") -> None:
        self.entry = None
        self.reader.setHtml(
            f"<p>{html.escape(said)}</p>"
            if said
            else "<p style='color: gray'>Choose an entry on the left to read it. "
            "Ctrl+N writes a new one, from any page.</p>"
        )
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.reload)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        for combo in (
            self.mentor_combo,
            self.coach_combo,
            self.kind_combo,
            self.tag_combo,
            self.scope_combo,
        ):
            combo.currentIndexChanged.connect(self.reload)
        self.dates_box.toggled.connect(self._on_dates_box_toggled)
        self.since_edit.dateChanged.connect(self.reload)
        self.until_edit.dateChanged.connect(self.reload)
        self.list.clicked.connect(self._on_list_clicked)
        self.list.activated.connect(self._on_list_clicked)
        self.new_button.clicked.connect(self.entry_requested)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_private_action.triggered.connect(self._on_export_private_action_triggered)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.reader.anchorClicked.connect(self._on_reader_anchor_clicked)
        self.model.rowsInserted.connect(self._show_count)  # more pages as the list scrolls

    # -- choices and filters --------------------------------------------------------------
    def _fill_choices(self) -> None:
        for combo in (self.mentor_combo, self.coach_combo, self.tag_combo):
            combo.blockSignals(True)
        keep_mentor, keep_tag = self.mentor_combo.currentData(), self.tag_combo.currentData()
        keep_coach = self.coach_combo.currentData()
        self.mentor_combo.clear()
        self.mentor_combo.addItem("Every mentor", 0)
        for mentor in self._services.mentorship.mentors():
            self.mentor_combo.addItem(mentor.name, mentor.id)
        self.coach_combo.clear()
        self.coach_combo.addItem("Every coach", 0)
        for coach in self._services.people.coach_list():
            self.coach_combo.addItem(coach.name, coach.id)
        self.coach_combo.setCurrentIndex(max(0, self.coach_combo.findData(keep_coach)))
        self.tag_combo.clear()
        self.tag_combo.addItem("Any tag", "")
        for name in self._services.mentorship.tag_names():  # names only: counting is slow
            self.tag_combo.addItem(name, name)
        self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(keep_mentor)))
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(keep_tag)))
        for combo in (self.mentor_combo, self.coach_combo, self.tag_combo):
            combo.blockSignals(False)

    def history_filter(self) -> HistoryFilter:
        """What the filters say."""
        kind, scope = self.kind_combo.currentData(), self.scope_combo.currentData()
        dated = self.dates_box.isChecked()
        return HistoryFilter(
            mentor_id=int(self.mentor_combo.currentData() or 0) or None,
            kind=EntryKind(kind) if kind else None,
            tag=str(self.tag_combo.currentData() or ""),
            scope=Scope(scope) if scope else None,
            since=from_qdate(self.since_edit.date()) if dated else None,
            until=from_qdate(self.until_edit.date()) if dated else None,
            coach_id=int(self.coach_combo.currentData() or 0) or None,
        )

    def export_request(self, *, include_private: bool = False) -> HistoryRequest:
        """What an export now writes: the search if one is typed, else the filters (a
        filter on private entries includes them)."""
        where = self.history_filter()
        return HistoryRequest(
            where,
            search=self.search_edit.text().strip(),
            include_private=include_private or where.scope is Scope.PRIVATE,
        )

    def export(self, *, include_private: bool = False) -> None:
        """Export what the page shows to a file the user picks (``ui/report_export``)."""
        request = self.export_request(include_private=include_private)
        sharing = Sharing(include_private=request.include_private)

        def saved(result: Saved[HistoryExport]) -> None:
            export = result.data
            count = len(export.items)
            left = f" ({export.left_out:,} private left out)" if export.left_out else ""
            what = f"{count:,} {'entry' if count == 1 else 'entries'}{left}"
            self._show_export_note(f"Exported {what} to {result.path}.")

        def failed(message: str) -> None:
            file_prompts.tell(self, EXPORT_TITLE, message, warning=True)
            self._show_export_note(message)

        save_report(
            self._ops,
            self,
            HISTORY,
            HISTORY.reading(self._services, request, sharing),
            caption=EXPORT_TITLE,
            suggested="mentorship-history.md",
            saved=saved,
            cannot_write=lambda path, exc: f"Cannot write {path}: {exc.strerror or exc}.",
            failed=failed,
            cancelled=lambda: self._show_export_note(
                "The export was cancelled; nothing was written."
            ),
            started=self._on_export_started,
        )

    def _on_export_started(self, task: BackgroundTask[Any] | None) -> None:
        self.export_task = task

    def _on_export_button_clicked(self) -> None:
        self.export()

    def _on_export_private_action_triggered(self) -> None:
        self.export(include_private=True)

    def _show_export_note(self, text: str) -> None:
        self.export_task = None
        self.export_note.setText(text)
        self.export_note.setVisible(True)

    def _fetch(self, after: tuple[datetime, int] | None, limit: int) -> list[HistoryRow]:
        return self._services.mentorship.history_page(self.history_filter(), after, limit)

    def reload(self) -> None:
        """Show the list again from the top, as the filters or the search say."""
        self._search_timer.stop()
        self._search_serial += 1  # a search still running is no longer wanted
        typed = self.search_edit.text().strip()
        # A search looks through the whole log; the filters narrow the list only.
        for widget in self._filters():
            widget.setEnabled(not typed)
        if typed:
            self._start_search(typed)
            return
        self.search_task = None
        self._use_model(self.model)
        self.model.reload()
        self._show_count()

    def _filters(self) -> list[QWidget]:
        return [
            self.mentor_combo,
            self.coach_combo,
            self.kind_combo,
            self.tag_combo,
            self.scope_combo,
            self.dates_box,
        ]

    def _show_count(self) -> None:
        if self.list.model() is not self.model:
            return
        shown = self.model.entry_count
        more = "" if self.model.complete else "+"
        self.count_label.setText(
            "No entries match these filters." if shown == 0 else f"{shown:,}{more} entries"
        )

    @property
    def searching(self) -> bool:
        """True while a search runs (the list shows what it showed before until then)."""
        return self.search_task is not None

    def _start_search(self, typed: str) -> None:
        """Search on a worker (on a large journal a search takes a tenth of a second or
        more, which the window must not stand still for); the hits replace the list."""
        serial = self._search_serial
        mentorship = self._services.mentorship

        def search() -> Found:
            try:
                return mentorship.search(typed, limit=SEARCH_LIMIT)
            except SearchQueryError as exc:  # what was typed cannot be searched: said
                return exc

        self.search_task = self._ops.query(
            self,
            search,
            lambda found: self._show_search(serial, typed, found),
            on_failure=lambda message: self._show_search(serial, typed, message),
        )

    def _show_search(self, serial: int, typed: str, found: Found | str) -> None:
        if serial != self._search_serial:
            return  # the filters, or another search, came since
        self.search_task = None
        self.search_model.clear()
        self._use_model(self.search_model)
        if not isinstance(found, SearchResults):
            self.count_label.setText(str(found))
            return
        for hit in found.hits:
            item = QStandardItem(hit.title)
            meta = [local_date(hit.occurred_at.astimezone().date(), "d MMM yyyy"), hit.kind.label]
            if hit.mentor_name:
                meta.append(hit.mentor_name)
            item.setData(f"{' · '.join(meta)} — {hit.snippet}", SUBTITLE_ROLE)
            item.setData(hit.id, ROW_ROLE)
            item.setEditable(False)
            self.search_model.appendRow(item)
        self.count_label.setText(_search_count(typed, found))

    def _use_model(self, model: HistoryListModel | QStandardItemModel) -> None:
        """Show ``model`` in the list; a new model brings a new selection model, which is
        connected again so the keyboard and clicks open entries."""
        if self.list.model() is model and self._selection_connected:
            return
        self.list.setModel(model)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self._selection_connected = True

    def show_mentor(self, mentor_id: int) -> None:
        """Show only ``mentor_id``'s entries (every kind, any time)."""
        self.search_edit.clear()
        self._fill_choices()
        for combo in (self.coach_combo, self.kind_combo, self.tag_combo, self.scope_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.dates_box.setChecked(False)
        self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(mentor_id)))
        self.reload()

    def show_coach(self, coach_id: int) -> None:
        """Show only the entries of ``coach_id``'s sprints (every kind, any time)."""
        self.search_edit.clear()
        self._fill_choices()
        for combo in (self.mentor_combo, self.kind_combo, self.tag_combo, self.scope_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.dates_box.setChecked(False)
        self.coach_combo.setCurrentIndex(max(0, self.coach_combo.findData(coach_id)))
        self.reload()

    def _on_dates_box_toggled(self, on: bool) -> None:
        self.since_edit.setEnabled(on)
        self.until_edit.setEnabled(on)
        self.reload()

    def _on_find_action_triggered(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Show what changed: the filters' choices, the list, the entry being read."""
        self.refresh()

    def refresh(self) -> None:
        """Read the filters' choices, the list and the entry being read again."""
        self._fill_choices()
        self.reload()
        if self.entry is not None:
            self.open_entry(self.entry.id)

    def flush_drafts(self) -> None:
        """Keep what is typed in an open form as a draft, and put the form away."""
        if self.dialog is not None:
            self.dialog.keep_draft()
            self.dialog.hide()

    # -- reading --------------------------------------------------------------------------
    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._on_list_clicked(current)

    def _on_list_clicked(self, index: QModelIndex) -> None:
        found = index.data(ROW_ROLE)
        entry_id = found.id if isinstance(found, HistoryRow) else found
        if isinstance(entry_id, int):
            self.open_entry(entry_id)

    def open_entry(self, entry_id: int) -> None:
        """Show entry ``entry_id`` in the reader (or say it is gone)."""
        try:
            entry = self._services.mentorship.entry(entry_id)
        except DomainError:
            self._show_nothing("This entry was deleted.")
            return
        self.entry = entry
        before, after = self._entry_html(entry)
        self.reader.show_markdown(entry.body, before, after)  # a long body on a worker
        self.edit_button.setEnabled(True)
        self.delete_button.setEnabled(True)

    def _entry_html(self, entry: LogEntry) -> tuple[str, str]:
        """The entry as HTML built from escaped text: what comes before its body and what
        after (the body goes through Qt's Markdown reader, any HTML in it left out)."""
        ms = self._services.mentorship
        esc = html.escape
        meta = [
            local_date(entry.occurred_at.astimezone().date(), "dddd d MMMM yyyy"),
            entry.kind.label,
        ]
        if entry.mentor_id is not None:
            with contextlib.suppress(DomainError):  # a deleted mentor is simply not named
                meta.append(ms.mentor(entry.mentor_id).name)
        parts = [f"<h2>{esc(entry.title)}</h2>", f"<p><i>{esc(' · '.join(meta))}</i></p>"]
        if entry.advice_status is not None:
            parts.append(
                f"<p><b>Advice status:</b> {esc(ADVICE_STATUS_LABELS[entry.advice_status])}</p>"
            )
        if entry.responds_to_id is not None:
            try:
                advice = ms.entry(entry.responds_to_id)
                parts.append(
                    f'<p>Answers the advice <a href="entry:{advice.id}">{esc(advice.title)}</a></p>'
                )
            except DomainError:
                pass
        before, parts = "\n".join(parts), []
        if entry.source_url:
            parts.append(
                f'<p>Source: <a href="{esc(entry.source_url, quote=True)}">'
                f"{esc(entry.source_url)}</a></p>"
            )
        if entry.tags:
            parts.append(f"<p><i>Tags: {esc(', '.join(entry.tags))}</i></p>")
        if entry.kind is EntryKind.ADVICE:
            answers = ms.answers_to(entry.id)
            if answers:
                parts.append("<p><b>What came of it:</b></p><ul>")
                for answer in answers:
                    day = local_date(answer.occurred_at.astimezone().date(), "d MMM yyyy")
                    parts.append(
                        f'<li>{esc(day)}: <a href="entry:{answer.id}">{esc(answer.title)}</a></li>'
                    )
                parts.append("</ul>")
        parts.append(
            f"<p><i>Shared: {esc(SCOPE_LABELS.get(entry.scope, entry.scope.value))}</i></p>"
        )
        return before, "\n".join(parts)

    def _on_reader_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "entry" and url.path().isdigit():
            self.open_entry(int(url.path()))
            return
        open_safe_link(url, self)  # anything else, "entry:abc" included, is checked there

    # -- editing --------------------------------------------------------------------------
    def new_entry(self, mentor_id: int | None = None) -> None:
        """Write a new entry."""
        dialog = EntryDialog(
            self._ops,
            self._services,
            self._drafts,
            self._clock,
            mentor_id=mentor_id,
            parent=self.window(),
        )
        self._open(dialog)

    def edit_entry(self) -> None:
        """Edit the entry being read."""
        if self.entry is None:
            return
        self._open(
            EntryDialog(
                self._ops, self._services, self._drafts, self._clock, entry=self.entry, parent=self
            )
        )

    def open_draft(self, key: DraftKey) -> bool:
        """Open the form a draft left from an earlier run was typed in (it restores the
        draft); False when the draft is not one of this page's."""
        if key.kind != "entry":
            return False
        if key.id is None:
            self.new_entry()
        else:
            self.open_entry(key.id)
            self.edit_entry()
        return True

    def _open(self, dialog: EntryDialog) -> None:
        def saved() -> None:
            if dialog.saved is not None:
                self.open_entry(dialog.saved.id)

        self.dialog = dialog
        dialog.show_modal(saved, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def delete_entry(self) -> None:
        """Delete the entry being read (Undo brings it back)."""
        entry = self.entry
        if entry is None:
            return
        if self._ops.write(self, lambda: self._services.mentorship.delete_entry(entry.id)) is None:
            return
        self._show_nothing(f"Deleted “{entry.title}”.")
        self._notices.say(
            f"Deleted “{entry.title}”.", "Undo", lambda: self._restore_entry(entry.id), undo=True
        )

    def _restore_entry(self, entry_id: int) -> None:
        outcome = self._ops.write(self, lambda: self._services.mentorship.restore_entry(entry_id))
        if outcome is not None:
            self.open_entry(outcome.value.id)


def _search_count(typed: str, found: SearchResults) -> str:
    """What the count line says of a search."""
    note = " (the filters apply to the list, not to searches)"
    if found.total == 0:
        return f"Nothing in the log matches {typed}."
    if found.total > len(found.hits):
        return f"{found.total:,} entries match; the newest {len(found.hits):,} are shown{note}."
    return f"{found.total:,} entries match, newest first{note}."
