"""Reading Day One's JSON export (File → Export → JSON: a .zip holding ``Journal.json``, or
the .json itself).

Day One writes ``{"metadata": {"version": "1.0"}, "entries": [{"uuid": "...",
"creationDate": "2024-03-01T09:15:00Z", "text": "...", "tags": [...], "starred": false,
"photos": [...]}, ...]}``. The first line of ``text`` becomes the title (without its
``#``), the rest the body; Day One's backslash escapes (``\\.``, ``\\-``) are undone and
links to its photos are left out (devjournal keeps text: the preview says how many photos
stayed behind). An entry is known again by its uuid, so a re-import adds nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from devjournal.domain.errors import ImportProblem
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
from devjournal.importing.source import MAX_FILE_BYTES, WINDOW, JsonBudget, parse_json

SOURCE = "Day One"
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash before ASCII punctuation (Markdown's escapes; Day One escapes generously)."""
_MOMENT = re.compile(r"!\[[^\]]*\]\(dayone-moment:/+[^)]*\)\n?")
_UUID = re.compile(r"[0-9A-Fa-f-]{8,64}")
"""A Day One id, matched whole (``fullmatch``: ``$`` would let a final newline through)."""


def read_dayone(data: bytes, name: str, progress: Progress | None = None) -> ImportBatch:
    """The entries of a Day One export (.zip or .json), or :class:`ImportProblem`."""
    documents = _documents(data, name, progress)
    out: dict[str, IncomingEntry] = {}
    photos = 0
    for doc_name, document in documents:
        entries = entries_of(document, doc_name, "a Day One export (File → Export → JSON)")
        for index, raw in enumerate(entries):
            entry, pictures = _entry(raw, f"{doc_name}: entries[{index}]")
            photos += pictures
            out.setdefault(entry.key, entry)
            if progress is not None and index % 5000 == 0:
                progress.report(index, len(entries), "Reading the Day One file…")
    notes: tuple[str, ...] = ()
    if photos:
        things = "photo stays" if photos == 1 else "photos stay"
        notes = (f"{photos:,} {things} in Day One: devjournal imports the text.",)
    return ImportBatch(SOURCE, name, tuple(out.values()), notes)


def _documents(data: bytes, name: str, progress: Progress | None = None) -> list[tuple[str, Any]]:
    if not data.startswith(b"PK"):
        return [(name, parse_json(data, name))]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [
            info
            for info in archive.infolist()
            if info.filename.lower().endswith(".json")
            and not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
        ]
        if not members:
            raise ImportProblem(f"{name} holds no .json file: is it a Day One JSON export?")
        budget = MAX_FILE_BYTES  # what all the members may unpack to, together
        spent = 0  # JSON values counted in the members before
        out = []
        for info in members:
            if progress is not None:
                progress.report(0, 0, f"Unpacking {info.filename}…")
            if info.file_size > budget:
                raise ImportProblem(f"{name} unpacks to more than {MAX_FILE_BYTES // 1024**2} MB.")
            label = f"{name}/{info.filename}"
            member = _unpacked(archive, info, name, budget, spent)
            budget -= len(member.data)
            spent = member.values
            out.append((label, parse_json(member.data, label, counted=True)))
        return out
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise ImportProblem(f"{name} is a damaged zip file ({exc}).") from None
    except NotImplementedError:  # Deflate64, or a method no zip reader here knows
        raise ImportProblem(
            f"{name} is compressed in a way devjournal cannot read (such as Deflate64): "
            "unzip it with another tool and import the Journal.json in it."
        ) from None
    except RuntimeError:  # an encrypted member (NotImplementedError is one too: above)
        raise ImportProblem(
            f"{name} is protected by a password; export it again without one."
        ) from None


@dataclass(frozen=True)
class _Member:
    data: bytearray
    values: int
    """JSON values counted so far, this member's included."""


def _unpacked(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int, spent: int
) -> _Member:
    """A member's bytes (at most ``limit``), unpacked a window at a time and counted as
    they come: a member that would cost too much to parse is refused before it is all
    unpacked."""
    counter = JsonBudget(f"{name}/{info.filename}", spent)
    raw = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(WINDOW):
            raw += chunk
            if len(raw) > limit:
                raise ImportProblem(f"{name} unpacks to more than {MAX_FILE_BYTES // 1024**2} MB.")
            counter.count(raw)
    counter.final(raw)
    return _Member(raw, counter.values)


def _entry(raw: Any, where: str) -> tuple[IncomingEntry, int]:
    if not isinstance(raw, dict):
        raise problem(where, f"expected an entry (an object), got {shown(raw)}")
    uuid = text_field(raw, "uuid", where, required=True, limit=64)
    if not _UUID.fullmatch(uuid):
        raise problem(f"{where}.uuid", f"{shown(uuid)} is not a Day One id")
    created = text_field(raw, "creationDate", where, required=True, limit=40)
    try:
        moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        raise problem(
            f"{where}.creationDate", f"{shown(created)} is not a date and time (ISO 8601)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    year_in_range(moment.year, f"{where}.creationDate")
    text = text_field(raw, "text", where, required=False)
    photos = raw.get("photos")  # only counted, for the preview
    pictures = len(photos) if isinstance(photos, list) else 0
    text = _ESCAPED.sub(r"\1", _MOMENT.sub("", text.replace("\r\n", "\n")))
    lines = text.strip("\n").split("\n", 1)
    first = lines[0].strip().lstrip("#").strip()
    body = lines[1].strip("\n") if len(lines) > 1 else ""
    if not first:
        first = "(photo)" if pictures else "(untitled)"
    title, cut = short_title(first)
    if cut:
        body = f"{first}\n\n{body}" if body else first
    tags = tags_field(raw, "tags", where)
    if flag_field(raw, "starred", where):
        tags.append("starred")
    return (
        check_entry(
            IncomingEntry(
                key=f"dayone:{uuid.upper()}",
                occurred_at=moment.astimezone(UTC),
                title=title,
                body=body,
                tags=tuple(tags),
            ),
            where,
        ),
        pictures,
    )
