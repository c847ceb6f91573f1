"""Reading jrnl's JSON export (``jrnl --export json > journal.json``).

jrnl writes ``{"tags": {...}, "entries": [{"date": "2024-03-01", "time": "09:15",
"title": "...", "body": "...", "tags": ["@work"], "starred": false}, ...]}``. Times are the
writer's local time, so they are read in this computer's time zone (daylight saving
included). Each entry becomes a private reflection; its ``@tags`` become tags (without the
``@``), and a starred entry gets the tag ``starred``. An entry is known again by a hash of
its date, time, title and body, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time
from typing import Any

from devjournal.domain.imports import (
    ImportBatch,
    IncomingEntry,
    check_entry,
    problem,
    short_title,
    shown,
    year_in_range,
)
from devjournal.domain.jobs import Progress
from devjournal.importing.entry_fields import entries_of, flag_field, tags_field, text_field
from devjournal.importing.source import parse_json

SOURCE = "jrnl"


def read_jrnl(data: bytes, name: str, progress: Progress | None = None) -> ImportBatch:
    """The entries of a jrnl JSON export, or :class:`ImportProblem` naming where it fails."""
    entries = entries_of(
        parse_json(data, name), name, "a jrnl export (jrnl --export json > journal.json)"
    )
    out: dict[str, IncomingEntry] = {}
    for index, raw in enumerate(entries):
        where = f"{name}: entries[{index}]"
        entry = _entry(raw, where)
        out.setdefault(entry.key, entry)  # the same entry twice in one file: once
        if progress is not None and index % 5000 == 0:
            progress.report(index, len(entries), "Reading the jrnl file…")
    return ImportBatch(SOURCE, name, tuple(out.values()))


def _entry(raw: Any, where: str) -> IncomingEntry:
    if not isinstance(raw, dict):
        raise problem(where, f"expected an entry (an object), got {shown(raw)}")
    day_text = text_field(raw, "date", where, required=True, limit=10)
    time_text = text_field(raw, "time", where, required=False, limit=8) or "00:00"
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise problem(f"{where}.date", f"{shown(day_text)} is not a date (YYYY-MM-DD)") from None
    try:
        at = time.fromisoformat(time_text)
    except ValueError:
        raise problem(f"{where}.time", f"{shown(time_text)} is not a time (HH:MM)") from None
    year_in_range(day.year, f"{where}.date")
    title_text = text_field(raw, "title", where, required=True)
    body = text_field(raw, "body", where, required=False)
    tags = [t.removeprefix("@") for t in tags_field(raw, "tags", where)]
    if flag_field(raw, "starred", where):
        tags.append("starred")
    key = hashlib.sha256(
        "\x00".join((day_text, time_text, title_text, body)).encode("utf-8")
    ).hexdigest()[:40]
    title, cut = short_title(title_text.strip() or body.strip().split("\n", 1)[0])
    if cut:
        body = f"{title_text}\n\n{body}" if body else title_text
    local = datetime.combine(day, at.replace(tzinfo=None)).astimezone()
    return check_entry(
        IncomingEntry(
            key=f"jrnl:{key}",
            occurred_at=local.astimezone(UTC),
            title=title,
            body=body.strip("\n"),
            tags=tuple(tags),
        ),
        where,
    )
