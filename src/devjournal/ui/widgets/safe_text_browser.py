"""Showing what the user wrote, safely: Markdown without HTML, images or loads; a long body
made into a document on a worker thread, so the window does not wait for it."""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QThread, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from devjournal.domain.jobs import Progress
from devjournal.render.safe_markdown import safe_markdown_html
from devjournal.ui.background import start

__all__ = ["SafeTextBrowser", "safe_markdown_html"]

INLINE_CHARS = 20_000
"""A body up to this long is shown at once (milliseconds); a longer one is made into HTML
and then into a document on a worker thread: 200,000 characters of Markdown can take a
second or two, however bounded. Only laying the document out is left to the GUI thread."""
LAYING_OUT = "<p style='color: gray'>Laying out this long entry…</p>"


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

    :meth:`show_markdown` shows a page with a body of Markdown in it; a long body is
    rendered off the GUI thread (the page says it is being laid out meanwhile), and a
    result that comes after the browser was given something else to show is dropped. One
    render runs at a time; of the pages asked for meanwhile, only the last is rendered.
    """

    page_shown = Signal()
    """A page whose body was rendered on a worker is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # links go through the caller's safety check
        self._shown = 0  # what was asked to be shown last, counted
        self._pending: tuple[int, str, str, str] | None = None
        self._running: int | None = None  # the page being rendered, by its count
        self._made: QTextDocument | None = None  # the last document made on a worker

    def loadResource(self, type: int, name: QUrl | str) -> object:
        if type == QTextDocument.ResourceType.ImageResource:
            return _blank_image()
        return ""

    @property
    def rendering(self) -> bool:
        """Whether a page is still being rendered (for tests)."""
        return self._running is not None or self._pending is not None

    def setHtml(self, text: str) -> None:
        """Show ``text``; a page still being rendered for this browser is dropped."""
        self._shown += 1
        self._pending = None
        super().setHtml(text)

    def show_markdown(self, markdown: str, before: str = "", after: str = "") -> None:
        """Show ``markdown`` as safe HTML between the HTML ``before`` and ``after``."""
        if len(markdown) <= INLINE_CHARS:
            self.setHtml(before + (safe_markdown_html(markdown) if markdown else "") + after)
            return
        self.setHtml(before + LAYING_OUT + after)
        self._pending = (self._shown, markdown, before, after)
        if self._running is None:
            self._render_next()

    def _render_next(self) -> None:
        if self._pending is None:
            return
        shown, markdown, before, after = self._pending
        self._pending = None
        job = partial(_rendered, markdown, before, after, self.thread())
        self._running = shown
        start(job, self, self._on_task_succeeded, self._on_task_failed)

    def _on_task_succeeded(self, document: QTextDocument) -> None:
        current, self._running = self._running == self._shown, None
        if current and isinstance(document, QTextDocument):
            document.setParent(self)
            document.setDefaultFont(self.font())
            self.setDocument(document)  # Qt deletes the browser's own first document
            if self._made is not None:
                self._made.deleteLater()
            self._made = document
            self.page_shown.emit()
        elif isinstance(document, QTextDocument):
            document.deleteLater()
        self._render_next()

    def _on_task_failed(self, message: str) -> None:
        current, self._running = self._running == self._shown, None
        if current:
            QTextBrowser.setHtml(self, f"<p>{html.escape(message)}</p>")
        self._render_next()


def _rendered(
    markdown: str, before: str, after: str, home: QThread, _progress: Progress
) -> QTextDocument:
    """The page as a document, made on a worker thread and handed to ``home``."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setHtml(before + safe_markdown_html(markdown) + after)
    document.moveToThread(home)
    return document
