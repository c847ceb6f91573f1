"""Create, read, update, delete and restore every entity through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from devjournal.domain.enums import (
    ActionStatus,
    AdviceStatus,
    EntryKind,
    MetricKind,
    Relationship,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.errors import NotFoundError, ValidationError
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    MentorLinkDraft,
    MilestoneDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.services.changes import Changes
from devjournal.services.container import Services
from devjournal.storage.database import HEAD_REVISION

SPRINT = SprintDraft(
    title="Own the on-call rotation",
    kind=SprintKind.PERFORMANCE,
    coach_name="Maya",
    start_date=date(2026, 10, 1),
    end_date=date(2026, 12, 20),
)
WHEN = datetime(2026, 11, 10, 14, 30, tzinfo=UTC)


def test_sprint_lifecycle(services: Services) -> None:
    c = services.coaching
    created = c.create_sprint(SPRINT)
    assert Changes.SPRINTS in created.changes
    sprint = created.value
    assert sprint.id > 0 and sprint.title == SPRINT.title and sprint.coach_name == "Maya"
    assert sprint.created_at.tzinfo is not None

    updated = c.update_sprint(sprint.id, replace(SPRINT, focus="Senior engineer")).value
    assert updated.focus == "Senior engineer"
    assert c.sprint(sprint.id).focus == "Senior engineer"

    c.delete_sprint(sprint.id)
    assert c.sprints() == []
    with pytest.raises(NotFoundError):
        c.sprint(sprint.id)
    restored = c.restore_sprint(sprint.id).value
    assert restored.title == SPRINT.title
    assert [s.id for s in c.sprints()] == [sprint.id]


def test_invalid_sprint_leaves_journal_unchanged(services: Services) -> None:
    bad = replace(SPRINT, end_date=date(2026, 9, 1))
    with pytest.raises(ValidationError) as caught:
        services.coaching.create_sprint(bad)
    assert caught.value.field == "end_date"
    assert services.coaching.sprints() == []


def test_goal_checkin_and_milestone_lifecycle(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    goal = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Cut page-to-ack time",
            metric_kind=MetricKind.NUMBER,
            unit="minutes",
            baseline=30,
            target=10,
            deadline=date(2026, 12, 15),
        )
    ).value
    assert goal.checksum and c.goals_of(sprint.id) == [goal]

    changed = c.update_goal(goal.id, replace(goal, target=8)).value
    assert changed.target == 8 and changed.checksum != goal.checksum

    checkin = c.add_checkin(CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 1), value=22))
    assert Changes.CHECKINS in checkin.changes and Changes.GOALS in checkin.changes
    c.update_checkin(checkin.value.id, replace(checkin.value, value=21, note="busy week"))
    assert [(x.value, x.note) for x in c.checkins_of(goal.id)] == [(21, "busy week")]
    c.delete_checkin(checkin.value.id)
    assert c.checkins_of(goal.id) == []
    c.restore_checkin(checkin.value.id)
    assert len(c.checkins_of(goal.id)) == 1

    steps = c.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Runbooks", metric_kind=MetricKind.MILESTONES)
    ).value
    first = c.add_milestone(MilestoneDraft(goal_id=steps.id, title="Draft", position=0)).value
    c.add_milestone(MilestoneDraft(goal_id=steps.id, title="Review", position=1))
    c.update_milestone(first.id, replace(first, done_on=date(2026, 11, 2)))
    assert [(m.title, m.done_on) for m in c.milestones_of(steps.id)] == [
        ("Draft", date(2026, 11, 2)),
        ("Review", None),
    ]
    c.delete_milestone(first.id)
    assert [m.title for m in c.milestones_of(steps.id)] == ["Review"]
    c.restore_milestone(first.id)
    assert [m.title for m in c.milestones_of(steps.id)] == ["Draft", "Review"]

    c.delete_goal(goal.id)
    assert [g.id for g in c.goals_of(sprint.id)] == [steps.id]
    c.restore_goal(goal.id)
    assert len(c.goals_of(sprint.id)) == 2


def test_goal_deadline_outside_sprint_is_refused(services: Services) -> None:
    sprint = services.coaching.create_sprint(SPRINT).value
    with pytest.raises(ValidationError) as caught:
        services.coaching.add_goal(
            GoalDraft(sprint_id=sprint.id, title="Late", deadline=date(2027, 2, 1))
        )
    assert caught.value.field == "deadline"
    assert services.coaching.goals_of(sprint.id) == []


def test_sprint_cannot_shrink_past_a_goal_deadline(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    c.add_goal(GoalDraft(sprint_id=sprint.id, title="Late one", deadline=date(2026, 12, 15)))
    with pytest.raises(ValidationError) as caught:
        c.update_sprint(sprint.id, replace(SPRINT, end_date=date(2026, 12, 1)))
    assert "Late one" in caught.value.message
    assert c.sprint(sprint.id).end_date == SPRINT.end_date


def test_rating_checkin_outside_scale_is_refused(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    goal = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Confidence presenting",
            metric_kind=MetricKind.RATING,
            scale_max=5,
            baseline=2,
            target=4,
        )
    ).value
    with pytest.raises(ValidationError):
        c.add_checkin(CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 1), value=6))
    assert c.checkins_of(goal.id) == []


def test_sessions_and_action_items(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    other = c.create_sprint(replace(SPRINT, title="Other")).value
    session = c.add_session(
        SessionDraft(sprint_id=sprint.id, starts_at=WHEN, agenda="- Review on-call")
    ).value
    held = c.update_session(
        session.id, replace(session, status=SessionStatus.HELD, notes="Good talk")
    ).value
    assert held.status is SessionStatus.HELD and held.starts_at == WHEN

    item = c.add_action(
        ActionItemDraft(
            sprint_id=sprint.id,
            session_id=session.id,
            title="Write runbook",
            due_date=date(2026, 11, 20),
        )
    ).value
    assert item.is_overdue(date(2026, 11, 21)) and not item.is_overdue(date(2026, 11, 20))
    done = c.update_action(
        item.id, replace(item, status=ActionStatus.DONE, done_on=date(2026, 11, 19))
    ).value
    assert not done.is_overdue(date(2026, 12, 1))

    with pytest.raises(ValidationError) as caught:
        c.add_action(ActionItemDraft(sprint_id=other.id, session_id=session.id, title="Wrong"))
    assert caught.value.field == "session_id"
    assert [a.id for a in c.actions_of(sprint.id)] == [item.id]

    c.delete_action(item.id)
    c.delete_session(session.id)
    assert c.actions_of(sprint.id) == [] and c.sessions_of(sprint.id) == []
    assert c.restore_session(session.id).value.notes == "Good talk"
    assert c.restore_action(item.id).value.status is ActionStatus.DONE
    assert len(c.actions_of(sprint.id)) == 1 and len(c.sessions_of(sprint.id)) == 1


def test_mentors_links_and_entries(services: Services) -> None:
    ms = services.mentorship
    mentor = ms.add_mentor(
        MentorDraft(name="Grace", relationship=Relationship.FROM_AFAR, seeking="How to write")
    ).value
    link = ms.add_link(
        MentorLinkDraft(mentor_id=mentor.id, label="Blog", url="https://example.com/grace")
    ).value
    ms.update_link(link.id, replace(link, label="Essays"))
    assert [x.label for x in ms.links_of(mentor.id)] == ["Essays"]
    ms.delete_link(link.id)
    assert ms.links_of(mentor.id) == []
    ms.restore_link(link.id)
    assert [x.label for x in ms.links_of(mentor.id)] == ["Essays"]
    with pytest.raises(ValidationError):
        ms.add_link(MentorLinkDraft(mentor_id=mentor.id, label="x", url="javascript:alert(1)"))

    advice = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=WHEN,
            title="Write every day",
            body="Even *ten* minutes.",
            mentor_id=mentor.id,
            tags=("Writing", " writing ", "career growth"),
        )
    ).value
    assert advice.advice_status is AdviceStatus.NEW
    assert advice.tags == ("career growth", "Writing")
    reflection = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=WHEN,
            title="It worked",
            responds_to_id=advice.id,
        )
    ).value
    assert reflection.responds_to_id == advice.id

    edited = ms.update_entry(advice.id, replace(advice, tags=("writing",), title="Write daily"))
    assert edited.value.tags == ("Writing",) and edited.value.title == "Write daily"
    assert {t.name: t.entry_count for t in ms.tags()} == {"career growth": 0, "Writing": 1}
    assert ms.last_contact() == {mentor.id: WHEN}
    assert [e.id for e in ms.entries_of_mentor(mentor.id)] == [advice.id]
    assert [e.id for e in ms.latest_entries(5)] == [reflection.id, advice.id]

    ms.delete_entry(advice.id)
    assert [e.id for e in ms.latest_entries(5)] == [reflection.id]
    ms.restore_entry(advice.id)
    assert ms.entry(advice.id).tags == ("Writing",)

    ms.update_mentor(mentor.id, replace(mentor, contact_every_days=30))
    assert ms.mentor(mentor.id).contact_every_days == 30
    ms.delete_mentor(mentor.id)
    assert ms.mentors() == []
    ms.restore_mentor(mentor.id)
    assert [m.name for m in ms.mentors()] == ["Grace"]


def test_entry_links_must_exist(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.mentorship.add_entry(
            LogEntryDraft(kind=EntryKind.WIN, occurred_at=WHEN, title="Win", mentor_id=99)
        )
    assert caught.value.field == "mentor_id"
    assert services.mentorship.latest_entries() == []


def test_unknown_ids_are_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no goal with id 42"):
        services.coaching.goal(42)
    with pytest.raises(NotFoundError):
        services.mentorship.delete_entry(42)


def test_today_on_empty_and_filled_journal(services: Services) -> None:
    assert services.journal.today().is_empty
    c = services.coaching
    sprint = c.create_sprint(SPRINT).value
    c.add_goal(GoalDraft(sprint_id=sprint.id, title="G"))
    c.add_session(
        SessionDraft(sprint_id=sprint.id, starts_at=datetime(2026, 11, 20, 10, tzinfo=UTC))
    )
    c.add_action(ActionItemDraft(sprint_id=sprint.id, title="Late", due_date=date(2026, 11, 10)))
    c.add_action(ActionItemDraft(sprint_id=sprint.id, title="Soon", due_date=date(2026, 11, 21)))
    services.mentorship.add_entry(
        LogEntryDraft(kind=EntryKind.WIN, occurred_at=WHEN, title="Shipped")
    )
    today = services.journal.today()
    assert not today.is_empty and today.today == date(2026, 11, 18)
    [standing] = today.active_sprints
    assert (standing.day, standing.total_days, standing.sprint.goal_count) == (49, 81, 1)
    assert (today.open_actions, today.overdue_actions) == (2, 1)
    assert [a.title for a in today.due_actions] == ["Late", "Soon"]
    assert today.next_session is not None
    assert today.next_session.sprint_title == SPRINT.title
    assert today.next_session.starts_at == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert [(e.title, e.mentor_name) for e in today.latest_entries] == [("Shipped", "")]
    assert today.log_entry_count == 1

    # Deleted things leave Today.
    c.delete_sprint(sprint.id)
    after = services.journal.today()
    assert after.active_sprints == () and after.open_actions == 0 and after.next_session is None


def test_info_counts(services: Services) -> None:
    services.coaching.create_sprint(SPRINT)
    info = services.journal.info()
    assert info.revision == HEAD_REVISION
    assert info.counts["sprints"] == 1 and info.counts["log_entries"] == 0
    assert info.size_bytes > 0
