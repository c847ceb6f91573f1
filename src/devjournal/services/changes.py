"""What a unit of work changed, so each page refreshes only what it shows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class Changes(enum.Flag):
    """One flag per kind of data. A page asks ``changes & Changes.COACHING``; a service
    returns the flags of what it wrote with its :class:`Outcome`."""

    NONE = 0
    SPRINTS = enum.auto()
    GOALS = enum.auto()
    MILESTONES = enum.auto()
    CHECKINS = enum.auto()
    SESSIONS = enum.auto()
    ACTIONS = enum.auto()
    MENTORS = enum.auto()
    ENTRIES = enum.auto()
    TAGS = enum.auto()
    ASSESSMENTS = enum.auto()
    COACHES = enum.auto()
    AIMS = enum.auto()
    OUTREACH = enum.auto()

    COACHING = SPRINTS | GOALS | MILESTONES | CHECKINS | SESSIONS | ACTIONS
    """What the Coaching page shows."""
    PEOPLE = COACHES | OUTREACH | MENTORS
    """What the Coaches and Outreach pages show."""
    MENTORSHIP = MENTORS | ENTRIES | TAGS
    """What the Mentorship and History pages show."""
    GUIDE = ASSESSMENTS
    """What the Guide page shows."""
    EVERYTHING = COACHING | MENTORSHIP | GUIDE | COACHES | AIMS | OUTREACH
    """The journal was replaced or filled as a whole."""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a unit of work and what it changed."""

    value: T
    changes: Changes
