"""How a moment is stored: the text SQLAlchemy's SQLite DateTime writes, in UTC. The
plain-SQL modules (some run before the ORM is loaded) compare and write it directly."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

STORED_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def stored(value: datetime) -> str:
    """An aware moment as stored."""
    return value.astimezone(UTC).strftime(STORED_FORMAT)


def stored_day_start(day: date) -> str:
    """The local midnight that starts ``day``, as stored."""
    return stored(datetime.combine(day, time()).astimezone())


def from_stored(text: str) -> datetime:
    """A stored moment, aware (UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
