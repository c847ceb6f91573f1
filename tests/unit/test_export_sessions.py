"""``devjournal export sessions --format ics``: a calendar any app can read."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from devjournal.domain.enums import Scope, SessionStatus, SprintKind
from devjournal.domain.models import SessionDraft, SprintDraft
from devjournal.domain.sharing import Sharing
from devjournal.domain.text import for_file
from devjournal.domain.wording import markdown_lines
from devjournal.exporting.ics import sessions_calendar
from devjournal.services.container import Services, build_services
from devjournal.storage.database import open_journal
from tests.clocks import run, stopped


def make_journal(home: Path) -> dict[str, int]:
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        c = build_services(db, home / "backups").coaching
        sprint = c.create_sprint(
            SprintDraft(
                title="Review faster",
                kind=SprintKind.PERFORMANCE,
                coach_name="Ines",
                start_date=date(2030, 1, 1),
                end_date=date(2030, 3, 31),
            )
        ).value
        planned = c.add_session(
            SessionDraft(
                sprint_id=sprint.id,
                starts_at=datetime(2030, 1, 15, 9, 30, tzinfo=UTC),
                duration_min=45,
                agenda="- Review commitments\n- *Promotion* case",
            )
        ).value
        cancelled = c.add_session(
            SessionDraft(
                sprint_id=sprint.id,
                starts_at=datetime(2030, 1, 29, 9, 30, tzinfo=UTC),
                status=SessionStatus.CANCELLED,
            )
        ).value
        private = c.add_session(
            SessionDraft(
                sprint_id=sprint.id,
                starts_at=datetime(2030, 2, 12, 9, 30, tzinfo=UTC),
                agenda="- Something only for me",
                scope=Scope.PRIVATE,
            )
        ).value
        return {"planned": planned.id, "cancelled": cancelled.id, "private": private.id}
    finally:
        db.close()


def test_sessions_export_as_a_calendar_with_the_right_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    make_journal(home)
    target = tmp_path / "out" / "sessions.ics"
    target.parent.mkdir()
    code = run(["--home", str(home), "export", "sessions", "--format", "ics", "-o", str(target)])
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Wrote 3 sessions of 1 sprints to {target}."
    cal = Calendar.from_ical(target.read_bytes())
    events = sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart") for e in events] == [
        datetime(2030, 1, 15, 9, 30, tzinfo=UTC),
        datetime(2030, 1, 29, 9, 30, tzinfo=UTC),
        datetime(2030, 2, 12, 9, 30, tzinfo=UTC),
    ]
    first, cancelled, private = events
    assert first.decoded("dtend") - first.decoded("dtstart") == timedelta(minutes=45)
    assert str(first["summary"]) == "Coaching: Review faster (with Ines)"
    assert str(first["description"]) == "Agenda:\n- Review commitments\n- Promotion case"
    assert str(first["status"]) == "CONFIRMED" and str(cancelled["status"]) == "CANCELLED"
    [alarm] = first.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(days=1)
    assert "description" not in private  # a private session's agenda stays private
    assert len({str(e["uid"]) for e in events}) == 3
    assert all(int(e["sequence"]) >= 0 and "last-modified" in e for e in events)
    # A second export gives every session the same UID: calendars update, not double.
    again = tmp_path / "again.ics"
    run(["--home", str(home), "export", "sessions", "-o", str(again)])
    assert [str(e["uid"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")] == [
        str(e["uid"]) for e in cal.walk("VEVENT")
    ]


def test_export_errors_are_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--home", str(tmp_path / "none"), "export", "sessions", "-o", "x.ics"]) == 1
    assert "There is no journal" in capsys.readouterr().err
    home = tmp_path / "home"
    home.mkdir()
    make_journal(home)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert run(["--home", str(home), "export", "sessions", "-o", str(blocked / "x.ics")]) == 1
    assert "Cannot write" in capsys.readouterr().err
    for missing in ("99", "0"):
        code = run(["--home", str(home), "export", "sessions", "--sprint", missing, "-o", "x.ics"])
        assert code == 1
        assert f"There is no sprint with id {missing}." in capsys.readouterr().err


# RFC 5545: "CONTROL = %x00-08 / %x0A-1F / %x7F", none of which may be in a value.
FORBIDDEN = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=30
).filter(lambda t: t.strip() != "")
HOSTILE = "Bell\x07 \x1b[2J\x0b\x0cvt\rline\x85 \u202eend"


def _calendar_of(services: Services, title: str, coach: str, agenda: str) -> bytes:
    c = services.coaching
    sprint = c.create_sprint(
        SprintDraft(
            title=title,
            kind=SprintKind.SKILLS,
            coach_name=coach,
            start_date=date(2030, 1, 1),
            end_date=date(2030, 3, 31),
        )
    ).value
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id, starts_at=datetime(2030, 1, 15, 9, 30, tzinfo=UTC), agenda=agenda
        )
    )
    now = datetime(2029, 12, 1, tzinfo=UTC)
    return sessions_calendar(c.sessions_by_sprint(sprint.id), now, Sharing(include_private=True))


def _values(data: bytes) -> list[bytes]:
    """The calendar's lines, unfolded, without their CRLF."""
    return data.replace(b"\r\n ", b"").split(b"\r\n")


def test_control_characters_never_reach_the_calendar(services: Services) -> None:
    agenda = f"- {HOSTILE}\n- second"
    data = _calendar_of(services, HOSTILE, HOSTILE, agenda)
    assert [line for line in _values(data) if FORBIDDEN.search(line)] == []
    [event] = Calendar.from_ical(data).walk("VEVENT")
    summary = f"Coaching: {for_file(HOSTILE)} (with {for_file(HOSTILE)})"
    assert str(event["summary"]) == summary
    lines = markdown_lines(agenda)
    assert str(event["description"]) == for_file("Agenda:\n- " + "\n- ".join(lines))
    assert "Bell   [2J" in str(event["description"])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=TEXT, coach=TEXT, item=TEXT)
def test_fuzzed_text_makes_a_valid_calendar_that_reads_back(
    services: Services, title: str, coach: str, item: str
) -> None:
    data = _calendar_of(services, title, coach, f"- {item}")
    data.decode("utf-8")
    assert [line for line in _values(data) if FORBIDDEN.search(line)] == []
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded
    [event] = Calendar.from_ical(data).walk("VEVENT")

    def read_back(text: str) -> str:  # (icalendar writes a typed "\N" as a line break)
        return for_file(text).replace("\\N", "\n")

    # a sprint's coach is a person's name: saved without the spaces around it
    with_coach = f" (with {coach.strip()})" if coach.strip() else ""
    assert str(event["summary"]) == read_back(f"Coaching: {title}{with_coach}")
    agenda = markdown_lines(f"- {item}")
    if agenda:
        assert str(event["description"]) == read_back("Agenda:\n- " + "\n- ".join(agenda))
