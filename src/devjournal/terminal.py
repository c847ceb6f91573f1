"""The one way the commands write to the terminal: every line is cleaned by
``domain/text.py`` first, so no text from the journal, a file or a file name (an escape
sequence, a newline that fakes a row, a bidi override) can drive the terminal.

The command modules (``cli*.py``) never call ``print`` themselves (a test checks it).
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from devjournal.domain.text import for_terminal, for_terminal_text

BOLD, PLAIN = "\033[1m", "\033[0m"


def _stream(err: bool) -> TextIO:
    return sys.stderr if err else sys.stdout


def say(line: str, *, err: bool = False) -> None:
    """Print ``line`` (one line: a newline in it becomes a space) to stdout, or stderr."""
    print(for_terminal(line), file=_stream(err))


def say_error(message: str) -> None:
    """``devjournal: error: <message>`` on stderr."""
    say(f"devjournal: error: {message}", err=True)


def say_text(text: str) -> None:
    """A whole text (a report, a CSV) to stdout: its own line breaks and tabs kept."""
    sys.stdout.write(for_terminal_text(text))
    sys.stdout.flush()


def say_json(value: object, *, ensure_ascii: bool = False) -> None:
    """``value`` as indented JSON on stdout. A character a terminal would act on (DEL, a C1
    control, a bidi override…) is written as its ``\\uXXXX`` escape: the JSON reads back
    the same."""
    text = json.dumps(value, indent=2, ensure_ascii=ensure_ascii)
    print("".join(ch if ch.isprintable() or ch == "\n" else _escaped(ch) for ch in text))


def _escaped(ch: str) -> str:
    return json.dumps(ch)[1:-1]  # "\u202e", or a surrogate pair


def say_marked(line: str, start: str, end: str) -> None:
    """Print ``line`` with the parts between the markers ``start`` and ``end`` (control
    characters the search index puts around what matched) bold on a terminal, in
    [brackets] otherwise."""
    bold, plain = (BOLD, PLAIN) if sys.stdout.isatty() else ("[", "]")
    cleaned = for_terminal(line, keep=start + end)
    print(cleaned.replace(start, bold).replace(end, plain))


def progress_line(text: str) -> None:
    """Overwrite the progress line on stderr with ``text`` (a terminal only)."""
    if sys.stderr.isatty():
        print(f"\r{for_terminal(text)}", end="", file=sys.stderr)


def clear_progress_line() -> None:
    """Blank the progress line on stderr (a terminal only)."""
    if sys.stderr.isatty():
        print("\r" + " " * 40 + "\r", end="", file=sys.stderr)
