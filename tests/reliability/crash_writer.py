"""A child process for the crash tests: writes log entries in a loop and prints each
entry's number once its transaction has committed (acknowledged), until it is killed.

``python -m tests.reliability.crash_writer HOME FIRST``
"""

from __future__ import annotations

import sys
from pathlib import Path

from devjournal.domain.clock import utc_now
from devjournal.domain.enums import EntryKind
from devjournal.domain.models import LogEntryDraft
from devjournal.services.container import open_services


def main() -> int:
    home, first = Path(sys.argv[1]), int(sys.argv[2])
    _db, services = open_services(home / "journal.sqlite", home / "backups", utc_now)
    n = first
    while True:
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=utc_now(),
                title=f"entry {n}",
                body="A reflection written before a crash. " * 20,
                tags=("crash", f"batch {first}"),
            )
        )
        print(n, flush=True)  # acknowledged: committed
        n += 1


if __name__ == "__main__":
    sys.exit(main())
