"""``devjournal import ...``: a devjournal export, jrnl or Day One, all or nothing."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from devjournal.cli_export import Opener
from devjournal.domain.jobs import Progress
from devjournal.domain.wording import plural
from devjournal.paths import AppPaths
from devjournal.terminal import clear_progress_line, progress_line, say


def add_import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``import`` and its subcommands."""
    imports = commands.add_parser(
        "import", help="bring in a devjournal export, or entries from jrnl or Day One"
    )
    kinds = imports.add_subparsers(dest="source", metavar="SOURCE", required=True)
    whole = kinds.add_parser(
        "devjournal", help="a devjournal export (export journal), into an empty journal"
    )
    whole.add_argument("file", metavar="FILE", help="the .json file")
    for source, what in (
        ("jrnl", "jrnl's JSON export (jrnl --export json > journal.json); @tags become tags"),
        ("dayone", "Day One's JSON export (the .zip, or the Journal.json in it)"),
    ):
        entries = kinds.add_parser(source, help=what)
        entries.add_argument("file", metavar="FILE", help="the export file")
        entries.add_argument(
            "--dry-run", action="store_true", help="say what would be added; add nothing"
        )


def _progress(label: str) -> Progress:
    """Progress printed to stderr on a terminal, at most every half second."""
    last = [0.0]

    def show(done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if now - last[0] < 0.5 or total <= 0:
            return
        last[0] = now
        progress_line(f"{text or label} {100 * done // total:3d}%")

    return Progress(show)


def run_import(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    """Run ``import <source> FILE``; returns the exit code."""
    if args.source != "devjournal":
        return _import_entries(paths, args, open_journal)
    from devjournal.importing.devjournal_json import read_journal_json  # noqa: PLC0415
    from devjournal.importing.source import read_bytes  # noqa: PLC0415

    path = Path(args.file)
    started = time.perf_counter()
    tables = read_journal_json(read_bytes(path), path.name)
    db, services = open_journal(paths)
    try:
        restored = services.journal.restore(tables, _progress("Importing")).value
    finally:
        db.close()
    took = _took(started)
    counts = restored.counts
    say(
        f"Imported {path.name} into {paths.journal} in {took:.1f} s: "
        f"{counts['sprints']:,} sprints, {counts['goals']:,} goals, "
        f"{counts['checkins']:,} check-ins, {counts['sessions']:,} sessions, "
        f"{counts['mentors']:,} mentors, {counts['log_entries']:,} log entries."
    )
    note = restored.note()
    if note is not None:
        say(note)
    return 0


def _import_entries(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    from devjournal.importing.readers import read_entries  # noqa: PLC0415
    from devjournal.importing.source import read_bytes  # noqa: PLC0415

    path = Path(args.file)
    started = time.perf_counter()
    batch = read_entries(args.source, read_bytes(path), path.name, _progress("Reading"))
    db, services = open_journal(paths)
    try:
        plan = services.imports.plan(batch)
        for line in plan.describe():
            say(line)
        if args.dry_run or not plan.new:
            return 0
        done = services.imports.run(plan, _progress("Importing")).value
    finally:
        db.close()
    took = _took(started)
    if done.backup is not None:
        say(f"Backed up the journal first, to {done.backup.name}.")
    say(
        f"Added {plural(done.added, 'entry', 'entries')} from {path.name} "
        f"to {paths.journal} in {took:.1f} s."
    )
    return 0


def _took(started: float) -> float:
    """Seconds since ``started``, after clearing the progress line on a terminal."""
    clear_progress_line()
    return time.perf_counter() - started
