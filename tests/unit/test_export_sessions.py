"""``devjournal export sessions --format ics``: a calendar any app can read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from devjournal.domain.enums import Scope, SessionStatus, SprintKind
from devjournal.domain.models import SessionDraft, SprintDraft
from devjournal.services.container import build_services
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
