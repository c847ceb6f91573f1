"""The close-out report as a PDF (A4, paged, the charts as vectors), laid out by Qt from the
same Markdown as the ``.md`` export (see ``summary_pdf``; charts: ``report_charts``)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextDocument

from devjournal.exporting.closeout import CloseoutReport, closeout_markdown
from devjournal.exporting.report_charts import goal_charts
from devjournal.render.goal_chart import ChartColors, GoalChart
from devjournal.render.report_document import document_pdf, report_document


def closeout_charts(
    report: CloseoutReport, colors: ChartColors | None = None
) -> dict[str, GoalChart]:
    """Each goal's chart as of the day the sprint closed (or today), by its Markdown key."""
    return goal_charts(report.goals, report.as_of, colors)


def closeout_document(
    report: CloseoutReport, *, font: QFont | None = None, text_color: QColor | None = None
) -> QTextDocument:
    """The report as a document with a line for each chart (see :func:`closeout_charts`)."""
    return report_document(closeout_markdown(report, charts=True), font=font, text_color=text_color)


def closeout_pdf(report: CloseoutReport) -> bytes:
    """The report as A4 PDF bytes. Needs a QGuiApplication."""
    return document_pdf(
        closeout_document(report),
        closeout_charts(report),
        title=f"{report.sprint_title}: close-out report",
        footer=report.sprint_title,
    )
