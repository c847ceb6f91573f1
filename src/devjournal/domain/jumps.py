"""The quick switcher (Ctrl+K): what a name typed in it finds, and in what order.

Matching ignores case and accents ("emile" finds "Émile") and takes the typed words in
any order, each as the start of a word or anywhere in one; a name that starts with what
was typed comes first, then one whose words start with each typed word, then the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class JumpKind(StrEnum):
    """What a quick-switcher line opens."""

    PAGE = "page"
    SPRINT = "sprint"
    GOAL = "goal"
    MENTOR = "mentor"
    COACH = "coach"
    ENTRY = "entry"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    JumpKind.PAGE: "Page",
    JumpKind.SPRINT: "Sprint",
    JumpKind.GOAL: "Goal",
    JumpKind.MENTOR: "Mentor",
    JumpKind.COACH: "Coach",
    JumpKind.ENTRY: "Entry",
}
_ORDER = {kind: i for i, kind in enumerate(JumpKind)}


@dataclass(frozen=True)
class Jump:
    """One line of the quick switcher: what it opens, its name and a word of context
    (a goal's sprint, an entry's date)."""

    kind: JumpKind
    id: int
    title: str
    detail: str = ""
    sprint_id: int | None = None
    """The sprint a goal belongs to (it is opened there)."""
    day: date | None = None
    """A sprint's first day, an entry's day (the window writes it in the user's locale)."""
    until: date | None = None
    """A sprint's last day."""


_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` without case or accents, for matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def typed_words(typed: str) -> list[str]:
    """The words of what was typed, folded (punctuation between them ignored)."""
    return _WORD.findall(fold(typed))


def rank(words: list[str], title: str) -> int | None:
    """How well ``title`` answers the typed ``words``: 0 (it starts with them), 1 (each is
    the start of one of its words), 2 (each is somewhere in it), or None (it does not)."""
    if not words:
        return None
    folded = fold(title)
    if not all(word in folded for word in words):
        return None
    if " ".join(_WORD.findall(folded)).startswith(" ".join(words)):
        return 0
    starts = _WORD.findall(folded)
    if all(any(s.startswith(word) for s in starts) for word in words):
        return 1
    return 2


def best(jumps: Iterable[Jump], typed: str, limit: int) -> tuple[Jump, ...]:
    """The ``limit`` best of ``jumps`` for ``typed``: by rank, then kind (pages, sprints,
    goals, mentors, coaches, entries), keeping the given order otherwise (the newest sprint
    first, current mentors first, entries newest first)."""
    words = typed_words(typed)
    ranked = []
    for order, jump in enumerate(jumps):
        score = rank(words, jump.title)
        if score is not None:
            ranked.append((score, _ORDER[jump.kind], order, jump))
    ranked.sort(key=lambda r: r[:3])
    return tuple(r[3] for r in ranked[:limit])
