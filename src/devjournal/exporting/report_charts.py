"""A report's goal charts for Qt documents (the PDF, the preview, the printer): each
goal's chart by the key its Markdown names it with (``![Chart](chart:goal-N)``), drawn by
the screen's painter as vectors. Shared by the summary and the close-out report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from devjournal.exporting.report_text import ChartedGoal, chart_key
from devjournal.render.goal_chart import ChartColors, GoalChart, chart_colors


def goal_charts(
    goals: Sequence[ChartedGoal], today: date, colors: ChartColors | None = None
) -> dict[str, GoalChart]:
    """Each goal's chart as of ``today``, by the key a report's Markdown names it with."""
    return {
        chart_key(i): GoalChart(g.kpi, g.points, today, g.unit, colors or chart_colors())
        for i, g in enumerate(goals)
        if g.kpi is not None
    }
