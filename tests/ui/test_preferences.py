"""Preferences (Ctrl+,): the theme (following the system live), the first day of the week,
reminders, and where backups go and how many are kept, for the window and the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from devjournal.cli import run
from devjournal.domain.retention import Retention
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.settings import Settings
from devjournal.ui.dialogs.preferences_dialog import PreferencesDialog
from devjournal.ui.formatting import date_edit
from devjournal.ui.main_window import MainWindow
from devjournal.ui.shortcuts import sequence
from devjournal.ui.theme import style_sheet

DARK, LIGHT = style_sheet(dark=True), style_sheet(dark=False)


def _open(window: MainWindow, qtbot: QtBot) -> PreferencesDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    combo = sequence("journal.preferences")[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
    shown = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _choose(box: object, data: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(data))


def _save(dialog: QDialog) -> None:
    assert isinstance(dialog, PreferencesDialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_the_dialog_shows_what_is_set_and_saves_what_is_chosen(
    window: MainWindow, qtbot: QtBot, paths: AppPaths, services: Services, themed: QApplication
) -> None:
    dialog = _open(window, qtbot)
    assert dialog.theme.currentData() == "system"
    assert dialog.week_start.currentData() == "locale"
    assert dialog.reminders.isChecked()
    assert dialog.folder.text() == str(paths.data_dir / "backups")
    assert [s.value() for s in dialog.keep.values()] == [12, 10, 9]

    _choose(dialog.theme, "dark")
    _choose(dialog.week_start, "sunday")
    dialog.reminders.setChecked(False)
    dialog.keep["daily"].setValue(3)
    _save(dialog)

    assert not dialog.isVisible()
    saved = json.loads(paths.settings.read_text(encoding="utf-8"))
    assert saved["theme"] == "dark" and saved["week_start"] == "sunday"
    assert saved["reminders"] is False
    assert saved["backup_keep"] == {"daily": 3, "weekly": 10, "monthly": 9}
    assert themed.styleSheet() == DARK
    checked = [a.data() for a in window.theme_actions.actions() if a.isChecked()]
    assert checked == ["dark"]
    assert not window.reminders_action.isChecked()
    field = date_edit()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClick(field, Qt.Key.Key_F4)  # opens its calendar
    assert field.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    field.calendarWidget().window().close()
    assert services.journal.retention == Retention(daily=3, weekly=10, monthly=9)


def test_the_theme_follows_the_system_as_it_changes(
    window: MainWindow, themed: QApplication
) -> None:
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert themed.styleSheet() == DARK
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert themed.styleSheet() == LIGHT


def test_a_theme_chosen_is_kept_when_the_system_changes(
    window: MainWindow, qtbot: QtBot, themed: QApplication
) -> None:
    dialog = _open(window, qtbot)
    _choose(dialog.theme, "light")
    _save(dialog)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert themed.styleSheet() == LIGHT


def test_backups_go_to_the_folder_chosen_for_the_window_and_the_commands(
    window: MainWindow,
    qtbot: QtBot,
    paths: AppPaths,
    services: Services,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    elsewhere = tmp_path / "other disk" / "devjournal backups"
    dialog = _open(window, qtbot)
    dialog.folder.setText(str(elsewhere))
    dialog.changed()
    _save(dialog)

    made = services.journal.backup()
    assert made.parent == elsewhere
    assert Settings(paths.settings).backups_dir == elsewhere
    assert run(["--home", str(paths.data_dir), "backup", "list"]) == 0
    assert f"In {elsewhere}." in capsys.readouterr().out

    dialog = _open(window, qtbot)  # and back beside the journal
    assert dialog.folder.text() == str(elsewhere)
    dialog.default_button.click()
    _save(dialog)
    assert services.journal.backup().parent == paths.data_dir / "backups"
    assert Settings(paths.settings).backups_dir is None


@pytest.mark.parametrize("where", ["journal", "file"])
def test_a_folder_backups_cannot_go_to_is_refused_and_nothing_is_saved(
    window: MainWindow, qtbot: QtBot, paths: AppPaths, tmp_path: Path, where: str
) -> None:
    folder = paths.data_dir
    if where == "file":
        folder = tmp_path / "a file"
        folder.write_text("x", encoding="utf-8")
    before = paths.settings.read_bytes() if paths.settings.exists() else b""
    dialog = _open(window, qtbot)
    dialog.folder.setText(str(folder))
    dialog.changed()
    _save(dialog)
    assert dialog.isVisible()
    message = dialog.error_text("backups_dir")
    assert ("not the journal's folder" if where == "journal" else "is a file") in message
    assert (paths.settings.read_bytes() if paths.settings.exists() else b"") == before
    dialog.discard()


def test_choose_opens_a_folder_chooser_and_takes_the_folder(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _open(window, qtbot)
    dialog.change_button.click()
    chooser = dialog.file_dialog  # type: ignore[attr-defined]
    assert chooser.isVisible()
    chooser.fileSelected.emit(str(tmp_path))
    chooser.reject()
    assert dialog.folder.text() == str(tmp_path)
    assert dialog.is_changed()
    dialog.discard()
