"""The mentorship history as one self-contained HTML file: everything a user typed is
autoescaped by Jinja2, and each body is their Markdown (as the .md file has it:
``body_markdown``) rendered by Qt's reader with HTML kept as text, images as text and only
web links live (no script, nothing loaded); no control characters (``for_file``)."""

from __future__ import annotations

from markupsafe import Markup

from devjournal.domain.jobs import Progress, no_progress
from devjournal.domain.text import for_file
from devjournal.exporting.history_export import (
    FORMAT_STEP,
    TITLE,
    HistoryExport,
    HistoryItem,
    body_markdown,
    entry_facts,
    ref_text,
)
from devjournal.exporting.report_html import environment
from devjournal.exporting.report_text import day as _day
from devjournal.render.safe_markdown import safe_markdown_html


def history_html(export: HistoryExport, progress: Progress | None = None) -> str:
    """The history as HTML. Needs a QGuiApplication (Qt reads the bodies' Markdown)."""
    progress = progress or no_progress()
    bodies: dict[int, Markup] = {}
    for done, item in enumerate(export.items):
        if done % FORMAT_STEP == 0:
            progress.report(done, len(export.items), f"Writing entries… {done:,}")
        if item.body.strip():
            # The same Markdown as the .md file and the PDF (images and unsafe links as
            # text); safe by construction: Qt escapes every character the user typed.
            bodies[item.id] = Markup(safe_markdown_html(body_markdown(item.body), for_file=True))

    def facts(item: HistoryItem) -> str:
        return " · ".join(entry_facts(item))

    page = (
        environment()
        .get_template("history.html.j2")
        .render(
            x=export,
            title=TITLE,
            day=_day,
            facts=facts,
            ref=ref_text,
            bodies=bodies,
            generated=f"{export.generated_at.astimezone():%Y-%m-%d %H:%M}",
        )
    )
    return for_file(page)
