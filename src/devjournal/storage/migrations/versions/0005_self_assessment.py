"""The coach-or-mentor self-assessment, kept with its date.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

- ``assessment``: one row per self-assessment taken (``domain/guide.py``): when, the
  answer to each question (the most pressing need must be answered, the others may be
  left open), what the user wrote in their own words, and its scope (private unless the
  user shares it). What it recommends follows from the answers and is not stored.
  Checksummed over every column but its stamps, like every table since 0004.

Frozen once released, like every revision: the allowed values are written out here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _ck(name: str, expr: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(expr, name=op.f(f"ck_assessment_{name}"))


def _answer(name: str, values: tuple[str, ...], *, nullable: bool = True) -> sa.CheckConstraint:
    allowed = f"{name} IN ({', '.join(repr(v) for v in values)})"
    return _ck(name, f"{name} IS NULL OR {allowed}" if nullable else allowed)


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("need", sa.String(20), nullable=False),
        sa.Column("goal", sa.String(20), nullable=True),
        sa.Column("path", sa.String(20), nullable=True),
        sa.Column("horizon", sa.String(20), nullable=True),
        sa.Column("learn_from", sa.String(20), nullable=True),
        sa.Column("in_own_words", sa.Text(), server_default="", nullable=False),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("checksum", sa.String(16), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        _answer(
            "need",
            (
                "skill", "metric", "presenting", "leading", "direction", "rules", "network",
                "feedback",
            ),
            nullable=False,
        ),
        _answer("goal", ("clear", "rough", "unclear")),
        _answer("path", ("known", "partly", "unknown")),
        _answer("horizon", ("months", "year", "years")),
        _answer("learn_from", ("senior", "peer", "newer", "afar", "nobody")),
        _answer("scope", ("private", "coach", "mentor"), nullable=False),
    )  # fmt: skip
    op.create_index("ix_assessment_taken_at", "assessment", ["taken_at"])


def downgrade() -> None:
    op.drop_index("ix_assessment_taken_at", "assessment")
    op.drop_table("assessment")
