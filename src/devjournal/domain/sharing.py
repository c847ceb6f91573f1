"""What a report may carry: the one privacy rule every export asks before it is built.

A report (the session summary, the close-out, the history, the timeline image, the sessions
calendar, the check-ins CSV) is a copy for someone else. Without "include private":

- a goal scoped private stays out, and takes with it its check-ins (and their notes), its
  milestones, the action items linked to it and the log entries linked to it;
- a session scoped private stays out, and takes with it the action items made in it;
- a log entry scoped private stays out, wherever it is linked.

A part of the direction (an aim: where the user wants to be in one, three or five years) is
private by default and stays out unless scoped shareable or every private item goes in;
what serves it follows its own rule (a private goal stays out).

Sprints and mentors have no scope: they are always shareable. The user may include private
goals one by one (:attr:`Sharing.goal_ids`), or every private item at once
(:attr:`Sharing.include_private`).

The whole-journal JSON export is not a report: it is the user's own backup, and carries
everything (see ``docs/journal-format.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Protocol

from devjournal.domain.enums import Scope
from devjournal.domain.models import ActionItem, Goal, LogEntry
from devjournal.domain.sessions import (
    ActionLine,
    FollowThrough,
    SessionsView,
    follow_through,
    next_planned,
)
from devjournal.domain.sprints import SprintView
from devjournal.domain.wording import plural


class Scoped(Protocol):
    """Anything with an id and a scope (a goal, a session, an entry, a timeline mark)."""

    @property
    def id(self) -> int: ...

    @property
    def scope(self) -> Scope: ...


class LinkedEntry(Scoped, Protocol):
    """A log entry, or what a timeline knows of one."""

    @property
    def goal_id(self) -> int | None: ...


@dataclass(frozen=True)
class Sharing:
    """What the user chose to share in one copy."""

    include_private: bool = False
    """Every private item goes in."""
    goal_ids: frozenset[int] = frozenset()
    """Private goals the user chose to include, one by one."""

    def with_goal(self, goal_id: int, include: bool) -> Sharing:
        """The same choice with private goal ``goal_id`` included or not."""
        ids = self.goal_ids | {goal_id} if include else self.goal_ids - {goal_id}
        return replace(self, goal_ids=frozenset(ids))

    def shares(self, item: Scoped) -> bool:
        """Whether ``item`` itself (not what it is linked to) may be shared."""
        return self.include_private or item.scope is not Scope.PRIVATE

    def shares_goal(self, goal: Scoped) -> bool:
        """Whether a goal may be shared (its own scope, or chosen one by one)."""
        return self.shares(goal) or goal.id in self.goal_ids

    def rule(
        self,
        goals: Iterable[Scoped] = (),
        sessions: Iterable[Scoped] = (),
        *,
        only_these: bool = False,
    ) -> Shareable:
        """The rule for a report over ``goals`` and ``sessions`` (every goal and session
        an item of the report may be linked to, shown or not).

        With ``only_these`` (a sprint's report: ``goals`` and ``sessions`` are the
        sprint's live ones), an item linked to any other goal or session, one deleted
        meanwhile say, is not vouched for and stays out unless every private item goes in:
        a deleted private goal or session must not let what was linked to it through."""
        goals, sessions = list(goals), list(sessions)
        return Shareable(
            self,
            frozenset(g.id for g in goals if not self.shares_goal(g)),
            frozenset(s.id for s in sessions if not self.shares(s)),
            frozenset(g.id for g in goals) if only_these else None,
            frozenset(s.id for s in sessions) if only_these else None,
        )


NOTHING_PRIVATE = Sharing()
"""The default of every report: nothing scoped private."""


@dataclass(frozen=True)
class Shareable:
    """Answers, for one report, whether each item may be in it (see :meth:`Sharing.rule`)."""

    sharing: Sharing
    hidden_goals: frozenset[int] = field(default_factory=frozenset)
    hidden_sessions: frozenset[int] = field(default_factory=frozenset)
    known_goals: frozenset[int] | None = None
    """When set, the only goals items may be linked to and still be shared."""
    known_sessions: frozenset[int] | None = None
    """When set, the only sessions items may be linked to and still be shared."""

    def goal(self, goal_id: int | None) -> bool:
        """A goal by id (None, no goal, is shareable); also its check-ins and milestones."""
        if goal_id is None or self.sharing.include_private:
            return True
        if self.known_goals is not None and goal_id not in self.known_goals:
            return False
        return goal_id not in self.hidden_goals

    def session(self, session_id: int | None) -> bool:
        """A session by id (None, no session, is shareable)."""
        if session_id is None or self.sharing.include_private:
            return True
        if self.known_sessions is not None and session_id not in self.known_sessions:
            return False
        return session_id not in self.hidden_sessions

    def action(self, action: ActionItem) -> bool:
        """An action item: shareable unless its goal or the session it was made in is not."""
        return self.goal(action.goal_id) and self.session(action.session_id)

    def aim(self, aim: Scoped) -> bool:
        """A part of the direction: its own scope (private by default)."""
        return self.sharing.shares(aim)

    def entry(self, entry: LinkedEntry) -> bool:
        """A log entry (or a timeline's mark of one): its own scope, and its goal's."""
        return self.sharing.shares(entry) and self.goal(entry.goal_id)


@dataclass(frozen=True)
class SharedSprint:
    """A sprint as a report may show it: only what may be shared."""

    view: SprintView
    ledger: SessionsView
    entries: tuple[LogEntry, ...]
    left_out: int
    """How many goals, sessions, actions and entries were left out."""
    private_goals: tuple[Goal, ...]
    """The sprint's private goals, shared in this copy or not (for the dialog that asks)."""


def shared_sprint(
    view: SprintView,
    ledger: SessionsView,
    entries: Sequence[LogEntry],
    sharing: Sharing,
    now: datetime,
) -> SharedSprint:
    """``view``, ``ledger`` and ``entries`` with what ``sharing`` does not share taken out;
    follow-through counts only the commitments left in."""
    rule = sharing.rule(
        [g.goal for g in view.goals],
        [line.session for line in ledger.sessions],
        only_these=True,
    )
    goals = tuple(g for g in view.goals if rule.goal(g.goal.id))
    actions = tuple(line for line in ledger.actions if rule.action(line.action))
    kept = {line.action.id for line in actions}
    today = now.astimezone().date()
    sessions = []
    for line in ledger.sessions:
        if rule.session(line.session.id):
            committed = tuple(a for a in line.committed if a.action.id in kept)
            sessions.append(
                replace(
                    line,
                    committed=committed,
                    follow=_follow(committed, today),
                    reviewed=tuple(i for i in line.reviewed if i in kept),
                )
            )
    shown_entries = tuple(e for e in entries if rule.entry(e))
    left_out = sum(
        len(everything) - len(shown)
        for everything, shown in (
            (view.goals, goals),
            (ledger.sessions, sessions),
            (ledger.actions, actions),
            (entries, shown_entries),
        )
    )
    return SharedSprint(
        view=replace(view, goals=goals),
        ledger=replace(
            ledger,
            sessions=tuple(sessions),
            actions=actions,
            total=_follow(actions, today),
            next_planned=next_planned([line.session for line in sessions], now),
        ),
        entries=shown_entries,
        left_out=left_out,
        private_goals=tuple(g.goal for g in view.goals if g.goal.scope is Scope.PRIVATE),
    )


def _follow(lines: Sequence[ActionLine], today: date) -> FollowThrough:
    """Follow-through of the commitments ``lines`` show."""
    return follow_through(
        [line.action for line in lines], {line.action.id: line.slips for line in lines}, today
    )


def left_out_note(count: int) -> str:
    """`` (2 private items left out)`` for the user (never in the document), or ""."""
    return f" ({plural(count, 'private item')} left out)" if count else ""
