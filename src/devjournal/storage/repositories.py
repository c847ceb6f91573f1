"""Repositories: the only code that builds ORM queries. They return frozen domain objects.

Single-entity reads and writes go through the ORM; lists select columns, which is an order
of magnitude faster for long histories and never hands a session-bound object upward.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Date,
    Float,
    Integer,
    and_,
    case,
    delete,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from devjournal.domain import models as m
from devjournal.domain.checksums import text_checksum
from devjournal.domain.enums import AdviceStatus, EntryKind, GoalStatus, OutreachStatus, Scope
from devjournal.domain.errors import NotFoundError
from devjournal.domain.rules import normalise_tags
from devjournal.domain.sessions import Review
from devjournal.storage import schema as s
from devjournal.storage.engine import session_now

CHECKSUMMED: dict[str, tuple[str, ...]] = {
    "sprint": (
        "id", "title", "kind", "coach_name", "focus", "start_date", "end_date",
        "session_every_days", "closed_state", "closed_on", "retrospective",
        "coach_id", "serves_id",
    ),
    "goal": (
        "id", "sprint_id", "title", "specific", "metric_kind", "metric_name", "unit",
        "baseline", "target", "direction", "scale_max", "achievable", "relevant", "deadline",
        "checkin_every_days", "status", "final_value", "lessons", "scope", "position",
        "rolled_from_id", "serves_id",
    ),
    "milestone": ("id", "goal_id", "title", "position", "done_on"),
    "checkin": ("id", "goal_id", "on_date", "value", "note"),
    "coaching_session": (
        "id", "sprint_id", "starts_at", "duration_min", "status", "agenda", "notes",
        "insights", "scope", "questions",
    ),
    "action_item": (
        "id", "sprint_id", "goal_id", "session_id", "title", "due_date", "status", "done_on",
    ),
    "mentor": (
        "id", "name", "relationship", "formality", "programme", "affiliation", "organisation",
        "seeking", "contact_every_days", "started_on", "ended_on", "notes",
        "converse_format", "converse_minutes", "channel", "topics", "boundaries", "serves_id",
    ),
    "mentor_link": ("id", "mentor_id", "label", "url", "position"),
    "log_entry": (
        "id", "mentor_id", "sprint_id", "goal_id", "kind", "occurred_at", "title", "body",
        "source_url", "advice_status", "responds_to_id", "scope", "import_key",
    ),
    "tag": ("id", "name"),
    "assessment": (
        "id", "taken_at", "need", "goal", "path", "horizon", "learn_from", "in_own_words",
        "scope",
    ),
    "feedback": (
        "id", "entry_id", "given_by", "context", "reading", "impact", "heard", "done",
        "session_id", "goal_id", "action_id",
    ),
    "coach": ("id", "name", "coaches", "organisation", "contact", "notes", "serves_id"),
    "aim": ("id", "horizon", "title", "detail", "position", "reached_on", "scope"),
    "outreach": (
        "id", "name", "guide", "relationship", "why_them", "purpose", "ask",
        "converse_format", "converse_minutes", "every_days", "channel", "message", "status",
        "idea_on", "drafted_on", "sent_on", "replied_on", "closed_on", "follow_up_days",
        "notes", "mentor_id", "coach_id", "serves_id", "scope",
    ),
}  # fmt: skip
"""The columns each table's ``checksum`` covers, in order: every column but the stamps
devjournal keeps for itself (``created_at``, ``updated_at``, ``deleted_at``) and the
checksum. Frozen with the revision that computed the stored checksums (``0004``; a table
added later, with the revision that made it: ``assessment``, 0005; ``feedback``, 0006;
``coach``, ``aim``, ``outreach``, 0007): a column added later joins a list only with a
revision that recomputes that table's checksums (0007 added the new columns of ``sprint``,
``goal`` and ``mentor``).

``session_review`` and ``log_entry_tag`` need none: all they hold are keys, and SQLite's
``integrity_check`` compares each of their rows with the index of its primary key."""

NOT_CHECKSUMMED = frozenset({"created_at", "updated_at", "deleted_at", "checksum", "feedback_rank"})
"""The stamps, the checksum itself, and what triggers derive (``log_entry.feedback_rank``)."""


def _canonical(column: Any) -> Callable[[Any], str | None]:
    """How a value of ``column`` enters a checksum: as one text, whether it comes from a
    draft (an enum, an aware datetime, an int for a float column) or is read back (the
    enum's value, a datetime in UTC, a float)."""
    kind = column.type
    if isinstance(kind, s.UTCDateTime):
        return lambda v: None if v is None else v.astimezone(UTC).isoformat()
    if isinstance(kind, s.EnumText):
        enum_cls = kind.enum_cls
        return lambda v: None if v is None else enum_cls(v).value
    if isinstance(kind, Float):
        return lambda v: None if v is None else repr(float(v))
    if isinstance(kind, Integer):
        return lambda v: None if v is None else str(int(v))
    if isinstance(kind, Date):
        return lambda v: None if v is None else v.isoformat()
    return lambda v: v


_CANONICAL: dict[str, list[tuple[str, Callable[[Any], str | None]]]] = {
    table: [(name, _canonical(s.Base.metadata.tables[table].c[name])) for name in names]
    for table, names in CHECKSUMMED.items()
}


def row_checksum(table: str, values: Mapping[str, Any]) -> str:
    """The checksum kept on a row of ``table`` (a key of :data:`CHECKSUMMED`), from its
    column values (every covered column must be there: a draft's values with the row's id,
    or the values read back)."""
    return text_checksum([canon(values[name]) for name, canon in _CANONICAL[table]])


def seal(session: Session, row: Any) -> None:
    """Give an ORM row about to be written its checksum (and, when new, its id: the id is
    part of what the checksum covers; ``max(id) + 1`` is the id SQLite would choose, and
    the write transaction holds the write lock)."""
    table = row.__tablename__
    if row.id is None:
        row.id = int(session.scalar(select(func.max(type(row).id))) or 0) + 1
    row.checksum = row_checksum(table, {name: getattr(row, name) for name in CHECKSUMMED[table]})


D = TypeVar("D")
E = TypeVar("E")


class CrudRepository(Generic[D, E]):
    """Create, read, update, soft-delete and restore for one table.

    Subclasses name the row class, the draft and entity dataclasses, and a word for messages.
    Column names equal the dataclass field names.
    """

    row_cls: ClassVar[type[Any]]
    draft_cls: ClassVar[type[Any]]
    entity_cls: ClassVar[type[Any]]
    what: ClassVar[str]
    order_by: ClassVar[tuple[str, ...]] = ("id",)

    def __init__(self, session: Session) -> None:
        self._s = session
        self._draft_fields = [f.name for f in dataclasses.fields(self.draft_cls)]
        self._entity_fields = [f.name for f in dataclasses.fields(self.entity_cls)]

    # -- writes -------------------------------------------------------------------------
    def _row_values(self, draft: D) -> dict[str, Any]:
        return {name: getattr(draft, name) for name in self._draft_fields}

    def add(self, draft: D) -> E:
        """Insert ``draft``; return the stored entity."""
        row = self.row_cls(**self._row_values(draft))
        seal(self._s, row)
        self._s.add(row)
        self._s.flush()
        return self._from_row(row)

    def update(self, ident: int, draft: D) -> E:
        """Replace the editable fields of ``ident`` with ``draft``."""
        row = self._live_row(ident)
        for name, value in self._row_values(draft).items():
            setattr(row, name, value)
        seal(self._s, row)
        self._s.flush()
        return self._from_row(row)

    def soft_delete(self, ident: int) -> None:
        """Mark ``ident`` deleted (undoable with :meth:`restore`)."""
        row = self._live_row(ident)
        row.deleted_at = session_now(self._s)
        self._s.flush()

    def restore(self, ident: int) -> E:
        """Undo a soft delete."""
        row = self._s.get(self.row_cls, ident)
        if row is None:
            raise NotFoundError(self.what, ident)
        row.deleted_at = None
        self._s.flush()
        return self._from_row(row)

    # -- reads --------------------------------------------------------------------------
    def get(self, ident: int) -> E:
        """The live entity ``ident``, or :class:`NotFoundError`."""
        return self._from_row(self._live_row(ident))

    def exists(self, ident: int) -> bool:
        """True if ``ident`` is a live row."""
        return (
            self._s.scalar(
                select(func.count())
                .select_from(self.row_cls)
                .where(self.row_cls.id == ident, self.row_cls.deleted_at.is_(None))
            )
            == 1
        )

    def find(self, *where: ColumnElement[bool], limit: int | None = None) -> list[E]:
        """Live entities matching ``where``, in the repository's order."""
        return self._select(*where, limit=limit)

    def serving(self) -> list[E]:
        """Live entities that serve a part of the direction (``serves_id`` set): sprints,
        goals, mentors, coaches."""
        return self._select(self.row_cls.serves_id.is_not(None))

    def count(self, *where: ColumnElement[bool]) -> int:
        """How many live rows match ``where``."""
        return int(
            self._s.scalar(
                select(func.count())
                .select_from(self.row_cls)
                .where(self.row_cls.deleted_at.is_(None), *where)
            )
            or 0
        )

    # -- helpers ------------------------------------------------------------------------
    def _live_row(self, ident: int) -> Any:
        row = self._s.get(self.row_cls, ident)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(self.what, ident)
        return row

    def _from_row(self, row: Any) -> E:
        values = {name: getattr(row, name) for name in self._entity_fields if hasattr(row, name)}
        return self._make(values)

    def _make(self, values: dict[str, Any]) -> E:
        entity: E = self.entity_cls(**values)
        return entity

    def _columns(self) -> list[Any]:
        return [
            getattr(self.row_cls, name)
            for name in self._entity_fields
            if hasattr(self.row_cls, name)
        ]

    def _select(
        self,
        *where: ColumnElement[bool],
        order: Sequence[Any] | None = None,
        limit: int | None = None,
    ) -> list[E]:
        stmt = select(*self._columns()).where(self.row_cls.deleted_at.is_(None), *where)
        stmt = stmt.order_by(*(order or [getattr(self.row_cls, n) for n in self.order_by]))
        if limit is not None:
            stmt = stmt.limit(limit)
        return [self._make(dict(r._mapping)) for r in self._s.execute(stmt)]


class SprintRepository(CrudRepository[m.SprintDraft, m.Sprint]):
    row_cls = s.SprintRow
    draft_cls = m.SprintDraft
    entity_cls = m.Sprint
    what = "sprint"
    order_by = ("start_date", "id")


class GoalRepository(CrudRepository[m.GoalDraft, m.Goal]):
    row_cls = s.GoalRow
    draft_cls = m.GoalDraft
    entity_cls = m.Goal
    what = "goal"
    order_by = ("sprint_id", "position", "id")

    def of_sprint(self, sprint_id: int) -> list[m.Goal]:
        """The sprint's live goals in their order."""
        return self._select(s.GoalRow.sprint_id == sprint_id)

    def private_ones(self) -> list[m.Goal]:
        """Every goal scoped private, deleted ones too: what links to them stays private."""
        stmt = select(*self._columns()).where(s.GoalRow.scope == Scope.PRIVATE.value)
        return [self._make(dict(r._mapping)) for r in self._s.execute(stmt.order_by(s.GoalRow.id))]

    def achieved_by_sprint(self) -> dict[int, tuple[int, int]]:
        """Per sprint: its live goals achieved, of those set (drafts left out), counted in
        SQL (the goals' texts are never read)."""
        r = s.GoalRow
        achieved = func.sum(case((r.status == GoalStatus.ACHIEVED, 1), else_=0))
        stmt = (
            select(r.sprint_id, achieved, func.count())
            .where(r.deleted_at.is_(None), r.status != GoalStatus.DRAFT)
            .group_by(r.sprint_id)
        )
        return {sprint_id: (int(a), int(n)) for sprint_id, a, n in self._s.execute(stmt)}

    def counts_by_sprint(self) -> dict[int, int]:
        """Live goals per sprint."""
        r = s.GoalRow
        stmt = select(r.sprint_id, func.count()).where(r.deleted_at.is_(None)).group_by(r.sprint_id)
        return {sprint_id: n for sprint_id, n in self._s.execute(stmt)}  # noqa: C416


class MilestoneRepository(CrudRepository[m.MilestoneDraft, m.Milestone]):
    row_cls = s.MilestoneRow
    draft_cls = m.MilestoneDraft
    entity_cls = m.Milestone
    what = "milestone"
    order_by = ("goal_id", "position", "id")

    def of_goal(self, goal_id: int) -> list[m.Milestone]:
        """The goal's milestones in order."""
        return self._select(s.MilestoneRow.goal_id == goal_id)

    def of_goals(self, goal_ids: list[int]) -> list[m.Milestone]:
        """Milestones of several goals, in order."""
        return self._select(s.MilestoneRow.goal_id.in_(goal_ids)) if goal_ids else []


class CheckinRepository(CrudRepository[m.CheckinDraft, m.Checkin]):
    row_cls = s.CheckinRow
    draft_cls = m.CheckinDraft
    entity_cls = m.Checkin
    what = "check-in"
    order_by = ("goal_id", "on_date", "id")

    def of_goal(self, goal_id: int) -> list[m.Checkin]:
        """The goal's check-ins, oldest first."""
        return self._select(s.CheckinRow.goal_id == goal_id)

    def of_goals(self, goal_ids: list[int]) -> list[m.Checkin]:
        """Check-ins of several goals, oldest first."""
        return self._select(s.CheckinRow.goal_id.in_(goal_ids)) if goal_ids else []


class SessionRepository(CrudRepository[m.SessionDraft, m.CoachingSession]):
    row_cls = s.CoachingSessionRow
    draft_cls = m.SessionDraft
    entity_cls = m.CoachingSession
    what = "coaching session"
    order_by = ("starts_at", "id")

    def of_sprint(self, sprint_id: int) -> list[m.CoachingSession]:
        """The sprint's sessions in time order."""
        return self._select(s.CoachingSessionRow.sprint_id == sprint_id)

    def of_sprints(self, sprint_ids: Sequence[int]) -> list[m.CoachingSession]:
        """The sessions of several sprints, in time order."""
        out: list[m.CoachingSession] = []
        for start in range(0, len(sprint_ids), 500):  # SQLite's bound-parameter limit
            chunk = sprint_ids[start : start + 500]
            out += self._select(s.CoachingSessionRow.sprint_id.in_(chunk))
        return sorted(out, key=lambda x: (x.starts_at, x.id))

    def _row_values(self, draft: m.SessionDraft) -> dict[str, Any]:
        values = super()._row_values(draft)
        values["questions"] = questions_json(draft.questions)
        return values

    def _make(self, values: dict[str, Any]) -> m.CoachingSession:
        values["questions"] = _questions(values.get("questions"))
        return super()._make(values)


def questions_json(questions: Iterable[m.SessionQuestion]) -> str:
    """How a session's questions are stored: ``[[question, answer], ...]``."""
    return json.dumps([[q.question, q.answer] for q in questions], ensure_ascii=False)


def _questions(stored: object) -> tuple[m.SessionQuestion, ...]:
    """The session's questions from their JSON column (an unreadable value reads as none:
    ``check`` reports damage; the window must still open)."""
    if not isinstance(stored, str):
        return ()
    try:
        pairs = json.loads(stored)
    except ValueError:
        return ()
    if not isinstance(pairs, list):
        return ()
    return tuple(
        m.SessionQuestion(str(pair[0]), str(pair[1]))
        for pair in pairs
        if isinstance(pair, list) and len(pair) == 2
    )


class ReviewRepository:
    """Which open action items came up for review in which sessions."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, session_id: int, action_id: int) -> bool:
        """Record a review; False when it was already recorded."""
        if self._s.get(s.SessionReviewRow, (session_id, action_id)) is not None:
            return False
        self._s.add(s.SessionReviewRow(session_id=session_id, action_id=action_id))
        self._s.flush()
        return True

    def set_for(self, session_id: int, action_ids: Iterable[int]) -> None:
        """Make ``action_ids`` the items reviewed in ``session_id`` (others are removed)."""
        keep = set(action_ids)
        rv = s.SessionReviewRow
        self._s.execute(delete(rv).where(rv.session_id == session_id, rv.action_id.not_in(keep)))
        for action_id in sorted(keep):
            self.add(session_id, action_id)

    def of_sprint(self, sprint_id: int) -> list[Review]:
        """The reviews in a sprint's live sessions."""
        c, rv = s.CoachingSessionRow, s.SessionReviewRow
        stmt = (
            select(rv.session_id, rv.action_id)
            .join(c, c.id == rv.session_id)
            .where(c.sprint_id == sprint_id, c.deleted_at.is_(None))
            .order_by(rv.session_id, rv.action_id)
        )
        return [Review(sid, aid) for sid, aid in self._s.execute(stmt)]


class ActionItemRepository(CrudRepository[m.ActionItemDraft, m.ActionItem]):
    row_cls = s.ActionItemRow
    draft_cls = m.ActionItemDraft
    entity_cls = m.ActionItem
    what = "action item"
    order_by = ("due_date", "id")

    def of_sprint(self, sprint_id: int) -> list[m.ActionItem]:
        """The sprint's action items by due date."""
        return self._select(s.ActionItemRow.sprint_id == sprint_id)

    def due_between(self, first: date, last: date) -> list[m.ActionItem]:
        """Every live action item due from ``first`` to ``last`` (both included), by due
        date."""
        r = s.ActionItemRow
        return self._select(r.due_date >= first, r.due_date <= last)


class MentorRepository(CrudRepository[m.MentorDraft, m.Mentor]):
    row_cls = s.MentorRow
    draft_cls = m.MentorDraft
    entity_cls = m.Mentor
    what = "mentor"
    order_by = ("name", "id")


class MentorLinkRepository(CrudRepository[m.MentorLinkDraft, m.MentorLink]):
    row_cls = s.MentorLinkRow
    draft_cls = m.MentorLinkDraft
    entity_cls = m.MentorLink
    what = "mentor link"
    order_by = ("mentor_id", "position", "id")

    def of_mentor(self, mentor_id: int) -> list[m.MentorLink]:
        """The mentor's links in order."""
        return self._select(s.MentorLinkRow.mentor_id == mentor_id)


class TagRepository:
    """Tags are shared by entries; a name is unique regardless of case."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def ensure(self, names: Iterable[str]) -> dict[str, int]:
        """Ids for ``names`` (case-insensitively), creating the tags that are missing."""
        wanted = normalise_tags(list(names))
        if not wanted:
            return {}
        r = s.TagRow
        found: dict[str, int] = {}
        folded = [n.casefold() for n in wanted]
        for ident, name in self._s.execute(
            select(r.id, r.name).where(func.lower(r.name).in_([n.lower() for n in wanted]))
        ):
            found[name.casefold()] = ident
        result: dict[str, int] = {}
        for name, key in zip(wanted, folded, strict=True):
            if key not in found:
                row = s.TagRow(name=name)
                seal(self._s, row)
                self._s.add(row)
                self._s.flush()
                found[key] = row.id
            result[name] = found[key]
        return result

    def names(self) -> list[str]:
        """Every tag's name, alphabetically (no counting: cheap on any journal)."""
        r = s.TagRow
        return list(self._s.scalars(select(r.name).order_by(func.lower(r.name))))

    def all(self) -> list[m.Tag]:
        """Every tag with its count of live entries, by name."""
        r, link, entry = s.TagRow, s.LogEntryTagRow, s.LogEntryRow
        counts = (
            select(link.tag_id, func.count().label("n"))
            .join(entry, entry.id == link.entry_id)
            .where(entry.deleted_at.is_(None))
            .group_by(link.tag_id)
            .subquery()
        )
        stmt = (
            select(r.id, r.name, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.tag_id == r.id)
            .order_by(func.lower(r.name))
        )
        return [m.Tag(id=i, name=n, entry_count=c) for i, n, c in self._s.execute(stmt)]

    def rename(self, tag_id: int, name: str) -> None:
        """Rename a tag (the search index follows by trigger)."""
        checksum = row_checksum("tag", {"id": tag_id, "name": name})
        self._s.execute(
            update(s.TagRow).where(s.TagRow.id == tag_id).values(name=name, checksum=checksum)
        )


class LogEntryRepository(CrudRepository[m.LogEntryDraft, m.LogEntry]):
    row_cls = s.LogEntryRow
    draft_cls = m.LogEntryDraft
    entity_cls = m.LogEntry
    what = "log entry"
    order_by = ("occurred_at", "id")

    def _row_values(self, draft: m.LogEntryDraft) -> dict[str, Any]:
        values = super()._row_values(draft)
        del values["tags"]
        return values

    def add(self, draft: m.LogEntryDraft) -> m.LogEntry:
        row = s.LogEntryRow(**self._row_values(draft))
        seal(self._s, row)
        self._s.add(row)
        self._s.flush()
        self._set_tags(row.id, draft.tags)
        return self.get(row.id)

    def update(self, ident: int, draft: m.LogEntryDraft) -> m.LogEntry:
        super().update(ident, draft)
        self._set_tags(ident, draft.tags)
        return self.get(ident)

    def restore(self, ident: int) -> m.LogEntry:
        super().restore(ident)
        return self.get(ident)

    def stamp(self, ident: int, updated_at: datetime | None = None) -> m.LogEntry:
        """Set the live entry's last change to ``updated_at`` (now when None) and nothing
        else: "still trying" starts advice's clock again, and its undo puts the moment back
        (the checksum does not cover the stamp)."""
        row = self._live_row(ident)
        row.updated_at = session_now(self._s) if updated_at is None else updated_at
        self._s.flush()
        return self.get(ident)

    def get(self, ident: int) -> m.LogEntry:
        found = self._select(s.LogEntryRow.id == ident)
        if not found:
            raise NotFoundError(self.what, ident)
        return found[0]

    def latest(self, limit: int) -> list[m.LogEntry]:
        """The newest live entries."""
        r = s.LogEntryRow
        return self._select(order=[r.occurred_at.desc(), r.id.desc()], limit=limit)

    def of_mentor(self, mentor_id: int) -> list[m.LogEntry]:
        """A mentor's entries, oldest first."""
        return self._select(s.LogEntryRow.mentor_id == mentor_id)

    def of_sprint(self, sprint_id: int) -> list[m.LogEntry]:
        """The entries linked to a sprint, oldest first."""
        return self._select(s.LogEntryRow.sprint_id == sprint_id)

    def answers_to(self, entry_id: int) -> list[m.LogEntry]:
        """The entries that answer ``entry_id`` (reflections on a piece of advice)."""
        return self._select(s.LogEntryRow.responds_to_id == entry_id)

    def of_ids(self, entry_ids: Sequence[int]) -> list[m.LogEntry]:
        """The live entries among ``entry_ids``, oldest first within each 500."""
        return self._select_in(s.LogEntryRow.id, entry_ids)

    def answering(self, entry_ids: Sequence[int]) -> list[m.LogEntry]:
        """The live entries that answer any of ``entry_ids``, oldest first within each 500."""
        return self._select_in(s.LogEntryRow.responds_to_id, entry_ids)

    def _select_in(self, column: Any, values: Sequence[int]) -> list[m.LogEntry]:
        out: list[m.LogEntry] = []
        for start in range(0, len(values), 500):  # SQLite's bound-parameter limit
            out += self._select(column.in_(values[start : start + 500]))
        return out

    def of_kind(self, kind: EntryKind) -> list[m.LogEntry]:
        """Every live entry of ``kind``, with its tags, oldest first."""
        return self._select(s.LogEntryRow.kind == kind)

    def between(self, since: datetime, until: datetime) -> list[m.LogEntry]:
        """The live entries from ``since`` up to (not including) ``until``, oldest first."""
        r = s.LogEntryRow
        return self._select(r.occurred_at >= since, r.occurred_at < until)

    def worked_advice(self, until: datetime) -> list[m.LogEntry]:
        """The live advice marked "worked" given before ``until``, oldest first."""
        r = s.LogEntryRow
        return self._select(
            r.kind == EntryKind.ADVICE,
            r.advice_status == AdviceStatus.WORKED,
            r.occurred_at < until,
        )

    def advice(self, limit: int) -> list[m.LogEntry]:
        """The newest pieces of advice."""
        r = s.LogEntryRow
        return self._select(
            r.kind == "advice", order=[r.occurred_at.desc(), r.id.desc()], limit=limit
        )

    def last_contact(self) -> dict[int, datetime]:
        """The newest entry time per mentor."""
        r, mentor = s.LogEntryRow, s.MentorRow
        # Per mentor, the newest live entry: a walk back along ix_log_entry_mentor that stops
        # at the first live row, instead of grouping every entry of the journal.
        newest_live = (
            select(r.occurred_at)
            .where(r.mentor_id == mentor.id, r.deleted_at.is_(None))
            .order_by(r.occurred_at.desc())
            .limit(1)
            .scalar_subquery()
        )
        stmt = select(mentor.id, newest_live).where(mentor.deleted_at.is_(None))
        out: dict[int, datetime] = {}
        for mentor_id, newest in self._s.execute(stmt):
            if mentor_id is None or newest is None:
                continue
            # func.max bypasses the column type, so the text comes back raw.
            value = newest if isinstance(newest, datetime) else datetime.fromisoformat(newest)
            out[mentor_id] = value.replace(tzinfo=UTC)
        return out

    def _set_tags(self, entry_id: int, tags: tuple[str, ...]) -> None:
        ids = TagRepository(self._s).ensure(tags)
        link = s.LogEntryTagRow
        self._s.execute(
            delete(link).where(
                link.entry_id == entry_id,
                link.tag_id.not_in(list(ids.values())) if ids else and_(True),
            )
        )
        have = set(self._s.scalars(select(link.tag_id).where(link.entry_id == entry_id)).all())
        for tag_id in ids.values():
            if tag_id not in have:
                self._s.add(link(entry_id=entry_id, tag_id=tag_id))
        self._s.flush()

    def _select(
        self,
        *where: ColumnElement[bool],
        order: Sequence[Any] | None = None,
        limit: int | None = None,
    ) -> list[m.LogEntry]:
        r = s.LogEntryRow
        columns = [getattr(r, n) for n in self._entity_fields if n != "tags"]
        stmt = select(*columns).where(r.deleted_at.is_(None), *where)
        stmt = stmt.order_by(*(order or [r.occurred_at, r.id]))
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = [dict(row._mapping) for row in self._s.execute(stmt)]
        tags = self.tags_of([row["id"] for row in rows])
        return [m.LogEntry(**row, tags=tags.get(row["id"], ())) for row in rows]

    def tags_of(self, entry_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """Tag names per entry id, alphabetical."""
        if not entry_ids:
            return {}
        link, tag = s.LogEntryTagRow, s.TagRow
        found: dict[int, list[str]] = defaultdict(list)
        for chunk_start in range(0, len(entry_ids), 500):
            chunk = entry_ids[chunk_start : chunk_start + 500]
            stmt = (
                select(link.entry_id, tag.name)
                .join(tag, tag.id == link.tag_id)
                .where(link.entry_id.in_(chunk))
                .order_by(func.lower(tag.name))
            )
            for entry_id, name in self._s.execute(stmt):
                found[entry_id].append(name)
        return {k: tuple(v) for k, v in found.items()}


class StatsRepository:
    """Counts across the journal, for ``info`` and the Today page."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def counts(self) -> dict[str, int]:
        """Live rows per entity."""
        tables: dict[str, type[Any]] = {
            "sprints": s.SprintRow,
            "goals": s.GoalRow,
            "checkins": s.CheckinRow,
            "sessions": s.CoachingSessionRow,
            "action_items": s.ActionItemRow,
            "mentors": s.MentorRow,
            "log_entries": s.LogEntryRow,
            "assessments": s.AssessmentRow,
            "coaches": s.CoachRow,
            "aims": s.AimRow,
            "outreach": s.OutreachRow,
        }
        out: dict[str, int] = {}
        for name, row in tables.items():
            out[name] = int(
                self._s.scalar(
                    select(func.count()).select_from(row).where(row.deleted_at.is_(None))
                )
                or 0
            )
        out["tags"] = int(self._s.scalar(select(func.count()).select_from(s.TagRow)) or 0)
        return out

    def is_empty(self) -> bool:
        """True when the journal holds no user data at all (deleted rows count as data)."""
        return not any(
            self._s.scalar(select(exists().where(row.id.is_not(None))))
            for row in (
                s.SprintRow,
                s.MentorRow,
                s.LogEntryRow,
                s.AssessmentRow,
                s.CoachRow,
                s.AimRow,
                s.OutreachRow,
            )
        )


class AssessmentRepository(CrudRepository[m.AssessmentDraft, m.Assessment]):
    row_cls = s.AssessmentRow
    draft_cls = m.AssessmentDraft
    entity_cls = m.Assessment
    what = "self-assessment"
    order_by = ("taken_at", "id")


_FEEDBACK_FIELDS = tuple(f.name for f in dataclasses.fields(m.FeedbackDetails))


class FeedbackRepository:
    """The details of Feedback entries: one row per entry at most; an entry without one
    has empty details."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def of(self, entry_ids: Sequence[int]) -> dict[int, m.FeedbackDetails]:
        """The details kept for each of ``entry_ids`` that has any."""
        out: dict[int, m.FeedbackDetails] = {}
        for chunk in _chunks(entry_ids):
            rows = self._s.scalars(select(s.FeedbackRow).where(s.FeedbackRow.entry_id.in_(chunk)))
            out.update({row.entry_id: _details(row) for row in rows})
        return out

    def get(self, entry_id: int) -> m.FeedbackDetails:
        """The details of one entry (empty ones if it has none)."""
        return self.of([entry_id]).get(entry_id, m.FeedbackDetails())

    def put(self, entry_id: int, details: m.FeedbackDetails) -> None:
        """Keep ``details`` for the entry (replacing what it had)."""
        row = self._s.scalar(select(s.FeedbackRow).where(s.FeedbackRow.entry_id == entry_id))
        new = row is None
        if row is None:
            row = s.FeedbackRow(entry_id=entry_id)
        for name in _FEEDBACK_FIELDS:
            setattr(row, name, getattr(details, name))
        seal(self._s, row)  # before add: its id is part of the checksum
        if new:
            self._s.add(row)
        self._s.flush()

    def drop(self, entry_id: int) -> None:
        """Forget the entry's details (it is no longer feedback)."""
        self._s.execute(delete(s.FeedbackRow).where(s.FeedbackRow.entry_id == entry_id))

    def entries_with(self, column: str, ident: int) -> list[int]:
        """The entries whose feedback points at ``ident`` in ``column`` (``session_id``,
        ``goal_id`` or ``action_id``)."""
        col = getattr(s.FeedbackRow, column)
        return list(self._s.scalars(select(s.FeedbackRow.entry_id).where(col == ident)))


def _details(row: s.FeedbackRow) -> m.FeedbackDetails:
    return m.FeedbackDetails(**{name: getattr(row, name) for name in _FEEDBACK_FIELDS})


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


class CoachRepository(CrudRepository[m.CoachDraft, m.Coach]):
    row_cls = s.CoachRow
    draft_cls = m.CoachDraft
    entity_cls = m.Coach
    what = "coach"
    order_by = ("name", "id")

    def named(self, name: str) -> m.Coach | None:
        """The live coach called ``name`` (ignoring case and surrounding spaces), if any."""
        key = name.strip().casefold()
        return next((c for c in self._select() if c.name.strip().casefold() == key), None)


class AimRepository(CrudRepository[m.AimDraft, m.Aim]):
    row_cls = s.AimRow
    draft_cls = m.AimDraft
    entity_cls = m.Aim
    what = "part of your direction"
    order_by = ("horizon", "position", "id")

    def deleted(self) -> list[m.Aim]:
        """The deleted aims (what served one keeps its link, so its forms can name it)."""
        stmt = select(*self._columns()).where(self.row_cls.deleted_at.is_not(None))
        stmt = stmt.order_by(*(getattr(self.row_cls, n) for n in self.order_by))
        return [self._make(dict(r._mapping)) for r in self._s.execute(stmt)]


class OutreachRepository(CrudRepository[m.OutreachDraft, m.Outreach]):
    row_cls = s.OutreachRow
    draft_cls = m.OutreachDraft
    entity_cls = m.Outreach
    what = "outreach"
    order_by = ("idea_on", "id")

    def sent(self) -> list[m.Outreach]:
        """The outreach waiting for a reply (along ``ix_outreach_status``)."""
        return self._select(s.OutreachRow.status == OutreachStatus.SENT)
