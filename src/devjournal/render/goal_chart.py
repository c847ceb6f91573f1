"""A goal's KPI chart: check-ins against the ideal line, target and deadline marked.

One :meth:`GoalChart.paint` draws on any QPainter, so a widget, a PNG and a PDF page show
the same vector chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgGenerator

from devjournal.domain.pace import Kpi, Point


@dataclass(frozen=True)
class ChartColors:
    """The chart's colours; :func:`chart_colors` gives the light and dark sets."""

    background: QColor
    grid: QColor
    text: QColor
    ideal: QColor
    actual: QColor
    target: QColor
    deadline: QColor
    today: QColor


def chart_colors(dark: bool = False) -> ChartColors:
    """Colours that read on a light (print) or a dark background."""
    if dark:
        return ChartColors(
            background=QColor("#23262c"),
            grid=QColor("#3a3f47"),
            text=QColor("#c9ced6"),
            ideal=QColor("#8a8f98"),
            actual=QColor("#5b93f0"),
            target=QColor("#58d68d"),
            deadline=QColor("#ff7b6b"),
            today=QColor("#d4a72c"),
        )
    return ChartColors(
        background=QColor("#ffffff"),
        grid=QColor("#e3e6ea"),
        text=QColor("#4a5059"),
        ideal=QColor("#8a9099"),
        actual=QColor("#2f6fde"),
        target=QColor("#1e8449"),
        deadline=QColor("#c0392b"),
        today=QColor("#b7860b"),
    )


def _number(value: float, unit: str) -> str:
    text = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.1f}"
    return f"{text} {unit}".strip() if unit and unit != "%" else text + (unit or "")


@dataclass(frozen=True)
class GoalChart:
    """What to draw for one goal."""

    kpi: Kpi
    points: Sequence[Point]
    today: date
    unit: str = ""
    colors: ChartColors = field(default_factory=chart_colors)
    points_label: str = "check-ins"
    """What the points are called in the legend ("milestones done" for milestone goals)."""

    # -- geometry -------------------------------------------------------------------------
    def date_range(self) -> tuple[date, date]:
        """First and last day on the x axis: the sprint, and any check-in outside it."""
        days = [self.kpi.start, self.kpi.deadline, *(p.on for p in self.points)]
        first, last = min(days), max(days)
        if last <= first:
            last = first + timedelta(days=1)
        return first, last

    def value_range(self) -> tuple[float, float]:
        """Lowest and highest value on the y axis, with a little air."""
        values = [self.kpi.baseline, self.kpi.target, *(p.value for p in self.points)]
        low, high = min(values), max(values)
        if high == low:
            high, low = high + 1, low - 1
        pad = (high - low) * 0.08
        return low - pad, high + pad

    # -- painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the chart inside ``rect``."""
        c = self.colors
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, c.background)
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, min(9.0, rect.height() / 22)))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        low, high = self.value_range()
        labels = [_number(v, self.unit) for v in (low, high, self.kpi.baseline, self.kpi.target)]
        left = max(metrics.horizontalAdvance(t) for t in labels) + 10
        plot = rect.marginsRemoved(QMarginsF(left, metrics.height(), 12, metrics.height() * 1.8))
        if plot.width() < 20 or plot.height() < 20:
            painter.restore()
            return
        first, last = self.date_range()
        span = (last - first).days

        def x(on: date) -> float:
            return plot.left() + plot.width() * (on - first).days / span

        def y(value: float) -> float:
            return plot.bottom() - plot.height() * (value - low) / (high - low)

        # Frame and value labels at baseline and target.
        painter.setPen(QPen(c.grid, 1))
        painter.drawRect(plot)
        painter.setPen(c.text)
        for value in {self.kpi.baseline, self.kpi.target}:
            label_rect = QRectF(rect.left(), y(value) - metrics.height() / 2, left - 6, 40)
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                _number(value, self.unit),
            )
        # Dates under the axis: start and deadline.
        for on, align in (
            (self.kpi.start, Qt.AlignmentFlag.AlignLeft),
            (self.kpi.deadline, Qt.AlignmentFlag.AlignRight),
        ):
            text = f"{on.day} {on.strftime('%b')}"
            width = metrics.horizontalAdvance(text)
            at = x(on) if align == Qt.AlignmentFlag.AlignLeft else x(on) - width
            painter.drawText(QPointF(at, plot.bottom() + metrics.height() * 1.2), text)

        self._paint_legend(painter, metrics, plot, x(self.kpi.start), x(self.kpi.deadline))

        # Target line, deadline and today markers.
        painter.setPen(QPen(c.target, 1.6, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(plot.left(), y(self.kpi.target)), QPointF(plot.right(), y(self.kpi.target))
        )
        painter.setPen(QPen(c.deadline, 2.0))
        painter.drawLine(
            QPointF(x(self.kpi.deadline), plot.top()), QPointF(x(self.kpi.deadline), plot.bottom())
        )
        if first <= self.today <= last:
            painter.setPen(QPen(c.today, 2.0, Qt.PenStyle.DotLine))
            painter.drawLine(
                QPointF(x(self.today), plot.top()), QPointF(x(self.today), plot.bottom())
            )

        # The ideal line from baseline at the start to target at the deadline.
        painter.setPen(QPen(c.ideal, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(x(self.kpi.start), y(self.kpi.baseline)),
            QPointF(x(self.kpi.deadline), y(self.kpi.target)),
        )

        # Check-ins: a line from the baseline through every value, dots on the values.
        if self.points:
            ordered = sorted(self.points, key=lambda p: p.on)
            path = QPainterPath(QPointF(x(self.kpi.start), y(self.kpi.baseline)))
            for p in ordered:
                path.lineTo(QPointF(x(p.on), y(p.value)))
            painter.setPen(QPen(c.actual, 2.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(c.actual)
            radius = max(2.0, min(4.0, plot.height() / 40))
            for p in ordered:
                painter.drawEllipse(QPointF(x(p.on), y(p.value)), radius, radius)
        painter.restore()

    def legend(self) -> list[tuple[str, QPen]]:
        """What each line means, in the order the legend shows them."""
        c = self.colors
        entries = [
            (self.points_label, QPen(c.actual, 2.2)),
            ("ideal pace", QPen(c.ideal, 1.5, Qt.PenStyle.DashLine)),
            ("target", QPen(c.target, 1.6, Qt.PenStyle.DashLine)),
        ]
        first, last = self.date_range()
        if first <= self.today <= last:
            entries.append(("today", QPen(c.today, 2.0, Qt.PenStyle.DotLine)))
        entries.append(("deadline", QPen(c.deadline, 2.0)))
        return entries

    def _paint_legend(
        self, painter: QPainter, metrics: QFontMetricsF, plot: QRectF, left: float, right: float
    ) -> None:
        """The legend on the date line, between the start and deadline labels; left out
        when it does not fit (a small chart says less rather than overlapping)."""
        swatch, gap = metrics.height() * 1.4, metrics.height() * 0.9
        entries = self.legend()
        widths = [swatch + 4 + metrics.horizontalAdvance(text) for text, _ in entries]
        total = sum(widths) + gap * (len(entries) - 1)
        edge = metrics.horizontalAdvance("30 Sep") + gap
        if total > (right - left) - 2 * edge:
            return
        at = left + ((right - left) - total) / 2
        base = plot.bottom() + metrics.height() * 1.2
        mid = base - metrics.ascent() / 2 + 1
        for (text, pen), width in zip(entries, widths, strict=True):
            painter.setPen(pen)
            painter.drawLine(QPointF(at, mid), QPointF(at + swatch, mid))
            painter.setPen(self.colors.text)
            painter.drawText(QPointF(at + swatch + 4, base), text)
            at += width + gap

    # -- outputs --------------------------------------------------------------------------
    def to_image(self, width: int, height: int, scale: float = 1.0) -> QImage:
        """The chart as an image (``scale`` 2 for a sharp PNG on a HiDPI screen)."""
        image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(self.colors.background)
        painter = QPainter(image)
        try:
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def to_svg(self, width: int, height: int) -> str:
        """The chart as an SVG element (vector, for a self-contained HTML file). The same
        chart gives the same text; text in it is escaped by Qt's SVG writer."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        painter = QPainter(generator)
        try:
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        svg = bytes(buffer.data().data()).decode("utf-8")
        return svg[svg.index("<svg") :]  # no XML declaration inside HTML

    def write_pdf(self, path: Path, size_mm: tuple[float, float] = (160, 90)) -> None:
        """Write the chart as a one-page vector PDF of ``size_mm`` at ``path``."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QSizeF(*size_mm), QPageSize.Unit.Millimeter))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        painter = QPainter(writer)
        try:
            self.paint(painter, QRectF(painter.viewport()))
        finally:
            painter.end()
