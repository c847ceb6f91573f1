"""Showing what the user wrote, safely: Markdown without HTML, images or loads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from devjournal.render.safe_markdown import safe_markdown_html

__all__ = ["SafeTextBrowser", "safe_markdown_html"]


class SafeTextBrowser(QTextBrowser):
    """A browser that opens no link itself and loads no resource it is asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links go through the caller's safety check

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None
