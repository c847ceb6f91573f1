"""The goal summary as one self-contained HTML file: text autoescaped by Jinja2, and each
goal's chart inline as SVG drawn by the same painter as the screen (no file, no network)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, PackageLoader, select_autoescape

from devjournal.exporting.summary import GoalSummary, SummaryGoal
from devjournal.render.goal_chart import GoalChart

CHART_SIZE = (640, 220)


@dataclass(frozen=True)
class _Goal:
    """A goal as the template shows it: the summary's, plus its chart's SVG."""

    goal: SummaryGoal
    chart: str

    def __getattr__(self, name: str) -> object:
        return getattr(self.goal, name)


def _day(day: date) -> str:
    return f"{day.day} {day:%b} {day.year}"


def summary_html(summary: GoalSummary) -> str:
    """The summary as HTML. Needs a QGuiApplication (the charts are painted)."""
    env = Environment(
        loader=PackageLoader("devjournal.exporting", "templates"),
        autoescape=select_autoescape(("html", "j2")),
        keep_trailing_newline=True,
    )
    goals = [
        _Goal(
            g,
            GoalChart(g.kpi, g.points, summary.generated_at.astimezone().date(), g.unit).to_svg(
                *CHART_SIZE
            )
            if g.kpi is not None
            else "",
        )
        for g in summary.goals
    ]
    view = _View(summary, tuple(goals))
    return env.get_template("summary.html.j2").render(
        s=view, day=_day, generated=f"{summary.generated_at.astimezone():%Y-%m-%d %H:%M}"
    )


@dataclass(frozen=True)
class _View:
    summary: GoalSummary
    goals: tuple[_Goal, ...]

    def __getattr__(self, name: str) -> object:
        return getattr(self.summary, name)
