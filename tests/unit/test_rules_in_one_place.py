"""Each rule lives in one place, and every way in (the window, the command line, an import)
meets the same one: an active goal is SMART, the running sprint, the backup before an import,
how a figure and its unit are said."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from devjournal.domain.enums import GoalStatus, MetricKind, SprintKind
from devjournal.domain.errors import ValidationError
from devjournal.domain.imports import ImportPlan, Restored
from devjournal.domain.models import GoalDraft, SprintDraft
from devjournal.domain.rules import smart_refusal
from devjournal.domain.sprints import SprintPhase
from devjournal.domain.wording import number_text, unit_suffix
from devjournal.exporting import report_text
from devjournal.exporting.journal_json import journal_json
from devjournal.importing.devjournal_json import read_journal_json
from devjournal.importing.jrnl import read_jrnl
from devjournal.services.container import Services, build_services
from devjournal.storage.backup import list_backups
from devjournal.storage.database import open_journal
from tests.clocks import NOW, run, stopped
from tests.unit.test_smart_progress import FULL

# The fixed clock says 18 November 2026.
RUNNING = SprintDraft(
    title="Review faster",
    kind=SprintKind.PERFORMANCE,
    start_date=date(2026, 10, 1),
    end_date=date(2026, 12, 19),
)
NOT_SMART = "Fill the SMART gaps (S, A, R, T) to make the goal active, or keep it as a draft."


def smart_goal(sprint_id: int, **changes: object) -> GoalDraft:
    """An active goal that passes every letter of the SMART check."""
    base = replace(FULL, sprint_id=sprint_id, status=GoalStatus.ACTIVE)
    return replace(base, **changes)  # type: ignore[arg-type]


def gappy_goal(sprint_id: int, **changes: object) -> GoalDraft:
    """An active goal with only its measure: S, A, R and T are missing."""
    gaps = {"specific": "", "achievable": "", "relevant": "", "deadline": None}
    return smart_goal(sprint_id, title="Fewer pages", **{**gaps, **changes})


# -- an active goal is SMART, whoever saves it ----------------------------------------------
def test_the_service_refuses_an_active_goal_that_is_not_smart(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    with pytest.raises(ValidationError) as refused:
        c.add_goal(gappy_goal(sprint.id))
    assert refused.value.problems == {"status": NOT_SMART}
    assert c.goals_of(sprint.id) == []  # the journal is as it was
    # The same goal as a draft may have its gaps; a SMART one may be active.
    assert c.add_goal(gappy_goal(sprint.id, status=GoalStatus.DRAFT)).value.title == "Fewer pages"
    assert c.add_goal(smart_goal(sprint.id)).value.status is GoalStatus.ACTIVE


def test_a_draft_becomes_active_only_once_its_gaps_are_filled(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    draft = c.add_goal(gappy_goal(sprint.id, status=GoalStatus.DRAFT)).value
    with pytest.raises(ValidationError) as refused:
        c.update_goal(draft.id, replace(draft, status=GoalStatus.ACTIVE))
    assert refused.value.problems == {"status": NOT_SMART}
    assert c.goal(draft.id).status is GoalStatus.DRAFT
    filled = smart_goal(sprint.id, title=draft.title)
    assert c.update_goal(draft.id, filled).value.status is GoalStatus.ACTIVE


def test_an_active_milestone_goal_is_measured_by_its_stored_milestones(
    services: Services,
) -> None:
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    by_milestones = {"metric_name": "", "unit": "", "baseline": None, "target": None}
    steps = smart_goal(
        sprint.id, title="Re-index", metric_kind=MetricKind.MILESTONES, **by_milestones
    )
    with pytest.raises(ValidationError) as one_step:
        c.add_goal(steps, ["Write the RFC"])
    assert one_step.value.problems["status"].startswith("Fill the SMART gaps (M)")
    made = c.add_goal(steps, ["Write the RFC", "Ship it"]).value
    # Changed without its milestones: the two stored ones count.
    assert c.update_goal(made.id, replace(steps, title="Search")).value.title == "Search"


def test_the_goal_form_and_the_service_say_the_same(services: Services) -> None:
    sprint = services.coaching.create_sprint(RUNNING).value
    draft = gappy_goal(sprint.id)
    with pytest.raises(ValidationError) as refused:
        services.coaching.add_goal(draft)
    # GoalDialog.check shows smart_refusal under the status field.
    assert refused.value.problems["status"] == smart_refusal(draft, sprint, 0)


def _export_with_an_active_goal_that_is_not_smart(services: Services) -> bytes:
    """An export whose active goal has gaps (as an older journal could hold)."""
    c = services.coaching
    sprint = c.create_sprint(RUNNING).value
    c.add_goal(gappy_goal(sprint.id, status=GoalStatus.DRAFT))
    c.add_goal(smart_goal(sprint.id, position=1))
    tables = services.journal.dump()
    for row in tables["goal"]:
        row["status"] = GoalStatus.ACTIVE.value
    return journal_json(tables, services.journal.revision(), NOW)


def test_an_import_brings_an_active_goal_that_is_not_smart_as_it_was_and_names_it(
    services: Services, tmp_path: Path
) -> None:
    data = _export_with_an_active_goal_that_is_not_smart(services)
    db = open_journal(tmp_path / "journal.sqlite", tmp_path / "backups", stopped())
    try:
        other = build_services(db, tmp_path / "backups")
        restored = other.journal.restore(read_journal_json(data, "export.json")).value
        assert isinstance(restored, Restored)
        assert restored.counts["goals"] == 2
        assert restored.not_smart == (("Fewer pages", "S, A, R, T"),)
        assert restored.note() == (
            "An active goal is not SMART yet: “Fewer pages” (S, A, R, T). It was imported "
            "as it was; fill its gaps when you next edit it, or make it a draft."
        )
        # Restored exactly: the goal is active, as it was written.
        statuses = [
            g.status for s in other.coaching.sprints() for g in other.coaching.goals_of(s.id)
        ]
        assert statuses == [GoalStatus.ACTIVE, GoalStatus.ACTIVE]
    finally:
        db.close()


def test_the_import_command_names_an_active_goal_that_is_not_smart(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    export.write_bytes(_export_with_an_active_goal_that_is_not_smart(services))
    capsys.readouterr()
    assert run(["--home", str(tmp_path / "new"), "import", "devjournal", str(export)]) == 0
    out = capsys.readouterr().out
    assert "2 goals" in out
    assert "An active goal is not SMART yet: “Fewer pages” (S, A, R, T)." in out


def test_a_restore_note_names_a_few_goals_and_counts_the_rest() -> None:
    many = Restored({}, tuple((f"Goal {n}", "S") for n in range(1, 8)))
    assert many.note() == (
        "7 active goals are not SMART yet: “Goal 1” (S), “Goal 2” (S), “Goal 3” (S), "
        "“Goal 4” (S), “Goal 5” (S) and 2 more. They were imported as they were; fill their "
        "gaps when you next edit them, or make them drafts."
    )
    assert Restored({}).note() is None


@pytest.mark.parametrize("size", ["small", "decade"])
def test_every_active_goal_of_the_sample_journal_is_smart(tmp_path: Path, size: str) -> None:
    home = tmp_path / "home"
    assert run(["--home", str(home), "sample", "--size", size]) == 0
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        c = build_services(db, home / "backups").coaching
        active = [
            goal_view
            for sprint in c.sprints()
            for goal_view in c.sprint_view(sprint.id).goals
            if goal_view.goal.status is GoalStatus.ACTIVE
        ]
    finally:
        db.close()
    assert active
    assert [g.goal.title for g in active if g.smart_gaps] == []


# -- the running sprint -------------------------------------------------------------------
def test_the_running_sprint_is_the_active_one_that_started_first(services: Services) -> None:
    c = services.coaching
    assert c.running_sprint() is None
    c.create_sprint(
        replace(RUNNING, title="Next", start_date=date(2027, 1, 4), end_date=date(2027, 3, 1))
    )
    later = c.create_sprint(replace(RUNNING, title="Later", start_date=date(2026, 11, 2))).value
    first = c.create_sprint(RUNNING).value
    assert [s.sprint.id for s in c.board() if s.phase is SprintPhase.ACTIVE] == [first.id, later.id]
    assert c.running_sprint() == first


def test_the_commands_and_the_window_find_the_same_running_sprint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    db = open_journal(home / "journal.sqlite", home / "backups", stopped())
    try:
        c = build_services(db, home / "backups").coaching
        c.create_sprint(replace(RUNNING, title="Later", start_date=date(2026, 11, 2)))
        c.create_sprint(RUNNING)
    finally:
        db.close()
    out = tmp_path / "summary.md"
    assert (
        run(["--home", str(home), "export", "summary", "--sprint", "current", "-o", str(out)]) == 0
    )
    assert "Review faster" in out.read_text(encoding="utf-8")
    assert (
        run(["--home", str(home), "export", "closeout", "--sprint", "current", "-o", str(out)]) == 0
    )
    assert "Review faster" in out.read_text(encoding="utf-8")


# -- a backup before an import ------------------------------------------------------------
JRNL = {
    "entries": [
        {"date": "2024-01-0" + str(n), "time": "10:00", "title": f"Day {n}", "body": "text"}
        for n in range(1, 4)
    ]
}


def _plan(services: Services) -> ImportPlan:
    return services.imports.plan(read_jrnl(json.dumps(JRNL).encode(), "journal.json"))


def test_an_entry_import_backs_up_a_journal_that_holds_something_first(
    services: Services,
) -> None:
    backups = services.journal.info().backups_dir
    first = services.imports.run(_plan(services)).value
    assert (first.added, first.backup) == (3, None)  # an empty journal: nothing to back up
    more = {"entries": [dict(JRNL["entries"][0], title="Another day", date="2024-02-01")]}
    plan = services.imports.plan(read_jrnl(json.dumps(more).encode(), "more.json"))
    done = services.imports.run(plan).value
    assert done.added == 1
    assert done.backup is not None
    assert [b.path for b in list_backups(backups)] == [done.backup]
    assert [b.label for b in list_backups(backups)] == ["before-import"]


# -- figures and units, said once ---------------------------------------------------------
@pytest.mark.parametrize("value", [12.0, 12.5, 1250.0, 0.25, 3.456, -0.001, 0.0, -4.5])
def test_a_report_and_the_window_say_a_figure_alike(value: float) -> None:
    assert report_text.number(value) == number_text(value)
    assert report_text.number(None) == "—"
    assert number_text(None) == ""


def test_a_unit_follows_a_figure_the_same_way_everywhere() -> None:
    assert unit_suffix(GoalDraft(sprint_id=1, title="t", unit="hours")) == " hours"
    assert unit_suffix(GoalDraft(sprint_id=1, title="t", metric_kind=MetricKind.PERCENT)) == "%"
    rating = GoalDraft(sprint_id=1, title="t", metric_kind=MetricKind.RATING, scale_max=5)
    assert unit_suffix(rating) == "/5"
    assert unit_suffix(GoalDraft(sprint_id=1, title="t")) == ""
