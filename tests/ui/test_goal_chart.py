"""The goal chart: what is drawn where, on an image and in a PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from devjournal.domain.enums import Direction
from devjournal.domain.pace import Kpi, Point
from devjournal.render.goal_chart import GoalChart, chart_colors

START = date(2026, 9, 1)
KPI = Kpi(10, 40, Direction.UP, START, date(2026, 11, 30))


def has_colour(image: QImage, colour: QColor, tolerance: int = 60) -> bool:
    for yy in range(image.height()):
        for xx in range(image.width()):
            pixel = image.pixelColor(xx, yy)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                < tolerance
            ):
                return True
    return False


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("dark", [False, True])
def test_chart_draws_ideal_line_checkins_target_and_deadline(dark: bool) -> None:
    colors = chart_colors(dark)
    points = [Point(START + timedelta(days=30), 22), Point(START + timedelta(days=60), 31)]
    chart = GoalChart(KPI, points, date(2026, 11, 18), "PRs", colors)
    image = chart.to_image(480, 240)
    assert image.width() == 480 and image.height() == 240
    for part in ("actual", "ideal", "target", "deadline", "today"):
        assert has_colour(image, getattr(colors, part)), part


@pytest.mark.usefixtures("qapp")
def test_checkins_are_drawn_where_their_dates_and_values_say() -> None:
    chart = GoalChart(KPI, [Point(START + timedelta(days=45), 25)], START)
    image = chart.to_image(600, 300)
    # Find the dot: the densest run of the "actual" colour.
    actual = chart.colors.actual
    xs, ys = [], []
    for yy in range(round(image.height() * 0.88)):  # the plot, above the dates and legend
        for xx in range(image.width()):
            p = image.pixelColor(xx, yy)
            if abs(p.red() - actual.red()) + abs(p.blue() - actual.blue()) < 20:
                xs.append(xx)
                ys.append(yy)
    assert xs, "no check-in drawn"
    # The check-in lies halfway in time and value, so on the ideal line's midpoint; the
    # line from the baseline to it spans from the plot's left edge to the middle.
    assert max(xs) > image.width() * 0.45 and max(xs) < image.width() * 0.65
    assert min(ys) > image.height() * 0.3 and max(ys) < image.height() * 0.9


@pytest.mark.usefixtures("qapp")
def test_no_checkins_and_tiny_sizes_still_paint() -> None:
    chart = GoalChart(KPI, [], START)
    assert not chart.to_image(300, 150).isNull()
    assert not chart.to_image(20, 10).isNull()  # too small for a plot: background only
    flat = GoalChart(Kpi(5, 5, Direction.UP, START, START), [Point(START, 5)], START)
    assert not flat.to_image(200, 100).isNull()


@pytest.mark.usefixtures("qapp")
def test_chart_writes_a_vector_pdf(tmp_path: Path) -> None:
    target = tmp_path / "chart.pdf"
    GoalChart(KPI, [Point(START + timedelta(days=20), 18)], START, "PRs").write_pdf(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert b"/Subtype /Image" not in data  # drawn as vectors, not an embedded picture


def strip_has(image: QImage, colour: QColor, top: float) -> bool:
    """True if ``colour`` appears in the image below ``top`` (a share of its height)."""
    strip = image.copy(0, round(image.height() * top), image.width(), image.height())
    return has_colour(strip, colour, 30)


@pytest.mark.usefixtures("qapp")
def test_legend_names_every_line_when_there_is_room() -> None:
    chart = GoalChart(KPI, [], date(2026, 10, 1), "PRs")
    assert [name for name, _ in chart.legend()] == [
        "check-ins",
        "ideal pace",
        "target",
        "today",
        "deadline",
    ]
    assert "today" not in [name for name, _ in GoalChart(KPI, [], date(2027, 5, 1)).legend()]
    # No check-ins, so the actual colour below the plot can only be the legend's swatch.
    assert strip_has(chart.to_image(640, 240), chart.colors.actual, 0.9)
    assert not strip_has(chart.to_image(220, 240), chart.colors.actual, 0.9)  # no room
