"""The one notice bar of the window: what just happened ("Deleted the goal …"), with one
thing to do about it (Undo, "Open …"). Every page says its notices here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from devjournal.ui.plain_text import for_mnemonic, plain_label
from devjournal.ui.shortcuts import sequence

NOTICE_MS = 15_000
"""How long a notice stays: long enough to read it and change one's mind."""


class NoticeBar(QWidget):
    """A strip above the pages. :meth:`say` shows a notice with an action button; an
    undo is also on Ctrl+Z (a text field keeps Ctrl+Z for its own typing while it has the
    focus). The notice goes after :data:`NOTICE_MS`, on Dismiss, when its action is used,
    or when the next notice replaces it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        self.label = plain_label("", wrap=True)  # notices quote titles
        self.button = QPushButton()
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setFlat(True)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        row.addWidget(self.dismiss)
        self.undo_action = QAction("Undo", self)
        self.undo_action.setShortcut(sequence("page.undo"))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.setEnabled(False)
        self.addAction(self.undo_action)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._action: Callable[[], object] | None = None
        self.setVisible(False)
        self.button.clicked.connect(self._act)
        self.undo_action.triggered.connect(self._act)
        self.dismiss.clicked.connect(self.clear)
        self._timer.timeout.connect(self.clear)

    def say(
        self,
        text: str,
        action_text: str = "",
        action: Callable[[], object] | None = None,
        *,
        undo: bool = False,
    ) -> None:
        """Show ``text`` (plain) with a button ``action_text`` that runs ``action``;
        ``undo`` makes it the Undo of what was just done (Ctrl+Z too)."""
        self._action = action
        self.label.setText(text)
        self.button.setText(for_mnemonic(action_text or "Undo"))
        self.button.setVisible(action is not None)
        self.button.setToolTip("Undo (Ctrl+Z)" if undo else "")
        self.undo_action.setEnabled(undo and action is not None)
        self.setVisible(True)
        self._timer.start()

    def clear(self) -> None:
        """Take the notice away (its action is no longer offered)."""
        self._timer.stop()
        self._action = None
        self.undo_action.setEnabled(False)
        self.setVisible(False)

    def text(self) -> str:
        """What the bar says ("" when it says nothing)."""
        return self.label.text() if not self.isHidden() else ""

    def _act(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()
