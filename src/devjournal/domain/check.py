"""What ``devjournal check`` (and the window's check after start) found, as lines a user
can read. Made by ``storage/check.py``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class CheckReport:
    """What ``check`` found: each problem as a line a user can read."""

    damage: list[str] = field(default_factory=list)
    """Problems only a backup can undo."""
    index: list[str] = field(default_factory=list)
    """Problems of the search index, which ``storage/check.rebuild_search_index`` mends."""
    checked: Counter[str] = field(default_factory=Counter)
    """Rows compared with their checksum, per table."""
    readable: bool = True
    """False when SQLite found the file's pages damaged (nothing else was looked at)."""

    @property
    def problems(self) -> list[str]:
        """Every problem, the search index's last."""
        return self.damage + self.index

    @property
    def healthy(self) -> bool:
        """True when nothing is wrong."""
        return not self.damage and not self.index

    @property
    def rows(self) -> int:
        """How many rows were compared with their checksum."""
        return sum(self.checked.values())

    @property
    def only_index(self) -> bool:
        """True when the search index is all that is wrong."""
        return not self.damage and bool(self.index)

    @property
    def repairable(self) -> bool:
        """True when the search index is damaged and can be rebuilt from the entries (the
        file's pages are whole; other damage may remain)."""
        return bool(self.index) and self.readable
