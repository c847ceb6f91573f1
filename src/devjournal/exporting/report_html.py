"""How a report becomes one self-contained HTML file: its template (``templates/``) with
every text autoescaped by Jinja2 (and no control characters: ``domain.text.for_file``),
and each goal's chart inline as SVG drawn by the same painter as the screen (no file, no
network). Shared by the summary and the close-out report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from devjournal.domain.text import for_file
from devjournal.exporting.report_text import ChartedGoal, day, is_web_link
from devjournal.render.goal_chart import GoalChart

CHART_SIZE = (640, 220)


@dataclass(frozen=True)
class _Goal:
    """A goal as a template shows it: the report's, plus its chart's SVG."""

    goal: object
    chart: str

    def __getattr__(self, name: str) -> object:
        return getattr(self.goal, name)


@dataclass(frozen=True)
class _View:
    """A report as a template shows it: the report's fields, its goals with their charts."""

    report: object
    goals: tuple[_Goal, ...]

    def __getattr__(self, name: str) -> object:
        return getattr(self.report, name)


@cache
def environment() -> Environment:
    """The templates of ``templates/``, every value autoescaped; ``|web_link`` says whether
    a URL may be a live link (``report_text.is_web_link``)."""
    env = Environment(
        loader=PackageLoader("devjournal.exporting", "templates"),
        autoescape=select_autoescape(("html", "j2")),
        keep_trailing_newline=True,
    )
    env.filters["web_link"] = is_web_link
    return env


def chart_svg(goal: ChartedGoal, today: date) -> str:
    """The goal's chart as an SVG element ("" for a goal without a chart)."""
    if goal.kpi is None:
        return ""
    return GoalChart(goal.kpi, goal.points, today, goal.unit).to_svg(*CHART_SIZE)


def render_report(
    template: str,
    report: object,
    goals: Sequence[ChartedGoal],
    today: date,
    generated: str,
) -> str:
    """``report`` through ``templates/<template>`` as ``s``, its ``goals`` as ``s.goals``
    each with its ``chart`` (SVG, as of ``today``); ``day`` formats a date. Needs a
    QGuiApplication (the charts are painted)."""
    view = _View(report, tuple(_Goal(g, chart_svg(g, today)) for g in goals))
    page = environment().get_template(template).render(s=view, day=day, generated=generated)
    return for_file(page)
