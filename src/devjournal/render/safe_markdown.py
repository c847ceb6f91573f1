"""What the user wrote, as HTML or a document that is safe to show or to save: Markdown
with no HTML of its own, no images, and (for files and report documents) no links but web
and mail ones."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

from devjournal.domain.text import is_safe_link

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_COLOR = re.compile(r" color:#[0-9a-fA-F]{6};")
_P = QTextFormat.Property
_LINK_PROPERTIES = (
    _P.IsAnchor,
    _P.AnchorHref,
    _P.AnchorName,
    _P.ForegroundBrush,
    _P.TextUnderlineStyle,
)


def safe_markdown_html(text: str, *, for_file: bool = False) -> str:
    """``text`` (Markdown) as an HTML fragment with no HTML of its own and no images.

    Raw HTML in the text stays text (Qt's reader with MarkdownNoHTML); images are removed
    here, because Qt would load them while laying the page out (a local path, a
    ``file://`` share, or ``/dev/zero``, which never ends), and that loading goes around
    any override in Python. With ``for_file`` (a file that opens in a browser), a link to
    anything but http, https or mailto (``javascript:``, ``file:``) keeps its text and
    loses its link (:func:`drop_unsafe_links`), and the link colour Qt takes from the
    screen's palette is left to the file's style sheet (so the same text gives the same
    file).
    """
    features = QTextDocument.MarkdownFeature
    doc = QTextDocument()
    doc.setMarkdown(text, features.MarkdownDialectGitHub | features.MarkdownNoHTML)
    if for_file:
        drop_unsafe_links(doc)
    out = doc.toHtml()
    start, end = out.find("<body"), out.rfind("</body>")
    if start >= 0 and end > start:  # the fragment, not a document with its own font
        out = out[out.index(">", start) + 1 : end]
    out = _IMG.sub("", out)
    if for_file:
        out = _COLOR.sub("", out)
    return out


def drop_unsafe_links(doc: QTextDocument) -> None:
    """Every link in ``doc`` to anything but web or mail (``domain.text.is_safe_link``:
    ``file:``, ``javascript:``, ``data:``, ``smb:``, a relative path) keeps its text and
    loses its link: no anchor (so no clickable area in a PDF, no ``<a>`` in HTML), and no
    link colour or underline."""
    unsafe = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and not is_safe_link(fmt.anchorHref()):
                unsafe.append((fragment.position(), fragment.length(), fmt))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    for position, length, fmt in unsafe:
        for name in _LINK_PROPERTIES:  # cleared, not set to "" (Qt would link to "")
            fmt.clearProperty(name)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
