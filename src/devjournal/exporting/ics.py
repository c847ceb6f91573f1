"""Coaching sessions as an iCalendar file (RFC 5545), for any calendar app to remind you.

Built with the ``icalendar`` library. Each session is one event with a stable UID, so
importing a newer export updates the events instead of doubling them; a cancelled session
is exported as CANCELLED so calendars drop it. A private session exports its time only,
never its agenda.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from devjournal import __version__
from devjournal.domain.enums import Scope, SessionStatus
from devjournal.domain.models import CoachingSession, Sprint
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


def sessions_calendar(
    sprints: Sequence[tuple[Sprint, Sequence[CoachingSession]]], now: datetime
) -> bytes:
    """The sessions of ``sprints`` as an iCalendar file."""
    cal = Calendar()
    cal.add("prodid", f"-//devjournal {__version__}//coaching sessions//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Coaching sessions")
    for sprint, sessions in sprints:
        for session in sessions:
            cal.add_component(_event(sprint, session, now))
    return bytes(cal.to_ical())


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
    event.add("summary", title)
    event.add("status", _STATUS[session.status])
    event.add("categories", ["Coaching"])
    if session.scope is not Scope.PRIVATE:
        agenda = markdown_lines(session.agenda)
        if agenda:
            event.add("description", "Agenda:\n" + "\n".join(f"- {item}" for item in agenda))
    if session.status is SessionStatus.PLANNED and starts > now:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Coaching session tomorrow: {sprint.title}")
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
    return event
