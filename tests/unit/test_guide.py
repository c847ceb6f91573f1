"""Coach or mentor? The self-assessment's recommendation (``domain/guide.py``)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from devjournal.domain.enums import Relationship, SprintKind
from devjournal.domain.guide import (
    QUESTIONS,
    Answers,
    Guide,
    draft_mentor,
    draft_sprint,
    recommend,
)

TODAY = date(2026, 11, 18)


def answers(
    need: str, goal: str, path: str, horizon: str, who: str = "nobody", own: str = ""
) -> Answers:
    return Answers({"need": need, "goal": goal, "path": path, "horizon": horizon, "who": who}, own)


def test_a_named_skill_with_a_clear_goal_and_road_soon_wants_a_skills_coach() -> None:
    found = recommend(answers("skill", "clear", "known", "weeks"))

    assert found.guide is Guide.COACH
    assert found.sprint_kind is SprintKind.SKILLS and found.relationship is None
    assert found.headline() == "A skills coach"
    assert found.reasons[0].startswith("You want to build a specific skill")
    assert all("mentor" not in r for r in found.reasons)  # only what speaks for a coach


def test_a_long_view_with_no_road_known_wants_a_mentor_of_the_kind_named() -> None:
    found = recommend(answers("direction", "unclear", "unknown", "years", who="peer"))

    assert found.guide is Guide.MENTOR
    assert found.relationship is Relationship.PEER and found.sprint_kind is None
    assert found.headline() == "A peer mentor"
    assert len(found.reasons) == 4


def test_a_clear_goal_on_a_road_few_have_taken_wants_a_mentor() -> None:
    found = recommend(answers("rules", "clear", "unknown", "year"))

    assert found.guide is Guide.MENTOR
    assert found.relationship is Relationship.TRADITIONAL  # "no one comes to mind"


def test_answers_that_point_both_ways_recommend_both_and_say_so() -> None:
    found = recommend(answers("leading", "rough", "unsure", "year"))

    assert found.guide is Guide.BOTH
    assert found.headline() == (
        "Both: a leadership coach now, and a traditional mentor for the long view"
    )
    assert found.reasons[-1].startswith("Your answers point both ways")


def test_every_combination_of_answers_gives_a_recommendation_with_reasons() -> None:
    keys = [[c.key for c in q.choices] for q in QUESTIONS]
    seen = set()
    for combo in itertools.product(*keys):
        found = recommend(Answers(dict(zip([q.key for q in QUESTIONS], combo, strict=True))))
        seen.add(found.guide)
        assert found.reasons, combo
        assert found.wants_coach == (found.sprint_kind is not None)
        assert found.wants_mentor == (found.relationship is not None)
    assert seen == set(Guide)


def test_the_need_comes_first_and_unknown_answers_are_refused() -> None:
    with pytest.raises(ValueError, match="most need help with"):
        recommend(Answers({"goal": "clear"}))
    with pytest.raises(KeyError, match="has no answer 'sometimes'"):
        recommend(Answers({"need": "skill", "goal": "sometimes"}))
    with pytest.raises(KeyError, match="no question 'mood'"):
        recommend(Answers({"need": "skill", "mood": "good"}))
    assert Answers({"need": "skill"}).missing() == ["goal", "path", "horizon", "who"]


def test_acting_on_it_drafts_a_sprint_or_a_prospective_mentor() -> None:
    own = "Give the quarterly architecture review without reading from my notes"
    chosen = answers("presenting", "clear", "known", "weeks", own=own)

    sprint = draft_sprint(chosen, recommend(chosen), TODAY)
    assert sprint.kind is SprintKind.SKILLS and sprint.focus == own
    assert sprint.title == "Give the quarterly architecture review without reading from…"
    assert (sprint.start_date, sprint.end_date) == (TODAY, date(2027, 1, 13))  # 8 weeks

    quiet = answers("network", "unclear", "unknown", "years", who="afar")
    mentor = draft_mentor(quiet, recommend(quiet))
    assert mentor.relationship is Relationship.FROM_AFAR
    assert mentor.seeking == "Meeting people and being known in my field"
    assert mentor.name == ""
