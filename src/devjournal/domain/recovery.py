"""What can keep the journal from opening, as the recovery dialogs show it: damage (the file
is moved aside and a backup offered) or a start problem (nothing is moved). Found by
``storage/recovery.py``; see docs/data-safety.md."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Damage(Enum):
    """What is wrong with the journal file, in the issue's words."""

    MISSING = "missing"  # no journal (or an empty file) while backups exist
    NOT_SQLITE = "not-sqlite"
    BAD_HEADER = "bad-header"
    TRUNCATED = "truncated"
    TORN = "torn"  # pages damaged inside: quick_check fails, or SQLite says "malformed"
    UNREADABLE = "unreadable"  # SQLite opens it but the journal's tables cannot be read
    STRAY_WAL = "stray-wal"  # a -wal file that does not belong to the journal


@dataclass(frozen=True)
class Diagnosis:
    """A damaged journal: what is wrong, in words for the user, and which files to move."""

    damage: Damage
    detail: str
    journal_kept: bool = False
    """True when only a side file is bad and the journal itself can still be opened."""

    @property
    def title(self) -> str:
        """The dialog's heading."""
        if self.damage is Damage.MISSING:
            return "The journal is missing"
        if self.damage is Damage.STRAY_WAL:
            return "A leftover file was beside the journal"
        return "The journal is damaged"


@dataclass(frozen=True)
class StartProblem:
    """A reason the journal cannot be used that is not damage: nothing is moved."""

    title: str
    detail: str
