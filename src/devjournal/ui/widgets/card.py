"""A titled, rounded panel used across pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from devjournal.ui.plain_text import plain_label


class Card(QFrame):
    """A panel with a bold title and a vertical body."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(8)
        if title:
            self.body.addWidget(plain_label(title, "cardTitle"))

    def add_label(
        self, text: str, name: str = "", *, rich: bool = False, wrap: bool = True
    ) -> QLabel:
        """Add a label (plain text, as every label showing what the user wrote; ``rich``
        for the app's own markup, with any user part escaped); ``name`` picks a style
        (muted, danger, success)."""
        label = plain_label(text, name, wrap=wrap)
        if rich:
            label.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(label)
        return label


def label(text: str, name: str = "", *, wrap: bool = False) -> QLabel:
    """A plain-text label with an optional style name (see ``ui/plain_text.py``)."""
    return plain_label(text, name, wrap=wrap)
