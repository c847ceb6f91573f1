"""The sample direction (``AimDraft``): two to four parts per horizon for a long journal
(a few for the small one), some reached over the years, the rest still ahead; and a share
of the sprints, goals and mentors saying which part they serve (one open when they began).
Made last, with a generator of its own, so every earlier draw stays as it was."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from devjournal.domain.enums import AimHorizon, Scope
from devjournal.domain.models import AimDraft
from devjournal.sample.corpus.direction import FIVE_YEARS, ONE_YEAR, THREE_YEARS
from devjournal.sample.state import Workbench

WORDS = {
    AimHorizon.ONE_YEAR: ONE_YEAR,
    AimHorizon.THREE_YEARS: THREE_YEARS,
    AimHorizon.FIVE_YEARS: FIVE_YEARS,
}
SPRINTS_SERVING = 0.5
GOALS_OF_SERVING_SPRINT = 0.6
OTHER_GOALS = 0.1
MENTORS_SERVING = 0.5


def build_direction(wb: Workbench) -> None:
    """The aims, then what serves them."""
    rng = random.Random(f"devjournal-sample-direction:{wb.profile.entries}")
    long = wb.profile.years >= 5
    for horizon in AimHorizon:
        count = rng.randint(2, 4) if long else (2 if horizon is AimHorizon.ONE_YEAR else 1)
        for position, (title, detail) in enumerate(rng.sample(WORDS[horizon], count)):
            reached = _reached_on(wb, rng, horizon, position, long=long)
            scope = Scope.MENTOR if rng.random() < 0.4 else Scope.PRIVATE
            wb.aims.append(
                (
                    len(wb.aims) + 1,
                    AimDraft(
                        horizon=horizon,
                        title=title,
                        detail=detail,
                        position=position,
                        reached_on=reached,
                        scope=scope,
                    ),
                )
            )
    _serve(wb, rng)


def _reached_on(
    wb: Workbench, rng: random.Random, horizon: AimHorizon, position: int, *, long: bool
) -> date | None:
    """The last of a horizon's parts may have been reached some time ago: within a year
    for the small journal, up to the horizon's years for a long one."""
    if position == 0 or rng.random() < 0.5:
        return None
    years = horizon.years if long else 1
    return wb.today - timedelta(days=rng.randint(20, round(365 * min(years, wb.profile.years))))


def _open_on(wb: Workbench, day: date) -> list[int]:
    """The aims not reached yet on ``day``."""
    return [i for i, a in wb.aims if a.reached_on is None or a.reached_on >= day]


def _serve(wb: Workbench, rng: random.Random) -> None:
    serving: dict[int, int] = {}
    for index, (sid, sprint) in enumerate(wb.sprints):
        aims = _open_on(wb, sprint.start_date)
        if aims and rng.random() < SPRINTS_SERVING:
            serving[sid] = rng.choice(aims)
            wb.sprints[index] = (sid, replace(sprint, serves_id=serving[sid]))
    for index, (gid, goal) in enumerate(wb.goals):
        aim = serving.get(goal.sprint_id)
        if aim is not None and rng.random() < GOALS_OF_SERVING_SPRINT:
            wb.goals[index] = (gid, replace(goal, serves_id=aim))
        elif aim is None and rng.random() < OTHER_GOALS:
            start = wb.sprints[goal.sprint_id - 1][1].start_date
            aims = _open_on(wb, start)
            if aims:
                wb.goals[index] = (gid, replace(goal, serves_id=rng.choice(aims)))
    for index, (mid, mentor) in enumerate(wb.mentors):
        aims = _open_on(wb, mentor.started_on or wb.horizon)
        if aims and rng.random() < MENTORS_SERVING:
            wb.mentors[index] = (mid, replace(mentor, serves_id=rng.choice(aims)))
