"""Coaching sessions as an iCalendar file (RFC 5545), for any calendar app to remind you.

Built with the ``icalendar`` library. Each session is one event with a stable UID, so
importing a newer export updates the events instead of doubling them; a cancelled session
is exported as CANCELLED so calendars drop it. What may be shared is decided by
``domain.sharing``: a private session keeps its time (the calendar is there to remind you)
but never its agenda, unless private items are included. Text holds no control character
(RFC 5545 allows none but a tab: ``domain.text.for_file``); the library escapes and folds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from devjournal import __version__
from devjournal.domain.enums import SessionStatus
from devjournal.domain.models import CoachingSession, Sprint
from devjournal.domain.sharing import NOTHING_PRIVATE, Sharing
from devjournal.domain.text import for_file
from devjournal.domain.wording import markdown_lines

REMIND_BEFORE = timedelta(days=1)
_STATUS = {
    SessionStatus.PLANNED: "CONFIRMED",
    SessionStatus.HELD: "CONFIRMED",
    SessionStatus.CANCELLED: "CANCELLED",
}


def session_uid(session: CoachingSession) -> str:
    """The same for a session in every export (and different across journals)."""
    return f"devjournal-session-{session.id}-{session.created_at.astimezone(UTC):%Y%m%dT%H%M%S}"


@dataclass(frozen=True)
class SessionsCalendar:
    """The sessions a calendar holds, sprint by sprint, each agenda only where the privacy
    rule shares it (a private session keeps its time: the reminder is the point)."""

    sprints: tuple[tuple[Sprint, tuple[CoachingSession, ...]], ...]
    generated_at: datetime

    @property
    def count(self) -> int:
        """How many sessions."""
        return sum(len(sessions) for _, sessions in self.sprints)


def shared_calendar(
    sprints: Sequence[tuple[Sprint, Sequence[CoachingSession]]],
    now: datetime,
    sharing: Sharing = NOTHING_PRIVATE,
) -> SessionsCalendar:
    """The calendar of ``sprints`` with the agendas ``sharing`` does not share taken out."""
    rule = sharing.rule(sessions=[s for _, sessions in sprints for s in sessions])
    return SessionsCalendar(
        tuple(
            (
                sprint,
                tuple(s if rule.session(s.id) else _time_only(s) for s in sessions),
            )
            for sprint, sessions in sprints
        ),
        now,
    )


def _time_only(session: CoachingSession) -> CoachingSession:
    """A session the rule does not share: its time, none of what was written in it."""
    return replace(session, agenda="", notes="", insights="", questions=())


def calendar_ics(calendar: SessionsCalendar) -> bytes:
    """The calendar as an iCalendar file. Pure: it writes what it is given."""
    cal = Calendar()
    cal.add("prodid", f"-//devjournal {__version__}//coaching sessions//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Coaching sessions")
    for sprint, sessions in calendar.sprints:
        for session in sessions:
            cal.add_component(_event(sprint, session, calendar.generated_at))
    return bytes(cal.to_ical())


def sessions_calendar(
    sprints: Sequence[tuple[Sprint, Sequence[CoachingSession]]],
    now: datetime,
    sharing: Sharing = NOTHING_PRIVATE,
) -> bytes:
    """The sessions of ``sprints`` as an iCalendar file, agendas as ``sharing`` shares."""
    return calendar_ics(shared_calendar(sprints, now, sharing))


def _event(sprint: Sprint, session: CoachingSession, now: datetime) -> Event:
    event = Event()
    starts = session.starts_at.astimezone(UTC)
    event.add("uid", session_uid(session))
    event.add("dtstamp", now.astimezone(UTC))
    # Calendars apply an imported event over the one they have only when it is newer.
    event.add("last-modified", session.updated_at.astimezone(UTC))
    event.add(
        "sequence", max(0, int(session.updated_at.timestamp() - session.created_at.timestamp()))
    )
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=session.duration_min))
    title = f"Coaching: {sprint.title}"
    if sprint.coach_name:
        title += f" (with {sprint.coach_name})"
    event.add("summary", for_file(title))
    event.add("status", _STATUS[session.status])
    event.add("categories", ["Coaching"])
    agenda = markdown_lines(session.agenda)
    if agenda:
        text = "Agenda:\n" + "\n".join(f"- {item}" for item in agenda)
        event.add("description", for_file(text))
    if session.status is SessionStatus.PLANNED and starts > now:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", for_file(f"Coaching session tomorrow: {sprint.title}"))
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
    return event
