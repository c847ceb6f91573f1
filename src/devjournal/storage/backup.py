"""Consistent copies of the journal, made with ``VACUUM INTO`` and renamed into place."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from devjournal.files import fsync_dir, private_file
from devjournal.storage.engine import run_outside_transaction

BACKUP_SUFFIX = ".sqlite"


def backup_name(label: str, at: datetime | None = None) -> str:
    """``journal-20261122-073000-label.sqlite`` (UTC, sorts by time)."""
    stamp = (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return f"journal-{stamp}-{label}{BACKUP_SUFFIX}"


def backup_into(engine: Engine, backups_dir: Path, label: str) -> Path:
    """Copy the journal into ``backups_dir``; the copy appears whole or not at all."""
    backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = backups_dir / backup_name(label)
    n = 1
    while final.exists():
        n += 1
        final = backups_dir / backup_name(f"{label}-{n}")
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    run_outside_transaction(engine, "VACUUM INTO ?", (str(partial),))
    private_file(partial)
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    partial.replace(final)
    fsync_dir(backups_dir)
    return final
