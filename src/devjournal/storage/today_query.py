"""The Today page's query, in plain SQL over the standard library's sqlite3.

Start-up shows Today before SQLAlchemy is imported (it costs more than Qt itself here), so
this query is written once against a DBAPI connection: the window passes a plain sqlite3
connection at start-up, and ``JournalService.today`` passes the engine's raw connection.
Every statement is answered from an index.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from devjournal.domain.enums import (
    AdviceStatus,
    ConverseFormat,
    EntryKind,
    Guide,
    OutreachStatus,
    Relationship,
    SprintKind,
)
from devjournal.domain.errors import DamagedJournalError, JournalError
from devjournal.domain.mentors import (
    EDITED_AFTER,
    TRYING_FOR_DAYS,
    ask_if_it_worked,
    touchpoint_due_on,
    trying_since,
)
from devjournal.domain.models import OutreachDraft
from devjournal.domain.outreach import converse_lines, follow_up_on
from devjournal.domain.overview import (
    ActiveSprint,
    DueAction,
    DueCheckin,
    DueFollowUp,
    DueTouchpoint,
    RecentEntry,
    ReminderFacts,
    TodayOverview,
    TriedAdvice,
    UnweighedFeedback,
    UpcomingSession,
    sprint_standing,
)
from devjournal.domain.pace import checkin_due
from devjournal.storage.journal_file import damage_reason, read_uri
from devjournal.storage.stored_time import stored

LATEST_ENTRIES = 5
DUE_ACTIONS = 5
DUE_SOON_DAYS = 7
TRIED_ADVICE = 3
"""At most this many pieces of advice are asked about at once (the count says the rest)."""


def _aware(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def connect(path: Path) -> sqlite3.Connection:
    """A connection for reading Today at start-up (the file is known to be a journal); it
    creates nothing beside a read-only journal (``journal_file.read_uri``)."""
    conn = sqlite3.connect(read_uri(path), uri=True, check_same_thread=True)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def read_today(conn: sqlite3.Connection, today: date, now: datetime) -> TodayOverview:
    """Where the user stands on ``today`` (``now`` decides which session is next).

    Raises:
        JournalError: the journal cannot be read (damaged); nothing was written.
    """
    try:
        return _read_today(conn, today, now)
    except sqlite3.DatabaseError as exc:
        reason = damage_reason(exc)
        if reason is None:  # locked, I/O, permissions: not the file's fault
            raise JournalError(f"The journal could not be read: {exc}.") from exc
        raise DamagedJournalError(damaged_message(exc), reason) from exc


def damaged_message(exc: BaseException) -> str:
    """What to tell the user when SQLite cannot read the journal."""
    return (
        f"The journal could not be read ({exc}). It may be damaged; devjournal did not "
        "change it. Keep a copy of the file before trying anything else."
    )


def _read_today(conn: sqlite3.Connection, today: date, now: datetime) -> TodayOverview:
    day = today.isoformat()
    (empty,) = conn.execute(
        "SELECT NOT EXISTS (SELECT 1 FROM sprint) AND NOT EXISTS (SELECT 1 FROM mentor) "
        "AND NOT EXISTS (SELECT 1 FROM log_entry) AND NOT EXISTS (SELECT 1 FROM outreach)"
    ).fetchone()
    if empty:
        return TodayOverview(today=today, is_empty=True)

    sprints = tuple(
        sprint_standing(
            ActiveSprint(
                id=row[0],
                title=row[1],
                kind=SprintKind(row[2]),
                coach_name=row[3],
                focus=row[4],
                start_date=date.fromisoformat(row[5]),
                end_date=date.fromisoformat(row[6]),
                goal_count=row[7],
            ),
            today,
        )
        for row in conn.execute(
            "SELECT s.id, s.title, s.kind, s.coach_name, s.focus, s.start_date, s.end_date, "
            "(SELECT count(*) FROM goal g WHERE g.sprint_id = s.id AND g.deleted_at IS NULL) "
            "FROM sprint s WHERE s.deleted_at IS NULL AND s.closed_state IS NULL "
            "AND s.start_date <= ? AND s.end_date >= ? ORDER BY s.start_date, s.id",
            (day, day),
        )
    )

    live_actions = (
        "FROM action_item a JOIN sprint s ON s.id = a.sprint_id "
        "WHERE a.status = 'open' AND a.deleted_at IS NULL AND s.deleted_at IS NULL "
        "AND s.closed_state IS NULL"
    )
    open_count, overdue_count = conn.execute(
        f"SELECT count(*), coalesce(sum(a.due_date < ?), 0) {live_actions}", (day,)
    ).fetchone()
    due_by = (today + timedelta(days=DUE_SOON_DAYS)).isoformat()
    due = tuple(
        DueAction(id=r[0], sprint_id=r[1], title=r[2], due_date=date.fromisoformat(r[3]))
        for r in conn.execute(
            f"SELECT a.id, a.sprint_id, a.title, a.due_date {live_actions} "
            "AND a.due_date <= ? ORDER BY a.due_date, a.id LIMIT ?",
            (due_by, DUE_ACTIONS),
        )
    )

    # A session that started within the hour still counts as "next": it may be running.
    row = conn.execute(
        "SELECT c.id, c.sprint_id, s.title, c.starts_at, c.duration_min, c.agenda "
        "FROM coaching_session c JOIN sprint s ON s.id = c.sprint_id "
        "WHERE c.status = 'planned' AND c.deleted_at IS NULL AND s.deleted_at IS NULL "
        "AND s.closed_state IS NULL AND c.starts_at >= ? ORDER BY c.starts_at, c.id LIMIT 1",
        (stored(now - timedelta(hours=1)),),
    ).fetchone()
    session = (
        UpcomingSession(
            id=row[0],
            sprint_id=row[1],
            sprint_title=row[2],
            starts_at=_aware(row[3]),
            duration_min=row[4],
            agenda=row[5],
        )
        if row
        else None
    )

    due_checkins = tuple(
        DueCheckin(
            goal_id=r[0],
            sprint_id=r[1],
            title=r[2],
            last_on=date.fromisoformat(r[5]) if r[5] else None,
        )
        for r in conn.execute(
            "SELECT g.id, g.sprint_id, g.title, g.checkin_every_days, s.start_date, "
            "(SELECT max(c.on_date) FROM checkin c WHERE c.goal_id = g.id "
            "AND c.deleted_at IS NULL) "
            "FROM goal g JOIN sprint s ON s.id = g.sprint_id "
            "WHERE g.deleted_at IS NULL AND s.deleted_at IS NULL AND s.closed_state IS NULL "
            "AND g.status IN ('draft', 'active') AND g.metric_kind != 'milestones' "
            "AND s.start_date <= ? AND coalesce(g.deadline, s.end_date) >= ? "
            "ORDER BY s.start_date, g.sprint_id, g.position, g.id",
            (day, day),
        )
        if checkin_due(
            date.fromisoformat(r[5]) if r[5] else None, date.fromisoformat(r[4]), r[3], today
        )
    )

    entries = tuple(
        RecentEntry(
            id=r[0], kind=EntryKind(r[1]), occurred_at=_aware(r[2]), title=r[3], mentor_name=r[4]
        )
        for r in conn.execute(
            "SELECT e.id, e.kind, e.occurred_at, e.title, coalesce(m.name, '') FROM log_entry e "
            "LEFT JOIN mentor m ON m.id = e.mentor_id AND m.deleted_at IS NULL "
            "WHERE e.deleted_at IS NULL ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?",
            (LATEST_ENTRIES,),
        )
    )
    (entry_count,) = conn.execute(
        "SELECT count(*) FROM log_entry WHERE deleted_at IS NULL"
    ).fetchone()
    advice, advice_count = tried_advice(conn, now)
    unweighed, unweighed_count = unweighed_feedback(conn)
    return TodayOverview(
        today=today,
        is_empty=False,
        active_sprints=sprints,
        open_actions=open_count,
        overdue_actions=overdue_count,
        due_actions=due,
        next_session=session,
        due_checkins=due_checkins,
        latest_entries=entries,
        log_entry_count=entry_count,
        touchpoints=due_touchpoints(conn, today),
        follow_ups=due_follow_ups(conn, today),
        unweighed=unweighed,
        unweighed_count=unweighed_count,
        tried_advice=advice,
        tried_advice_count=advice_count,
    )


def due_touchpoints(conn: sqlite3.Connection, today: date) -> tuple[DueTouchpoint, ...]:
    """The mentors a touchpoint is due with on ``today``, the longest due first (the rule
    is ``domain/mentors.touchpoint_due_on``; the query only leaves out the mentors it
    could never hold for). Each mentor's last contact is one step back along
    ``ix_log_entry_mentor`` to their newest live entry."""
    due = []
    for r in conn.execute(
        "SELECT m.id, m.name, m.relationship, m.contact_every_days, m.started_on, "
        "m.ended_on, (SELECT e.occurred_at FROM log_entry e WHERE e.mentor_id = m.id "
        "AND e.deleted_at IS NULL ORDER BY e.occurred_at DESC LIMIT 1), "
        "m.converse_format, m.converse_minutes, m.channel, m.topics, m.boundaries "
        "FROM mentor m WHERE m.deleted_at IS NULL AND m.contact_every_days > 0",
    ):
        last = _aware(r[6]) if r[6] else None
        due_on = touchpoint_due_on(
            relationship=Relationship(r[2]),
            contact_every_days=r[3],
            started_on=date.fromisoformat(r[4]) if r[4] else None,
            ended_on=date.fromisoformat(r[5]) if r[5] else None,
            last_contact=last,
            today=today,
        )
        if due_on is not None and due_on <= today:
            converse = converse_lines(
                ConverseFormat(r[7]) if r[7] else None,
                r[8],
                r[3],
                r[9],
                topics=r[10],
                boundaries=r[11],
            )
            due.append(
                DueTouchpoint(
                    mentor_id=r[0],
                    name=r[1],
                    last_contact=last,
                    due_on=due_on,
                    converse=tuple(converse),
                )
            )
    return tuple(sorted(due, key=lambda d: (d.due_on, d.name.casefold(), d.mentor_id)))


UNWEIGHED_SHOWN = 3

_UNWEIGHED = (
    "FROM log_entry e INDEXED BY ix_log_entry_feedback "
    "LEFT JOIN feedback f ON f.entry_id = e.id "
    "WHERE e.kind = 'feedback' AND e.deleted_at IS NULL "
    "AND (f.impact IS NULL OR f.heard IS NULL)"
)
"""Live feedback without a priority (``feedback_query.RANK_SQL``'s 0), along the partial
index of live feedback: never the entries' bodies."""


def unweighed_feedback(
    conn: sqlite3.Connection,
) -> tuple[tuple[UnweighedFeedback, ...], int]:
    """The newest few pieces of feedback not weighed yet, and how many there are."""
    newest = tuple(
        UnweighedFeedback(r[0], r[1], _aware(r[2]))
        for r in conn.execute(
            f"SELECT e.id, e.title, e.occurred_at {_UNWEIGHED} "
            "ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?",
            (UNWEIGHED_SHOWN,),
        )
    )
    (count,) = conn.execute(f"SELECT count(*) {_UNWEIGHED}").fetchone()
    return newest, int(count)


def due_follow_ups(conn: sqlite3.Connection, today: date) -> tuple[DueFollowUp, ...]:
    """The outreach whose follow-up is due on ``today``, the longest due first (the rule is
    ``domain/outreach.follow_up_on``); along ``ix_outreach_status``."""
    due = []
    for r in conn.execute(
        "SELECT id, name, guide, sent_on, follow_up_days, idea_on FROM outreach "
        "WHERE status = ? AND deleted_at IS NULL AND sent_on IS NOT NULL",
        (OutreachStatus.SENT.value,),
    ):
        sent_on = date.fromisoformat(r[3])
        draft = OutreachDraft(
            name=r[1],
            status=OutreachStatus.SENT,
            idea_on=date.fromisoformat(r[5]),
            sent_on=sent_on,
            follow_up_days=r[4],
        )
        due_on = follow_up_on(draft)
        if due_on is not None and due_on <= today:
            due.append(DueFollowUp(r[0], r[1], Guide(r[2]), sent_on, due_on))
    return tuple(sorted(due, key=lambda d: (d.due_on, d.outreach_id)))


TRYING_SINCE_SQL = (
    "CASE WHEN julianday(e.updated_at) - julianday(e.created_at) > "
    f"{EDITED_AFTER.total_seconds() / 86400!r} THEN e.updated_at ELSE e.occurred_at END"
)
"""``domain/mentors.trying_since`` in SQL, so the advice to ask about is chosen, counted and
ordered in one read (stored moments compare as text; a test holds the two to agree)."""


def tried_advice(
    conn: sqlite3.Connection, now: datetime, limit: int = TRIED_ADVICE
) -> tuple[tuple[TriedAdvice, ...], int]:
    """Advice marked "trying it" long enough to ask "did it work?" (the rule is
    ``domain/mentors.ask_if_it_worked``): the ``limit`` tried longest, and how many in
    all. One read of the advice being tried, along ``ix_log_entry_trying``."""
    since_by = stored(now - timedelta(days=TRYING_FOR_DAYS))
    asked, total = [], 0
    for r in conn.execute(
        f"SELECT e.id, e.title, coalesce(m.name, ''), e.occurred_at, e.created_at, "
        f"e.updated_at, count(*) OVER () FROM log_entry e "
        "LEFT JOIN mentor m ON m.id = e.mentor_id AND m.deleted_at IS NULL "
        # The status as a literal, so the planner takes the partial ix_log_entry_trying.
        f"WHERE e.advice_status = '{AdviceStatus.TRYING.value}' AND e.deleted_at IS NULL "
        f"AND {TRYING_SINCE_SQL} < ? ORDER BY {TRYING_SINCE_SQL}, e.id LIMIT ?",
        (since_by, limit),
    ):
        total = r[6]
        occurred, created, updated = _aware(r[3]), _aware(r[4]), _aware(r[5])
        if ask_if_it_worked(AdviceStatus.TRYING, occurred, created, updated, now):
            since = trying_since(occurred, created, updated)
            asked.append(TriedAdvice(id=r[0], title=r[1], mentor_name=r[2], since=since))
    return tuple(asked), total


def read_reminders(conn: sqlite3.Connection, today: date, now: datetime) -> ReminderFacts:
    """Tomorrow's planned sessions and every overdue action item of open sprints."""
    tomorrow_start = datetime.combine(today + timedelta(days=1), datetime.min.time()).astimezone()
    tomorrow_end = tomorrow_start + timedelta(days=1)
    sessions = tuple(
        UpcomingSession(
            id=r[0],
            sprint_id=r[1],
            sprint_title=r[2],
            starts_at=_aware(r[3]),
            duration_min=r[4],
            agenda=r[5],
        )
        for r in conn.execute(
            "SELECT c.id, c.sprint_id, s.title, c.starts_at, c.duration_min, c.agenda "
            "FROM coaching_session c JOIN sprint s ON s.id = c.sprint_id "
            "WHERE c.status = 'planned' AND c.deleted_at IS NULL AND s.deleted_at IS NULL "
            "AND s.closed_state IS NULL AND c.starts_at >= ? AND c.starts_at < ? "
            "ORDER BY c.starts_at, c.id",
            (stored(max(tomorrow_start, now)), stored(tomorrow_end)),
        )
    )
    overdue = tuple(
        DueAction(id=r[0], sprint_id=r[1], title=r[2], due_date=date.fromisoformat(r[3]))
        for r in conn.execute(
            "SELECT a.id, a.sprint_id, a.title, a.due_date FROM action_item a "
            "JOIN sprint s ON s.id = a.sprint_id "
            "WHERE a.status = 'open' AND a.deleted_at IS NULL AND s.deleted_at IS NULL "
            "AND s.closed_state IS NULL AND a.due_date < ? ORDER BY a.due_date, a.id",
            (today.isoformat(),),
        )
    )
    return ReminderFacts(sessions_tomorrow=sessions, overdue=overdue)
