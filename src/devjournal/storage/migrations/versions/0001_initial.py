"""The first schema: sprints, goals, check-ins, sessions, actions, mentors, the log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

This revision is frozen: it must create exactly what devjournal 0.1 shipped, whatever
``schema.py`` says later. Later changes go in new revisions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x646A726E


def _stamps(soft_delete: bool = True) -> list[sa.Column[object]]:
    cols: list[sa.Column[object]] = [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]
    if soft_delete:
        cols.append(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    return cols


def _ck(table: str, name: str, expr: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(expr, name=op.f(f"ck_{table}_{name}"))


def _text(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.Text(), server_default="", nullable=False)


FTS_TAGS = (
    "coalesce((SELECT group_concat(t.name, ' ') FROM log_entry_tag et "
    "JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = {ref}), '')"
)

FTS_STATEMENTS = [
    "CREATE VIRTUAL TABLE log_entry_fts USING fts5("
    "title, body, tags, tokenize = 'unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER log_entry_fts_ai AFTER INSERT ON log_entry
    WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO log_entry_fts(rowid, title, body, tags)
      VALUES (new.id, new.title, new.body, {FTS_TAGS.format(ref="new.id")});
    END""",
    """CREATE TRIGGER log_entry_fts_ad AFTER DELETE ON log_entry BEGIN
      DELETE FROM log_entry_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER log_entry_fts_au AFTER UPDATE OF title, body, deleted_at ON log_entry
    BEGIN
      DELETE FROM log_entry_fts WHERE rowid = old.id;
      INSERT INTO log_entry_fts(rowid, title, body, tags)
      SELECT new.id, new.title, new.body, {FTS_TAGS.format(ref="new.id")}
      WHERE new.deleted_at IS NULL;
    END""",
    f"""CREATE TRIGGER log_entry_tag_fts_ai AFTER INSERT ON log_entry_tag BEGIN
      UPDATE log_entry_fts SET tags = {FTS_TAGS.format(ref="new.entry_id")}
      WHERE rowid = new.entry_id;
    END""",
    f"""CREATE TRIGGER log_entry_tag_fts_ad AFTER DELETE ON log_entry_tag BEGIN
      UPDATE log_entry_fts SET tags = {FTS_TAGS.format(ref="old.entry_id")}
      WHERE rowid = old.entry_id;
    END""",
    f"""CREATE TRIGGER tag_fts_au AFTER UPDATE OF name ON tag BEGIN
      UPDATE log_entry_fts SET tags = {FTS_TAGS.format(ref="log_entry_fts.rowid")}
      WHERE rowid IN (SELECT entry_id FROM log_entry_tag WHERE tag_id = new.id);
    END""",
]


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    op.create_table(
        "sprint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        _text("coach_name"),
        _text("focus"),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("session_every_days", sa.Integer(), nullable=True),
        sa.Column("closed_state", sa.String(20), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        _text("retrospective"),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sprint")),
        _ck("sprint", "kind", "kind IN ('performance', 'skills', 'leadership')"),
        _ck(
            "sprint",
            "closed_state",
            "closed_state IS NULL OR closed_state IN ('completed', 'abandoned')",
        ),
        _ck("sprint", "dates_in_order", "end_date >= start_date"),
        _ck("sprint", "title_not_empty", "length(trim(title)) > 0"),
        _ck(
            "sprint",
            "session_every_days",
            "session_every_days IS NULL OR session_every_days > 0",
        ),
    )
    op.create_index("ix_sprint_dates", "sprint", ["start_date", "end_date"])

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sprint_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        _text("specific"),
        sa.Column("metric_kind", sa.String(20), nullable=False),
        _text("metric_name"),
        _text("unit"),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("direction", sa.String(20), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=True),
        _text("achievable"),
        _text("relevant"),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("checkin_every_days", sa.Integer(), server_default="7", nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("final_value", sa.Float(), nullable=True),
        _text("lessons"),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rolled_from_id", sa.Integer(), nullable=True),
        sa.Column("checksum", sa.String(16), server_default="", nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
        sa.ForeignKeyConstraint(
            ["sprint_id"], ["sprint.id"], name=op.f("fk_goal_sprint_id_sprint"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["rolled_from_id"],
            ["goal.id"],
            name=op.f("fk_goal_rolled_from_id_goal"),
            ondelete="SET NULL",
        ),
        _ck("goal", "metric_kind", "metric_kind IN ('number', 'percent', 'rating', 'milestones')"),
        _ck("goal", "direction", "direction IN ('up', 'down')"),
        _ck("goal", "status", "status IN ('draft', 'active', 'achieved', 'missed', 'dropped')"),
        _ck("goal", "scope", "scope IN ('private', 'coach', 'mentor')"),
        _ck("goal", "title_not_empty", "length(trim(title)) > 0"),
        _ck("goal", "scale_max", "scale_max IS NULL OR scale_max IN (5, 10)"),
        _ck("goal", "checkin_every_days", "checkin_every_days > 0"),
    )
    op.create_index("ix_goal_sprint", "goal", ["sprint_id", "position"])
    op.create_index("ix_goal_deadline", "goal", ["deadline"])

    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_milestone_goal_id_goal"), ondelete="CASCADE"
        ),
        _ck("milestone", "title_not_empty", "length(trim(title)) > 0"),
    )
    op.create_index("ix_milestone_goal", "milestone", ["goal_id", "position"])

    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        _text("note"),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_checkin_goal_id_goal"), ondelete="CASCADE"
        ),
    )
    op.create_index("ix_checkin_goal_date", "checkin", ["goal_id", "on_date"])

    op.create_table(
        "coaching_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sprint_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_min", sa.Integer(), server_default="60", nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _text("agenda"),
        _text("notes"),
        _text("insights"),
        sa.Column("scope", sa.String(20), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_session")),
        sa.ForeignKeyConstraint(
            ["sprint_id"],
            ["sprint.id"],
            name=op.f("fk_coaching_session_sprint_id_sprint"),
            ondelete="CASCADE",
        ),
        _ck("coaching_session", "status", "status IN ('planned', 'held', 'cancelled')"),
        _ck("coaching_session", "scope", "scope IN ('private', 'coach', 'mentor')"),
        _ck("coaching_session", "duration_min", "duration_min > 0"),
    )
    op.create_index("ix_coaching_session_sprint", "coaching_session", ["sprint_id", "starts_at"])
    op.create_index("ix_coaching_session_starts_at", "coaching_session", ["starts_at"])

    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sprint_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
        sa.ForeignKeyConstraint(
            ["sprint_id"],
            ["sprint.id"],
            name=op.f("fk_action_item_sprint_id_sprint"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_action_item_goal_id_goal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name=op.f("fk_action_item_session_id_coaching_session"),
            ondelete="SET NULL",
        ),
        _ck("action_item", "status", "status IN ('open', 'done', 'dropped')"),
        _ck("action_item", "title_not_empty", "length(trim(title)) > 0"),
        _ck("action_item", "done_on_when_done", "(status = 'done') = (done_on IS NOT NULL)"),
    )
    op.create_index("ix_action_item_sprint", "action_item", ["sprint_id", "due_date"])
    op.create_index("ix_action_item_status_due", "action_item", ["status", "due_date"])
    op.create_index("ix_action_item_session", "action_item", ["session_id"])

    op.create_table(
        "mentor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("relationship", sa.String(20), nullable=False),
        sa.Column("formality", sa.String(20), nullable=False),
        _text("programme"),
        sa.Column("affiliation", sa.String(20), nullable=False),
        _text("organisation"),
        _text("seeking"),
        sa.Column("contact_every_days", sa.Integer(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        _text("notes"),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor")),
        _ck(
            "mentor",
            "relationship",
            "relationship IN ('traditional', 'peer', 'reverse', 'from_afar')",
        ),
        _ck("mentor", "formality", "formality IN ('formal', 'informal')"),
        _ck("mentor", "affiliation", "affiliation IN ('internal', 'external')"),
        _ck("mentor", "name_not_empty", "length(trim(name)) > 0"),
        _ck(
            "mentor",
            "dates_in_order",
            "ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on",
        ),
        _ck(
            "mentor",
            "contact_every_days",
            "contact_every_days IS NULL OR contact_every_days > 0",
        ),
    )

    op.create_table(
        "mentor_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_link")),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_mentor_link_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        _ck(
            "mentor_link",
            "safe_url",
            "url LIKE 'http://%' OR url LIKE 'https://%' OR url LIKE 'mailto:%'",
        ),
    )
    op.create_index("ix_mentor_link_mentor", "mentor_link", ["mentor_id", "position"])

    op.create_table(
        "log_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("sprint_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        _text("body"),
        _text("source_url"),
        sa.Column("advice_status", sa.String(20), nullable=True),
        sa.Column("responds_to_id", sa.Integer(), nullable=True),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("checksum", sa.String(16), server_default="", nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entry")),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_log_entry_mentor_id_mentor"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sprint_id"],
            ["sprint.id"],
            name=op.f("fk_log_entry_sprint_id_sprint"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_log_entry_goal_id_goal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["responds_to_id"],
            ["log_entry.id"],
            name=op.f("fk_log_entry_responds_to_id_log_entry"),
            ondelete="SET NULL",
        ),
        _ck(
            "log_entry",
            "kind",
            "kind IN ('advice', 'conversation', 'lesson', 'reflection', 'taught', "
            "'feedback', 'win')",
        ),
        _ck(
            "log_entry",
            "advice_status",
            "advice_status IS NULL OR advice_status IN "
            "('new', 'trying', 'worked', 'didnt_work', 'parked')",
        ),
        _ck("log_entry", "scope", "scope IN ('private', 'coach', 'mentor')"),
        _ck("log_entry", "title_not_empty", "length(trim(title)) > 0"),
        _ck(
            "log_entry",
            "advice_status_only_on_advice",
            "advice_status IS NULL OR kind = 'advice'",
        ),
    )
    op.create_index(
        "ix_log_entry_occurred_at",
        "log_entry",
        ["occurred_at", "id"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_log_entry_mentor", "log_entry", ["mentor_id", "occurred_at"])
    op.create_index("ix_log_entry_sprint", "log_entry", ["sprint_id", "occurred_at"])
    op.create_index("ix_log_entry_goal", "log_entry", ["goal_id"])
    op.create_index("ix_log_entry_kind", "log_entry", ["kind", "occurred_at"])
    op.create_index("ix_log_entry_responds_to", "log_entry", ["responds_to_id"])

    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(60, collation="NOCASE"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
        _ck("tag", "name_not_empty", "length(trim(name)) > 0"),
    )

    op.create_table(
        "log_entry_tag",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name=op.f("pk_log_entry_tag")),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["log_entry.id"],
            name=op.f("fk_log_entry_tag_entry_id_log_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_log_entry_tag_tag_id_tag"), ondelete="CASCADE"
        ),
    )
    op.create_index("ix_log_entry_tag_tag", "log_entry_tag", ["tag_id", "entry_id"])

    for statement in FTS_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in (
        "tag_fts_au",
        "log_entry_tag_fts_ad",
        "log_entry_tag_fts_ai",
        "log_entry_fts_au",
        "log_entry_fts_ad",
        "log_entry_fts_ai",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS log_entry_fts")
    for table in (
        "log_entry_tag",
        "tag",
        "log_entry",
        "mentor_link",
        "mentor",
        "action_item",
        "coaching_session",
        "checkin",
        "milestone",
        "goal",
        "sprint",
    ):
        op.drop_table(table)
    op.execute("PRAGMA application_id = 0")
