"""File → Import and File → Export: the journal in and out from the window.

Every step that reads or writes a whole file runs off the GUI thread behind a progress
dialog with Cancel (``ui/background.py``). An import is previewed before anything is
written, and is all or nothing: a cancel or a bad file leaves the journal as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.imports import ImportDone, ImportPlan, Restored
from devjournal.domain.jobs import Progress
from devjournal.domain.sharing import Sharing, left_out_note
from devjournal.domain.wording import plural
from devjournal.exporting.reports import CHECKINS, JOURNAL, SprintsRequest
from devjournal.services.changes import Outcome
from devjournal.services.container import Services
from devjournal.ui import file_prompts
from devjournal.ui.ops import Ops
from devjournal.ui.report_export import Saved, save_report

if TYPE_CHECKING:
    from devjournal.exporting.checkins_csv import CheckinsTable

SOURCES = {
    "jrnl": ("jrnl", "jrnl export (*.json);;All files (*)"),
    "dayone": ("Day One", "Day One export (*.zip *.json);;All files (*)"),
}
PREVIEW_ROWS = 200


class ImportPreview(QDialog):
    """What an import would add, before it adds anything."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import from {plan.batch.source}")
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel("\n".join(plan.describe()))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.entries = QListWidget()
        self.entries.setAccessibleName("Entries to add")
        self.entries.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setUniformItemSizes(True)
        newest = sorted(plan.new, key=lambda e: e.occurred_at, reverse=True)
        for entry in newest[:PREVIEW_ROWS]:
            when = entry.occurred_at.astimezone()
            tags = f"   #{' #'.join(entry.tags)}" if entry.tags else ""
            self.entries.addItem(f"{when.day} {when:%b %Y}   {entry.title}{tags}")
        if len(newest) > PREVIEW_ROWS:
            self.entries.addItem(f"… and {len(newest) - PREVIEW_ROWS:,} more")
        layout.addWidget(self.entries, 1)
        self.entries.setVisible(bool(newest))  # (in its dialog: shown, not a window)
        note = QLabel(
            "Entries come in as private reflections with their tags; you can edit or delete "
            "them like any other. Importing the same file again adds nothing."
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            f"Import {plural(len(plan.new), 'entry', 'entries')}",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setEnabled(bool(plan.new))
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class JournalTransfer(QObject):
    """The import and export actions of one window."""

    def __init__(
        self,
        window: QWidget,
        services: Services,
        ops: Ops,
        notify: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._ops = ops
        self._notify = notify
        self.preview: ImportPreview | None = None

    # -- imports --------------------------------------------------------------------------
    def import_entries(self, source: str) -> None:
        """Pick a jrnl or Day One export, preview what it adds, then add it."""
        name, filters = SOURCES[source]
        file_prompts.ask_for_file(
            self._window,
            f"Import from {name}",
            save=False,
            suggested=str(Path.home()),
            filters=filters,
            on_chosen=lambda path, _filter: self._read_entries(source, path),
        )

    def _read_entries(self, source: str, path: Path) -> None:
        name = SOURCES[source][0]

        def read(progress: Progress) -> ImportPlan:
            from devjournal.importing.readers import read_entries  # noqa: PLC0415
            from devjournal.importing.source import read_bytes  # noqa: PLC0415

            progress.report(0, 0, f"Reading {path.name}…")
            batch = read_entries(source, read_bytes(path), path.name, progress)
            progress.report(0, 0, "Comparing with the journal…")
            return self._services.imports.plan(batch)

        self._ops.with_progress(self._window, f"Import from {name}", read, self._show_preview)

    def _show_preview(self, plan: ImportPlan) -> None:
        preview = ImportPreview(plan, self._window)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.accepted.connect(lambda: self._run_import(plan))
        self.preview = preview
        preview.open()

    def _run_import(self, plan: ImportPlan) -> None:
        def run(progress: Progress) -> Outcome[ImportDone]:
            return self._services.imports.run(plan, progress)

        def done(result: ImportDone) -> None:
            self._notify(
                f"Imported {plural(result.added, 'entry', 'entries')} from {plan.batch.file_name}."
            )

        self._ops.write_in_background(
            self._window,
            f"Import from {plan.batch.source}",
            run,
            done,
            on_cancel=lambda: self._notify("The import was cancelled; nothing was added."),
        )

    def restore_journal(self) -> None:
        """Bring a devjournal export into this journal, which must be empty."""
        if not self._services.journal.is_empty():
            file_prompts.tell(
                self._window,
                "Import a devjournal export",
                "This journal already holds data. A devjournal export is restored into an "
                "empty journal, exactly as it was exported: start devjournal with "
                "--home NEW_FOLDER and import it there (or run: devjournal --home NEW_FOLDER "
                "import devjournal FILE).",
            )
            return
        file_prompts.ask_for_file(
            self._window,
            "Import a devjournal export",
            save=False,
            suggested=str(Path.home()),
            filters="devjournal export (*.json);;All files (*)",
            on_chosen=lambda path, _filter: self._restore(path),
        )

    def _restore(self, path: Path) -> None:
        def run(progress: Progress) -> Outcome[Restored]:
            from devjournal.importing.devjournal_json import read_journal_json  # noqa: PLC0415
            from devjournal.importing.source import read_bytes  # noqa: PLC0415

            progress.report(0, 0, f"Reading {path.name}…")
            tables = read_journal_json(read_bytes(path), path.name)
            return self._services.journal.restore(tables, progress)

        def done(restored: Restored) -> None:
            counts = restored.counts
            note = restored.note()
            self._notify(
                f"Restored {path.name}: {plural(counts['sprints'], 'sprint')}, "
                f"{plural(counts['mentors'], 'mentor')}, "
                f"{plural(counts['log_entries'], 'log entry', 'log entries')}."
                + (f" {note}" if note else "")
            )

        self._ops.write_in_background(
            self._window,
            "Import a devjournal export",
            run,
            done,
            on_cancel=lambda: self._notify("The import was cancelled; nothing was added."),
        )

    # -- exports (``ui/report_export``) ----------------------------------------------------
    def export_journal(self) -> None:
        """Save the whole journal as one JSON file (docs/journal-format.md): the user's own
        backup, so it carries everything (``reports.JOURNAL.shares`` is False)."""
        stamp = self._services.clock().astimezone().strftime("%Y-%m-%d")
        save_report(
            self._ops,
            self._window,
            JOURNAL,
            JOURNAL.reading(self._services, None, Sharing(include_private=True)),
            caption="Export the whole journal",
            suggested=f"devjournal-{stamp}.json",
            saved=lambda result: self._notify(f"Saved {result.path.name}."),
            keep_name=True,
            cannot_write=_could_not_write,
        )

    def export_checkins(self, *, include_private: bool = False) -> None:
        """Save every check-in as CSV; a private goal's only when ``include_private``."""

        def saved(result: Saved[CheckinsTable]) -> None:
            self._notify(f"Saved {result.path.name}{left_out_note(result.data.left_out)}.")

        save_report(
            self._ops,
            self._window,
            CHECKINS,
            CHECKINS.reading(
                self._services, SprintsRequest(), Sharing(include_private=include_private)
            ),
            caption="Export check-ins",
            suggested="check-ins.csv",
            saved=saved,
            keep_name=True,
            cannot_write=_could_not_write,
        )


def _could_not_write(path: Path, exc: OSError) -> str:
    return f"Could not write {path}: {exc.strerror or exc}."
