"""Imported entries remember where they came from, so a re-import adds nothing twice.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

- ``log_entry.import_key``: NULL for entries written here; for an imported entry, its source
  and its identity there (``dayone:<uuid>``, ``jrnl:<hash of date, time, title, body>``).
  Unique where set.

Frozen once released, like every revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: a batch (copy-and-move) would drop the search triggers.
    op.add_column("log_entry", sa.Column("import_key", sa.String(length=120), nullable=True))
    op.create_index(
        "ix_log_entry_import_key",
        "log_entry",
        ["import_key"],
        unique=True,
        sqlite_where=sa.text("import_key IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_log_entry_import_key", "log_entry")
    with op.batch_alter_table("log_entry") as batch:
        batch.drop_column("import_key")
