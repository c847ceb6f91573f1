"""Self-assessments (``domain/guide.py``): one a little before some sprints began, answered
as someone about to look for a coach would, and one before some mentors were met. Made
last, so the draws of every earlier step stay as they were."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from devjournal.domain.enums import (
    GoalClarity,
    Horizon,
    LearnFrom,
    Need,
    PathClarity,
    Relationship,
    SprintKind,
)
from devjournal.domain.models import AssessmentDraft
from devjournal.sample.state import MentorPlan, SprintPlan, Workbench

NEEDS_OF_SPRINT = {
    SprintKind.SKILLS: (Need.SKILL, Need.PRESENTING),
    SprintKind.PERFORMANCE: (Need.METRIC, Need.FEEDBACK),
    SprintKind.LEADERSHIP: (Need.LEADING,),
}
NEEDS_OF_MENTOR = (Need.DIRECTION, Need.RULES, Need.NETWORK)
LEARN_FROM = {
    Relationship.TRADITIONAL: LearnFrom.SENIOR,
    Relationship.PEER: LearnFrom.PEER,
    Relationship.REVERSE: LearnFrom.NEWER,
    Relationship.FROM_AFAR: LearnFrom.AFAR,
}
EVERY_NTH_SPRINT = 2
EVERY_NTH_MENTOR = 3


def build_assessments(wb: Workbench) -> None:
    """Assessments before every few sprints and mentors, in the order they were taken."""
    made: list[AssessmentDraft] = []
    for plan in wb.plans[::EVERY_NTH_SPRINT]:
        if plan.phase != "planned":
            made.append(_before_sprint(wb, plan))
    mentors = sorted(_met_in_the_log(wb), key=lambda p: p.started_on)
    made += [_before_mentor(wb, plan) for plan in mentors[::EVERY_NTH_MENTOR]]
    made.sort(key=lambda a: a.taken_at)
    wb.assessments += [(i, draft) for i, draft in enumerate(made, start=1)]


def _before_sprint(wb: Workbench, plan: SprintPlan) -> AssessmentDraft:
    rng = wb.rng
    sprint = wb.sprints[plan.sid - 1][1]
    return AssessmentDraft(
        taken_at=_at(wb, plan.start - timedelta(days=rng.randint(5, 25))),
        need=rng.choice(NEEDS_OF_SPRINT[plan.kind]),
        goal=rng.choice((GoalClarity.CLEAR, GoalClarity.CLEAR, GoalClarity.ROUGH)),
        path=rng.choice((PathClarity.KNOWN, PathClarity.PARTLY)),
        horizon=rng.choice((Horizon.MONTHS, Horizon.MONTHS, Horizon.YEAR)),
        learn_from=rng.choice((LearnFrom.NOBODY, LearnFrom.SENIOR, None)),
        in_own_words=sprint.focus,
    )


def _before_mentor(wb: Workbench, plan: MentorPlan) -> AssessmentDraft:
    rng = wb.rng
    mentor = wb.mentors[plan.mid - 1][1]
    return AssessmentDraft(
        taken_at=_at(wb, plan.started_on - timedelta(days=rng.randint(10, 40))),
        need=rng.choice(NEEDS_OF_MENTOR),
        goal=rng.choice((GoalClarity.UNCLEAR, GoalClarity.ROUGH, GoalClarity.CLEAR)),
        path=rng.choice((PathClarity.UNKNOWN, PathClarity.PARTLY)),
        horizon=rng.choice((Horizon.YEARS, Horizon.YEARS, Horizon.YEAR)),
        learn_from=LEARN_FROM[plan.relationship],
        in_own_words=mentor.seeking,
    )


def _met_in_the_log(wb: Workbench) -> list[MentorPlan]:
    """The mentors met after the log began (the ones there all along were met before)."""
    plans = [
        MentorPlan(d.name, d.relationship, d.started_on, d.ended_on, mid)
        for mid, d in wb.mentors
        if d.started_on is not None
    ]
    return [p for p in plans if p.started_on - timedelta(days=40) > wb.horizon]


def _at(wb: Workbench, day: date) -> datetime:
    """An evening on ``day`` in the journal's zone, when people think about such things."""
    evening = time(wb.rng.randint(19, 22), wb.rng.choice((0, 15, 30, 45)))
    return datetime.combine(day, evening, wb.tz)
