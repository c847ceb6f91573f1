"""Alembic environment: runs on the connection devjournal hands over, never its own."""

from __future__ import annotations

from alembic import context

from devjournal.storage.schema import Base, include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_name=include_name,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    transactional_ddl=True,  # SQLite DDL is transactional when BEGIN is ours (engine.py)
    transaction_per_migration=True,  # one revision, one transaction: a failure rolls it back
)
with context.begin_transaction():
    context.run_migrations()
