"""The window's one way to save a report (``exporting/reports.py``) to a file:

1. ask for the file (``file_prompts.ask_for_file``; the format is the suffix typed if it is
   one of the report's, else the dialog's filter, whose suffix is then added);
2. run the report's gather step (the privacy rule applied) and its writer off the GUI
   thread, behind a progress dialog with Cancel (:meth:`Ops.with_progress`, one long
   operation at a time);
3. write the file atomically (0600) with ``files.write_export``, the one writer (it refuses
   a journal file's name);
4. say so where the caller says things, and offer Open and Show in folder.

A problem is a message in words, and nothing is written. Every export in the window goes
through :func:`save_report`::

    save_report(
        ops, page, HISTORY, HISTORY.reading(services, request, sharing),
        caption="Export the history", suggested="mentorship-history.md",
        saved=lambda saved: note(f"Exported {len(saved.data.items):,} entries to {saved.path}."),
    )
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from devjournal.domain.errors import DomainError
from devjournal.domain.jobs import Progress
from devjournal.exporting.reports import Format, Report
from devjournal.files import write_export
from devjournal.ui import file_prompts
from devjournal.ui.background import BackgroundTask
from devjournal.ui.ops import Ops

D = TypeVar("D")
Role = QMessageBox.ButtonRole


def report_file_name(title: str, what: str) -> str:
    """A file name for a report on ``title``: ``Review faster - close-out.md``."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    return f"{' '.join(safe.split())[:80] or 'report'} - {what}.md"


def cannot_save(path: Path, exc: OSError) -> str:
    """How a failed write is said: ``Could not save {path}: {reason}.``."""
    return f"Could not save {path}: {exc.strerror or exc}."


def cannot_save_report(path: Path, exc: OSError) -> str:
    """How a failed write of a sprint's report is said (the summary, the close-out)."""
    return f"Could not save the report to {path}:\n{exc.strerror or exc}."


@dataclass(frozen=True)
class Saved(Generic[D]):
    """A report written to a file: where, in which format, and the data it was made from
    (for the caller's note: how many entries, how many private items stayed out)."""

    path: Path
    format: Format
    data: D


def target_of(
    report: Report[Any, Any], chosen: Path, name_filter: str, formats: tuple[Format, ...] = ()
) -> tuple[Path, Format]:
    """The file and format the user chose: the suffix they typed if it is one of the
    report's ``formats`` (all of them by default), otherwise the dialog's filter, whose
    suffix is then added."""
    fmt = report.chosen(chosen, name_filter, formats)
    if chosen.suffix.lower() in fmt.suffixes:
        return chosen, fmt
    return chosen.with_name(f"{chosen.name}{fmt.suffix}"), fmt


def save_report(
    ops: Ops,
    parent: QWidget,
    report: Report[Any, D],
    gather: Callable[[Progress], D],
    *,
    caption: str,
    suggested: str,
    saved: Callable[[Saved[D]], None],
    formats: tuple[Format, ...] = (),
    keep_name: bool = False,
    cannot_write: Callable[[Path, OSError], str] = cannot_save,
    failed: Callable[[str], None] | None = None,
    cancelled: Callable[[], None] = lambda: None,
    started: Callable[[BackgroundTask[Any] | None], None] = lambda _task: None,
) -> None:
    """Ask where to save ``report`` (``caption``, ``suggested`` file name in the home
    folder), then gather (``gather``: the report's gather step as a job, e.g.
    ``report.reading(services, request, sharing)``), build and write it off the GUI thread.

    ``saved`` says where the file went (the caller's note: a status line, the notice bar);
    then Open and Show in folder are offered (:func:`offer_saved`). ``cannot_write``
    words a write that failed; ``failed`` gets any failure's message (shown in a message
    box when not given); ``cancelled`` runs when the user cancelled; ``started`` gets the
    running task (None when another export or import is running). Nothing happens when
    the user closes the file dialog. With ``keep_name`` the file is written under the name
    typed, suffix or not (the whole-journal JSON and the check-ins CSV, as they always were).
    """
    offered = formats or report.formats

    def chosen(path: Path, name_filter: str) -> None:
        target, fmt = target_of(report, path, name_filter, offered)
        if keep_name:
            target = path

        def job(progress: Progress) -> Saved[D]:
            data = gather(progress)
            content = report.build(data, fmt.name, progress)
            progress.report(1, 1, f"Writing {target.name}…")
            try:
                write_export(target, content)
            except OSError as exc:
                raise DomainError(cannot_write(target, exc)) from exc
            return Saved(target, fmt, data)

        def done(result: Saved[D]) -> None:
            saved(result)
            offer_saved(parent, caption, result.path)

        started(
            ops.with_progress(parent, caption, job, done, on_failure=failed, on_cancel=cancelled)
        )

    file_prompts.ask_for_file(
        parent,
        caption,
        save=True,
        suggested=str(Path.home() / suggested),  # not the folder the app started in
        filters=";;".join(f.filter for f in offered),
        on_chosen=chosen,
    )


def open_file(path: Path) -> None:
    """Open a saved file in the app the system opens its kind of file with."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> None:
    """Open the folder a saved file is in, in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def offer_saved(parent: QWidget, caption: str, path: Path) -> QMessageBox:
    """Say that ``path`` was saved, with Open, Show in folder and Close (window-modal,
    without blocking)."""
    box = QMessageBox(QMessageBox.Icon.Information, caption, f"Saved {path.name}.", parent=parent)
    box.setInformativeText(f"In {path.parent}")
    box.setTextFormat(Qt.TextFormat.PlainText)  # file and folder names are not markup
    opener = box.addButton("Open", Role.AcceptRole)
    folder = box.addButton("Show in folder", Role.ActionRole)
    close = box.addButton("Close", Role.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    opener.clicked.connect(lambda: open_file(path))
    folder.clicked.connect(lambda: show_in_folder(path))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("savedOffer")
    box.open()
    return box
