"""Feedback you can act on: a priority from impact and how often it was heard, an order
for the prioritised view, and the themes (tags) counted over time. Pure functions.

The priority rule, in words: act first on what matters most and keeps coming back.
Impact counts 1 (low) to 3 (high); hearing it again adds 1, a pattern adds 2. A total of 4
or 5 is high priority, 3 is medium, 1 or 2 is low. Feedback whose impact or frequency the
user has not weighed yet has no priority: it waits, first in the list, to be read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cached_property

from devjournal.domain.enums import GoalStatus, Heard, Impact
from devjournal.domain.models import ActionItemDraft, FeedbackDetails, GoalDraft, LogEntry
from devjournal.domain.rules import TITLE_MAX

_IMPACT = {Impact.LOW: 1, Impact.MEDIUM: 2, Impact.HIGH: 3}
_HEARD = {Heard.FIRST: 0, Heard.AGAIN: 1, Heard.PATTERN: 2}


class Priority(StrEnum):
    """Where a piece of feedback stands in the prioritised view."""

    UNREAD = "unread"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        """A human label."""
        return {"unread": "To read and weigh"}.get(self.value, f"{self.value.capitalize()}")

    @property
    def rank(self) -> int:
        """The order of the prioritised view (unread first: it needs the user's eyes)."""
        return _RANK[self]


_RANK = {level: index for index, level in enumerate(Priority)}


def priority(details: FeedbackDetails) -> Priority:
    """The priority that follows from ``details`` (see the module's rule)."""
    if details.impact is None or details.heard is None:
        return Priority.UNREAD
    total = _IMPACT[details.impact] + _HEARD[details.heard]
    if total >= 4:
        return Priority.HIGH
    return Priority.MEDIUM if total == 3 else Priority.LOW


def acted_on(details: FeedbackDetails) -> bool:
    """Something was done about it: a note of what, or a goal or an action made of it."""
    return bool(details.done.strip() or details.goal_id or details.action_id)


def why(details: FeedbackDetails) -> str:
    """The priority's reason in words: ``High impact, a pattern``."""
    if details.impact is None and details.heard is None:
        return "Not weighed yet"
    parts = []
    if details.impact is not None:
        parts.append(f"{details.impact.label} impact")
    if details.heard is not None:
        parts.append(details.heard.label if not parts else details.heard.label.lower())
    return ", ".join(parts)


def priority_text(details: FeedbackDetails) -> str:
    """The priority with its reason: ``High priority: high impact, a pattern``."""
    level = priority(details)
    if level is Priority.UNREAD:
        weighed = why(details)
        if weighed == "Not weighed yet":
            return "Not weighed yet: how much does it matter, and have you heard it before?"
        return f"Not weighed yet ({weighed.lower()}): choose both to see its priority"
    return f"{level.label} priority: {why(details).lower()}"


@dataclass(frozen=True)
class FeedbackEntry:
    """The part of a Feedback log entry the prioritised view shows (its body is read only
    where it is needed whole: the reader, a goal made of it)."""

    id: int
    title: str
    occurred_at: datetime
    tags: tuple[str, ...] = ()
    body: str = ""

    @classmethod
    def of(cls, entry: LogEntry) -> FeedbackEntry:
        """The whole of a stored entry's part."""
        return cls(entry.id, entry.title, entry.occurred_at, entry.tags, entry.body)


@dataclass(frozen=True)
class FeedbackItem:
    """A Feedback entry with its details, as the prioritised view lists it."""

    entry: FeedbackEntry
    details: FeedbackDetails
    mentor_name: str | None = None

    @cached_property
    def priority(self) -> Priority:
        return priority(self.details)

    @cached_property
    def acted_on(self) -> bool:
        return acted_on(self.details)

    @property
    def source(self) -> str:
        """Who gave it: the mentor, or the name typed ("" when nobody said)."""
        return self.mentor_name or self.details.given_by.strip()


def prioritised(items: Iterable[FeedbackItem]) -> list[FeedbackItem]:
    """The order of the prioritised view: what is still open before what was acted on;
    within each, unread first, then high, medium, low; newest first within a priority."""
    return sorted(
        items,
        key=lambda i: (i.acted_on, i.priority.rank, -i.entry.occurred_at.timestamp(), -i.entry.id),
    )


@dataclass(frozen=True)
class Theme:
    """A theme (tag) of feedback and how often it came up."""

    name: str
    count: int
    recent: int
    """How many of them in the last twelve months."""
    acted_on: int
    """How many of them the user did something about."""


def themes(items: Sequence[FeedbackItem], today: date) -> list[Theme]:
    """Every theme of the feedback, the most heard first (then the most recent)."""
    year_ago = today - timedelta(days=365)
    names: dict[str, str] = {}  # a tag is one whatever its case: the first spelling seen
    total: Counter[str] = Counter()
    recent: Counter[str] = Counter()
    acted: Counter[str] = Counter()
    for item in items:
        day = item.entry.occurred_at.astimezone().date()
        for key in {t.casefold(): t for t in item.entry.tags}:
            names.setdefault(key, next(t for t in item.entry.tags if t.casefold() == key))
            total[key] += 1
            recent[key] += day >= year_ago
            acted[key] += item.acted_on
    return [
        Theme(names[key], count, recent[key], acted[key])
        for key, count in sorted(total.items(), key=lambda kv: (-kv[1], -recent[kv[0]], kv[0]))
    ]


class Show(StrEnum):
    """Which feedback the prioritised view lists."""

    OPEN = "open"
    ACTED = "acted"
    ALL = "all"


@dataclass(frozen=True)
class FeedbackFilter:
    """What the prioritised view lists: still open, acted on or all, of one theme or any."""

    show: Show = Show.OPEN
    theme: str = ""


ACTED_GROUP = "Acted on"


def group_of(item: FeedbackItem) -> str:
    """The heading a piece of feedback is listed under: its priority, or acted on."""
    return ACTED_GROUP if item.acted_on else item.priority.label


@dataclass(frozen=True)
class FeedbackView:
    """What the Feedback page shows, read at once: the first pieces the filter lets
    through (in the view's order), how many each heading holds, how many the filter lets
    through in all, the journal's totals and its themes."""

    items: tuple[FeedbackItem, ...]
    groups: dict[str, int]
    """How many pieces the filter lets through under each heading (:func:`group_of`)."""
    listed: int
    """How many pieces the filter lets through in all (``items`` holds the first)."""
    total: int
    """Every piece of feedback in the journal."""
    still_open: int
    open_high: int
    open_unread: int
    themes: tuple[Theme, ...]


def goal_from(item: FeedbackItem, sprint_id: int) -> GoalDraft:
    """A draft SMART goal made of a piece of feedback, for the user to finish: its title,
    and what would be different in the user's own reading of it (or the feedback's words)."""
    entry = item.entry
    specific = item.details.reading.strip() or entry.body.strip()
    return GoalDraft(
        sprint_id=sprint_id,
        title=_clipped(entry.title, TITLE_MAX),
        specific=_clipped(specific, 2000),
        relevant=_clipped(f"Feedback from {item.source}: “{entry.title}”", 2000),
        status=GoalStatus.DRAFT,
    )


def action_from(item: FeedbackItem, sprint_id: int, today: date) -> ActionItemDraft:
    """A draft action item made of a piece of feedback: due in a week."""
    return ActionItemDraft(
        sprint_id=sprint_id,
        title=_clipped(f"Act on: {item.entry.title}", TITLE_MAX),
        due_date=today + timedelta(days=7),
    )


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
