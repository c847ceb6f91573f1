"""Drafts from an earlier run, reopened on the Coaching page: the form each was typed in
(or a goal's quick check-in row), on its sprint; the form then restores the draft.

A draft's key says what it was typed for (``drafts.DraftKey``): ``goal:12`` is goal 12's
form, ``action:new:session=7`` a new commitment made in session 7.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from devjournal.domain.models import Checkin
from devjournal.domain.sprints import GoalView, SprintView
from devjournal.drafts import DraftKey
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.pages.coaching.sessions import SessionsAndActions


class DraftHost(Protocol):
    """What reopening a draft needs of the Coaching page."""

    @property
    def view(self) -> SprintView | None:
        """The open sprint."""

    @property
    def sessions(self) -> SessionsAndActions:
        """The sprint's sessions and actions."""

    def open_sprint(
        self, sprint_id: int, *, sessions: bool = False, focus_goal: int | None = None
    ) -> None:
        """Show a sprint on its goals (or its sessions and actions)."""

    def new_sprint(self) -> None: ...
    def edit_sprint(self) -> None: ...
    def close_sprint(self) -> None: ...
    def add_goal(self) -> None: ...
    def goal_from_feedback(self, entry_id: int) -> None: ...
    def action_from_feedback(self, entry_id: int) -> None: ...
    def edit_goal(self, goal_view: GoalView) -> None: ...
    def edit_checkin(self, checkin: Checkin) -> None: ...


def reopen(page: DraftHost, coaching: CoachingService, key: DraftKey) -> bool:
    """Open the form the draft ``key`` was typed in; False when it is not a Coaching
    page's draft.

    Raises:
        DomainError: what the draft was typed for is gone.
    """
    opener: Callable[[DraftHost, CoachingService, DraftKey], None] | None = _OPENERS.get(key.kind)
    if opener is None:
        return False
    opener(page, coaching, key)
    return True


def _sprint(page: DraftHost, _coaching: CoachingService, key: DraftKey) -> None:
    if key.kind == "sprint" and key.id is None:
        page.new_sprint()
        return
    sprint_id = key.where.get("sprint") or key.id or 0
    if key.kind == "plan":  # the plan-sessions form, over the sessions it plans
        page.open_sprint(sprint_id, sessions=True)
        page.sessions.plan_sessions()
        return
    page.open_sprint(sprint_id)
    if key.kind == "sprint":
        page.edit_sprint()
    else:  # "close"
        page.close_sprint()


def _goal(page: DraftHost, coaching: CoachingService, key: DraftKey) -> None:
    if key.id is None and "feedback" in key.where:
        page.goal_from_feedback(key.where["feedback"])
        return
    if key.id is None:
        page.open_sprint(key.where.get("sprint", 0))
        page.add_goal()
        return
    page.open_sprint(coaching.goal(key.id).sprint_id)
    views = [v for v in page.view.goals if v.goal.id == key.id] if page.view else []
    if views:
        page.edit_goal(views[0])


def _checkin(page: DraftHost, coaching: CoachingService, key: DraftKey) -> None:
    goal_id = key.where.get("goal")
    if goal_id is not None:  # the quick row, which puts the draft back itself
        page.open_sprint(coaching.goal(goal_id).sprint_id, focus_goal=goal_id)
        return
    checkin = coaching.checkin(key.id or 0)
    page.open_sprint(coaching.goal(checkin.goal_id).sprint_id, focus_goal=checkin.goal_id)
    page.edit_checkin(checkin)


def _session(page: DraftHost, coaching: CoachingService, key: DraftKey) -> None:
    if key.id is None:
        page.open_sprint(key.where.get("sprint", 0), sessions=True)
        page.sessions.add_session()
        return
    session = coaching.session(key.id)
    page.open_sprint(session.sprint_id, sessions=True)
    page.sessions.edit_session(session)


def _action(page: DraftHost, coaching: CoachingService, key: DraftKey) -> None:
    if key.id is not None:
        action = coaching.action(key.id)
        page.open_sprint(action.sprint_id, sessions=True)
        page.sessions.edit_action(action)
        return
    if "feedback" in key.where:
        page.action_from_feedback(key.where["feedback"])
        return
    made_in = key.where.get("session")
    session = coaching.session(made_in) if made_in is not None else None
    page.open_sprint(session.sprint_id if session else key.where.get("sprint", 0), sessions=True)
    page.sessions.add_action(session)


_OPENERS: dict[str, Callable[[DraftHost, CoachingService, DraftKey], None]] = {
    "sprint": _sprint,
    "close": _sprint,
    "plan": _sprint,
    "goal": _goal,
    "checkin": _checkin,
    "session": _session,
    "action": _action,
}
"""The opener of each kind of draft the Coaching page's forms keep."""
