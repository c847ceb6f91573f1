"""The mentorship history export: what it finds, its Markdown, and the terminal command."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from devjournal.domain.enums import AdviceStatus, EntryKind, Relationship, Scope
from devjournal.domain.history import HistoryFilter
from devjournal.domain.jobs import Cancelled, Progress
from devjournal.domain.models import LogEntryDraft, MentorDraft
from devjournal.domain.text import is_safe_link
from devjournal.exporting.history_export import (
    HistoryExport,
    HistoryItem,
    HistoryRequest,
    body_markdown,
    history_markdown,
    read_history,
)
from devjournal.services.container import Services
from tests.clocks import run
from tests.golden.compare import check

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)
EVIL = '<script>alert("x")</script> & <b>bold?</b>'


def fill(services: Services) -> dict[str, int]:
    """Two mentors; advice and its answer; a body with HTML, an image and a bad link; a
    private entry; entries in three months."""
    ms = services.mentorship
    ada = ms.add_mentor(MentorDraft(name="Ada <Lovelace>", relationship=Relationship.PEER)).value
    bob = ms.add_mentor(MentorDraft(name="Bob", relationship=Relationship.TRADITIONAL)).value

    def add(day: date, kind: EntryKind, title: str, **more: object) -> int:
        draft = LogEntryDraft(
            kind=kind,
            occurred_at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
            title=title,
            scope=more.pop("scope", Scope.MENTOR),  # type: ignore[arg-type]
            **more,  # type: ignore[arg-type]
        )
        return ms.add_entry(draft).value.id

    advice = add(
        date(2026, 9, 3),
        EntryKind.ADVICE,
        "Delegate *the* status updates",
        mentor_id=ada.id,
        tags=("delegation", "c++"),
        advice_status=AdviceStatus.TRYING,
        body="Hand the **weekly** update to Sam.\n\n- ask first\n- then let go\n",
        source_url="https://example.com/delegation?a=1&b=2",
    )
    add(
        date(2026, 9, 20),
        EntryKind.REFLECTION,
        "Two weeks of delegating",
        responds_to_id=advice,
        tags=("delegation",),
        body="It worked. [evil](javascript:alert(1)) and [fine](https://example.org)\n\n"
        "![tracker](https://example.net/pixel.png)",
    )
    add(
        date(2026, 10, 1),
        EntryKind.CONVERSATION,
        EVIL,
        mentor_id=bob.id,
        body=f"{EVIL}\n\n<div onclick='x'>raw block</div>\n\n```\nunclosed <i>code</i>",
    )
    add(date(2026, 10, 2), EntryKind.WIN, "Secret win", scope=Scope.PRIVATE, tags=("delegation",))
    add(date(2026, 11, 1), EntryKind.LESSON, "Talk on estimation", mentor_id=bob.id)
    return {"ada": ada.id, "bob": bob.id, "advice": advice}


def history(services: Services, **request: object) -> str:
    return history_markdown(read_history(services, HistoryRequest(**request), NOW))  # type: ignore[arg-type]


def test_the_whole_history_as_markdown_matches_its_golden_file(services: Services) -> None:
    fill(services)
    check("history.md", history(services))


def test_filters_narrow_and_the_header_says_so(services: Services) -> None:
    ids = fill(services)
    text = history(services, where=HistoryFilter(mentor_id=ids["ada"]))
    assert "Mentor: Ada \\<Lovelace\\>" in text
    assert "1 entry, on 3 Sep 2026." in text
    assert "Two weeks of delegating" in text  # named as what came of the advice
    text = history(
        services,
        where=HistoryFilter(tag="Delegation", since=date(2026, 9, 10), until=date(2026, 10, 31)),
    )
    assert "Tag: Delegation · From 10 Sep 2026 to 31 Oct 2026" in text
    assert "1 entry, on 20 Sep 2026.\n" in text and "left out" not in text
    assert "Answers: 3 Sep 2026, Advice: Delegate \\*the\\* status updates" in text


def test_private_entries_only_when_asked(services: Services) -> None:
    fill(services)
    assert "Secret win" not in history(services)
    text = history(services, include_private=True)
    assert "Secret win" in text and "Win · private" in text
    assert "Entries scoped private are included." in text


def test_a_search_exports_what_it_finds(services: Services) -> None:
    fill(services)
    text = history(services, search="delegating")
    assert "Search: delegating (the filters do not apply to a search)" in text
    assert "1 entry, on 20 Sep 2026." in text


def test_an_open_code_fence_in_a_body_is_closed() -> None:
    assert body_markdown("a\n```py\nx = 1") == "a\n```py\nx = 1\n```"
    assert body_markdown("~~~~\nx\n~~~~\n") == "~~~~\nx\n~~~~"
    assert body_markdown("plain") == "plain"


def rendered(markdown: str) -> tuple[list[str], list[str]]:
    """What a Markdown reader that trusts raw HTML and every link makes of ``markdown``
    (markdown-it, CommonMark with GitHub's tables): the text of its top-level blocks, and
    what in it is live (HTML, images, links that are not web or mail)."""
    reader = MarkdownIt("commonmark", {"html": True}).enable("table")
    reader.validateLink = lambda url: True
    tokens = reader.parse(markdown)
    blocks = [t.content for t in tokens if t.type == "inline" and t.level == 1]
    live: list[str] = []
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type in ("html_block", "html_inline", "image"):
                live.append(f"{t.type}: {t.content}")
            elif t.type == "link_open" and not is_safe_link(str(t.attrs["href"])):
                live.append(f"link: {t.attrs['href']}")
    return blocks, live


def entries_markdown(bodies: list[str]) -> str:
    """A history document of one entry per body (each titled "Entry N")."""
    export = HistoryExport(
        filters=("Every entry",),
        items=tuple(
            HistoryItem(
                id=n,
                on=date(2026, 1, 1 + n),
                kind=EntryKind.REFLECTION,
                title=f"Entry {n}",
                body=body,
                mentor="",
                tags=(),
                source_url="",
                advice_status=None,
                scope=Scope.MENTOR,
                answers=None,
                replies=(),
            )
            for n, body in enumerate(bodies)
        ),
        left_out=0,
        include_private=False,
        generated_at=NOW,
    )
    return history_markdown(export)


def assert_every_entry_shows(bodies: list[str]) -> None:
    blocks, live = rendered(entries_markdown(bodies))
    titles = [b for b in blocks if " · Entry " in b]
    assert len(titles) == len(bodies), blocks  # no entry is hidden by the one before it
    assert blocks[-1].startswith("*Generated "), blocks
    assert live == []


HIDING = [
    "<!-- a comment never closed",
    "<style>body { display: none }",
    "text <style> inline",
    "<script>let x = 1",
    "<textarea>",
    "<pre>",
    "<div>\n\nthen more",
    "<a href='x'>",
    "- an item\n  ```\n  code in it\nnot in the list any more",  # a fence its list closed
    "-\n\n  ```\n  <style>\nthe item ended: the fence is the document's",
    "`a\nb` <style> `c`",  # a code span over two lines, then HTML
    "| a | b |\n|---|---|\n| `x | <style> | y` | z |",  # a table splits the code span
    "```|\n---",  # a fence to CommonMark, a table to GitHub's readers
    "> ```\n> <style>\nlazy",
    "~~~~\nnever closed <i>",
    "> " * 30 + "nested too deep to follow\n```\n<style>",
    "".join("  " * n + "- deeper\n" for n in range(30)) + "```\n<!--",
]


@pytest.mark.parametrize("body", HIDING, ids=range(len(HIDING)))
def test_html_or_a_fence_in_a_body_cannot_hide_the_entries_after_it(body: str) -> None:
    assert_every_entry_shows([body, "the next entry", body, "last"])


def test_images_and_unsafe_links_in_a_body_stay_text() -> None:
    text = entries_markdown(
        [
            "[local](file:///etc/passwd) [js](javascript:alert(1)) <javascript:alert(2)> "
            "[rel](../x.md) [ent](javascript&#58;x) [ref][r] ![pixel](https://t.example/p.png)"
            " [web](https://example.org) <https://example.org/auto>\n\n"
            "[r]: file:///etc/hosts\n\n`code <kept> as [typed](file:x)`\n\n    <indented> code"
        ]
    )
    assert rendered(text)[1] == []
    page = MarkdownIt("commonmark", {"html": True}).render(text)
    assert "[local](file:///etc/passwd)" in page  # the text stays, as typed
    assert "![pixel](https://t.example/p.png)" in page and "&lt;javascript:alert(2)&gt;" in page
    assert "`code <kept> as [typed](file:x)`" in text and "    <indented> code" in text
    assert "[web](https://example.org) <https://example.org/auto>" in text


PIECES = [
    "<!--", "-->", "<style>", "<b>", "<https://ok.example/>", "<file:///x>", "```", "~~~",
    "`", "``", "- ", "1. ", "2) ", "> ", "    ", "  ", "\t", "\n", "\n\n", "[", "]", "(",
    ")", "](", "]: ", "![", "file:", "javascript:x", "https://ok.example", "#", "---", "===",
    "|", "\\|", "\\", "&#58;", "x", "<", "-|-", "* ", "<a href='`'>", "\x1b", "\r",
    "> > > > > ", "- - - - ",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bodies=st.lists(
        st.lists(st.sampled_from(PIECES), max_size=25).map("".join), min_size=1, max_size=3
    )
)
def test_fuzzed_bodies_never_hide_an_entry_or_go_live(bodies: list[str]) -> None:
    assert_every_entry_shows(bodies)
    text = entries_markdown(bodies)
    assert not [ch for ch in text if ch not in "\n\t" and not ch.isprintable() and ch != " "]


def test_progress_is_reported_and_a_cancel_stops_the_export(services: Services) -> None:
    fill(services)
    seen: list[tuple[int, int, str]] = []
    read_history(services, HistoryRequest(), NOW, Progress(lambda *a: seen.append(a)))
    assert seen and seen[0][2].startswith("Finding entries")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        read_history(services, HistoryRequest(), NOW, progress)


def test_export_history_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    capsys.readouterr()
    target = tmp_path / "history.md"
    home = ["--home", str(tmp_path), "export", "history"]
    assert run([*home, "--kind", "advice", "--from", "2025-01-01", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "entries of the mentorship history" in out and str(target) in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Mentorship history\n\nKind: Advice · From 1 Jan 2025\n")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert run([*home, "--mentor", "1"]) == 0  # md without -o goes to stdout
    assert "# Mentorship history" in capsys.readouterr().out


def test_export_history_of_one_coach_by_name_or_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--coach`` keeps the entries linked to that coach's sprints (the History page's
    filter), and the header says so."""
    from devjournal.paths import resolve_paths
    from devjournal.services.container import open_services
    from tests.clocks import stopped

    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    db, services = open_services(resolve_paths(str(tmp_path)).journal, tmp_path / "b", stopped())
    try:
        coach = next(c for c in services.people.coach_list() if c.name == "Ines Varga")
        rows = services.mentorship.history_page(HistoryFilter(coach_id=coach.id), limit=500)
        everything = services.mentorship.history_page(HistoryFilter(), limit=500)
    finally:
        db.close()
    linked = [row for row in rows if row.scope is not Scope.PRIVATE]  # none asked
    assert 0 < len(linked) < len(everything)
    capsys.readouterr()
    home = ["--home", str(tmp_path), "export", "history"]
    assert run([*home, "--coach", "  ines   VARGA "]) == 0
    by_name = capsys.readouterr().out
    assert by_name.startswith("# Mentorship history\n\nSprints with the coach: Ines Varga\n")
    assert f"\n{len(linked)} entries, from " in by_name
    assert all(f"· {row.title}\n" in by_name for row in linked)
    assert run([*home, "--coach", str(coach.id)]) == 0
    assert capsys.readouterr().out == by_name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mentor", "Nobody"], "No mentor 'Nobody'. Mentors (id name): 1 "),
        (["--coach", "Nobody"], "No coach 'Nobody'. Coaches (id name): 2 Ines Varga; 1 Luca"),
        (["--from", "2026-13-01"], "--from takes a day as YYYY-MM-DD, not '2026-13-01'."),
        (["--from", "2026-03-01", "--to", "2026-02-01"], "--from (2026-03-01) is after --to"),
        (["--format", "pdf"], "A PDF needs a file: -o FILE."),
    ],
)
def test_bad_values_are_clear_messages_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    capsys.readouterr()
    target = tmp_path / "out.file"
    output = [] if "pdf" in args else ["-o", str(target)]
    assert run(["--home", str(tmp_path), "export", "history", *args, *output]) == 1
    assert message in capsys.readouterr().err
    assert not target.exists()
