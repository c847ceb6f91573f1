"""User settings in a small JSON file, written atomically."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from devjournal.files import atomic_write_text

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")


REMEMBERED_REMINDERS = 500
"""How many shown reminders are remembered (the oldest are long past)."""


class Settings:
    """Key/value settings. A missing or unreadable file means defaults (and is logged)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("settings file %s is unreadable; using defaults", path, exc_info=True)

    def get_str(self, key: str, default: str = "") -> str:
        """A string setting."""
        value = self._values.get(key, default)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: str | int | bool | None) -> None:
        """Set a value (kept in memory until :meth:`save`)."""
        self._values[key] = value

    @property
    def theme(self) -> str:
        """system, light or dark."""
        theme = self.get_str("theme", "system")
        return theme if theme in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._values["theme"] = value if value in THEMES else "system"

    @property
    def reminders(self) -> bool:
        """Desktop reminders of sessions and overdue actions (on unless turned off)."""
        value = self._values.get("reminders", True)
        return value if isinstance(value, bool) else True

    @reminders.setter
    def reminders(self, on: bool) -> None:
        self._values["reminders"] = bool(on)

    @property
    def reminded(self) -> list[str]:
        """Keys of the reminders already shown, so none is shown twice."""
        value = self._values.get("reminded", [])
        return [str(v) for v in value] if isinstance(value, list) else []

    @reminded.setter
    def reminded(self, keys: list[str]) -> None:
        self._values["reminded"] = list(keys)[-REMEMBERED_REMINDERS:]

    @property
    def outreach_template(self) -> str:
        """The template a first message to a prospective mentor or coach is drafted from
        (``domain/outreach.py`` fills its placeholders)."""
        from devjournal.domain.outreach import DEFAULT_TEMPLATE  # noqa: PLC0415

        value = self._values.get("outreach_template")
        return value if isinstance(value, str) and value.strip() else DEFAULT_TEMPLATE

    @outreach_template.setter
    def outreach_template(self, text: str) -> None:
        self._values["outreach_template"] = text if text.strip() else None

    def save(self) -> None:
        """Write the settings file atomically."""
        try:
            atomic_write_text(self._path, json.dumps(self._values, indent=2, sort_keys=True))
        except OSError:
            log.warning("could not save settings to %s", self._path, exc_info=True)
