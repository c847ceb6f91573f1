"""What the user types in a search box, turned into a safe SQLite FTS5 query.

Supported: words (``review``), "phrases" (``"code review"``), prefixes (``deleg*``), and the
operators AND, OR and NOT between terms (in capitals; words side by side mean AND). Every
term is quoted for FTS5, so punctuation in a word (``c++``, ``on-call``) is never taken as
query syntax. A query that cannot mean anything raises :class:`SearchQueryError` with a
message saying how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import DomainError

OPERATORS = ("AND", "OR", "NOT")
HIT_START, HIT_END = "\x02", "\x03"
"""Marks around the matched words in a snippet (the UI and CLI draw them as they like)."""

_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)')


class SearchQueryError(DomainError):
    """A search the user typed that cannot be run; the message says what to change."""


@dataclass(frozen=True)
class Term:
    """A word, phrase or prefix, already quoted for FTS5."""

    text: str


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def fts_query(typed: str) -> str:
    """The FTS5 MATCH expression for ``typed``.

    Raises:
        SearchQueryError: empty, an unclosed quote, or an operator without a term on
            each side.
    """
    # Control characters (a pasted NUL, say) mean nothing in a search and break FTS5.
    text = "".join(ch if ch.isprintable() else " " for ch in typed).strip()
    if not text:
        raise SearchQueryError("Type a word to search for.")
    if text.count('"') % 2:
        raise SearchQueryError('A quote is not closed: add the closing ".')
    parts = _parts(text)
    if not any(isinstance(p, Term) for p in parts):
        raise SearchQueryError("Type a word to search for, not only punctuation or operators.")
    return " ".join(_joined(parts))


def _parts(text: str) -> list[str | Term]:
    """The terms and operators of ``text`` in order: a term quoted for FTS5 for every
    phrase or word with a letter or digit in it, an operator as its word."""
    parts: list[str | Term] = []
    for match in _TOKEN.finditer(text):
        phrase, word = match.group("phrase"), match.group("word")
        if phrase is not None:
            if _has_word(phrase):
                parts.append(Term(_quote(" ".join(phrase.split()))))
        elif word in OPERATORS:
            parts.append(word)
        elif word is not None and _has_word(word):
            parts.append(_word_term(word))
    return parts


def _word_term(word: str) -> Term:
    """``word`` quoted for FTS5: a prefix search when it ends in ``*`` after a letter or
    digit, else the word without its stars."""
    if word.endswith("*") and _has_word(word[:-1]):
        return Term(_quote(word.rstrip("*")) + "*")
    return Term(_quote(word.strip("*")))


def _joined(parts: list[str | Term]) -> list[str]:
    """The MATCH expression's pieces, in order.

    Raises:
        SearchQueryError: an operator without a term on each side.
    """
    out: list[str] = []
    previous: str | Term | None = None
    for part in parts:
        if isinstance(part, str):
            if not isinstance(previous, Term):
                where = "at the start" if previous is None else f"after {previous}"
                raise SearchQueryError(
                    f"{part} needs a word before it ({where}), e.g. review {part} feedback."
                )
            out.append(part)
        else:
            out.append(part.text)
        previous = part
    if isinstance(previous, str):
        raise SearchQueryError(f"{previous} needs a word after it, e.g. review {previous} code.")
    return out


def highlighted(snippet: str, start: str, end: str) -> str:
    """``snippet`` with its hit marks replaced by ``start`` and ``end``."""
    return snippet.replace(HIT_START, start).replace(HIT_END, end)


@dataclass(frozen=True)
class SearchHit:
    """A log entry a search found, with the words it matched marked in ``snippet``."""

    id: int
    occurred_at: datetime
    kind: EntryKind
    title: str
    mentor_name: str
    snippet: str


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, newest first, and how many entries match in all."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int
