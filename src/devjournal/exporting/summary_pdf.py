"""The goal summary as a PDF (A4, paged, the charts as vectors) and as a document for the
preview and the printer: the same Markdown as the ``.md`` export, laid out by Qt."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextDocument

from devjournal.exporting.report_charts import goal_charts
from devjournal.exporting.summary import GoalSummary, summary_markdown
from devjournal.render.goal_chart import ChartColors, GoalChart
from devjournal.render.report_document import document_pdf, report_document


def summary_charts(summary: GoalSummary, colors: ChartColors | None = None) -> dict[str, GoalChart]:
    """Each goal's chart, by the key the Markdown names it with."""
    return goal_charts(summary.goals, summary.generated_at.astimezone().date(), colors)


def summary_document(
    summary: GoalSummary,
    *,
    font: QFont | None = None,
    text_color: QColor | None = None,
) -> QTextDocument:
    """The summary as a document with a line for each chart (see :func:`summary_charts`)."""
    return report_document(summary_markdown(summary, charts=True), font=font, text_color=text_color)


def summary_pdf(summary: GoalSummary) -> bytes:
    """The summary as A4 PDF bytes. Needs a QGuiApplication."""
    doc = summary_document(summary)
    return document_pdf(
        doc,
        summary_charts(summary),
        title=f"{summary.sprint_title}: goal summary",
        footer=summary.sprint_title,
    )
