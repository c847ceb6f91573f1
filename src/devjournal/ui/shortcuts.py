"""Every keyboard shortcut, in one table: the window, the pages and the dialogs bind theirs
from it (``sequence``), and Help → Keyboard shortcuts (F1) lists it, so the list cannot
drift from what the keys do. A test fails on a shortcut bound anywhere else."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeyEvent, QKeySequence

Keys = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class Shortcut:
    """A key and what it does, where."""

    name: str
    """How code asks for it (``sequence("new.sprint")``)."""
    does: str
    """What it does, as the list says it."""
    keys: Keys
    group: str

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def text(self) -> str:
        """The key as this platform writes it (``Ctrl+Shift+N``)."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)


GO = "Go to"
NEW = "Write something new"
JOURNAL = "The journal"
IN_PAGE = "On a page"
IN_REPORT = "In the summary and the review"

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "go.switcher", "Find a sprint, goal, mentor, coach, entry or page by name", "Ctrl+K", GO
    ),
    Shortcut("page.Today", "Today", "Ctrl+1", GO),
    Shortcut("page.Coaching", "Coaching", "Ctrl+2", GO),
    Shortcut("page.Mentorship", "Mentorship", "Ctrl+3", GO),
    Shortcut("page.History", "History", "Ctrl+4", GO),
    Shortcut("page.Timeline", "Timeline", "Ctrl+5", GO),
    Shortcut("page.Guide", "Guide", "Ctrl+6", GO),
    Shortcut("page.Feedback", "Feedback", "Ctrl+7", GO),
    Shortcut("page.Outreach", "Outreach", "Ctrl+8", GO),
    Shortcut("page.Coaches", "Coaches", "Ctrl+9", GO),
    Shortcut("page.Direction", "Direction", "Ctrl+0", GO),
    Shortcut("new.entry", "New log entry", QKeySequence.StandardKey.New, NEW),
    Shortcut("new.sprint", "New sprint", "Ctrl+Shift+N", NEW),
    Shortcut("new.goal", "New goal in the open sprint", "Ctrl+Shift+G", NEW),
    Shortcut("new.checkin", "Check in on the goal most due", "Ctrl+Shift+I", NEW),
    Shortcut("new.session", "New session in the open sprint", "Ctrl+Shift+E", NEW),
    Shortcut("new.mentor", "New mentor", "Ctrl+Shift+M", NEW),
    Shortcut("journal.summary", "Prepare the session summary", "Ctrl+Shift+P", JOURNAL),
    Shortcut("journal.backups", "Backups", "Ctrl+Shift+B", JOURNAL),
    Shortcut("journal.preferences", "Preferences", "Ctrl+,", JOURNAL),
    Shortcut("journal.quit", "Quit", "Ctrl+Q", JOURNAL),
    Shortcut(
        "help.shortcuts", "This list of shortcuts", QKeySequence.StandardKey.HelpContents, JOURNAL
    ),
    Shortcut("page.find", "Find (on Coaching and History)", QKeySequence.StandardKey.Find, IN_PAGE),
    Shortcut("page.undo", "Undo the delete just made", QKeySequence.StandardKey.Undo, IN_PAGE),
    Shortcut("report.save", "Save as a file", QKeySequence.StandardKey.Save, IN_REPORT),
    Shortcut("report.print", "Print", QKeySequence.StandardKey.Print, IN_REPORT),
    Shortcut("report.add_point", "Add a point to discuss (summary)", "Ctrl+Return", IN_REPORT),
    Shortcut(
        "report.remove_point",
        "Remove the chosen point (summary)",
        QKeySequence.StandardKey.Delete,
        IN_REPORT,
    ),
)
_BY_NAME = {s.name: s for s in SHORTCUTS}


def shortcut(name: str) -> Shortcut:
    """The shortcut called ``name`` (KeyError for a name not in the table)."""
    return _BY_NAME[name]


def sequence(name: str) -> QKeySequence:
    """The key sequence of the shortcut called ``name``."""
    return _BY_NAME[name].sequence()


def pressed(name: str, event: QKeyEvent) -> bool:
    """Whether ``event`` is the key of the shortcut called ``name``."""
    return QKeySequence(event.keyCombination()) == sequence(name)
