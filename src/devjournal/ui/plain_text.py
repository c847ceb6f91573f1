"""Text stays text: what a user typed or imported is shown as they wrote it, in every widget.

Qt reads a string as rich text wherever the format is ``Qt::AutoText`` and the string looks
like markup (``Qt::mightBeRichText``: a known tag, or "&lt;", on its first line). That is a
label's default, and always the case for a tooltip. A title ``<img src="/dev/zero">`` was
then laid out as an image and read until the window died. The rule, for every widget:

- a label showing user text is plain: :func:`plain_label` (``widgets/card.py`` builds the
  app's labels with it); a message box is plain (``file_prompts.tell`` and ``ask``);
- a tooltip goes through :func:`plain_tooltip` (Qt guesses on every tooltip, so the text is
  escaped and wrapped as rich text built here);
- a button, check box, tab or group box reads "&" as a shortcut mark: :func:`for_mnemonic`;
- rich text the app builds itself (a legend, a link, a heading) escapes each user part with
  :func:`html.escape`, and nothing else.

Item texts in lists, trees, tables and combo boxes are plain already (their delegates paint
plain text); their tooltips are not. What is shown as a document (the History reader, the
previews) is ``widgets/safe_text_browser.py``'s business.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

WRAP_AFTER = 80
"""A line longer than this (in characters) may wrap; shorter ones keep their width, as
plain text would (rich text in a tooltip is otherwise wrapped to a narrow column)."""


def as_rich_text(text: str) -> str:
    """``text`` as rich text that shows exactly ``text``: escaped, with its line breaks and
    spaces; a line longer than :data:`WRAP_AFTER` characters wraps."""
    longest = max((len(line) for line in text.splitlines()), default=0)
    space = "pre" if longest <= WRAP_AFTER else "pre-wrap"
    return f'<p style="white-space:{space}">{html.escape(text, quote=False)}</p>'


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written ("" stays "": no tooltip)."""
    return as_rich_text(text) if text else ""


def for_mnemonic(text: str) -> str:
    """``text`` for a button, check box, tab or group box, where "&" marks a shortcut key:
    every "&" shown as an "&"."""
    return text.replace("&", "&&")


def plain_label(
    text: str = "", name: str = "", *, wrap: bool = False, parent: QWidget | None = None
) -> QLabel:
    """A label that shows ``text`` as written; ``name`` picks a style (muted, danger…)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label
