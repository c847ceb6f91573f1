"""How the reports (goal summary, close-out report, ...) say dates, figures and user text,
so every report and every format says them the same way. Pure: no Qt, no storage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from devjournal.domain.pace import Kpi, Point
from devjournal.domain.text import is_safe_link
from devjournal.domain.wording import markdown_lines, number_text


class ChartedGoal(Protocol):
    """A goal as a report states it, with what its chart draws."""

    @property
    def kpi(self) -> Kpi | None:
        """What the chart draws (None: the goal has no chart)."""

    @property
    def points(self) -> tuple[Point, ...]:
        """The measured values."""

    @property
    def unit(self) -> str:
        """The unit on the chart's axis."""


@dataclass(frozen=True)
class ReportCommitment:
    """A commitment and what became of it (the summary's and the close-out's)."""

    title: str
    state: str
    due: date | None
    slips: int


@dataclass(frozen=True)
class ReportEntry:
    """A win, lesson or reflection linked to the sprint."""

    on: date
    kind: str
    title: str


def day(on: date) -> str:
    """``1 Nov 2026``: unambiguous in every locale."""
    return f"{on.day} {on:%b} {on.year}"


def number(value: float | None) -> str:
    """A figure as a report shows it (``domain/wording.number_text``); ``—`` when there is
    none."""
    return number_text(value) or "—"


def md(text: str) -> str:
    """User text inside Markdown, on one line: characters that would start markup are
    escaped."""
    out = []
    for ch in " ".join(text.split()):
        if ch in "\\`*_[]<>#|&~":
            out.append("\\" + ch)
        else:
            out.append(ch)
    line = "".join(out)
    # What would open a block where the text starts: a list item, a heading underline,
    # a numbered item ("1. first"), a quote (already escaped: >).
    if line[:1] in ("-", "+", "="):
        line = "\\" + line
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


_ORDERED = re.compile(r"^(\d{1,9})([.)])")


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, or a list, of text the user typed (Markdown emphasis removed)."""

    lines: tuple[str, ...]
    is_list: bool = False


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def text_blocks(text: str) -> tuple[TextBlock, ...]:
    """User text as paragraphs (split at blank lines, each on one line) and lists (a line
    each item), the way they were typed; emphasis markers and headings' ``#`` dropped,
    since the text is shown as text, never as markup."""
    blocks: list[TextBlock] = []
    lines: list[str] = []
    listing = False

    def flush() -> None:
        if lines:
            blocks.append(TextBlock(tuple(lines) if listing else (" ".join(lines),), listing))
            lines.clear()

    for raw in text.splitlines():
        item = bool(_LIST_ITEM.match(raw))
        line = " ".join(markdown_lines(raw.strip().lstrip("#"))).strip()
        if not line:
            flush()
            continue
        if item != listing:
            flush()
            listing = item
        lines.append(line)
    flush()
    return tuple(blocks)


def flat(blocks: tuple[TextBlock, ...]) -> str:
    """Blocks on one line (a list's items one after another)."""
    return " ".join(line for block in blocks for line in block.lines)


def md_blocks(blocks: tuple[TextBlock, ...]) -> list[str]:
    """Blocks as Markdown lines, each block followed by a blank line."""
    out: list[str] = []
    for block in blocks:
        out += [f"- {md(line)}" if block.is_list else md(line) for line in block.lines]
        out.append("")
    return out


def chart_key(index: int) -> str:
    """How a report's Markdown names goal ``index``'s chart: ``![Chart](chart:goal-N)``."""
    return f"goal-{index}"


def commitment_markdown(c: ReportCommitment) -> str:
    """``Block review slots (due 5 Nov 2026): overdue (13 days), slipped 2×``."""
    due = f" (due {day(c.due)})" if c.due else ""
    slipped = f", slipped {c.slips}×" if c.slips else ""
    return f"{md(c.title)}{due}: {c.state}{slipped}"


def is_web_link(url: str) -> bool:
    """Whether ``url`` may be a live link in a file: a safe link (``domain.text``'s
    ``is_safe_link``) written as one, with no space, quote or angle bracket (so it fits
    ``<…>`` in Markdown and ``href="…"`` in HTML)."""
    url = url.strip()
    return is_safe_link(url) and all(ch.isprintable() and ch not in " <>\"'`" for ch in url)
