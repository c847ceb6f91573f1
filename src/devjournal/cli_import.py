"""``devjournal import ...``: a devjournal export, jrnl or Day One, all or nothing."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from devjournal.cli_export import Opener
from devjournal.domain.jobs import Progress
from devjournal.paths import AppPaths


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


def _progress(label: str) -> Progress:
    """Progress printed to stderr on a terminal, at most every half second."""
    last = [0.0]

    def show(done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if not sys.stderr.isatty() or now - last[0] < 0.5 or total <= 0:
            return
        last[0] = now
        print(f"\r{text or label} {100 * done // total:3d}%", end="", file=sys.stderr)

    return Progress(show)


def run_import(paths: AppPaths, args: argparse.Namespace, open_journal: Opener) -> int:
    """Run ``import <source> FILE``; returns the exit code."""
    from devjournal.importing.devjournal_json import read_journal_json  # noqa: PLC0415
    from devjournal.importing.source import read_bytes  # noqa: PLC0415

    path = Path(args.file)
    started = time.perf_counter()
    tables = read_journal_json(read_bytes(path), path.name)
    db, services = open_journal(paths)
    try:
        counts = services.journal.restore(tables, _progress("Importing")).value
    finally:
        db.close()
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    took = time.perf_counter() - started
    print(
        f"Imported {path.name} into {paths.journal} in {took:.1f} s: "
        f"{counts['sprints']:,} sprints, {counts['goals']:,} goals, "
        f"{counts['checkins']:,} check-ins, {counts['sessions']:,} sessions, "
        f"{counts['mentors']:,} mentors, {counts['log_entries']:,} log entries."
    )
    return 0
