"""What a unit of work changed, so each page refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Flags, one per kind of data; pages compare them with what they display."""

    sprints: bool = False
    goals: bool = False
    milestones: bool = False
    checkins: bool = False
    sessions: bool = False
    actions: bool = False
    mentors: bool = False
    entries: bool = False
    tags: bool = False

    @classmethod
    def everything(cls) -> Changes:
        """Every flag set: the journal was replaced or filled as a whole."""
        return cls(**{f.name: True for f in fields(cls)})

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def any(self) -> bool:
        """True if any flag is set."""
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a unit of work and what it changed."""

    value: T
    changes: Changes
