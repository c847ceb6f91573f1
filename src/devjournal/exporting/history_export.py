"""The mentorship history as a document to keep: the entries a filter (or a search)
finds, oldest first, month by month, and its Markdown.

Built from what the services return, with no Qt and no storage, so the terminal, the
window and every file format say the same thing. What may be shared is decided first, by
``domain.sharing``: entries scoped private, or linked to a private goal, are left out unless
asked for (the window and the terminal say how many; the document does not). The output is
deterministic: the same journal gives the same text, apart from the "Generated" line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from devjournal.domain.enums import AdviceStatus, EntryKind, Scope
from devjournal.domain.history import HistoryFilter
from devjournal.domain.jobs import Progress, no_progress
from devjournal.domain.models import Goal, LogEntry
from devjournal.domain.sharing import Sharing
from devjournal.domain.text import for_file, for_markdown
from devjournal.exporting.report_text import day as _day
from devjournal.exporting.report_text import is_web_link
from devjournal.exporting.report_text import md as _md

if TYPE_CHECKING:
    from devjournal.services.container import Services

PAGE = 1000
"""Entries found or read per step (each step reports progress and may be cancelled)."""
FORMAT_STEP = 500
TITLE = "Mentorship history"


@dataclass(frozen=True)
class HistoryRequest:
    """Which entries to export: a filter, or a search (which, as on the History page,
    looks through the whole log and ignores the filter)."""

    where: HistoryFilter = field(default_factory=HistoryFilter)
    search: str = ""
    include_private: bool = False


@dataclass(frozen=True)
class EntryRef:
    """Another entry, named by its date and title (what advice became, what it answers)."""

    on: date
    kind: EntryKind
    title: str


@dataclass(frozen=True)
class HistoryItem:
    """One entry as the export shows it."""

    id: int
    on: date
    kind: EntryKind
    title: str
    body: str
    mentor: str
    tags: tuple[str, ...]
    source_url: str
    advice_status: AdviceStatus | None
    scope: Scope
    answers: EntryRef | None
    replies: tuple[EntryRef, ...]


@dataclass(frozen=True)
class HistoryMonth:
    """The entries of one month, oldest first."""

    label: str
    items: tuple[HistoryItem, ...]


@dataclass(frozen=True)
class HistoryExport:
    """The history an export writes: what was asked, and what it found."""

    filters: tuple[str, ...]
    """What the filter or search was, one phrase each ("Mentor: Ada")."""
    items: tuple[HistoryItem, ...]
    """Oldest first."""
    left_out: int
    """Private entries left out (for the window and the terminal; the document never says)."""
    include_private: bool
    generated_at: datetime

    def months(self) -> Iterator[HistoryMonth]:
        """The items month by month, oldest first."""
        current: list[HistoryItem] = []
        for item in self.items:
            if current and (current[0].on.year, current[0].on.month) != (
                item.on.year,
                item.on.month,
            ):
                yield _month(current)
                current = []
            current.append(item)
        if current:
            yield _month(current)

    @property
    def span(self) -> str:
        """How many entries, and from when to when."""
        if not self.items:
            return "No entries match."
        first, last = self.items[0].on, self.items[-1].on
        count = f"{len(self.items):,} {'entry' if len(self.items) == 1 else 'entries'}"
        if first == last:
            return f"{count}, on {_day(first)}."
        return f"{count}, from {_day(first)} to {_day(last)}."

    @property
    def privacy(self) -> str:
        """Whether private entries are in ("" when they are not: a copy to share does not
        speak of them)."""
        return "Entries scoped private are included." if self.include_private else ""


def _month(items: list[HistoryItem]) -> HistoryMonth:
    return HistoryMonth(f"{items[0].on:%B} {items[0].on.year}", tuple(items))


@dataclass(frozen=True)
class HistorySource:
    """What the journal holds for a history export, read and not yet shared: the entries
    found (oldest first), the answers to the advice among them, the entries they answer,
    the mentors' names and the private goals (for the privacy rule)."""

    filters: tuple[str, ...]
    entries: tuple[LogEntry, ...]
    answers: tuple[LogEntry, ...]
    answered: tuple[LogEntry, ...]
    mentors: dict[int, str]
    private_goals: tuple[Goal, ...]


def describe(
    request: HistoryRequest, mentors: dict[int, str], coaches: dict[int, str] | None = None
) -> tuple[str, ...]:
    """What ``request`` asks for, in words (``mentors``, ``coaches``: names by id)."""
    if request.search.strip():
        return (f"Search: {request.search.strip()} (the filters do not apply to a search)",)
    where = request.where
    out = []
    if where.mentor_id is not None:
        out.append(f"Mentor: {mentors.get(where.mentor_id, f'#{where.mentor_id}')}")
    if where.coach_id is not None:
        name = (coaches or {}).get(where.coach_id, f"#{where.coach_id}")
        out.append(f"Sprints with the coach: {name}")
    if where.kind is not None:
        out.append(f"Kind: {where.kind.label}")
    if where.tag.strip():
        out.append(f"Tag: {' '.join(where.tag.split())}")
    if where.scope is not None:
        out.append(f"Shared: {where.scope.label}")
    if where.since is not None and where.until is not None:
        out.append(f"From {_day(where.since)} to {_day(where.until)}")
    elif where.since is not None:
        out.append(f"From {_day(where.since)}")
    elif where.until is not None:
        out.append(f"Up to {_day(where.until)}")
    return tuple(out) or ("Every entry",)


def _matching_ids(services: Services, request: HistoryRequest, progress: Progress) -> list[int]:
    """The ids the filter or search finds (newest first)."""
    ms = services.mentorship
    ids: list[int] = []
    if request.search.strip():
        while True:
            found = ms.search(request.search, limit=PAGE, offset=len(ids))
            ids += [hit.id for hit in found.hits]
            progress.report(0, 0, f"Finding entries… {len(ids):,} of {found.total:,}")
            if len(found.hits) < PAGE or len(ids) >= found.total:
                return ids
    after = None
    while True:
        rows = ms.history_page(request.where, after, PAGE)
        ids += [row.id for row in rows]
        progress.report(0, 0, f"Finding entries… {len(ids):,}")
        if len(rows) < PAGE:
            return ids
        after = rows[-1].key


def read_history_source(
    services: Services, request: HistoryRequest, progress: Progress | None = None
) -> HistorySource:
    """Read what :func:`build_history` needs for ``request`` from the journal.

    Reports to ``progress`` as it finds and reads entries; raises
    :class:`~devjournal.domain.jobs.Cancelled` there once cancel was asked.
    """
    progress = progress or no_progress()
    ms = services.mentorship
    ids = _matching_ids(services, request, progress)
    entries: list[LogEntry] = []
    for start in range(0, len(ids), PAGE):
        progress.report(start, len(ids), f"Reading entries… {start:,} of {len(ids):,}")
        entries += ms.entries_by_id(ids[start : start + PAGE])
    progress.report(len(ids), len(ids), "Reading what answers the advice…")
    answers = ms.answers_to_any([e.id for e in entries if e.kind is EntryKind.ADVICE])
    found = {e.id for e in entries}
    wanted = sorted({e.responds_to_id for e in entries if e.responds_to_id} - found)
    mentors = {m.id: m.name for m in ms.mentors()}
    return HistorySource(
        filters=describe(
            request,
            mentors,
            {c.id: c.name for c in services.people.coach_list()}
            if request.where.coach_id is not None
            else None,
        ),
        entries=tuple(sorted(entries, key=lambda e: (e.occurred_at, e.id))),
        answers=tuple(answers),
        answered=tuple(ms.entries_by_id(wanted)),
        mentors=mentors,
        private_goals=tuple(services.coaching.private_goals()),
    )


def read_history(
    services: Services,
    request: HistoryRequest,
    now: datetime,
    progress: Progress | None = None,
) -> HistoryExport:
    """The history ``request`` asks for, read from the journal as of ``now``, with only
    what the privacy rule shares (:func:`read_history_source`, then :func:`build_history`)."""
    sharing = Sharing(include_private=request.include_private)
    return build_history(read_history_source(services, request, progress), sharing, now)


def build_history(source: HistorySource, sharing: Sharing, now: datetime) -> HistoryExport:
    """The history of ``source`` as of ``now``, with only what ``sharing`` shares: an entry
    scoped private, or linked to a private goal (deleted ones included), stays out, and so
    does an answer or an answered entry the rule leaves out (it is not named). Pure."""
    rule = sharing.rule(goals=source.private_goals)
    shown = [e for e in source.entries if rule.entry(e)]

    def ref(entry: LogEntry) -> EntryRef:
        return EntryRef(entry.occurred_at.astimezone().date(), entry.kind, entry.title)

    replies: dict[int, list[LogEntry]] = {}
    advice = {e.id for e in shown if e.kind is EntryKind.ADVICE}
    for answer in source.answers:
        if answer.responds_to_id in advice and rule.entry(answer):
            replies.setdefault(answer.responds_to_id or 0, []).append(answer)
    by_id = {e.id: e for e in (*source.answered, *source.entries)}
    items = []
    for entry in shown:
        answered = by_id.get(entry.responds_to_id or 0)
        if answered is not None and not rule.entry(answered):
            answered = None
        items.append(
            HistoryItem(
                id=entry.id,
                on=entry.occurred_at.astimezone().date(),
                kind=entry.kind,
                title=entry.title,
                body=entry.body,
                mentor=source.mentors.get(entry.mentor_id or 0, ""),
                tags=entry.tags,
                source_url=entry.source_url,
                advice_status=entry.advice_status,
                scope=entry.scope,
                answers=ref(answered) if answered is not None else None,
                replies=tuple(
                    ref(r)
                    for r in sorted(replies.get(entry.id, []), key=lambda r: (r.occurred_at, r.id))
                ),
            )
        )
    return HistoryExport(
        filters=source.filters,
        items=tuple(items),
        left_out=len(source.entries) - len(shown),
        include_private=sharing.include_private,
        generated_at=now,
    )


def entry_facts(item: HistoryItem) -> list[str]:
    """The line under an entry's heading: kind, mentor, advice status, sharing."""
    facts = [item.kind.label]
    if item.mentor:
        facts.append(f"with {item.mentor}")
    if item.advice_status is not None:
        facts.append(f"status: {item.advice_status.label}")
    if item.scope is Scope.PRIVATE:
        facts.append("private")
    return facts


def ref_text(ref: EntryRef) -> str:
    """Another entry in words: "3 Mar 2024, Reflection: title"."""
    return f"{_day(ref.on)}, {ref.kind.label}: {ref.title}"


def body_markdown(body: str) -> str:
    """An entry's body as the user wrote it, made harmless for a Markdown file
    (``domain.text.for_markdown``: its HTML stays text, images and unsafe links are text,
    a code fence left open is closed so it cannot swallow the rest of the document)."""
    return for_markdown(body)


def history_markdown(export: HistoryExport, progress: Progress | None = None) -> str:
    """The history as Markdown: what was asked, then month by month each entry with its
    facts, its tags, its body (the user's own Markdown), its source, and what answers it."""
    progress = progress or no_progress()
    x = export
    lines = [f"# {TITLE}", "", " · ".join(_md(f) for f in x.filters), ""]
    lines += [" ".join(filter(None, (x.span, x.privacy))), ""]
    done = 0
    for month in x.months():
        lines += [f"## {month.label}", ""]
        for item in month.items:
            if done % FORMAT_STEP == 0:
                progress.report(done, len(x.items), f"Writing entries… {done:,}")
            done += 1
            lines += [f"### {_day(item.on)} · {_md(item.title)}", ""]
            lines += [_md(" · ".join(entry_facts(item))), ""]
            if item.tags:
                lines += [f"Tags: {_md(', '.join(item.tags))}", ""]
            if item.answers is not None:
                lines += [f"Answers: {_md(ref_text(item.answers))}", ""]
            if item.body.strip():
                lines += [body_markdown(item.body), ""]
            if item.source_url.strip():
                url = item.source_url.strip()
                shown = f"<{url}>" if is_web_link(url) else _md(url)
                lines += [f"Source: {shown}", ""]
            if item.replies:
                lines += ["What came of it:", ""]
                lines += [f"- {_md(ref_text(r))}" for r in item.replies]
                lines.append("")
    lines.append(f"*Generated {x.generated_at.astimezone():%Y-%m-%d %H:%M} by devjournal.*")
    return for_file("\n".join(lines) + "\n")
