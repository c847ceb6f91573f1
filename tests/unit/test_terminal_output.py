"""What the commands print is cleaned for the terminal: no text from the journal, an
imported file or a file name (an escape sequence, a newline that fakes a row, a bidi
override) reaches it as it is. One place does it: ``devjournal/terminal.py``."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devjournal.domain.enums import EntryKind, GoalStatus, Relationship, SprintKind
from devjournal.domain.models import (
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    SprintDraft,
)
from devjournal.domain.text import for_terminal, for_terminal_text
from devjournal.services.container import build_services
from devjournal.storage.database import open_journal
from tests.clocks import run, stopped

HOSTILE = "Evil\n99  2099-01-01 → 2099-02-01  active \x1b[31mred\x07\r\x9b2J\u202eabc\x7f"
"""A title that, printed as it is, fakes a row, colours the terminal, rings, moves the
cursor (C1 CSI) and reverses what follows."""
SRC = Path(__file__).parents[2] / "src" / "devjournal"


def unsafe(out: str) -> list[str]:
    """The characters in ``out`` a terminal would act on: every control or unprintable
    character but a line break (``\\n``, ``\\r\\n``), a tab and the emoji joiners."""
    return sorted(
        {
            ch
            for ch in out.replace("\r\n", "\n")
            if not ch.isprintable() and ch not in "\n\t\u200c\u200d"
        }
    )


def hostile_journal(home: Path, text: str = HOSTILE) -> None:
    """A journal whose every name and title is ``text``: a sprint with a goal and a
    check-in, a mentor, an entry with a tag."""
    home.mkdir(parents=True, exist_ok=True)
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        services = build_services(db, home / "backups")
        sprint = services.coaching.create_sprint(
            SprintDraft(
                title=text,
                kind=SprintKind.SKILLS,
                coach_name=text,
                start_date=date(2026, 11, 1),
                end_date=date(2026, 12, 20),
            )
        ).value
        goal = services.coaching.add_goal(
            GoalDraft(
                sprint_id=sprint.id,
                title=text,
                specific=text,
                baseline=0,
                target=10,
                deadline=date(2026, 12, 15),
                status=GoalStatus.DRAFT,  # its text may be too short to be SMART
            )
        ).value
        services.coaching.add_checkin(
            CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 10), value=3, note=text)
        )
        mentor = services.mentorship.add_mentor(
            MentorDraft(name=text, relationship=Relationship.PEER)
        ).value
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 11, 12, 10, tzinfo=UTC),
                title=f"findme {text}",
                body=f"findme {text}\n\n{text}",
                mentor_id=mentor.id,
                sprint_id=sprint.id,
                tags=(" ".join(text.split())[:40],),
            )
        )
    finally:
        db.close()


def test_a_sprint_title_cannot_fake_rows_or_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_journal(tmp_path)
    assert run(["--home", str(tmp_path), "sprints"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    assert len(out.splitlines()) == 1  # one sprint, one row
    assert out.startswith("1  2026-11-01 → 2026-12-20  active")
    assert out.endswith("1 goals  Evil 99  2099-01-01 → 2099-02-01  active  [31mred   2J abc \n")


def test_json_output_escapes_what_a_terminal_would_act_on_and_reads_back_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_journal(tmp_path)
    assert run(["--home", str(tmp_path), "sprints", "--json"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    assert "\\u202e" in out and "\\u009b" in out and "→" in out  # only what acts is escaped
    assert json.loads(out)[0]["title"] == HOSTILE
    assert run(["--home", str(tmp_path), "search", "findme", "--json"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == [] and json.loads(out)["entries"][0]["title"] == f"findme {HOSTILE}"


def test_exports_to_stdout_and_their_messages_are_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    hostile_journal(home)
    base = ["--home", str(home), "export"]
    for what in (["summary", "--sprint", "1"], ["closeout", "--sprint", "1"], ["history"]):
        assert run([*base, *what, "--include-private"]) == 0
        out = capsys.readouterr().out
        assert unsafe(out) == [], what
        assert out.startswith("# ") and "\n\n" in out  # the report's own lines are kept
    assert run([*base, "checkins", "--include-private"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == [] and out.count("\r\n") == 2  # CSV rows keep their CRLF
    target = tmp_path / "report\x1b[2J.md"
    assert run([*base, "summary", "--sprint", "1", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == [] and len(out.splitlines()) == 1
    assert out.startswith("Wrote the summary of “Evil 99  2099-01-01")
    assert out.endswith(f"to {tmp_path}/report [2J.md.\n")


def test_an_import_preview_and_its_errors_are_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    hostile_journal(home)
    entry = {"date": "2024-03-01", "time": "09:15", "title": "t", "body": "b", "starred": False}
    tags = ["@ev\x1b]0;pwned\x07il", "@two\u202elines\x85"]
    jrnl = tmp_path / "jrnl\x1b[1m.json"
    jrnl.write_text(json.dumps({"tags": {}, "entries": [{**entry, "tags": tags}]}))
    assert run(["--home", str(home), "import", "jrnl", str(jrnl), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    assert out.splitlines()[0] == "jrnl [1m.json (jrnl): 1 entry."
    assert "2 new tag(s): " in out and "ev ]0;pwned il" in out
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("Jour\x1b[31m\nnal.json", "{not json")
    bad = tmp_path / "export.zip"
    bad.write_bytes(zipped.getvalue())
    assert run(["--home", str(home), "import", "dayone", str(bad)]) == 1
    err = capsys.readouterr().err
    assert unsafe(err) == [] and len(err.splitlines()) == 1
    assert err.startswith("devjournal: error: export.zip/Jour [31m nal.json, line 1")


def test_paths_and_error_messages_are_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home\x1b]2;title\x07"
    hostile_journal(home)
    assert run(["--home", str(home), "info"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == [] and "home ]2;title " in out
    assert run(["--home", str(home), "backup", "create"]) == 0
    assert unsafe(capsys.readouterr().out) == []
    assert run(["--home", str(home), "backup", "list"]) == 0
    assert unsafe(capsys.readouterr().out) == []
    assert run(["--home", str(home), "export", "history", "--mentor", HOSTILE + "?"]) == 1
    err = capsys.readouterr().err
    assert unsafe(err) == [] and len(err.splitlines()) == 1
    missing = tmp_path / "gone\x1b[5m.json"
    assert run(["--home", str(home), "import", "jrnl", str(missing)]) == 1
    err = capsys.readouterr().err
    assert unsafe(err) == [] and len(err.splitlines()) == 1


def test_log_lines_on_the_terminal_are_cleaned() -> None:
    import logging

    from devjournal.logs import BriefFormatter

    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "read %s", (HOSTILE,), None)
    line = BriefFormatter("%(message)s").format(record)
    assert unsafe(line) == [] and "\n" not in line


def test_every_line_the_commands_print_goes_through_the_terminal_module() -> None:
    """The one place text leaves for the terminal is devjournal/terminal.py."""
    for module in [*SRC.glob("cli*.py"), SRC / "app.py", SRC / "logs.py"]:
        code = module.read_text(encoding="utf-8")
        found = re.findall(r"\bprint\(|sys\.std(?:out|err)\.write", code)
        assert not found, f"{module.name} writes to the terminal itself: {found}"


def test_the_rule_keeps_line_breaks_of_a_text_and_nothing_else() -> None:
    assert for_terminal("a\nb\x1b[1m\t") == "a b [1m "
    assert for_terminal("👩\u200d💻 ok") == "👩\u200d💻 ok"  # a joined emoji stays one
    text = "# T\r\n\ta\x1bb\rc\n\n"
    assert for_terminal_text(text) == "# T\r\n\ta b c\n\n"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    text=st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40
    ).filter(lambda t: t.strip() and len(" ".join(t.split())) >= 1)
)
def test_fuzzed_journal_text_never_reaches_the_terminal_as_it_is(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    home = tmp_path_factory.mktemp("fuzz")
    hostile_journal(home, "x" + text)
    capsys.readouterr()
    for command in (
        ["sprints"],
        ["mentors"],
        ["mentors", "--json"],
        ["feedback"],
        ["feedback", "--json"],
        ["search", "findme"],
        ["info"],
        ["export", "summary", "--sprint", "1", "--include-private"],
        ["export", "closeout", "--sprint", "1", "--include-private"],
        ["export", "history", "--include-private"],
        ["export", "checkins", "--include-private"],
    ):
        assert run(["--home", str(home), *command]) == 0, command
        out, err = capsys.readouterr()
        assert unsafe(out) == [] and unsafe(err) == [], command
