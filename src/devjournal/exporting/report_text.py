"""How the reports (goal summary, close-out report, ...) say dates, figures and user text,
so every report and every format says them the same way. Pure: no Qt, no storage."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from devjournal.domain.enums import MetricKind
from devjournal.domain.models import Goal
from devjournal.domain.pace import Kpi, Point


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


def day(on: date) -> str:
    """``1 Nov 2026``: unambiguous in every locale."""
    return f"{on.day} {on:%b} {on.year}"


def number(value: float | None) -> str:
    """A figure as a report shows it: ``1,200``, ``2.5``; ``—`` when there is none."""
    if value is None:
        return "—"
    return f"{value:,.0f}" if value == round(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def unit_of(goal: Goal) -> str:
    """What follows a goal's figures: ``%``, ``/5``, `` hours`` or nothing."""
    if goal.metric_kind is MetricKind.PERCENT:
        return "%"
    if goal.metric_kind is MetricKind.RATING and goal.scale_max:
        return f"/{goal.scale_max}"
    return f" {goal.unit}" if goal.unit else ""


def md(text: str) -> str:
    """User text inside Markdown, on one line: characters that would start markup are
    escaped."""
    out = []
    for ch in text:
        if ch in "\\`*_[]<>#|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def paragraphs(text: str) -> list[str]:
    """User text split at its blank lines, each paragraph on one line."""
    found, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


def chart_key(index: int) -> str:
    """How a report's Markdown names goal ``index``'s chart: ``![Chart](chart:goal-N)``."""
    return f"goal-{index}"
