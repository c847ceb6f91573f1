"""``devjournal backup create|list|restore ID`` and ``devjournal check``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from devjournal.cli_export import Opener, UsageError
from devjournal.domain.backups import describe_label
from devjournal.domain.clock import Clock
from devjournal.domain.errors import JournalError
from devjournal.domain.wording import plural
from devjournal.files import size_text
from devjournal.paths import AppPaths
from devjournal.terminal import say

if TYPE_CHECKING:
    from devjournal.domain.check import CheckReport


def add_backup_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``backup`` with its subcommands, and ``check``."""
    backup = commands.add_parser("backup", help="make, list or restore backups of the journal")
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("create", help="make a checked backup now (older ones are thinned out)")
    actions.add_parser("list", help="the backups, newest first, with their ids")
    restore = actions.add_parser(
        "restore", help="put a backup in the journal's place (the journal is kept aside)"
    )
    restore.add_argument("id", metavar="ID", help="a number from 'backup list', or a file name")
    check = commands.add_parser(
        "check",
        help="verify the journal: integrity, foreign keys, every value, checksums, search index",
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="rebuild a damaged search index from the entries (a backup is made first)",
    )


def run_backup(
    paths: AppPaths, args: argparse.Namespace, open_journal: Opener, clock: Clock
) -> int:
    """Run ``backup <action>``; returns the exit code."""
    if args.action == "restore":
        return _restore(paths, args.id, clock)
    if args.action == "create":
        db, services = open_journal(paths)
        try:
            made = services.journal.backup("manual")
        finally:
            db.close()
        say(f"Backed up the journal to {made} ({size_text(made.stat().st_size)}, checked).")
        return 0
    from devjournal.storage.backup import backup_folder_problem, list_backups  # noqa: PLC0415

    problem = backup_folder_problem(paths.backups)  # the list reads the folder, not the journal
    if problem is not None:
        raise JournalError(f"There are no backups to list: {problem}.")
    backups = list_backups(paths.backups)
    if not backups:
        say(f"No backups yet in {paths.backups}. Make one with: devjournal backup create")
        return 0
    for number, backup in enumerate(backups, start=1):
        when = backup.made.astimezone()
        say(
            f"{number:>3}  {when:%Y-%m-%d %H:%M}  {size_text(backup.size):>9}  "
            f"{describe_label(backup.label)}"
        )
    say(f"In {paths.backups}. Restore one with: devjournal backup restore ID")
    return 0


def window_pid(lock_file: Path) -> int | None:
    """The process id of a devjournal window open on this journal, if one is.

    The window holds an exclusive ``flock`` on its lock file (Qt's QLockFile) for as long
    as it runs; a lock file left by a process that died holds no lock.
    """
    try:
        import fcntl  # noqa: PLC0415 - POSIX only; elsewhere the check is skipped
    except ImportError:
        return None
    try:
        fd = os.open(lock_file, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            first = lock_file.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
            return int(first) if first.strip().isdigit() else 0
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _restore(paths: AppPaths, which: str, clock: Clock) -> int:
    from devjournal.storage.backup import list_backups, restore_backup  # noqa: PLC0415

    running = window_pid(paths.lock_file)
    if running is not None:
        raise JournalError(
            f"devjournal is open on this journal (process {running}). Restore from its "
            "window (File → Backups), or close it and run this again; nothing was changed."
        )

    backups = list_backups(paths.backups)
    chosen = None
    if which.isdigit() and 1 <= int(which) <= len(backups):
        chosen = backups[int(which) - 1]
    else:
        chosen = next((b for b in backups if b.path.name == which), None)
    if chosen is None:
        raise UsageError(f"There is no backup {which!r}: see 'devjournal backup list' for the ids.")
    aside = restore_backup(chosen.path, paths.journal, clock())
    when = chosen.made.astimezone()
    kept = (
        f"The journal it replaced is kept at {aside}."
        if aside is not None
        else "There was no journal to replace."
    )
    say(f"Restored the backup of {when:%Y-%m-%d %H:%M} ({chosen.label}). {kept}")
    return 0


def _restore_hint(paths: AppPaths) -> str:
    """Where the way back is: the backups, or that there are none yet."""
    from devjournal.storage.backup import list_backups  # noqa: PLC0415

    if list_backups(paths.backups):
        return (
            f"Your backups are in {paths.backups}: 'devjournal backup list' shows them, "
            "'devjournal backup restore ID' puts one back (the damaged journal is kept aside)."
        )
    return (
        f"There are no backups of this journal yet (none in {paths.backups}), so none can "
        f"be put back. Keep a copy of {paths.journal} before trying anything else."
    )


def _healthy(report: CheckReport) -> str:
    return (
        "integrity and foreign keys ok, every value readable, "
        f"{report.rows:,} rows match their checksums, the search index matches the entries "
        "and passes its own check."
    )


def _problems(report: CheckReport) -> None:
    say(f"The journal has {len(report.problems)} problem(s):")
    for line in report.problems:
        say(f"  - {line}")


def run_check(paths: AppPaths, open_journal: Opener, *, repair: bool = False) -> int:
    """Run ``check`` (``--repair``: rebuild a damaged search index, after a backup): exit
    0 when healthy, 1 with a report otherwise."""
    db, services = open_journal(paths)
    try:
        report = services.journal.check()
        if report.healthy:
            say(f"The journal is healthy: {_healthy(report)}")
            return 0
        if not repair or not report.repairable:
            _problems(report)
            if report.repairable:
                say(
                    "The search index can be rebuilt from the entries: devjournal check "
                    "--repair (a backup is made first)."
                )
            elif repair and report.index:
                say("The search index was not rebuilt: the journal file itself is damaged.")
            elif repair:
                say("Nothing was changed: --repair rebuilds only the search index.")
            if report.damage:
                say(_restore_hint(paths))
            return 1
        made, indexed = services.journal.rebuild_search_index()
        say(f"Backed up the journal to {made} first.")
        say(
            f"Rebuilt the search index from {plural(indexed, 'entry', 'entries')} "
            f"({plural(len(report.index), 'problem')} in it before)."
        )
        after = services.journal.check()
    finally:
        db.close()
    if after.healthy:
        say(f"The journal is healthy now: {_healthy(after)}")
        return 0
    _problems(after)
    say(_restore_hint(paths))
    return 1
