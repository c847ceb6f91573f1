"""The command line. Qt is imported only for the window."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from devjournal import __version__
from devjournal.cli_backup import add_backup_parsers, run_backup, run_check
from devjournal.cli_export import Opener, add_export_parser, run_export
from devjournal.cli_import import add_import_parser, run_import
from devjournal.domain import outreach as reach
from devjournal.domain.clock import Clock, local_today, utc_now
from devjournal.domain.errors import DomainError, JournalNotEmptyError
from devjournal.domain.feedback import FeedbackItem
from devjournal.domain.mentors import MentorLine, has_ended
from devjournal.domain.text import for_terminal
from devjournal.domain.wording import days_ago, due_phrase, plural
from devjournal.paths import ENV_HOME, AppPaths, resolve_paths
from devjournal.storage.journal_file import damage_reason
from devjournal.storage.today_query import damaged_message
from devjournal.terminal import say, say_error, say_json, say_marked

if TYPE_CHECKING:
    from devjournal.domain.models import Outreach
    from devjournal.services.container import Services
    from devjournal.storage.database import Database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NOT_EMPTY = 3
EXIT_BUG = 70
EXIT_READER_GONE = 141
"""What a shell reports for a command whose reader stopped reading (128 + SIGPIPE), as
for ``yes | head -1``."""
MAX_SEARCH_LIMIT = 10_000
UNCHANGED = "The journal was left unchanged."

COUNT_LABELS = {
    "sprints": "Sprints",
    "goals": "Goals",
    "checkins": "Check-ins",
    "sessions": "Sessions",
    "action_items": "Action items",
    "mentors": "Mentors",
    "log_entries": "Log entries",
    "tags": "Tags",
    "assessments": "Assessments",
    "coaches": "Coaches",
    "aims": "Direction",
    "outreach": "Outreach",
}


EXAMPLES: dict[str, tuple[str, ...]] = {
    "": ("devjournal", "devjournal --home ~/journals/work info", "devjournal search mentor"),
    "info": ("devjournal info --json",),
    "sprints": ("devjournal sprints",),
    "mentors": ("devjournal mentors --json",),
    "feedback": ("devjournal feedback",),
    "search": ('devjournal search "code review" OR pairing --limit 50',),
    "export": ("devjournal export summary --format pdf -o summary.pdf",),
    "export sessions": ("devjournal export sessions -o sessions.ics",),
    "export summary": ("devjournal export summary --sprint 3 --format html -o summary.html",),
    "export closeout": ("devjournal export closeout --format pdf -o closeout.pdf",),
    "export journal": ("devjournal export journal -o journal.json",),
    "export checkins": ("devjournal export checkins -o checkins.csv",),
    "export history": ('devjournal export history --mentor "Ada" --format pdf -o ada.pdf',),
    "export review": (
        "devjournal export review --from 2026-01-01 --to 2026-06-30 --format pdf -o h1.pdf",
    ),
    "import": ("devjournal import jrnl --dry-run journal.json",),
    "import devjournal": ("devjournal --home ~/new-journal import devjournal journal.json",),
    "import jrnl": ("jrnl --export json > jrnl.json && devjournal import jrnl jrnl.json",),
    "import dayone": ("devjournal import dayone --dry-run Journal.json",),
    "backup": ("devjournal backup list",),
    "backup create": ("devjournal backup create",),
    "backup list": ("devjournal backup list",),
    "backup restore": ("devjournal backup restore 2",),
    "check": ("devjournal check --repair",),
    "desktop": ("devjournal desktop install",),
    "sample": ("devjournal --home /tmp/try sample --size decade",),
}
"""An example for ``--help`` of every command, by its words after ``devjournal`` (the man
page shows them too). A test fails when a command has none."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with the examples at the end kept line by line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("example"):
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)


def _add_examples(parser: argparse.ArgumentParser, words: str = "") -> None:
    """Give ``parser`` and every command under it its examples as the help's epilog."""
    examples = EXAMPLES.get(words)
    if examples:
        title = "example:" if len(examples) == 1 else "examples:"
        parser.epilog = "\n".join((title, *(f"  {line}" for line in examples)))
    parser.formatter_class = _HelpFormatter
    for action in parser._actions:  # argparse keeps its commands here
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                _add_examples(command, f"{words} {name}".strip())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="devjournal",
        description="A local-first journal for coaching sprints and a mentorship log. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"devjournal {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=f"keep the journal, backups, logs and settings in DIR (or set {ENV_HOME})",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    info = commands.add_parser("info", help="where the journal is and what it holds")
    info.add_argument("--json", action="store_true", help="print JSON")

    sprints = commands.add_parser("sprints", help="list sprints with ids, dates and status")
    sprints.add_argument("--json", action="store_true", help="print JSON")

    mentors = commands.add_parser(
        "mentors",
        help="list mentors (when a touchpoint is due) and prospects (when to follow up)",
    )
    mentors.add_argument("--json", action="store_true", help="print JSON")
    feedback = commands.add_parser(
        "feedback", help="list feedback by priority: what to act on first, then what was"
    )
    feedback.add_argument("--json", action="store_true", help="print JSON")

    search = commands.add_parser(
        "search", help='search the mentorship log (words, "phrases", prefix*, AND/OR/NOT)'
    )
    search.add_argument("query", nargs="+", help="what to look for")
    search.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N hits, 1 to 10,000 (20)"
    )
    search.add_argument("--json", action="store_true", help="print JSON")

    add_export_parser(commands)
    add_import_parser(commands)
    add_backup_parsers(commands)

    desktop = commands.add_parser(
        "desktop",
        help="put devjournal in your desktop's menu, with its icon, man page and completions",
        description="Install (or remove) the menu entry, the icons, the AppStream file, the "
        "man page and the bash and zsh completions in $XDG_DATA_HOME (~/.local/share), for a "
        "pip or pipx install on Linux or BSD. The menu entry opens the default journal.",
    )
    desktop.add_argument("action", choices=("install", "uninstall"))

    sample = commands.add_parser("sample", help="fill an empty journal with sample data")
    sample.add_argument(
        "--size",
        choices=("small", "decade", "stress"),
        default="small",
        help="small: ~150 entries; decade: ten years, ~10,000; stress: ~100,000",
    )
    _add_examples(parser)
    return parser


def run(argv: Sequence[str] | None = None, clock: Clock = utc_now) -> int:
    """Parse ``argv`` and run the window or a command; return the exit code.

    This is the composition root: ``clock`` is the one clock every part is given.
    """
    os.umask(0o077)  # every file devjournal makes is the owner's alone, whatever the umask
    args = build_parser().parse_args(argv)
    if args.command == "desktop":  # the user's desktop, not a journal: nothing is opened
        return _desktop(args.action)
    gui = args.command is None
    try:
        paths = _with_settings(resolve_paths(args.home))
        refused = _refusal(args, paths)
        if refused is not None:
            return _fail(refused, gui=False)
        paths.ensure()
    except DomainError as exc:
        return _fail(str(exc), gui=gui)
    from devjournal.logs import setup_logging  # noqa: PLC0415

    setup_logging(paths.log_file, verbose=args.verbose)
    if not gui:
        _warn_if_open_to_others(paths)
    creates = not _only_reads(args)

    def opener(at: AppPaths) -> tuple[Database, Services]:
        return _open(at, clock, create=creates)

    try:
        if gui:
            from devjournal.app import run_gui  # noqa: PLC0415 - Qt only for the window

            return run_gui(paths, sys.argv[:1] if argv is None else ["devjournal"], clock)
        code = _command(args, paths, opener, clock)
        sys.stdout.flush()  # a reader that has gone is found here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except JournalNotEmptyError as exc:
        say(f"devjournal: {exc}", err=True)
        return EXIT_NOT_EMPTY
    except DomainError as exc:
        return _fail(str(exc), gui=False)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _unexpected(exc, paths)


def _refusal(args: argparse.Namespace, paths: AppPaths) -> str | None:
    """Why the command stops before anything is created at ``paths`` (no journal to read,
    an emptied journal a fill would hide, no backups to restore), or None to go on. A
    journal that is a link raises DomainError."""
    if args.command is not None:
        from devjournal.storage.journal_file import refuse_links  # noqa: PLC0415

        refuse_links(paths.journal)
    if _needs_a_journal(args) or (_only_reads(args) and not paths.data_dir.exists()):
        absent = _no_journal(paths)
        if absent is not None:
            return absent
    elif args.command in ("import", "sample"):
        emptied = _emptied_with_backups(paths)  # a restore is the way back, not a fill
        if emptied is not None:
            return emptied
    if args.command == "backup" and args.action == "restore":
        return _nothing_to_restore(paths)
    return None


def _nothing_to_restore(paths: AppPaths) -> str | None:
    """Why ``backup restore`` has nothing to restore from (the folder cannot be read, or
    holds no backup), or None when there are backups. Refused before anything is created."""
    from devjournal.storage.backup import (  # noqa: PLC0415
        backup_folder_problem,
        list_backups,
    )

    problem = backup_folder_problem(paths.backups)
    if problem is not None:
        return f"There are no backups to restore: {problem}. Nothing was changed."
    if not list_backups(paths.backups):
        return f"There are no backups in {paths.backups} to restore; nothing was changed."
    return None


def _warn_if_open_to_others(paths: AppPaths) -> None:
    """Warn on stderr when other users can read the journal's folder."""
    from devjournal.location import open_to_others  # noqa: PLC0415

    exposed = open_to_others(paths.data_dir)
    if exposed is not None:
        say(f"devjournal: warning: {exposed}", err=True)


def _unexpected(exc: Exception, paths: AppPaths) -> int:
    """The exit code and message for an error no command expected: SQLite could not use
    the journal (locked, read-only, full, or damaged), or a bug (details in the log)."""
    if _is_database_error(exc):
        log.info("journal unreadable", exc_info=True)  # details for the log file only
        orig = getattr(exc, "orig", exc)
        if damage_reason(exc) is None:  # locked, read-only, full, I/O: not damage
            return _fail(f"SQLite could not use the journal: {orig}. {UNCHANGED}", gui=False)
        return _fail(damaged_message(orig), gui=False)
    log.exception("unexpected error")
    say(f"devjournal: unexpected error: {exc!r}. Details are in {paths.log_file}.", err=True)
    return EXIT_BUG


def _command(args: argparse.Namespace, paths: AppPaths, opener: Opener, clock: Clock) -> int:
    if args.command == "info":
        return _info(paths, opener, as_json=args.json)
    if args.command == "sprints":
        return _sprints(paths, opener, as_json=args.json)
    if args.command == "mentors":
        return _mentors(paths, opener, clock, as_json=args.json)
    if args.command == "feedback":
        return _feedback(paths, opener, as_json=args.json)
    if args.command == "search":
        return _search(paths, opener, " ".join(args.query), args.limit, as_json=args.json)
    if args.command == "export":
        return run_export(paths, args, opener)
    if args.command == "import":
        return run_import(paths, args, opener)
    if args.command == "backup":
        return run_backup(paths, args, opener, clock)
    if args.command == "check":
        return run_check(paths, opener, repair=args.repair)
    return _sample(paths, opener, args.size)


def _desktop(action: str) -> int:
    """``devjournal desktop install|uninstall``."""
    from devjournal import desktop  # noqa: PLC0415
    from devjournal.paths import desktop_data_home  # noqa: PLC0415

    if not desktop.SUPPORTED:
        say_error(
            "desktop install is for Linux and BSD desktops; on Windows and macOS install "
            "the bundle (packaging/README.md)."
        )
        return EXIT_ERROR
    target = desktop_data_home()
    try:
        if action == "uninstall":
            gone = desktop.uninstall(target)
            if not gone.files:
                say(f"devjournal was not installed in {target}; nothing was removed.")
            else:
                say(f"Removed {plural(len(gone.files), 'file')} from {target}.")
            return EXIT_OK
        command = desktop.launch_command()
        done = desktop.install(target, command)
    except OSError as exc:
        say_error(f"could not write in {target}: {exc.strerror or exc}.")
        return EXIT_ERROR
    say(
        f"Installed the menu entry, icons, man page and completions in {target} "
        f"({plural(len(done.files), 'file')})."
    )
    say(f"The menu entry starts: {desktop.describe(command)}")
    say(f"For zsh completion, add {target / 'zsh' / 'site-functions'} to fpath.")
    return EXIT_OK


def _reader_gone() -> int:
    """The command's reader stopped reading (``devjournal sprints | head -1``): end
    quietly, as ``cat`` would. What is still buffered goes nowhere, so that Python's own
    flush at exit does not fail a second time. Whatever the command was writing to the
    journal was committed or rolled back before it printed."""
    for stream in (sys.stdout, sys.stderr):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass  # not a real file (a test's capture): nothing is flushed into it at exit
    return EXIT_READER_GONE


def _fail(message: str, *, gui: bool) -> int:
    """Say what went wrong (in a dialog too, when the user asked for the window)."""
    say_error(message)
    if gui:
        from devjournal.ui.error_dialog import show_startup_error  # noqa: PLC0415

        show_startup_error(message)
    return EXIT_ERROR


def _is_database_error(exc: BaseException) -> bool:
    """SQLite could not read the file (SQLAlchemy wraps the driver's error in ``orig``)."""
    return isinstance(exc, sqlite3.DatabaseError) or isinstance(
        getattr(exc, "orig", None), sqlite3.DatabaseError
    )


def _only_reads(args: argparse.Namespace) -> bool:
    """Does the command only read the journal? Then it neither creates a journal (an
    emptied one is not made a healthy new one) nor writes to it."""
    if args.command == "backup":
        return bool(args.action == "list")
    if args.command == "check":
        return not getattr(args, "repair", False)
    return args.command in ("info", "sprints", "mentors", "feedback", "search", "export")


def _needs_a_journal(args: argparse.Namespace) -> bool:
    """Is the command about a journal that must already be there?"""
    if args.command == "backup":
        return bool(args.action == "create")
    return args.command in ("info", "sprints", "mentors", "feedback", "export", "search", "check")


def _no_journal(paths: AppPaths) -> str | None:
    """Why there is no journal to read at ``paths`` (missing, or emptied to 0 bytes), with
    what to do; None when there is a file. Nothing is created to find out."""
    journal = paths.journal
    try:
        size = journal.stat().st_size
    except FileNotFoundError:
        return (
            f"There is no journal at {journal} yet. "
            f"Open it with: devjournal --home {paths.data_dir}"
        )
    except OSError:
        return None  # opening it says what is wrong
    if size > 0 or not journal.is_file():
        return None
    return _emptied_with_backups(paths) or (
        f"The journal {journal} is empty (0 bytes) and there are no backups of it; "
        f"devjournal left it as it is. Open the window to start a new journal there: "
        f"devjournal --home {paths.data_dir}"
    )


def _emptied_with_backups(paths: AppPaths) -> str | None:
    """Why a journal emptied to 0 bytes is left as it is when it has backups (a command
    that filled it would hide the window's offer to restore the newest); None otherwise."""
    journal = paths.journal
    try:
        if journal.stat().st_size > 0 or not journal.is_file():
            return None
    except OSError:
        return None
    from devjournal.storage.backup import list_backups  # noqa: PLC0415

    if not list_backups(paths.backups):
        return None
    return (
        f"The journal {journal} is empty (0 bytes): it was emptied or cut short, and "
        f"devjournal left it as it is. Its backups are in {paths.backups}: 'devjournal "
        "backup list' shows them, 'devjournal backup restore ID' puts one back (the "
        "window offers the newest when it opens)."
    )


def _with_settings(paths: AppPaths) -> AppPaths:
    """``paths`` with the backups folder the user chose in the Preferences."""
    from devjournal.settings import Settings  # noqa: PLC0415

    return paths.with_backups(Settings(paths.settings).backups_dir)


def _open(paths: AppPaths, clock: Clock, *, create: bool = True) -> tuple[Database, Services]:
    from devjournal.services.container import open_services  # noqa: PLC0415
    from devjournal.settings import Settings  # noqa: PLC0415

    keep = Settings(paths.settings).retention
    return open_services(paths.journal, paths.backups, clock, create=create, keep=keep)


def _info(paths: AppPaths, opener: Opener, *, as_json: bool) -> int:
    from devjournal.location import risky_location  # noqa: PLC0415

    db, services = opener(paths)
    try:
        info = services.journal.info()
    finally:
        db.close()
    warning = risky_location(info.path)
    if as_json:
        say_json(
            {
                "journal": str(info.path),
                "backups": str(info.backups_dir),
                "schema_revision": info.revision,
                "size_bytes": info.size_bytes,
                "counts": dict(info.counts),
                "version": __version__,
                "location_warning": warning,
            },
            ensure_ascii=True,
        )
        return EXIT_OK
    rows = [
        ("Journal", f"{info.path} ({_size(info.size_bytes)})"),
        ("Backups", str(info.backups_dir) + ("" if info.backups_dir.exists() else " (none yet)")),
        ("Schema", f"revision {info.revision}"),
        *((label, f"{info.counts.get(key, 0):,}") for key, label in COUNT_LABELS.items()),
    ]
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        say(f"{label + ':':<{width}} {value}")
    if warning is not None:
        say(f"Warning: {warning}")
    return EXIT_OK


def _sprints(paths: AppPaths, opener: Opener, *, as_json: bool) -> int:
    db, services = opener(paths)
    try:
        board = services.coaching.board()
    finally:
        db.close()
    rows = [
        {
            "id": s.sprint.id,
            "title": s.sprint.title,
            "kind": s.sprint.kind.value,
            "coach": s.sprint.coach_name,
            "start": s.sprint.start_date.isoformat(),
            "end": s.sprint.end_date.isoformat(),
            "status": s.sprint.closed_state.value if s.sprint.closed_state else s.phase.value,
            "goals": s.goal_count,
        }
        for s in board
    ]
    if as_json:
        say_json(rows)
        return EXIT_OK
    if not rows:
        say("No sprints yet.")
        return EXIT_OK
    width = max(len(str(r["id"])) for r in rows)
    for r in rows:
        say(
            f"{r['id']:>{width}}  {r['start']} → {r['end']}  {r['status']:<9}  "
            f"{r['kind']:<11}  {r['goals']} goals  {r['title']}"
        )
    return EXIT_OK


def _mentors(paths: AppPaths, opener: Opener, clock: Clock, *, as_json: bool) -> int:
    """Every mentor, then the prospects: the open outreach, what to follow up on first."""
    db, services = opener(paths)
    try:
        lines = services.mentorship.mentor_lines()
        reached = services.people.outreach_list()
    finally:
        db.close()
    today = local_today(clock)
    lines.sort(key=lambda line: has_ended(line.mentor, today))  # current first (stable)
    prospects = [o for _, group in reach.in_groups(reached, today) for o in group]
    prospects = [o for o in prospects if not o.status.is_closed]
    if as_json:
        say_json(
            {
                "mentors": [_mentor_json(line) for line in lines],
                "outreach": [_prospect_json(o, today) for o in prospects],
            }
        )
        return EXIT_OK
    if not lines:
        say("No mentors yet.")
    else:
        _say_mentors(lines, today)
    if prospects:
        say("")
        say("Prospects:")
        _say_prospects(prospects, today)
    return EXIT_OK


def _say_mentors(lines: list[MentorLine], today: date) -> None:
    rows = [
        (
            str(line.mentor.id),
            line.mentor.relationship.label,
            _in_touch(line.last_contact, today),
            _next_touchpoint(line, today),
            line.mentor.name,
        )
        for line in lines
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for ident, relationship, last, due, name in rows:
        say(
            f"{ident:>{widths[0]}}  {relationship:<{widths[1]}}  {last:<{widths[2]}}  "
            f"{due:<{widths[3]}}  {name}"
        )


def _say_prospects(prospects: list[Outreach], today: date) -> None:
    """The open outreach in columns: id, mentor or coach, status, its day, the follow-up,
    and the name last."""
    rows = [
        (
            str(o.id),
            o.guide.label,
            o.status.label,
            reach.status_day(o).isoformat(),
            _follow_up(o, today),
            o.name,
        )
        for o in prospects
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    for ident, guide, status, day, follow, name in rows:
        say(
            f"{ident:>{widths[0]}}  {guide:<{widths[1]}}  {status:<{widths[2]}}  "
            f"{day:<{widths[3]}}  {follow:<{widths[4]}}  {name}"
        )


def _follow_up(o: Outreach, today: date) -> str:
    due = reach.follow_up_on(o)
    if due is None:
        return "—"
    if due <= today:
        return "follow up now"
    return f"follow up {due.isoformat()}"


def _prospect_json(o: Outreach, today: date) -> dict[str, object]:
    due = reach.follow_up_on(o)
    return {
        "id": o.id,
        "name": o.name,
        "guide": o.guide.value,
        "status": o.status.value,
        "status_on": reach.status_day(o).isoformat(),
        "purpose": o.purpose,
        "follow_up_on": due.isoformat() if due else None,
        "follow_up_due": due is not None and due <= today,
    }


def _mentor_json(line: MentorLine) -> dict[str, object]:
    mentor = line.mentor
    return {
        "id": mentor.id,
        "name": mentor.name,
        "relationship": mentor.relationship.value,
        "started_on": mentor.started_on.isoformat() if mentor.started_on else None,
        "ended_on": mentor.ended_on.isoformat() if mentor.ended_on else None,
        "last_contact": line.last_contact.isoformat() if line.last_contact else None,
        "touchpoint_due_on": line.due_on.isoformat() if line.due_on else None,
        "due": line.due,
    }


def _in_touch(last: datetime | None, today: date) -> str:

    if last is None:
        return "never in touch"
    return f"in touch {days_ago((today - last.astimezone().date()).days)}"


def _next_touchpoint(line: MentorLine, today: date) -> str:

    if has_ended(line.mentor, today) and line.mentor.ended_on is not None:
        return f"ended {line.mentor.ended_on.isoformat()}"
    if line.due_on is None:
        return "—"
    return "due now" if line.due else due_phrase(line.due_on, today)


def _feedback(paths: AppPaths, opener: Opener, *, as_json: bool) -> int:
    """Every piece of feedback in the Feedback page's order (``domain/feedback.py``)."""
    db, services = opener(paths)
    try:
        items = services.mentorship.feedback_items()
    finally:
        db.close()
    if as_json:
        say_json([_feedback_json(item) for item in items])
        return EXIT_OK
    if not items:
        say("No feedback yet.")
        return EXIT_OK
    rows = [
        (
            str(item.entry.id),
            "acted on" if item.acted_on else item.priority.value,
            item.entry.occurred_at.astimezone().date().isoformat(),
            item.source or "—",
            ", ".join(item.entry.tags) or "—",
            item.entry.title,
        )
        for item in items
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    for ident, standing, day, source, themes, title in rows:
        say(
            f"{ident:>{widths[0]}}  {standing:<{widths[1]}}  {day}  {source:<{widths[3]}}  "
            f"{themes:<{widths[4]}}  {title}"
        )
    return EXIT_OK


def _feedback_json(item: FeedbackItem) -> dict[str, object]:
    details = item.details
    return {
        "id": item.entry.id,
        "title": item.entry.title,
        "occurred_at": item.entry.occurred_at.isoformat(),
        "from": item.source or None,
        "themes": list(item.entry.tags),
        "priority": item.priority.value,
        "acted_on": item.acted_on,
        "impact": details.impact.value if details.impact else None,
        "heard": details.heard.value if details.heard else None,
        "context": details.context,
        "reading": details.reading,
        "done": details.done,
        "session_id": details.session_id,
        "goal_id": details.goal_id,
        "action_id": details.action_id,
    }


def _search(paths: AppPaths, opener: Opener, typed: str, limit: int, *, as_json: bool) -> int:
    from devjournal.domain.search import HIT_END, HIT_START, highlighted  # noqa: PLC0415
    from devjournal.storage.journal_file import FileState, inspect_journal  # noqa: PLC0415
    from devjournal.storage.search import search_entries  # noqa: PLC0415
    from devjournal.storage.today_query import connect  # noqa: PLC0415

    if not 1 <= limit <= MAX_SEARCH_LIMIT:
        return _fail(f"--limit takes a number from 1 to {MAX_SEARCH_LIMIT:,}.", gui=False)
    if inspect_journal(paths.journal).state is FileState.CURRENT:
        # Read-only, without loading the ORM: a search from the terminal answers at once.
        conn = connect(paths.journal)  # creates nothing, even beside a read-only journal
        try:
            results = search_entries(conn, typed, limit=limit)
        finally:
            conn.close()
    else:
        db, services = opener(paths)  # migrates (after a backup) first
        try:
            results = services.mentorship.search(typed, limit=limit)
        finally:
            db.close()
    if as_json:
        say_json(
            {
                "query": typed,
                "total": results.total,
                "entries": [
                    {
                        "id": h.id,
                        "occurred_at": h.occurred_at.isoformat(),
                        "kind": h.kind.value,
                        "mentor": h.mentor_name,
                        "title": h.title,
                        "snippet": highlighted(h.snippet, "", ""),
                    }
                    for h in results.hits
                ],
            }
        )
        return EXIT_OK
    if not results.hits:
        say(f"Nothing in the log matches {typed}.")
        return EXIT_OK
    marks = HIT_START + HIT_END
    for h in results.hits:
        day = h.occurred_at.astimezone().date().isoformat()
        who = f" · {h.mentor_name}" if h.mentor_name else ""
        say(f"{day}  {h.kind.label}{who}  {h.title}  (#{h.id})")
        snippet = " ".join(for_terminal(h.snippet, keep=marks).split())
        say_marked(f"    {snippet}", HIT_START, HIT_END)
    more = results.total - len(results.hits)
    counted = plural(results.total, "entry", "entries")
    match = "matches" if results.total == 1 else "match"
    shown = f"{len(results.hits):,} of {counted}" if more else counted
    say(f"{shown} {match}, newest first.", err=True)
    return EXIT_OK


def _sample(paths: AppPaths, opener: Opener, size: str) -> int:
    from devjournal.sample import SampleSize  # noqa: PLC0415

    started = time.perf_counter()
    db, services = opener(paths)
    try:
        counts = services.journal.fill_sample(SampleSize(size)).value
    finally:
        db.close()
    took = time.perf_counter() - started
    said = {"aims": "parts of the direction"}  # "12 direction" would not read
    summary = ", ".join(
        f"{counts[key]:,} {said.get(key, label.lower())}"
        for key, label in COUNT_LABELS.items()
        if key in counts
    )
    say(f"Filled {paths.journal} with the {size} sample journal in {took:.1f} s: {summary}.")
    return EXIT_OK


def _size(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"
