"""The sessions and actions of the open sprint: planning, writing up and marking sessions,
and the commitments made in them (the accountability ledger's edits)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import ActionStatus, SessionStatus
from devjournal.domain.models import ActionItem, ActionItemDraft, CoachingSession
from devjournal.domain.rules import warn_session
from devjournal.domain.sprints import SprintView
from devjournal.domain.wording import plural
from devjournal.drafts import DraftStore
from devjournal.services.changes import Outcome
from devjournal.services.coaching_service import CoachingService
from devjournal.ui.dialogs.action_dialog import ActionDialog
from devjournal.ui.dialogs.form_dialog import FormDialog
from devjournal.ui.dialogs.plan_sessions_dialog import PlanSessionsDialog
from devjournal.ui.dialogs.session_dialog import SessionDialog
from devjournal.ui.ops import Ops
from devjournal.ui.widgets.sessions_panel import SessionsPanel, when_text


class SprintHost(Protocol):
    """What the sessions and actions need of the page that shows the sprint."""

    @property
    def view(self) -> SprintView | None:
        """The open sprint."""

    def open_form(self, dialog: FormDialog, on_saved: Callable[[], None] = ...) -> None:
        """Show ``dialog`` window-modal; ``on_saved`` runs once it saved."""

    def write(self, call: Callable[[], Outcome[Any]]) -> Outcome[Any] | None:
        """Run a write through :class:`Ops` (a refusal is said)."""

    def delete(
        self, said: str, delete: Callable[[], Outcome[Any]], restore: Callable[[], Outcome[Any]]
    ) -> None:
        """Delete, and offer Undo (``said`` in the notice)."""

    def offer_undo(self, text: str, undo: Callable[[], object]) -> None:
        """Say ``text`` with an Undo that runs ``undo``."""


class SessionsAndActions:
    """Handles a sprint's :class:`SessionsPanel` (its signals come here)."""

    def __init__(
        self,
        host: SprintHost,
        coaching: CoachingService,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        *,
        parent: QWidget,
    ) -> None:
        self._host = host
        self._coaching = coaching
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self._parent = parent  # the forms open over it

    def connect(self, panel: SessionsPanel) -> None:
        """Handle what ``panel`` asks for."""
        panel.plan_requested.connect(self.plan_sessions)
        panel.add_session_requested.connect(self.add_session)
        panel.edit_session_requested.connect(self.edit_session)
        panel.status_requested.connect(self.set_session_status)
        panel.prepare_requested.connect(self.prepare_session)
        panel.delete_session_requested.connect(self.delete_session)
        panel.commit_requested.connect(self.add_action)
        panel.edit_action_requested.connect(self.edit_action)
        panel.action_done_toggled.connect(self.set_action_done)
        panel.delete_action_requested.connect(self.delete_action)

    # -- sessions -------------------------------------------------------------------------
    def plan_sessions(self) -> None:
        """Plan the sprint's sessions from a cadence (undoable: the plan is taken back)."""
        view = self._host.view
        if view is None:
            return
        sprint = view.sprint
        dialog = PlanSessionsDialog(
            self._ops,
            self._coaching,
            self._drafts,
            sprint,
            self._coaching.sessions_of(sprint.id),
            now=self._clock(),
            parent=self._parent,
        )

        def saved() -> None:
            made = [x.id for x in dialog.created]
            self._host.offer_undo(
                f"Planned {plural(len(made), 'session')}.",
                lambda: self._host.write(lambda: self._coaching.delete_sessions(made)),
            )

        self._host.open_form(dialog, saved)

    def add_session(self) -> None:
        """Add one session."""
        self._session_form(None)

    def edit_session(self, session: CoachingSession) -> None:
        """Write up, move or re-plan a session."""
        self._session_form(session)

    def _session_form(self, session: CoachingSession | None) -> None:
        view = self._host.view
        if view is None:
            return
        dialog = SessionDialog(
            self._ops,
            self._coaching,
            self._drafts,
            view.sprint,
            view.today,
            session=session,
            parent=self._parent,
            clock=self._clock,
        )
        self._host.open_form(dialog)

    def set_session_status(self, session: CoachingSession, status: SessionStatus) -> None:
        """Mark a session held or cancelled (undoable: only the status goes back)."""
        coaching = self._coaching
        if self._host.write(lambda: coaching.set_session_status(session.id, status)) is None:
            return
        before = session.status
        early = warn_session(replace(session, status=status), self._clock())
        self._host.offer_undo(
            f"Marked the session of {when_text(session)} {status.value}"
            + (", but it has not started yet: is that right?" if early else "."),
            lambda: self._host.write(lambda: coaching.set_session_status(session.id, before)),
        )

    def prepare_session(self, session: CoachingSession) -> None:
        """Carry open commitments onto the session's agenda."""
        self._host.write(lambda: self._coaching.prepare_session(session.id))

    def delete_session(self, session: CoachingSession) -> None:
        """Delete a session (undoable)."""
        self._host.delete(
            f"Deleted the session of {when_text(session)}.",
            lambda: self._coaching.delete_session(session.id),
            lambda: self._coaching.restore_session(session.id),
        )

    # -- actions --------------------------------------------------------------------------
    def add_action(self, session: CoachingSession | None) -> None:
        """Commit to an action item (in ``session``, if given)."""
        self._action_form(session_id=session.id if session is not None else None)

    def edit_action(self, action: ActionItem) -> None:
        """Change an action item."""
        self._action_form(action=action)

    def action_from_feedback(self, prefill: ActionItemDraft, entry_id: int) -> None:
        """Commit to an action item made of the feedback entry ``entry_id``."""
        self._action_form(prefill=prefill, from_feedback=entry_id)

    def _action_form(
        self,
        *,
        session_id: int | None = None,
        action: ActionItem | None = None,
        prefill: ActionItemDraft | None = None,
        from_feedback: int | None = None,
    ) -> None:
        view = self._host.view
        if view is None:
            return
        dialog = ActionDialog(
            self._ops,
            self._coaching,
            self._drafts,
            sprint_id=view.sprint.id,
            goals=[g.goal for g in view.goals],
            today=view.today,
            session_id=session_id,
            action=action,
            prefill=prefill,
            from_feedback=from_feedback,
            parent=self._parent,
        )
        self._host.open_form(dialog)

    def set_action_done(self, action: ActionItem, done: bool) -> None:
        """Tick an action item done (today), or open again."""
        changed = replace(
            action,
            status=ActionStatus.DONE if done else ActionStatus.OPEN,
            done_on=local_today(self._clock) if done else None,
        )
        self._host.write(lambda: self._coaching.update_action(action.id, changed))

    def delete_action(self, action: ActionItem) -> None:
        """Delete an action item (undoable)."""
        self._host.delete(
            f"Deleted “{action.title}”.",
            lambda: self._coaching.delete_action(action.id),
            lambda: self._coaching.restore_action(action.id),
        )
