"""Feedback you can act on: the details of a Feedback log entry.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

- ``feedback``: at most one row per log entry (``entry_id``, unique, gone with the entry):
  who gave it when not a mentor, its context, the user's reading of it, its impact (low,
  medium, high) and how often it was heard (first, again, a pattern), from which
  ``domain/feedback.py`` says its priority, what was done about it, the session where it
  was discussed, and the goal or action item it was turned into. Checksummed over every
  column but its stamps, like every table since 0004.
- ``ix_log_entry_feedback``: a partial index of the live Feedback entries by time, so the
  Feedback page orders and counts years of feedback without reading the entries' bodies.
- ``ix_log_entry_trying``: a partial index of the advice being tried, so Today finds what
  to ask "did it work?" about without reading every piece of advice.
- Existing Feedback entries need no row: an entry without one has empty details (not
  weighed yet), which is how they carry over.

Frozen once released, like every revision: the allowed values are written out here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _ck(name: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    allowed = f"{name} IN ({', '.join(repr(v) for v in values)})"
    return sa.CheckConstraint(f"{name} IS NULL OR {allowed}", name=op.f(f"ck_feedback_{name}"))


def _link(column: str, table: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{table}.id"], name=op.f(f"fk_feedback_{column}_{table}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("given_by", sa.Text(), server_default="", nullable=False),
        sa.Column("context", sa.Text(), server_default="", nullable=False),
        sa.Column("reading", sa.Text(), server_default="", nullable=False),
        sa.Column("impact", sa.String(20), nullable=True),
        sa.Column("heard", sa.String(20), nullable=True),
        sa.Column("done", sa.Text(), server_default="", nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("checksum", sa.String(16), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_feedback_entry_id")),
        _link("entry_id", "log_entry", "CASCADE"),
        _link("session_id", "coaching_session", "SET NULL"),
        _link("goal_id", "goal", "SET NULL"),
        _link("action_id", "action_item", "SET NULL"),
        _ck("impact", ("low", "medium", "high")),
        _ck("heard", ("first", "again", "pattern")),
    )
    op.create_index("ix_feedback_session", "feedback", ["session_id"])
    op.create_index(
        "ix_log_entry_feedback",
        "log_entry",
        ["occurred_at"],
        sqlite_where=sa.text("kind = 'feedback' AND deleted_at IS NULL"),
    )
    op.create_index(
        "ix_log_entry_trying",
        "log_entry",
        ["id"],
        sqlite_where=sa.text("advice_status = 'trying' AND deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_log_entry_trying", "log_entry")
    op.drop_index("ix_log_entry_feedback", "log_entry")
    op.drop_index("ix_feedback_session", "feedback")
    op.drop_table("feedback")
