"""Showing what the user wrote, safely: Markdown without HTML, images or loads."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def safe_markdown_html(text: str) -> str:
    """``text`` (Markdown) as an HTML fragment with no HTML of its own and no images.

    Raw HTML in the text is dropped by Qt's reader (MarkdownNoHTML); images are removed
    here, because Qt would load them while laying the page out (a local path, a
    ``file://`` share, or ``/dev/zero``, which never ends), and that loading goes around
    any override in Python.
    """
    features = QTextDocument.MarkdownFeature
    doc = QTextDocument()
    doc.setMarkdown(text, features.MarkdownDialectGitHub | features.MarkdownNoHTML)
    html = doc.toHtml()
    start, end = html.find("<body"), html.rfind("</body>")
    if start >= 0 and end > start:  # the fragment, not a document with its own font
        html = html[html.index(">", start) + 1 : end]
    return _IMG.sub("", html)


class SafeTextBrowser(QTextBrowser):
    """A browser that opens no link itself and loads no resource it is asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links go through the caller's safety check

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None
