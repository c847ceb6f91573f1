"""What the user wrote, as HTML that is safe to show or to save: Markdown with no HTML of
its own, no images, and (for files) no links but web and mail ones."""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QTextDocument

from devjournal.domain.text import is_safe_link

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r'<a\s+href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_COLOR = re.compile(r" color:#[0-9a-fA-F]{6};")


def safe_markdown_html(text: str, *, for_file: bool = False) -> str:
    """``text`` (Markdown) as an HTML fragment with no HTML of its own and no images.

    Raw HTML in the text stays text (Qt's reader with MarkdownNoHTML); images are removed
    here, because Qt would load them while laying the page out (a local path, a
    ``file://`` share, or ``/dev/zero``, which never ends), and that loading goes around
    any override in Python. With ``for_file`` (a file that opens in a browser), a link to
    anything but http, https or mailto (``javascript:``, ``file:``) keeps its text and
    loses its link, and the link colour Qt takes from the screen's palette is left to the
    file's style sheet (so the same text gives the same file).
    """
    features = QTextDocument.MarkdownFeature
    doc = QTextDocument()
    doc.setMarkdown(text, features.MarkdownDialectGitHub | features.MarkdownNoHTML)
    out = doc.toHtml()
    start, end = out.find("<body"), out.rfind("</body>")
    if start >= 0 and end > start:  # the fragment, not a document with its own font
        out = out[out.index(">", start) + 1 : end]
    out = _IMG.sub("", out)
    if for_file:
        out = _COLOR.sub("", _LINK.sub(_web_link_only, out))
    return out


def _web_link_only(match: re.Match[str]) -> str:
    return match.group(0) if is_safe_link(html.unescape(match.group(1))) else match.group(2)
