"""``devjournal mentors``: every mentor, when you were last in touch and when the next
touchpoint is due, in columns or as JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from devjournal.domain import outreach as reach
from devjournal.domain.enums import EntryKind, Guide, OutreachStatus, Relationship
from devjournal.domain.models import LogEntryDraft, MentorDraft, OutreachDraft
from devjournal.services.container import build_services
from devjournal.storage.database import open_journal
from tests.clocks import NOW, run, stopped
from tests.unit.test_terminal_output import HOSTILE, unsafe


def mentors_journal(home: Path) -> None:
    """Five mentors: one due, one due in 6 days, one from afar, one ended, and one whose
    name would fake a row and drive the terminal (never in touch, so due)."""
    home.mkdir(parents=True, exist_ok=True)
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        ms = build_services(db, home / "backups").mentorship

        def mentor(name: str, relationship: Relationship, **fields: object) -> int:
            draft = MentorDraft(name=name, relationship=relationship, **fields)  # type: ignore[arg-type]
            return ms.add_mentor(draft).value.id

        def talk(mentor_id: int, days: int) -> None:
            ms.add_entry(
                LogEntryDraft(
                    kind=EntryKind.CONVERSATION,
                    occurred_at=NOW - timedelta(days=days),
                    title="Talked",
                    mentor_id=mentor_id,
                )
            )

        talk(mentor("Ada", Relationship.TRADITIONAL, contact_every_days=30), 42)
        talk(mentor("Ended", Relationship.PEER, ended_on=date(2025, 3, 1)), 700)
        talk(mentor("Bo", Relationship.PEER, contact_every_days=14), 9)
        mentor(HOSTILE, Relationship.REVERSE, contact_every_days=7)
        talk(mentor("Cy", Relationship.FROM_AFAR, contact_every_days=7), 1)
    finally:
        db.close()


def test_mentors_in_aligned_columns_current_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mentors_journal(tmp_path)
    assert run(["--home", str(tmp_path), "mentors"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    assert out.splitlines() == [
        "1  Traditional  in touch 6 weeks ago    due now           Ada",
        "3  Peer         in touch 9 days ago     due in 6 days     Bo",
        "5  From afar    in touch yesterday      —                 Cy",
        "4  Reverse      never in touch          due now           "
        "Evil 99  2099-01-01 → 2099-02-01  active  [31mred   2J abc ",
        "2  Peer         in touch 23 months ago  ended 2025-03-01  Ended",
    ]


def test_mentors_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mentors_journal(tmp_path)
    assert run(["--home", str(tmp_path), "mentors", "--json"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    listed = json.loads(out)
    assert listed["outreach"] == []
    rows = listed["mentors"]
    assert [row["name"] for row in rows] == ["Ada", "Bo", "Cy", HOSTILE, "Ended"]
    assert {tuple(row) for row in rows} == {
        (
            "id",
            "name",
            "relationship",
            "started_on",
            "ended_on",
            "last_contact",
            "touchpoint_due_on",
            "due",
        )
    }
    ada, bo, cy, hostile, ended = rows
    assert ada == {
        "id": 1,
        "name": "Ada",
        "relationship": "traditional",
        "started_on": None,
        "ended_on": None,
        "last_contact": (NOW - timedelta(days=42)).isoformat(),
        "touchpoint_due_on": "2026-11-07",
        "due": True,
    }
    assert (bo["touchpoint_due_on"], bo["due"]) == ("2026-11-24", False)
    assert (cy["relationship"], cy["touchpoint_due_on"], cy["due"]) == ("from_afar", None, False)
    assert (hostile["last_contact"], hostile["touchpoint_due_on"], hostile["due"]) == (
        None,
        "2026-11-18",
        True,
    )
    assert (ended["ended_on"], ended["touchpoint_due_on"], ended["due"]) == (
        "2025-03-01",
        None,
        False,
    )


def test_no_mentors_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_journal(tmp_path / "journal.sqlite", tmp_path / "backups", stopped()).close()
    assert run(["--home", str(tmp_path), "mentors"]) == 0
    assert capsys.readouterr().out == "No mentors yet.\n"
    assert run(["--home", str(tmp_path), "mentors", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"mentors": [], "outreach": []}


def test_mentors_needs_a_journal_and_makes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--home", str(tmp_path), "mentors"]) == 1
    assert "There is no journal" in capsys.readouterr().err
    assert not (tmp_path / "journal.sqlite").exists()


def prospects_journal(home: Path) -> None:
    """One mentor, and outreach in four statuses: sent 12 days ago with a follow-up after
    7 days (due), sent yesterday (follow up in 6 days), an idea, and a declined one."""
    home.mkdir(parents=True, exist_ok=True)
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        services = build_services(db, home / "backups")
        services.mentorship.add_mentor(MentorDraft(name="Ada", relationship=Relationship.PEER))
        people = services.people
        today = NOW.date()
        for name, status, day, guide in (
            ("Grace", OutreachStatus.SENT, today - timedelta(days=12), Guide.MENTOR),
            ("Linus", OutreachStatus.SENT, today - timedelta(days=1), Guide.COACH),
            ("Barbara", OutreachStatus.IDEA, today - timedelta(days=3), Guide.MENTOR),
            ("Ken", OutreachStatus.DECLINED, today - timedelta(days=2), Guide.MENTOR),
        ):
            draft = OutreachDraft(
                name=name, guide=guide, purpose="Learn the ropes", idea_on=today - timedelta(20)
            )
            people.add_outreach(reach.dated(reach.with_status(draft, status, day), status, day))
    finally:
        db.close()


def test_mentors_lists_the_prospects_what_to_follow_up_on_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prospects_journal(tmp_path)
    assert run(["--home", str(tmp_path), "mentors"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1  Peer  never in touch  —  Ada",
        "",
        "Prospects:",
        "1  Mentor  Sent  2026-11-06  follow up now         Grace",
        "3  Mentor  Idea  2026-11-15  —                     Barbara",
        "2  Coach   Sent  2026-11-17  follow up 2026-11-24  Linus",
    ]


def test_mentors_as_json_with_prospects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prospects_journal(tmp_path)
    assert run(["--home", str(tmp_path), "mentors", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [m["name"] for m in listed["mentors"]] == ["Ada"]
    grace, barbara, linus = listed["outreach"]
    assert grace == {
        "id": 1,
        "name": "Grace",
        "guide": "mentor",
        "status": "sent",
        "status_on": "2026-11-06",
        "purpose": "Learn the ropes",
        "follow_up_on": "2026-11-13",
        "follow_up_due": True,
    }
    assert (barbara["status"], barbara["follow_up_on"], barbara["follow_up_due"]) == (
        "idea",
        None,
        False,
    )
    assert (linus["guide"], linus["follow_up_on"], linus["follow_up_due"]) == (
        "coach",
        "2026-11-24",
        False,
    )
