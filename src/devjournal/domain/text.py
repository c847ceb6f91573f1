"""What a user typed or imported, made harmless where it goes: one rule per destination.

- :func:`for_terminal`: a line printed to a terminal (no escape sequence reaches it);
- :func:`is_safe_link`: whether a link may stay live in any output (a file, a PDF, the window).
"""

from __future__ import annotations

SAFE_SCHEMES = ("http:", "https:", "mailto:")
"""The only links kept live in what devjournal shows or writes: web and mail."""


def for_terminal(text: str, keep: str = "") -> str:
    """``text`` with every control or otherwise unprintable character (ESC, BEL, a newline,
    bidi overrides…) made a space, so that what someone pasted into an entry cannot drive
    the terminal or fake extra rows. Characters in ``keep`` pass through (a caller's own
    markers)."""
    return "".join(ch if ch.isprintable() or ch in keep else " " for ch in text)


def is_safe_link(href: str) -> bool:
    """True when ``href`` (as written, entities already decoded) is a web or mail link.

    Everything else (``file:``, ``javascript:``, ``data:``, ``smb:``, a relative path) keeps
    its text and loses its link wherever devjournal shows or writes it.
    """
    cleaned = "".join(ch for ch in href if ch.isprintable() and not ch.isspace()).lower()
    return cleaned.startswith(SAFE_SCHEMES)
