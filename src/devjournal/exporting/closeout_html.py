"""The close-out report as one self-contained HTML file (see ``report_html``)."""

from __future__ import annotations

from devjournal.exporting.closeout import CloseoutReport
from devjournal.exporting.report_html import render_report


def closeout_html(report: CloseoutReport) -> str:
    """The report as HTML. Needs a QGuiApplication (the charts are painted)."""
    return render_report(
        "closeout.html.j2",
        report,
        report.goals,
        report.as_of,
        f"{report.generated_at.astimezone():%Y-%m-%d %H:%M}",
    )
