"""Keeping self-assessments (``services/guide_service.py``): each kept with its date, read
back newest first, private unless shared, deleted with Undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from devjournal.domain.enums import GoalClarity, Horizon, Need, Scope
from devjournal.domain.errors import NotFoundError, ValidationError
from devjournal.domain.guide import Guide, recommend
from devjournal.domain.models import AssessmentDraft
from devjournal.domain.rules import TEXT_MAX
from devjournal.services.changes import Changes
from devjournal.services.container import Services, build_services
from devjournal.storage.database import open_journal
from tests.clocks import NOW

EARLIER = datetime(2020, 1, 1, tzinfo=UTC)


def _taken(services: Services, need: Need, words: str = "") -> int:
    draft = AssessmentDraft(taken_at=EARLIER, need=need, in_own_words=words)
    outcome = services.guide.take_assessment(draft)
    assert outcome.changes == Changes.ASSESSMENTS
    return outcome.value.id


def test_an_assessment_is_kept_private_with_the_time_it_was_taken(services: Services) -> None:
    kept = services.guide.take_assessment(
        AssessmentDraft(
            taken_at=EARLIER,
            need=Need.DIRECTION,
            goal=GoalClarity.UNCLEAR,
            horizon=Horizon.YEARS,
            in_own_words="Staff or manager?",
        )
    ).value

    assert kept.taken_at == NOW  # the clock's, not what the form held
    assert kept.scope is Scope.PRIVATE
    assert (kept.need, kept.goal, kept.path) == (Need.DIRECTION, GoalClarity.UNCLEAR, None)
    assert recommend(kept).guide is Guide.MENTOR
    assert services.guide.assessment(kept.id) == kept


def test_assessments_read_back_newest_first_so_a_change_of_needs_shows(
    tmp_path: Path,
) -> None:
    moments = iter([NOW - timedelta(days=400), NOW - timedelta(days=30), NOW])
    db = open_journal(tmp_path / "j.sqlite", tmp_path / "b", lambda: next(moments, NOW))
    services = build_services(db, tmp_path / "b")
    for need in (Need.SKILL, Need.LEADING, Need.DIRECTION):
        _taken(services, need)

    assert [a.need for a in services.guide.assessments()] == [
        Need.DIRECTION,
        Need.LEADING,
        Need.SKILL,
    ]
    db.close()


def test_a_deleted_assessment_comes_back_with_undo(services: Services) -> None:
    first, second = _taken(services, Need.SKILL), _taken(services, Need.NETWORK)

    assert services.guide.delete_assessment(first).changes == Changes.ASSESSMENTS
    assert [a.id for a in services.guide.assessments()] == [second]
    with pytest.raises(NotFoundError, match="There is no self-assessment with id"):
        services.guide.assessment(first)
    services.guide.restore_assessment(first)
    assert {a.id for a in services.guide.assessments()} == {first, second}


def test_words_longer_than_any_field_allows_are_refused_and_nothing_is_kept(
    services: Services,
) -> None:
    with pytest.raises(ValidationError) as refused:
        _taken(services, Need.SKILL, "x" * (TEXT_MAX + 1))

    assert "in_own_words" in refused.value.problems
    assert services.guide.assessments() == []
