"""Importing jrnl and Day One exports: what comes in, re-imports add nothing, bad files are
refused saying where, and the journal is left as it was (fuzzed)."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devjournal.domain.enums import EntryKind, Scope
from devjournal.domain.errors import ImportProblem
from devjournal.domain.jobs import Cancelled, Progress
from devjournal.importing.dayone import read_dayone
from devjournal.importing.jrnl import read_jrnl
from devjournal.importing.readers import read_entries
from devjournal.paths import resolve_paths
from devjournal.services.container import Services, build_services
from devjournal.storage.database import open_journal
from tests.clocks import run, stopped
from tests.conftest import open_new_journal

JRNL = {
    "tags": {"@work": 2},
    "entries": [
        {
            "date": "2024-03-01",
            "time": "09:15",
            "title": "Talked to @anna about the promotion packet.",
            "body": "Lead with impact.\n\n- list the incidents I led",
            "tags": ["@anna", "@work"],
            "starred": True,
        },
        {
            "date": "2024-03-02",
            "time": "21:40",
            "title": "Idea: a weekly brag doc.",
            "body": "",
            "tags": ["@work"],
            "starred": False,
        },
        {"date": "2024-03-05", "time": "08:00", "title": "<script>x</script>", "body": "b"},
    ],
}

DAYONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "8F1C2A3B4D5E6F708192A3B4C5D6E7F8",
            "creationDate": "2023-06-01T18:30:00Z",
            "text": "# First 1\\:1 with Priya\n\nA plan\\. Next\\: write it\\!\n\n"
            "![](dayone-moment://ABCDEF)\n",
            "tags": ["mentoring"],
            "starred": False,
            "photos": [{"identifier": "ABCDEF"}],
        },
        {
            "uuid": "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
            "creationDate": "2023-06-08T07:00:00Z",
            "text": "Morning pages",
            "starred": True,
        },
    ],
}


def _bytes(document: Any) -> bytes:
    return json.dumps(document).encode()


def _zip(document: Any) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Journal.json", json.dumps(document))
        archive.writestr("photos/abc.jpeg", b"\xff\xd8")
    return buffer.getvalue()


def test_jrnl_entries_come_in_as_private_reflections_with_their_tags(
    services: Services,
) -> None:
    plan = services.imports.plan(read_jrnl(_bytes(JRNL), "journal.json"))
    assert len(plan.new) == 3 and plan.already_imported == 0
    assert plan.new_tags == ("anna", "work", "starred")
    assert services.imports.run(plan).value == 3
    entries = services.mentorship.latest_entries(10)
    first = next(e for e in entries if e.title.startswith("Talked"))
    assert first.kind is EntryKind.REFLECTION and first.scope is Scope.PRIVATE
    assert set(first.tags) == {"anna", "work", "starred"}
    assert first.occurred_at == datetime(2024, 3, 1, 9, 15).astimezone()  # jrnl times are local
    assert first.body == "Lead with impact.\n\n- list the incidents I led"
    assert services.mentorship.search("incidents").total == 1
    assert any(e.title == "<script>x</script>" for e in entries)  # kept as text


def test_a_re_import_adds_nothing(services: Services) -> None:
    services.imports.run(services.imports.plan(read_jrnl(_bytes(JRNL), "j.json")))
    again = services.imports.plan(read_jrnl(_bytes(JRNL), "j.json"))
    assert again.new == () and again.already_imported == 3
    assert services.imports.run(again).value == 0
    # An entry the user deleted after importing it does not come back either.
    victim = services.mentorship.latest_entries(1)[0]
    services.mentorship.delete_entry(victim.id)
    assert services.imports.plan(read_jrnl(_bytes(JRNL), "j.json")).new == ()
    # A file with one more entry adds just that one.
    more = json.loads(json.dumps(JRNL))
    more["entries"].append({"date": "2024-04-01", "time": "10:00", "title": "New", "body": ""})
    assert len(services.imports.plan(read_jrnl(_bytes(more), "j.json")).new) == 1


def test_day_one_entries_from_the_zip_with_titles_unescaped_and_photos_noted(
    services: Services,
) -> None:
    batch = read_dayone(_zip(DAYONE), "Export.zip")
    assert batch.notes == ("1 photo stays in Day One: devjournal imports the text.",)
    plan = services.imports.plan(batch)
    services.imports.run(plan)
    entries = {e.title: e for e in services.mentorship.latest_entries(10)}
    priya = entries["First 1:1 with Priya"]
    assert priya.body == "A plan. Next: write it!"
    assert priya.tags == ("mentoring",)
    assert entries["Morning pages"].tags == ("starred",)
    # The same export as the bare .json is the same entries: nothing new.
    assert services.imports.plan(read_dayone(_bytes(DAYONE), "Journal.json")).new == ()


def test_a_blank_title_takes_the_first_line_of_the_body(services: Services) -> None:
    document = {"entries": [
        {"date": "2024-01-01", "time": "10:00", "title": "   ", "body": "First line\nmore"},
        {"date": "2024-01-02", "time": "10:00", "title": "", "body": ""},
    ]}  # fmt: skip
    batch = read_jrnl(_bytes(document), "j.json")
    assert [e.title for e in batch.entries] == ["First line", "(untitled)"]
    assert services.imports.run(services.imports.plan(batch)).value == 2


def test_a_long_first_line_is_shortened_and_kept_whole_in_the_body(services: Services) -> None:
    long = "word " * 100
    document = {"entries": [{"date": "2024-01-01", "time": "10:00", "title": long, "body": "x"}]}
    (entry,) = read_jrnl(_bytes(document), "j.json").entries
    assert len(entry.title) <= 300 and entry.title.endswith("…")
    assert entry.body.startswith(long.strip()) and entry.body.endswith("x")


BAD = [
    ("jrnl", b"[1, 2", "j.json, line 1, column 6: not valid JSON"),
    ("jrnl", b'{"items": []}',
     'is not a jrnl export (jrnl --export json > journal.json): it has no "entries"'),
    ("jrnl", _bytes({"entries": [{"date": "2024-13-01", "title": "x"}]}),
     "j.json: entries[0].date: '2024-13-01' is not a date (YYYY-MM-DD)"),
    ("jrnl", _bytes({"entries": [{"date": "2024-01-01", "time": "9h", "title": "x"}]}),
     "entries[0].time: '9h' is not a time (HH:MM)"),
    ("jrnl", _bytes({"entries": [{"date": "0999-01-01", "title": "x"}]}),
     "entries[0].date: the year 999 is out of range"),
    ("jrnl", _bytes({"entries": [{}, {"date": "2024-01-01"}]}), "entries[0].date: is missing"),
    ("jrnl", _bytes({"entries": [{"date": "2024-01-01", "title": 7}]}),
     "entries[0].title: expected text, got 7"),
    ("jrnl", _bytes({"entries": [{"date": "2024-01-01", "title": "t", "body": "x" * 200_001}]}),
     "entries[0].body: is 200,001 characters long; at most 200,000 fit"),
    ("jrnl", _bytes({"entries": [{"date": "2024-01-01", "title": "t", "tags": "@a"}]}),
     "entries[0].tags: expected a list of tags, got '@a'"),
    ("jrnl", b'{"entries": [{"date": "2024-01-01", "title": "t", "n": 1' + b"0" * 5000 + b"}]}",
     "holds a number too long to read"),
    ("jrnl",
     _bytes({"entries": [{"date": "2024-01-01", "title": "x" * 600, "body": "b" * 199_990}]}),
     "entries[0] (its text): is 200,592 characters long; at most 200,000 fit"),
    ("dayone",
     _bytes({"entries": [{"uuid": "ABCDEF0123", "creationDate": "1900-01-01T00:30:00+01:00"}]}),
     "entries[0]: the year 1899 is out of range"),
    ("dayone", _bytes({"entries": [{"uuid": "ABCDEF0123", "creationDate": "2023-01-01T00:00:00Z",
                                    "tags": ["t" * 61]}]}),
     "entries[0].tags[0]: a tag is at most 60 characters"),
    ("dayone", b"PK\x03\x04 broken", "is a damaged zip file"),
    ("dayone", _bytes({"entries": [{"uuid": "x", "creationDate": "2023-01-01T00:00:00Z"}]}),
     "entries[0].uuid: 'x' is not a Day One id"),
    ("dayone", _bytes({"entries": [{"uuid": "ABCDEF0123", "creationDate": "yesterday"}]}),
     "entries[0].creationDate: 'yesterday' is not a date and time (ISO 8601)"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "data", "message"), BAD)
def test_a_bad_file_is_refused_saying_where(
    tmp_path: Path, source: str, data: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "j.json"
    file.write_bytes(data)
    home = tmp_path / "h"
    assert run(["--home", str(home), "import", source, str(file)]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        assert build_services(db, home / "backups").journal.is_empty()
    finally:
        db.close()


def test_the_terminal_previews_then_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "journal.json"
    file.write_bytes(_bytes(JRNL))
    home = str(tmp_path / "h")
    assert run(["--home", home, "import", "jrnl", str(file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3 new, written 1 Mar 2024 to 5 Mar 2024" in out and "Added" not in out
    assert run(["--home", home, "import", "jrnl", str(file)]) == 0
    assert "Added 3 entries from journal.json" in capsys.readouterr().out
    assert run(["--home", home, "import", "jrnl", str(file)]) == 0
    assert "3 were imported before and are skipped." in capsys.readouterr().out
    assert run(["--home", home, "import", "jrnl", str(tmp_path / "missing.json")]) == 1
    assert "There is no file" in capsys.readouterr().err


def test_a_cancelled_import_leaves_nothing_behind(services: Services) -> None:
    document = {
        "entries": [
            {"date": "2024-01-01", "time": "10:00", "title": "e", "body": str(n)}
            for n in range(7000)
        ]
    }
    plan = services.imports.plan(read_jrnl(_bytes(document), "big.json"))
    calls: list[int] = []

    def report(done: int, total: int, label: str) -> None:
        calls.append(done)
        if done >= 5000:
            progress.cancel()  # as the Cancel button does, part-way through

    progress = Progress(report)
    with pytest.raises(Cancelled):
        services.imports.run(plan, progress)
    assert calls and services.journal.is_empty()


def _value() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=20)
        | st.sampled_from(["2024-02-30", "2024-01-01", "23:59", "2023-06-01T18:30:00Z", ""])
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
        max_leaves=5,
    )


def _entry(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(keys), _value(), max_size=len(keys))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.sampled_from(["jrnl", "dayone"]),
    data=st.data(),
)
def test_fuzzed_files_import_whole_or_not_at_all(
    tmp_path_factory: pytest.TempPathFactory,
    journal_template: Path,
    source: str,
    data: st.DataObject,
) -> None:
    keys = (
        ["date", "time", "title", "body", "tags", "starred"]
        if source == "jrnl"
        else ["uuid", "creationDate", "text", "tags", "starred", "photos"]
    )
    entries = data.draw(st.lists(_entry(keys) | _value(), max_size=4))
    document = data.draw(st.sampled_from([{"entries": entries}, entries, {"entries": "x"}]))
    raw = json.dumps(document).encode()
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]  # a truncated file
    home = resolve_paths(str(tmp_path_factory.mktemp("fuzz")))
    home.ensure()
    db = open_new_journal(journal_template, home)
    try:
        services = build_services(db, home.backups)
        try:
            batch = read_entries(source, raw, "fuzz.json")
        except ImportProblem:
            assert services.journal.is_empty()
            return
        added = services.imports.run(services.imports.plan(batch)).value
        assert services.journal.info().counts["log_entries"] == added == len(batch.entries)
    finally:
        db.close()


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes_are_a_message_never_a_crash(raw: bytes) -> None:
    for source in ("jrnl", "dayone"):
        with contextlib.suppress(ImportProblem):
            read_entries(source, raw, "x.json")
