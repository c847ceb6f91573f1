"""The mentorship history as a list: filters, and the rows the History view shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from devjournal.domain.enums import AdviceStatus, EntryKind, Scope


@dataclass(frozen=True)
class HistoryFilter:
    """What the History view narrows to; every field left empty means "any"."""

    mentor_id: int | None = None
    kind: EntryKind | None = None
    tag: str = ""
    scope: Scope | None = None
    since: date | None = None
    until: date | None = None
    coach_id: int | None = None
    """Only entries linked to a sprint with this coach."""


@dataclass(frozen=True)
class HistoryRow:
    """One entry as a line of the history: what the list needs, nothing more."""

    id: int
    occurred_at: datetime
    kind: EntryKind
    title: str
    mentor_name: str
    advice_status: AdviceStatus | None
    scope: Scope

    @property
    def key(self) -> tuple[datetime, int]:
        """Where the next page starts after this row (newest first)."""
        return (self.occurred_at, self.id)
