"""File → Import and File → Export from the window: preview, progress off the GUI thread,
all or nothing, and the pages refreshed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow
from tests.ui.prompts import choose, message_shown
from tests.unit.test_entry_imports import JRNL


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    choose(monkeypatch, path)


def _idle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10_000)


def test_import_jrnl_previews_then_adds_and_the_history_shows_it(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "journal.json"
    source.write_text(json.dumps(JRNL), encoding="utf-8")
    _pick(monkeypatch, source)
    window.import_jrnl_action.trigger()
    assert window.transfer is not None
    qtbot.waitUntil(lambda: window.transfer.preview is not None, timeout=10_000)
    preview = window.transfer.preview
    assert "3 new, written 1 Mar 2024 to 5 Mar 2024" in preview.summary.text()
    assert preview.entries.count() == 3
    assert "Talked to @anna about the promotion packet." in preview.entries.item(2).text()
    assert services.journal.is_empty()  # nothing is written before the user says so
    assert preview.import_button.text() == "Import 3 entries"
    preview.import_button.click()
    qtbot.waitUntil(lambda: not services.journal.is_empty(), timeout=10_000)
    _idle(window, qtbot)
    assert "Imported 3 entries from journal.json." in window.statusBar().currentMessage()
    assert window.history_page is not None  # hidden: refreshed once it is shown
    window.sidebar.setCurrentRow(window.page_titles().index("History"))
    qtbot.waitUntil(lambda: window.history_page.model.entry_count == 3, timeout=5000)
    assert services.mentorship.search("incidents").total == 1

    # Again: the preview says nothing is new and offers nothing to import.
    window.transfer.preview = None
    window.import_jrnl_action.trigger()
    qtbot.waitUntil(lambda: window.transfer.preview is not None, timeout=10_000)
    again = window.transfer.preview
    assert "3 were imported before and are skipped." in again.summary.text()
    assert not again.import_button.isEnabled()
    again.reject()


def test_a_bad_file_is_a_message_and_nothing_changes(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "journal.json"
    source.write_text('{"entries": [{"date": "2024-02-30", "title": "x"}]}', encoding="utf-8")
    _pick(monkeypatch, source)
    window.import_jrnl_action.trigger()

    qtbot.waitUntil(lambda: bool(message_shown(window)), timeout=10_000)
    assert "entries[0].date: '2024-02-30' is not a date (YYYY-MM-DD)" in message_shown(window)
    assert services.journal.is_empty()


def test_export_the_journal_and_restore_it_into_an_empty_one(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_window: object,
) -> None:
    from tests.unit.test_summary import fill

    fill(services)
    target = tmp_path / "journal-export.json"
    _pick(monkeypatch, target)
    window.export_journal_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    _idle(window, qtbot)
    assert "Saved journal-export.json." in window.statusBar().currentMessage()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "devjournal-journal"
    assert oct(target.stat().st_mode & 0o777) == "0o600"

    # This journal holds data: restoring here is refused with a way forward.
    window.restore_action.trigger()
    assert "--home NEW_FOLDER" in message_shown(window)

    csv_target = tmp_path / "check-ins.csv"
    _pick(monkeypatch, csv_target)
    window.export_checkins_action.trigger()
    qtbot.waitUntil(csv_target.exists, timeout=10_000)
    assert csv_target.read_text(encoding="utf-8").startswith("sprint_id,sprint,goal_id")


def test_check_ins_of_private_goals_leave_only_when_asked(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import date

    from devjournal.domain.models import CheckinDraft
    from tests.unit.test_summary import fill

    sprint_id = fill(services)
    secret = next(g for g in services.coaching.goals_of(sprint_id) if g.title == "Secret goal")
    services.coaching.add_checkin(
        CheckinDraft(goal_id=secret.id, on_date=date(2026, 11, 1), value=1, note="hush")
    )
    shared, everything = tmp_path / "shared.csv", tmp_path / "everything.csv"
    _pick(monkeypatch, shared)
    window.export_checkins_action.trigger()
    qtbot.waitUntil(shared.exists, timeout=10_000)
    _idle(window, qtbot)
    assert "hush" not in shared.read_text(encoding="utf-8")
    message = "Saved shared.csv (1 private item left out)."
    qtbot.waitUntil(lambda: message in window.statusBar().currentMessage())
    _pick(monkeypatch, everything)
    window.export_private_checkins_action.trigger()
    qtbot.waitUntil(everything.exists, timeout=10_000)
    assert "Secret goal" in everything.read_text(encoding="utf-8")
    assert "hush" in everything.read_text(encoding="utf-8")


def test_prepare_summary_from_the_menu_opens_the_running_sprint(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.summary_action.trigger()
    assert "No sprint is running today" in window.statusBar().currentMessage()
    from tests.unit.test_summary import fill

    fill(services)
    window.summary_action.trigger()
    assert window.coaching_page is not None
    dialog = window.coaching_page.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Review faster <fast>" in dialog.preview.document().toPlainText()
    dialog.reject()


def test_the_file_prompt_is_a_real_dialog_that_calls_back(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    from devjournal.ui.file_prompts import ask_for_file

    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[tuple[Path, str]] = []
    dialog = ask_for_file(
        parent,
        "Export",
        save=True,
        suggested=str(tmp_path / "journal.json"),
        filters="devjournal export (*.json)",
        on_chosen=lambda path, name_filter: chosen.append((path, name_filter)),
    )
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.isModal()  # window-modal: open(), not exec()
    dialog.selectFile(str(tmp_path / "journal.json"))
    dialog.accept()
    assert chosen == [(tmp_path / "journal.json", "devjournal export (*.json)")]


@pytest.mark.parametrize("name", ["journal.sqlite", "journal.sqlite-wal"])
def test_an_export_never_replaces_the_journal_the_window_has_open(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    from tests.unit.test_summary import fill

    fill(services)
    entries = services.journal.info().counts
    target = paths.journal.with_name(name)
    _pick(monkeypatch, target)
    window.export_journal_action.trigger()
    qtbot.waitUntil(lambda: "an export never replaces one" in message_shown(window), timeout=10_000)
    _idle(window, qtbot)
    assert f"{name} is a journal file" in message_shown(window)
    assert services.journal.info().counts == entries
    assert services.journal.check().healthy
