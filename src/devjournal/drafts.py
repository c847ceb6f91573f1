"""Unsaved form contents, kept on disk while the user types so a crash loses nothing.

One small JSON file (``drafts.json`` beside the settings); each open form writes its fields
under its own key, written atomically, and removes them when saved or discarded.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from devjournal.files import atomic_write_text

log = logging.getLogger(__name__)


class DraftStore:
    """Keyed drafts: ``{"goal:new:sprint=4": {"title": "...", ...}}``."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._drafts: dict[str, dict[str, Any]] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._drafts = {k: v for k, v in loaded.items() if isinstance(v, dict)}
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("drafts file %s is unreadable; starting without drafts", path)

    def get(self, key: str) -> dict[str, Any] | None:
        """The saved fields for ``key``, if any."""
        found = self._drafts.get(key)
        return dict(found) if found is not None else None

    def put(self, key: str, fields: dict[str, Any]) -> None:
        """Keep ``fields`` for ``key`` (written at once)."""
        if self._drafts.get(key) == fields:
            return
        self._drafts[key] = dict(fields)
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
