"""The quick switcher (Ctrl+K): type part of a name, Enter opens it.

It finds pages, sprints, goals, mentors, coaches and entries (``JournalService.jumps``,
read on a worker through ``Ops.query``, so a keystroke never waits for the journal);
Up/Down move through the matches while the keyboard stays in the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from devjournal.domain.jumps import Jump, JumpKind, best, typed_words
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_label
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE, TwoLineDelegate

JUMP_ROLE = Qt.ItemDataRole.UserRole + 1
WAIT_MS = 60
"""How long typing pauses before the journal is asked (a fast typist asks once)."""
DAY = "d MMM yyyy"
HINT = "Type part of a name: a sprint, goal, mentor, coach, log entry or page."
_MOVE_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def _context(jump: Jump) -> tuple[str, ...]:
    """What says where a line belongs, dates in the user's locale."""
    if jump.day is not None and jump.until is not None:  # a sprint
        return (f"{local_date(jump.day, DAY)} – {local_date(jump.until, DAY)}",)
    if jump.day is not None:  # an entry
        return (local_date(jump.day, DAY), jump.detail)
    return (jump.detail,)


class QuickSwitcher(QDialog):
    """Go to anything by name. ``chosen`` carries the :class:`Jump` picked."""

    chosen = Signal(object)

    def __init__(
        self,
        ops: Ops,
        find: Callable[[str], tuple[Jump, ...]],
        pages: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle("Go to")
        self.setMinimumWidth(560)
        self._ops = ops
        self._find = find
        self._pages = [Jump(JumpKind.PAGE, row, title) for row, title in enumerate(pages)]
        self._shown_for: str | None = None
        """What the field held when the matches shown were found."""
        self._open_when_found = False
        self.field = QLineEdit()
        self.field.setPlaceholderText("Go to a sprint, goal, mentor, coach, entry or page…")
        self.field.setAccessibleName("Name to go to")
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Matches")
        self.results.setItemDelegate(TwoLineDelegate(self.results))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the field
        self.results.setProperty("reachedWithoutTab", True)  # Up and Down in the field
        self.results.setMinimumHeight(320)
        self.status = plain_label(HINT, "muted")
        self.status.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.field)
        column.addWidget(self.results, 1)
        column.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WAIT_MS)
        self._timer.timeout.connect(self.search)
        self.field.textChanged.connect(self._timer.start)
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the field move through the matches."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVE_KEYS
        ):
            self.results.keyPressEvent(event)  # the list moves its current row
            return True
        return super().eventFilter(watched, event)

    def search(self) -> None:
        """Ask the journal for what the field names (pages are matched here)."""
        typed = self.field.text()
        pages = tuple(self._pages)  # ranked with the rest in _show
        if not typed_words(typed):
            self._show(typed, (), ())
            return
        self._ops.query(
            self,
            lambda: self._find(typed),
            lambda found: self._show(typed, pages, found),
            on_failure=self.status.setText,
        )

    def _show(self, typed: str, pages: tuple[Jump, ...], found: tuple[Jump, ...]) -> None:
        if typed != self.field.text():
            return  # a newer search is on its way
        self._shown_for = typed
        self.results.clear()
        for jump in best((*pages, *found), typed, len(pages) + len(found)):
            detail = " · ".join(part for part in (jump.kind.label, *_context(jump)) if part)
            item = QListWidgetItem(jump.title)
            item.setData(SUBTITLE_ROLE, detail)
            item.setData(JUMP_ROLE, jump)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{jump.title}, {detail}")
            self.results.addItem(item)
        count = self.results.count()
        if count:
            self.results.setCurrentRow(0)
        if not typed_words(typed):
            self.status.setText(HINT)
        elif count == 0:
            self.status.setText(f"Nothing is called “{typed.strip()}”. Try fewer letters.")
        else:
            self.status.setText("Enter opens the chosen line; Up and Down choose another.")
        if self._open_when_found:
            self._open_when_found = False
            self.open_current()

    def open_current(self) -> None:
        """Open the chosen match (the first one unless Up/Down chose another). Pressed
        before the matches for what is typed have come, it opens the first of them when
        they come."""
        if self._shown_for != self.field.text():
            self._timer.stop()
            self._open_when_found = bool(typed_words(self.field.text()))
            self.search()
            return
        item = self.results.currentItem()
        if item is not None:
            self._on_results_item_activated(item)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        jump = item.data(JUMP_ROLE)
        if isinstance(jump, Jump):
            self.accept()
            self.chosen.emit(jump)
