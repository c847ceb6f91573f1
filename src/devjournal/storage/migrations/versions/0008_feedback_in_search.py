"""Feedback in the search index, and its order kept on the entry.

Who gave a piece of feedback, its context, the user's reading and what was done are found
by a search, as the entry's title, body and tags are; and the Feedback page reads its
order and counts from an index instead of working them out for every piece.

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
- ``log_entry.feedback_rank``: for a Feedback entry, where ``domain/feedback.py`` files it
  (acted on * 4 + its priority's rank: 0 not weighed yet, 1 high, 2 medium, 3 low; no
  details: 0); NULL for every other kind. Derived, like the search index: triggers on
  ``log_entry`` (a new entry, a changed kind) and ``feedback`` (added, changed, removed,
  and a goal or action item it was turned into deleted) keep it; it is neither
  checksummed nor exported. ``ix_log_entry_feedback_rank`` (rank, day, id) over the live
  Feedback entries gives the page its first pieces in order and its counts.

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
RANK_TRIGGERS = (
    "log_entry_rank_ai", "log_entry_rank_au", "feedback_rank_ai", "feedback_rank_au",
    "feedback_rank_ad",
)  # fmt: skip
_ACTED = (
    "(f.id IS NOT NULL AND (trim(f.done, ' ' || char(9, 10, 11, 12, 13)) != '' "
    "OR f.goal_id IS NOT NULL OR f.action_id IS NOT NULL))"
)
_IMPACT = "CASE f.impact WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 END"
_HEARD = "CASE f.heard WHEN 'first' THEN 0 WHEN 'again' THEN 1 WHEN 'pattern' THEN 2 END"
_PRIORITY = (
    "CASE WHEN f.impact IS NULL OR f.heard IS NULL THEN 0 "
    f"WHEN {_IMPACT} + {_HEARD} >= 4 THEN 1 "
    f"WHEN {_IMPACT} + {_HEARD} = 3 THEN 2 ELSE 3 END"
)
RANK = (
    f"coalesce((SELECT {_ACTED} * 4 + ({_PRIORITY}) FROM feedback f WHERE f.entry_id = {{ref}}), 0)"
)
"""A Feedback entry's ``feedback_rank`` from its details (none: 0, not weighed yet)."""
RANK_STATEMENTS = [
    "ALTER TABLE log_entry ADD COLUMN feedback_rank INTEGER",
    "UPDATE log_entry SET feedback_rank = "
    + RANK.format(ref="log_entry.id")
    + " WHERE kind = 'feedback'",
    "CREATE INDEX ix_log_entry_feedback_rank ON log_entry (feedback_rank, occurred_at, id) "
    "WHERE kind = 'feedback' AND deleted_at IS NULL",
    f"""CREATE TRIGGER log_entry_rank_ai AFTER INSERT ON log_entry
    WHEN new.kind = 'feedback' BEGIN
      UPDATE log_entry SET feedback_rank = {RANK.format(ref="new.id")} WHERE id = new.id;
    END""",
    f"""CREATE TRIGGER log_entry_rank_au AFTER UPDATE OF kind ON log_entry BEGIN
      UPDATE log_entry SET feedback_rank =
        CASE WHEN new.kind = 'feedback' THEN {RANK.format(ref="new.id")} END
      WHERE id = new.id;
    END""",
    f"""CREATE TRIGGER feedback_rank_ai AFTER INSERT ON feedback BEGIN
      UPDATE log_entry SET feedback_rank = {RANK.format(ref="new.entry_id")}
      WHERE id = new.entry_id AND kind = 'feedback';
    END""",
    f"""CREATE TRIGGER feedback_rank_au AFTER UPDATE ON feedback BEGIN
      UPDATE log_entry SET feedback_rank = {RANK.format(ref="old.entry_id")}
      WHERE id = old.entry_id AND kind = 'feedback';
      UPDATE log_entry SET feedback_rank = {RANK.format(ref="new.entry_id")}
      WHERE id = new.entry_id AND kind = 'feedback';
    END""",
    f"""CREATE TRIGGER feedback_rank_ad AFTER DELETE ON feedback BEGIN
      UPDATE log_entry SET feedback_rank = {RANK.format(ref="old.entry_id")}
      WHERE id = old.entry_id AND kind = 'feedback';
    END""",
]
"""The column, filled for the Feedback entries there are, its index and its triggers."""

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
    for statement in AFTER + RANK_STATEMENTS:
        op.execute(statement)


def undo_rank() -> list[str]:
    """The statements that take ``feedback_rank`` away again (its triggers, its index)."""
    return [
        *(f"DROP TRIGGER IF EXISTS {trigger}" for trigger in RANK_TRIGGERS),
        "DROP INDEX IF EXISTS ix_log_entry_feedback_rank",
        "ALTER TABLE log_entry DROP COLUMN feedback_rank",
    ]


def downgrade() -> None:
    for statement in undo_rank():
        op.execute(statement)
    _drop_index(ENTRY_TRIGGERS + FEEDBACK_TRIGGERS)
    for statement in BEFORE:
        op.execute(statement)
