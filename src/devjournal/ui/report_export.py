"""Saving a report from the window: a save dialog offering Markdown, HTML and PDF (the
format chosen by the file's suffix, else by the filter), the file written atomically
(0600), and a clear message when it cannot be written. Used for the close-out report; any
report with the three makers can use :func:`save_report_as`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from devjournal.domain.models import LogEntry
from devjournal.files import write_export
from devjournal.services.coaching_service import CoachingService
from devjournal.ui import file_prompts

Maker = Callable[[], bytes]
FILTERS = (("Markdown (*.md)", "md"), ("HTML (*.html)", "html"), ("PDF (*.pdf)", "pdf"))
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def report_file_name(title: str, what: str) -> str:
    """A file name for a report on ``title``: ``Review faster - close-out.md``."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    return f"{' '.join(safe.split())[:80] or 'report'} - {what}.md"


def save_report_as(
    parent: QWidget,
    default_name: str,
    make_md: Maker,
    make_html: Maker,
    make_pdf: Maker,
    *,
    caption: str = "Export report",
    on_saved: Callable[[Path], None] = lambda _path: None,
) -> None:
    """Ask where to save the report, then write it there and call ``on_saved`` with the
    file; nothing happens when the user cancels, and a failed write is explained."""

    def write(chosen: Path, selected: str) -> None:
        path = chosen
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:  # no known suffix: the filter decides, and gives it
            fmt = dict(FILTERS).get(selected, "md")
            path = path.with_name(f"{path.name}.{fmt}")
        makers = {"md": make_md, "html": make_html, "pdf": make_pdf}
        try:
            write_export(path, makers[fmt]())
        except OSError as exc:
            file_prompts.tell(
                parent,
                caption,
                f"Could not save the report to {path}:\n{exc.strerror or exc}.",
                warning=True,
            )
            return
        on_saved(path)

    file_prompts.ask_for_file(
        parent,
        caption,
        save=True,
        suggested=str(Path.home() / default_name),  # not the folder the app started in
        filters=";;".join(name for name, _ in FILTERS),
        on_chosen=write,
    )


def open_file(path: Path) -> None:
    """Open a saved report in the app the system opens its kind of file with."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def export_closeout(
    parent: QWidget,
    coaching: CoachingService,
    entries_of_sprint: Callable[[int], Sequence[LogEntry]],
    sprint_id: int,
    now: datetime,
    *,
    on_saved: Callable[[Path, int], None],
) -> None:
    """Save sprint ``sprint_id``'s close-out report (private items left out); ``on_saved``
    gets the file and how many private items were left out."""
    from devjournal.exporting.closeout import build_closeout, closeout_markdown  # noqa: PLC0415
    from devjournal.exporting.closeout_html import closeout_html  # noqa: PLC0415
    from devjournal.exporting.closeout_pdf import closeout_pdf  # noqa: PLC0415

    report = build_closeout(
        coaching.sprint_view(sprint_id),
        coaching.sessions_view(sprint_id),
        entries_of_sprint(sprint_id),
        now,
    )
    save_report_as(
        parent,
        report_file_name(report.sprint_title, "close-out"),
        lambda: closeout_markdown(report).encode("utf-8"),
        lambda: closeout_html(report).encode("utf-8"),
        lambda: closeout_pdf(report),
        caption="Export close-out report",
        on_saved=lambda path: on_saved(path, report.left_out),
    )
