"""Composition root: paths -> journal -> window, then engine -> services behind it.

Start-up is tuned for the daily launch: the journal file is checked and Today is read with
the standard library's sqlite3, so the window paints real figures before SQLAlchemy (which
costs more to import than Qt itself) is loaded. The ORM, the engine and the services load
on a worker thread right after the first paint and are handed to the window. A journal
that is new or needs a migration takes the full path first, since it must be written.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import signal
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.errors import DamagedJournalError, JournalError
from devjournal.domain.jobs import Progress
from devjournal.domain.overview import TodayOverview
from devjournal.domain.recovery import Damage, Diagnosis
from devjournal.domain.retention import Retention
from devjournal.paths import AppPaths
from devjournal.settings import Settings
from devjournal.storage import today_query
from devjournal.storage.journal_file import FileState, check_writable, inspect_journal
from devjournal.storage.recovery import (
    damage_reason,
    deep_check,
    diagnose,
    from_database_error,
    newest_good_backup,
    preflight,
    set_aside,
    untouched,
)
from devjournal.terminal import say, say_error
from devjournal.ui.application import make_application
from devjournal.ui.background import start
from devjournal.ui.error_dialog import install_excepthook, show_error
from devjournal.ui.main_window import PAGE_MODULES, MainWindow
from devjournal.ui.single_instance import SingleInstance
from devjournal.ui.theme import apply_theme

if TYPE_CHECKING:
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

log = logging.getLogger(__name__)

_IMPORTED_AT = time.perf_counter()
HEAVY_MODULES = ("devjournal.storage.database", "devjournal.services.container", *PAGE_MODULES)
"""What the start-up loader imports on its worker: the ORM, the services and the pages'
modules (importing is thread-safe; making widgets is not, so the pages are built on the
GUI thread, one per turn of its event loop)."""


TURN_MS = 1
"""The pause between two steps of start-up's building, for the event loop to run. Not 0: a
zero timer is a posted call, which the loop may run before any timer that is already due
(a repaint, a key's autorepeat), so the steps would run back to back."""


def _deep_check(journal: Path, _progress: Progress) -> Diagnosis | None:
    """SQLite's check of every page (a worker's job), logged with how long it took."""
    started = time.perf_counter()
    found = deep_check(journal)
    log.info(
        "start-up check of the journal: %s in %d ms",
        "ok" if found is None else "damaged",
        (time.perf_counter() - started) * 1000,
    )
    return found


def _import_heavy_modules(_progress: Progress) -> None:
    """Import the ORM, the services and the pages' modules, and do the ORM's one-time
    set-up (a worker's job: nothing shared is touched)."""
    for name in HEAVY_MODULES:
        importlib.import_module(name)
    from devjournal.storage.database import prepare_orm  # noqa: PLC0415

    prepare_orm()


def process_age_ms() -> int:
    """Milliseconds since this process started (Linux /proc; elsewhere since import)."""
    try:
        fields = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return round((uptime - started) * 1000)
    except (OSError, ValueError, IndexError):
        return round((time.perf_counter() - _IMPORTED_AT) * 1000)


def open_services(paths: AppPaths, clock: Clock, keep: Retention) -> tuple[Database, Services]:
    """Open (migrating if needed) the journal and build the services over it, keeping
    backups as ``keep`` says."""
    from devjournal.services.container import open_services as open_all  # noqa: PLC0415

    return open_all(paths.journal, paths.backups, clock, keep=keep)


class ServicesLoader(QObject):
    """Imports the ORM and services on a worker thread, then opens them on the GUI thread.

    Only the imports run on the worker (they are most of the cost and touch nothing
    shared); the engine and services are made on the GUI thread, which owns them.
    """

    loaded = Signal(object, object)  # Database, Services
    failed = Signal(str)
    damaged = Signal(str)  # SQLite's reason: the journal cannot be read

    def __init__(
        self, paths: AppPaths, clock: Clock, keep: Retention, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._clock = clock
        self._keep = keep
        self._started = False
        self._stopped = False

    def stop(self) -> None:
        """The window's session is over: what arrives from the worker is dropped (it must
        not open, or create, a journal that is being moved aside or restored)."""
        self._stopped = True

    def start(self) -> None:
        """Begin loading (once), on a :class:`BackgroundTask` (the window waits for it
        if it closes first)."""
        if self._started or self._stopped:
            return
        self._started = True
        start(_import_heavy_modules, self, lambda _none: self._on_imported(""), self._on_imported)

    def _on_imported(self, error: str) -> None:
        if self._stopped:
            return
        if error:
            self.failed.emit(f"devjournal could not load its storage: {error}")
            return
        try:
            db, services = open_services(self._paths, self._clock, self._keep)
        except DamagedJournalError as exc:
            self.damaged.emit(exc.reason)
            return
        except JournalError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # e.g. the file changed under us since the first look
            log.exception("opening the journal's services failed")
            self.failed.emit(f"devjournal could not open the journal: {exc}")
            return
        log.info("services ready %d ms after start", process_age_ms())
        self.loaded.emit(db, services)


class JournalCheck(QObject):
    """SQLite's check of every page, on a worker thread once the pages are built (about
    0.1 s per 150 MB warm, 1 s cold): damage deeper than the header is found within
    seconds of start, without slowing the first paint or the pages."""

    damaged = Signal(object)  # a Diagnosis
    finished = Signal()  # no damage found (or the check could not run)

    def __init__(self, journal: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._started = False
        self._stopped = False

    def stop(self) -> None:
        """The window's session is over: a late result is dropped."""
        self._stopped = True

    def start(self) -> None:
        """Begin the check (once), on a :class:`BackgroundTask`."""
        if self._started or self._stopped:
            return
        self._started = True
        journal = self._journal
        # A failure is logged by the task; the check could not run, which is no damage.
        start(partial(_deep_check, journal), self, self._on_done, lambda _m: self._on_done(None))

    def _on_done(self, found: Diagnosis | None) -> None:
        if self._stopped:
            return
        if found is not None:
            self.damaged.emit(found)
        else:
            self.finished.emit()


class Closer:
    """What SIGTERM and SIGINT close: the window, or the dialog shown before it.

    With no target, an error shown before (or instead of) the window may be waiting for
    the user in its own modal loop, which ``quit`` alone does not end: it is closed, as
    the user's Close would, so the process ends instead of ignoring the signal.
    """

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self.target: QWidget | None = None

    def __call__(self) -> None:
        if self.target is not None:
            self.target.close()
            return
        closed: list[QWidget] = []
        while (modal := QApplication.activeModalWidget()) is not None and modal not in closed:
            log.info("closing %s on a signal", type(modal).__name__)
            closed.append(modal)
            modal.close()
        self._app.quit()


def _quit_on_signals(app: QApplication, quit_gracefully: Callable[[], object]) -> None:
    """SIGTERM and SIGINT close the window normally (settings saved, journal closed).

    Python runs signal handlers only when it runs bytecode; a wake-up pipe watched by the
    event loop makes that happen at once instead of polling with a timer.
    """
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)
    signal.set_wakeup_fd(write_fd)
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(BlockingIOError):
            os.read(read_fd, 64)

    notifier.activated.connect(drain)

    def handler(signum: int, _frame: object) -> None:
        log.info("received signal %d; closing", signum)
        QTimer.singleShot(0, quit_gracefully)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def _claim_instance(paths: AppPaths) -> SingleInstance | int:
    """The single-instance guard, or the exit code when it cannot be had."""
    instance = SingleInstance(paths.lock_file, paths.instance_socket)
    if instance.acquire():
        return instance
    problem = instance.lock_problem()
    if not problem:
        return _hand_over(instance)
    say_error(str(problem))
    show_error(None, "devjournal cannot start", problem)
    return 1


def _writable_or_given_up(paths: AppPaths, closer: Closer) -> bool:
    """A read-only folder or a full disk is said before anything is opened; the user
    fixes it and tries again (True once it is fixed), or quits (False)."""
    problem = preflight(paths.data_dir, journal=paths.journal)
    if problem is None:
        return True
    from devjournal.ui.dialogs.recovery_dialog import StartProblemDialog  # noqa: PLC0415

    dialog = StartProblemDialog(problem)
    closer.target = dialog
    try:
        while problem is not None:
            log.error("%s. %s", problem.title, problem.detail)
            dialog.show_problem(problem)
            log.info("start problem dialog shown %d ms after start", process_age_ms())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            problem = preflight(paths.data_dir, journal=paths.journal)
        return True
    finally:
        closer.target = None
        dialog.deleteLater()


@dataclass(frozen=True)
class Step:
    """How one window session ended: the exit code, or open the journal again."""

    code: int
    again: bool = False
    fresh_ok: bool = False  # the user chose a new journal though backups exist


def run_gui(paths: AppPaths, argv: Sequence[str], clock: Clock) -> int:
    """Open the window on the journal at ``paths``; return the exit code.

    The window may open more than once: after a backup is restored (from the Backups
    dialog, or when the journal was found damaged) the journal is opened afresh.
    """
    app = make_application(argv)
    settings = Settings(paths.settings)
    apply_theme(app, settings.theme)
    closer = Closer(app)
    _quit_on_signals(app, closer)
    instance = SingleInstance(paths.lock_file, paths.instance_socket)
    held = instance.acquire()
    if not held and not instance.lock_problem():
        return _hand_over(instance)  # a window is open on this journal: bring it forward
    if not _writable_or_given_up(paths, closer):
        return 1
    if not held:
        claimed = _claim_instance(paths)  # the folder is writable now: try once more
        if isinstance(claimed, int):
            return claimed
        instance = claimed
    install_excepthook(str(paths.log_file))
    launch = Launch(app, paths, settings, clock, instance, closer)
    try:
        step = Step(0, again=True)
        while step.again:
            step = launch.session(fresh_ok=step.fresh_ok)
        return step.code
    finally:
        instance.release()


@dataclass
class Launch:
    """What every window session of one run shares."""

    app: QApplication
    paths: AppPaths
    settings: Settings
    clock: Clock
    instance: SingleInstance
    closer: Closer
    location_told: bool = False

    def session(self, *, fresh_ok: bool) -> Step:
        """Open the journal and its window once; returns when the window has closed."""
        # The backups folder as the Preferences last left it (they may have changed it).
        paths, clock = self.paths.with_backups(self.settings.backups_dir), self.clock
        diagnosis = diagnose(paths.journal, paths.backups)
        if diagnosis is not None and not (fresh_ok and diagnosis.damage is Damage.MISSING):
            return self.recover(diagnosis)
        held: list[Database] = []
        reader: sqlite3.Connection | None = None
        try:
            if inspect_journal(paths.journal).state is FileState.CURRENT:
                check_writable(paths.journal.parent)
                reader = today_query.connect(paths.journal)
                today_source = _reader_source(reader, clock)
                services = None
            else:
                db, services = open_services(paths, clock, self.settings.retention)
                held.append(db)
                today_source = services.journal.today
            window = MainWindow(paths, self.settings, today_source, clock)  # reads Today
        except DamagedJournalError as exc:
            _close(paths.journal, reader, held, damaged=True)
            return self.recover(from_database_error(exc.reason))
        except JournalError as exc:
            _close(paths.journal, reader, held)
            say_error(str(exc))
            show_error(None, "devjournal cannot open the journal", str(exc))
            return Step(1)
        try:
            code = self.run_window(window, services, held)
        finally:
            self.closer.target = None
            window.finish_closing()  # the backup on close, on its worker
            _close(paths.journal, reader, held, damaged=window.recovery is not None)
            window.deleteLater()
        if window.recovery is not None:
            return self.recover(window.recovery)
        if window.restore_request is not None:
            return _restore_requested(paths, window.restore_request, self.clock)
        return Step(code)

    def run_window(
        self, window: MainWindow, services: Services | None, held: list[Database]
    ) -> int:
        """Show the window, load the services behind it, check every page; run until
        the window closes."""
        app, paths = self.app, self.paths
        self.instance.activation_requested.connect(window.activate)
        window.today_page.first_painted.connect(
            lambda: log.info("ready in %d ms", process_age_ms())
        )
        checker = JournalCheck(paths.journal, parent=window)
        checker.damaged.connect(window.close_for_recovery)
        # The check is the last of the start-up work (the pages, the reminders' first look
        # and any settings.json they write come before it): what waits for a settled app
        # (the e2e tests) waits for this line.
        checker.finished.connect(
            lambda: log.info("start-up finished %d ms after start", process_age_ms())
        )
        loader: ServicesLoader | None = None
        if services is not None:
            if not _attach(window, services):
                return 0
            window.today_page.first_painted.connect(checker.start)
        else:
            loader = ServicesLoader(paths, self.clock, self.settings.retention, parent=window)
            window.today_page.first_painted.connect(loader.start)

            def on_loaded(db: Database, loaded: Services) -> None:
                held.append(db)
                # The pages are built one per turn of the event loop; the check starts
                # after the last: they come first.
                _attach_in_turns(window, loaded, then=checker.start)

            def on_failed(message: str) -> None:
                say_error(str(message))
                show_error(
                    window,
                    "devjournal cannot open the journal",
                    message,
                    on_closed=lambda: app.exit(1),
                )

            def on_damaged(reason: str) -> None:
                window.close_for_recovery(from_database_error(reason))

            loader.loaded.connect(on_loaded)
            loader.failed.connect(on_failed)
            loader.damaged.connect(on_damaged)
        self.closer.target = window
        window.show()
        self._tell_location(window)
        try:
            code = app.exec()
        finally:
            checker.stop()
            if loader is not None:
                loader.stop()
        log.info("closed with exit code %d", code)
        return code

    def _tell_location(self, window: MainWindow) -> None:
        """The synced-folder or network warning, and the one about a folder every user
        may write in, once per run (not on every reopen)."""
        if self.location_told:
            return
        self.location_told = True
        from devjournal.location import open_to_others, risky_location  # noqa: PLC0415

        found = (risky_location(self.paths.journal), open_to_others(self.paths.data_dir))
        warning = "\n\n".join(w for w in found if w is not None) or None
        if warning is not None:
            log.warning("risky journal location: %s", warning)
            from devjournal.ui.file_prompts import tell  # noqa: PLC0415

            tell(window, "Where the journal is kept", warning, warning=True)

    def recover(self, diagnosis: Diagnosis) -> Step:
        """Move the damaged file aside, then offer the newest good backup (the journal is
        closed). The window opens again after a restore or on a new journal."""
        from devjournal.storage.backup import restore_backup  # noqa: PLC0415
        from devjournal.ui.dialogs.recovery_dialog import (  # noqa: PLC0415
            Outcome,
            RecoveryDialog,
        )

        paths = self.paths
        try:
            moved = set_aside(paths.journal, diagnosis, self.clock())
        except OSError as exc:
            message = (
                f"{diagnosis.detail} devjournal could not move it aside "
                f"({exc.strerror or exc}), so it did not open it. Nothing was deleted; keep "
                f"a copy of {paths.data_dir} before trying anything else."
            )
            say_error(f"{diagnosis.title}. {message}")
            show_error(None, diagnosis.title, message)
            return Step(1)
        where = ", ".join(str(p) for p in moved) or "nothing to move"
        log.error(
            "%s (%s). %s Moved aside: %s.",
            diagnosis.title,
            diagnosis.damage.value,
            diagnosis.detail,
            where,
        )
        dialog = RecoveryDialog(
            diagnosis,
            moved,
            newest_good_backup(paths.backups),
            lambda chosen: restore_backup(chosen, paths.journal, self.clock()),
            now=self.clock(),
        )
        self.closer.target = dialog
        log.info(
            "recovery dialog shown (%s) %d ms after start",
            diagnosis.damage.value,
            process_age_ms(),
        )
        try:
            dialog.exec()
        finally:
            self.closer.target = None
            dialog.deleteLater()
        if dialog.outcome is Outcome.QUIT:
            return Step(1)
        if dialog.quit_after:  # asked to quit (SIGTERM) while the restore was written
            return Step(0)
        return Step(0, again=True, fresh_ok=dialog.outcome is Outcome.NEW)


def _attach(window: MainWindow, services: Services) -> bool:
    """Give the window its services; False if a page met damage building itself (the
    window then closes to recover)."""
    return _ran_undamaged(window, lambda: window.attach_services(services))


def _attach_in_turns(window: MainWindow, services: Services, *, then: Callable[[], None]) -> None:
    """Give the window its services one step per turn of the event loop (a page each, a
    few tens of milliseconds), so it repaints and answers keys between them; ``then``
    runs after the last. The steps stop when the window closes, or when a page met
    damage building itself (the window then closes to recover)."""
    steps = iter(window.attach_steps(services))

    def turn() -> None:
        if window.closed:
            return
        step = next(steps, None)
        if step is None:
            then()
        elif _ran_undamaged(window, step):
            QTimer.singleShot(TURN_MS, window, turn)

    QTimer.singleShot(TURN_MS, window, turn)  # a turn after the services were opened


def _ran_undamaged(window: MainWindow, step: Callable[[], None]) -> bool:
    """Run ``step``; False if it met a damaged journal (the window then closes to recover
    it). Any other error is raised."""
    try:
        step()
    except Exception as exc:
        reason = damage_reason(exc)
        if reason is None:
            raise
        window.close_for_recovery(from_database_error(reason))
        return False
    return True


def _hand_over(instance: SingleInstance) -> int:
    if instance.notify_running():
        say("devjournal is already open on this journal; its window was brought forward.")
        return 0
    problem = (
        f"devjournal is already open on this journal (process {instance.holder_pid()}) "
        "but did not answer. Close that window, or wait a moment and try again."
    )
    say_error(str(problem))
    show_error(None, "devjournal cannot start", problem)
    return 1


def _close(
    journal: Path,
    reader: sqlite3.Connection | None,
    held: list[Database],
    *,
    damaged: bool = False,
) -> None:
    """Close every connection to the journal. A damaged journal is closed without any
    checkpoint, so the file moved aside is exactly what was found."""
    with untouched(journal) if damaged else contextlib.nullcontext():
        if reader is not None:
            reader.close()
        for db in held:
            db.close(checkpoint=not damaged)
        held.clear()


def _restore_requested(paths: AppPaths, backup: Path, clock: Clock) -> Step:
    """The Backups dialog asked for ``backup``; the window has closed the journal."""
    from devjournal.storage.backup import restore_backup  # noqa: PLC0415

    try:
        aside = restore_backup(backup, paths.journal, clock())
    except (JournalError, OSError) as exc:
        log.warning("restoring %s failed: %s", backup, exc)
        show_error(None, "The backup was not restored", f"{exc} The journal was not changed.")
        return Step(0, again=True)
    log.info("restored %s; the journal it replaced is kept at %s", backup.name, aside)
    return Step(0, again=True)


def _reader_source(conn: sqlite3.Connection, clock: Clock) -> Callable[[], TodayOverview]:
    def today_source() -> TodayOverview:
        return today_query.read_today(conn, local_today(clock), clock())

    return today_source
