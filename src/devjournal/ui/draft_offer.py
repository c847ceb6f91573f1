"""At start, offer what an earlier run left typed and unsaved (a crash, a kill, a power cut).

Each draft found is offered in turn, window-modally: "An unsaved entry “Half a thought” from
3 Dec 14:02" with Open (the form opens, prefilled), Discard (the draft is deleted) and
Later (it stays, and comes back when that form is opened or at the next start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from devjournal.domain.errors import DomainError
from devjournal.drafts import DraftKey, DraftStore, describe_draft
from devjournal.ui import file_prompts
from devjournal.ui.file_prompts import Role

OpenDraft = Callable[[DraftKey], QDialog | None]
"""Opens where a draft was typed; returns the form it opened (None for a page's row)."""


class DraftOffer(QObject):
    """Offers the drafts an earlier run left, one at a time."""

    def __init__(
        self,
        parent: QWidget,
        drafts: DraftStore,
        open_draft: OpenDraft,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._drafts = drafts
        self._open_draft = open_draft
        self._say = say
        self._queue: list[str] = []
        self._key = ""
        self.prompt: QMessageBox | None = None

    def start(self) -> None:
        """Offer each draft found at start that is still there."""
        self._queue = [key for key in self._drafts.left_over if self._drafts.get(key)]
        self._next()

    def _next(self) -> None:
        while self._queue:
            key = self._queue.pop(0)
            fields = self._drafts.get(key)
            if fields:
                break
        else:
            return
        self._key = key
        self.prompt = file_prompts.ask(
            self._window,
            "Unsaved work",
            describe_draft(key, fields, self._drafts.saved_at(key)) + ".",
            detail="It was typed before devjournal last closed and was never saved. Open it "
            "to finish it, or discard it?",
            choices=[
                ("Open", Role.AcceptRole),
                ("Discard", Role.DestructiveRole),
                ("Later", Role.RejectRole),
            ],
            on_answer=self._on_answer,
        )

    def _on_answer(self, role: QMessageBox.ButtonRole) -> None:
        self.prompt = None
        if role is Role.DestructiveRole:
            self._drafts.discard(self._key)
            self._next()
        elif role is Role.AcceptRole:
            try:
                dialog = self._open_draft(DraftKey.parse(self._key))
            except DomainError:
                self._say("What that draft was typed for is gone; it is kept in drafts.json.")
                dialog = None
            if dialog is None:
                self._next()
            else:
                dialog.finished.connect(self._next)
        # Later: nothing more now; the drafts stay.
