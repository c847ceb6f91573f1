"""Searching the mentorship log: what matches, in what order, and mistyped queries."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devjournal.domain.enums import EntryKind, Relationship
from devjournal.domain.models import LogEntryDraft, MentorDraft
from devjournal.domain.search import HIT_END, HIT_START, SearchQueryError, fts_query
from devjournal.services.container import Services, build_services
from devjournal.storage.database import open_journal
from tests.clocks import run, stopped

ENTRIES = [
    ("Code review is communication", "Ask questions in reviews, don't dictate.", ("review",)),
    ("Delegation", "Delegating the on-call rota freed two days.", ("leadership",)),
    ("Café chat", "Met Grace at the café; talked about C++ and Rust.", ("career growth",)),
    ("Reviewing my year", "A quiet reflection on what worked.", ()),
    ("日本語のメモ", "東京での会議について。", ()),
]


def fill(services: Services) -> list[int]:
    ms = services.mentorship
    grace = ms.add_mentor(MentorDraft(name="Grace", relationship=Relationship.PEER)).value
    ids = []
    for n, (title, body, tags) in enumerate(ENTRIES):
        ids.append(
            ms.add_entry(
                LogEntryDraft(
                    kind=EntryKind.ADVICE if n == 0 else EntryKind.REFLECTION,
                    occurred_at=datetime(2026, 1, 1 + n, 9, tzinfo=UTC),
                    title=title,
                    body=body,
                    tags=tags,
                    mentor_id=grace.id if n == 2 else None,
                )
            ).value.id
        )
    return ids


def found(services: Services, typed: str) -> list[str]:
    return [h.title for h in services.mentorship.search(typed).hits]


def test_words_phrases_prefixes_tags_diacritics_and_unicode(services: Services) -> None:
    fill(services)
    assert found(services, "review") == ["Code review is communication"]
    assert found(services, "review*") == ["Reviewing my year", "Code review is communication"]
    assert found(services, '"code review"') == ["Code review is communication"]
    assert found(services, '"review code"') == []
    assert found(services, "cafe") == ["Café chat"]  # diacritics do not matter
    assert found(services, "CAFÉ") == ["Café chat"]
    assert found(services, '"career growth"') == ["Café chat"]  # a tag with a space
    assert found(services, "c++") == ["Café chat"]
    assert found(services, "on-call") == ["Delegation"]
    assert found(services, "東京での会議について") == ["日本語のメモ"]
    assert found(services, "delegat* OR rust") == ["Café chat", "Delegation"]
    assert found(services, "review* NOT year") == ["Code review is communication"]


def test_hits_come_newest_first_with_marked_snippets_and_a_total(services: Services) -> None:
    fill(services)
    results = services.mentorship.search("review*", limit=1)
    assert results.total == 2 and len(results.hits) == 1
    [hit] = results.hits
    assert hit.title == "Reviewing my year"
    assert f"{HIT_START}Reviewing{HIT_END}" in hit.snippet
    second = services.mentorship.search("review*", limit=1, offset=1).hits
    assert [h.title for h in second] == ["Code review is communication"]
    [grace] = services.mentorship.search("grace").hits  # in the body; the entry is hers
    assert (grace.title, grace.mentor_name) == ("Café chat", "Grace")


def test_deleted_entries_are_not_found_until_restored(services: Services) -> None:
    ids = fill(services)
    services.mentorship.delete_entry(ids[1])
    assert found(services, "delegation") == []
    services.mentorship.restore_entry(ids[1])
    assert found(services, "delegation") == ["Delegation"]


def test_feedback_is_found_by_who_gave_it_its_context_the_reading_and_what_was_done(
    services: Services,
) -> None:
    """A Feedback entry's details are in the index (revision 0008) and follow every
    change: added, edited, taken away when the entry stops being Feedback, gone with a
    deleted entry and back with it; ``check`` finds the index whole all along."""
    from devjournal.domain.models import FeedbackDetails

    ms = services.mentorship
    draft = LogEntryDraft(
        kind=EntryKind.FEEDBACK,
        occurred_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
        title="After the incident review",
        body="Slow down when you summarise.",
    )
    details = FeedbackDetails(
        given_by="Amara from SRE", context="postmortem", reading="I rush conclusions"
    )
    entry = ms.add_entry(draft, details).value
    for word in ("amara", "postmortem", "conclusions"):
        assert found(services, word) == ["After the incident review"]
    [hit] = ms.search("postmortem").hits
    assert f"{HIT_START}postmortem{HIT_END}" in hit.snippet  # the snippet shows where
    ms.update_entry(entry.id, draft, FeedbackDetails(reading="Pace", done="Paired on a retro"))
    assert found(services, "postmortem") == found(services, "amara") == []
    assert found(services, "retro") == ["After the incident review"]
    ms.delete_entry(entry.id)
    assert found(services, "retro") == []
    ms.restore_entry(entry.id)
    assert found(services, "retro") == ["After the incident review"]
    report = services.journal.check()
    assert report.healthy, report.problems
    ms.update_entry(entry.id, replace(draft, kind=EntryKind.LESSON))  # details go
    assert found(services, "retro") == [] and found(services, "incident") != []
    assert services.journal.check().healthy


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type a word to search for."),
        ('"code review', 'A quote is not closed: add the closing ".'),
        ("OR", "Type a word to search for, not only punctuation or operators."),
        ("review OR", "OR needs a word after it, e.g. review OR code."),
        ("NOT review", "NOT needs a word before it (at the start), e.g. review NOT feedback."),
    ],
)
def test_a_mistyped_query_is_a_message(services: Services, typed: str, message: str) -> None:
    with pytest.raises(SearchQueryError) as caught:
        services.mentorship.search(typed)
    assert str(caught.value) == message


@given(st.text(max_size=40))
def test_no_typed_text_makes_sqlite_fail(typed: str) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'unicode61')")
    try:
        match = fts_query(typed)
    except SearchQueryError:
        return
    conn.execute("SELECT * FROM t WHERE t MATCH ?", (match,)).fetchall()


def test_search_from_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        fill(build_services(db, home / "backups"))
    finally:
        db.close()
    assert run(["--home", str(home), "search", "cafe"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "2026-01-03  Reflection · Grace  Café chat  (#3)"
    assert out.splitlines()[1] == "    [Café] chat"
    assert err.strip() == "1 entry matches, newest first."
    assert run(["--home", str(home), "search", "review*", "--json", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2 and [e["id"] for e in data["entries"]] == [4]
    assert run(["--home", str(home), "search", '"broken']) == 1
    assert capsys.readouterr().err.strip() == (
        'devjournal: error: A quote is not closed: add the closing ".'
    )
    assert run(["--home", str(home), "search", "nothing-here"]) == 0
    assert capsys.readouterr().out.strip() == "Nothing in the log matches nothing-here."


def test_the_terminal_gets_no_control_characters_and_a_sane_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        build_services(db, home / "backups").mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.WIN,
                occurred_at=datetime(2026, 1, 1, tzinfo=UTC),
                title="Shipped \x1b[2Jit",
            )
        )
    finally:
        db.close()
    assert run(["--home", str(home), "search", "shipped"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Shipped  [2Jit" in out
    assert run(["--home", str(home), "search", "shipped", "--limit", "99999999999"]) == 1
    assert "--limit takes a number from 1 to 10,000." in capsys.readouterr().err
