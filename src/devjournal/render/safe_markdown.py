"""What the user wrote, as HTML or a document that is safe to show or to save: Markdown
with no HTML of its own, no images, and (for files and report documents) no links but web
and mail ones; and Markdown bounded so that no body within the length limit can make Qt's
reader exhaust memory or take minutes.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

from devjournal.domain.text import is_safe_link

MAX_NESTING = 10
"""Lists and block quotes inside each other, at most. Qt's Markdown reader spent memory
with the square of the depth (99,000 nested items on one line took 8.6 GB for a PDF), and
each level indents the text, so that past about a dozen levels a PDF's column is a word
wide (1,000 pages for one line). A journal nests a few levels; deeper markers are shown as
the text they are."""
MAX_COLUMNS = 64
"""Columns of a table, at most."""
MAX_TABLE_CELLS = 2_000
"""Cells of a table (columns times rows), at most. Qt lays a table out in time that grows
with the square of its cells: 49,000 columns took 45 s, 89,000 cells in 11,000 rows took
a minute and a half; 2,000 cells take a few tenths of a second. A table past either bound
is shown as the lines of text it was typed as."""

MAX_WORD = 1_000
"""Characters without a space, at most, before a zero-width space is put in (a place the
line may break; it shows as nothing). Qt breaks a long word in time that grows with the
square of its length: one word of 200,000 characters froze the History reader for a
minute. No word is that long; a pasted blob of data may be."""

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
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1},}}")
_MARKS = "|/,;.-_)]}>"
_INDENT = re.compile(r"[ \t]*")
_MARKER = re.compile(r"[ \t]*(?:(>)|([-+*]|[0-9]{1,9}[.)])(?=[ \t\r]|$))")
"""A block quote or list marker (each opens a container), after any spaces."""
_BREAK = re.compile(r"[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$")
"""A thematic break (``- - -``): a line of its own, not list markers."""
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_DELIMITER_ROW = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*\r?$")
"""A table's delimiter row (``|---|:-:|``): it says how many columns the table has."""


def bounded_markdown(text: str) -> str:
    """``text`` with what Qt's Markdown reader cannot lay out in bounded memory and time
    turned into plain text: list and quote markers past :data:`MAX_NESTING` levels, and
    tables past :data:`MAX_COLUMNS` or :data:`MAX_TABLE_CELLS`; and a word past
    :data:`MAX_WORD` characters gets a zero-width space after each :data:`MAX_WORD`. Every
    word stays; text within the bounds is returned as it is.

    Nesting is counted per line, as an upper bound: every two columns of indentation may
    continue one container, and every marker on the line opens one. The first marker past
    the bound is escaped (``\\-``), so it and the rest of its line are text. A table's
    rows are counted up to the next blank line (where a table ends at the latest), and the
    delimiter row of a table too large is escaped (``\\|``): its lines stay a paragraph.
    Lines in a fenced code block are left alone (Qt does not wrap them).
    """
    lines = text.split("\n")
    rows_below = _rows_below(lines) if "|" in text else []
    fence = ""
    in_table = False  # Qt reads every line up to a blank one as a table row, fences too
    columns = 0
    changed = False
    for index, line in enumerate(lines):
        if not line.strip():
            in_table = False
        opened_before = fence
        bounded, fence = _bounded_line(line, fence, rows_below[index] if rows_below else 0)
        if in_table and fence and not opened_before:
            fence = ""  # Qt reads it as one more table row, not as a code block
        if in_table and "|" in bounded:
            bounded = _within_columns(bounded, columns)
        if not in_table and not fence and "|" in bounded and _DELIMITER_ROW.match(bounded):
            # A table (a delimiter row escaped as too large makes none): its columns are
            # the delimiter row's, and a later delimiter row is one more of its rows.
            in_table = True
            columns = len(_separators(bounded)) + 1
        if bounded is not line:
            lines[index] = bounded
            changed = True
    return "\n".join(lines) if changed else text


_PIPE = re.compile(r"(?<!\\)\|")


def _separators(row: str) -> list[int]:
    """Where the pipes between a table row's cells are (not a leading or trailing one,
    nor an escaped one)."""
    pipes = [found.start() for found in _PIPE.finditer(row)]
    stripped = row.strip()
    if pipes and stripped.startswith("|"):
        pipes = pipes[1:]
    if (
        pipes
        and stripped.endswith("|")
        and len(stripped) > 1
        and pipes[-1] == row.rstrip().rfind("|")
    ):
        pipes = pipes[:-1]
    return pipes


def _within_columns(row: str, columns: int) -> str:
    """A table row with more cells than its table has columns, with the pipes past the
    last column escaped: Qt drops the cells past it, and the words in them with it; kept,
    they are text in the last cell."""
    excess = _separators(row)[max(columns - 1, 0) :]
    for at in reversed(excess):
        row = f"{row[:at]}\\{row[at:]}"
    return row


def _rows_below(lines: list[str]) -> list[int]:
    """For each line, how many lines follow it before the next blank one."""
    out = [0] * len(lines)
    below = 0
    for index in range(len(lines) - 1, -1, -1):
        out[index] = below
        below = 0 if not lines[index].strip() else below + 1
    return out


def _bounded_line(line: str, fence: str, rows_below: int) -> tuple[str, str]:
    """``line`` within the bounds, and the code fence open after it ("" for none)."""
    indent = _INDENT.match(line)
    start = indent.end() if indent else 0
    markers: list[re.Match[str]] = []
    position = start
    while len(markers) <= MAX_NESTING:
        found = _MARKER.match(line, position)
        if found is None:
            break
        markers.append(found)
        position = found.end()
    rest = line[position:]
    opened = _FENCE.match(rest)
    if fence:  # in a code block: text as typed, up to its closing fence
        mark = opened.group(1) if opened else ""
        after = rest[opened.end() :] if opened else ""
        closes = mark[:1] == fence[0] and len(mark) >= len(fence) and not after.strip()
        return line, "" if closes else fence
    if opened is not None:
        return line, opened.group(1)
    levels = _width(line[:start]) // 2
    bounded = line
    if levels + len(markers) > MAX_NESTING and not _BREAK.match(line, start):
        bounded = _past_nesting(line, levels, markers)
    elif "|" in rest and _DELIMITER_ROW.match(rest):
        columns = len(rest.strip().strip("|").split("|"))
        if columns > MAX_COLUMNS or columns * (rows_below + 1) > MAX_TABLE_CELLS:
            at = position + rest.index("|")
            bounded = f"{line[:at]}\\{line[at:]}"
    if len(bounded) > MAX_WORD and _LONG_WORD.search(bounded):
        bounded = _LONG_WORD.sub(_with_a_break, bounded)
    return bounded, fence


def _with_a_break(found: re.Match[str]) -> str:
    """The word with a zero-width space at least every :data:`MAX_WORD` characters: after
    a mark like ``|``, ``/`` or ``,`` in the last half of each stretch where there is one
    (so that ``a|b|c`` keeps ``a``, ``b`` and ``c`` whole), else in the middle of letters."""
    word, parts, at = found.group(0), [], 0
    while len(word) - at > MAX_WORD:
        mark = max(word.rfind(ch, at + MAX_WORD // 2, at + MAX_WORD) for ch in _MARKS)
        cut = mark + 1 if mark >= 0 else at + MAX_WORD
        parts.append(word[at:cut])
        at = cut
    parts.append(word[at:])
    return "\u200b".join(parts)


def _past_nesting(line: str, levels: int, markers: list[re.Match[str]]) -> str:
    """``line`` with its first marker past the bound escaped (indentation deeper than the
    bound is dropped first: it could only continue containers past it)."""
    if levels > MAX_NESTING:
        line = line.lstrip(" \t")
        found = _MARKER.match(line)
        return line if found is None else _escaped(line, found)
    return _escaped(line, markers[MAX_NESTING - levels])


def _escaped(line: str, marker: re.Match[str]) -> str:
    """``line`` with ``marker`` escaped: a backslash before ``>``, ``-``, ``+`` or ``*``,
    or before the ``.`` or ``)`` of ``1.``."""
    if marker.group(1) is not None:
        at = marker.start(1)
    else:
        at = marker.end(2) - 1 if marker.group(2)[0].isdigit() else marker.start(2)
    return f"{line[:at]}\\{line[at:]}"


def _width(indent: str) -> int:
    """The width of leading spaces and tabs (a tab goes on to the next multiple of 4)."""
    width = 0
    for ch in indent:
        width = width + 4 - width % 4 if ch == "\t" else width + 1
    return width


def safe_markdown_html(text: str, *, for_file: bool = False) -> str:
    """``text`` (Markdown) as an HTML fragment with no HTML of its own and no images.

    Raw HTML in the text stays text (Qt's reader with MarkdownNoHTML); images are removed
    here, because Qt would load them while laying the page out (a local path, a
    ``file://`` share, or ``/dev/zero``, which never ends), and that loading goes around
    any override in Python. With ``for_file`` (a file that opens in a browser), a link to
    anything but http, https or mailto (``javascript:``, ``file:``) keeps its text and
    loses its link (:func:`drop_unsafe_links`), and the link colour Qt takes from the
    screen's palette is left to the file's style sheet (so the same text gives the same
    file). Nesting and table width are bounded first (:func:`bounded_markdown`).

    Usable off the GUI thread (a QTextDocument with no widget): the window renders long
    bodies on a worker.
    """
    features = QTextDocument.MarkdownFeature
    doc = QTextDocument()
    doc.setMarkdown(
        bounded_markdown(text), features.MarkdownDialectGitHub | features.MarkdownNoHTML
    )
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
