"""Export the History page's entries to Markdown, HTML or PDF: a save dialog, then the
export off the GUI thread behind a progress dialog with Cancel, written atomically (0600).

(Kept apart from the close-out report's export helper so the two can become one later.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from devjournal.domain.clock import Clock
from devjournal.domain.jobs import Progress
from devjournal.exporting.history_export import HistoryRequest, build_history, history_markdown
from devjournal.exporting.history_html import history_html
from devjournal.exporting.history_pdf import history_pdf
from devjournal.files import write_export
from devjournal.services.container import Services
from devjournal.ui import file_prompts
from devjournal.ui.background import BackgroundTask, run_with_progress

FILTERS = {
    "Markdown (*.md)": "md",
    "HTML, one self-contained file (*.html)": "html",
    "PDF (*.pdf)": "pdf",
}
TITLE = "Export the history"


def chosen_format(path: str, name_filter: str) -> tuple[Path, str]:
    """The file and format the user chose: the suffix they typed if it is one we write,
    otherwise the dialog's filter (whose suffix is then added)."""
    target = Path(path)
    suffix = target.suffix.lower().lstrip(".")
    if suffix in FILTERS.values():
        return target, suffix
    fmt = FILTERS.get(name_filter, "md")
    return target.with_name(f"{target.name}.{fmt}"), fmt


def render_history(
    services: Services, request: HistoryRequest, clock: Clock, fmt: str
) -> Callable[[Progress], tuple[bytes, str]]:
    """The job that reads and formats the history (run on a worker thread): the file's
    bytes, and how many entries it holds in words."""

    def job(progress: Progress) -> tuple[bytes, str]:
        export = build_history(services, request, clock(), progress)
        if fmt == "html":
            data = history_html(export, progress).encode("utf-8")
        elif fmt == "pdf":
            data = history_pdf(export, progress)
        else:
            data = history_markdown(export, progress).encode("utf-8")
        count = len(export.items)
        left = f" ({export.left_out:,} private left out)" if export.left_out else ""
        return data, f"{count:,} {'entry' if count == 1 else 'entries'}{left}"

    return job


def export_history(
    parent: QWidget,
    services: Services,
    request: HistoryRequest,
    clock: Clock,
    done: Callable[[str], None],
    *,
    started: Callable[[BackgroundTask[tuple[bytes, str]] | None], None] = lambda _task: None,
) -> None:
    """Ask where, then export ``request``'s entries there off the GUI thread; ``started``
    gets the running task, ``done`` what happened ("Exported … to FILE", that it was
    cancelled, or why it could not be written)."""

    def chosen(path: Path, name_filter: str) -> None:
        target, fmt = chosen_format(str(path), name_filter)

        def write(result: tuple[bytes, str]) -> None:
            data, what = result
            try:
                write_export(target, data)
            except OSError as exc:
                message = f"Cannot write {target}: {exc.strerror or exc}."
                file_prompts.tell(parent, TITLE, message, warning=True)
                done(message)
                return
            done(f"Exported {what} to {target}.")

        def cancelled() -> None:
            done("The export was cancelled; nothing was written.")

        def failed(message: str) -> None:
            file_prompts.tell(parent, TITLE, message, warning=True)
            done(message)

        started(
            run_with_progress(
                parent,
                TITLE,
                render_history(services, request, clock, fmt),
                write,
                on_cancel=cancelled,
                on_failure=failed,
            )
        )

    file_prompts.ask_for_file(
        parent,
        TITLE,
        save=True,
        suggested=str(Path.home() / "mentorship-history.md"),
        filters=";;".join(FILTERS),
        on_chosen=chosen,
    )
