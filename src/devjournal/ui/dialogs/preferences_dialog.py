"""Preferences (Ctrl+,): the theme, the first day of the week, reminders, and where backups
go and how many are kept. A form like every other (``FormDialog``): a change is kept as a
draft and never thrown away without asking; Save hands the choice to ``apply``."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QWidget,
)

from devjournal.domain.errors import ValidationError
from devjournal.domain.retention import MOST, Retention
from devjournal.drafts import DraftStore
from devjournal.services.changes import Changes, Outcome
from devjournal.settings import Preferences
from devjournal.ui import file_prompts
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.formatting import WEEK_DAYS
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
KEEP_UNITS = {"daily": "days", "weekly": "weeks", "monthly": "months"}


class PreferencesDialog(FormDialog):
    """The preferences, saved with Save (``apply`` puts them to work and keeps them)."""

    def __init__(
        self,
        ops: Ops,
        drafts: DraftStore,
        current: Preferences,
        journal_folder: Path,
        apply: Callable[[Preferences], None],
        *,
        default_backups: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "Preferences", drafts, "preferences", parent)
        self._apply = apply
        self._journal_folder = journal_folder
        self._default_backups = default_backups
        self.form.addRow(plain_label("Window", "cardTitle"))
        self.theme = QComboBox()
        for key, text in THEMES.items():
            self.theme.addItem(text, key)
        self.add_field("theme", "Theme:", self.theme)
        self.week_start = QComboBox()
        locale_day = self.locale().dayName(self.locale().firstDayOfWeek().value)
        self.week_start.addItem(f"As the language says ({locale_day})", "locale")
        for key in WEEK_DAYS:
            self.week_start.addItem(key.capitalize(), key)
        self.add_field("week_start", "Weeks start on:", self.week_start)
        self.reminders = QCheckBox(
            "Remind me the day before a session and when an action item becomes overdue"
        )
        self.add_field("reminders", "Reminders:", self.reminders)
        self._build_backups()
        self.load(_values(current, self._default_backups))
        self.restore_draft()
        self.theme.currentIndexChanged.connect(self.changed)
        self.week_start.currentIndexChanged.connect(self.changed)
        self.reminders.toggled.connect(self.changed)
        for spin in self.keep.values():
            spin.valueChanged.connect(self.changed)
        self.set_tab_order(
            self.theme,
            self.week_start,
            self.reminders,
            self.folder,
            self.change_button,
            self.open_button,
            self.default_button,
            *self.keep.values(),
        )
        self.resize(640, self.sizeHint().height())

    def _note(self, text: str) -> None:
        """A muted line under the fields above it, as wide as the form."""
        note = plain_label(text, "muted", wrap=True)
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.form.addRow("", note)

    def _build_backups(self) -> None:
        self.form.addItem(QSpacerItem(0, 10))
        self.form.addRow(plain_label("Backups", "cardTitle"))
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setMinimumWidth(360)
        self.add_field("backups_dir", "Backups folder:", self.folder)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.change_button = QPushButton("Choose…")
        self.change_button.setToolTip("Keep backups in another folder (another disk, say)")
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Show the backups folder in the file manager")
        self.default_button = QPushButton("Beside the journal")
        self.default_button.setToolTip(f"Keep backups in {self._default_backups}")
        for button in (self.change_button, self.open_button, self.default_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QWidget()
        buttons.setLayout(row)
        self.form.addRow("", buttons)
        self._note(
            "Backups already made stay in the folder they are in; the Backups window "
            "lists the folder chosen here."
        )
        self.keep: dict[str, QSpinBox] = {}
        for name, unit in KEEP_UNITS.items():
            spin = QSpinBox()
            spin.setRange(0, MOST)
            spin.setSuffix(f" {unit}")
            spin.setMinimumWidth(120)  # the three line up
            self.keep[name] = spin
            label = f"Keep one a {unit[:-1]} for:" if name != "daily" else "Keep one a day for:"
            self.add_field(name, label, spin)
        self._note(
            "Every backup of the last 2 days is kept as well. Older ones the rule does "
            "not keep are removed when the next backup is made."
        )
        self.change_button.clicked.connect(self.choose_folder)
        self.open_button.clicked.connect(self.open_folder)
        self.default_button.clicked.connect(self._on_default_button_clicked)

    def chosen_folder(self) -> Path:
        """The backups folder as the form has it."""
        return Path(self.folder.text()) if self.folder.text() else self._default_backups

    def choose_folder(self) -> None:
        """Pick another folder for backups (the system's folder chooser)."""
        start = self.chosen_folder()
        while not start.exists() and start != start.parent:
            start = start.parent
        file_prompts.ask_for_folder(
            self, "Keep backups in", start=start, on_chosen=self._on_folder_chosen
        )

    def _on_folder_chosen(self, folder: Path) -> None:
        self.folder.setText(str(folder))
        self.changed()

    def open_folder(self) -> None:
        """Show the backups folder in the file manager (made first if it is not there)."""
        folder = self.chosen_folder()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            self.show_problems(ValidationError({"backups_dir": f"{folder}: {exc.strerror}."}))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_default_button_clicked(self) -> None:
        self.folder.setText(str(self._default_backups))
        self.changed()

    def chosen(self) -> Preferences:
        """The preferences the form holds. Raises ValidationError for a folder backups
        cannot go to, or a count out of range."""
        folder = self.chosen_folder()
        problem = folder_problem(folder, self._journal_folder)
        if problem:
            raise ValidationError({"backups_dir": problem})
        counts = {name: spin.value() for name, spin in self.keep.items()}
        return Preferences(
            theme=str(self.theme.currentData()),
            week_start=str(self.week_start.currentData()),
            reminders=self.reminders.isChecked(),
            backups_dir=None if folder == self._default_backups else folder,
            retention=Retention(**counts),
        )

    def save(self) -> Outcome[Preferences]:
        chosen = self.chosen()
        self._apply(chosen)
        return Outcome(chosen, Changes.NONE)


def folder_problem(folder: Path, journal_folder: Path) -> str:
    """Why backups cannot go to ``folder`` (empty when they can)."""
    if not folder.is_absolute():
        return "Choose a whole path for the backups folder."
    if folder.resolve() == journal_folder.resolve():
        return "Choose a folder of its own for backups, not the journal's folder."
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder."
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or not os.access(existing, os.W_OK | os.X_OK):
        return f"devjournal cannot write in {existing or folder}; choose another folder."
    return ""


def _values(current: Preferences, default_backups: Path) -> dict[str, Any]:
    values: dict[str, Any] = {
        "theme": current.theme,
        "week_start": current.week_start,
        "reminders": current.reminders,
        "backups_dir": str(current.backups_dir or default_backups),
    }
    for name in KEEP_UNITS:
        values[name] = getattr(current.retention, name)
    return values
