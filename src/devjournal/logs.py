"""Logging to a rotating file in the log folder (owner-only)."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

from devjournal.domain.text import for_terminal
from devjournal.terminal import say

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class BriefFormatter(logging.Formatter):
    """One line per record, cleaned for the terminal (``domain.text.for_terminal``: a file
    name or a title in a message cannot drive it): tracebacks go to the log file, never to
    the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return for_terminal(super().format(record))
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file. When it cannot be written (the disk is full, the file system turned
    read-only) it says so once, in one line on stderr, and stops: a failing log never
    prints tracebacks ("--- Logging error ---") on the terminal, which is where the user
    reads the one-line message about what really failed."""

    failed = False

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record``, unless the file already failed."""
        if not self.failed:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """Called by logging when writing ``record`` failed: one line, then silence."""
        if self.failed:
            return
        self.failed = True
        exc = sys.exc_info()[1]
        reason = (exc.strerror if isinstance(exc, OSError) else None) or repr(exc)
        with contextlib.suppress(Exception):
            say(
                f"devjournal: warning: cannot write the log {self.baseFilename} ({reason}); "
                "going on without it.",
                err=True,
            )


def setup_logging(log_file: Path, *, verbose: bool = False) -> None:
    """Log INFO and up to ``log_file`` (1 MB x 3) and WARNING (or INFO if verbose) to stderr."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.INFO)
    try:
        log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        file_handler = LogFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        log_file.chmod(0o600)
        file_handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(file_handler)
    except OSError as exc:
        say(
            f"devjournal: warning: cannot write the log {log_file} "
            f"({exc.strerror or exc}); going on without it.",
            err=True,
        )
    stream = logging.StreamHandler(sys.stderr)
    stream.setLevel(logging.INFO if verbose else logging.WARNING)
    stream.setFormatter(BriefFormatter("devjournal: %(levelname)s: %(message)s"))
    root.addHandler(stream)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per migration is ours
