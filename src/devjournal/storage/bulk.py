"""Bulk loading into an empty journal (sample journals), in one transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from devjournal.domain import models as m
from devjournal.domain.rules import normalise_tags
from devjournal.storage import schema as s
from devjournal.storage.engine import session_now
from devjournal.storage.repositories import entry_checksum, goal_checksum, questions_json


def _rows(items: Sequence[tuple[int, Any]], now: datetime) -> list[dict[str, Any]]:
    out = []
    for ident, draft in items:
        values = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}
        if isinstance(draft, m.SessionDraft):
            values["questions"] = questions_json(draft.questions)
        values.update(id=ident, created_at=now, updated_at=now)
        out.append(values)
    return out


def bulk_insert(
    session: Session,
    *,
    sprints: Sequence[tuple[int, m.SprintDraft]] = (),
    goals: Sequence[tuple[int, m.GoalDraft]] = (),
    milestones: Sequence[tuple[int, m.MilestoneDraft]] = (),
    checkins: Sequence[tuple[int, m.CheckinDraft]] = (),
    sessions: Sequence[tuple[int, m.SessionDraft]] = (),
    actions: Sequence[tuple[int, m.ActionItemDraft]] = (),
    mentors: Sequence[tuple[int, m.MentorDraft]] = (),
    links: Sequence[tuple[int, m.MentorLinkDraft]] = (),
    entries: Sequence[tuple[int, m.LogEntryDraft]] = (),
) -> None:
    """Insert pre-numbered drafts. The caller has validated them; ids must be free."""
    now = session_now(session)
    # Tag links go in before their entries, so the search-index trigger on each entry sees
    # its tags at once instead of being updated once per tag; foreign keys are checked at
    # commit instead of per row.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    plan: list[tuple[type[Any], list[dict[str, Any]]]] = [
        (s.SprintRow, _rows(sprints, now)),
        (
            s.GoalRow,
            [
                {**row, "checksum": goal_checksum(draft)}
                for row, (_, draft) in zip(_rows(goals, now), goals, strict=True)
            ],
        ),
        (s.MilestoneRow, _rows(milestones, now)),
        (s.CheckinRow, _rows(checkins, now)),
        (s.CoachingSessionRow, _rows(sessions, now)),
        (s.ActionItemRow, _rows(actions, now)),
        (s.MentorRow, _rows(mentors, now)),
        (s.MentorLinkRow, _rows(links, now)),
    ]
    for row_cls, rows in plan:
        if rows:
            session.execute(insert(row_cls), rows)

    tag_ids: dict[str, int] = {}
    tag_rows: list[dict[str, Any]] = []
    link_rows: list[dict[str, int]] = []
    entry_rows: list[dict[str, Any]] = []
    for row, (ident, draft) in zip(_rows(entries, now), entries, strict=True):
        for name in normalise_tags(draft.tags):
            key = name.casefold()
            if key not in tag_ids:
                tag_ids[key] = len(tag_ids) + 1
                tag_rows.append({"id": tag_ids[key], "name": name, "created_at": now})
            link_rows.append({"entry_id": ident, "tag_id": tag_ids[key]})
        del row["tags"]
        row["checksum"] = entry_checksum(draft)
        entry_rows.append(row)
    if tag_rows:
        session.execute(insert(s.TagRow), tag_rows)
    if link_rows:
        session.execute(insert(s.LogEntryTagRow), link_rows)
    if entry_rows:
        session.execute(insert(s.LogEntryRow), entry_rows)
