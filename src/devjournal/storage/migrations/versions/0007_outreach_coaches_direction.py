"""Outreach with a purpose, coaches as people, and a direction that outlives sprints.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

- ``aim``: one part of where the user wants to be in one, three or five years
  (``horizon`` 1y, 3y, 5y), in the user's order, with the day it was reached.
- ``coach``: a coach as a person (name, what they coach, organisation, how to reach them,
  notes), so the sprints with one coach make a history.
- ``outreach``: reaching out to a prospective mentor or coach: why them, the purpose, the
  ask, how the user wants to converse, the first message, a status with the day of each
  step (idea, drafted, sent, replied; agreed, declined or no reply on ``closed_on``), after
  how many days without a reply to follow up, and the mentor or coach it became.
- ``sprint.coach_id`` (the coach; ``coach_name`` stays their name as the sprint shows it),
  and ``serves_id`` on ``sprint``, ``goal``, ``mentor`` (and on ``coach`` and ``outreach``):
  the part of the direction each one serves.
- ``mentor``: how we converse: ``converse_format`` (call, meeting, written),
  ``converse_minutes``, ``channel``, ``topics``, ``boundaries`` (the cadence is the
  existing ``contact_every_days``).
- Every sprint with a coach's name gets a coach: one per name (ignoring case and the spaces
  around it), spelled as on its earliest sprint.
- The checksums of ``sprint``, ``goal`` and ``mentor`` now cover their new columns: each
  row whose stored checksum is the one 0004 computed gets the new one; a row damaged
  before the upgrade keeps its old checksum, which still shows the damage.

Frozen once released, like every revision: the column lists and the way each value enters
a checksum are copied here (as 0004 computed them), the allowed values are written out.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SCOPES = ("private", "coach", "mentor", "shared")
RELATIONSHIPS = ("traditional", "peer", "reverse", "from_afar")
FORMATS = ("call", "meeting", "written")
STATUSES = ("idea", "drafted", "sent", "replied", "agreed", "declined", "no_reply")

# Each covered column, in order, with how its stored value is read: t(ext), i(nt),
# f(loat), d(ate). The first part of each is what 0004 covered.
OLD: dict[str, tuple[tuple[str, str], ...]] = {
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
    "mentor": (
        ("id", "i"), ("name", "t"), ("relationship", "t"), ("formality", "t"),
        ("programme", "t"), ("affiliation", "t"), ("organisation", "t"), ("seeking", "t"),
        ("contact_every_days", "i"), ("started_on", "d"), ("ended_on", "d"), ("notes", "t"),
    ),
}  # fmt: skip
ADDED: dict[str, tuple[tuple[str, str], ...]] = {
    "sprint": (("coach_id", "i"), ("serves_id", "i")),
    "goal": (("serves_id", "i"),),
    "mentor": (
        ("converse_format", "t"), ("converse_minutes", "i"), ("channel", "t"),
        ("topics", "t"), ("boundaries", "t"), ("serves_id", "i"),
    ),
}  # fmt: skip
COACH = (
    ("id", "i"), ("name", "t"), ("coaches", "t"), ("organisation", "t"), ("contact", "t"),
    ("notes", "t"), ("serves_id", "i"),
)  # fmt: skip


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
    if value is None:
        return None
    if kind == "i":
        return str(int(value))
    if kind == "f":
        return repr(float(value))
    if kind in ("d", "dt"):
        return str(value.isoformat())
    return str(value)


def _sum(covered: tuple[tuple[str, str], ...], values: dict[str, Any]) -> str:
    return text_checksum(_canonical(kind, values[name]) for name, kind in covered)


def _driver() -> sqlite3.Connection:
    driver = op.get_bind().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _rows(
    driver: sqlite3.Connection, table: str, covered: tuple[tuple[str, str], ...]
) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """Each row of ``table``: its rowid, its covered values (None when one cannot be read)
    and its stored checksum."""
    names = ", ".join(name for name, _ in covered)
    for raw in driver.execute(f"SELECT rowid, {names}, checksum FROM {table}").fetchall():
        try:
            values = {
                name: _read(kind, value)
                for (name, kind), value in zip(covered, raw[1:-1], strict=True)
            }
        except UnreadableError:
            values = None
        stored = raw[-1].decode("utf-8", "replace") if isinstance(raw[-1], bytes) else ""
        yield raw[0], values, stored


def _resum(driver: sqlite3.Connection, before: str, after: str) -> None:
    """Give every row whose checksum is the one ``before`` computes the one ``after`` does."""
    for table, old in OLD.items():
        covers = {"before": old, "after": old + ADDED[table]}
        updates = []
        for rowid, values, stored in _rows(driver, table, old + ADDED[table]):
            if values is not None and stored == _sum(covers[before], values):
                updates.append((_sum(covers[after], values), rowid))
        driver.executemany(f"UPDATE {table} SET checksum = ? WHERE rowid = ?", updates)


def _now() -> str:
    """Now by the journal's one clock (the engine carries it), as a stamp is stored."""
    clock = op.get_bind().get_execution_options().get("devjournal_clock")
    now = clock() if clock is not None else datetime.fromtimestamp(0, UTC)
    return str(now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"))


def _coaches(driver: sqlite3.Connection) -> None:
    """A coach for each name on a live sprint; every sprint with that name links to it."""
    stamp = _now()
    rows = driver.execute(
        "SELECT id, coach_name, deleted_at FROM sprint "
        "WHERE trim(coalesce(coach_name, '')) != '' ORDER BY start_date, id"
    ).fetchall()
    ids: dict[str, int] = {}
    for _, name, deleted_at in rows:
        if not isinstance(name, bytes) or deleted_at is not None:
            continue
        spelled = name.decode("utf-8", "replace").strip()
        key = spelled.casefold()
        if key in ids or len(spelled) > 200:
            continue
        ident = len(ids) + 1
        ids[key] = ident
        values = {n: "" for n, _ in COACH} | {"id": ident, "name": spelled, "serves_id": None}
        driver.execute(
            "INSERT INTO coach (id, name, checksum, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (ident, spelled, _sum(COACH, values), stamp, stamp),
        )
    links = []
    for sprint_id, name, _ in rows:
        if isinstance(name, bytes):
            found = ids.get(name.decode("utf-8", "replace").strip().casefold())
            if found is not None:
                links.append((found, sprint_id))
    driver.executemany("UPDATE sprint SET coach_id = ? WHERE id = ?", links)


def _ck(
    table: str, name: str, values: tuple[str, ...], nullable: bool = True
) -> sa.CheckConstraint:
    allowed = f"{name} IN ({', '.join(repr(v) for v in values)})"
    expr = f"{name} IS NULL OR {allowed}" if nullable else allowed
    return sa.CheckConstraint(expr, name=op.f(f"ck_{table}_{name}"))


def _positive(table: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{name} IS NULL OR {name} > 0", name=op.f(f"ck_{table}_{name}"))


def _link(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"), ondelete="SET NULL"
    )


def _stamps() -> list[sa.Column[Any]]:
    return [
        sa.Column("checksum", sa.String(16), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), server_default="", nullable=False)


def upgrade() -> None:
    op.create_table(
        "aim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("horizon", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        _text("detail"),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("reached_on", sa.Date(), nullable=True),
        sa.Column("scope", sa.String(20), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aim")),
        _ck("aim", "horizon", ("1y", "3y", "5y"), nullable=False),
        _ck("aim", "scope", SCOPES, nullable=False),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_aim_title_not_empty")),
    )
    op.create_index("ix_aim_horizon", "aim", ["horizon", "position"])
    op.create_table(
        "coach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        _text("coaches"),
        _text("organisation"),
        _text("contact"),
        _text("notes"),
        sa.Column("serves_id", sa.Integer(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach")),
        _link("coach", "serves_id", "aim"),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_coach_name_not_empty")),
    )
    op.create_table(
        "outreach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("guide", sa.String(20), nullable=False),
        sa.Column("relationship", sa.String(20), nullable=True),
        _text("why_them"),
        _text("purpose"),
        _text("ask"),
        sa.Column("converse_format", sa.String(20), nullable=True),
        sa.Column("converse_minutes", sa.Integer(), nullable=True),
        sa.Column("every_days", sa.Integer(), nullable=True),
        _text("channel"),
        _text("message"),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("idea_on", sa.Date(), nullable=False),
        sa.Column("drafted_on", sa.Date(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("follow_up_days", sa.Integer(), nullable=True),
        _text("notes"),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("serves_id", sa.Integer(), nullable=True),
        sa.Column("scope", sa.String(20), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach")),
        _link("outreach", "mentor_id", "mentor"),
        _link("outreach", "coach_id", "coach"),
        _link("outreach", "serves_id", "aim"),
        _ck("outreach", "guide", ("mentor", "coach"), nullable=False),
        _ck("outreach", "relationship", RELATIONSHIPS),
        _ck("outreach", "converse_format", FORMATS),
        _ck("outreach", "status", STATUSES, nullable=False),
        _ck("outreach", "scope", SCOPES, nullable=False),
        _positive("outreach", "converse_minutes"),
        _positive("outreach", "every_days"),
        _positive("outreach", "follow_up_days"),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_outreach_name_not_empty")),
    )
    op.create_index("ix_outreach_status", "outreach", ["status", "sent_on"])
    # Plain ALTER TABLE ADD COLUMN (a batch copy would be slow on years of entries): SQLite
    # keeps a column's own REFERENCES and CHECK.
    for table in ("sprint", "goal", "mentor"):
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN serves_id INTEGER "
            "REFERENCES aim (id) ON DELETE SET NULL"
        )
    op.execute(
        "ALTER TABLE sprint ADD COLUMN coach_id INTEGER REFERENCES coach (id) ON DELETE SET NULL"
    )
    op.create_index("ix_sprint_coach", "sprint", ["coach_id"])
    formats = ", ".join(repr(v) for v in FORMATS)
    op.execute(
        "ALTER TABLE mentor ADD COLUMN converse_format VARCHAR(20) "
        "CONSTRAINT ck_mentor_converse_format "
        f"CHECK (converse_format IS NULL OR converse_format IN ({formats}))"
    )
    op.execute(
        "ALTER TABLE mentor ADD COLUMN converse_minutes INTEGER "
        "CONSTRAINT ck_mentor_converse_minutes "
        "CHECK (converse_minutes IS NULL OR converse_minutes > 0)"
    )
    for name in ("channel", "topics", "boundaries"):
        op.execute(f"ALTER TABLE mentor ADD COLUMN {name} TEXT DEFAULT '' NOT NULL")
    driver = _driver()
    _coaches(driver)
    factory = driver.text_factory
    driver.text_factory = bytes
    try:
        _resum(driver, "before", "after")
    finally:
        driver.text_factory = factory


def downgrade() -> None:
    driver = _driver()
    factory = driver.text_factory
    driver.text_factory = bytes
    try:
        _resum(driver, "after", "before")
    finally:
        driver.text_factory = factory
    op.drop_index("ix_sprint_coach", "sprint")
    for table, added in ADDED.items():
        for name, _ in added:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    op.drop_index("ix_outreach_status", "outreach")
    op.drop_table("outreach")
    op.drop_table("coach")
    op.drop_index("ix_aim_horizon", "aim")
    op.drop_table("aim")
