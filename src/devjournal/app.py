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
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication

from devjournal.domain.clock import Clock, local_today, utc_now
from devjournal.domain.errors import JournalError
from devjournal.domain.overview import TodayOverview
from devjournal.paths import AppPaths
from devjournal.settings import Settings
from devjournal.storage import today_query
from devjournal.storage.journal_file import FileState, check_writable, inspect_journal
from devjournal.ui.application import make_application
from devjournal.ui.error_dialog import install_excepthook, show_error
from devjournal.ui.main_window import MainWindow
from devjournal.ui.single_instance import SingleInstance
from devjournal.ui.theme import apply_theme

if TYPE_CHECKING:
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

log = logging.getLogger(__name__)

_IMPORTED_AT = time.perf_counter()
ICON = Path(__file__).parent / "ui" / "icons" / "devjournal.svg"
HEAVY_MODULES = ("devjournal.storage.database", "devjournal.services.container")


def process_age_ms() -> int:
    """Milliseconds since this process started (Linux /proc; elsewhere since import)."""
    try:
        fields = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return round((uptime - started) * 1000)
    except (OSError, ValueError, IndexError):
        return round((time.perf_counter() - _IMPORTED_AT) * 1000)


def open_services(paths: AppPaths, clock: Clock) -> tuple[Database, Services]:
    """Open (migrating if needed) the journal and build the services over it."""
    from devjournal.services.container import open_services as open_all  # noqa: PLC0415

    return open_all(paths.journal, paths.backups, clock)


class ServicesLoader(QObject):
    """Imports the ORM and services on a worker thread, then opens them on the GUI thread.

    Only the imports run on the worker (they are most of the cost and touch nothing
    shared); the engine and services are made on the GUI thread, which owns them.
    """

    loaded = Signal(object, object)  # Database, Services
    failed = Signal(str)
    _imported = Signal(str)  # an error message, or "" on success

    def __init__(self, paths: AppPaths, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._clock = clock
        self._started = False
        self._imported.connect(self._on_imported)

    def start(self) -> None:
        """Begin loading (once)."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._import, name="devjournal-import", daemon=True).start()

    def _import(self) -> None:
        try:
            for name in HEAVY_MODULES:
                importlib.import_module(name)
        except Exception as exc:  # a broken install; reported on the GUI thread
            log.exception("loading devjournal's storage failed")
            self._imported.emit(f"devjournal could not load its storage: {exc!r}")
            return
        self._imported.emit("")

    def _on_imported(self, error: str) -> None:
        if error:
            self.failed.emit(error)
            return
        try:
            db, services = open_services(self._paths, self._clock)
        except JournalError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # e.g. the file changed under us since the first look
            log.exception("opening the journal's services failed")
            self.failed.emit(f"devjournal could not open the journal: {exc}")
            return
        log.info("services ready %d ms after start", process_age_ms())
        self.loaded.emit(db, services)


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
        if instance.notify_running():
            print("devjournal is already open on this journal; its window was brought forward.")
            return 0
        problem = (
            f"devjournal is already open on this journal (process {instance.holder_pid()}) "
            "but did not answer. Close that window, or wait a moment and try again."
        )
    print(f"devjournal: error: {problem}", file=sys.stderr)
    show_error(None, "devjournal cannot start", problem)
    return 1


def run_gui(paths: AppPaths, argv: Sequence[str], clock: Clock = utc_now) -> int:
    """Open the window on the journal at ``paths``; return the exit code."""
    app = make_application(argv)
    settings = Settings(paths.settings)
    apply_theme(app, settings.theme)
    claimed = _claim_instance(paths)
    if isinstance(claimed, int):
        return claimed
    instance = claimed
    held: list[Database] = []
    reader: sqlite3.Connection | None = None
    try:
        try:
            if inspect_journal(paths.journal).state is FileState.CURRENT:
                check_writable(paths.journal.parent)
                reader = today_query.connect(paths.journal)
                today_source = _reader_source(reader, clock)
                services = None
            else:
                db, services = open_services(paths, clock)
                held.append(db)
                today_source = services.journal.today
            window = MainWindow(paths, settings, today_source, clock)  # reads Today
        except JournalError as exc:
            print(f"devjournal: error: {exc}", file=sys.stderr)
            show_error(None, "devjournal cannot open the journal", str(exc))
            return 1

        install_excepthook(str(paths.log_file))
        instance.activation_requested.connect(window.activate)
        window.today_page.first_painted.connect(
            lambda: log.info("ready in %d ms", process_age_ms())
        )
        if services is not None:
            window.attach_services(services)
        else:
            loader = ServicesLoader(paths, clock, parent=window)
            window.today_page.first_painted.connect(loader.start)

            def on_loaded(db: Database, loaded: Services) -> None:
                held.append(db)
                window.attach_services(loaded)

            def on_failed(message: str) -> None:
                print(f"devjournal: error: {message}", file=sys.stderr)
                show_error(window, "devjournal cannot open the journal", message)
                app.exit(1)

            loader.loaded.connect(on_loaded)
            loader.failed.connect(on_failed)
        _quit_on_signals(app, window.close)
        window.show()
        from devjournal.location import risky_location  # noqa: PLC0415

        warning = risky_location(paths.journal)
        if warning is not None:
            log.warning("risky journal location: %s", warning)
            from devjournal.ui.file_prompts import tell  # noqa: PLC0415

            tell(window, "Where the journal is kept", warning, warning=True)
        code = app.exec()
        log.info("closed with exit code %d", code)
        return code
    finally:
        if reader is not None:
            reader.close()
        for db in held:
            db.close()
        instance.release()


def _reader_source(conn: sqlite3.Connection, clock: Clock) -> Callable[[], TodayOverview]:
    def today_source() -> TodayOverview:
        return today_query.read_today(conn, local_today(clock), clock())

    return today_source
