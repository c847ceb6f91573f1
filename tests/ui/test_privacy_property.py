"""The privacy rule as a property: over generated journals with random scopes, no text of a
private item (a private goal with its check-ins, actions and linked entries; a private
session with its agenda and commitments; a private entry) appears in any report in any
format unless private items are included, and with them it does. Text of everything
shareable appears either way, so the rule does not hide too much."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from devjournal.domain.enums import (
    ActionStatus,
    EntryKind,
    GoalStatus,
    Scope,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.jobs import no_progress
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.domain.sharing import Sharing
from devjournal.exporting.checkins_csv import checkins_csv, read_checkins
from devjournal.exporting.closeout import closeout_markdown, sprint_closeout
from devjournal.exporting.closeout_html import closeout_html
from devjournal.exporting.closeout_pdf import closeout_pdf
from devjournal.exporting.history_export import HistoryRequest, history_markdown, read_history
from devjournal.exporting.history_html import history_html
from devjournal.exporting.history_pdf import history_pdf
from devjournal.exporting.ics import sessions_calendar
from devjournal.exporting.reports import REPORTS, SprintRequest, SprintsRequest
from devjournal.exporting.review import ReviewRequest
from devjournal.exporting.summary import sprint_summary, summary_markdown
from devjournal.exporting.summary_html import summary_html
from devjournal.exporting.summary_pdf import summary_pdf
from devjournal.paths import resolve_paths
from devjournal.services.container import Services, build_services
from devjournal.storage.database import open_journal
from tests.golden.compare import pdf_text

pytestmark = pytest.mark.usefixtures("qapp")

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)
START = date(2026, 10, 1)
SCOPES = st.sampled_from(list(Scope))


@dataclass(frozen=True)
class GoalSpec:
    scope: Scope
    charted: bool
    checkins: int


@dataclass(frozen=True)
class SessionSpec:
    scope: Scope
    held: bool
    day: int


@dataclass(frozen=True)
class ActionSpec:
    goal: int | None
    session: int | None
    done: bool
    due: int


@dataclass(frozen=True)
class EntrySpec:
    scope: Scope
    kind: EntryKind
    goal: int | None
    day: int


@dataclass(frozen=True)
class JournalSpec:
    goals: tuple[GoalSpec, ...]
    sessions: tuple[SessionSpec, ...]
    actions: tuple[ActionSpec, ...]
    entries: tuple[EntrySpec, ...]


@st.composite
def journals(draw: st.DrawFn) -> JournalSpec:
    goals = draw(
        st.lists(
            st.builds(GoalSpec, SCOPES, st.booleans(), st.integers(0, 2)), min_size=1, max_size=3
        )
    )
    sessions = draw(
        st.lists(st.builds(SessionSpec, SCOPES, st.booleans(), st.integers(0, 70)), max_size=2)
    )
    goal_index = st.none() | st.integers(0, len(goals) - 1)
    session_index = st.none() | st.integers(0, len(sessions) - 1) if sessions else st.none()
    actions = draw(
        st.lists(
            st.builds(ActionSpec, goal_index, session_index, st.booleans(), st.integers(0, 70)),
            max_size=3,
        )
    )
    kinds = st.sampled_from([EntryKind.WIN, EntryKind.REFLECTION, EntryKind.LESSON])
    entries = draw(
        st.lists(st.builds(EntrySpec, SCOPES, kinds, goal_index, st.integers(0, 70)), max_size=3)
    )
    return JournalSpec(tuple(goals), tuple(sessions), tuple(actions), tuple(entries))


@dataclass
class Markers:
    """Each item's marker word, private or shareable by the rule of the module docstring."""

    private: set[str] = field(default_factory=set)
    shared: set[str] = field(default_factory=set)

    def add(self, marker: str, private: bool) -> str:
        (self.private if private else self.shared).add(marker)
        return marker


def write(services: Services, spec: JournalSpec) -> tuple[int, list[int], Markers]:
    """Write ``spec`` into the journal, every text a marker word; the sprint's id, its goals'
    ids and the markers."""
    c, ms = services.coaching, services.mentorship
    marks = Markers()
    sprint = c.create_sprint(
        SprintDraft(
            title="Sprintshared",
            kind=SprintKind.SKILLS,
            coach_name="Coachshared",
            start_date=START,
            end_date=START + timedelta(days=79),
        )
    ).value
    goal_ids, private_goals = [], set()
    for g, goal in enumerate(spec.goals):
        private = goal.scope is Scope.PRIVATE
        if private:
            private_goals.add(g)
        made = c.add_goal(
            GoalDraft(
                sprint_id=sprint.id,
                title=marks.add(f"xq{g}goaltitlezz", private),
                specific=marks.add(f"xq{g}goalspecificzz", private),
                baseline=0 if goal.charted else None,
                target=10 if goal.charted else None,
                deadline=START + timedelta(days=70),
                status=GoalStatus.DRAFT,  # one marker word each: not SMART
                scope=goal.scope,
            )
        ).value
        goal_ids.append(made.id)
        for n in range(goal.checkins):
            c.add_checkin(
                CheckinDraft(
                    goal_id=made.id,
                    on_date=START + timedelta(days=10 + 20 * n),
                    value=n + 1,
                    note=marks.add(f"xq{g}n{n}checkinzz", private),
                )
            )
    session_ids, private_sessions = [], set()
    for n, session in enumerate(spec.sessions):
        private = session.scope is Scope.PRIVATE
        if private:
            private_sessions.add(n)
        session_ids.append(
            c.add_session(
                SessionDraft(
                    sprint_id=sprint.id,
                    starts_at=datetime.combine(START, datetime.min.time(), UTC)
                    + timedelta(days=session.day, hours=10),
                    status=SessionStatus.HELD if session.held else SessionStatus.PLANNED,
                    agenda=f"- {marks.add(f'xq{n}agendazz', private)}",
                    scope=session.scope,
                )
            ).value.id
        )
    for n, action in enumerate(spec.actions):
        private = action.goal in private_goals or action.session in private_sessions
        due = START + timedelta(days=action.due)
        c.add_action(
            ActionItemDraft(
                sprint_id=sprint.id,
                title=marks.add(f"xq{n}actionzz", private),
                goal_id=goal_ids[action.goal] if action.goal is not None else None,
                session_id=session_ids[action.session] if action.session is not None else None,
                due_date=due,
                status=ActionStatus.DONE if action.done else ActionStatus.OPEN,
                done_on=due if action.done else None,
            )
        )
    for n, entry in enumerate(spec.entries):
        private = entry.scope is Scope.PRIVATE or entry.goal in private_goals
        ms.add_entry(
            LogEntryDraft(
                kind=entry.kind,
                occurred_at=datetime.combine(START, datetime.min.time(), UTC)
                + timedelta(days=entry.day, hours=12),
                title=marks.add(f"xq{n}entrytitlezz", private),
                body=marks.add(f"xq{n}entrybodyzz", private),
                sprint_id=sprint.id,
                goal_id=goal_ids[entry.goal] if entry.goal is not None else None,
                scope=entry.scope,
            )
        )
    return sprint.id, goal_ids, marks


def every_report(services: Services, sprint_id: int, goal_ids: list[int], sharing: Sharing) -> str:
    """The text of every report in every format, as ``sharing`` shares."""
    texts = []
    summaries = [sprint_summary(services, sprint_id, NOW, sharing=sharing)]
    summaries += [
        sprint_summary(services, sprint_id, NOW, sharing=sharing, goal_id=goal_id)
        for goal_id in goal_ids
    ]
    for summary in summaries:
        texts += [summary_markdown(summary), summary_html(summary)]
    texts.append(pdf_text(summary_pdf(summaries[0])))
    closeout = sprint_closeout(services, sprint_id, NOW, sharing=sharing)
    texts += [
        closeout_markdown(closeout),
        closeout_html(closeout),
        pdf_text(closeout_pdf(closeout)),
    ]
    history = read_history(services, HistoryRequest(include_private=sharing.include_private), NOW)
    texts += [history_markdown(history), history_html(history), pdf_text(history_pdf(history))]
    ics = sessions_calendar(services.coaching.sessions_by_sprint(), NOW, sharing)
    texts.append(ics.decode("utf-8").replace("\r\n ", ""))  # unfolded
    texts.append(checkins_csv(read_checkins(services, sharing=sharing)).decode("utf-8"))
    return "\n".join(texts)


EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,  # the same journals on every run, so CI is deterministic
    # Each example renders ~30 documents: shrinking a failure would take minutes, and the
    # failing journal is printed as it is.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@EXAMPLES
@given(spec=journals())
def test_no_private_text_leaves_unless_included(
    spec: JournalSpec, tmp_path_factory: pytest.TempPathFactory
) -> None:
    paths = resolve_paths(str(tmp_path_factory.mktemp("journal")))
    paths.ensure()
    db = open_journal(paths.journal, paths.backups, lambda: NOW)
    try:
        services = build_services(db, paths.backups)
        sprint_id, goal_ids, marks = write(services, spec)
        shared = every_report(services, sprint_id, goal_ids, Sharing())
        leaked = sorted(m for m in marks.private if m in shared)
        assert not leaked, f"private text in a report: {leaked}"
        missing = sorted(m for m in marks.shared if m not in shared)
        assert not missing, f"shareable text missing from every report: {missing}"
        everything = every_report(services, sprint_id, goal_ids, Sharing(include_private=True))
        missing = sorted(m for m in marks.private | marks.shared if m not in everything)
        assert not missing, f"text missing with private items included: {missing}"
    finally:
        db.close()


def requests(sprint_id: int, goal_ids: list[int]) -> dict[str, list[Any]]:
    """What each report that shares is asked for over the journal of :func:`write`."""
    return {
        "summary": [SprintRequest(sprint_id)] + [SprintRequest(sprint_id, g) for g in goal_ids],
        "closeout": [SprintRequest(sprint_id)],
        "history": [HistoryRequest()],
        "sessions": [SprintsRequest(), SprintsRequest(sprint_id)],
        "checkins": [SprintsRequest(), SprintsRequest(sprint_id)],
        "timeline": [],  # what is in view: tests/ui/test_timeline_page.py
        "review": [ReviewRequest(date(2000, 1, 1), date(2100, 12, 31))],
    }


@EXAMPLES
@given(spec=journals())
def test_no_builder_of_the_registry_receives_a_private_item(
    spec: JournalSpec, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The privacy rule runs before every builder: the data each report of the registry
    gathers without "include private" holds no private text (so no format can leak it);
    every shareable text reaches some file, and with "include private" every text does."""
    paths = resolve_paths(str(tmp_path_factory.mktemp("journal")))
    paths.ensure()
    db = open_journal(paths.journal, paths.backups, lambda: NOW)
    try:
        services = build_services(db, paths.backups)
        sprint_id, goal_ids, marks = write(services, spec)
        asked = requests(sprint_id, goal_ids)
        assert set(asked) == {r.name for r in REPORTS if r.shares}, "a report is not asked"
        for sharing in (Sharing(), Sharing(include_private=True)):
            files = []
            for report in REPORTS:
                for request in asked.get(report.name, []) if report.shares else []:
                    data = report.gather(services, request, sharing, no_progress())
                    if not sharing.include_private:
                        given = repr(data)
                        leaked = sorted(m for m in marks.private if m in given)
                        assert not leaked, f"{report.name} was given private text: {leaked}"
                    text = report.build(data, report.formats[0].name).decode("utf-8")
                    files.append(text.replace("\r\n ", ""))  # an iCalendar's lines unfolded
            written = "\n".join(files)
            expected = marks.shared | (marks.private if sharing.include_private else set())
            missing = sorted(m for m in expected if m not in written)
            assert not missing, f"text missing from every report: {missing}"
    finally:
        db.close()
