"""Coaching sprints: sprints, goals, milestones, check-ins, sessions and action items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date, datetime, time, tzinfo

from devjournal.domain import models as m
from devjournal.domain import rules
from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import (
    ClosedState,
    EntryKind,
    GoalStatus,
    MetricKind,
    Scope,
    SessionStatus,
)
from devjournal.domain.errors import NotFoundError, ValidationError
from devjournal.domain.feedback import FeedbackEntry, FeedbackItem, action_from, goal_from
from devjournal.domain.progress import goal_progress
from devjournal.domain.sessions import (
    SessionsView,
    carried_into,
    plannable_days,
    review_line,
    session_times,
    sessions_view,
    with_review,
)
from devjournal.domain.smart import smart_check
from devjournal.domain.sprints import (
    GOAL_OUTCOMES,
    GoalOutcome,
    GoalView,
    SprintClosed,
    SprintClosing,
    SprintPhase,
    SprintSummary,
    SprintView,
    outcome_key,
    running_sprint,
    sprint_phase,
)
from devjournal.services.changes import Changes, Outcome
from devjournal.services.people_service import link_coach
from devjournal.storage.database import Database, Tx

SPRINTS = Changes.SPRINTS
COACHES = Changes.COACHES
GOALS = Changes.GOALS
MILESTONES = Changes.MILESTONES | Changes.GOALS
CHECKINS = Changes.CHECKINS | Changes.GOALS
SESSIONS = Changes.SESSIONS
ACTIONS = Changes.ACTIONS
_NOT_ROLLED = frozenset(
    {
        "sprint_id",
        "deadline",
        "status",
        "final_value",
        "lessons",
        "position",
        "rolled_from_id",
        "baseline",
    }
)
"""Goal fields a rolled-over goal does not inherit: it starts again in its new sprint."""


class CoachingService:
    """Use cases of the coaching half of the journal."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- sprints --------------------------------------------------------------------------
    def create_sprint(self, draft: m.SprintDraft) -> Outcome[m.Sprint]:
        """Start a new sprint."""
        rules.validate_sprint(draft)
        with self._db.transaction() as tx:
            draft = link_coach(tx, draft)
            return Outcome(tx.sprints.add(draft), SPRINTS | COACHES)

    def update_sprint(self, sprint_id: int, draft: m.SprintDraft) -> Outcome[m.Sprint]:
        """Change a sprint; its goals' deadlines must still fall inside it."""
        rules.validate_sprint(draft)
        with self._db.transaction() as tx:
            outside = [
                g.title
                for g in tx.goals.of_sprint(sprint_id)
                if g.deadline is not None and not draft.start_date <= g.deadline <= draft.end_date
            ]
            if outside:
                raise ValidationError(
                    {
                        "end_date": "These goals have deadlines outside the new dates: "
                        + ", ".join(outside)
                    }
                )
            draft = link_coach(tx, draft)
            return Outcome(tx.sprints.update(sprint_id, draft), SPRINTS | COACHES)

    def delete_sprint(self, sprint_id: int) -> Outcome[None]:
        """Delete a sprint (undo with :meth:`restore_sprint`)."""
        with self._db.transaction() as tx:
            tx.sprints.soft_delete(sprint_id)
        return Outcome(None, SPRINTS | GOALS | SESSIONS | ACTIONS)

    def restore_sprint(self, sprint_id: int) -> Outcome[m.Sprint]:
        """Undo a sprint's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.sprints.restore(sprint_id), SPRINTS | GOALS | SESSIONS | ACTIONS)

    def sprint(self, sprint_id: int) -> m.Sprint:
        """One sprint."""
        with self._db.reading() as tx:
            return tx.sprints.get(sprint_id)

    def sprints(self) -> list[m.Sprint]:
        """Every sprint, by start date."""
        with self._db.reading() as tx:
            return tx.sprints.find()

    # -- views ----------------------------------------------------------------------------
    def board(self) -> list[SprintSummary]:
        """Every sprint with its phase: active and planned by start, finished newest first."""
        today = local_today(self._clock)
        with self._db.reading() as tx:
            sprints = tx.sprints.find()
            counts = tx.goals.counts_by_sprint()
        summaries = [SprintSummary(s, sprint_phase(s, today), counts.get(s.id, 0)) for s in sprints]
        order = {SprintPhase.ACTIVE: 0, SprintPhase.PLANNED: 1, SprintPhase.FINISHED: 2}
        live = sorted(
            (x for x in summaries if x.phase is not SprintPhase.FINISHED),
            key=lambda x: (order[x.phase], x.sprint.start_date, x.sprint.id),
        )
        finished = sorted(
            (x for x in summaries if x.phase is SprintPhase.FINISHED),
            key=lambda x: (x.sprint.end_date, x.sprint.id),
            reverse=True,
        )
        return live + finished

    def running_sprint(self) -> m.Sprint | None:
        """The sprint running today (``domain/sprints.running_sprint``), or None."""
        return running_sprint(self.board())

    def goal_from_feedback(self, entry_id: int) -> m.GoalDraft:
        """A draft goal made of a piece of feedback (``domain/feedback.goal_from``), in the
        sprint it goes into (:meth:`_sprint_for_feedback`)."""
        item, sprint = self._feedback_and_sprint(entry_id)
        return goal_from(item, sprint.id)

    def action_from_feedback(self, entry_id: int) -> m.ActionItemDraft:
        """A draft action item made of a piece of feedback, due in a week, in the sprint
        it goes into."""
        item, sprint = self._feedback_and_sprint(entry_id)
        return action_from(item, sprint.id, local_today(self._clock))

    def _feedback_and_sprint(self, entry_id: int) -> tuple[FeedbackItem, m.Sprint]:
        """The feedback, and the sprint a goal or action made of it goes into: the one it
        belongs to while that is open, else the sprint running today.

        Raises:
            ValidationError: no sprint is open to take it.
        """
        with self._db.reading() as tx:
            entry = tx.entries.get(entry_id)
            mentor_id, sprint_id = entry.mentor_id or 0, entry.sprint_id or 0
            mentor = tx.mentors.get(mentor_id) if tx.mentors.exists(mentor_id) else None
            item = FeedbackItem(
                FeedbackEntry.of(entry), tx.feedback.get(entry_id), mentor.name if mentor else None
            )
            own = tx.sprints.get(sprint_id) if tx.sprints.exists(sprint_id) else None
        if (
            own is not None
            and own.closed_state is None
            and own.end_date >= local_today(self._clock)
        ):
            return item, own
        running = self.running_sprint()
        if running is None:
            raise ValidationError(
                {
                    "sprint_id": "No sprint is running. Start a sprint first; then make a "
                    "goal or an action of this feedback in it."
                }
            )
        return item, running

    def sprint_view(self, sprint_id: int) -> SprintView:
        """A sprint with each goal's progress, check-ins, milestones and SMART check."""
        today = local_today(self._clock)
        with self._db.reading() as tx:
            sprint = tx.sprints.get(sprint_id)
            goals = tx.goals.of_sprint(sprint_id)
            ids = [g.id for g in goals]
            checkins = tx.checkins.of_goals(ids)
            milestones = tx.milestones.of_goals(ids)
        by_goal: dict[int, list[m.Checkin]] = {i: [] for i in ids}
        for c in checkins:
            by_goal[c.goal_id].append(c)
        steps: dict[int, list[m.Milestone]] = {i: [] for i in ids}
        for ms in milestones:
            steps[ms.goal_id].append(ms)
        views = tuple(
            GoalView(
                goal=g,
                progress=goal_progress(g, sprint, by_goal[g.id], steps[g.id], today),
                checkins=tuple(by_goal[g.id]),
                milestones=tuple(steps[g.id]),
                smart=smart_check(g, sprint, len(steps[g.id])),
            )
            for g in goals
        )
        return SprintView(
            sprint=sprint, phase=sprint_phase(sprint, today), today=today, goals=views
        )

    # -- closing --------------------------------------------------------------------------
    def close_sprint(self, sprint_id: int, closing: SprintClosing) -> Outcome[SprintClosed]:
        """Close a sprint: its state, each goal's outcome and lessons, wins, a
        retrospective, and goals rolled over into another sprint; all or nothing."""
        if closing.roll_over and (closing.roll_into_id is None) == (closing.continue_as is None):
            raise ValidationError({"rollover": "Say which sprint the goals roll over into."})
        if closing.closed_on > local_today(self._clock):
            raise ValidationError({"closed_on": "A sprint is closed today or on a past day."})
        with self._db.transaction() as tx:
            closed = self._closed(tx.sprints.get(sprint_id), closing)
            goals = {g.id: g for g in tx.goals.of_sprint(sprint_id)}
            self._end_goals(tx, goals, closing.outcomes, closed)
            self._add_wins(tx, sprint_id, closing)
            saved = tx.sprints.update(sprint_id, closed)
            for session in tx.sessions.of_sprint(sprint_id):  # the sprint is over
                if (
                    session.status is SessionStatus.PLANNED
                    and session.starts_at.astimezone().date() > closing.closed_on
                ):
                    tx.sessions.update(session.id, replace(session, status=SessionStatus.CANCELLED))
            into: m.Sprint | None = None
            rolled: list[m.Goal] = []
            if closing.roll_over:
                if any(goal_id not in goals for goal_id in closing.roll_over):
                    raise ValidationError({"rollover": "Only this sprint's goals roll over."})
                into = self._rolled_into(tx, closing, sprint_id)
                rolled = self._roll(tx, list(dict.fromkeys(closing.roll_over)), into)
        changes = (
            SPRINTS
            | GOALS
            | SESSIONS
            | (Changes.ENTRIES if any(w.strip() for w in closing.wins) else Changes.NONE)
        )
        return Outcome(SprintClosed(saved, into, tuple(rolled)), changes)

    @staticmethod
    def _closed(sprint: m.Sprint, closing: SprintClosing) -> m.Sprint:
        """``sprint`` as ``closing`` closes it: its state, day and retrospective, checked.

        Raises:
            ValidationError: it is closed already, it is completed before it started, or
                the closed sprint breaks a rule.
        """
        if sprint.closed_state is not None:
            raise ValidationError({"closed_state": "This sprint is already closed."})
        if closing.closed_on < sprint.start_date and closing.state is ClosedState.COMPLETED:
            raise ValidationError(
                {
                    "closed_on": "A sprint that has not started cannot be completed; "
                    "mark it abandoned."
                }
            )
        closed = replace(
            sprint,
            closed_state=closing.state,
            closed_on=closing.closed_on,
            retrospective=closing.retrospective,
        )
        rules.validate_sprint(closed)
        return closed

    @staticmethod
    def _end_goals(
        tx: Tx, goals: dict[int, m.Goal], outcomes: Sequence[GoalOutcome], closed: m.Sprint
    ) -> None:
        """Save each goal's outcome (status, final value, lessons) in ``closed``, the
        sprint of ``goals``; an error names the goal (under its outcome's key)."""
        for outcome in outcomes:
            goal = goals.get(outcome.goal_id)
            if goal is None:
                raise ValidationError({"outcomes": "A goal of another sprint was given."})
            key = outcome_key(goal.id)
            if outcome.status not in GOAL_OUTCOMES:
                raise ValidationError(
                    {key: f"Say whether “{goal.title}” was achieved, missed or dropped."}
                )
            ended = replace(
                goal,
                status=outcome.status,
                final_value=outcome.final_value,
                lessons=outcome.lessons,
            )
            try:
                rules.validate_goal(ended, closed)
            except ValidationError as exc:
                raise ValidationError({key: f"“{goal.title}”: {exc.message}"}) from exc
            tx.goals.update(goal.id, ended)

    @staticmethod
    def _add_wins(tx: Tx, sprint_id: int, closing: SprintClosing) -> None:
        """Log each win ``closing`` names (blank ones skipped) as an entry of the sprint,
        shared with the coach, at 18:00 on the day it closes."""
        when = datetime.combine(closing.closed_on, time(18, 0)).astimezone()
        for win in closing.wins:
            if win.strip():
                tx.entries.add(
                    m.LogEntryDraft(
                        kind=EntryKind.WIN,
                        occurred_at=when,
                        title=win.strip()[:300],
                        sprint_id=sprint_id,
                        scope=Scope.COACH,
                    )
                )

    @classmethod
    def _rolled_into(cls, tx: Tx, closing: SprintClosing, closing_id: int) -> m.Sprint:
        """The sprint ``closing``'s goals roll into: the new one it continues as (added
        here), or the open one it names."""
        if closing.continue_as is not None:
            try:
                rules.validate_sprint(closing.continue_as)
            except ValidationError as exc:
                raise ValidationError({"rollover": "The new sprint: " + exc.message}) from exc
            return tx.sprints.add(closing.continue_as)
        assert closing.roll_into_id is not None
        return cls._roll_target(tx, closing.roll_into_id, closing_id)

    @staticmethod
    def _roll_target(tx: Tx, sprint_id: int, closing_id: int) -> m.Sprint:
        """The sprint goals roll into: another one, still open."""
        try:
            target = tx.sprints.get(sprint_id)
        except NotFoundError as exc:
            raise ValidationError({"rollover": "That sprint was deleted; pick another."}) from exc
        if target.id == closing_id:
            raise ValidationError({"rollover": "Roll goals into another sprint."})
        if target.closed_state is not None:
            raise ValidationError({"rollover": f"“{target.title}” is closed; pick another."})
        return target

    def roll_over(self, goal_ids: list[int], into_sprint_id: int) -> Outcome[list[m.Goal]]:
        """Carry unfinished goals into another sprint as drafts that link back to them.

        The new goal starts from where the old one ended (its final or latest value) and
        needs a deadline inside its new sprint.
        """
        with self._db.transaction() as tx:
            target = tx.sprints.get(into_sprint_id)
            if target.closed_state is not None:
                raise ValidationError({"sprint_id": f"“{target.title}” is closed."})
            created = self._roll(tx, list(dict.fromkeys(goal_ids)), target)
        return Outcome(created, GOALS)

    @staticmethod
    def _roll(tx: Tx, goal_ids: list[int], target: m.Sprint) -> list[m.Goal]:
        created = []
        start = len(tx.goals.of_sprint(target.id))
        for offset, goal_id in enumerate(goal_ids):
            old = tx.goals.get(goal_id)
            if old.sprint_id == target.id:
                raise ValidationError({"sprint_id": "Roll a goal into another sprint."})
            milestones = old.metric_kind is MetricKind.MILESTONES
            points = [] if milestones else tx.checkins.of_goal(goal_id)
            reached = (
                None
                if milestones
                else old.final_value
                if old.final_value is not None
                else (points[-1].value if points else old.baseline)
            )
            kept = {
                f.name: getattr(old, f.name)
                for f in fields(m.GoalDraft)
                if f.name not in _NOT_ROLLED
            }
            draft = m.GoalDraft(
                **kept,
                sprint_id=target.id,
                baseline=reached,
                status=GoalStatus.DRAFT,
                position=start + offset,
                rolled_from_id=goal_id,
            )
            rules.validate_goal(draft, target)
            goal = tx.goals.add(draft)
            if milestones:  # what is left to do carries on; what was done stays behind
                left = [ms for ms in tx.milestones.of_goal(goal_id) if ms.done_on is None]
                for position, ms in enumerate(left):
                    tx.milestones.add(
                        m.MilestoneDraft(goal_id=goal.id, title=ms.title, position=position)
                    )
            created.append(goal)
        return created

    # -- goals ----------------------------------------------------------------------------
    def add_goal(
        self,
        draft: m.GoalDraft,
        milestones: Sequence[str] | None = None,
        *,
        from_feedback: int | None = None,
    ) -> Outcome[m.Goal]:
        """Add a SMART goal to its sprint, with its milestones' titles in order. An active
        goal must pass the SMART check; a draft may have gaps. A goal made of a piece of
        feedback (``from_feedback``, its entry's id) is kept as what was done about it."""
        with self._db.transaction() as tx:
            sprint = tx.sprints.get(draft.sprint_id)
            rules.validate_goal(draft, sprint)
            rules.validate_active_goal(draft, sprint, len(milestones or ()))
            self._check_goal_link(tx, draft)
            goal = tx.goals.add(draft)
            changes = self._sync_milestones(tx, goal.id, milestones)
            changes |= _made_of_feedback(tx, from_feedback, goal_id=goal.id)
        return Outcome(goal, GOALS | changes)

    def update_goal(
        self, goal_id: int, draft: m.GoalDraft, milestones: Sequence[str] | None = None
    ) -> Outcome[m.Goal]:
        """Change a goal (it stays in its sprint); ``milestones``, when given, become its
        milestones' titles in order, all in the same unit of work. An active goal must
        pass the SMART check (with its stored milestones when none are given)."""
        with self._db.transaction() as tx:
            current = tx.goals.get(goal_id)
            if draft.sprint_id != current.sprint_id:
                raise ValidationError({"sprint_id": "A goal cannot move to another sprint."})
            sprint = tx.sprints.get(draft.sprint_id)
            rules.validate_goal(draft, sprint)
            steps = (
                len(milestones) if milestones is not None else len(tx.milestones.of_goal(goal_id))
            )
            rules.validate_active_goal(draft, sprint, steps)
            if draft.rolled_from_id != current.rolled_from_id:  # an old link may dangle
                self._check_goal_link(tx, draft, goal_id)
            goal = tx.goals.update(goal_id, draft)
            changes = self._sync_milestones(tx, goal_id, milestones)
        return Outcome(goal, GOALS | changes)

    @staticmethod
    def _sync_milestones(tx: Tx, goal_id: int, titles: Sequence[str] | None) -> Changes:
        """Make the goal's milestones ``titles``, in that order. A milestone keeps its
        done date when its title stays (wherever it moves); a changed title in the same
        place is a rename; what is left over is deleted."""
        if titles is None:
            return Changes.NONE
        existing = tx.milestones.of_goal(goal_id)
        if not titles and not existing:
            return Changes.NONE
        for title in titles:
            rules.validate_milestone(m.MilestoneDraft(goal_id=goal_id, title=title))
        unused = list(existing)
        kept: list[m.Milestone | None] = []
        for title in titles:
            same = next((ms for ms in unused if ms.title == title), None)
            if same is not None:
                unused.remove(same)
            kept.append(same)
        for position in range(len(titles)):
            old = existing[position] if position < len(existing) else None
            if kept[position] is None and old is not None and old in unused:
                unused.remove(old)  # renamed in place
                kept[position] = old
        for position, (title, ms) in enumerate(zip(titles, kept, strict=True)):
            if ms is None:
                tx.milestones.add(m.MilestoneDraft(goal_id=goal_id, title=title, position=position))
            elif (ms.title, ms.position) != (title, position):
                tx.milestones.update(ms.id, replace(ms, title=title, position=position))
        for extra in unused:
            tx.milestones.soft_delete(extra.id)
        return MILESTONES

    @staticmethod
    def _check_goal_link(tx: Tx, draft: m.GoalDraft, goal_id: int | None = None) -> None:
        if draft.rolled_from_id is None:
            return
        if draft.rolled_from_id == goal_id or not tx.goals.exists(draft.rolled_from_id):
            raise ValidationError({"rolled_from_id": "The goal it rolls over from is gone."})

    def delete_goal(self, goal_id: int) -> Outcome[None]:
        """Delete a goal (undoable)."""
        with self._db.transaction() as tx:
            tx.goals.soft_delete(goal_id)
        return Outcome(None, GOALS | CHECKINS)

    def restore_goal(self, goal_id: int) -> Outcome[m.Goal]:
        """Undo a goal's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.goals.restore(goal_id), GOALS | CHECKINS)

    def goal(self, goal_id: int) -> m.Goal:
        """One goal."""
        with self._db.reading() as tx:
            return tx.goals.get(goal_id)

    def goals_of(self, sprint_id: int) -> list[m.Goal]:
        """A sprint's goals in order."""
        with self._db.reading() as tx:
            return tx.goals.of_sprint(sprint_id)

    def private_goals(self) -> list[m.Goal]:
        """Every goal scoped private (deleted ones too), for a report to leave out what
        links to them."""
        with self._db.reading() as tx:
            return tx.goals.private_ones()

    # -- milestones -----------------------------------------------------------------------
    def add_milestone(self, draft: m.MilestoneDraft) -> Outcome[m.Milestone]:
        """Add a milestone to a goal."""
        rules.validate_milestone(draft)
        with self._db.transaction() as tx:
            tx.goals.get(draft.goal_id)
            return Outcome(tx.milestones.add(draft), MILESTONES)

    def update_milestone(self, milestone_id: int, draft: m.MilestoneDraft) -> Outcome[m.Milestone]:
        """Rename, reorder or tick off a milestone."""
        rules.validate_milestone(draft)
        with self._db.transaction() as tx:
            tx.goals.get(draft.goal_id)
            return Outcome(tx.milestones.update(milestone_id, draft), MILESTONES)

    def delete_milestone(self, milestone_id: int) -> Outcome[None]:
        """Delete a milestone (undoable)."""
        with self._db.transaction() as tx:
            tx.milestones.soft_delete(milestone_id)
        return Outcome(None, MILESTONES)

    def restore_milestone(self, milestone_id: int) -> Outcome[m.Milestone]:
        """Undo a milestone's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.milestones.restore(milestone_id), MILESTONES)

    def milestones_of(self, goal_id: int) -> list[m.Milestone]:
        """A goal's milestones in order."""
        with self._db.reading() as tx:
            return tx.milestones.of_goal(goal_id)

    # -- check-ins ------------------------------------------------------------------------
    def add_checkin(self, draft: m.CheckinDraft) -> Outcome[m.Checkin]:
        """Record a KPI value for a goal."""
        with self._db.transaction() as tx:
            rules.validate_checkin(draft, tx.goals.get(draft.goal_id))
            return Outcome(tx.checkins.add(draft), CHECKINS)

    def update_checkin(self, checkin_id: int, draft: m.CheckinDraft) -> Outcome[m.Checkin]:
        """Correct a check-in."""
        with self._db.transaction() as tx:
            rules.validate_checkin(draft, tx.goals.get(draft.goal_id))
            return Outcome(tx.checkins.update(checkin_id, draft), CHECKINS)

    def delete_checkin(self, checkin_id: int) -> Outcome[None]:
        """Delete a check-in (undoable)."""
        with self._db.transaction() as tx:
            tx.checkins.soft_delete(checkin_id)
        return Outcome(None, CHECKINS)

    def restore_checkin(self, checkin_id: int) -> Outcome[m.Checkin]:
        """Undo a check-in's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.checkins.restore(checkin_id), CHECKINS)

    def checkins_of(self, goal_id: int) -> list[m.Checkin]:
        """A goal's check-ins, oldest first."""
        with self._db.reading() as tx:
            return tx.checkins.of_goal(goal_id)

    def checkin(self, checkin_id: int) -> m.Checkin:
        """One check-in.

        Raises:
            NotFoundError: it is gone.
        """
        with self._db.reading() as tx:
            return tx.checkins.get(checkin_id)

    # -- sessions -------------------------------------------------------------------------
    def add_session(self, draft: m.SessionDraft) -> Outcome[m.CoachingSession]:
        """Plan or record a coaching session."""
        rules.validate_session(draft)
        with self._db.transaction() as tx:
            tx.sprints.get(draft.sprint_id)
            return Outcome(tx.sessions.add(draft), SESSIONS)

    def update_session(self, session_id: int, draft: m.SessionDraft) -> Outcome[m.CoachingSession]:
        """Move, hold, cancel or write up a session."""
        rules.validate_session(draft)
        with self._db.transaction() as tx:
            tx.sprints.get(draft.sprint_id)
            return Outcome(tx.sessions.update(session_id, draft), SESSIONS)

    def delete_session(self, session_id: int) -> Outcome[None]:
        """Delete a session (undoable)."""
        with self._db.transaction() as tx:
            tx.sessions.soft_delete(session_id)
        return Outcome(None, SESSIONS | ACTIONS)

    def set_session_status(
        self, session_id: int, status: SessionStatus
    ) -> Outcome[m.CoachingSession]:
        """Mark a session planned, held or cancelled, leaving the rest of it as it is."""
        with self._db.transaction() as tx:
            session = tx.sessions.get(session_id)
            return Outcome(
                tx.sessions.update(session_id, replace(session, status=status)), SESSIONS
            )

    def delete_sessions(self, session_ids: list[int]) -> Outcome[None]:
        """Delete several sessions at once (taking back a plan), all or none."""
        with self._db.transaction() as tx:
            for session_id in session_ids:
                tx.sessions.soft_delete(session_id)
        return Outcome(None, SESSIONS | ACTIONS)

    def restore_session(self, session_id: int) -> Outcome[m.CoachingSession]:
        """Undo a session's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.sessions.restore(session_id), SESSIONS | ACTIONS)

    def sessions_of(self, sprint_id: int) -> list[m.CoachingSession]:
        """A sprint's sessions in time order."""
        with self._db.reading() as tx:
            return tx.sessions.of_sprint(sprint_id)

    def session(self, session_id: int) -> m.CoachingSession:
        """One coaching session.

        Raises:
            NotFoundError: it is gone.
        """
        with self._db.reading() as tx:
            return tx.sessions.get(session_id)

    def plan_sessions(
        self,
        sprint_id: int,
        at: time,
        every_days: int,
        *,
        duration_min: int = 60,
        zone: tzinfo | None = None,
    ) -> Outcome[list[m.CoachingSession]]:
        """Plan the sprint's sessions to its end, every ``every_days`` days counted from
        its start (or monthly, :data:`~devjournal.domain.sessions.MONTHLY`), at ``at``
        local time (``zone``, or this computer's). Days already past and days that already
        have a session are skipped."""
        if every_days < 0 or every_days > 365:
            raise ValidationError({"every_days": "Enter a number of days from 1 to 365."})
        with self._db.transaction() as tx:
            sprint = tx.sprints.get(sprint_id)
            if sprint.closed_state is not None:
                raise ValidationError({"every_days": "This sprint is closed."})
            taken = {_local_day(x.starts_at, zone) for x in tx.sessions.of_sprint(sprint_id)}
            days = plannable_days(sprint, every_days, taken, local_today(self._clock))
            created = []
            now = self._clock()
            for starts in session_times(days, at, zone):
                if starts <= now:  # earlier today: already past
                    continue
                draft = m.SessionDraft(
                    sprint_id=sprint_id, starts_at=starts, duration_min=duration_min
                )
                rules.validate_session(draft)
                created.append(tx.sessions.add(draft))
        return Outcome(created, SESSIONS)

    def prepare_session(self, session_id: int) -> Outcome[m.CoachingSession]:
        """Put every open commitment from earlier sessions on this session's agenda, under
        "Review commitments"; each one that comes up after its due date counts a slip."""
        with self._db.transaction() as tx:
            session = tx.sessions.get(session_id)
            carried = carried_into(
                session,
                tx.sessions.of_sprint(session.sprint_id),
                tx.actions.of_sprint(session.sprint_id),
            )
            tx.reviews.set_for(session.id, [a.id for a in carried])
            day = session.starts_at.astimezone().date()
            agenda = with_review(session.agenda, [review_line(a, day) for a in carried])
            saved = tx.sessions.update(session.id, replace(session, agenda=agenda))
        return Outcome(saved, SESSIONS | ACTIONS)

    def sessions_by_sprint(
        self, sprint_id: int | None = None
    ) -> list[tuple[m.Sprint, list[m.CoachingSession]]]:
        """Every sprint (or one) with its sessions in time order, for calendars."""
        with self._db.reading() as tx:
            sprints = [tx.sprints.get(sprint_id)] if sprint_id is not None else tx.sprints.find()
            return [(s, tx.sessions.of_sprint(s.id)) for s in sprints]

    def sessions_view(self, sprint_id: int) -> SessionsView:
        """The sprint's sessions with their commitments, slips and follow-through."""
        with self._db.reading() as tx:
            sessions = tx.sessions.of_sprint(sprint_id)
            actions = tx.actions.of_sprint(sprint_id)
            reviews = tx.reviews.of_sprint(sprint_id)
        return sessions_view(sessions, actions, reviews, self._clock())

    # -- action items ---------------------------------------------------------------------
    def add_action(
        self, draft: m.ActionItemDraft, *, from_feedback: int | None = None
    ) -> Outcome[m.ActionItem]:
        """Commit to an action item (made of a piece of feedback: ``from_feedback``, kept
        as what was done about it)."""
        rules.validate_action_item(draft)
        with self._db.transaction() as tx:
            self._check_action_links(tx, draft)
            action = tx.actions.add(draft)
            changes = _made_of_feedback(tx, from_feedback, action_id=action.id)
            return Outcome(action, ACTIONS | changes)

    def update_action(self, action_id: int, draft: m.ActionItemDraft) -> Outcome[m.ActionItem]:
        """Change, complete or drop an action item."""
        rules.validate_action_item(draft)
        with self._db.transaction() as tx:
            current = tx.actions.get(action_id)
            self._check_action_links(tx, draft, current)
            return Outcome(tx.actions.update(action_id, draft), ACTIONS)

    def delete_action(self, action_id: int) -> Outcome[None]:
        """Delete an action item (undoable)."""
        with self._db.transaction() as tx:
            tx.actions.soft_delete(action_id)
        return Outcome(None, ACTIONS)

    def restore_action(self, action_id: int) -> Outcome[m.ActionItem]:
        """Undo an action item's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.actions.restore(action_id), ACTIONS)

    def actions_due(self, first: date, last: date) -> list[m.ActionItem]:
        """Every action item due from ``first`` to ``last`` (both included), by due date."""
        with self._db.reading() as tx:
            return tx.actions.due_between(first, last)

    def sessions_of_sprints(self, sprint_ids: Sequence[int]) -> list[m.CoachingSession]:
        """The sessions of several sprints, in time order."""
        with self._db.reading() as tx:
            return tx.sessions.of_sprints(sprint_ids)

    def actions_of(self, sprint_id: int) -> list[m.ActionItem]:
        """A sprint's action items by due date."""
        with self._db.reading() as tx:
            return tx.actions.of_sprint(sprint_id)

    def action(self, action_id: int) -> m.ActionItem:
        """One action item (a commitment).

        Raises:
            NotFoundError: it is gone.
        """
        with self._db.reading() as tx:
            return tx.actions.get(action_id)

    @staticmethod
    def _check_action_links(
        tx: Tx, draft: m.ActionItemDraft, current: m.ActionItem | None = None
    ) -> None:
        """The sprint, goal and session must agree; links that did not change are left
        alone (the session it was made in may since have been deleted)."""
        tx.sprints.get(draft.sprint_id)
        same_goal = current is not None and current.goal_id == draft.goal_id
        if (
            draft.goal_id is not None
            and not same_goal
            and tx.goals.get(draft.goal_id).sprint_id != draft.sprint_id
        ):
            raise ValidationError({"goal_id": "That goal belongs to another sprint."})
        same_session = current is not None and current.session_id == draft.session_id
        if (
            draft.session_id is not None
            and not same_session
            and tx.sessions.get(draft.session_id).sprint_id != draft.sprint_id
        ):
            raise ValidationError({"session_id": "That session belongs to another sprint."})


def _local_day(when: datetime, zone: tzinfo | None) -> date:
    return when.astimezone(zone).date()


def _made_of_feedback(
    tx: Tx, entry_id: int | None, *, goal_id: int | None = None, action_id: int | None = None
) -> Changes:
    """Keep on a Feedback entry what was made of it: a goal or an action item."""
    if entry_id is None:
        return Changes(0)
    entry = tx.entries.get(entry_id)
    if entry.kind is not EntryKind.FEEDBACK:
        raise ValidationError({"from_feedback": "Only feedback can be turned into this."})
    details = tx.feedback.get(entry_id)
    tx.feedback.put(
        entry_id,
        replace(
            details, goal_id=goal_id or details.goal_id, action_id=action_id or details.action_id
        ),
    )
    return Changes.ENTRIES
