"""Prepare session summary: the goal summary previewed as it will print, with an editable
"to discuss" list, private items on request, and Copy as Markdown / Print / Save as.

What is previewed, copied, printed and saved is one :class:`GoalSummary`: the preview and
the PDF are the same document with the same vector charts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from devjournal.exporting.summary import GoalSummary, summary_markdown
from devjournal.exporting.summary_html import summary_html
from devjournal.exporting.summary_pdf import summary_charts, summary_document, summary_pdf
from devjournal.render.goal_chart import chart_colors
from devjournal.render.report_document import print_document
from devjournal.ui.report_export import report_file_name, save_report_as
from devjournal.ui.theme import is_dark
from devjournal.ui.widgets.report_view import ReportView

MakeSummary = Callable[[bool], GoalSummary]
"""Reads the summary from the journal; the flag says whether private items are included."""


class SummaryDialog(QDialog):
    """The summary before a coaching session, ready to edit, copy, print or save."""

    def __init__(self, make: MakeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._include_private = False
        self._base = make(False)
        self._discuss: list[str] = list(self._base.to_discuss)
        self._edited = False
        self.saved_to: Path | None = None
        self.setWindowTitle(f"Session summary: {self._base.sprint_title}")
        self.resize(1080, 760)

        self.preview = ReportView()
        self.preview.setAccessibleName("Summary preview")

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("To discuss")
        heading.setObjectName("cardTitle")
        column.addWidget(heading)
        hint = QLabel(
            "Prefilled from goals at risk or behind and slipped commitments. "
            "Double-click to edit; drag to reorder."
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        column.addWidget(hint)
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
        self.private_box = QCheckBox("Include private items")
        self.private_box.setToolTip(
            "Goals and entries scoped private are left out of what you share unless you "
            "include them here."
        )

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 300])
        splitter.setChildrenCollapsible(False)

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
        self.status = QLabel()
        self.status.setObjectName("muted")
        buttons.addWidget(self.status)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

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
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_summary)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add_point)
        QShortcut(QKeySequence.StandardKey.Delete, self.discuss_list, self.remove_point)

        self._fill_list()
        self._render()
        self.close_button.setFocus()

    # -- the summary ----------------------------------------------------------------------
    @property
    def summary(self) -> GoalSummary:
        """The summary as shown: the journal's, with the user's "to discuss" list."""
        return dataclasses.replace(self._base, to_discuss=tuple(self._discuss))

    def set_include_private(self, include: bool) -> None:
        """Read the summary again with or without private items. An edited list keeps the
        user's points; points that came from private items leave with them."""
        if include == self._include_private:
            return
        before = self._base
        self._include_private = include
        self._base = self._make(include)
        if not self._edited:
            self._discuss = list(self._base.to_discuss)
        elif not include:
            private = set(before.to_discuss) - set(self._base.to_discuss)
            self._discuss = [point for point in self._discuss if point not in private]
        self._fill_list()
        if self.private_box.isChecked() != include:
            self.private_box.setChecked(include)
        self._render()

    def _render(self) -> None:
        summary = self.summary
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and is_dark(app)
        self.preview.show_report(
            summary_document(summary, font=self.preview.font()),
            summary_charts(summary, chart_colors(dark)),
        )
        if summary.left_out:
            self.private_box.setText(f"Include private items ({summary.left_out} left out)")
        elif self._include_private:
            self.private_box.setText("Include private items (mind who you share it with)")
        else:
            self.private_box.setText("Include private items (none to leave out)")
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
        """Save as Markdown, HTML or PDF."""
        summary = self.summary

        def saved(path: Path) -> None:
            self.saved_to = path
            self.status.setText(f"Saved to {path.name}.")

        save_report_as(
            self,
            report_file_name(summary.sprint_title, "session summary"),
            lambda: summary_markdown(summary).encode("utf-8"),
            lambda: summary_html(summary).encode("utf-8"),
            lambda: summary_pdf(summary),
            caption="Save session summary",
            on_saved=saved,
        )
