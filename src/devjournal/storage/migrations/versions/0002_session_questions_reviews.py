"""Sessions keep the coach's questions with your answers; reviews of commitments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

- ``coaching_session.questions``: JSON, a list of ``[question, answer]`` pairs.
- ``session_review``: which open action item came up for review in which session (the
  "Review commitments" part of its agenda). A review after the item's due date is a slip,
  so slips are counted from these rows rather than kept in a counter.

Frozen once released, like every revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coaching_session") as batch:
        batch.add_column(sa.Column("questions", sa.Text(), server_default="[]", nullable=False))
    op.create_table(
        "session_review",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "action_id", name=op.f("pk_session_review")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name=op.f("fk_session_review_session_id_coaching_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action_item.id"],
            name=op.f("fk_session_review_action_id_action_item"),
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_session_review_action", "session_review", ["action_id"])


def downgrade() -> None:
    op.drop_index("ix_session_review_action", "session_review")
    op.drop_table("session_review")
    with op.batch_alter_table("coaching_session") as batch:
        batch.drop_column("questions")
