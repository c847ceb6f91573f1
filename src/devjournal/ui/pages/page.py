"""What the window asks of every page: one small protocol, so ``MainWindow`` loops over
its pages instead of reaching into each."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from PySide6.QtWidgets import QDialog, QWidget

from devjournal.drafts import DraftKey
from devjournal.services.changes import Changes


class Page(Protocol):
    """A page of the window (Today, Coaching, Mentorship, History, Timeline).

    The window tells a visible page what changed at once (:meth:`apply_changes`); a
    hidden one is marked stale and :meth:`refresh`-ed when it is next shown, so a change
    costs only the pages the user looks at.
    """

    shows: ClassVar[Changes]
    """The kinds of data the page shows: changes to anything else are not its concern."""

    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Show what ``changes`` changed (``origin``: the widget whose write it was, or
        None for another program's)."""

    def refresh(self) -> None:
        """Read the journal again and show it as it is now."""

    def flush_drafts(self) -> None:
        """The window is closing: keep what is typed and not saved as drafts, and put
        away any open form without discarding it."""

    @property
    def dialog(self) -> QDialog | None:
        """The form open on the page, if any."""

    def open_draft(self, key: DraftKey) -> bool:
        """Open the form a draft from an earlier run was typed in, on this page (the form
        restores it; it is then :attr:`dialog`); False when the draft is not this page's."""


class DeferredPage(QWidget):
    """A page's place in the window until the page is first shown or asked for.

    The pages used now and then (Timeline, Guide, Feedback, Outreach, Coaches,
    Direction) are neither built nor read at start: the window swaps this stand-in for
    the page made by :attr:`build` the first time it is needed (``MainWindow.page_at``).
    As a page it shows nothing, so no change concerns it; the page reads the journal
    when it is built.
    """

    shows: ClassVar[Changes] = Changes.NONE

    def __init__(self, build: Callable[[], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self.build = build
        """Makes the page (with the window's stack as its parent) and wires it."""

    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Nothing is shown yet: the page reads what is there when it is built."""

    def refresh(self) -> None:
        """Nothing is shown yet."""

    def flush_drafts(self) -> None:
        """No form is open on a page not yet built."""

    @property
    def dialog(self) -> QDialog | None:
        """No form is open on a page not yet built."""
        return None

    def open_draft(self, key: DraftKey) -> bool:
        """The window builds the page before it asks it (``MainWindow._open_draft``)."""
        return False
