"""Every table with something the user wrote keeps a checksum of its row.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

- ``checksum`` (16 hex characters, SHA-256 prefix) on ``sprint``, ``milestone``,
  ``checkin``, ``coaching_session``, ``action_item``, ``mentor``, ``mentor_link`` and
  ``tag``, as ``goal`` and ``log_entry`` had since 0001.
- Every checksum now covers the whole row but its stamps (``created_at``, ``updated_at``,
  ``deleted_at``): the id, links, enum values, numbers, dates and text. Before, a goal's and
  an entry's covered their text only.
- The checksums of existing rows are computed here. A goal or entry whose stored checksum
  no longer matches its row (damaged before this upgrade) keeps it, so ``check`` still
  reports it; a value that cannot be read leaves the checksum empty (``check`` reports the
  value).

The column lists and the way each value enters the checksum are copied here, not imported:
this revision must compute what it computed when it was released, whatever the code says
later. Frozen once released, like every revision.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    "sprint",
    "milestone",
    "checkin",
    "coaching_session",
    "action_item",
    "mentor",
    "mentor_link",
    "tag",
)

# Each covered column, in order, with how its stored value is read: t(ext), i(nt),
# f(loat), d(ate), dt (date and time, stored as naive UTC).
COVERED: dict[str, tuple[tuple[str, str], ...]] = {
    "sprint": (
        ("id", "i"), ("title", "t"), ("kind", "t"), ("coach_name", "t"), ("focus", "t"),
        ("start_date", "d"), ("end_date", "d"), ("session_every_days", "i"),
        ("closed_state", "t"), ("closed_on", "d"), ("retrospective", "t"),
    ),
    "goal": (
        ("id", "i"), ("sprint_id", "i"), ("title", "t"), ("specific", "t"),
        ("metric_kind", "t"), ("metric_name", "t"), ("unit", "t"), ("baseline", "f"),
        ("target", "f"), ("direction", "t"), ("scale_max", "i"), ("achievable", "t"),
        ("relevant", "t"), ("deadline", "d"), ("checkin_every_days", "i"), ("status", "t"),
        ("final_value", "f"), ("lessons", "t"), ("scope", "t"), ("position", "i"),
        ("rolled_from_id", "i"),
    ),
    "milestone": (
        ("id", "i"), ("goal_id", "i"), ("title", "t"), ("position", "i"), ("done_on", "d"),
    ),
    "checkin": (("id", "i"), ("goal_id", "i"), ("on_date", "d"), ("value", "f"), ("note", "t")),
    "coaching_session": (
        ("id", "i"), ("sprint_id", "i"), ("starts_at", "dt"), ("duration_min", "i"),
        ("status", "t"), ("agenda", "t"), ("notes", "t"), ("insights", "t"), ("scope", "t"),
        ("questions", "t"),
    ),
    "action_item": (
        ("id", "i"), ("sprint_id", "i"), ("goal_id", "i"), ("session_id", "i"), ("title", "t"),
        ("due_date", "d"), ("status", "t"), ("done_on", "d"),
    ),
    "mentor": (
        ("id", "i"), ("name", "t"), ("relationship", "t"), ("formality", "t"),
        ("programme", "t"), ("affiliation", "t"), ("organisation", "t"), ("seeking", "t"),
        ("contact_every_days", "i"), ("started_on", "d"), ("ended_on", "d"), ("notes", "t"),
    ),
    "mentor_link": (
        ("id", "i"), ("mentor_id", "i"), ("label", "t"), ("url", "t"), ("position", "i"),
    ),
    "log_entry": (
        ("id", "i"), ("mentor_id", "i"), ("sprint_id", "i"), ("goal_id", "i"), ("kind", "t"),
        ("occurred_at", "dt"), ("title", "t"), ("body", "t"), ("source_url", "t"),
        ("advice_status", "t"), ("responds_to_id", "i"), ("scope", "t"), ("import_key", "t"),
    ),
    "tag": (("id", "i"), ("name", "t")),
}  # fmt: skip

# What 0001's checksums covered (text, with the numbers as the draft held them).
OLD_GOAL = (
    "title", "specific", "metric_name", "unit", "baseline", "target", "achievable",
    "relevant", "deadline", "lessons", "final_value",
)  # fmt: skip
OLD_ENTRY = ("kind", "occurred_at", "title", "body", "source_url")


class UnreadableError(ValueError):
    """A stored value that does not read as its column's kind."""


def text_checksum(parts: Iterable[object]) -> str:
    canonical = json.dumps([None if p is None else str(p) for p in parts], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _read(kind: str, value: Any) -> Any:
    """A stored value as the app reads it (text comes as bytes)."""
    if value is None:
        return None
    if kind in ("i", "f"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise UnreadableError(kind)
        if kind == "i" and not isinstance(value, int):
            raise UnreadableError(kind)
        return value
    if not isinstance(value, bytes):
        raise UnreadableError(kind)
    try:
        text = value.decode("utf-8")
        if kind == "d":
            return date.fromisoformat(text)
        if kind == "dt":
            return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError:
        raise UnreadableError(kind) from None
    return text


def _canonical(kind: str, value: Any) -> str | None:
    """How a value enters the checksum (as ``repositories.row_checksum`` did at 0004)."""
    if value is None:
        return None
    if kind == "i":
        return str(int(value))
    if kind == "f":
        return repr(float(value))
    if kind in ("d", "dt"):
        return str(value.isoformat())
    return str(value)


def _old_goal_sums(row: dict[str, Any]) -> Iterator[str]:
    """Every checksum 0001-0003 may have kept on ``row``: a number the user typed as a
    whole number was summed as ``2``, read back as ``2.0``."""
    numbers = ("baseline", "target", "final_value")
    choices = []
    for name in numbers:
        value = row[name]
        forms = [value]
        if isinstance(value, float) and value.is_integer():
            forms.append(int(value))
        choices.append(forms)
    for combo in itertools.product(*choices):
        picked = dict(zip(numbers, combo, strict=True))
        yield text_checksum(picked.get(name, row[name]) for name in OLD_GOAL)


def _old_entry_sum(row: dict[str, Any]) -> str:
    parts = [row[name] for name in OLD_ENTRY]
    parts[1] = row["occurred_at"].isoformat()
    return text_checksum(parts)


def _driver() -> sqlite3.Connection:
    driver = op.get_bind().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _rows(
    driver: sqlite3.Connection, table: str, extra: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, Any] | None, tuple[Any, ...]]]:
    """Each row of ``table``: its rowid, its covered values (None when one cannot be read)
    and the raw ``extra`` columns."""
    covered = COVERED[table]
    names = ", ".join([name for name, _ in covered] + list(extra))
    for raw in driver.execute(f"SELECT rowid, {names} FROM {table}").fetchall():
        try:
            values = {
                name: _read(kind, value)
                for (name, kind), value in zip(covered, raw[1 : 1 + len(covered)], strict=True)
            }
        except UnreadableError:
            values = None
        yield raw[0], values, tuple(raw[1 + len(covered) :])


def _backfill(driver: sqlite3.Connection) -> None:
    for table, covered in COVERED.items():
        keeps_old = table in ("goal", "log_entry")
        updates = []
        for rowid, values, extra in _rows(driver, table, ("checksum",)):
            stored = extra[0].decode("utf-8", "replace") if isinstance(extra[0], bytes) else ""
            if values is None:
                updates.append(("" if not keeps_old else stored, rowid))
                continue
            if keeps_old and stored:
                olds = _old_goal_sums(values) if table == "goal" else iter([_old_entry_sum(values)])
                if stored not in olds:
                    continue  # damaged before the upgrade: the old checksum stays, and shows it
            new = text_checksum(_canonical(kind, values[name]) for name, kind in covered)
            updates.append((new, rowid))
        driver.executemany(f"UPDATE {table} SET checksum = ? WHERE rowid = ?", updates)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch (copy-and-move) would drop tag's search trigger.
    for table in NEW_COLUMNS:
        op.add_column(
            table, sa.Column("checksum", sa.String(length=16), server_default="", nullable=False)
        )
    driver = _driver()
    factory = driver.text_factory
    driver.text_factory = bytes
    try:
        _backfill(driver)
    finally:
        driver.text_factory = factory


def downgrade() -> None:
    driver = _driver()
    factory = driver.text_factory
    driver.text_factory = bytes
    try:
        for table in ("goal", "log_entry"):
            updates = []
            for rowid, values, _ in _rows(driver, table, ()):
                if values is None:
                    continue
                if table == "goal":
                    old = text_checksum(values[name] for name in OLD_GOAL)
                else:
                    old = _old_entry_sum(values)
                updates.append((old, rowid))
            driver.executemany(f"UPDATE {table} SET checksum = ? WHERE rowid = ?", updates)
    finally:
        driver.text_factory = factory
    for table in NEW_COLUMNS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN checksum")
