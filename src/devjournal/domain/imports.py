"""Entries coming from another journal (jrnl, Day One), and what an import would do; and
what restoring a devjournal export brought in.

Each incoming entry has a key that says where it came from (``jrnl:<hash>``,
``dayone:<uuid>``); the journal keeps it, so importing the same file again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import ImportProblem
from devjournal.domain.rules import TAG_MAX, TEXT_MAX

TITLE_LIMIT = 300
"""An entry title's length in the journal (longer first lines are shortened)."""
EARLIEST, LATEST = 1900, 2200
"""Years a date in an imported file may fall in."""
JOURNAL_FORMAT = "devjournal-journal"
"""The ``format`` of a devjournal export; ``JOURNAL_VERSION`` its version
(``docs/journal-format.md``)."""
JOURNAL_VERSION = 1
NAMED_AT_MOST = 5
"""Goals a restore's note names before it says "and N more"."""


@dataclass(frozen=True)
class IncomingEntry:
    """One entry read from a file, ready to be added as a (private) log entry."""

    key: str
    occurred_at: datetime
    title: str
    body: str
    tags: tuple[str, ...] = ()
    kind: EntryKind = EntryKind.REFLECTION


@dataclass(frozen=True)
class ImportBatch:
    """What a file holds: its entries (duplicates inside the file already dropped) and
    notes on what was not taken (photos, ...)."""

    source: str
    file_name: str
    entries: tuple[IncomingEntry, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    """What importing a batch into this journal would do: the preview."""

    batch: ImportBatch
    new: tuple[IncomingEntry, ...]
    already_imported: int
    new_tags: tuple[str, ...] = field(default=())

    @property
    def first(self) -> datetime | None:
        """When the earliest new entry was written."""
        return min((e.occurred_at for e in self.new), default=None)

    @property
    def last(self) -> datetime | None:
        """When the latest new entry was written."""
        return max((e.occurred_at for e in self.new), default=None)

    def describe(self) -> list[str]:
        """The preview, in lines (the terminal's and the window's)."""
        batch = self.batch
        lines = [
            f"{batch.file_name} ({batch.source}): {_count(len(batch.entries), 'entry', 'entries')}."
        ]
        if self.new and self.first and self.last:
            first, last = self.first.astimezone(), self.last.astimezone()
            lines.append(
                f"{len(self.new):,} new, written {_day(first)} to {_day(last)}, "
                "to be added as private reflections."
            )
        else:
            lines.append("Nothing new to add.")
        if self.already_imported:
            were = "was" if self.already_imported == 1 else "were"
            lines.append(
                f"{self.already_imported:,} {were} imported before and "
                f"{'is' if self.already_imported == 1 else 'are'} skipped."
            )
        if self.new_tags:
            names = ", ".join(self.new_tags[:12]) + (" …" if len(self.new_tags) > 12 else "")
            lines.append(f"{len(self.new_tags):,} new tag(s): {names}.")
        lines += list(batch.notes)
        return lines


@dataclass(frozen=True)
class ImportDone:
    """What importing a plan's entries did: how many were added, and the backup made first
    (None when the journal was empty, so there was nothing to back up)."""

    added: int
    backup: Path | None = None


@dataclass(frozen=True)
class Restored:
    """What restoring a devjournal export brought in: the rows per table, and each active
    goal that does not pass the SMART check, as (title, gaps).

    An export is the user's own copy, restored exactly, so such a goal (an older journal's)
    comes in as it was; the rule that an active goal is SMART applies when a goal is made or
    changed, and :meth:`note` names these goals so the user can fill their gaps."""

    counts: dict[str, int]
    not_smart: tuple[tuple[str, str], ...] = ()

    def note(self) -> str | None:
        """``An active goal is not SMART yet: “Fewer pages” (S, A). …``, or None."""
        if not self.not_smart:
            return None
        named = ", ".join(f"“{title}” ({gaps})" for title, gaps in self.not_smart[:NAMED_AT_MOST])
        more = len(self.not_smart) - NAMED_AT_MOST
        if more > 0:
            named += f" and {_count(more, 'more', 'more')}"
        if len(self.not_smart) == 1:
            return (
                f"An active goal is not SMART yet: {named}. It was imported as it was; fill "
                "its gaps when you next edit it, or make it a draft."
            )
        return (
            f"{len(self.not_smart):,} active goals are not SMART yet: {named}. They were "
            "imported as they were; fill their gaps when you next edit them, or make them "
            "drafts."
        )


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def check_entry(entry: IncomingEntry, where: str) -> IncomingEntry:
    """``entry`` if the journal (and a later export of it) can hold it as it is."""
    year_in_range(entry.occurred_at.astimezone(UTC).year, where)
    checked_text(entry.body, f"{where} (its text)")
    for tag in entry.tags:
        if len(" ".join(tag.split())) > TAG_MAX:
            raise problem(where, f"the tag {shown(tag)} is longer than {TAG_MAX} characters")
    return entry


def problem(where: str, what: str) -> ImportProblem:
    """An :class:`ImportProblem` at ``where`` (a file name and a path inside it)."""
    return ImportProblem(f"{where}: {what}. Nothing was imported.")


def shown(value: Any) -> str:
    """A value as a message quotes it (short)."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)


def checked_text(value: str, where: str, limit: int = TEXT_MAX) -> str:
    """``value`` if the journal can keep it: not too long, no NUL, valid Unicode."""
    if len(value) > limit:
        raise problem(where, f"is {len(value):,} characters long; at most {limit:,} fit")
    if "\x00" in value:
        raise problem(where, "contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise problem(where, "contains a broken character (a lone surrogate)") from None
    return value


def year_in_range(year: int, where: str) -> None:
    """Refuse dates no journal entry could have."""
    if not EARLIEST <= year <= LATEST:
        raise problem(where, f"the year {year} is out of range ({EARLIEST}-{LATEST})")


def short_title(text: str) -> tuple[str, bool]:
    """``text`` as a title of at most :data:`TITLE_LIMIT` characters, cut at a word; and
    whether it was cut."""
    line = " ".join(text.split()) or "(untitled)"
    if len(line) <= TITLE_LIMIT:
        return line, False
    cut = line[: TITLE_LIMIT - 1].rsplit(" ", 1)[0] or line[: TITLE_LIMIT - 1]
    return cut + "…", True
