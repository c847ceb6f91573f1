"""The whole journal as JSON and back: an exact round trip, and every bad file refused
with a message that says where, leaving the journal as it was."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devjournal.domain.errors import ImportProblem, JournalNotEmptyError
from devjournal.exporting.journal_json import journal_json
from devjournal.importing.devjournal_json import read_journal_json
from devjournal.paths import resolve_paths
from devjournal.services.container import Services, build_services
from devjournal.storage.database import open_journal
from devjournal.storage.journal_dump import TABLES
from tests.clocks import run, stopped
from tests.conftest import NOW, open_new_journal


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The small sample journal, exported (made once: it is read, never changed)."""
    home = tmp_path_factory.mktemp("sample")
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    # Something deleted must not travel: a sprint (with its goals), an entry, a mentor.
    con = sqlite3.connect(home / "journal.sqlite")
    with con:
        con.execute("UPDATE sprint SET deleted_at = '2026-11-01 10:00:00.000000' WHERE id = 5")
        con.execute("UPDATE log_entry SET deleted_at = '2026-11-01 10:00:00.000000' WHERE id = 7")
        con.execute("UPDATE mentor SET deleted_at = '2026-11-01 10:00:00.000000' WHERE id = 8")
    con.close()
    out = home / "export.json"
    assert run(["--home", str(home), "export", "journal", "-o", str(out)]) == 0
    return out.read_bytes()


def _restore(home: Path, data: bytes) -> Services:
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    services = build_services(db, home / "backups")
    services.journal.restore(read_journal_json(data, "export.json"))
    return services


def _rows(journal: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(journal)
    try:
        return {
            t.name: con.execute(
                f"SELECT * FROM {t.name} ORDER BY {', '.join(c.name for c in t.primary_key)}"
            ).fetchall()
            for t in TABLES
        }
    finally:
        con.close()


def _without_generated(data: bytes) -> list[str]:
    return [line for line in data.decode().splitlines() if '"generated_at"' not in line]


def test_a_round_trip_is_exact(tmp_path: Path, sample_export: bytes) -> None:
    home = tmp_path / "restored"
    services = _restore(home, sample_export)
    again = journal_json(services.journal.dump(), services.journal.revision(), NOW)
    assert _without_generated(again) == _without_generated(sample_export)
    # And a second restore gives the same rows, to the column: ids, times, checksums.
    second = tmp_path / "second"
    _restore(second, again)
    assert _rows(home / "journal.sqlite") == _rows(second / "journal.sqlite")
    # The restored journal is a working journal: search, counts, views.
    assert services.mentorship.search("feedback").total > 0
    counts = services.journal.info().counts
    assert counts["sprints"] == 4 and counts["log_entries"] == 149 and counts["mentors"] == 7
    assert counts["assessments"] == 4
    assert services.guide.assessments()[0].need  # read back as the service gives them


def test_a_journal_with_deletions_round_trips(tmp_path: Path) -> None:
    """Deleting a goal another goal was rolled over from, or advice with answers, leaves
    references to rows that are not exported: they become null, and the file restores."""
    home = tmp_path / "h"
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    services = build_services(db, home / "backups")
    con = sqlite3.connect(home / "journal.sqlite")
    rolled = con.execute(
        "SELECT rolled_from_id FROM goal WHERE rolled_from_id IS NOT NULL"
    ).fetchone()
    answered = con.execute(
        "SELECT responds_to_id FROM log_entry WHERE responds_to_id IS NOT NULL"
    ).fetchone()
    con.close()
    assert rolled and answered
    services.coaching.delete_goal(rolled[0])
    services.mentorship.delete_entry(answered[0])
    data = journal_json(services.journal.dump(), services.journal.revision(), NOW)
    db.close()
    restored = _restore(tmp_path / "r", data)
    again = journal_json(restored.journal.dump(), restored.journal.revision(), NOW)
    assert _without_generated(again) == _without_generated(data)


def test_a_file_from_before_a_new_column_takes_its_default(
    tmp_path: Path, sample_export: bytes
) -> None:
    document = json.loads(sample_export)
    for entry in document["tables"]["log_entry"]:
        del entry["import_key"]  # as a file written before schema 0003 would be
    for goal in document["tables"]["goal"]:
        del goal["lessons"]
    services = _restore(tmp_path / "h", json.dumps(document).encode())
    assert services.journal.info().counts["log_entries"] == 149


def test_a_file_from_before_a_new_table_restores_without_it(
    tmp_path: Path, sample_export: bytes
) -> None:
    document = json.loads(sample_export)
    del document["tables"]["assessment"]  # as a file written before schema 0005 would be
    services = _restore(tmp_path / "h", json.dumps(document).encode())
    counts = services.journal.info().counts
    assert counts["log_entries"] == 149 and counts["assessments"] == 0


def test_deleted_things_stay_behind(sample_export: bytes) -> None:
    tables = json.loads(sample_export)["tables"]
    assert 5 not in [s["id"] for s in tables["sprint"]]
    assert all(g["sprint_id"] != 5 for g in tables["goal"])
    assert 7 not in [e["id"] for e in tables["log_entry"]]
    assert all(e["mentor_id"] != 8 for e in tables["log_entry"])
    assert all(e["sprint_id"] != 5 for e in tables["log_entry"])
    assert "deleted_at" not in tables["sprint"][0] and "checksum" not in tables["goal"][0]


def test_an_export_is_private_and_the_same_for_the_same_journal(
    tmp_path: Path, sample_export: bytes
) -> None:
    home = tmp_path / "h"
    _restore(home, sample_export).journal  # noqa: B018
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for target in (first, second):
        assert run(["--home", str(home), "export", "journal", "-o", str(target)]) == 0
    assert _without_generated(first.read_bytes()) == _without_generated(second.read_bytes())
    assert oct(first.stat().st_mode & 0o777) == "0o600"


def test_import_refuses_a_journal_that_holds_data(
    tmp_path: Path, sample_export: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "h"
    _restore(home, sample_export)
    before = _rows(home / "journal.sqlite")
    file = tmp_path / "export.json"
    file.write_bytes(sample_export)
    assert run(["--home", str(home), "import", "devjournal", str(file)]) == 3
    assert "already holds data" in capsys.readouterr().err
    assert _rows(home / "journal.sqlite") == before
    with pytest.raises(JournalNotEmptyError):
        _restore(home, sample_export)


def _broken(sample: bytes, change: Any) -> bytes:
    document = json.loads(sample)
    change(document["tables"])
    return json.dumps(document).encode()


BAD_FILES = [
    (lambda d: b'{\n  "format": oops', "line 2, column 13: not valid JSON"),
    (lambda d: b'{"format": "jrnl"}', "is not a devjournal export"),
    (
        lambda d: d.replace(b'"version": 1', b'"version": 9'),
        "written by a newer devjournal (format version 9",
    ),
    (
        lambda d: _broken(d, lambda t: t["goal"][2].update(baseline="lots")),
        "goal[2].baseline: expected a number, got 'lots'",
    ),
    (
        lambda d: _broken(d, lambda t: t["goal"][0].update(sprint_id=99)),
        "goal[0].sprint_id: there is no sprint with id 99 in the file",
    ),
    (
        lambda d: _broken(d, lambda t: t["sprint"][1].update(end_date="2001-01-01")),
        "sprint[1].end_date: The sprint cannot end before it starts.",
    ),
    (
        lambda d: _broken(d, lambda t: t["log_entry"][3].update(body="x" * 1_000_001)),
        "log_entry[3].body: is 1,000,001 characters long; at most 200,000 fit",
    ),
    (
        lambda d: _broken(d, lambda t: t["checkin"][4].update(on_date="1066-10-14")),
        "checkin[4].on_date: the year 1066 is out of range",
    ),
    (
        lambda d: _broken(d, lambda t: t["checkin"][4].update(on_date="14/10/2026")),
        "checkin[4].on_date: '14/10/2026' is not a date (YYYY-MM-DD)",
    ),
    (
        lambda d: _broken(d, lambda t: t["mentor"][0].pop("relationship")),
        "mentor[0].relationship: is missing",
    ),
    (
        lambda d: _broken(d, lambda t: t["mentor"][0].update(relationship="boss")),
        "mentor[0].relationship: 'boss' is not one of traditional, peer, reverse, from_afar",
    ),
    (
        lambda d: _broken(d, lambda t: t["sprint"].append(dict(t["sprint"][0]))),
        "sprint[4]: id 1 appears twice",
    ),
    (
        lambda d: _broken(d, lambda t: t.update(photos=[])),
        "tables.photos: is not a table of a devjournal journal",
    ),
    (
        lambda d: _broken(
            d,
            lambda t: t["tag"].append(
                {**t["tag"][2], "id": 999, "name": t["tag"][2]["name"].upper()}
            ),
        ),
        "breaks a rule of the journal (a value that must be unique appears twice)",
    ),
    (
        lambda d: _broken(d, lambda t: t["mentor_link"][0].update(url="javascript:alert(1)")),
        "mentor_link[0].url: Enter an http, https or mailto address.",
    ),
    (
        lambda d: _broken(d, lambda t: t["checkin"][0].update(value=10**400)),
        "checkin[0].value: the number is too large",
    ),
    (
        lambda d: d.replace(b'"version": 1', b'"version": 1' + b"0" * 5000),
        "holds a number too long to read",
    ),
    (
        lambda d: _broken(d, lambda t: t["coaching_session"][0].update(questions="[1]")),
        "coaching_session[0].questions: is not a JSON list of [question, answer] pairs",
    ),
    (  # ended in RecursionError (exit 70)
        lambda d: _broken(
            d, lambda t: t["coaching_session"][1].update(questions="[" * 100_000 + "]" * 100_000)
        ),
        "coaching_session[1].questions: nests its JSON more than 16 levels deep",
    ),
    (
        lambda d: _broken(
            d, lambda t: t["coaching_session"][0].update(questions=json.dumps([[["q", "a"]]] * 3))
        ),
        "coaching_session[0].questions: is not a JSON list of [question, answer] pairs",
    ),
    (
        lambda d: d.replace(
            b'"tables": {', b'"deep": ' + b"[" * 100_000 + b"]" * 100_000 + b', "tables": {'
        ),
        "export.json nests its JSON too deeply to be read.",
    ),
    (  # was imported
        lambda d: _broken(d, lambda t: t["goal"][3].update(rolled_from_id=t["goal"][3]["id"])),
        "goal[3].rolled_from_id: a goal cannot roll over from itself",
    ),
]


@pytest.mark.parametrize(("make", "message"), BAD_FILES)
def test_a_bad_file_is_refused_saying_where_and_nothing_is_imported(
    tmp_path: Path,
    sample_export: bytes,
    make: Any,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = tmp_path / "export.json"
    file.write_bytes(make(sample_export))
    home = tmp_path / "h"
    code = run(["--home", str(home), "import", "devjournal", str(file)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert message in err
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        assert build_services(db, home / "backups").journal.is_empty()
    finally:
        db.close()


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=6,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_exports_import_whole_or_not_at_all(
    tmp_path_factory: pytest.TempPathFactory,
    journal_template: Path,
    sample_export: bytes,
    data: st.DataObject,
) -> None:
    document = json.loads(sample_export)
    tables = document["tables"]
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(tables)))
        if not tables[name]:
            continue
        row = data.draw(st.sampled_from(tables[name]))
        field = data.draw(st.sampled_from(sorted(row)))
        row[field] = data.draw(_json_values())
    raw = json.dumps(document, allow_nan=True).encode()
    home = resolve_paths(str(tmp_path_factory.mktemp("fuzz")))
    home.ensure()
    db = open_new_journal(journal_template, home)
    try:
        services = build_services(db, home.backups)
        try:
            services.journal.restore(read_journal_json(raw, "fuzz.json"))
        except ImportProblem:
            assert services.journal.is_empty()
        else:
            assert not services.journal.is_empty()
    finally:
        db.close()


def test_a_document_mutated_in_place_is_not_the_original(sample_export: bytes) -> None:
    """(The fuzz test mutates a copy: the module's export stays intact.)"""
    assert copy.deepcopy(json.loads(sample_export)) == json.loads(sample_export)


def test_checkins_export_as_csv_a_spreadsheet_reads_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    home = tmp_path / "h"
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    con = sqlite3.connect(home / "journal.sqlite")
    with con:
        con.execute("UPDATE checkin SET note = '=HYPERLINK(\"http://x\")' WHERE id = 1")
    con.close()
    target = tmp_path / "checkins.csv"
    assert run(["--home", str(home), "export", "checkins", "-o", str(target)]) == 0
    shared = capsys.readouterr().out  # the sample has private goals: their check-ins stay out
    assert "private items left out)" in shared and "Wrote 52 check-ins" not in shared
    args = ["--home", str(home), "export", "checkins", "--include-private", "-o", str(target)]
    assert run(args) == 0
    assert "Wrote 52 check-ins" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0] == [
        "sprint_id", "sprint", "goal_id", "goal", "metric", "unit", "date", "value", "note"
    ]  # fmt: skip
    assert len(rows) == 53
    assert [r[8] for r in rows if "HYPERLINK" in r[8]] == ['\'=HYPERLINK("http://x")']
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert run(["--home", str(home), "export", "checkins", "--sprint", "1"]) == 0
    only = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert {r[0] for r in only[1:]} == {"1"}
    assert run(["--home", str(home), "export", "checkins", "--sprint", "77"]) == 1
    assert "There is no sprint with id 77." in capsys.readouterr().err


CSV_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=30
).filter(lambda t: t.strip() != "")


def _checkins_of(services: Services, title: str, note: str) -> list[list[str]]:
    import csv
    import io
    from datetime import date

    from devjournal.domain.enums import GoalStatus, SprintKind
    from devjournal.domain.models import CheckinDraft, GoalDraft, SprintDraft
    from devjournal.domain.sharing import Sharing
    from devjournal.exporting.checkins_csv import checkins_csv, read_checkins

    c = services.coaching
    sprint = c.create_sprint(
        SprintDraft(
            title=title,
            kind=SprintKind.SKILLS,
            start_date=date(2030, 1, 1),
            end_date=date(2030, 3, 31),
        )
    ).value
    goal = c.add_goal(
        GoalDraft(sprint_id=sprint.id, title=title, status=GoalStatus.DRAFT, unit="h")
    ).value
    c.add_checkin(CheckinDraft(goal_id=goal.id, on_date=date(2030, 1, 5), value=2, note=note))
    table = read_checkins(services, sprint.id, Sharing(include_private=True))
    data = checkins_csv(table).decode("utf-8")
    controls = {ch for ch in data if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in "\t\r\n"}
    assert controls == set()
    assert "\r" not in data.replace("\r\n", "")  # a CR only ends a row
    return list(csv.reader(io.StringIO(data, newline="")))


def test_control_characters_never_reach_the_csv(services: Services) -> None:
    from devjournal.domain.text import for_file

    hostile = "Bell\x07 \x1b[2J\x0b\x0cvt\rline\x85"
    rows = _checkins_of(services, hostile, "=1+1\x1b")
    assert rows[1][1] == rows[1][3] == for_file(hostile) == "Bell   [2J  vt\nline "
    assert rows[1][8] == "'=1+1 "  # kept as text, not run as a formula


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=CSV_TEXT, note=CSV_TEXT)
def test_fuzzed_text_makes_csv_a_spreadsheet_reads_back_as_text(
    services: Services, title: str, note: str
) -> None:
    from devjournal.domain.text import for_csv

    [_, row] = _checkins_of(services, title, note)
    assert row[1] == row[3] == for_csv(title) and row[8] == for_csv(note)
    assert not row[8].startswith(("=", "+", "-", "@"))


def test_an_assessment_the_app_would_refuse_is_refused_by_its_place(
    tmp_path: Path, sample_export: bytes
) -> None:
    document = json.loads(sample_export)
    document["tables"]["assessment"][1]["taken_at"] = "2026-11-18T09:30:00"  # no zone
    document["tables"]["assessment"][2]["need"] = "money"

    with pytest.raises(ImportProblem, match=r"assessment\[1\]\.taken_at"):
        _restore(tmp_path / "h", json.dumps(document).encode())


def test_feedback_details_travel_and_a_file_from_before_them_restores(
    tmp_path: Path, sample_export: bytes
) -> None:
    document = json.loads(sample_export)
    rows = document["tables"]["feedback"]
    assert rows and {r["impact"] for r in rows} >= {"low", "medium", "high"}
    restored = _restore(tmp_path / "h", sample_export).mentorship.feedback_items()
    weighed = [i for i in restored if i.details.impact is not None]
    assert len(weighed) == len(rows)

    del document["tables"]["feedback"]  # as a file written before schema 0006 would be
    older = _restore(tmp_path / "o", json.dumps(document).encode()).mentorship
    assert all(i.details.impact is None for i in older.feedback_items())


def test_feedback_details_on_an_entry_that_is_not_feedback_are_refused(
    tmp_path: Path, sample_export: bytes
) -> None:
    document = json.loads(sample_export)
    kinds = {e["id"]: e["kind"] for e in document["tables"]["log_entry"]}
    advice = next(i for i, kind in kinds.items() if kind == "advice")
    document["tables"]["feedback"][0]["entry_id"] = advice

    with pytest.raises(ImportProblem, match=r"feedback\[0\]\.entry_id"):
        _restore(tmp_path / "h", json.dumps(document).encode())


def test_coaches_outreach_and_the_direction_travel_and_an_older_file_restores(
    tmp_path: Path,
) -> None:
    from datetime import date

    from devjournal.domain.enums import (
        AimHorizon,
        ConverseFormat,
        Guide,
        OutreachStatus,
        SprintKind,
    )
    from devjournal.domain.models import AimDraft, OutreachDraft, SprintDraft

    home = tmp_path / "h"
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    services = build_services(db, home / "backups")
    aim = services.people.add_aim(
        AimDraft(horizon=AimHorizon.FIVE_YEARS, title="Run an engineering org")
    ).value
    services.coaching.create_sprint(
        SprintDraft(
            title="Lead through others",
            kind=SprintKind.LEADERSHIP,
            coach_name="Noor Haddad",
            start_date=date(2026, 12, 1),
            end_date=date(2027, 2, 28),
            serves_id=aim.id,
        )
    )
    reached = services.people.add_outreach(
        OutreachDraft(
            name="Priya Raman",
            guide=Guide.MENTOR,
            purpose="to learn how to grow an org",
            converse_format=ConverseFormat.MEETING,
            status=OutreachStatus.SENT,
            idea_on=date(2026, 11, 1),
            sent_on=date(2026, 11, 2),
            serves_id=aim.id,
        )
    ).value
    services.people.agree_as_mentor(reached.id)
    data = journal_json(services.journal.dump(), services.journal.revision(), NOW)
    db.close()
    document = json.loads(data)
    assert "Priya Raman" in [r["name"] for r in document["tables"]["outreach"]]
    assert "Noor Haddad" in [r["name"] for r in document["tables"]["coach"]]
    assert "Run an engineering org" in [r["title"] for r in document["tables"]["aim"]]

    restored = _restore(tmp_path / "r", data)
    again = journal_json(restored.journal.dump(), restored.journal.revision(), NOW)
    assert _without_generated(again) == _without_generated(data)
    [view] = [v for v in restored.people.direction() if v.aim.title == "Run an engineering org"]
    assert [s.title for s in view.sprints] == ["Lead through others"]
    assert [m.name for m in view.mentors] == ["Priya Raman"]
    assert restored.journal.check().healthy

    # As a file written before schema 0007 would be: no such tables or columns.
    for table in ("aim", "coach", "outreach"):
        del document["tables"][table]
    added = {
        "sprint": ("coach_id", "serves_id"),
        "goal": ("serves_id",),
        "mentor": ("converse_format", "converse_minutes", "channel", "topics", "boundaries",
                   "serves_id"),
    }  # fmt: skip
    for table, names in added.items():
        for row in document["tables"][table]:
            for name in names:
                del row[name]
    older = _restore(tmp_path / "o", json.dumps(document).encode())
    assert older.people.direction() == [] and older.people.outreach_list() == []
    # ... and its sprints' coaches become people, as the upgrade to schema 0007 made them.
    coached = {s.coach_name for _, s in sample_sprints(older) if s.coach_name}
    assert {v.coach.name for v in older.people.coaches()} == coached
    assert older.journal.check().healthy


def sample_sprints(services: Services) -> list[tuple[int, Any]]:
    return [(s.id, s) for s in services.coaching.sprints()]
