"""``devjournal feedback``: every piece of feedback in priority order, in columns or as
JSON, with what the user typed cleaned for the terminal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from devjournal.domain.enums import EntryKind, Heard, Impact
from devjournal.domain.models import FeedbackDetails, LogEntryDraft
from devjournal.services.container import build_services
from devjournal.storage.database import open_journal
from tests.clocks import NOW, run, stopped
from tests.unit.test_terminal_output import HOSTILE, unsafe


def feedback_journal(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        ms = build_services(db, home / "backups").mentorship

        def heard(days: int, title: str, details: FeedbackDetails | None, *tags: str) -> None:
            draft = LogEntryDraft(
                kind=EntryKind.FEEDBACK,
                occurred_at=NOW - timedelta(days=days),
                title=title,
                tags=tags,
            )
            ms.add_entry(draft, details)

        heard(3, "Low one", FeedbackDetails(impact=Impact.LOW, heard=Heard.FIRST))
        heard(
            5,
            "Ranges, not promises",
            FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN, given_by="My manager"),
            "estimation",
        )
        heard(9, HOSTILE, None)
        heard(20, "Done with it", FeedbackDetails(done="Fixed"), "code review")
    finally:
        db.close()


def test_feedback_in_priority_order_with_the_hostile_title_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feedback_journal(tmp_path)
    assert run(["--home", str(tmp_path), "feedback"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    lines = out.splitlines()
    assert len(lines) == 4  # a newline in a title fakes no row
    assert [line.split()[1] for line in lines] == ["unread", "high", "low", "acted"]
    assert lines[1].endswith("My manager  estimation   Ranges, not promises")
    assert lines[3].endswith("—           code review  Done with it")


def test_feedback_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feedback_journal(tmp_path)
    assert run(["--home", str(tmp_path), "feedback", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["priority"], r["acted_on"]) for r in rows] == [
        (HOSTILE, "unread", False),
        ("Ranges, not promises", "high", False),
        ("Low one", "low", False),
        ("Done with it", "unread", True),
    ]
    assert rows[1]["from"] == "My manager" and rows[1]["themes"] == ["estimation"]
    assert (rows[1]["impact"], rows[1]["heard"]) == ("high", "pattern")


def test_a_journal_without_feedback_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path.mkdir(exist_ok=True)
    open_journal(tmp_path / "journal.sqlite", tmp_path / "backups", stopped()).close()
    assert run(["--home", str(tmp_path), "feedback"]) == 0
    assert capsys.readouterr().out == "No feedback yet.\n"
    assert run(["--home", str(tmp_path), "feedback", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
