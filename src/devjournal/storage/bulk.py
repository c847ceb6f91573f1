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
from devjournal.storage.repositories import questions_json, row_checksum


def _rows(table: str, items: Sequence[tuple[int, Any]], now: datetime) -> list[dict[str, Any]]:
    out = []
    for ident, draft in items:
        values = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}
        if isinstance(draft, m.SessionDraft):
            values["questions"] = questions_json(draft.questions)
        values.pop("tags", None)
        values.update(id=ident, created_at=now, updated_at=now)
        if table == "log_entry":
            values["import_key"] = None
        values["checksum"] = row_checksum(table, values)
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
    assessments: Sequence[tuple[int, m.AssessmentDraft]] = (),
    feedback: Sequence[tuple[int, m.FeedbackDetails]] = (),
    aims: Sequence[tuple[int, m.AimDraft]] = (),
    coaches: Sequence[tuple[int, m.CoachDraft]] = (),
    outreach: Sequence[tuple[int, m.OutreachDraft]] = (),
) -> None:
    """Insert pre-numbered drafts. The caller has validated them; ids must be free.
    ``feedback`` pairs each Feedback entry's id with its details."""
    now = session_now(session)
    # Tag links go in before their entries, so the search-index trigger on each entry sees
    # its tags at once instead of being updated once per tag; foreign keys are checked at
    # commit instead of per row.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    plan: list[tuple[type[Any], Sequence[tuple[int, Any]]]] = [
        (s.AimRow, aims),
        (s.CoachRow, coaches),
        (s.SprintRow, sprints),
        (s.GoalRow, goals),
        (s.MilestoneRow, milestones),
        (s.CheckinRow, checkins),
        (s.CoachingSessionRow, sessions),
        (s.ActionItemRow, actions),
        (s.MentorRow, mentors),
        (s.MentorLinkRow, links),
        (s.AssessmentRow, assessments),
        (s.OutreachRow, outreach),
    ]
    for row_cls, items in plan:
        if items:
            session.execute(insert(row_cls), _rows(row_cls.__tablename__, items, now))

    tag_ids: dict[str, int] = {}
    tag_rows: list[dict[str, Any]] = []
    link_rows: list[dict[str, int]] = []
    entry_rows: list[dict[str, Any]] = []
    for row, (ident, draft) in zip(_rows("log_entry", entries, now), entries, strict=True):
        for name in normalise_tags(draft.tags):
            key = name.casefold()
            if key not in tag_ids:
                tag_ids[key] = len(tag_ids) + 1
                tag = {"id": tag_ids[key], "name": name, "created_at": now}
                tag_rows.append({**tag, "checksum": row_checksum("tag", tag)})
            link_rows.append({"entry_id": ident, "tag_id": tag_ids[key]})
        entry_rows.append(row)
    if tag_rows:
        session.execute(insert(s.TagRow), tag_rows)
    if link_rows:
        session.execute(insert(s.LogEntryTagRow), link_rows)
    if entry_rows:
        session.execute(insert(s.LogEntryRow), entry_rows)
    if feedback:
        rows = []
        for ident, (entry_id, details) in enumerate(feedback, start=1):
            values = dataclasses.asdict(details)
            values.update(id=ident, entry_id=entry_id, created_at=now, updated_at=now)
            rows.append({**values, "checksum": row_checksum("feedback", values)})
        session.execute(insert(s.FeedbackRow), rows)
