"""The review of the period as a PDF (A4, paged, page footers) and as a document for the
preview and the printer: the same Markdown as the ``.md`` export, laid out by Qt
(``render/report_document``)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextDocument

from devjournal.exporting.review import TITLE, PeriodReview, review_markdown
from devjournal.render.report_document import document_pdf, report_document


def review_footer(review: PeriodReview) -> str:
    """The line at the foot of each page: ``Review of the period, 1 Dec 2025 – 30 Nov 2026``."""
    return f"{TITLE}, {review.range}"


def review_document(
    review: PeriodReview, *, font: QFont | None = None, text_color: QColor | None = None
) -> QTextDocument:
    """The review as a document (no charts)."""
    return report_document(review_markdown(review), font=font, text_color=text_color)


def review_pdf(review: PeriodReview) -> bytes:
    """The review as A4 PDF bytes. Needs a QGuiApplication."""
    return document_pdf(
        review_document(review), {}, title=review_footer(review), footer=review_footer(review)
    )
