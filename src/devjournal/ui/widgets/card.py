"""A titled, rounded panel used across pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Card(QFrame):
    """A panel with a bold title and a vertical body."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(8)
        if title:
            heading = QLabel(title)
            heading.setObjectName("cardTitle")
            self.body.addWidget(heading)

    def add_label(
        self, text: str, name: str = "", *, rich: bool = False, wrap: bool = True
    ) -> QLabel:
        """Add a label; ``name`` picks a style (muted, danger, success)."""
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setWordWrap(wrap)
        if name:
            label.setObjectName(name)
        self.body.addWidget(label)
        return label


def label(text: str, name: str = "", *, wrap: bool = False) -> QLabel:
    """A plain-text label with an optional style name."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    return widget
