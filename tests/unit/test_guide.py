"""Coach or mentor? The self-assessment's recommendation (``domain/guide.py``)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from devjournal.domain.enums import (
    GoalClarity,
    Horizon,
    LearnFrom,
    Need,
    PathClarity,
    Relationship,
    SprintKind,
)
from devjournal.domain.guide import (
    QUESTIONS,
    Guide,
    draft_mentor,
    draft_sprint,
    recommend,
    unanswered,
)
from devjournal.domain.models import AssessmentDraft

TODAY = date(2026, 11, 18)
NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


def answers(
    need: Need,
    goal: GoalClarity | None,
    path: PathClarity | None,
    horizon: Horizon | None,
    learn_from: LearnFrom | None = LearnFrom.NOBODY,
    own: str = "",
) -> AssessmentDraft:
    return AssessmentDraft(
        taken_at=NOW,
        need=need,
        goal=goal,
        path=path,
        horizon=horizon,
        learn_from=learn_from,
        in_own_words=own,
    )


def test_a_named_skill_with_a_clear_goal_and_road_soon_wants_a_skills_coach() -> None:
    found = recommend(answers(Need.SKILL, GoalClarity.CLEAR, PathClarity.KNOWN, Horizon.MONTHS))

    assert found.guide is Guide.COACH
    assert found.sprint_kind is SprintKind.SKILLS and found.relationship is None
    assert found.headline() == "A skills coach"
    assert found.reasons[0].startswith("You want to build a specific skill")
    assert all("mentor" not in r for r in found.reasons)  # only what speaks for a coach


def test_a_long_view_with_no_road_known_wants_a_mentor_of_the_kind_named() -> None:
    found = recommend(
        answers(
            Need.DIRECTION,
            GoalClarity.UNCLEAR,
            PathClarity.UNKNOWN,
            Horizon.YEARS,
            learn_from=LearnFrom.PEER,
        )
    )

    assert found.guide is Guide.MENTOR
    assert found.relationship is Relationship.PEER and found.sprint_kind is None
    assert found.headline() == "A peer mentor"
    assert len(found.reasons) == 4


def test_a_clear_goal_on_a_road_few_have_taken_wants_a_mentor() -> None:
    found = recommend(answers(Need.RULES, GoalClarity.CLEAR, PathClarity.UNKNOWN, Horizon.YEAR))

    assert found.guide is Guide.MENTOR
    assert found.relationship is Relationship.TRADITIONAL  # "no one comes to mind"


def test_answers_that_point_both_ways_recommend_both_and_say_so() -> None:
    found = recommend(answers(Need.LEADING, GoalClarity.ROUGH, PathClarity.PARTLY, Horizon.YEAR))

    assert found.guide is Guide.BOTH
    assert found.headline() == (
        "Both: a leadership coach now, and a traditional mentor for the long view"
    )
    assert found.reasons[-1].startswith("Your answers point both ways")


def test_every_combination_of_answers_gives_a_recommendation_with_reasons() -> None:
    seen = set()
    options = [[c.key for c in q.choices] + [None] for q in QUESTIONS[1:]]
    for need in Need:
        for goal, path, horizon, learn_from in itertools.product(*options):
            found = recommend(answers(need, goal, path, horizon, learn_from))  # type: ignore[arg-type]
            seen.add(found.guide)
            assert found.reasons, (need, goal, path, horizon, learn_from)
            assert found.wants_coach == (found.sprint_kind is not None)
            assert found.wants_mentor == (found.relationship is not None)
    assert seen == set(Guide)


def test_only_the_need_must_be_answered() -> None:
    draft = answers(Need.SKILL, None, None, None, None)

    assert unanswered(draft) == ["goal", "path", "horizon", "learn_from"]
    assert recommend(draft).guide is Guide.COACH


def test_acting_on_it_drafts_a_sprint_or_a_prospective_mentor() -> None:
    own = "Give the quarterly architecture review without reading from my notes"
    chosen = answers(Need.PRESENTING, GoalClarity.CLEAR, PathClarity.KNOWN, Horizon.MONTHS, own=own)

    sprint = draft_sprint(chosen, recommend(chosen), TODAY)
    assert sprint.kind is SprintKind.SKILLS and sprint.focus == own
    assert sprint.title == "Give the quarterly architecture review without reading from…"
    assert (sprint.start_date, sprint.end_date) == (TODAY, date(2027, 1, 13))  # 8 weeks

    quiet = answers(
        Need.NETWORK, GoalClarity.UNCLEAR, PathClarity.UNKNOWN, Horizon.YEARS, LearnFrom.AFAR
    )
    mentor = draft_mentor(quiet, recommend(quiet))
    assert mentor.relationship is Relationship.FROM_AFAR
    assert mentor.seeking == "Meeting people and being known in my field"
    assert mentor.name == ""


def test_every_question_offers_each_value_of_its_field_once() -> None:
    fields = {
        "need": Need,
        "goal": GoalClarity,
        "path": PathClarity,
        "horizon": Horizon,
        "learn_from": LearnFrom,
    }
    assert [q.key for q in QUESTIONS] == list(fields)
    for question in QUESTIONS:
        assert sorted(c.key for c in question.choices) == sorted(fields[question.key])
