"""The mentorship history as a PDF (A4, paged, page footers): the same Markdown as the
``.md`` export, laid out by Qt (HTML in a body stays text, images are left out)."""

from __future__ import annotations

from devjournal.domain.jobs import Progress, no_progress
from devjournal.exporting.history_export import TITLE, HistoryExport, history_markdown
from devjournal.render.report_document import document_pdf, report_document


def history_pdf(export: HistoryExport, progress: Progress | None = None) -> bytes:
    """The history as A4 PDF bytes. Needs a QGuiApplication.

    Progress is reported while the Markdown is written; laying out and painting the pages
    is one step at the end (a cancel is noticed after it).
    """
    progress = progress or no_progress()
    markdown = history_markdown(export, progress)
    total = len(export.items)
    progress.report(total, total, f"Laying out {total:,} entries as pages…")
    doc = report_document(markdown)
    data = document_pdf(doc, {}, title=TITLE, footer=TITLE)
    progress.report(total, total, "Done.")
    return data
