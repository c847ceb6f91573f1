"""Feedback in the search index: who gave it, its context, the user's reading and what
was done are found by a search, as the entry's title, body and tags are.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

- ``log_entry_fts`` is made anew with a fourth column, ``notes``: for a Feedback entry
  with details (revision 0006's ``feedback`` row), its ``given_by``, ``context``,
  ``reading`` and ``done`` joined by spaces; empty for every other entry. Every live
  entry is indexed again in one statement.
- The entry's triggers write ``notes`` too; three new triggers keep it in step with the
  ``feedback`` row (added, changed in one of those four columns, removed). The tag
  triggers are as revision 0001 made them.

Frozen once released, like every revision: the statements are written out here (the
running code's copies are ``schema.FTS_CREATE``, ``FTS_TAGS`` and ``FTS_NOTES``).
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TAGS = (
    "coalesce((SELECT group_concat(t.name, ' ') FROM log_entry_tag et "
    "JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = {ref}), '')"
)
NOTES = (
    "coalesce((SELECT f.given_by || ' ' || f.context || ' ' || f.reading || ' ' || f.done "
    "FROM feedback f WHERE f.entry_id = {ref}), '')"
)
ENTRY_TRIGGERS = ("log_entry_fts_ai", "log_entry_fts_au")
"""The entry's triggers that write the index's text (the delete trigger only deletes)."""
FEEDBACK_TRIGGERS = ("feedback_fts_ai", "feedback_fts_au", "feedback_fts_ad")

BEFORE = [
    "CREATE VIRTUAL TABLE log_entry_fts USING fts5("
    "title, body, tags, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO log_entry_fts(rowid, title, body, tags) "
    f"SELECT e.id, e.title, e.body, {TAGS.format(ref='e.id')} "
    "FROM log_entry e WHERE e.deleted_at IS NULL",
    f"""CREATE TRIGGER log_entry_fts_ai AFTER INSERT ON log_entry
    WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO log_entry_fts(rowid, title, body, tags)
      VALUES (new.id, new.title, new.body, {TAGS.format(ref="new.id")});
    END""",
    f"""CREATE TRIGGER log_entry_fts_au AFTER UPDATE OF title, body, deleted_at ON log_entry
    BEGIN
      DELETE FROM log_entry_fts WHERE rowid = old.id;
      INSERT INTO log_entry_fts(rowid, title, body, tags)
      SELECT new.id, new.title, new.body, {TAGS.format(ref="new.id")}
      WHERE new.deleted_at IS NULL;
    END""",
]
"""The index and the entry's triggers as revisions 0001 to 0007 had them."""

AFTER = [
    "CREATE VIRTUAL TABLE log_entry_fts USING fts5("
    "title, body, tags, notes, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO log_entry_fts(rowid, title, body, tags, notes) "
    f"SELECT e.id, e.title, e.body, {TAGS.format(ref='e.id')}, {NOTES.format(ref='e.id')} "
    "FROM log_entry e WHERE e.deleted_at IS NULL",
    f"""CREATE TRIGGER log_entry_fts_ai AFTER INSERT ON log_entry
    WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO log_entry_fts(rowid, title, body, tags, notes)
      VALUES (new.id, new.title, new.body, {TAGS.format(ref="new.id")},
              {NOTES.format(ref="new.id")});
    END""",
    f"""CREATE TRIGGER log_entry_fts_au AFTER UPDATE OF title, body, deleted_at ON log_entry
    BEGIN
      DELETE FROM log_entry_fts WHERE rowid = old.id;
      INSERT INTO log_entry_fts(rowid, title, body, tags, notes)
      SELECT new.id, new.title, new.body, {TAGS.format(ref="new.id")},
             {NOTES.format(ref="new.id")}
      WHERE new.deleted_at IS NULL;
    END""",
    f"""CREATE TRIGGER feedback_fts_ai AFTER INSERT ON feedback BEGIN
      UPDATE log_entry_fts SET notes = {NOTES.format(ref="new.entry_id")}
      WHERE rowid = new.entry_id;
    END""",
    f"""CREATE TRIGGER feedback_fts_au
    AFTER UPDATE OF entry_id, given_by, context, reading, done ON feedback BEGIN
      UPDATE log_entry_fts SET notes = {NOTES.format(ref="old.entry_id")}
      WHERE rowid = old.entry_id;
      UPDATE log_entry_fts SET notes = {NOTES.format(ref="new.entry_id")}
      WHERE rowid = new.entry_id;
    END""",
    f"""CREATE TRIGGER feedback_fts_ad AFTER DELETE ON feedback BEGIN
      UPDATE log_entry_fts SET notes = {NOTES.format(ref="old.entry_id")}
      WHERE rowid = old.entry_id;
    END""",
]
"""The index with its ``notes`` column, and the triggers that keep it."""


def _drop_index(triggers: tuple[str, ...]) -> None:
    for trigger in triggers:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE log_entry_fts")


def upgrade() -> None:
    _drop_index(ENTRY_TRIGGERS)
    for statement in AFTER:
        op.execute(statement)


def downgrade() -> None:
    _drop_index(ENTRY_TRIGGERS + FEEDBACK_TRIGGERS)
    for statement in BEFORE:
        op.execute(statement)
