"""Showing what the user wrote, safely: Markdown without HTML, images or loads."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from devjournal.render.safe_markdown import safe_markdown_html

__all__ = ["SafeTextBrowser", "safe_markdown_html"]


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


class SafeTextBrowser(QTextBrowser):
    """A browser that opens no link itself and reads nothing it is asked for.

    What it shows never holds an image (``render/safe_markdown.py`` leaves them out), but
    if one got in, answering "nothing" is not enough: for a resource a browser returns no
    value for, Qt reads the file itself (``QTextDocument::loadResource`` falls back to
    opening a local path, and the image handler then tries ``QImage::load`` on the name;
    a CSS ``background-image`` is loaded while the HTML is parsed). So every image is a
    blank pixel and every other resource empty text, and Qt's own loader is never reached.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links go through the caller's safety check

    def loadResource(self, type: int, name: QUrl | str) -> object:
        if type == QTextDocument.ResourceType.ImageResource:
            return _blank_image()
        return ""
