"""The goal summary as one self-contained HTML file (see ``report_html``)."""

from __future__ import annotations

from devjournal.exporting.report_html import render_report
from devjournal.exporting.summary import GoalSummary


def summary_html(summary: GoalSummary) -> str:
    """The summary as HTML. Needs a QGuiApplication (the charts are painted)."""
    return render_report(
        "summary.html.j2",
        summary,
        summary.goals,
        summary.generated_at.astimezone().date(),
        f"{summary.generated_at.astimezone():%Y-%m-%d %H:%M}",
    )
