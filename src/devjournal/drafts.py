"""Unsaved form contents, kept on disk while the user types so a crash loses nothing.

One small JSON file (``drafts.json`` beside the settings); each open form writes its fields
under its own key, written atomically, and removes them when saved or discarded. Each draft
notes when it was written (from the injected clock), so that drafts left by a run that
ended without saving them can be offered at the next start.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from devjournal.domain.clock import Clock, utc_now
from devjournal.files import atomic_write_text

log = logging.getLogger(__name__)

SAVED_AT = "_saved_at"
"""Where a draft keeps when it was written (ISO 8601, UTC)."""

WHAT = {
    "entry": "entry",
    "goal": "goal",
    "sprint": "sprint",
    "mentor": "mentor",
    "session": "session",
    "action": "commitment",
    "checkin": "check-in",
    "close": "closing of a sprint",
    "plan": "session plan",
    "assessment": "self-assessment",
    "coach": "coach",
    "aim": "part of your direction",
    "outreach": "outreach",
}
"""What a draft is, by the first part of its key."""


@dataclass(frozen=True)
class DraftKey:
    """A draft's key taken apart: ``goal:new:sprint=4`` is kind ``goal``, new, in sprint 4;
    ``entry:12`` is entry 12."""

    kind: str
    id: int | None = None
    where: dict[str, int] = field(default_factory=dict)

    @classmethod
    def parse(cls, key: str) -> DraftKey:
        kind, *rest = key.split(":")
        found_id: int | None = None
        where: dict[str, int] = {}
        for part in rest:
            name, _, number = part.partition("=")
            if part.isdigit():
                found_id = int(part)
            elif number.isdigit():
                where[name] = int(number)
        return cls(kind, found_id, where)


def describe_draft(key: str, fields: dict[str, Any], saved_at: datetime | None) -> str:
    """``An unsaved entry “Half a thought” from 3 Dec 14:02`` (local time)."""
    text = f"An unsaved {WHAT.get(DraftKey.parse(key).kind, 'form')}"
    name = next(
        (
            str(fields[name]).strip()
            for name in ("title", "name", "value", "retrospective", "notes", "in_own_words")
            if str(fields.get(name) or "").strip()
        ),
        "",
    )
    if name:
        text += f" “{name if len(name) <= 40 else name[:39].rstrip() + '…'}”"
    if saved_at is not None:
        local = saved_at.astimezone()
        text += f" from {local.day} {local:%b %H:%M}"
    return text


class DraftStore:
    """Keyed drafts: ``{"goal:new:sprint=4": {"title": "...", ...}}``."""

    def __init__(self, path: Path, clock: Clock = utc_now) -> None:
        self._path = path
        self._clock = clock
        self._drafts: dict[str, dict[str, Any]] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._drafts = {k: v for k, v in loaded.items() if isinstance(v, dict)}
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("drafts file %s is unreadable; starting without drafts", path)
        self.left_over: tuple[str, ...] = tuple(self._drafts)
        """The drafts found at start: typed in an earlier run and never saved."""

    def get(self, key: str) -> dict[str, Any] | None:
        """The saved fields for ``key``, if any."""
        found = self._drafts.get(key)
        if found is None:
            return None
        return {name: value for name, value in found.items() if name != SAVED_AT}

    def saved_at(self, key: str) -> datetime | None:
        """When the draft for ``key`` was last written (None if unknown)."""
        try:
            return datetime.fromisoformat(str(self._drafts[key][SAVED_AT]))
        except (KeyError, ValueError):
            return None

    def put(self, key: str, fields: dict[str, Any]) -> None:
        """Keep ``fields`` for ``key`` (written at once)."""
        if self.get(key) == fields:
            return
        self._drafts[key] = {**fields, SAVED_AT: self._clock().isoformat()}
        self._save()

    def discard(self, key: str) -> None:
        """Forget ``key`` (the form was saved or thrown away)."""
        if self._drafts.pop(key, None) is not None:
            self._save()

    def _save(self) -> None:
        try:
            atomic_write_text(self._path, json.dumps(self._drafts, indent=1, sort_keys=True))
        except OSError:
            log.warning("could not keep drafts in %s", self._path, exc_info=True)
