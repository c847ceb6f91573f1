"""Drafts: kept with when they were written; those found at start are described."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from devjournal.drafts import DraftKey, DraftStore, describe_draft

NOW = datetime(2026, 12, 3, 14, 2, tzinfo=UTC)


def test_keys_are_taken_apart() -> None:
    assert DraftKey.parse("entry:new") == DraftKey("entry")
    assert DraftKey.parse("entry:12") == DraftKey("entry", 12)
    assert DraftKey.parse("goal:new:sprint=4") == DraftKey("goal", None, {"sprint": 4})
    assert DraftKey.parse("plan:sprint=4") == DraftKey("plan", None, {"sprint": 4})
    assert DraftKey.parse("checkin:new:goal=7") == DraftKey("checkin", None, {"goal": 7})


def test_a_draft_says_what_it_is_and_when_it_was_typed() -> None:
    assert (
        describe_draft("entry:new", {"title": "Half a thought", "body": "…"}, NOW)
        == f"An unsaved entry “Half a thought” from 3 Dec {NOW.astimezone():%H:%M}"  # local
    )
    assert describe_draft("mentor:3", {"name": "Wen"}, None) == "An unsaved mentor “Wen”"
    assert describe_draft("session:new:sprint=1", {"notes": ""}, None) == "An unsaved session"
    long = describe_draft("goal:new:sprint=1", {"title": "x" * 60}, None)
    assert long == "An unsaved goal “" + "x" * 39 + "…”"


def test_drafts_found_at_start_are_told_apart_from_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "drafts.json"
    first = DraftStore(path, lambda: NOW)
    first.put("entry:new", {"title": "Half a thought"})
    assert first.left_over == ()
    assert first.get("entry:new") == {"title": "Half a thought"}  # the time is kept apart
    again = DraftStore(path)
    assert again.left_over == ("entry:new",)
    assert again.saved_at("entry:new") == NOW
    assert again.saved_at("goal:new") is None
