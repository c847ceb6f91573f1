"""``devjournal export ...``: one subcommand per kind of export.

Each writes its file atomically (0600) through :func:`write_output`; a problem the user can
fix raises :class:`UsageError`, which the CLI prints as a message (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from devjournal.domain.errors import DomainError
from devjournal.paths import AppPaths

if TYPE_CHECKING:
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

Opener = Callable[[AppPaths], "tuple[Database, Services]"]
_R = TypeVar("_R")


class UsageError(DomainError):
    """A command given something it cannot use; the message says what to give instead."""


def add_export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``export`` and its subcommands."""
    export = commands.add_parser("export", help="write part of the journal to a file")
    kinds = export.add_subparsers(dest="what", metavar="WHAT", required=True)

    sessions = kinds.add_parser("sessions", help="coaching sessions as an iCalendar (.ics) file")
    sessions.add_argument("-o", "--output", metavar="FILE", required=True, help="where to write")
    sessions.add_argument("--sprint", metavar="ID", help="only this sprint's sessions")
    sessions.add_argument("--format", choices=("ics",), default="ics", help="ics (the default)")

    summary = kinds.add_parser("summary", help="a sprint's goal summary before a session")
    _sprint_report_options(summary)


def _sprint_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sprint", metavar="ID", default="current", help="a sprint id, or 'current' (default)"
    )
    _format_options(parser)
    parser.add_argument("--include-private", action="store_true", help="keep items scoped private")


def _format_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("md", "html", "pdf"),
        default="md",
        help="md (default), html (one self-contained file) or pdf (needs -o)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (md and html go to stdout without)"
    )


def run_export(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    """Run ``export <what>``; returns the exit code."""
    if args.what == "sessions":
        return _export_sessions(paths, args, open_journal)
    return _export_summary(paths, args, open_journal)


# -- shared helpers ---------------------------------------------------------------------
@contextlib.contextmanager
def headless_qt() -> Iterator[None]:
    """A QGuiApplication on the offscreen platform while charts are painted: exports work
    without a screen (over SSH, in CI)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication(["devjournal"])
    try:
        yield
    finally:
        del app


def write_output(data: bytes, output: str | None, *, text: bool, done: str) -> None:
    """Write ``data`` to ``output`` atomically (0600) and print ``done``, or print text to
    stdout when no file is named. A binary format needs a file."""
    from devjournal.files import atomic_write_bytes  # noqa: PLC0415

    if not output or output == "-":
        if not text:
            raise UsageError("This format is not text for a terminal: give a file with -o FILE.")
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    try:
        atomic_write_bytes(Path(output), data)
    except OSError as exc:
        raise UsageError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
    print(f"{done} to {output}.")


def sprint_id_of(services: Services, which: str) -> int:
    """The sprint ``which`` names: an id, or ``current`` (the sprint running today)."""
    from devjournal.domain.sprints import SprintPhase  # noqa: PLC0415

    if which == "current":
        active = [s for s in services.coaching.board() if s.phase is SprintPhase.ACTIVE]
        if not active:
            raise UsageError("No sprint is running today: give its id with --sprint.")
        return active[0].sprint.id
    if which.isdigit():
        return int(which)
    raise UsageError("--sprint takes a sprint id or 'current'.")


# -- the exports ------------------------------------------------------------------------
def _export_sessions(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.ics import sessions_calendar  # noqa: PLC0415

    if args.sprint is not None and not str(args.sprint).isdigit():
        raise UsageError("--sprint takes a sprint id for sessions.")
    sprint_id = int(args.sprint) if args.sprint is not None else None
    db, services = open_journal(paths)
    try:
        sprints = services.coaching.sessions_by_sprint(sprint_id)
    finally:
        db.close()
    data = sessions_calendar(sprints, datetime.now(UTC))
    count = sum(len(sessions) for _, sessions in sprints)
    write_output(
        data,
        args.output,
        text=False,
        done=f"Wrote {count:,} sessions of {len(sprints):,} sprints",
    )
    return 0


def _export_summary(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.summary import sprint_summary, summary_markdown  # noqa: PLC0415

    def html() -> bytes:
        from devjournal.exporting.summary_html import summary_html  # noqa: PLC0415

        return summary_html(summary).encode("utf-8")

    def pdf() -> bytes:
        from devjournal.exporting.summary_pdf import summary_pdf  # noqa: PLC0415

        return summary_pdf(summary)

    summary = _read_report(
        paths,
        args,
        open_journal,
        lambda services, now: sprint_summary(
            services,
            sprint_id_of(services, args.sprint),
            now,
            include_private=args.include_private,
        ),
    )
    _write_report(
        args,
        lambda: summary_markdown(summary).encode("utf-8"),
        html,
        pdf,
        done=f"Wrote the summary of “{summary.sprint_title}”",
    )
    return 0


def _read_report(
    paths: AppPaths,
    args: argparse.Namespace,
    open_journal: Opener,
    build: Callable[[Services, datetime], _R],
) -> _R:
    """The report ``build`` reads from the journal as of now (refused first when a PDF
    has no file to go to)."""
    if args.format == "pdf" and not args.output:
        raise UsageError("A PDF needs a file: -o FILE.")
    db, services = open_journal(paths)
    try:
        return build(services, datetime.now(UTC))
    finally:
        db.close()


def _write_report(
    args: argparse.Namespace,
    markdown: Callable[[], bytes],
    html: Callable[[], bytes],
    pdf: Callable[[], bytes],
    *,
    done: str,
) -> None:
    """Make the report in ``args.format`` (HTML and PDF headless) and write it."""
    if args.format == "md":
        data = markdown()
    else:
        with headless_qt():
            data = html() if args.format == "html" else pdf()
    write_output(data, args.output, text=args.format != "pdf", done=done)
