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
from typing import TYPE_CHECKING

from devjournal.domain.errors import DomainError
from devjournal.paths import AppPaths

if TYPE_CHECKING:
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

Opener = Callable[[AppPaths], "tuple[Database, Services]"]


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

    journal = kinds.add_parser(
        "journal", help="the whole journal as one JSON file (docs/journal-format.md)"
    )
    journal.add_argument("-o", "--output", metavar="FILE", required=True, help="where to write")

    checkins = kinds.add_parser("checkins", help="every check-in as CSV (for a spreadsheet)")
    checkins.add_argument("--sprint", metavar="ID", help="only this sprint's goals")
    checkins.add_argument("-o", "--output", metavar="FILE", help="where to write (stdout without)")


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
    if args.what == "journal":
        return _export_journal(paths, args, open_journal)
    if args.what == "checkins":
        return _export_checkins(paths, args, open_journal)
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

    if args.format == "pdf" and not args.output:
        raise UsageError("A PDF needs a file: -o FILE.")
    db, services = open_journal(paths)
    try:
        summary = sprint_summary(
            services,
            sprint_id_of(services, args.sprint),
            datetime.now(UTC),
            include_private=args.include_private,
        )
    finally:
        db.close()
    if args.format == "md":
        data = summary_markdown(summary).encode("utf-8")
    else:
        with headless_qt():
            if args.format == "html":
                from devjournal.exporting.summary_html import summary_html  # noqa: PLC0415

                data = summary_html(summary).encode("utf-8")
            else:
                from devjournal.exporting.summary_pdf import summary_pdf  # noqa: PLC0415

                data = summary_pdf(summary)
    write_output(
        data,
        args.output,
        text=args.format != "pdf",
        done=f"Wrote the summary of “{summary.sprint_title}”",
    )
    return 0


def _export_journal(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.journal_json import journal_json  # noqa: PLC0415

    db, services = open_journal(paths)
    try:
        tables = services.journal.dump()
        revision = services.journal.revision()
    finally:
        db.close()
    data = journal_json(tables, revision, datetime.now(UTC))
    rows = sum(len(rows) for rows in tables.values())
    write_output(data, args.output, text=False, done=f"Wrote the journal ({rows:,} rows)")
    return 0


def _export_checkins(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.checkins_csv import checkins_csv  # noqa: PLC0415

    if args.sprint is not None and not str(args.sprint).isdigit():
        raise UsageError("--sprint takes a sprint id.")
    db, services = open_journal(paths)
    try:
        data, count = checkins_csv(services, int(args.sprint) if args.sprint else None)
    finally:
        db.close()
    write_output(data, args.output, text=True, done=f"Wrote {count:,} check-ins")
    return 0
