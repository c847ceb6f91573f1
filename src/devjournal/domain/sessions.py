"""Coaching sessions and the accountability ledger: planning by cadence, carrying open
commitments forward, slips and follow-through. Pure functions over domain values."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from devjournal.domain.enums import ActionStatus, SessionStatus
from devjournal.domain.models import ActionItem, CoachingSession, SprintDraft

REVIEW_HEADING = "Review commitments"
"""The agenda section that lists open commitments from earlier sessions."""
MONTHLY = 0
"""A cadence of "every month, on the same day" (clamped to the month's last day)."""


def session_days(start: date, end: date, every_days: int) -> list[date]:
    """Session days from ``start`` to ``end`` (both included): every ``every_days`` days,
    or monthly on ``start``'s day of the month when ``every_days`` is :data:`MONTHLY`
    (the 31st falls on the 30th, or the 28th/29th in February)."""
    if end < start:
        return []
    if every_days == MONTHLY:
        days: list[date] = []
        n = 0
        while True:
            month = start.month - 1 + n
            year, month = start.year + month // 12, month % 12 + 1
            last = calendar.monthrange(year, month)[1]
            day = date(year, month, min(start.day, last))
            if day > end:
                return days
            days.append(day)
            n += 1
    if every_days < 1:
        raise ValueError("every_days must be positive, or MONTHLY")
    count = (end - start).days // every_days + 1
    return [start + timedelta(days=every_days * i) for i in range(count)]


def plannable_days(
    sprint: SprintDraft, every_days: int, taken: set[date], today: date
) -> list[date]:
    """The days a plan adds sessions on: the sprint's cadence from its start, from today
    on (the past is not planned), leaving out days that already have a session."""
    return [
        d
        for d in session_days(sprint.start_date, sprint.end_date, every_days)
        if d >= today and d not in taken
    ]


def session_times(days: Iterable[date], at: time, zone: tzinfo | None = None) -> list[datetime]:
    """Each day at the same wall-clock time in ``zone`` (this computer's local time when
    None, with its daylight-saving rules for each date, which a fixed offset would get
    wrong): a session at 10:00 stays at 10:00 when the clocks change."""
    if zone is None:
        return [datetime.combine(day, at).astimezone() for day in days]
    return [datetime.combine(day, at, tzinfo=zone) for day in days]


def agenda_items(agenda: str) -> list[str]:
    """The agenda's items, one a line, list markers removed; the review section's heading
    and its items included as they are."""
    items = []
    for raw in agenda.splitlines():
        line = raw.strip()
        for marker in ("- [ ] ", "- [x] ", "- ", "* ", "+ "):
            if line.startswith(marker):
                line = line[len(marker) :]
                break
        if line:
            items.append(line)
    return items


def review_line(action: ActionItem, session_day: date) -> str:
    """How an open commitment reads on a session's agenda."""
    text = action.title
    if action.due_date is not None:
        if action.due_date < session_day:
            late = (session_day - action.due_date).days
            text += f" (due {_day(action.due_date)}, {late} day{'s' if late != 1 else ''} late)"
        else:
            text += f" (due {_day(action.due_date)})"
    return text


def with_review(agenda: str, lines: Sequence[str]) -> str:
    """``agenda`` with its "Review commitments" section replaced by ``lines`` (or removed
    when there are none). The section comes first; the user's own items follow as typed."""
    own = []
    skipping = False
    for raw in agenda.splitlines():
        stripped = raw.strip()
        if stripped.rstrip(":") == REVIEW_HEADING:
            skipping = True  # the section runs to the first blank line, as written below
            continue
        if skipping:
            if stripped:
                continue
            skipping = False
            continue
        own.append(raw)
    while own and not own[0].strip():
        own.pop(0)
    section = [f"{REVIEW_HEADING}:", *(f"- [ ] {line}" for line in lines)] if lines else []
    if section and own:
        section.append("")
    return "\n".join(section + own)


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}"


@dataclass(frozen=True)
class Review:
    """An open action item that came up for review in a session."""

    session_id: int
    action_id: int


def slips(
    action: ActionItem,
    reviews: Iterable[Review],
    sessions: dict[int, CoachingSession],
    now: datetime,
) -> int:
    """How many sessions ``action`` came up in still open after its due date.

    A review counts only once its session has happened (held, or started and not
    cancelled) after the due date, and only if the item was not done by that day: an agenda
    prepared the day before is a plan, not a slip.
    """
    if action.due_date is None:
        return 0
    count = 0
    for r in reviews:
        session = sessions.get(r.session_id)
        if r.action_id != action.id or session is None:
            continue
        if session.status is SessionStatus.CANCELLED:
            continue
        if session.status is not SessionStatus.HELD and session.starts_at > now:
            continue
        day = session.starts_at.astimezone().date()
        if day <= action.due_date:
            continue
        if action.done_on is not None and action.done_on <= day:
            continue
        count += 1
    return count


def done_on_time(action: ActionItem) -> bool:
    """Done by its due date (or done, with no due date)."""
    return (
        action.status is ActionStatus.DONE
        and action.done_on is not None
        and (action.due_date is None or action.done_on <= action.due_date)
    )


@dataclass(frozen=True)
class FollowThrough:
    """Commitments and what became of them."""

    committed: int = 0
    done_on_time: int = 0
    slipped: int = 0
    """Done late, still open past the due date, or brought up again after it."""
    open: int = 0
    dropped: int = 0

    def __str__(self) -> str:
        if not self.committed:
            return "No commitments"
        parts = [f"{self.committed} committed", f"{self.done_on_time} done on time"]
        if self.slipped:
            parts.append(f"{self.slipped} slipped")
        if self.open:
            parts.append(f"{self.open} open")
        if self.dropped:
            parts.append(f"{self.dropped} dropped")
        return ", ".join(parts)


def follow_through(
    actions: Iterable[ActionItem], slip_counts: dict[int, int], today: date
) -> FollowThrough:
    """Count ``actions`` by what became of them (each in one bucket but "slipped", which
    also counts a slipped item that is open or done)."""
    committed = on_time = slipped = still_open = dropped = 0
    for a in actions:
        committed += 1
        late = (
            slip_counts.get(a.id, 0) > 0
            or a.is_overdue(today)
            or (a.status is ActionStatus.DONE and not done_on_time(a))
        )
        slipped += late
        if a.status is ActionStatus.DROPPED:
            dropped += 1
        elif a.status is ActionStatus.OPEN:
            still_open += 1
        elif done_on_time(a):
            on_time += 1
    return FollowThrough(committed, on_time, slipped, still_open, dropped)


def carried_into(
    session: CoachingSession, sessions: Sequence[CoachingSession], actions: Iterable[ActionItem]
) -> list[ActionItem]:
    """Open commitments from before ``session``: made in an earlier session, or outside
    any (still) existing session before it started. This is what it should review."""
    live = {s.id for s in sessions}
    earlier = {s.id for s in sessions if s.starts_at < session.starts_at and s.id != session.id}

    def before(a: ActionItem) -> bool:
        if a.session_id in earlier:
            return True
        return (a.session_id is None or a.session_id not in live) and (
            a.created_at < session.starts_at
        )

    return sorted(
        (a for a in actions if a.status is ActionStatus.OPEN and before(a)),
        key=lambda a: (a.due_date or date.max, a.id),
    )


@dataclass(frozen=True)
class ActionLine:
    """An action item as the ledger shows it."""

    action: ActionItem
    slips: int
    overdue: bool


@dataclass(frozen=True)
class SessionLine:
    """A session with the commitments made in it and what became of them."""

    session: CoachingSession
    committed: tuple[ActionLine, ...]
    follow: FollowThrough
    reviewed: tuple[int, ...]
    """Action ids that came up for review in this session."""


@dataclass(frozen=True)
class SessionsView:
    """A sprint's sessions and its accountability ledger."""

    sessions: tuple[SessionLine, ...]
    actions: tuple[ActionLine, ...]
    total: FollowThrough
    next_planned: CoachingSession | None


def sessions_view(
    sessions: Sequence[CoachingSession],
    actions: Sequence[ActionItem],
    reviews: Sequence[Review],
    now: datetime,
) -> SessionsView:
    """Put a sprint's sessions, actions and reviews together as of ``now``."""
    today = now.astimezone().date()
    by_id = {s.id: s for s in sessions}
    counts = {a.id: slips(a, reviews, by_id, now) for a in actions}
    lines = {a.id: ActionLine(a, counts[a.id], a.is_overdue(today)) for a in actions}
    by_session: dict[int, list[ActionItem]] = {s.id: [] for s in sessions}
    for a in actions:
        if a.session_id in by_session:
            by_session[a.session_id].append(a)
    reviewed: dict[int, list[int]] = {s.id: [] for s in sessions}
    for r in reviews:
        if r.session_id in reviewed:
            reviewed[r.session_id].append(r.action_id)
    return SessionsView(
        sessions=tuple(
            SessionLine(
                s,
                tuple(lines[a.id] for a in by_session[s.id]),
                follow_through(by_session[s.id], counts, today),
                tuple(reviewed[s.id]),
            )
            for s in sessions
        ),
        actions=tuple(lines[a.id] for a in actions),
        total=follow_through(actions, counts, today),
        next_planned=next_planned(sessions, now),
    )


def next_planned(sessions: Iterable[CoachingSession], now: datetime) -> CoachingSession | None:
    """The next planned session (one that began in the last hour still counts)."""
    upcoming = [
        s
        for s in sessions
        if s.status is SessionStatus.PLANNED and s.starts_at >= now - timedelta(hours=1)
    ]
    return min(upcoming, key=lambda s: s.starts_at) if upcoming else None
