"""User settings in a small JSON file, written atomically."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devjournal.domain.errors import ValidationError
from devjournal.domain.retention import DEFAULT, Retention
from devjournal.files import atomic_write_text

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
WEEK_STARTS = ("locale", "monday", "sunday", "saturday")
"""The first day of the week in calendars: the locale's, or one chosen."""


REMEMBERED_REMINDERS = 500
"""How many shown reminders are remembered (the oldest are long past)."""


@dataclass(frozen=True)
class Preferences:
    """What the Preferences dialog sets, all at once."""

    theme: str
    week_start: str
    reminders: bool
    backups_dir: Path | None
    retention: Retention


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

    @property
    def week_start(self) -> str:
        """The first day of the week in calendars (one of :data:`WEEK_STARTS`)."""
        value = self.get_str("week_start", "locale")
        return value if value in WEEK_STARTS else "locale"

    @week_start.setter
    def week_start(self, value: str) -> None:
        self._values["week_start"] = value if value in WEEK_STARTS else "locale"

    @property
    def backups_dir(self) -> Path | None:
        """The backups folder the user chose, or None for the one beside the journal."""
        value = self._values.get("backups_dir")
        if isinstance(value, str) and value and Path(value).is_absolute():
            return Path(value)
        return None

    @backups_dir.setter
    def backups_dir(self, folder: Path | None) -> None:
        self._values["backups_dir"] = None if folder is None else str(folder)

    @property
    def retention(self) -> Retention:
        """How many daily, weekly and monthly backups are kept."""
        value = self._values.get("backup_keep")
        if not isinstance(value, dict):
            return DEFAULT
        try:
            return Retention(
                daily=value.get("daily", DEFAULT.daily),
                weekly=value.get("weekly", DEFAULT.weekly),
                monthly=value.get("monthly", DEFAULT.monthly),
            )
        except ValidationError:
            log.warning("ignoring an unreadable backup retention in the settings: %r", value)
            return DEFAULT

    @retention.setter
    def retention(self, keep: Retention) -> None:
        self._values["backup_keep"] = {
            "daily": keep.daily,
            "weekly": keep.weekly,
            "monthly": keep.monthly,
        }

    @property
    def preferences(self) -> Preferences:
        """The settings the Preferences dialog shows."""
        return Preferences(
            self.theme, self.week_start, self.reminders, self.backups_dir, self.retention
        )

    @preferences.setter
    def preferences(self, chosen: Preferences) -> None:
        self.theme = chosen.theme
        self.week_start = chosen.week_start
        self.reminders = chosen.reminders
        self.backups_dir = chosen.backups_dir
        self.retention = chosen.retention

    def save(self) -> None:
        """Write the settings file atomically."""
        try:
            atomic_write_text(self._path, json.dumps(self._values, indent=2, sort_keys=True))
        except OSError:
            log.warning("could not save settings to %s", self._path, exc_info=True)
