"""A backup as the window and the commands list it, and why it was made, in words. The
files themselves are made, checked, listed and restored by ``storage/backup.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Backup:
    """A backup file: when it was made, why, and its size."""

    path: Path
    made: datetime
    label: str
    size: int


@dataclass(frozen=True)
class BackupChoice:
    """The backups for the recovery dialog: which one is offered and which failed a check."""

    backups: list[Backup]
    good: Backup | None
    bad: frozenset[Path]


def describe_label(label: str) -> str:
    """Why a backup was made, in words (its file name carries a short label)."""
    upgrade = re.fullmatch(r"before-(\d{4})(-\d+)?", label)
    if upgrade:
        return f"before upgrading the journal (schema {upgrade.group(1)})"
    base = re.sub(r"-\d+$", "", label)  # a second backup in the same second gets "-2"
    if base == "auto":
        return "automatic (the journal had changed)"
    if base == "on-close":
        return "when the window closed"
    if base == "before-import":
        return "before an import"
    if base == "manual":
        return "made by you"
    return base.replace("-", " ")
