"""Prepare session summary: the goal summary previewed as it will print, with an editable
"to discuss" list, private goals included one by one (or every private item), and Copy as
Markdown / Print / Save as.

What is previewed, copied, printed and saved is one :class:`GoalSummary`: the preview and
the PDF are the same document with the same vector charts. The document is the coach's
copy: what was left out, and hints for the user, are said here in the dialog, never in it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.sharing import Sharing, left_out_note
from devjournal.exporting.reports import SUMMARY
from devjournal.exporting.summary import GoalSummary, summary_markdown
from devjournal.exporting.summary_pdf import summary_charts, summary_document
from devjournal.render.goal_chart import chart_colors
from devjournal.render.report_document import print_document
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import for_mnemonic, plain_label
from devjournal.ui.report_export import Saved, cannot_save_report, report_file_name, save_report
from devjournal.ui.shortcuts import sequence
from devjournal.ui.theme import is_dark
from devjournal.ui.widgets.report_view import ReportView

MakeSummary = Callable[[Sharing], GoalSummary]
"""Reads the summary from the journal with what the user chose to share."""
DISCUSS_HINT = (
    "Prefilled from goals at risk or behind and slipped commitments. "
    "Double-click to edit; drag to reorder."
)
EMPTY_DISCUSS_HINT = (
    "Nothing to discuss yet: add your own points (Ctrl+Enter). Without any, the summary "
    "has no “To discuss” section."
)


class SummaryDialog(QDialog):
    """The summary before a coaching session, ready to edit, copy, print or save."""

    def __init__(
        self,
        ops: Ops,
        make: MakeSummary,
        parent: QWidget | None = None,
        *,
        sharing: Sharing | None = None,
    ) -> None:
        """``sharing``: what is shared at first (a goal the user asked the summary of is
        included, private or not, and its box says so)."""
        super().__init__(parent)
        self._ops = ops
        self._make = make
        self._sharing = sharing or Sharing()
        self._base = make(self._sharing)
        self._discuss: list[str] = list(self._base.to_discuss)
        self._edited = False
        self.saved_to: Path | None = None
        self.setWindowTitle(f"Session summary: {self._base.sprint_title}")
        self.resize(1080, 760)

        self.preview = ReportView()
        self.preview.setAccessibleName("Summary preview")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.preview)
        splitter.addWidget(self._side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())
        self._connect()

        self._fill_list()
        self._show_sharing()
        self._render()
        self.close_button.setFocus()

    # -- its parts ------------------------------------------------------------------------
    def _side(self) -> QWidget:
        """The column beside the preview: the "to discuss" list, with Add and Remove, and
        the private goals that can be included one by one."""
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        heading = plain_label("To discuss")
        heading.setObjectName("cardTitle")
        column.addWidget(heading)
        self.discuss_hint = plain_label(DISCUSS_HINT)
        self.discuss_hint.setObjectName("muted")
        self.discuss_hint.setWordWrap(True)
        column.addWidget(self.discuss_hint)
        self.discuss_list = QListWidget()
        self.discuss_list.setAccessibleName("To discuss")
        self.discuss_list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.discuss_list.setWordWrap(True)
        self.discuss_list.setSpacing(3)
        self.discuss_list.setAlternatingRowColors(True)
        column.addWidget(self.discuss_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.add_button.setToolTip("Add a point to discuss (Ctrl+Enter)")
        self.remove_button.setToolTip("Remove the selected point (Delete)")
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._private_goals())
        return side

    def _private_goals(self) -> QWidget:
        """The private goals left out of this copy, a box each to include it (hidden when
        there are none)."""
        self.private_goals = QWidget()
        private_column = QVBoxLayout(self.private_goals)
        private_column.setContentsMargins(0, 12, 0, 0)
        private_heading = plain_label("Private goals")
        private_heading.setObjectName("cardTitle")
        private_column.addWidget(private_heading)
        private_hint = plain_label(
            "Left out of this copy, with their check-ins, commitments and notes. "
            "Tick a goal to include it."
        )
        private_hint.setObjectName("muted")
        private_hint.setWordWrap(True)
        private_column.addWidget(private_hint)
        self.goal_boxes: dict[int, QCheckBox] = {}
        for goal in self._base.private_goals:
            box = QCheckBox(for_mnemonic(goal.title))
            box.setAccessibleName(f"Include the private goal {goal.title}")
            box.toggled.connect(partial(self.set_goal_included, goal.id))
            self.goal_boxes[goal.id] = box
            private_column.addWidget(box)
        if not self.goal_boxes:  # (shown before it has a parent, it would be a window)
            self.private_goals.hide()
        return self.private_goals

    def _buttons(self) -> QHBoxLayout:
        """The bottom row: Copy as Markdown, Print…, Save as…, the box that includes every
        private item, the status (a saved file's name) and Close."""
        self.private_box = QCheckBox("Include every private item")
        self.private_box.setToolTip(
            "Goals, sessions and entries scoped private are left out of what you share "
            "unless you include them here."
        )
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("Copy as Markdown")
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as…")
        self.save_button.setObjectName("primary")
        self.close_button = QPushButton("Close")
        self.copy_button.setToolTip("Copy the summary as Markdown, to paste in a chat or email")
        self.save_button.setToolTip("Save as Markdown, HTML or PDF (Ctrl+S)")
        for button in (self.copy_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.private_box)
        buttons.addStretch(1)
        self.status = plain_label()  # says a file's name
        self.status.setObjectName("muted")
        buttons.addWidget(self.status)
        buttons.addWidget(self.close_button)
        return buttons

    def _connect(self) -> None:
        """Wire the buttons, the list and the shortcuts (Ctrl+S, Ctrl+P, Ctrl+Enter,
        Delete)."""
        self.add_button.clicked.connect(self.add_point)
        self.remove_button.clicked.connect(self.remove_point)
        self.discuss_list.itemChanged.connect(self._on_list_changed)
        self.discuss_list.model().rowsMoved.connect(self._on_list_changed)
        self.discuss_list.currentRowChanged.connect(self._update_buttons)
        self.private_box.toggled.connect(self.set_include_private)
        self.copy_button.clicked.connect(self.copy_markdown)
        self.print_button.clicked.connect(self.print_summary)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        QShortcut(sequence("report.save"), self, self.save_as)
        QShortcut(sequence("report.print"), self, self.print_summary)
        QShortcut(sequence("report.add_point"), self, self.add_point)
        QShortcut(sequence("report.remove_point"), self.discuss_list, self.remove_point)

    # -- the summary ----------------------------------------------------------------------
    @property
    def summary(self) -> GoalSummary:
        """The summary as shown: the journal's, with the user's "to discuss" list."""
        return dataclasses.replace(self._base, to_discuss=tuple(self._discuss))

    @property
    def sharing(self) -> Sharing:
        """What this copy shares."""
        return self._sharing

    def set_include_private(self, include: bool) -> None:
        """Include every private item, or none but the goals ticked one by one."""
        self._share(dataclasses.replace(self._sharing, include_private=include))

    def set_goal_included(self, goal_id: int, include: bool) -> None:
        """Include private goal ``goal_id`` (with its check-ins, commitments and notes)."""
        self._share(self._sharing.with_goal(goal_id, include))

    def _share(self, sharing: Sharing) -> None:
        """Read the summary again with what ``sharing`` shares. An edited list keeps the
        user's points; points that came from items now left out leave with them."""
        if sharing == self._sharing:
            return
        before = self._base
        self._sharing = sharing
        self._base = self._make(sharing)
        if not self._edited:
            self._discuss = list(self._base.to_discuss)
        else:
            gone = set(before.to_discuss) - set(self._base.to_discuss)
            self._discuss = [point for point in self._discuss if point not in gone]
        self._fill_list()
        self._show_sharing()
        self._render()

    def _show_sharing(self) -> None:
        """The boxes say what is shared: every goal is ticked (and fixed) while every
        private item is included."""
        everything = self._sharing.include_private
        for box in (self.private_box, *self.goal_boxes.values()):
            box.blockSignals(True)
        self.private_box.setChecked(everything)
        for goal_id, box in self.goal_boxes.items():
            box.setChecked(everything or goal_id in self._sharing.goal_ids)
            box.setEnabled(not everything)
        for box in (self.private_box, *self.goal_boxes.values()):
            box.blockSignals(False)

    def _render(self) -> None:
        summary = self.summary
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and is_dark(app)
        self.preview.show_report(
            summary_document(summary, font=self.preview.font()),
            summary_charts(summary, chart_colors(dark)),
        )
        if summary.left_out:
            self.private_box.setText(f"Include every private item{left_out_note(summary.left_out)}")
        elif self._sharing.include_private or self._sharing.goal_ids:
            self.private_box.setText("Include every private item (mind who you share it with)")
        else:
            self.private_box.setText("Include every private item (none to leave out)")
        self._update_buttons()

    # -- the "to discuss" list ------------------------------------------------------------
    def _fill_list(self) -> None:
        self.discuss_list.blockSignals(True)
        self.discuss_list.clear()
        for text in self._discuss:
            self.discuss_list.addItem(self._item(text))
        self.discuss_list.blockSignals(False)
        self._update_buttons()

    @staticmethod
    def _item(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_point(self) -> None:
        """Add a point to discuss and start typing it."""
        item = self._item("")
        self.discuss_list.addItem(item)
        self.discuss_list.setCurrentItem(item)
        self.discuss_list.editItem(item)

    def remove_point(self) -> None:
        """Remove the selected point."""
        row = self.discuss_list.currentRow()
        if row < 0:
            return
        self.discuss_list.takeItem(row)
        self._on_list_changed()

    def set_points(self, points: list[str]) -> None:
        """Replace the list (as a user editing it would)."""
        self._discuss = list(points)
        self._edited = True
        self._fill_list()
        self._render()

    def _on_list_changed(self, *_: object) -> None:
        texts = [self.discuss_list.item(i).text() for i in range(self.discuss_list.count())]
        self._discuss = [" ".join(t.split()) for t in texts if t.strip()]
        self._edited = True
        self._render()

    def _update_buttons(self, *_: object) -> None:
        self.remove_button.setEnabled(self.discuss_list.currentRow() >= 0)
        self.discuss_hint.setText(DISCUSS_HINT if self.discuss_list.count() else EMPTY_DISCUSS_HINT)

    # -- sharing --------------------------------------------------------------------------
    def copy_markdown(self) -> None:
        """Put the summary on the clipboard as Markdown."""
        QGuiApplication.clipboard().setText(summary_markdown(self.summary))
        self.status.setText("Copied as Markdown.")

    def print_to(self, printer: QPrinter) -> int:
        """Print the summary on ``printer``; returns the number of pages."""
        summary = self.summary
        return print_document(
            summary_document(summary), summary_charts(summary), printer, footer=summary.sprint_title
        )

    def print_summary(self) -> None:
        """Ask for a printer, then print."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{self._base.sprint_title}: session summary")
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            pages = self.print_to(printer)
            self.status.setText(f"Sent {pages} page(s) to the printer.")

        dialog.accepted.connect(accepted)
        self.print_dialog = dialog
        QDialog.open(dialog)  # window-modal, without blocking (QPrintDialog.open wants a slot)

    def save_as(self) -> None:
        """Save as Markdown, HTML or PDF (``ui/report_export``)."""
        summary = self.summary.for_the_coach()

        def saved(result: Saved[GoalSummary]) -> None:
            self.saved_to = result.path
            self.status.setText(f"Saved to {result.path.name}.")

        save_report(
            self._ops,
            self,
            SUMMARY,
            lambda _progress: summary,  # read already, as the user shares it
            caption="Save session summary",
            suggested=report_file_name(summary.sprint_title, "session summary"),
            saved=saved,
            cannot_write=cannot_save_report,
        )
