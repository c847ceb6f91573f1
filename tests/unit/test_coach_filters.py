"""The History and Timeline filters by coach, in SQL: an entry counts for a coach when it is
linked to one of their (live) sprints."""

from __future__ import annotations

from datetime import UTC, date, datetime

from devjournal.domain.enums import EntryKind, Scope, SprintKind
from devjournal.domain.history import HistoryFilter
from devjournal.domain.models import GoalDraft, LogEntryDraft, Sprint, SprintDraft
from devjournal.domain.timeline import TimelineFilter, Unit
from devjournal.exporting.history_export import HistoryRequest, describe
from devjournal.services.container import Services


def _sprint(services: Services, title: str, coach: str, start: date, end: date) -> Sprint:
    draft = SprintDraft(
        title=title, kind=SprintKind.SKILLS, start_date=start, end_date=end, coach_name=coach
    )
    return services.coaching.create_sprint(draft).value


def _journal(services: Services) -> dict[str, Sprint]:
    sprints = {
        "ines": _sprint(
            services, "Review faster", "Ines Varga", date(2026, 1, 5), date(2026, 3, 1)
        ),
        "tom": _sprint(services, "Speak up", "Tom Okafor", date(2026, 3, 2), date(2026, 5, 1)),
        "ines2": _sprint(services, "Lead design", "Ines Varga", date(2026, 5, 4), date(2026, 7, 1)),
    }
    for n, key in enumerate(("ines", "tom", "ines2", None, "ines")):
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 2 + n, 10, 9, tzinfo=UTC),
                title=f"Entry {n}",
                sprint_id=sprints[key].id if key else None,
                scope=Scope.COACH,
            )
        )
    return sprints


def test_history_filter_by_coach_keeps_the_entries_of_their_sprints(services: Services) -> None:
    sprints = _journal(services)
    ines, tom = sprints["ines"].coach_id, sprints["tom"].coach_id
    assert ines is not None and tom is not None and ines != tom

    def titles(where: HistoryFilter) -> list[str]:
        return [r.title for r in services.mentorship.history_page(where)]

    assert titles(HistoryFilter(coach_id=ines)) == ["Entry 4", "Entry 2", "Entry 0"]
    assert titles(HistoryFilter(coach_id=tom)) == ["Entry 1"]
    assert titles(HistoryFilter(coach_id=ines, kind=EntryKind.ADVICE)) == []
    # A deleted sprint's entries no longer count for its coach.
    services.coaching.delete_sprint(sprints["ines2"].id)
    assert titles(HistoryFilter(coach_id=ines)) == ["Entry 4", "Entry 0"]


def test_timeline_reads_each_sprints_coach_and_filters_entries_by_coach(
    services: Services,
) -> None:
    sprints = _journal(services)
    ines = sprints["ines"].coach_id
    data = services.timeline.data()
    assert {s.title: s.coach_id for s in data.sprints} == {
        s.title: s.coach_id for s in sprints.values()
    }
    assert [name for name, _id in data.coaches] == ["Ines Varga", "Tom Okafor"]
    where = TimelineFilter(coach_id=ines)
    assert where.narrows_entries
    window = services.timeline.window(
        date(2026, 1, 1), date(2026, 12, 31), where, max_marks=100, unit=Unit.MONTH
    )
    assert [e.title for e in window.entries] == ["Entry 0", "Entry 2", "Entry 4"]
    counted = services.timeline.window(
        date(2026, 1, 1), date(2026, 12, 31), where, max_marks=0, unit=Unit.MONTH
    )
    assert counted.total == 3
    assert sum(b.count for b in counted.buckets) == 3


def test_a_coach_without_a_live_sprint_is_not_offered_on_the_timeline(
    services: Services,
) -> None:
    sprint = _sprint(services, "Alone", "Lena Park", date(2026, 1, 5), date(2026, 2, 1))
    services.coaching.add_goal(GoalDraft(sprint_id=sprint.id, title="A goal"))
    assert [name for name, _id in services.timeline.data().coaches] == ["Lena Park"]
    services.coaching.delete_sprint(sprint.id)
    assert services.timeline.data().coaches == ()


def test_a_history_export_names_the_coach_it_was_filtered_by() -> None:
    request = HistoryRequest(HistoryFilter(coach_id=3, kind=EntryKind.ADVICE))
    assert describe(request, {}, {3: "Ines Varga"}) == (
        "Sprints with the coach: Ines Varga",
        "Kind: Advice",
    )
    assert describe(request, {}) == ("Sprints with the coach: #3", "Kind: Advice")
