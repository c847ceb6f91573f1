"""Composition root: paths -> engine -> migrate -> services -> MainWindow."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from devjournal import APP_NAME, __version__
from devjournal.domain.errors import JournalError
from devjournal.paths import AppPaths
from devjournal.services.container import build_services
from devjournal.settings import Settings
from devjournal.storage.database import open_journal
from devjournal.ui.error_dialog import install_excepthook, show_error
from devjournal.ui.main_window import MainWindow
from devjournal.ui.single_instance import SingleInstance
from devjournal.ui.theme import apply_theme

log = logging.getLogger(__name__)


def process_age_ms() -> int:
    """Milliseconds since this process started (Linux /proc; elsewhere since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return round((uptime - started) * 1000)
    except (OSError, ValueError, IndexError):
        return round((time.perf_counter() - _IMPORTED_AT) * 1000)


_IMPORTED_AT = time.perf_counter()


def _quit_on_signals(app: QApplication, quit_gracefully: Callable[[], None]) -> None:
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
        try:
            os.read(read_fd, 64)
        except BlockingIOError:
            pass

    notifier.activated.connect(drain)

    def handler(signum: int, _frame: object) -> None:
        log.info("received signal %d; closing", signum)
        QTimer.singleShot(0, quit_gracefully)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with devjournal's names (or the existing one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("devjournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("devjournal")
    return app


def run_gui(paths: AppPaths, argv: Sequence[str]) -> int:
    """Open the window on the journal at ``paths``; return the exit code."""
    app = make_application(argv)
    settings = Settings(paths.settings)
    apply_theme(app, settings.theme)

    instance = SingleInstance(paths.lock_file, paths.instance_socket)
    if not instance.acquire():
        if instance.notify_running():
            print("devjournal is already open on this journal; its window was brought forward.")
            return 0
        pid = instance.holder_pid()
        message = (
            f"devjournal is already open on this journal (process {pid}) but did not answer. "
            "Close that window, or wait a moment and try again."
        )
        print(f"devjournal: error: {message}", file=sys.stderr)
        return 1
    try:
        try:
            db = open_journal(paths.journal, paths.backups)
        except JournalError as exc:
            print(f"devjournal: error: {exc}", file=sys.stderr)
            show_error(None, "devjournal cannot open the journal", str(exc))
            return 1
        try:
            services = build_services(db, paths.backups)
            install_excepthook(str(paths.log_file))
            window = MainWindow(services, paths, settings)
            instance.activation_requested.connect(window.activate)
            window.today_page.first_painted.connect(
                lambda: log.info("ready in %d ms", process_age_ms())
            )
            _quit_on_signals(app, window.close)
            window.show()
            code = app.exec()
            log.info("closed with exit code %d", code)
            return code
        finally:
            db.close()
    finally:
        instance.release()
