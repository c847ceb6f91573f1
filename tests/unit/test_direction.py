"""The direction (where the user wants to be in one, three and five years) outside the
window: the sample's direction, the choices a "Serves:" field offers, marking a part
reached, the privacy rule's case for it, and the review's "Direction" section in every
format."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime

import pytest

from devjournal.domain.enums import (
    AimHorizon,
    Direction,
    GoalStatus,
    Relationship,
    Scope,
    SprintKind,
)
from devjournal.domain.jobs import no_progress
from devjournal.domain.models import AimDraft, GoalDraft, MentorDraft, SprintDraft
from devjournal.domain.sharing import Sharing
from devjournal.exporting.reports import REVIEW
from devjournal.exporting.review import PeriodReview, ReviewRequest, review_markdown
from devjournal.sample import SampleJournal, SampleSize, build_sample
from devjournal.services.container import Services
from tests.clocks import NOW
from tests.golden.compare import pdf_text

TODAY = date(2026, 11, 18)
PERIOD = ReviewRequest(date(2026, 1, 1), date(2026, 10, 31))


# -- the sample ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def decade() -> SampleJournal:
    return build_sample(SampleSize.DECADE, TODAY)


@pytest.fixture(scope="module")
def small() -> SampleJournal:
    return build_sample(SampleSize.SMALL, TODAY)


def test_the_decade_sample_has_a_direction_some_of_it_reached(decade: SampleJournal) -> None:
    per = Counter(a.horizon for _, a in decade.aims)
    assert set(per) == set(AimHorizon) and all(2 <= n <= 4 for n in per.values())
    reached = [a.reached_on for _, a in decade.aims if a.reached_on is not None]
    assert reached and all(day <= TODAY for day in reached)
    assert any(a.reached_on is None for _, a in decade.aims)
    assert {a.scope for _, a in decade.aims} == {Scope.PRIVATE, Scope.MENTOR}
    assert [i for i, _ in decade.aims] == list(range(1, len(decade.aims) + 1))
    for horizon in AimHorizon:  # in order within each horizon
        positions = [a.position for _, a in decade.aims if a.horizon is horizon]
        assert positions == list(range(len(positions)))


def test_a_share_of_the_sample_serves_the_direction(decade: SampleJournal) -> None:
    ids = {i for i, _ in decade.aims}
    for rows in (decade.sprints, decade.goals, decade.mentors):
        serving = [d.serves_id for _, d in rows if d.serves_id is not None]
        assert serving and set(serving) <= ids
        assert len(serving) < len(rows)  # a share, not all
    aims = dict(decade.aims)
    for _, sprint in decade.sprints:  # an aim served was not reached before the sprint began
        if sprint.serves_id is not None:
            reached = aims[sprint.serves_id].reached_on
            assert reached is None or reached >= sprint.start_date


def test_the_small_sample_has_a_few_parts(small: SampleJournal) -> None:
    assert 3 <= len(small.aims) <= 5
    assert {a.horizon for _, a in small.aims} == set(AimHorizon)
    assert build_sample(SampleSize.SMALL, TODAY).aims == small.aims  # the same every time


# -- the service ---------------------------------------------------------------------------
def test_the_serves_choices_name_deleted_aims_too(services: Services) -> None:
    people = services.people
    five = people.add_aim(AimDraft(horizon=AimHorizon.FIVE_YEARS, title="Write a book")).value
    one = people.add_aim(AimDraft(horizon=AimHorizon.ONE_YEAR, title="Give a talk")).value
    gone = people.add_aim(AimDraft(horizon=AimHorizon.ONE_YEAR, title="Old plan")).value
    people.delete_aim(gone.id)
    choices = people.aim_choices()
    assert [a.title for a in choices.live] == ["Give a talk", "Write a book"]
    assert [a.title for a in choices.gone] == ["Old plan"]
    assert five.id != one.id


def test_reaching_an_aim_dates_it_today_and_again_undoes_it(services: Services) -> None:
    people = services.people
    aim = people.add_aim(AimDraft(horizon=AimHorizon.ONE_YEAR, title="Lead a project")).value
    reached = people.reach_aim(aim.id, None).value
    assert reached.reached_on == NOW.astimezone().date()
    assert people.reach_aim(aim.id, None).value.reached_on is None
    assert people.reach_aim(aim.id, date(2026, 3, 3)).value.reached_on == date(2026, 3, 3)


def test_the_privacy_rule_shares_an_aim_by_its_scope() -> None:
    class Item:
        def __init__(self, scope: Scope) -> None:
            self.id, self.scope = 1, scope

    rule = Sharing().rule()
    assert not rule.aim(Item(Scope.PRIVATE)) and rule.aim(Item(Scope.MENTOR))
    assert Sharing(include_private=True).rule().aim(Item(Scope.PRIVATE))


# -- the review ------------------------------------------------------------------------------
def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10).astimezone()


def fill(services: Services) -> None:
    """A shared aim reached in the period and served by a sprint, its goals (one private)
    and a mentor; a private aim; one reached long before, served by nothing."""
    people, c, ms = services.people, services.coaching, services.mentorship
    lead = people.add_aim(
        AimDraft(
            horizon=AimHorizon.ONE_YEAR,
            title="Lead <a> project",
            detail="End to end.",
            reached_on=date(2026, 6, 1),
            scope=Scope.MENTOR,
        )
    ).value
    people.add_aim(AimDraft(horizon=AimHorizon.THREE_YEARS, title="Secret ambition"))
    people.add_aim(
        AimDraft(
            horizon=AimHorizon.FIVE_YEARS,
            title="Long done",
            reached_on=date(2024, 1, 1),
            scope=Scope.MENTOR,
        )
    )
    people.add_aim(
        AimDraft(horizon=AimHorizon.FIVE_YEARS, title="Staff engineer", scope=Scope.COACH)
    )
    sprint = c.create_sprint(
        SprintDraft(
            title="Own the launch",
            kind=SprintKind.LEADERSHIP,
            start_date=date(2026, 2, 1),
            end_date=date(2026, 4, 30),
            serves_id=lead.id,
        )
    ).value
    goal = GoalDraft(
        sprint_id=sprint.id,
        title="Launch reviews held",
        unit="reviews",
        baseline=0,
        target=4,
        direction=Direction.UP,
        status=GoalStatus.ACHIEVED,
        final_value=4,
        serves_id=lead.id,
    )
    c.add_goal(goal)
    c.add_goal(replace(goal, title="Secret goal", scope=Scope.PRIVATE))
    ms.add_mentor(MentorDraft(name="Ada", relationship=Relationship.PEER, serves_id=lead.id))
    ms.add_mentor(
        MentorDraft(
            name="Gone before",
            relationship=Relationship.PEER,
            serves_id=lead.id,
            started_on=date(2020, 1, 1),
            ended_on=date(2021, 1, 1),
        )
    )


@pytest.fixture
def review(services: Services) -> object:
    fill(services)

    def made(include_private: bool = False) -> PeriodReview:
        return REVIEW.gather(services, PERIOD, Sharing(include_private), no_progress())

    return made


def test_the_review_shows_each_shared_aim_and_what_served_it(review: object) -> None:
    shared: PeriodReview = review()  # type: ignore[operator]
    assert [a.title for a in shared.direction] == ["Lead <a> project", "Staff engineer"]
    lead, staff = shared.direction
    assert lead.reached_in_period and lead.reached_on == date(2026, 6, 1)
    assert lead.sprints == ("Own the launch (1 Feb 2026 – 30 Apr 2026)",)
    assert [g.title for g in lead.goals] == ["Launch reviews held"]  # the private one stays out
    assert lead.mentors == ("Ada (peer)",)  # not one whose time had ended
    assert not staff.served and staff.reached_on is None
    assert shared.left_out == 2  # the private aim and the private goal

    everything: PeriodReview = review(include_private=True)  # type: ignore[operator]
    assert "Secret ambition" in [a.title for a in everything.direction]
    assert "Secret goal" in [g.title for a in everything.direction for g in a.goals]


def test_the_direction_section_in_markdown_html_and_pdf(review: object) -> None:
    shared: PeriodReview = review()  # type: ignore[operator]
    text = review_markdown(shared)
    section = text[text.index("## Direction") :]
    assert section.startswith(
        "## Direction\n\n2 parts of where I want to be, 1 reached in this period.\n\n"
        "### In a year: Lead \\<a\\> project\n\nEnd to end.\n\n"
        "Reached on 1 Jun 2026, in this period.\n\n"
        "- Sprint: Own the launch (1 Feb 2026 – 30 Apr 2026)\n"
        "- Goal: Launch reviews held (Own the launch): Achieved. "
        "Baseline 0 → final 4 → target 4 reviews; 100% achieved · target met\n"
        "- Mentor: Ada (peer)\n"
    )
    assert "### In five years: Staff engineer\n\nNot reached yet.\n\n" in section
    assert "No sprint, goal or mentor of this period served it." in section
    assert "Secret" not in text and "Long done" not in text

    page = REVIEW.build(shared, "html").decode("utf-8")
    assert "<h2>Direction</h2>" in page
    assert "<h3>In a year: Lead &lt;a&gt; project</h3>" in page
    assert "Secret" not in page

    pdf = pdf_text(REVIEW.build(shared, "pdf"))
    assert "Direction" in pdf and "Lead <a> project" in pdf and "Secret" not in pdf

    everything: PeriodReview = review(include_private=True)  # type: ignore[operator]
    for written in (
        review_markdown(everything),
        REVIEW.build(everything, "html").decode("utf-8"),
        pdf_text(REVIEW.build(everything, "pdf")),
    ):
        assert "Secret ambition" in written


def test_a_period_without_a_direction_says_so(services: Services) -> None:
    text = review_markdown(REVIEW.gather(services, PERIOD, Sharing(), no_progress()))
    assert "## Direction\n\nNo part of the direction to show for this period.\n" in text
