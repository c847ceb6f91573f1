"""At start, offer what an earlier run left typed and unsaved (a crash, a kill, a power cut).

Each draft found is offered in turn, window-modally: "An unsaved entry “Half a thought” from
3 Dec 14:02" with Open (the form opens, prefilled), Discard (the draft is deleted) and
Later (it stays, and comes back when that form is opened or at the next start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from devjournal.domain.errors import DomainError
from devjournal.drafts import DraftKey, DraftStore, describe_draft

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
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Unsaved work",
            describe_draft(key, fields, self._drafts.saved_at(key)) + ".",
            parent=self._window,
        )
        box.setInformativeText(
            "It was typed before devjournal last closed and was never saved. Open it to "
            "finish it, or discard it?"
        )
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.setEscapeButton(later)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_prompt_finished)
        self.prompt = box
        box.open()

    def _on_prompt_finished(self) -> None:
        box, self.prompt = self.prompt, None
        clicked = box.clickedButton() if box is not None else None
        if box is None or clicked is None:
            return
        role = box.buttonRole(clicked)
        if role is QMessageBox.ButtonRole.DestructiveRole:
            self._drafts.discard(self._key)
            self._next()
        elif role is QMessageBox.ButtonRole.AcceptRole:
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
