"""A goal's KPI chart on screen (the same painter as PNG and PDF)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from devjournal.domain.progress import GoalProgress
from devjournal.render.goal_chart import GoalChart, chart_colors
from devjournal.ui.theme import is_dark


class GoalChartWidget(QWidget):
    """Paints :class:`GoalChart` for a goal's progress, in the current theme's colours."""

    def __init__(
        self,
        progress: GoalProgress,
        today: date,
        unit: str = "",
        points_label: str = "check-ins",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.progress = progress
        self._today = today
        self._unit = unit
        self.points_label = points_label
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(150)
        self.setAccessibleName("KPI chart: check-ins against the ideal line")

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    def paintEvent(self, event: QPaintEvent) -> None:
        kpi = self.progress.kpi
        if kpi is None:
            return
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and is_dark(app)
        chart = GoalChart(
            kpi,
            self.progress.points,
            self._today,
            self._unit,
            chart_colors(dark),
            self.points_label,
        )
        painter = QPainter(self)
        try:
            chart.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()
