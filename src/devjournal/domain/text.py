"""What a user typed or imported, made harmless where it goes: one rule per destination.

- :func:`for_terminal`: a line printed to a terminal (no escape sequence reaches it);
  :func:`for_terminal_text`: a whole text (a report on stdout), its line breaks kept;
- :func:`for_file`: text in a file (Markdown, HTML, iCalendar, CSV): no control characters;
  :func:`for_csv`: a CSV cell, which a spreadsheet must not run as a formula;
- :func:`for_markdown`: the user's own Markdown (an entry's body) in a Markdown file: raw
  HTML, images and unsafe links as text, no code fence left open;
- :func:`is_safe_link`: whether a link may stay live in any output (a file, a PDF, the window).
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

SAFE_SCHEMES = ("http:", "https:", "mailto:")
"""The only links kept live in what devjournal shows or writes: web and mail."""

_JOINERS = "\u200c\u200d"
"""Zero-width (non-)joiners: they join emoji and letters and move no cursor."""


def for_terminal(text: str, keep: str = "") -> str:
    """``text`` with every control or otherwise unprintable character (ESC, BEL, a newline,
    bidi overrides…) made a space, so that what someone pasted into an entry cannot drive
    the terminal or fake extra rows. Characters in ``keep`` pass through (a caller's own
    markers), and so do the zero-width joiners of emoji."""
    return "".join(ch if ch.isprintable() or ch in keep or ch in _JOINERS else " " for ch in text)


def for_terminal_text(text: str) -> str:
    """A whole text for a terminal (a report written to stdout): its line breaks (``\\n``,
    ``\\r\\n``) and tabs kept, every other character as :func:`for_terminal` makes it."""
    lines = text.split("\n")
    out = []
    for line in lines:
        crlf = line.endswith("\r")
        cleaned = for_terminal(line[:-1] if crlf else line, keep="\t")
        out.append(cleaned + "\r" if crlf else cleaned)
    return "\n".join(out)


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_file(text: str) -> str:
    """Text for a file (Markdown, HTML, iCalendar, CSV): line breaks (``\\r\\n``, ``\\r``)
    become ``\\n``, tabs stay, and every other control character (C0, DEL, C1: ESC, BEL,
    VT, FF, NUL…) becomes a space. iCalendar allows none (RFC 5545), the others have no use
    for one, and each would drive the terminal of someone who prints the file."""
    return _CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


_FORMULA = ("=", "+", "-", "@", "\t", "\n")


def for_csv(text: str) -> str:
    """A CSV cell (:func:`for_file`) that a spreadsheet will not run as a formula: a cell
    starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break is kept as text by a
    leading apostrophe (what spreadsheets themselves do to show such text)."""
    cell = for_file(text)
    return "'" + cell if cell.startswith(_FORMULA) else cell


def is_safe_link(href: str) -> bool:
    """True when ``href`` (as written, entities already decoded) is a web or mail link.

    Everything else (``file:``, ``javascript:``, ``data:``, ``smb:``, a relative path) keeps
    its text and loses its link wherever devjournal shows or writes it.
    """
    cleaned = "".join(ch for ch in href if ch.isprintable() and not ch.isspace()).lower()
    return cleaned.startswith(SAFE_SCHEMES)


# -- Markdown ---------------------------------------------------------------------------
# for_markdown follows CommonMark's block structure (block quotes, list items, fenced and
# indented code, paragraphs and their lazy lines) just far enough to know which lines are
# code; everything else is scanned for what could become HTML, an image or a link.

_LIST_ITEM = re.compile(r"([-+*]|(\d{1,9})[.)])(?=[ \t]|$)")
_FENCE_OPEN = re.compile(r"(`{3,})([^`]*)$|(~{3,})(.*)$")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f\x7f]*)>")
_ESCAPABLE = re.compile(r"\\([!-/:-@\[-`{-~])")
_NO_CONTAINER = re.compile(r"^( *\d{0,9})([>*+.)-])")
_NO_FENCE = re.compile(r"^([ >*+\\\-0-9.)]*)(`{3,}|~{3,})")
MAX_DEPTH = 8
"""Block quotes and list items nested deeper than this are not followed (Markdown readers
give up on deep nesting too, dropping what is in it): from there on, every line is text,
no code is trusted, and no container or fence opens."""


@dataclass
class _Item:
    """A list item: its content starts ``width`` columns in; ``blank_start`` while it has
    only a blank first line (a second blank line ends it)."""

    width: int
    blank_start: bool = False


@dataclass
class _Blocks:
    """Where CommonMark is, line by line: open containers and the open leaf block."""

    containers: list[_Item | None] = field(default_factory=list)  # None: a block quote
    leaf: str = ""  # "", "para", "code" (indented) or "fence"
    fence: tuple[str, int] = ("", 0)  # its character and length
    rough: bool = False  # nested too deep to follow: the rest is all treated as text


def for_markdown(text: str) -> str:
    """An entry's body (the user's own Markdown) as Markdown that stays harmless wherever
    the file is rendered, and reads as the user wrote it:

    - HTML stays text: each ``<`` outside code is written ``&lt;`` (which every Markdown
      reader shows as ``<``), but for a web or mail autolink (``<https://…>``), so an
      unclosed ``<!--`` or ``<style>`` cannot hide what follows;
    - an image stays text (``!\\[alt](…)``): opening the file loads nothing;
    - a link, or a link reference definition, to anything but web or mail
      (:func:`is_safe_link`) shows as typed and is no link (its brackets are escaped);
    - a code fence left open is closed, so it cannot swallow what follows;
    - control characters as in :func:`for_file`.

    Code (fenced, indented, or in backticks) is left exactly as typed.
    """
    state = _Blocks()
    out: list[str] = []
    paragraph: list[tuple[int, int]] = []  # its lines: (index in out, where its text starts)

    def flush() -> None:
        if paragraph:
            _escape_inline(out, paragraph)
            paragraph.clear()

    for raw in for_file(text).strip("\n").split("\n"):
        line = raw.expandtabs(4)  # CommonMark's columns; code keeps its tabs
        kind, start = ("rough", 0) if state.rough else _block_step(state, line)
        if kind == "rough":  # no code is trusted, and no fence or container opens
            flush()
            out.append(_NO_FENCE.sub(_escaped_fence, _NO_CONTAINER.sub(r"\1\\\2", line)))
            _escape_inline(out, [(len(out) - 1, 0)], code=False)
            continue
        if kind != "more":
            flush()
        if kind == "fence":  # a pipe would make it a table's first row to some readers
            out.append(raw.replace("|", " "))
        else:
            out.append(raw if kind == "code" else line)
        if kind in ("para", "more"):
            paragraph.append((len(out) - 1, start))
        elif kind == "text":
            _escape_inline(out, [(len(out) - 1, start)])
    flush()
    if state.leaf == "fence" and not state.containers:
        char, length = state.fence
        out.append(char * length)  # a fence left open would swallow the rest of the file
    return "\n".join(out)


def _escaped_fence(found: re.Match[str]) -> str:
    return found[1] + "".join("\\" + ch for ch in found[2])


def _indent(line: str, pos: int) -> int:
    """How many spaces start ``line`` at ``pos`` (tabs are expanded already)."""
    end = pos
    while end < len(line) and line[end] == " ":
        end += 1
    return end - pos


def _block_step(state: _Blocks, line: str) -> tuple[str, int]:
    """Advance ``state`` over ``line`` and say what the line is, with the column its text
    starts at: ``code`` (left as it is), ``fence`` (a code fence that opens), ``para`` (a
    paragraph's first line), ``more`` (a paragraph's next line, lazy or not), ``text`` (a
    heading or a break: inline text) or ``blank``."""
    pos, matched = _continued_containers(state, line)
    rest = line[pos:]
    if matched == len(state.containers):
        in_code = _in_open_code(state, rest)
        if in_code is not None:
            return in_code
    elif state.leaf == "para" and rest.strip() and not _starts_block(rest):
        return "more", pos  # a lazy line: the paragraph, and its containers, go on
    if matched < len(state.containers):
        del state.containers[matched:]
        state.leaf = ""
    if state.leaf == "code":
        state.leaf = ""
    pos, opened = _opened_containers(state, line, pos)
    if opened is not None:
        return opened
    return _leaf_line(state, line[pos:], pos)


def _continued_containers(state: _Blocks, line: str) -> tuple[int, int]:
    """How far ``line`` goes on the open block quotes and list items, from the outermost:
    the column after the last one it goes on, and how many it goes on."""
    pos, matched = 0, 0
    for container in state.containers:
        if container is None:  # a block quote goes on with a ">"
            indent = _indent(line, pos)
            if indent > 3 or line[pos + indent : pos + indent + 1] != ">":
                break
            pos += indent + 1
            if line[pos : pos + 1] == " ":
                pos += 1
        elif not line[pos:].strip():  # a list item goes on with a blank line...
            if container.blank_start:
                break  # ...but it may start with one blank line only
        elif _indent(line, pos) >= container.width:  # ...or with its content's indent
            container.blank_start = False
            pos += container.width
        else:
            break
        matched += 1
    return pos, matched


def _in_open_code(state: _Blocks, rest: str) -> tuple[str, int] | None:
    """``("code", 0)`` when ``rest`` (a line after all the open containers) is in the open
    fenced code block (a closing fence ends it) or goes on the open indented one; None
    when it is not code."""
    if state.leaf == "fence":
        char, length = state.fence
        indent = _indent(rest, 0)
        mark = rest[indent:].rstrip(" ")
        if indent <= 3 and len(mark) >= length and mark == char * len(mark):
            state.leaf = ""
        return "code", 0
    if state.leaf == "code" and (not rest.strip() or _indent(rest, 0) >= 4):
        return "code", 0
    return None


def _opened_containers(state: _Blocks, line: str, pos: int) -> tuple[int, tuple[str, int] | None]:
    """Open the block quotes and list items ``line`` starts at ``pos``: the column after
    them, and what the line is when that is already decided (``rough`` past
    ``MAX_DEPTH``, ``blank`` for a list item that starts with a blank), else None."""
    while True:
        indent = _indent(line, pos)
        if indent > 3:
            return pos, None
        if len(state.containers) >= MAX_DEPTH:
            state.rough = True
            return pos, ("rough", 0)
        if line[pos + indent : pos + indent + 1] == ">":
            state.containers.append(None)
            state.leaf = ""
            pos += indent + 1
            if line[pos : pos + 1] == " ":
                pos += 1
            continue
        item = _list_item(line, pos, in_para=state.leaf == "para")
        if item is None:
            return pos, None
        state.containers.append(item)
        state.leaf = ""
        pos += item.width
        if item.blank_start:
            return pos, ("blank", 0)


def _leaf_line(state: _Blocks, rest: str, pos: int) -> tuple[str, int]:
    """What ``rest`` (the line after its containers, which start it at column ``pos``)
    is as a leaf block: blank, indented code, a fence, a heading or break, or paragraph
    text."""
    indent = _indent(rest, 0)
    if not rest.strip():
        state.leaf = ""
        return "blank", 0
    if indent >= 4:
        if state.leaf == "para":
            return "more", pos
        state.leaf = "code"
        return "code", 0
    body = rest[indent:]
    fence = _FENCE_OPEN.match(body)
    if fence:
        mark = fence.group(1) or fence.group(3)
        state.leaf, state.fence = "fence", (mark[0], len(mark))
        return "fence", 0
    if _ATX.match(body) or _THEMATIC.match(body) or (state.leaf == "para" and _SETEXT.match(body)):
        state.leaf = ""
        return "text", pos
    kind = "more" if state.leaf == "para" else "para"
    state.leaf = "para"
    return kind, pos


def _list_item(line: str, pos: int, *, in_para: bool) -> _Item | None:
    """The list item that starts on ``line`` after ``pos`` (and up to 3 spaces), if one
    does; its width counts from ``pos``. A thematic break is no item."""
    at = pos + _indent(line, pos)
    found = _LIST_ITEM.match(line, at)
    if found is None or _THEMATIC.match(line, at):
        return None
    after = line[found.end() :]
    blank = not after.strip()
    if in_para and (blank or (found.group(2) is not None and int(found.group(2)) != 1)):
        return None  # neither can interrupt a paragraph
    spaces = _indent(after, 0)
    return _Item(found.end() - pos + (1 if blank or spaces > 4 else spaces), blank_start=blank)


def _starts_block(rest: str) -> bool:
    """Whether ``rest`` opens a block that interrupts a paragraph (so it is no lazy line)."""
    indent = _indent(rest, 0)
    if indent > 3:
        return False
    body = rest[indent:]
    return bool(
        body.startswith(">")
        or _FENCE_OPEN.match(body)
        or _ATX.match(body)
        or _THEMATIC.match(body)
        or _list_item(rest, 0, in_para=True)
    )


def _escape_inline(out: list[str], lines: list[tuple[int, int]], *, code: bool = True) -> None:
    """Neutralise, in the text of ``lines`` (one paragraph, or one heading), what could
    become HTML, an image or an unsafe link; code spans are left as typed.

    A renderer may read the text as one paragraph or, in a table, each line and each cell
    on its own, where backticks pair up differently: what needs neutralising in any of
    these readings is neutralised (in a code span of another reading, that only shows)."""
    text = "\n".join(out[n][start:] for n, start in lines)
    views = [(0, text)]
    offset = 0
    for n, start in lines:
        line = out[n][start:]
        if len(lines) > 1:
            views.append((offset, line))
        for cells in (_cells(line, escaped=True), _cells(line, escaped=False)):
            views += [(offset + at, cell) for at, cell in cells]
        offset += len(line) + 1
    changes: dict[int, str] = {}
    for at, view in views:
        for position, replacement in _inline_changes(view, code=code).items():
            changes[at + position] = replacement
    if not changes:
        return
    positions = sorted(changes)
    k, offset = 0, 0
    for n, start in lines:
        line = out[n][start:]
        end = offset + len(line)
        pieces, last = [], 0
        while k < len(positions) and positions[k] < end:
            here = positions[k] - offset
            pieces += [line[last:here], changes[positions[k]]]
            last = here + 1
            k += 1
        if pieces:
            out[n] = out[n][:start] + "".join(pieces) + line[last:]
        offset = end + 1


def _cells(line: str, *, escaped: bool) -> list[tuple[int, str]]:
    """``line`` split at its pipes (but an escaped one, with ``escaped``), as a table row's
    cells: (where each starts, its text)."""
    cells, start = [], 0
    for i, ch in enumerate(line):
        if ch == "|" and not (escaped and i and line[i - 1] == "\\"):
            cells.append((start, line[start:i]))
            start = i + 1
    if not cells:
        return []
    return [*cells, (start, line[start:])]


_CHANGED = {"<": "&lt;", "[": "\\[", "]": "\\]"}
_LINK_PREFIX = 64
"""How much of a link destination decides whether it is safe (its scheme is at its start;
one that starts further in is taken as unsafe)."""


def _inline_changes(text: str, *, code: bool = True) -> dict[int, str]:
    """What to write instead of some characters of ``text`` (read as one run of inline
    Markdown): ``<`` that is no safe autolink becomes ``&lt;``; the ``[`` of an image, and
    the ``[`` and ``]`` of a link or link definition that is not safe, are escaped."""
    runs: dict[int, list[int]] = {}  # backtick runs by length: where each starts
    for found in re.finditer(r"`+", text):
        runs.setdefault(len(found.group()), []).append(found.start())
    marks: list[int] = []
    openers: list[int] = []  # the "[" a "]" may close
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`" and code:
            run = _run(text, i, "`")
            close = _closing_run(runs.get(run, []), i + run)
            i = i + run if close < 0 else close + run  # a code span is left as it is
        elif ch == "<":
            link = _AUTOLINK.match(text, i)
            if link and is_safe_link(link.group(1)):
                i = link.end()
            else:
                marks.append(i)
                i += 1
        elif ch == "!" and text[i + 1 : i + 2] == "[":
            marks.append(i + 1)
            i += 2
        elif ch == "[":
            openers.append(i)
            i += 1
        elif ch == "]":
            opener = openers.pop() if openers else -1
            if text[i + 1 : i + 2] in ("(", ":") and not is_safe_link(
                _destination(text, i + 2, definition=text[i + 1] == ":")
            ):
                marks += [i] if opener < 0 else [opener, i]  # "[text](…)" stays as typed
            i += 1
        else:
            i += 1
    return {m: _CHANGED[text[m]] for m in marks}


def _run(text: str, i: int, ch: str) -> int:
    end = i
    while end < len(text) and text[end] == ch:
        end += 1
    return end - i


def _closing_run(starts: list[int], after: int) -> int:
    """The first of ``starts`` (runs of the opener's length) at or after ``after``; -1."""
    k = bisect.bisect_left(starts, after)
    return starts[k] if k < len(starts) else -1


def _destination(text: str, i: int, *, definition: bool) -> str:
    """The start of the link destination written at ``i`` (after ``](`` or ``]:``), as a
    browser reads it: backslash escapes and entities undone. "" when there is none on this
    line (a definition's on the next line is taken as unsafe)."""
    while i < len(text) and text[i] in " \t":
        i += 1
    if not definition and text[i : i + 1] == "\n":
        i += 1
        while i < len(text) and text[i] in " \t":
            i += 1
    raw = text[i : i + _LINK_PREFIX]
    if raw.startswith("<"):
        end = raw.find(">")
        raw = raw[1:end] if end > 0 and "\n" not in raw[:end] else ""
    else:  # where it ends does not matter: its scheme is at its start
        raw = raw.split(None, 1)[0] if raw.strip() else ""
    return html.unescape(_ESCAPABLE.sub(r"\1", raw))
