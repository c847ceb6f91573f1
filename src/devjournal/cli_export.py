"""``devjournal export ...``: one subcommand per kind of export.

Each writes its file atomically (0600) through :func:`write_output`; a problem the user can
fix raises :class:`UsageError`, which the CLI prints as a message (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import DomainError
from devjournal.domain.sharing import Sharing, left_out_note
from devjournal.paths import AppPaths
from devjournal.terminal import say, say_text

if TYPE_CHECKING:
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

Opener = Callable[[AppPaths], "tuple[Database, Services]"]
_R = TypeVar("_R")
T = TypeVar("T")


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
    sessions.add_argument(
        "--include-private", action="store_true", help="keep the agendas of private sessions"
    )

    summary = kinds.add_parser("summary", help="a sprint's goal summary before a session")
    _sprint_report_options(summary)

    closeout = kinds.add_parser(
        "closeout", help="a sprint's close-out report: goals, lessons, wins, follow-through"
    )
    _sprint_report_options(
        closeout,
        "a sprint id; 'current' (default): the sprint running today, or the one that "
        "finished last when none is; 'last': the one that finished last",
    )

    journal = kinds.add_parser(
        "journal", help="the whole journal as one JSON file (docs/journal-format.md)"
    )
    journal.add_argument("-o", "--output", metavar="FILE", required=True, help="where to write")

    checkins = kinds.add_parser("checkins", help="every check-in as CSV (for a spreadsheet)")
    checkins.add_argument("--sprint", metavar="ID", help="only this sprint's goals")
    checkins.add_argument("-o", "--output", metavar="FILE", help="where to write (stdout without)")
    checkins.add_argument(
        "--include-private", action="store_true", help="keep the check-ins of private goals"
    )

    history = kinds.add_parser("history", help="the mentorship history, filtered")
    history.add_argument("--mentor", metavar="ID|NAME", help="only entries with this mentor")
    history.add_argument("--tag", metavar="TAG", help="only entries with this tag")
    history.add_argument(
        "--kind", choices=[k.value for k in EntryKind], help="only entries of this kind"
    )
    history.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="from this day on")
    history.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="up to this day")
    _format_options(history)
    history.add_argument(
        "--include-private", action="store_true", help="keep entries scoped private"
    )


def _sprint_report_options(
    parser: argparse.ArgumentParser, sprint_help: str = "a sprint id, or 'current' (default)"
) -> None:
    parser.add_argument("--sprint", metavar="ID", default="current", help=sprint_help)
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
    if args.what == "closeout":
        return _export_closeout(paths, args, open_journal)
    if args.what == "history":
        return _export_history(paths, args, open_journal)
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
    """Write ``data`` to ``output`` atomically (0600) and say ``done``, or write text to
    stdout when no file is named (cleaned for the terminal: ``terminal.say_text``). A
    binary format needs a file."""
    from devjournal.files import write_export  # noqa: PLC0415

    if not output or output == "-":
        if not text:
            raise UsageError("This format is not text for a terminal: give a file with -o FILE.")
        say_text(data.decode("utf-8"))
        return
    try:
        write_export(Path(output), data)
    except OSError as exc:
        raise UsageError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
    say(f"{done} to {output}.")


def formatted(fmt: str, report: T, markdown: Callable[[T], str], name: str) -> bytes:
    """``report`` as ``md``, ``html`` or ``pdf`` bytes: Markdown by ``markdown``, HTML and PDF
    by ``devjournal.exporting.<name>_html.<name>_html`` and ``..._pdf``, imported only now
    (Qt is slow to load) and run headless."""
    if fmt == "md":
        return markdown(report).encode("utf-8")
    module = importlib.import_module(f"devjournal.exporting.{name}_{fmt}")
    with headless_qt():
        data = getattr(module, f"{name}_{fmt}")(report)
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def sprint_id_of(services: Services, which: str) -> int:
    """The sprint ``which`` names: an id, or ``current`` (the sprint running today)."""
    if which == "current":
        running = services.coaching.running_sprint()
        if running is None:
            raise UsageError("No sprint is running today: give its id with --sprint.")
        return running.id
    if which.isdigit():
        return int(which)
    raise UsageError("--sprint takes a sprint id or 'current'.")


def closeout_sprint_id(services: Services, which: str) -> int:
    """The sprint a close-out report is of: an id; ``last``, the sprint that finished last
    (closed, or past its end; by the day it closed or ended); ``current``, the sprint
    running today, or the one that finished last when none is running."""
    from devjournal.domain.sprints import SprintPhase, running_sprint  # noqa: PLC0415

    if which not in ("current", "last"):
        return sprint_id_of(services, which) if which.isdigit() else _bad_closeout_sprint()
    board = services.coaching.board()
    running = running_sprint(board)
    if which == "current" and running is not None:
        return running.id
    finished = [s.sprint for s in board if s.phase is SprintPhase.FINISHED]
    if not finished:
        raise UsageError("No sprint has finished yet: give its id with --sprint.")
    return max(finished, key=lambda s: (s.closed_on or s.end_date, s.id)).id


def _bad_closeout_sprint() -> int:
    raise UsageError("--sprint takes a sprint id, 'current' or 'last'.")


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
    data = sessions_calendar(sprints, db.clock(), Sharing(include_private=args.include_private))
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

    return _export_sprint_report(
        paths,
        args,
        open_journal,
        pick=lambda services: sprint_id_of(services, args.sprint),
        read=sprint_summary,
        markdown=summary_markdown,
        module="summary",
        what=lambda summary: (
            f"the summary of “{summary.sprint_title}”{left_out_note(summary.left_out)}"
        ),
    )


def _export_sprint_report(
    paths: AppPaths,
    args: argparse.Namespace,
    open_journal: Opener,
    *,
    pick: Callable[[Services], int],
    read: Callable[..., _R],
    markdown: Callable[[_R], str],
    module: str,
    what: Callable[[_R], str],
) -> int:
    """Export the report ``read`` makes of the sprint ``pick`` names, in ``args.format``:
    Markdown by ``markdown``, HTML and PDF by ``<module>_html`` and ``<module>_pdf`` of
    ``devjournal.exporting.<module>_html`` / ``_pdf`` (imported only when asked for)."""

    report = _read_report(
        paths,
        args,
        open_journal,
        lambda services, now: read(
            services, pick(services), now, sharing=Sharing(include_private=args.include_private)
        ),
    )
    write_output(
        formatted(args.format, report, markdown, module),
        args.output,
        text=args.format != "pdf",
        done=f"Wrote {what(report)}",
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
        return build(services, db.clock())
    finally:
        db.close()


def _export_closeout(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.closeout import closeout_markdown, sprint_closeout  # noqa: PLC0415

    return _export_sprint_report(
        paths,
        args,
        open_journal,
        pick=lambda services: closeout_sprint_id(services, args.sprint),
        read=sprint_closeout,
        markdown=closeout_markdown,
        module="closeout",
        what=lambda report: (
            f"the close-out report of “{report.sprint_title}”{left_out_note(report.left_out)}"
        ),
    )


def _export_journal(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.journal_json import journal_json  # noqa: PLC0415

    db, services = open_journal(paths)
    try:
        tables = services.journal.dump()
        revision = services.journal.revision()
    finally:
        db.close()
    data = journal_json(tables, revision, db.clock())
    rows = sum(len(rows) for rows in tables.values())
    write_output(data, args.output, text=False, done=f"Wrote the journal ({rows:,} rows)")
    return 0


def _export_checkins(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.exporting.checkins_csv import checkins_csv  # noqa: PLC0415

    if args.sprint is not None and not str(args.sprint).isdigit():
        raise UsageError("--sprint takes a sprint id.")
    db, services = open_journal(paths)
    try:
        data, count, left_out = checkins_csv(
            services,
            int(args.sprint) if args.sprint else None,
            Sharing(include_private=args.include_private),
        )
    finally:
        db.close()
    write_output(
        data, args.output, text=True, done=f"Wrote {count:,} check-ins{left_out_note(left_out)}"
    )
    return 0


def _day_option(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} takes a day as YYYY-MM-DD, not {value!r}.") from None


def mentor_id_of(services: Services, which: str) -> int:
    """The mentor ``which`` names: an id, or a name (any case)."""
    mentors = services.mentorship.mentors()
    if which.isdigit() and any(m.id == int(which) for m in mentors):
        return int(which)
    wanted = " ".join(which.split()).casefold()
    named = [m for m in mentors if " ".join(m.name.split()).casefold() == wanted]
    if len(named) == 1:
        return named[0].id
    if named:
        ids = ", ".join(str(m.id) for m in named)
        raise UsageError(f"More than one mentor is called {which!r}: give an id ({ids}).")
    known = "; ".join(f"{m.id} {m.name}" for m in mentors) or "none yet"
    raise UsageError(f"No mentor {which!r}. Mentors (id name): {known}.")


def _export_history(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.domain.history import HistoryFilter  # noqa: PLC0415
    from devjournal.exporting.history_export import (  # noqa: PLC0415
        HistoryRequest,
        build_history,
        history_markdown,
    )

    if args.format == "pdf" and not args.output:
        raise UsageError("A PDF needs a file: -o FILE.")
    since, until = _day_option(args.since, "--from"), _day_option(args.until, "--to")
    if since is not None and until is not None and since > until:
        raise UsageError(f"--from ({since}) is after --to ({until}).")
    db, services = open_journal(paths)
    try:
        where = HistoryFilter(
            mentor_id=mentor_id_of(services, args.mentor) if args.mentor else None,
            kind=EntryKind(args.kind) if args.kind else None,
            tag=args.tag or "",
            since=since,
            until=until,
        )
        request = HistoryRequest(where, include_private=args.include_private)
        export = build_history(services, request, db.clock())
    finally:
        db.close()
    data = formatted(args.format, export, history_markdown, "history")
    left = f" ({export.left_out:,} private left out)" if export.left_out else ""
    write_output(
        data,
        args.output,
        text=args.format != "pdf",
        done=f"Wrote {len(export.items):,} entries of the mentorship history{left}",
    )
    return 0
