"""What a page says before it has anything to show: a heading, why, and the first step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from devjournal.ui.widgets.card import label


class EmptyState(QWidget):
    """A centred heading and text with one primary button (``button``) and, when
    ``aside`` is given, a quieter second one under it (``aside_button``)."""

    def __init__(
        self,
        title: str,
        text: str,
        action: str,
        parent: QWidget | None = None,
        *,
        aside: str = "",
    ) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 24, 48, 24)
        column.addStretch(1)
        self.title_label = label(title, "pageTitle", wrap=True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label = label(text, "muted", wrap=True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(action)
        self.button.setObjectName("primary")
        column.addWidget(self.title_label)
        column.addWidget(self.text_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        column.addLayout(row)
        self.aside_button = QPushButton(aside, self)  # a child: shown alone, a window
        self.aside_button.setFlat(True)
        self.aside_button.setObjectName("link")
        self.aside_button.setVisible(bool(aside))
        aside_row = QHBoxLayout()
        aside_row.addStretch(1)
        aside_row.addWidget(self.aside_button)
        aside_row.addStretch(1)
        column.addLayout(aside_row)
        column.addStretch(2)


class NotReadYet(QWidget):
    """What a page that reads on a worker shows until its first answer: nothing. Its
    empty state ("nothing here yet") would be wrong for a journal full of it, flash for
    the length of the read and take the keyboard focus with its button."""
