"""Coaches as people across a career, outreach to prospective mentors and coaches, and the
direction (one, three, five years out) that sprints, goals and mentors serve.

A sprint's coach is its ``coach_name``: saving a sprint links it to the coach of that name
(made when there is none yet), and renaming a coach renames their sprints' coach.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from devjournal.domain import models as m
from devjournal.domain import outreach as reach
from devjournal.domain import rules
from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import AimHorizon, Guide, OutreachStatus
from devjournal.domain.errors import ValidationError
from devjournal.services.changes import Changes, Outcome
from devjournal.storage.database import Database, Tx

COACHES = Changes.COACHES
AIMS = Changes.AIMS
OUTREACH = Changes.OUTREACH
SPRINTS = Changes.SPRINTS
MENTORS = Changes.MENTORS


@dataclass(frozen=True)
class CoachView:
    """A coach with the sprints you worked on together, earliest first."""

    coach: m.Coach
    sprints: tuple[m.Sprint, ...]
    outreach: tuple[m.Outreach, ...] = ()

    @property
    def first(self) -> date | None:
        """The first day of the first sprint together."""
        return self.sprints[0].start_date if self.sprints else None

    @property
    def last(self) -> date | None:
        """The last day of the latest sprint together."""
        return max(s.end_date for s in self.sprints) if self.sprints else None

    def current(self, today: date) -> bool:
        """A sprint together is open and running or still to start."""
        return any(s.closed_state is None and s.end_date >= today for s in self.sprints)


@dataclass(frozen=True)
class AimView:
    """A part of the direction and what serves it."""

    aim: m.Aim
    sprints: tuple[m.Sprint, ...] = ()
    goals: tuple[m.Goal, ...] = ()
    mentors: tuple[m.Mentor, ...] = ()
    coaches: tuple[m.Coach, ...] = ()

    @property
    def served_by(self) -> int:
        """How many sprints, goals, mentors and coaches serve it."""
        return len(self.sprints) + len(self.goals) + len(self.mentors) + len(self.coaches)


@dataclass(frozen=True)
class AimChoices:
    """What a "Serves:" field offers: the live aims in order, and the deleted ones a
    record may still point to (named "(deleted) …" so saving keeps the link)."""

    live: tuple[m.Aim, ...] = ()
    gone: tuple[m.Aim, ...] = ()


def link_coach(tx: Tx, draft: m.SprintDraft) -> m.SprintDraft:
    """``draft`` linked to the coach its ``coach_name`` names (one is made when there is
    none yet); a sprint without a coach's name has no coach."""
    name = draft.coach_name.strip()
    if not name:
        return replace(draft, coach_name="", coach_id=None)
    found = tx.coaches.named(name)
    if found is None:
        found = tx.coaches.add(m.CoachDraft(name=name[:200]))
    return replace(draft, coach_name=found.name, coach_id=found.id)


def coaches_from_names(tx: Tx) -> None:
    """Link every live sprint that names a coach but has none to the coach of that name
    (made when there is none): a journal restored from a file written before coaches were
    people gets them as the upgrade of schema 0007 gave them."""
    names = [f.name for f in dataclasses.fields(m.SprintDraft)]
    for sprint in tx.sprints.find():
        if sprint.coach_id is None and sprint.coach_name.strip():
            draft = m.SprintDraft(**{n: getattr(sprint, n) for n in names})
            tx.sprints.update(sprint.id, link_coach(tx, draft))


class PeopleService:
    """Use cases of coaches, outreach and the direction."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _today(self) -> date:
        return local_today(self._clock)

    # -- coaches ------------------------------------------------------------------------
    def coaches(self) -> list[CoachView]:
        """Every coach with their sprints, by name."""
        with self._db.reading() as tx:
            coaches = tx.coaches.find()
            by_coach: dict[int, list[m.Sprint]] = defaultdict(list)
            for sprint in tx.sprints.find():
                if sprint.coach_id is not None:
                    by_coach[sprint.coach_id].append(sprint)
            reached: dict[int, list[m.Outreach]] = defaultdict(list)
            for o in tx.outreach.find():
                if o.coach_id is not None:
                    reached[o.coach_id].append(o)
        return [
            CoachView(
                c,
                tuple(sorted(by_coach[c.id], key=lambda s: (s.start_date, s.id))),
                tuple(reached[c.id]),
            )
            for c in coaches
        ]

    def goals_achieved(self) -> dict[int, tuple[int, int]]:
        """Per sprint: how many of its goals were achieved, of those set (drafts left out)."""
        with self._db.reading() as tx:
            return tx.goals.achieved_by_sprint()

    def coach(self, coach_id: int) -> m.Coach:
        """One coach.

        Raises:
            NotFoundError: they are gone.
        """
        with self._db.reading() as tx:
            return tx.coaches.get(coach_id)

    def add_coach(self, draft: m.CoachDraft) -> Outcome[m.Coach]:
        """Keep a coach; a name is used by one coach only."""
        rules.validate_coach(draft)
        with self._db.transaction() as tx:
            self._name_is_free(tx, draft.name, None)
            return Outcome(tx.coaches.add(replace(draft, name=draft.name.strip())), COACHES)

    def update_coach(self, coach_id: int, draft: m.CoachDraft) -> Outcome[m.Coach]:
        """Change a coach; renamed, their sprints show the new name."""
        rules.validate_coach(draft)
        draft = replace(draft, name=draft.name.strip())
        with self._db.transaction() as tx:
            self._name_is_free(tx, draft.name, coach_id)
            before = tx.coaches.get(coach_id)
            coach = tx.coaches.update(coach_id, draft)
            changes = COACHES
            if before.name != coach.name:
                for sprint in tx.sprints.find():
                    if sprint.coach_id == coach_id:
                        fields = {f.name for f in dataclasses.fields(m.SprintDraft)}
                        values = {n: getattr(sprint, n) for n in fields}
                        tx.sprints.update(
                            sprint.id, m.SprintDraft(**(values | {"coach_name": coach.name}))
                        )
                        changes |= SPRINTS
            return Outcome(coach, changes)

    def delete_coach(self, coach_id: int) -> Outcome[None]:
        """Delete a coach (undoable); their sprints keep the name they show."""
        with self._db.transaction() as tx:
            tx.coaches.soft_delete(coach_id)
        return Outcome(None, COACHES)

    def restore_coach(self, coach_id: int) -> Outcome[m.Coach]:
        """Undo a coach's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.coaches.restore(coach_id), COACHES)

    def coach_list(self) -> list[m.Coach]:
        """Every coach, by name, without their sprints (a filter's choices)."""
        with self._db.reading() as tx:
            return tx.coaches.find()

    def coach_names(self) -> list[str]:
        """Every coach's name, for a sprint's coach field."""
        with self._db.reading() as tx:
            return [c.name for c in tx.coaches.find()]

    @staticmethod
    def _name_is_free(tx: Tx, name: str, coach_id: int | None) -> None:
        found = tx.coaches.named(name)
        if found is not None and found.id != coach_id:
            raise ValidationError({"name": f"You already have a coach called {found.name}."})

    # -- outreach -----------------------------------------------------------------------
    def outreach_list(self) -> list[m.Outreach]:
        """Every outreach, newest idea first."""
        with self._db.reading() as tx:
            return list(reversed(tx.outreach.find()))

    def outreach(self, outreach_id: int) -> m.Outreach:
        """One outreach.

        Raises:
            NotFoundError: it is gone.
        """
        with self._db.reading() as tx:
            return tx.outreach.get(outreach_id)

    def add_outreach(self, draft: m.OutreachDraft) -> Outcome[m.Outreach]:
        """Keep a new outreach; its status is dated today unless a day was given."""
        draft = reach.with_status(draft, draft.status, self._today())
        rules.validate_outreach(draft)
        with self._db.transaction() as tx:
            return Outcome(tx.outreach.add(draft), OUTREACH)

    def update_outreach(self, outreach_id: int, draft: m.OutreachDraft) -> Outcome[m.Outreach]:
        """Change an outreach; a new status is dated today unless a day was given."""
        with self._db.transaction() as tx:
            before = tx.outreach.get(outreach_id)
            if before.status is not draft.status:
                moved = reach.with_status(
                    replace(draft, status=before.status), draft.status, self._today()
                )
                # A day typed for the new status wins over today.
                field = reach.DATE_FIELD[draft.status]
                typed = getattr(draft, field)
                if typed is not None:
                    moved = reach.dated(moved, draft.status, typed)
                draft = moved
            rules.validate_outreach(draft)
            return Outcome(tx.outreach.update(outreach_id, draft), OUTREACH)

    def move_outreach(
        self, outreach_id: int, status: OutreachStatus, on: date | None = None
    ) -> Outcome[m.Outreach]:
        """Move an outreach to ``status`` on ``on`` (today when not given)."""
        with self._db.transaction() as tx:
            before = tx.outreach.get(outreach_id)
            draft = reach.with_status(_draft(before), status, on or self._today())
            if on is not None:
                draft = reach.dated(draft, status, on)
            rules.validate_outreach(draft)
            return Outcome(tx.outreach.update(outreach_id, draft), OUTREACH)

    def delete_outreach(self, outreach_id: int) -> Outcome[None]:
        """Delete an outreach (undoable)."""
        with self._db.transaction() as tx:
            tx.outreach.soft_delete(outreach_id)
        return Outcome(None, OUTREACH)

    def restore_outreach(self, outreach_id: int) -> Outcome[m.Outreach]:
        """Undo an outreach's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.outreach.restore(outreach_id), OUTREACH)

    def follow_ups(self) -> list[reach.FollowUp]:
        """Sent messages without a reply whose follow-up day has come, longest first."""
        with self._db.reading() as tx:
            sent = tx.outreach.sent()
        return reach.follow_ups(sent, self._today())

    def agree_as_mentor(self, outreach_id: int) -> Outcome[m.Mentor]:
        """The outreach was agreed: keep the mentor it becomes (their name, the purpose as
        what you are looking for, how you converse, the story in the notes), linked to it.

        Raises:
            ValidationError: it is an outreach to a coach, or already became a mentor.
        """
        today = self._today()
        with self._db.transaction() as tx:
            o = tx.outreach.get(outreach_id)
            if o.guide is not Guide.MENTOR:
                raise ValidationError({"guide": "This outreach is to a coach, not a mentor."})
            if o.mentor_id is not None and tx.mentors.exists(o.mentor_id):
                raise ValidationError({"mentor_id": f"{o.name} is already one of your mentors."})
            agreed = _agreed(o, today)
            mentor_draft = reach.as_mentor(replace(o, closed_on=agreed.closed_on), today)
            rules.validate_mentor(mentor_draft)
            mentor = tx.mentors.add(mentor_draft)
            tx.outreach.update(outreach_id, replace(agreed, mentor_id=mentor.id))
            return Outcome(mentor, MENTORS | OUTREACH)

    def agree_as_coach(self, outreach_id: int) -> Outcome[m.Coach]:
        """The outreach was agreed: keep the coach it becomes (or link the coach of that
        name you already have). A sprint with them is the next step (the window offers it).

        Raises:
            ValidationError: it is an outreach to a mentor.
        """
        today = self._today()
        with self._db.transaction() as tx:
            o = tx.outreach.get(outreach_id)
            if o.guide is not Guide.COACH:
                raise ValidationError({"guide": "This outreach is to a mentor, not a coach."})
            coach = tx.coaches.named(o.name)
            if coach is None:
                made = reach.as_coach(o)
                rules.validate_coach(made)
                coach = tx.coaches.add(made)
            tx.outreach.update(outreach_id, replace(_agreed(o, today), coach_id=coach.id))
            return Outcome(coach, COACHES | OUTREACH)

    # -- direction ----------------------------------------------------------------------
    def aims(self) -> list[m.Aim]:
        """Every part of the direction: one year, then three, then five; in order."""
        with self._db.reading() as tx:
            return _in_horizon_order(tx.aims.find())

    def aim_choices(self) -> AimChoices:
        """The aims a sprint, goal or mentor form offers (and the deleted ones)."""
        with self._db.reading() as tx:
            return AimChoices(tuple(_in_horizon_order(tx.aims.find())), tuple(tx.aims.deleted()))

    def direction(self) -> list[AimView]:
        """Every part of the direction with the sprints, goals, mentors and coaches that
        serve it."""
        with self._db.reading() as tx:
            aims = _in_horizon_order(tx.aims.find())
            sprints, goals = tx.sprints.serving(), tx.goals.serving()
            mentors, coaches = tx.mentors.serving(), tx.coaches.serving()
        return [
            AimView(
                a,
                tuple(s for s in sprints if s.serves_id == a.id),
                tuple(g for g in goals if g.serves_id == a.id),
                tuple(x for x in mentors if x.serves_id == a.id),
                tuple(c for c in coaches if c.serves_id == a.id),
            )
            for a in aims
        ]

    def aim(self, aim_id: int) -> m.Aim:
        """One part of the direction.

        Raises:
            NotFoundError: it is gone.
        """
        with self._db.reading() as tx:
            return tx.aims.get(aim_id)

    def add_aim(self, draft: m.AimDraft) -> Outcome[m.Aim]:
        """Add a part of the direction, last of its horizon."""
        rules.validate_aim(draft)
        with self._db.transaction() as tx:
            same = [a for a in tx.aims.find() if a.horizon is draft.horizon]
            position = max((a.position for a in same), default=-1) + 1
            return Outcome(tx.aims.add(replace(draft, position=position)), AIMS)

    def update_aim(self, aim_id: int, draft: m.AimDraft) -> Outcome[m.Aim]:
        """Change a part of the direction (moved to another horizon, it goes last)."""
        rules.validate_aim(draft)
        with self._db.transaction() as tx:
            before = tx.aims.get(aim_id)
            if before.horizon is not draft.horizon:
                same = [a for a in tx.aims.find() if a.horizon is draft.horizon]
                draft = replace(draft, position=max((a.position for a in same), default=-1) + 1)
            else:
                draft = replace(draft, position=before.position)
            return Outcome(tx.aims.update(aim_id, draft), AIMS)

    def move_aim(self, aim_id: int, step: int) -> Outcome[m.Aim]:
        """Move a part of the direction up (-1) or down (+1) within its horizon."""
        with self._db.transaction() as tx:
            aim = tx.aims.get(aim_id)
            same = [a for a in tx.aims.find() if a.horizon is aim.horizon]
            index = next(i for i, a in enumerate(same) if a.id == aim_id)
            other = index + step
            if not 0 <= other < len(same):
                return Outcome(aim, Changes.NONE)
            order = [a.id for a in same]
            order[index], order[other] = order[other], order[index]
            by_id = {a.id: a for a in same}
            moved = aim
            for position, ident in enumerate(order):
                current = by_id[ident]
                if current.position != position:
                    updated = tx.aims.update(ident, replace(_aim_draft(current), position=position))
                    if ident == aim_id:
                        moved = updated
            return Outcome(moved, AIMS)

    def reach_aim(self, aim_id: int, on: date | None) -> Outcome[m.Aim]:
        """Mark a part of the direction reached ``on`` that day (today when not given),
        or not reached after all (``on`` None and it was reached)."""
        with self._db.transaction() as tx:
            aim = tx.aims.get(aim_id)
            day = None if aim.reached_on is not None and on is None else (on or self._today())
            return Outcome(tx.aims.update(aim_id, replace(_aim_draft(aim), reached_on=day)), AIMS)

    def delete_aim(self, aim_id: int) -> Outcome[None]:
        """Delete a part of the direction (undoable); what served it keeps its link and
        serves it again if it comes back."""
        with self._db.transaction() as tx:
            tx.aims.soft_delete(aim_id)
        return Outcome(None, AIMS)

    def restore_aim(self, aim_id: int) -> Outcome[m.Aim]:
        """Undo a deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.aims.restore(aim_id), AIMS)


HORIZON_ORDER = {h: i for i, h in enumerate(AimHorizon)}


def _in_horizon_order(aims: Sequence[m.Aim]) -> list[m.Aim]:
    return sorted(aims, key=lambda a: (HORIZON_ORDER[a.horizon], a.position, a.id))


def _draft(o: m.Outreach) -> m.OutreachDraft:
    names = [f.name for f in dataclasses.fields(m.OutreachDraft)]
    return m.OutreachDraft(**{n: getattr(o, n) for n in names})


def _aim_draft(a: m.Aim) -> m.AimDraft:
    names = [f.name for f in dataclasses.fields(m.AimDraft)]
    return m.AimDraft(**{n: getattr(a, n) for n in names})


def _agreed(o: m.Outreach, today: date) -> m.OutreachDraft:
    draft = _draft(o)
    if draft.status is OutreachStatus.AGREED and draft.closed_on is not None:
        return draft
    return reach.with_status(draft, OutreachStatus.AGREED, max(today, reach.status_day(draft)))
