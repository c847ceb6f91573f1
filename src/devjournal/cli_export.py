"""``devjournal export ...``: one subcommand per report of ``exporting/reports.py``.

The subcommands, their formats and what a file holds come from the registry; this module
turns the options into a report's request (``--sprint``, the history's filters), runs the
report's gather step (the privacy rule applied) and its writer, and writes the file
atomically (0600) through :func:`write_output`. A problem the user can fix raises
:class:`UsageError`, which the CLI prints as a message (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import DomainError
from devjournal.domain.jobs import no_progress
from devjournal.domain.sharing import Sharing
from devjournal.exporting.reports import REPORTS, Report, SprintRequest, SprintsRequest, report
from devjournal.paths import AppPaths
from devjournal.terminal import say, say_text

if TYPE_CHECKING:
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

Opener = Callable[[AppPaths], "tuple[Database, Services]"]


class UsageError(DomainError):
    """A command given something it cannot use; the message says what to give instead."""


def add_export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``export`` and a subcommand per report the command line offers."""
    export = commands.add_parser("export", help="write part of the journal to a file")
    kinds = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    for each in REPORTS:
        if each.command_line:
            _OPTIONS[each.name](kinds.add_parser(each.name, help=_HELP[each.name]), each)


_HELP = {
    "sessions": "coaching sessions as an iCalendar (.ics) file",
    "summary": "a sprint's goal summary before a session",
    "closeout": "a sprint's close-out report: goals, lessons, wins, follow-through",
    "journal": "the whole journal as one JSON file (docs/journal-format.md)",
    "checkins": "every check-in as CSV (for a spreadsheet)",
    "history": "the mentorship history, filtered",
    "review": "a review of the period: wins, goals, feedback, advice, follow-through, people",
}


def _sessions_options(parser: argparse.ArgumentParser, report: Report[Any, Any]) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="where to write")
    parser.add_argument("--sprint", metavar="ID", help="only this sprint's sessions")
    parser.add_argument("--format", choices=_names(report), default="ics", help="ics (the default)")
    parser.add_argument(
        "--include-private", action="store_true", help="keep the agendas of private sessions"
    )


def _summary_options(parser: argparse.ArgumentParser, report: Report[Any, Any]) -> None:
    _sprint_report_options(parser, report)


def _closeout_options(parser: argparse.ArgumentParser, report: Report[Any, Any]) -> None:
    _sprint_report_options(
        parser,
        report,
        "a sprint id; 'current' (default): the sprint running today, or the one that "
        "finished last when none is; 'last': the one that finished last",
    )


def _journal_options(parser: argparse.ArgumentParser, _report: Report[Any, Any]) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="where to write")


def _checkins_options(parser: argparse.ArgumentParser, _report: Report[Any, Any]) -> None:
    parser.add_argument("--sprint", metavar="ID", help="only this sprint's goals")
    parser.add_argument("-o", "--output", metavar="FILE", help="where to write (stdout without)")
    parser.add_argument(
        "--include-private", action="store_true", help="keep the check-ins of private goals"
    )


def _history_options(parser: argparse.ArgumentParser, report: Report[Any, Any]) -> None:
    parser.add_argument("--mentor", metavar="ID|NAME", help="only entries with this mentor")
    parser.add_argument(
        "--coach", metavar="ID|NAME", help="only entries linked to a sprint with this coach"
    )
    parser.add_argument("--tag", metavar="TAG", help="only entries with this tag")
    parser.add_argument(
        "--kind", choices=[k.value for k in EntryKind], help="only entries of this kind"
    )
    parser.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="from this day on")
    parser.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="up to this day")
    _format_options(parser, report)
    parser.add_argument(
        "--include-private", action="store_true", help="keep entries scoped private"
    )


def _day_argument(value: str) -> date:
    """A day as the command line takes it (argparse says what is wrong: exit 2)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a day as YYYY-MM-DD, not {value!r}") from None


class _RangeDay(argparse.Action):
    """``--from`` or ``--to`` of a range: once both are given, a range that ends before it
    starts is a usage error (exit 2)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        start, end = getattr(namespace, "start", None), getattr(namespace, "end", None)
        if isinstance(start, date) and isinstance(end, date) and start > end:
            parser.error(f"--from ({start}) is after --to ({end}): the range would be empty")


def _review_options(parser: argparse.ArgumentParser, report: Report[Any, Any]) -> None:
    for option, dest, what in (("--from", "start", "first"), ("--to", "end", "last")):
        parser.add_argument(
            option,
            dest=dest,
            metavar="YYYY-MM-DD",
            type=_day_argument,
            action=_RangeDay,
            required=True,
            help=f"the {what} day of the period (included)",
        )
    _format_options(parser, report)
    parser.add_argument("--include-private", action="store_true", help="keep items scoped private")


_OPTIONS: dict[str, Callable[[argparse.ArgumentParser, Report[Any, Any]], None]] = {
    "sessions": _sessions_options,
    "summary": _summary_options,
    "closeout": _closeout_options,
    "journal": _journal_options,
    "checkins": _checkins_options,
    "history": _history_options,
    "review": _review_options,
}


def _names(report: Report[Any, Any]) -> tuple[str, ...]:
    return tuple(f.name for f in report.formats)


def _sprint_report_options(
    parser: argparse.ArgumentParser,
    report: Report[Any, Any],
    sprint_help: str = "a sprint id, or 'current' (default)",
) -> None:
    parser.add_argument("--sprint", metavar="ID", default="current", help=sprint_help)
    _format_options(parser, report)
    parser.add_argument("--include-private", action="store_true", help="keep items scoped private")


def _format_options(parser: argparse.ArgumentParser, report: Report[Any, Any]) -> None:
    parser.add_argument(
        "--format",
        choices=_names(report),
        default="md",
        help="md (default), html (one self-contained file) or pdf (needs -o)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (md and html go to stdout without)"
    )


def run_export(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    """Run ``export <what>``: the report's request from the options, then gather (with the
    privacy rule), write and say what was written; returns the exit code."""
    chosen = report(args.what)
    fmt = chosen.format(getattr(args, "format", None) or chosen.formats[0].name)
    if not fmt.text and not args.output:
        raise UsageError(f"A {fmt.name.upper()} needs a file: -o FILE.")
    to_request = _REQUESTS[chosen.name](args)
    sharing = Sharing(include_private=getattr(args, "include_private", False))
    db, services = open_journal(paths)
    try:
        data = chosen.gather(services, to_request(services), sharing, no_progress())
    finally:
        db.close()
    if fmt.qt:
        with headless_qt():
            output = chosen.build(data, fmt.name)
    else:
        output = chosen.build(data, fmt.name)
    write_output(output, args.output, text=fmt.text, done=f"Wrote {chosen.said(data)}")
    return 0


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


# -- the requests: from the options (checked before the journal opens), then the journal ----
RequestOf = Callable[["Services"], Any]


def _sessions_request(args: argparse.Namespace) -> RequestOf:
    if args.sprint is not None and not str(args.sprint).isdigit():
        raise UsageError("--sprint takes a sprint id for sessions.")
    sprint_id = int(args.sprint) if args.sprint is not None else None
    return lambda _services: SprintsRequest(sprint_id)


def _summary_request(args: argparse.Namespace) -> RequestOf:
    return lambda services: SprintRequest(sprint_id_of(services, args.sprint))


def _closeout_request(args: argparse.Namespace) -> RequestOf:
    return lambda services: SprintRequest(closeout_sprint_id(services, args.sprint))


def _journal_request(_args: argparse.Namespace) -> RequestOf:
    return lambda _services: None


def _checkins_request(args: argparse.Namespace) -> RequestOf:
    if args.sprint is not None and not str(args.sprint).isdigit():
        raise UsageError("--sprint takes a sprint id.")
    sprint_id = int(args.sprint) if args.sprint else None
    return lambda _services: SprintsRequest(sprint_id)


def _day_option(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} takes a day as YYYY-MM-DD, not {value!r}.") from None


def _id_named(people: Sequence[tuple[int, str]], which: str, what: str, plural: str) -> int:
    """The one of ``people`` (id, name) that ``which`` names: an id, or a name (any case,
    spaces squeezed); a usage error naming them all when none or several match."""
    if which.isdigit() and any(pid == int(which) for pid, _ in people):
        return int(which)
    wanted = " ".join(which.split()).casefold()
    named = [pid for pid, name in people if " ".join(name.split()).casefold() == wanted]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(str(pid) for pid in named)
        raise UsageError(f"More than one {what} is called {which!r}: give an id ({ids}).")
    known = "; ".join(f"{pid} {name}" for pid, name in people) or "none yet"
    raise UsageError(f"No {what} {which!r}. {plural} (id name): {known}.")


def mentor_id_of(services: Services, which: str) -> int:
    """The mentor ``which`` names: an id, or a name (any case)."""
    return _id_named(
        [(m.id, m.name) for m in services.mentorship.mentors()], which, "mentor", "Mentors"
    )


def coach_id_of(services: Services, which: str) -> int:
    """The coach ``which`` names: an id, or a name (any case)."""
    return _id_named(
        [(c.id, c.name) for c in services.people.coach_list()], which, "coach", "Coaches"
    )


def _history_request(args: argparse.Namespace) -> RequestOf:
    from devjournal.domain.history import HistoryFilter  # noqa: PLC0415
    from devjournal.exporting.history_export import HistoryRequest  # noqa: PLC0415

    since, until = _day_option(args.since, "--from"), _day_option(args.until, "--to")
    if since is not None and until is not None and since > until:
        raise UsageError(f"--from ({since}) is after --to ({until}).")

    def request(services: Services) -> HistoryRequest:
        where = HistoryFilter(
            mentor_id=mentor_id_of(services, args.mentor) if args.mentor else None,
            coach_id=coach_id_of(services, args.coach) if args.coach else None,
            kind=EntryKind(args.kind) if args.kind else None,
            tag=args.tag or "",
            since=since,
            until=until,
        )
        return HistoryRequest(where, include_private=args.include_private)

    return request


def _review_request(args: argparse.Namespace) -> RequestOf:
    from devjournal.exporting.review import ReviewRequest  # noqa: PLC0415

    request = ReviewRequest(args.start, args.end)  # days checked by the parser
    return lambda _services: request


_REQUESTS: dict[str, Callable[[argparse.Namespace], RequestOf]] = {
    "sessions": _sessions_request,
    "summary": _summary_request,
    "closeout": _closeout_request,
    "journal": _journal_request,
    "checkins": _checkins_request,
    "history": _history_request,
    "review": _review_request,
}
