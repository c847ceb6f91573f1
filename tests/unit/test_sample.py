"""The sample-journal generator: deterministic, valid, consistent and realistic."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest

from devjournal.domain import outreach as reach
from devjournal.domain import rules
from devjournal.domain.enums import (
    ActionStatus,
    ClosedState,
    EntryKind,
    GoalStatus,
    MetricKind,
    OutreachStatus,
    Relationship,
    SessionStatus,
)
from devjournal.sample import SampleJournal, SampleSize, build_sample

TODAY = date(2026, 11, 18)  # the Wednesday the shared test clock is stopped at
TABLES = (
    "sprints",
    "goals",
    "milestones",
    "checkins",
    "sessions",
    "actions",
    "mentors",
    "links",
    "entries",
    "assessments",
)


@pytest.fixture(scope="module")
def small() -> SampleJournal:
    return build_sample(SampleSize.SMALL, TODAY)


@pytest.fixture(scope="module")
def decade() -> SampleJournal:
    return build_sample(SampleSize.DECADE, TODAY)


@pytest.fixture(params=["small", "decade"])
def journal(request: pytest.FixtureRequest) -> SampleJournal:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def _sprint_containing(journal: SampleJournal, day: date) -> list[int]:
    return [sid for sid, s in journal.sprints if s.start_date <= day <= s.end_date]


# -- determinism ----------------------------------------------------------------------------


def test_same_inputs_give_the_same_journal(small: SampleJournal, decade: SampleJournal) -> None:
    assert build_sample(SampleSize.SMALL, TODAY) == small
    assert build_sample(SampleSize.DECADE, TODAY) == decade
    assert build_sample(SampleSize("small"), TODAY) == small


def test_dates_follow_today() -> None:
    later = TODAY + timedelta(days=365)
    moved = build_sample(SampleSize.SMALL, later)
    assert moved.entries[-1][1].occurred_at.date() < later
    assert moved.entries[-1][1].occurred_at.date() > TODAY
    assert len(_sprint_containing(moved, later)) == 1


# -- validity --------------------------------------------------------------------------------


def test_every_draft_passes_its_validator(journal: SampleJournal) -> None:
    sprints = dict(journal.sprints)
    goals = dict(journal.goals)
    for _, sprint in journal.sprints:
        rules.validate_sprint(sprint)
    for _, goal in journal.goals:
        rules.validate_goal(goal, sprints[goal.sprint_id])
    for _, milestone in journal.milestones:
        rules.validate_milestone(milestone)
    for _, checkin in journal.checkins:
        rules.validate_checkin(checkin, goals[checkin.goal_id])
    for _, session in journal.sessions:
        rules.validate_session(session)
    for _, action in journal.actions:
        rules.validate_action_item(action)
    for _, mentor in journal.mentors:
        rules.validate_mentor(mentor)
    for _, link in journal.links:
        rules.validate_mentor_link(link)
    for eid, entry in journal.entries:
        rules.validate_log_entry(entry, eid)


def test_database_rules_hold(journal: SampleJournal) -> None:
    for _, action in journal.actions:
        assert (action.status is ActionStatus.DONE) == (action.done_on is not None)
    for _, entry in journal.entries:
        assert (entry.kind is EntryKind.ADVICE) == (entry.advice_status is not None)
        assert entry.title.strip() and len(entry.title) <= 300
        assert len(entry.tags) <= 4
        assert len(rules.normalise_tags(entry.tags)) == len(entry.tags)
    for _, mentor in journal.mentors:
        assert mentor.started_on is not None
        assert mentor.ended_on is None or mentor.ended_on >= mentor.started_on
        assert mentor.ended_on is None or mentor.ended_on < TODAY
    for _, sprint in journal.sprints:
        assert (sprint.closed_on is None) == (sprint.closed_state is None)
        if sprint.end_date < TODAY:
            assert sprint.closed_state is not None
            assert sprint.closed_on is not None
            assert sprint.start_date <= sprint.closed_on <= sprint.end_date
        else:
            assert sprint.closed_state is None
        if sprint.closed_state is ClosedState.COMPLETED:
            assert sprint.retrospective.strip()
        assert 6 * 7 <= (sprint.end_date - sprint.start_date).days + 1 <= 16 * 7
        assert sprint.session_every_days in (7, 14, 21)


def test_ids_run_from_one_in_list_order(journal: SampleJournal) -> None:
    for table in TABLES:
        rows = getattr(journal, table)
        assert [rid for rid, _ in rows] == list(range(1, len(rows) + 1)), table


def test_every_foreign_key_exists(journal: SampleJournal) -> None:
    sprints = dict(journal.sprints)
    goals = dict(journal.goals)
    sessions = dict(journal.sessions)
    mentors = dict(journal.mentors)
    entries = dict(journal.entries)
    for gid, goal in journal.goals:
        assert goal.sprint_id in sprints
        if goal.rolled_from_id is not None:
            earlier = goals[goal.rolled_from_id]
            assert goal.rolled_from_id < gid
            assert earlier.title == goal.title
            assert sprints[earlier.sprint_id].end_date < sprints[goal.sprint_id].start_date
    for _, milestone in journal.milestones:
        assert goals[milestone.goal_id].metric_kind is MetricKind.MILESTONES
    for _, checkin in journal.checkins:
        assert checkin.goal_id in goals
    for _, session in journal.sessions:
        assert session.sprint_id in sprints
    for _, action in journal.actions:
        assert action.sprint_id in sprints
        assert action.session_id is not None
        assert sessions[action.session_id].sprint_id == action.sprint_id
        if action.goal_id is not None:
            assert goals[action.goal_id].sprint_id == action.sprint_id
    for _, link in journal.links:
        assert link.mentor_id in mentors
    for eid, entry in journal.entries:
        assert entry.mentor_id is None or entry.mentor_id in mentors
        assert entry.sprint_id is None or entry.sprint_id in sprints
        if entry.goal_id is not None:
            assert goals[entry.goal_id].sprint_id == entry.sprint_id
        if entry.responds_to_id is not None:
            assert entry.responds_to_id < eid
            assert entries[entry.responds_to_id].kind is EntryKind.ADVICE


def test_times_are_aware_and_entries_sorted(journal: SampleJournal) -> None:
    times = [entry.occurred_at for _, entry in journal.entries]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times)
    assert times[-1].date() < TODAY
    for _, session in journal.sessions:
        local = session.starts_at
        assert local.tzinfo is not None
        assert local.weekday() < 5
        assert 9 <= local.hour < 17


# -- the small journal's "today" -------------------------------------------------------------


@pytest.mark.parametrize(
    "today",
    [TODAY, date(2026, 11, 21), date(2026, 11, 22), date(2024, 2, 29), date(2031, 1, 1)],
)
def test_small_journal_is_current_on_any_day(today: date) -> None:
    tz = timezone(timedelta(hours=-5))
    journal = build_sample(SampleSize.SMALL, today, tz)
    sprints = dict(journal.sprints)
    (active,) = _sprint_containing(journal, today)
    assert sprints[active].closed_state is None

    statuses = Counter(g.status for _, g in journal.goals if g.sprint_id == active)
    assert statuses[GoalStatus.ACTIVE] > sum(statuses.values()) / 2

    upcoming = [
        s.starts_at.date()
        for _, s in journal.sessions
        if s.sprint_id == active and s.status is SessionStatus.PLANNED
    ]
    assert min(upcoming) > today
    assert min(upcoming) <= today + timedelta(days=7)
    past = [s for _, s in journal.sessions if s.sprint_id == active and s.starts_at.date() < today]
    assert all(s.status is not SessionStatus.PLANNED for s in past)

    open_items = [
        a for _, a in journal.actions if a.sprint_id == active and a.status is ActionStatus.OPEN
    ]
    assert sum(1 for a in open_items if a.due_date is not None and a.due_date < today) >= 2
    assert any(a.due_date is not None and a.due_date >= today for a in open_items)
    # Only the running sprint has open items.
    assert {a.sprint_id for _, a in journal.actions if a.status is ActionStatus.OPEN} == {active}

    planned = [s for _, s in journal.sprints if s.start_date > today]
    assert len(planned) == 1
    assert planned[0].closed_state is None
    finished = [s for _, s in journal.sprints if s.end_date < today]
    assert any(s.closed_state is ClosedState.COMPLETED and s.retrospective for s in finished)
    assert len(finished) >= 2

    assert all(e.occurred_at.utcoffset() == timedelta(hours=-5) for _, e in journal.entries)
    assert any(g.rolled_from_id is not None for _, g in journal.goals)


def test_small_journal_sizes(small: SampleJournal) -> None:
    assert 4 <= len(small.sprints) <= 5
    per_sprint = Counter(g.sprint_id for _, g in small.goals)
    assert all(2 <= n <= 4 for n in per_sprint.values())
    assert set(per_sprint) == {sid for sid, _ in small.sprints}
    assert 6 <= len(small.mentors) <= 10
    assert 120 <= len(small.entries) <= 180
    first = small.entries[0][1].occurred_at.date()
    assert TODAY - timedelta(days=800) <= first <= TODAY - timedelta(days=600)


def test_decade_journal_sizes(decade: SampleJournal) -> None:
    assert 35 <= len(decade.sprints) <= 45
    assert 9_000 <= len(decade.entries) <= 11_000
    assert 35 <= len(decade.mentors) <= 45
    first = decade.entries[0][1].occurred_at.date()
    assert TODAY - timedelta(days=3700) <= first <= TODAY - timedelta(days=3500)
    assert decade.sprints[0][1].start_date < TODAY - timedelta(days=9 * 365)
    # Mentors come and go.
    assert sum(1 for _, m in decade.mentors if m.ended_on is not None) >= 5
    assert len({m.started_on.year for _, m in decade.mentors if m.started_on}) >= 6
    assert len(_sprint_containing(decade, TODAY)) == 1


# -- realism ---------------------------------------------------------------------------------


def test_everything_is_represented(journal: SampleJournal) -> None:
    assert {m.relationship for _, m in journal.mentors} == set(Relationship)
    assert {e.kind for _, e in journal.entries} == set(EntryKind)
    assert any(e.responds_to_id is not None for _, e in journal.entries)
    assert any(e.sprint_id is not None and e.kind is EntryKind.WIN for _, e in journal.entries)
    assert {s.status for _, s in journal.sessions} == set(SessionStatus)
    assert {a.status for _, a in journal.actions} == set(ActionStatus)
    assert any(g.status is GoalStatus.DRAFT and g.target is None for _, g in journal.goals)


def test_decade_has_every_measure_and_outcome(decade: SampleJournal) -> None:
    assert {g.metric_kind for _, g in decade.goals} == set(MetricKind)
    assert {g.status for _, g in decade.goals} == set(GoalStatus)
    assert {s.closed_state for _, s in decade.sprints} == {None, *ClosedState}
    assert {e.advice_status for _, e in decade.entries if e.advice_status} == {
        e.advice_status for _, e in decade.entries if e.kind is EntryKind.ADVICE
    }
    assert len({e.advice_status for _, e in decade.entries} - {None}) == 5


def test_goals_are_smart_and_measured(journal: SampleJournal) -> None:
    sprints = dict(journal.sprints)
    checkins: dict[int, list[float]] = {}
    for _, c in journal.checkins:
        checkins.setdefault(c.goal_id, []).append(c.value)
        assert c.on_date <= TODAY
    milestones = Counter(m.goal_id for _, m in journal.milestones)
    for gid, goal in journal.goals:
        sprint = sprints[goal.sprint_id]
        if goal.metric_kind is MetricKind.MILESTONES:
            assert goal.baseline is None and goal.target is None
            assert 3 <= milestones[gid] <= 6
        elif goal.status is not GoalStatus.DRAFT:
            assert goal.specific and goal.achievable and goal.relevant and goal.metric_name
            assert goal.baseline is not None and goal.target is not None
            assert goal.deadline is not None
            assert sprint.start_date <= goal.deadline <= sprint.end_date
            assert checkins.get(gid), goal.title
        if goal.status in (GoalStatus.ACHIEVED, GoalStatus.MISSED):
            assert goal.lessons
            if goal.metric_kind is not MetricKind.MILESTONES:
                assert goal.final_value is not None
                assert goal.final_value == checkins[gid][-1]
                assert goal.target is not None
                met = (
                    goal.final_value >= goal.target
                    if goal.direction.value == "up"
                    else goal.final_value <= goal.target
                )
                assert met == (goal.status is GoalStatus.ACHIEVED), goal


def test_milestones_done_only_in_the_past(journal: SampleJournal) -> None:
    for _, milestone in journal.milestones:
        assert milestone.done_on is None or milestone.done_on <= TODAY


def test_action_items_fall_due_after_their_session(journal: SampleJournal) -> None:
    sessions = dict(journal.sessions)
    for _, action in journal.actions:
        held = sessions[action.session_id or 0]
        assert held.status is SessionStatus.HELD
        assert action.due_date is not None
        assert 3 <= (action.due_date - held.starts_at.date()).days <= 28
        if action.done_on is not None:
            assert held.starts_at.date() < action.done_on <= TODAY


def test_mentors_look_real(journal: SampleJournal) -> None:
    links = Counter(link.mentor_id for _, link in journal.links)
    for mid, mentor in journal.mentors:
        assert 1 <= links[mid] <= 3
        assert mentor.seeking
        if mentor.relationship is Relationship.FROM_AFAR:
            assert mentor.contact_every_days is None
        else:
            assert mentor.contact_every_days is not None
        assert bool(mentor.programme) == (mentor.formality.value == "formal")
        if mentor.affiliation.value == "internal":
            assert mentor.organisation
    for _, link in journal.links:
        host = link.url.split("@")[-1] if link.url.startswith("mailto:") else link.url
        assert link.url.startswith(("https://", "mailto:"))
        assert "example." in host
    for _, entry in journal.entries:
        if entry.kind is EntryKind.LESSON:
            assert entry.source_url.startswith("https://")
            assert entry.mentor_id is not None
        else:
            assert entry.source_url == ""


def test_entries_are_varied(decade: SampleJournal) -> None:
    bodies = [e.body for _, e in decade.entries]
    assert len(set(bodies)) > 0.9 * len(bodies)
    assert any("**" in b for b in bodies)
    assert any("\n- " in b for b in bodies)
    assert any(word in b for b in bodies for word in ("café", "naïve", "résumé"))
    assert all(1 <= b.count("\n\n") + 1 <= 12 for b in bodies)
    tags = Counter(t for _, e in decade.entries for t in e.tags)
    assert 30 <= len(tags) <= 50
    assert any(" " in t for t in tags)
    scopes = Counter(e.scope.value for _, e in decade.entries)
    assert scopes["private"] > scopes["coach"] + scopes["mentor"]
    assert scopes["coach"] and scopes["mentor"]


def test_entry_mentors_were_around_at_the_time(decade: SampleJournal) -> None:
    mentors = dict(decade.mentors)
    expected = {
        EntryKind.LESSON: Relationship.FROM_AFAR,
        EntryKind.TAUGHT: Relationship.REVERSE,
    }
    for _, entry in decade.entries:
        if entry.mentor_id is None:
            continue
        mentor = mentors[entry.mentor_id]
        day = entry.occurred_at.date()
        assert mentor.started_on is not None and mentor.started_on <= day
        assert mentor.ended_on is None or day <= mentor.ended_on
        if entry.kind in expected:
            assert mentor.relationship is expected[entry.kind]


def test_datetimes_are_built_in_the_given_zone() -> None:
    tz = timezone(timedelta(hours=9), "JST")
    journal = build_sample(SampleSize.SMALL, TODAY, tz)
    stamps: list[datetime] = [e.occurred_at for _, e in journal.entries]
    stamps += [s.starts_at for _, s in journal.sessions]
    assert all(t.tzinfo is tz for t in stamps)


def test_assessments_come_before_the_sprints_and_mentors_they_led_to(
    journal: SampleJournal,
) -> None:
    taken = [a.taken_at for _, a in journal.assessments]
    assert len(taken) >= 4 and taken == sorted(taken)
    starts = {s.start_date for _, s in journal.sprints} | {
        m.started_on for _, m in journal.mentors if m.started_on is not None
    }
    for _, assessment in journal.assessments:
        assert assessment.taken_at.date() < TODAY
        assert any(0 < (start - assessment.taken_at.date()).days <= 40 for start in starts), (
            assessment
        )  # a little before something began
        assert assessment.in_own_words.strip()


def test_every_sprint_is_with_a_coach_of_the_journal(journal: SampleJournal) -> None:
    coaches = dict(journal.coaches)
    assert [cid for cid, _c in journal.coaches] == list(range(1, len(coaches) + 1))
    for _sid, sprint in journal.sprints:
        assert sprint.coach_id is not None
        assert coaches[sprint.coach_id].name == sprint.coach_name
    for coach in coaches.values():
        rules.validate_coach(coach)
        assert coach.coaches and coach.organisation and coach.notes and "@" in coach.contact
    assert len({c.name for c in coaches.values()}) == len(coaches)


def test_the_decade_has_several_coaches_one_after_another(decade: SampleJournal) -> None:
    assert len(decade.coaches) >= 4
    firsts = {}
    for _sid, sprint in sorted(decade.sprints, key=lambda p: p[1].start_date):
        firsts.setdefault(sprint.coach_id, sprint.start_date)
    assert len(set(firsts.values())) == len(firsts)  # met at different times


# -- outreach -------------------------------------------------------------------------------
@pytest.mark.parametrize("today", [TODAY, date(2024, 2, 29), date(2031, 1, 1)])
def test_outreach_in_every_status_with_follow_ups_due(today: date) -> None:
    journal = build_sample(SampleSize.SMALL, today)
    assert [rid for rid, _ in journal.outreach] == list(range(1, len(journal.outreach) + 1))
    assert 6 <= len(journal.outreach) <= 12
    assert {o.status for _, o in journal.outreach} == set(OutreachStatus)
    mentors = dict(journal.mentors)
    for _, o in journal.outreach:
        rules.validate_outreach(o)
        assert reach.status_day(o) <= today
        if o.mentor_id is not None:
            mentor = mentors[o.mentor_id]
            assert (o.name, o.status, o.closed_on) == (
                mentor.name,
                OutreachStatus.AGREED,
                mentor.started_on,
            )
    assert any(o.mentor_id for _, o in journal.outreach)
    sent = [o for _, o in journal.outreach if o.status is OutreachStatus.SENT]
    assert any(reach.follow_up_due(o, today) for o in sent)
    assert any(not reach.follow_up_due(o, today) for o in sent)


def test_a_decade_of_outreach_and_mentors_who_say_how_we_converse(decade: SampleJournal) -> None:
    closed = [o for _, o in decade.outreach if o.status.is_closed]
    assert len(decade.outreach) >= 30
    assert min(reach.status_day(o) for o in closed) < TODAY - timedelta(days=5 * 365)
    assert sum(1 for _, o in decade.outreach if o.mentor_id) >= 3
    conversing = [m for _, m in decade.mentors if m.converse_format is not None]
    assert len(conversing) >= len(decade.mentors) // 3
    assert all(m.relationship is not Relationship.FROM_AFAR for m in conversing)
    assert any(m.topics and m.boundaries for m in conversing)
    for _, mentor in decade.mentors:
        rules.validate_mentor(mentor)
