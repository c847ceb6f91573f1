"""The feedback log as the Feedback page and ``devjournal feedback`` read it, in plain SQL:
each live Feedback entry (without its body), its mentor's name, its tags and its details.

The Feedback page reads only what it lists (a stress journal holds ten thousand pieces), so
the order and the headings of ``domain/feedback.py`` (``priority``, ``acted_on``,
``prioritised``, ``themes``) are also written here in SQL (:data:`RANK_SQL`,
:data:`ACTED_SQL`); a test holds the two to agree for every combination. Where each
piece is filed (:data:`FILED_SQL`) is kept on the entry by triggers (revision 0008,
``log_entry.feedback_rank``) and indexed, so the page's first pieces and its counts are
read from an index rather than worked out for ten thousand pieces each time.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any

from devjournal.domain.enums import Heard, Impact
from devjournal.domain.feedback import (
    ACTED_GROUP,
    FeedbackEntry,
    FeedbackFilter,
    FeedbackItem,
    FeedbackView,
    Priority,
    Show,
    Theme,
)
from devjournal.domain.models import FeedbackDetails
from devjournal.storage.stored_time import from_stored, stored

_TAG_SEPARATOR = "\x1f"  # a tag never holds a control character (rules.normalise_tag)

_IMPACT_SQL = "CASE f.impact WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 END"
_HEARD_SQL = "CASE f.heard WHEN 'first' THEN 0 WHEN 'again' THEN 1 WHEN 'pattern' THEN 2 END"
RANK_SQL = (
    "CASE WHEN f.impact IS NULL OR f.heard IS NULL THEN 0 "
    f"WHEN {_IMPACT_SQL} + {_HEARD_SQL} >= 4 THEN 1 "
    f"WHEN {_IMPACT_SQL} + {_HEARD_SQL} = 3 THEN 2 ELSE 3 END"
)
"""``Priority.rank`` of ``domain/feedback.priority``: 0 unread, 1 high, 2 medium, 3 low."""
ACTED_SQL = (
    "(f.id IS NOT NULL AND (trim(f.done, ' ' || char(9, 10, 11, 12, 13)) != '' "
    "OR f.goal_id IS NOT NULL OR f.action_id IS NOT NULL))"
)
"""``domain/feedback.acted_on``."""
_RANKED = list(Priority)
FILED_SQL = (
    f"coalesce((SELECT {ACTED_SQL} * 4 + ({RANK_SQL}) FROM feedback f "
    "WHERE f.entry_id = {ref}), 0)"
)
"""Where a Feedback entry is filed, as the triggers of revision 0008 keep it in
``log_entry.feedback_rank``: acted on * 4 + its priority's rank (no details: 0)."""
_FILED = (
    "FROM log_entry e INDEXED BY ix_log_entry_feedback_rank "
    "WHERE e.kind = 'feedback' AND e.deleted_at IS NULL"
)

_FROM = (
    "FROM log_entry e INDEXED BY ix_log_entry_feedback "  # not ix_log_entry_kind: no bodies
    "LEFT JOIN feedback f ON f.entry_id = e.id "
    "WHERE e.kind = 'feedback' AND e.deleted_at IS NULL"
)
_COLUMNS = (
    "SELECT e.id, e.title, e.occurred_at, "
    "(SELECT m.name FROM mentor m WHERE m.id = e.mentor_id AND m.deleted_at IS NULL), "
    f"(SELECT group_concat(t.name, char({ord(_TAG_SEPARATOR)})) FROM log_entry_tag et "
    " JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = e.id), "
    "f.given_by, f.context, f.reading, f.impact, f.heard, f.done, f.session_id, f.goal_id, "
    "f.action_id "
)
_THEMED = (
    " AND EXISTS (SELECT 1 FROM log_entry_tag et JOIN tag t ON t.id = et.tag_id "
    "WHERE et.entry_id = e.id AND t.name = ? COLLATE NOCASE)"
)


def read_feedback(conn: sqlite3.Connection) -> list[FeedbackItem]:
    """Every live Feedback entry with its details (empty ones where none were kept), in
    no particular order (``domain/feedback.prioritised`` orders them)."""
    return [_item(row) for row in conn.execute(_COLUMNS + _FROM)]


def read_view(
    conn: sqlite3.Connection, where: FeedbackFilter, limit: int, today: date
) -> FeedbackView:
    """What the Feedback page shows: the first ``limit`` pieces ``where`` lets through, in
    the order of ``domain/feedback.prioritised``, with the counts and themes.

    Everything comes from ``ix_log_entry_feedback_rank`` (where each piece is filed, its
    day, its id): the counts are one pass over the index alone, and the first pieces a
    range of it per heading, newest first; then the titles, mentors, tags and details of
    those alone."""
    themed, args = (_THEMED, (where.theme,)) if where.theme else ("", ())
    counts: dict[int, int] = dict(
        conn.execute(f"SELECT e.feedback_rank, count(*) {_FILED}{themed} GROUP BY 1", args)
    )
    every = (
        dict(conn.execute(f"SELECT e.feedback_rank, count(*) {_FILED} GROUP BY 1"))
        if where.theme
        else counts
    )
    wanted = {Show.OPEN: range(4), Show.ACTED: range(4, 8), Show.ALL: range(8)}[where.show]
    top: list[int] = []
    for filed in wanted:
        if len(top) >= limit:
            break
        if counts.get(filed):
            top += [
                ident
                for (ident,) in conn.execute(
                    f"SELECT e.id {_FILED}{themed} AND e.feedback_rank = ? "
                    "ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?",
                    (*args, filed, limit - len(top)),
                )
            ]
    place = {ident: index for index, ident in enumerate(top)}
    marks = ", ".join("?" * len(top))
    items = sorted(
        (
            _item(row)
            for row in conn.execute(
                f"{_COLUMNS}FROM log_entry e LEFT JOIN feedback f ON f.entry_id = e.id "
                f"WHERE e.id IN ({marks})",
                top,
            )
        ),
        key=lambda item: place[item.entry.id],
    )
    groups = _headings({filed: n for filed, n in counts.items() if filed in wanted})
    every_group = _headings(every)
    open_counts = _shown(every_group, Show.OPEN)
    return FeedbackView(
        items=tuple(items),
        groups=groups,
        listed=sum(groups.values()),
        total=sum(every_group.values()),
        still_open=sum(open_counts.values()),
        open_high=open_counts.get(Priority.HIGH.label, 0),
        open_unread=open_counts.get(Priority.UNREAD.label, 0),
        themes=read_themes(conn, today),
    )


def _headings(counts: dict[int, int]) -> dict[str, int]:
    """How many pieces come under each heading, from how many are filed where."""
    groups: dict[str, int] = {}
    for filed, count in counts.items():
        heading = ACTED_GROUP if filed >= 4 else _RANKED[filed].label
        groups[heading] = groups.get(heading, 0) + count
    return groups


def _shown(groups: dict[str, int], show: Show) -> dict[str, int]:
    """The headings of ``groups`` that ``show`` lets through."""
    if show is Show.ALL:
        return dict(groups)
    acted = show is Show.ACTED
    return {k: v for k, v in groups.items() if (k == ACTED_GROUP) == acted}


def read_themes(conn: sqlite3.Connection, today: date) -> tuple[Theme, ...]:
    """``domain/feedback.themes`` of every piece of feedback, counted by SQLite."""
    year_ago = stored(datetime.combine(today - timedelta(days=365), time()).astimezone())
    rows = conn.execute(
        "SELECT t.name, count(*), coalesce(sum(e.occurred_at >= ?), 0), "
        "coalesce(sum(e.feedback_rank >= 4), 0) "
        "FROM log_entry e INDEXED BY ix_log_entry_feedback_rank "
        "JOIN log_entry_tag et ON et.entry_id = e.id JOIN tag t ON t.id = et.tag_id "
        "WHERE e.kind = 'feedback' AND e.deleted_at IS NULL "
        "GROUP BY t.id ORDER BY 2 DESC, 3 DESC, lower(t.name)",
        (year_ago,),
    )
    return tuple(Theme(name, count, recent, acted) for name, count, recent, acted in rows)


def _item(row: tuple[Any, ...]) -> FeedbackItem:
    ident, title, occurred, mentor, tags = row[:5]
    entry = FeedbackEntry(
        ident,
        title,
        from_stored(occurred),
        tuple(sorted(tags.split(_TAG_SEPARATOR), key=str.casefold)) if tags else (),
    )
    return FeedbackItem(entry, _details(row[5:]), mentor)


def _details(values: tuple[Any, ...]) -> FeedbackDetails:
    given_by, context, reading, impact, heard, done, session_id, goal_id, action_id = values
    if given_by is None:  # no row kept: not weighed yet
        return FeedbackDetails()
    return FeedbackDetails(
        given_by=str(given_by),
        context=str(context),
        reading=str(reading),
        impact=Impact(str(impact)) if impact else None,
        heard=Heard(str(heard)) if heard else None,
        done=str(done),
        session_id=session_id,
        goal_id=goal_id,
        action_id=action_id,
    )
