"""The ORM schema. Row classes end in ``Row``; column names match the domain fields.

Changes to this file need an Alembic revision in ``migrations/versions`` (a test compares
the two).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from devjournal.domain import enums
from devjournal.storage.engine import statement_now

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC text; gives back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """Stores a StrEnum as its value; a CHECK constraint on the table limits the values."""

    impl = String(20)
    cache_ok = True

    def __init__(self, enum_cls: type[E]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self.enum_cls(value)


def _in(column: str, enum_cls: type[StrEnum], nullable: bool = False) -> CheckConstraint:
    values = ", ".join(f"'{member.value}'" for member in enum_cls)
    expr = f"{column} IN ({values})"
    if nullable:
        expr = f"{column} IS NULL OR {expr}"
    return CheckConstraint(expr, name=column)


class Base(DeclarativeBase):
    """Declarative base with the project's constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TimestampMixin:
    """created_at / updated_at in UTC."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=statement_now)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), default=statement_now, onupdate=statement_now
    )


class SoftDeleteMixin:
    """A delete sets ``deleted_at`` so it can be undone."""

    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


# The serves_id and coach_id columns of sprint, goal and mentor were added by revision 0007
# with SQLite's ALTER TABLE, which keeps "ON DELETE SET NULL" in the column's own REFERENCES
# clause; SQLite's reflection cannot read an inline clause's action, so the ORM names the
# reference without it (the migration is what makes the table, and the journal has it).


class SprintRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "sprint"
    __table_args__ = (
        _in("kind", enums.SprintKind),
        _in("closed_state", enums.ClosedState, nullable=True),
        CheckConstraint("end_date >= start_date", name="dates_in_order"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint(
            "session_every_days IS NULL OR session_every_days > 0", name="session_every_days"
        ),
        Index("ix_sprint_dates", "start_date", "end_date"),
        Index("ix_sprint_coach", "coach_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[enums.SprintKind] = mapped_column(EnumText(enums.SprintKind))
    coach_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    focus: Mapped[str] = mapped_column(Text, default="", server_default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    session_every_days: Mapped[int | None] = mapped_column(Integer)
    closed_state: Mapped[enums.ClosedState | None] = mapped_column(EnumText(enums.ClosedState))
    closed_on: Mapped[date | None] = mapped_column(Date)
    retrospective: Mapped[str] = mapped_column(Text, default="", server_default="")
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("coach.id"))  # SET NULL: 0007
    serves_id: Mapped[int | None] = mapped_column(ForeignKey("aim.id"))  # SET NULL: 0007


class GoalRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "goal"
    __table_args__ = (
        _in("metric_kind", enums.MetricKind),
        _in("direction", enums.Direction),
        _in("status", enums.GoalStatus),
        _in("scope", enums.Scope),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint("scale_max IS NULL OR scale_max IN (5, 10)", name="scale_max"),
        CheckConstraint("checkin_every_days > 0", name="checkin_every_days"),
        Index("ix_goal_sprint", "sprint_id", "position"),
        Index("ix_goal_deadline", "deadline"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sprint_id: Mapped[int] = mapped_column(ForeignKey("sprint.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    specific: Mapped[str] = mapped_column(Text, default="", server_default="")
    metric_kind: Mapped[enums.MetricKind] = mapped_column(EnumText(enums.MetricKind))
    metric_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    unit: Mapped[str] = mapped_column(Text, default="", server_default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    direction: Mapped[enums.Direction] = mapped_column(EnumText(enums.Direction))
    scale_max: Mapped[int | None] = mapped_column(Integer)
    achievable: Mapped[str] = mapped_column(Text, default="", server_default="")
    relevant: Mapped[str] = mapped_column(Text, default="", server_default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    checkin_every_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    status: Mapped[enums.GoalStatus] = mapped_column(EnumText(enums.GoalStatus))
    final_value: Mapped[float | None] = mapped_column(Float)
    lessons: Mapped[str] = mapped_column(Text, default="", server_default="")
    scope: Mapped[enums.Scope] = mapped_column(EnumText(enums.Scope))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rolled_from_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")
    serves_id: Mapped[int | None] = mapped_column(ForeignKey("aim.id"))  # SET NULL: 0007


class MilestoneRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "milestone"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        Index("ix_milestone_goal", "goal_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    done_on: Mapped[date | None] = mapped_column(Date)
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class CheckinRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "checkin"
    __table_args__ = (Index("ix_checkin_goal_date", "goal_id", "on_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"))
    on_date: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class CoachingSessionRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "coaching_session"
    __table_args__ = (
        _in("status", enums.SessionStatus),
        _in("scope", enums.Scope),
        CheckConstraint("duration_min > 0", name="duration_min"),
        Index("ix_coaching_session_sprint", "sprint_id", "starts_at"),
        Index("ix_coaching_session_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sprint_id: Mapped[int] = mapped_column(ForeignKey("sprint.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_min: Mapped[int] = mapped_column(Integer, default=60, server_default="60")
    status: Mapped[enums.SessionStatus] = mapped_column(EnumText(enums.SessionStatus))
    agenda: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    insights: Mapped[str] = mapped_column(Text, default="", server_default="")
    scope: Mapped[enums.Scope] = mapped_column(EnumText(enums.Scope))
    questions: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    """JSON: ``[[question, answer], ...]`` (the coach's questions and your answers)."""
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class SessionReviewRow(Base):
    """An open action item that came up for review in a session (revision 0002)."""

    __tablename__ = "session_review"
    __table_args__ = (Index("ix_session_review_action", "action_id"),)

    session_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="CASCADE"), primary_key=True
    )
    action_id: Mapped[int] = mapped_column(
        ForeignKey("action_item.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=statement_now)


class ActionItemRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "action_item"
    __table_args__ = (
        _in("status", enums.ActionStatus),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint("(status = 'done') = (done_on IS NOT NULL)", name="done_on_when_done"),
        Index("ix_action_item_sprint", "sprint_id", "due_date"),
        Index("ix_action_item_status_due", "status", "due_date"),
        Index("ix_action_item_session", "session_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sprint_id: Mapped[int] = mapped_column(ForeignKey("sprint.id", ondelete="CASCADE"))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[enums.ActionStatus] = mapped_column(EnumText(enums.ActionStatus))
    done_on: Mapped[date | None] = mapped_column(Date)
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class MentorRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "mentor"
    __table_args__ = (
        _in("relationship", enums.Relationship),
        _in("formality", enums.Formality),
        _in("affiliation", enums.Affiliation),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint(
            "ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on",
            name="dates_in_order",
        ),
        CheckConstraint(
            "contact_every_days IS NULL OR contact_every_days > 0", name="contact_every_days"
        ),
        _in("converse_format", enums.ConverseFormat, nullable=True),
        CheckConstraint(
            "converse_minutes IS NULL OR converse_minutes > 0", name="converse_minutes"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[enums.Relationship] = mapped_column(EnumText(enums.Relationship))
    formality: Mapped[enums.Formality] = mapped_column(EnumText(enums.Formality))
    programme: Mapped[str] = mapped_column(Text, default="", server_default="")
    affiliation: Mapped[enums.Affiliation] = mapped_column(EnumText(enums.Affiliation))
    organisation: Mapped[str] = mapped_column(Text, default="", server_default="")
    seeking: Mapped[str] = mapped_column(Text, default="", server_default="")
    contact_every_days: Mapped[int | None] = mapped_column(Integer)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")
    converse_format: Mapped[enums.ConverseFormat | None] = mapped_column(
        EnumText(enums.ConverseFormat)
    )
    converse_minutes: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(Text, default="", server_default="")
    topics: Mapped[str] = mapped_column(Text, default="", server_default="")
    boundaries: Mapped[str] = mapped_column(Text, default="", server_default="")
    serves_id: Mapped[int | None] = mapped_column(ForeignKey("aim.id"))  # SET NULL: 0007


class MentorLinkRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "mentor_link"
    __table_args__ = (
        CheckConstraint(
            "url LIKE 'http://%' OR url LIKE 'https://%' OR url LIKE 'mailto:%'",
            name="safe_url",
        ),
        Index("ix_mentor_link_mentor", "mentor_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class LogEntryRow(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "log_entry"
    __table_args__ = (
        _in("kind", enums.EntryKind),
        _in("advice_status", enums.AdviceStatus, nullable=True),
        _in("scope", enums.Scope),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint(
            "advice_status IS NULL OR kind = 'advice'", name="advice_status_only_on_advice"
        ),
        # Partial: lists and counts only ever want live entries, and then never touch the
        # table's rows (long bodies) at all.
        Index(
            "ix_log_entry_occurred_at",
            "occurred_at",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_log_entry_mentor", "mentor_id", "occurred_at"),
        Index("ix_log_entry_sprint", "sprint_id", "occurred_at"),
        Index("ix_log_entry_goal", "goal_id"),
        Index("ix_log_entry_kind", "kind", "occurred_at"),
        Index("ix_log_entry_responds_to", "responds_to_id"),
        # Live feedback, for the Feedback page (revision 0006): its order and counts
        # read the index and the details, never the entries' bodies.
        Index(
            "ix_log_entry_feedback",
            "occurred_at",
            sqlite_where=text("kind = 'feedback' AND deleted_at IS NULL"),
        ),
        # Where each live Feedback entry is filed (revision 0008): the Feedback page's
        # first pieces in order are a range of it, and its counts read it alone.
        Index(
            "ix_log_entry_feedback_rank",
            "feedback_rank",
            "occurred_at",
            "id",
            sqlite_where=text("kind = 'feedback' AND deleted_at IS NULL"),
        ),
        # Advice being tried, for Today's "did it work?" (revision 0006): a few rows,
        # however much advice the journal holds.
        Index(
            "ix_log_entry_trying",
            "id",
            sqlite_where=text("advice_status = 'trying' AND deleted_at IS NULL"),
        ),
        Index(
            "ix_log_entry_import_key",
            "import_key",
            unique=True,
            sqlite_where=text("import_key IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("mentor.id", ondelete="SET NULL"))
    sprint_id: Mapped[int | None] = mapped_column(ForeignKey("sprint.id", ondelete="SET NULL"))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    kind: Mapped[enums.EntryKind] = mapped_column(EnumText(enums.EntryKind))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    source_url: Mapped[str] = mapped_column(Text, default="", server_default="")
    advice_status: Mapped[enums.AdviceStatus | None] = mapped_column(EnumText(enums.AdviceStatus))
    responds_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("log_entry.id", ondelete="SET NULL")
    )
    scope: Mapped[enums.Scope] = mapped_column(EnumText(enums.Scope))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")
    feedback_rank: Mapped[int | None] = mapped_column(Integer)
    """Derived, kept by triggers (revision 0008): where a Feedback entry is filed, acted on
    * 4 + its priority's rank (``storage/feedback_query.FILED_SQL``); NULL for other kinds.
    Neither checksummed nor exported."""
    import_key: Mapped[str | None] = mapped_column(String(120))
    """Where an imported entry came from (``jrnl:...``, ``dayone:...``); NULL otherwise."""


class TagRow(Base):
    __tablename__ = "tag"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # NOCASE makes the unique index case-insensitive: "Career" and "career" are one tag.
    name: Mapped[str] = mapped_column(String(60, collation="NOCASE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=statement_now)
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class LogEntryTagRow(Base):
    __tablename__ = "log_entry_tag"
    __table_args__ = (Index("ix_log_entry_tag_tag", "tag_id", "entry_id"),)

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("log_entry.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)


# The full-text index (a virtual table kept in step by triggers) is not modelled by the
# ORM; it is created by the first migration. Search queries name it through this constant.
FTS_TABLE = "log_entry_fts"
FTS_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "title, body, tags, notes, tokenize = 'unicode61 remove_diacritics 2')"
)
"""The statement revision 0008 made the index with (``check --repair`` makes it anew)."""
FTS_TAGS = (
    "coalesce((SELECT group_concat(t.name, ' ') FROM log_entry_tag et "
    "JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = {ref}), '')"
)
"""An entry's tags as the index holds them (the triggers of revision 0001 use the same)."""
FTS_NOTES = (
    "coalesce((SELECT f.given_by || ' ' || f.context || ' ' || f.reading || ' ' || f.done "
    "FROM feedback f WHERE f.entry_id = {ref}), '')"
)
"""A Feedback entry's details as the index holds them in its ``notes`` column (who gave
it, the context, the user's reading, what was done; the triggers of revision 0008 use the
same); empty for every other entry."""
FTS_ENTRY_TEXT = (
    "SELECT e.id, e.title, e.body, {tags}, {notes} FROM log_entry e WHERE e.deleted_at IS NULL"
).format(tags=FTS_TAGS.format(ref="e.id"), notes=FTS_NOTES.format(ref="e.id"))
"""Every live entry as a row of the index (rowid, title, body, tags, notes)."""


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic autogenerate: the search index and its shadow tables are not the ORM's."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


class AssessmentRow(TimestampMixin, SoftDeleteMixin, Base):
    """A coach-or-mentor self-assessment as answered (``domain/guide.py``)."""

    __tablename__ = "assessment"
    __table_args__ = (
        _in("need", enums.Need),
        _in("goal", enums.GoalClarity, nullable=True),
        _in("path", enums.PathClarity, nullable=True),
        _in("horizon", enums.Horizon, nullable=True),
        _in("learn_from", enums.LearnFrom, nullable=True),
        _in("scope", enums.Scope),
        Index("ix_assessment_taken_at", "taken_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    need: Mapped[enums.Need] = mapped_column(EnumText(enums.Need))
    goal: Mapped[enums.GoalClarity | None] = mapped_column(EnumText(enums.GoalClarity))
    path: Mapped[enums.PathClarity | None] = mapped_column(EnumText(enums.PathClarity))
    horizon: Mapped[enums.Horizon | None] = mapped_column(EnumText(enums.Horizon))
    learn_from: Mapped[enums.LearnFrom | None] = mapped_column(EnumText(enums.LearnFrom))
    in_own_words: Mapped[str] = mapped_column(Text, default="", server_default="")
    scope: Mapped[enums.Scope] = mapped_column(EnumText(enums.Scope))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class FeedbackRow(TimestampMixin, Base):
    """What makes a Feedback log entry something to act on (revision 0006): one row per
    entry at most, gone with it (a deleted entry hides it; purging the entry removes it)."""

    __tablename__ = "feedback"
    __table_args__ = (
        _in("impact", enums.Impact, nullable=True),
        _in("heard", enums.Heard, nullable=True),
        Index("ix_feedback_session", "session_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("log_entry.id", ondelete="CASCADE"), unique=True
    )
    given_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    context: Mapped[str] = mapped_column(Text, default="", server_default="")
    reading: Mapped[str] = mapped_column(Text, default="", server_default="")
    impact: Mapped[enums.Impact | None] = mapped_column(EnumText(enums.Impact))
    heard: Mapped[enums.Heard | None] = mapped_column(EnumText(enums.Heard))
    done: Mapped[str] = mapped_column(Text, default="", server_default="")
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="SET NULL")
    )
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("action_item.id", ondelete="SET NULL"))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class CoachRow(TimestampMixin, SoftDeleteMixin, Base):
    """A coach as a person across sprints (revision 0007)."""

    __tablename__ = "coach"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    coaches: Mapped[str] = mapped_column(Text, default="", server_default="")
    organisation: Mapped[str] = mapped_column(Text, default="", server_default="")
    contact: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    serves_id: Mapped[int | None] = mapped_column(ForeignKey("aim.id", ondelete="SET NULL"))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class AimRow(TimestampMixin, SoftDeleteMixin, Base):
    """One part of the user's direction, one, three or five years out (revision 0007)."""

    __tablename__ = "aim"
    __table_args__ = (
        _in("horizon", enums.AimHorizon),
        _in("scope", enums.Scope),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        Index("ix_aim_horizon", "horizon", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    horizon: Mapped[enums.AimHorizon] = mapped_column(EnumText(enums.AimHorizon))
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reached_on: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[enums.Scope] = mapped_column(EnumText(enums.Scope))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")


class OutreachRow(TimestampMixin, SoftDeleteMixin, Base):
    """Reaching out to a prospective mentor or coach (revision 0007)."""

    __tablename__ = "outreach"
    __table_args__ = (
        _in("guide", enums.Guide),
        _in("relationship", enums.Relationship, nullable=True),
        _in("converse_format", enums.ConverseFormat, nullable=True),
        _in("status", enums.OutreachStatus),
        _in("scope", enums.Scope),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint(
            "converse_minutes IS NULL OR converse_minutes > 0", name="converse_minutes"
        ),
        CheckConstraint("every_days IS NULL OR every_days > 0", name="every_days"),
        CheckConstraint("follow_up_days IS NULL OR follow_up_days > 0", name="follow_up_days"),
        Index("ix_outreach_status", "status", "sent_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    guide: Mapped[enums.Guide] = mapped_column(EnumText(enums.Guide))
    relationship: Mapped[enums.Relationship | None] = mapped_column(EnumText(enums.Relationship))
    why_them: Mapped[str] = mapped_column(Text, default="", server_default="")
    purpose: Mapped[str] = mapped_column(Text, default="", server_default="")
    ask: Mapped[str] = mapped_column(Text, default="", server_default="")
    converse_format: Mapped[enums.ConverseFormat | None] = mapped_column(
        EnumText(enums.ConverseFormat)
    )
    converse_minutes: Mapped[int | None] = mapped_column(Integer)
    every_days: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(Text, default="", server_default="")
    message: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[enums.OutreachStatus] = mapped_column(EnumText(enums.OutreachStatus))
    idea_on: Mapped[date] = mapped_column(Date)
    drafted_on: Mapped[date | None] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    replied_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    follow_up_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("mentor.id", ondelete="SET NULL"))
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("coach.id", ondelete="SET NULL"))
    serves_id: Mapped[int | None] = mapped_column(ForeignKey("aim.id", ondelete="SET NULL"))
    scope: Mapped[enums.Scope] = mapped_column(EnumText(enums.Scope))
    checksum: Mapped[str] = mapped_column(String(16), default="", server_default="")
