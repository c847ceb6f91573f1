"""Review of a period: pick the days (or a quick choice), see the review as it will print,
include private items or not, then Print or Save as Markdown, HTML or PDF.

The review is read off the GUI thread (``Ops.query``: a year of the stress journal is
thousands of entries), a moment after the range last changed; an answer overtaken by a
later change is dropped. What was left out is said here, never in the document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import local_today
from devjournal.domain.jobs import no_progress
from devjournal.domain.sharing import Sharing, left_out_note
from devjournal.exporting.reports import REVIEW
from devjournal.exporting.review import PeriodReview, ReviewRequest, preset_ranges, range_text
from devjournal.exporting.review_pdf import review_document, review_footer
from devjournal.render.report_document import print_document
from devjournal.services.container import Services
from devjournal.ui.formatting import date_edit, from_qdate, to_qdate
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.report_export import Saved, cannot_save_report, report_file_name, save_report
from devjournal.ui.shortcuts import sequence
from devjournal.ui.widgets.report_view import ReportView

SETTLE_MS = 250
"""How long the range must stay put before it is read (typing a date changes it often)."""


class ReviewDialog(QDialog):
    """The review of a period, ready to print or save."""

    def __init__(self, ops: Ops, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._services = services
        self._asked = 0  # the ticket of the last read asked for
        self._shown = -1  # the ticket of the review shown
        self.review: PeriodReview | None = None
        self.saved_to: Path | None = None
        self.setWindowTitle("Review of a period")
        self.resize(980, 760)
        self._presets = preset_ranges(local_today(services.clock))

        self.preview = ReportView()
        self.preview.setAccessibleName("Review preview")
        layout = QVBoxLayout(self)
        layout.addLayout(self._range_row())
        self.problem = plain_label()
        self.problem.setObjectName("error")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._buttons())

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self._connect()
        self.set_range(self._presets[0][1])
        self.refresh()
        self.close_button.setFocus()

    # -- its parts ------------------------------------------------------------------------
    def _range_row(self) -> QHBoxLayout:
        """From and To, and a button for each quick choice."""
        row = QHBoxLayout()
        self.from_edit, self.to_edit = date_edit(), date_edit()
        self.from_edit.setAccessibleName("From")
        self.to_edit.setAccessibleName("To")
        for text, edit in (("From", self.from_edit), ("To", self.to_edit)):
            label = plain_label(f"{text}:")
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit)
        row.addSpacing(12)
        self.preset_buttons: dict[str, QPushButton] = {}
        for text, request in self._presets:
            button = QPushButton(text)
            button.setToolTip(range_text(request.start, request.end))
            button.clicked.connect(lambda _=False, r=request: self.set_range(r))
            self.preset_buttons[text] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _buttons(self) -> QHBoxLayout:
        """Print…, Save as…, the box that includes private items, the status, Close."""
        buttons = QHBoxLayout()
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as…")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save as Markdown, HTML or PDF (Ctrl+S)")
        self.private_box = QCheckBox("Include private items")
        self.private_box.setToolTip(
            "Goals, commitments and entries scoped private are left out of what you share "
            "unless you include them here."
        )
        self.close_button = QPushButton("Close")
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.private_box)
        buttons.addStretch(1)
        self.status = plain_label()  # what is being read, a saved file's name
        self.status.setObjectName("muted")
        buttons.addWidget(self.status)
        buttons.addWidget(self.close_button)
        return buttons

    def _connect(self) -> None:
        self.from_edit.dateChanged.connect(self._range_changed)
        self.to_edit.dateChanged.connect(self._range_changed)
        self.private_box.toggled.connect(self._range_changed)
        self.print_button.clicked.connect(self.print_review)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        QShortcut(sequence("report.save"), self, self.save_as)
        QShortcut(sequence("report.print"), self, self.print_review)

    # -- the range ------------------------------------------------------------------------
    @property
    def request(self) -> ReviewRequest:
        """The range the fields say."""
        return ReviewRequest(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))

    @property
    def sharing(self) -> Sharing:
        """What this copy shares."""
        return Sharing(include_private=self.private_box.isChecked())

    def set_range(self, request: ReviewRequest) -> None:
        """Show ``request``'s days in the fields (the preview follows)."""
        for edit, day in ((self.from_edit, request.start), (self.to_edit, request.end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self._range_changed()

    def _range_changed(self, *_: object) -> None:
        problem = self.request.problem
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self._asked += 1  # an answer on its way is for a range no longer asked
        self._enable()
        if not problem:
            self.status.setText("Reading the journal…")
            self._settle.start()

    def _enable(self) -> None:
        ready = self.review is not None and not self.request.problem
        ready = ready and self._asked == self._shown
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready)

    def refresh(self) -> None:
        """Read the review of the range, and lay it out as a document, off the GUI thread
        (a decade of the stress journal is a document of hundreds of pages); show it when
        it comes."""
        self._settle.stop()
        request, sharing = self.request, self.sharing
        if request.problem:
            return
        ticket = self._asked
        services, font, home = self._services, self.preview.font(), self.thread()

        def read() -> tuple[PeriodReview, QTextDocument]:
            review = REVIEW.gather(services, request, sharing, no_progress())
            document = review_document(review, font=font)
            document.moveToThread(home)  # handed to the GUI thread, which only shows it
            return review, document

        def done(answer: tuple[PeriodReview, QTextDocument]) -> None:
            review, document = answer
            if ticket == self._asked:
                self.show_review(review, ticket, document)
            else:
                document.deleteLater()  # a range no longer asked for

        self._ops.query(self, read, done)

    def show_review(
        self, review: PeriodReview, ticket: int, document: QTextDocument | None = None
    ) -> None:
        """Show ``review`` (laid out as ``document``, or now) in the preview, and what was
        left out of it beside the box."""
        self.review = review
        self._shown = ticket
        shown = document or review_document(review, font=self.preview.font())
        self.preview.show_report(shown, {})
        note = left_out_note(review.left_out)
        if note:
            self.private_box.setText(f"Include private items{note}")
        elif review.include_private:
            self.private_box.setText("Include private items (mind who you share it with)")
        else:
            self.private_box.setText("Include private items (none to leave out)")
        self.status.setText("")
        self._enable()

    # -- print and save -------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> int:
        """Print the review shown on ``printer``; returns the number of pages."""
        review = self.review
        if review is None:
            return 0
        return print_document(review_document(review), {}, printer, footer=review_footer(review))

    def print_review(self) -> None:
        """Ask for a printer, then print."""
        if not self.print_button.isEnabled() or self.review is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(review_footer(self.review))
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            pages = self.print_to(printer)
            self.status.setText(f"Sent {pages} page(s) to the printer.")

        dialog.accepted.connect(accepted)
        self.print_dialog = dialog
        QDialog.open(dialog)  # window-modal, without blocking (QPrintDialog.open wants a slot)

    def save_as(self) -> None:
        """Save the review shown as Markdown, HTML or PDF (``ui/report_export``)."""
        review = self.review
        if not self.save_button.isEnabled() or review is None:
            return

        def saved(result: Saved[PeriodReview]) -> None:
            self.saved_to = result.path
            self.status.setText(f"Saved to {result.path.name}.")

        save_report(
            self._ops,
            self,
            REVIEW,
            lambda _progress: review,  # read already, as the user shares it
            caption="Save the review of the period",
            suggested=report_file_name(_file_title(review.start, review.end), "review"),
            saved=saved,
            cannot_write=cannot_save_report,
        )


def _file_title(start: date, end: date) -> str:
    """``2025-11-19 to 2026-11-18``."""
    return f"{start.isoformat()} to {end.isoformat()}"
