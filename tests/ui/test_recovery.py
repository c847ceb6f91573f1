"""A damaged journal at start: the dialog offers the newest good backup, restoring it
reopens the window on it; a read-only folder or a full disk is said and can be retried.
The Backups dialog lists, makes and restores backups."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from devjournal import app as app_module
from devjournal.app import Closer, Launch, ServicesLoader, Step
from devjournal.domain.backups import BackupChoice
from devjournal.domain.jobs import Progress
from devjournal.domain.recovery import Damage, Diagnosis, StartProblem
from devjournal.paths import AppPaths, resolve_paths
from devjournal.services.container import Services
from devjournal.settings import Settings
from devjournal.storage.backup import backup_name, list_backups, restore_backup
from devjournal.storage.database import Database
from devjournal.storage.recovery import newest_good_backup
from devjournal.ui.dialogs.recovery_dialog import Outcome, RecoveryDialog, StartProblemDialog
from devjournal.ui.main_window import MainWindow
from devjournal.ui.single_instance import SingleInstance
from tests.damage import STARTS, entry_count

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TORN = Diagnosis(Damage.TORN, "Part of the file is damaged.")


@pytest.fixture
def home(backed_up_home: Path) -> Path:
    return backed_up_home


def _dialog(
    qtbot: QtBot, home: Path, diagnosis: Diagnosis = TORN, choice: BackupChoice | None = None
) -> RecoveryDialog:
    journal = home / "journal.sqlite"
    dialog = RecoveryDialog(
        diagnosis,
        [home / "journal.sqlite.damaged-x"],
        choice or newest_good_backup(home / "backups"),
        lambda chosen: restore_backup(chosen, journal, NOW),
        now=NOW,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# -- the recovery dialog ------------------------------------------------------------------
def test_the_newest_good_backup_is_offered_and_restored_off_the_gui_thread(
    qtbot: QtBot, home: Path
) -> None:
    entries = entry_count(home / "journal.sqlite")
    (home / "journal.sqlite").unlink()
    dialog = _dialog(qtbot, home)
    (newest,) = list_backups(home / "backups")
    assert dialog.backup_list.chosen() == newest.path
    assert "newest good backup is from" in dialog.offer.text()
    assert dialog.restore_button is not None and dialog.restore_button.isDefault()
    assert dialog.aside is not None and "journal.sqlite.damaged-x" in dialog.aside.text()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is Outcome.RESTORED)
    assert entry_count(home / "journal.sqlite") == entries


def test_a_backup_that_fails_its_check_is_marked_and_another_can_be_chosen(
    qtbot: QtBot, home: Path
) -> None:
    backups = home / "backups"
    (good,) = list_backups(backups)
    older = backups / backup_name("auto", NOW - timedelta(days=400))
    older.write_bytes(good.path.read_bytes()[:4096])  # cut short; not checked until chosen
    (home / "journal.sqlite").unlink()
    dialog = _dialog(qtbot, home)
    dialog.backup_list.select(older)
    assert dialog.restore_button is not None
    dialog.restore_button.click()
    qtbot.waitUntil(dialog.status.isVisible)
    assert "could not be restored" in dialog.status.text()
    assert dialog.outcome is Outcome.QUIT and not (home / "journal.sqlite").exists()
    assert dialog.backup_list.chosen() is None and not dialog.restore_button.isEnabled()
    dialog.backup_list.select(good.path)
    assert dialog.restore_button.isEnabled()


def test_without_backups_a_new_journal_is_offered(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, choice=BackupChoice([], None, frozenset()))
    assert dialog.restore_button is None and not dialog.backup_list.isVisible()
    assert ".recover" in dialog.offer.text()
    assert dialog.new_button is not None and dialog.new_button.isDefault()
    dialog.new_button.click()
    assert dialog.outcome is Outcome.NEW


def test_a_stray_log_leaves_the_journal_to_open_as_it_is(qtbot: QtBot, home: Path) -> None:
    kept = Diagnosis(Damage.STRAY_WAL, "journal.sqlite-wal does not belong.", journal_kept=True)
    dialog = _dialog(qtbot, home, kept)
    assert dialog.new_button is None
    assert dialog.open_button is not None and dialog.open_button.isDefault()
    assert dialog.windowTitle() == "A leftover file was beside the journal"
    dialog.open_button.click()
    assert dialog.outcome is Outcome.OPEN


@pytest.mark.parametrize("how", ["Quit", "Escape"])
def test_quit_and_escape_restore_nothing(qtbot: QtBot, home: Path, how: str) -> None:
    (home / "journal.sqlite").unlink()
    dialog = _dialog(qtbot, home)
    if how == "Quit":
        dialog.quit_button.click()
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.outcome is Outcome.QUIT and dialog.result() == RecoveryDialog.DialogCode.Rejected
    assert not (home / "journal.sqlite").exists()


def test_a_quit_while_a_restore_is_written_waits_for_it_then_quits(
    qtbot: QtBot, home: Path
) -> None:
    (home / "journal.sqlite").unlink()
    release = threading.Event()
    journal = home / "journal.sqlite"

    def slow_restore(chosen: Path) -> None:
        release.wait(10)
        restore_backup(chosen, journal, NOW)

    dialog = RecoveryDialog(TORN, [], newest_good_backup(home / "backups"), slow_restore, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button is not None
    dialog.restore_button.click()
    assert not dialog.quit_button.isEnabled()
    dialog.close()  # what SIGTERM does: the dialog stays until the restore is whole
    assert dialog.isVisible() and dialog.quit_after
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.outcome is Outcome.RESTORED and entry_count(journal) > 0


def test_a_start_problem_can_be_retried(qtbot: QtBot) -> None:
    dialog = StartProblemDialog(StartProblem("The disk is full", "3.0 MB free."))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.retry_button.isDefault() and "3.0 MB free" in dialog.detail.text()
    dialog.show_problem(StartProblem("The journal's folder is read-only", "Read-only."))
    assert dialog.windowTitle() == "The journal's folder is read-only"
    dialog.retry_button.click()
    assert dialog.result() == StartProblemDialog.DialogCode.Accepted


# -- the whole start, in-process ---------------------------------------------------------
class Loop:
    """Stands in for ``app.exec()``: waits for the window, then closes it (unless the
    window closes itself first, to recover)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.windows: list[MainWindow] = []
        self.current: MainWindow | None = None  # the window of the session running now
        self.until_closed = False  # wait for the test to close the window itself

    def exec(self) -> int:
        window = self.current
        assert window is not None
        self.windows.append(window)
        self.qtbot.waitUntil(
            lambda: window.recovery is not None or window.timeline_page is not None,
            timeout=20_000,
        )
        if self.until_closed:
            self.qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
        elif window.recovery is None:
            self.qtbot.wait(300)  # the start-up check runs after the first paint
        if window.isVisible():
            window.close()
        return 0

    def exit(self, code: int) -> None:
        raise AssertionError(f"the app exited with {code}")


@pytest.fixture
def launch(qtbot: QtBot, home: Path) -> Iterator[tuple[Launch, Loop]]:
    paths = resolve_paths(str(home))
    paths.ensure()
    instance = SingleInstance(paths.lock_file, paths.instance_socket)
    assert instance.acquire()
    loop = Loop(qtbot)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    closer = Closer(app)
    starter = Launch(loop, paths, Settings(paths.settings), lambda: NOW, instance, closer)  # type: ignore[arg-type]
    run_window = starter.run_window

    def recording(window: MainWindow, services: Services | None, held: list[Database]) -> int:
        loop.current = window
        return run_window(window, services, held)

    starter.run_window = recording  # type: ignore[method-assign]
    yield starter, loop
    instance.release()


def _answer(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, press: Callable[[RecoveryDialog], None]
) -> list[RecoveryDialog]:
    shown: list[RecoveryDialog] = []

    def exec_(dialog: RecoveryDialog) -> int:
        shown.append(dialog)
        dialog.show()
        press(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        return 1

    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    return shown


@pytest.mark.parametrize("damage", list(STARTS.values()), ids=list(STARTS))
def test_each_damaged_start_ends_in_the_window_on_the_newest_good_backup(
    qtbot: QtBot,
    home: Path,
    launch: tuple[Launch, Loop],
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[Path], Damage],
) -> None:
    starter, loop = launch
    entries = entry_count(home / "journal.sqlite")
    expected = damage(home)

    def restore(dialog: RecoveryDialog) -> None:
        assert dialog.restore_button is not None
        dialog.restore_button.click()

    shown = _answer(monkeypatch, qtbot, restore)
    step = starter.session(fresh_ok=False)
    assert step == Step(0, again=True)
    (dialog,) = shown
    assert dialog.windowTitle() in (
        "The journal is damaged",
        "The journal is missing",
        "A leftover file was beside the journal",
    )
    assert dialog.outcome is Outcome.RESTORED
    aside = sorted(p.name for p in home.iterdir() if ".damaged-" in p.name)
    assert aside or expected is Damage.MISSING  # a missing journal has nothing to move
    assert starter.session(fresh_ok=False) == Step(0)  # the window opened on the backup
    assert loop.windows[-1].recovery is None
    assert entry_count(home / "journal.sqlite") == entries


def test_a_new_journal_can_be_started_though_backups_exist(
    qtbot: QtBot, home: Path, launch: tuple[Launch, Loop], monkeypatch: pytest.MonkeyPatch
) -> None:
    starter, _loop = launch
    STARTS["empty file"](home)

    def start_new(dialog: RecoveryDialog) -> None:
        assert dialog.new_button is not None
        dialog.new_button.click()

    _answer(monkeypatch, qtbot, start_new)
    step = starter.session(fresh_ok=False)
    assert step == Step(0, again=True, fresh_ok=True)
    assert starter.session(fresh_ok=True) == Step(0)
    assert entry_count(home / "journal.sqlite") == 0
    assert list_backups(home / "backups")  # the backups are all still there


def test_quitting_the_recovery_dialog_exits_with_the_file_aside(
    qtbot: QtBot, home: Path, launch: tuple[Launch, Loop], monkeypatch: pytest.MonkeyPatch
) -> None:
    starter, _loop = launch
    STARTS["not SQLite"](home)
    text = (home / "journal.sqlite").read_text()
    _answer(monkeypatch, qtbot, lambda dialog: dialog.quit_button.click())
    assert starter.session(fresh_ok=False) == Step(1)
    (aside,) = home.glob("journal.sqlite.damaged-*")
    assert aside.read_text() == text


def test_a_torn_page_found_after_the_window_opened_closes_it_to_recover(
    qtbot: QtBot, home: Path, launch: tuple[Launch, Loop], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A torn page deep in the file passes the cheap look before the window; the check
    after the first paint finds it, the window closes, and the backup is offered."""
    starter, loop = launch
    conn = sqlite3.connect(home / "journal.sqlite")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='checkin'").fetchone()
    conn.close()
    with (home / "journal.sqlite").open("rb+") as handle:  # a table Today reads lazily
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xee" * 64)

    def restore(dialog: RecoveryDialog) -> None:
        assert dialog.restore_button is not None
        dialog.restore_button.click()

    shown = _answer(monkeypatch, qtbot, restore)
    assert starter.session(fresh_ok=False) == Step(0, again=True)
    assert len(shown) == 1
    assert starter.session(fresh_ok=False) == Step(0)
    assert loop.windows[-1].recovery is None


# -- the Backups dialog --------------------------------------------------------------------
def test_file_backups_lists_makes_and_restores(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.backups_action.isEnabled()
    window.backups_action.trigger()
    dialog = window.backups_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.empty.isVisible() and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.backup_list.topLevelItemCount() == 1)
    item = dialog.backup_list.topLevelItem(0)
    assert item is not None and item.text(3) == "made by you" and "KB" in item.text(2)
    assert "Backed up now" in dialog.status.text()
    assert dialog.restore_button.isEnabled()  # the new one is selected
    closed: list[bool] = []
    monkeypatch.setattr(MainWindow, "close", lambda self: closed.append(True))
    dialog.restore_button.click()
    confirm = dialog.confirm
    assert confirm is not None and "before-restore" in confirm.informativeText()
    assert "never deleted" in confirm.informativeText()
    restore = next(
        b for b in confirm.buttons() if confirm.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    restore.click()
    qtbot.waitUntil(lambda: window.restore_request is not None)
    (made,) = list_backups(paths.backups)
    assert window.restore_request == made.path and closed == [True]


def test_a_damaged_backup_is_not_handed_over(
    qtbot: QtBot, window: MainWindow, paths: AppPaths
) -> None:
    paths.backups.mkdir(exist_ok=True)
    bad = paths.backups / backup_name("auto", NOW)
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    window.open_backups()
    dialog = window.backups_dialog
    assert dialog is not None
    (backup,) = list_backups(paths.backups)
    dialog.restore_chosen(backup)
    qtbot.waitUntil(lambda: dialog.task is None and "failed its check" in dialog.status.text())
    assert window.restore_request is None


def test_a_window_closing_to_recover_makes_no_backup_of_the_damage(
    qtbot: QtBot, window: MainWindow, paths: AppPaths
) -> None:
    window._changed_since_backup = True
    window.close_for_recovery(TORN)
    assert window.recovery is TORN and not window.isVisible()
    assert list_backups(paths.backups) == []


def test_restoring_from_the_backups_dialog_reopens_on_the_backup(
    qtbot: QtBot, home: Path, launch: tuple[Launch, Loop]
) -> None:
    starter, loop = launch
    entries = entry_count(home / "journal.sqlite")
    (backup,) = list_backups(home / "backups")
    conn = sqlite3.connect(home / "journal.sqlite")
    conn.execute("DELETE FROM log_entry_tag")
    conn.execute("DELETE FROM log_entry WHERE id > 10")
    conn.commit()
    conn.close()

    def ask_restore() -> None:
        window = loop.current
        if window is None or window.services is None:
            QTimer.singleShot(50, ask_restore)
            return
        window.request_restore(backup.path)

    QTimer.singleShot(50, ask_restore)
    loop.until_closed = True
    assert starter.session(fresh_ok=False) == Step(0, again=True)
    loop.until_closed = False
    assert entry_count(home / "journal.sqlite") == entries
    (kept,) = home.glob("journal.sqlite.before-restore-*")
    assert entry_count(kept) == 10
    shutil.rmtree(home / "logs", ignore_errors=True)
    assert starter.session(fresh_ok=False) == Step(0)
    assert loop.windows[-1].restore_request is None


def test_the_real_event_loop_runs_again_after_a_restore(qtbot: QtBot, home: Path) -> None:
    """Qt's own exec(): the window closes for a restore, the loop ends, and the next
    window gets a loop of its own."""
    paths = resolve_paths(str(home))
    instance = SingleInstance(paths.lock_file, paths.instance_socket)
    assert instance.acquire()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    starter = Launch(app, paths, Settings(paths.settings), lambda: NOW, instance, Closer(app))
    (backup,) = list_backups(home / "backups")
    seen: list[MainWindow] = []
    others = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]

    def when_loaded(then: Callable[[MainWindow], None]) -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and all(w is not o for o in others + seen)
        ]
        ready = [w for w in windows if w.isVisible() and w.timeline_page is not None]
        if not ready:
            QTimer.singleShot(20, lambda: when_loaded(then))
            return
        seen.append(ready[0])
        then(ready[0])

    try:
        QTimer.singleShot(0, lambda: when_loaded(lambda w: w.request_restore(backup.path)))
        assert starter.session(fresh_ok=False) == Step(0, again=True)
        QTimer.singleShot(0, lambda: when_loaded(lambda w: w.close()))
        assert starter.session(fresh_ok=False) == Step(0)
    finally:
        instance.release()
    assert len(seen) == 2 and seen[0] is not seen[1]
    assert seen[0].restore_request == backup.path and seen[1].restore_request is None


def test_a_loader_from_a_closed_session_does_not_open_a_journal(
    qtbot: QtBot, home: Path, launch: tuple[Launch, Loop], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The services arrive after the window closed to recover: they must not open (and
    so create) a journal where the damaged one was, while the dialog restores."""
    starter, loop = launch
    go = threading.Event()
    real_import = app_module._import_heavy_modules

    def import_when_told(progress: Progress) -> None:
        go.wait(10)
        real_import(progress)

    monkeypatch.setattr(app_module, "_import_heavy_modules", import_when_told)

    def close_at_once() -> int:
        window = loop.current
        assert window is not None
        loop.windows.append(window)
        loader = window.findChild(ServicesLoader)
        assert loader is not None
        qtbot.waitUntil(lambda: loader._started)
        go.set()
        time.sleep(0.3)  # the worker posts its result; no event is processed meanwhile
        window.close_for_recovery(TORN)
        return 0

    monkeypatch.setattr(loop, "exec", close_at_once)
    seen: list[bool] = []

    def look_then_quit(dialog: RecoveryDialog) -> None:
        qtbot.wait(500)  # the loader's queued result is delivered in this loop
        seen.append((home / "journal.sqlite").exists())
        dialog.quit_button.click()

    _answer(monkeypatch, qtbot, look_then_quit)
    assert starter.session(fresh_ok=False) == Step(1)
    assert seen == [False]
    assert not (home / "journal.sqlite").exists()
    assert loop.windows[0].services is None
