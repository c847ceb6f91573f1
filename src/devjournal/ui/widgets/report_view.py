"""A report on screen: the same document as the PDF, charts painted over their lines."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QWidget

from devjournal.render.goal_chart import GoalChart
from devjournal.render.report_document import fit_charts, paint_charts
from devjournal.ui.widgets.safe_text_browser import SafeTextBrowser

SCREEN_MARGIN = 18.0


class ReportView(SafeTextBrowser):
    """Shows a report document (see ``render/report_document.py``) with its charts; like
    every browser of what the user wrote, it loads nothing (the document it is given is
    its child, so asks it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self._charts: dict[str, GoalChart] = {}
        self._doc: QTextDocument | None = None

    def show_report(self, doc: QTextDocument, charts: Mapping[str, GoalChart]) -> None:
        """Show ``doc`` (the view takes it) with ``charts`` in their places."""
        position = self.verticalScrollBar().value()
        doc.setDocumentMargin(SCREEN_MARGIN)
        doc.setParent(self)
        old, self._doc = self._doc, doc
        self._charts = dict(charts)
        self.setDocument(doc)
        if old is not None:
            old.deleteLater()
        self._fit()
        self.verticalScrollBar().setValue(position)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        doc = self.document()
        width = self.viewport().width() - 2 * doc.documentMargin()
        if width > 0:
            fit_charts(doc, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._charts:
            return
        painter = QPainter(self.viewport())
        try:
            dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
            painter.translate(-dx, -dy)
            clip = QRectF(event.rect()).translated(dx, dy)
            paint_charts(painter, self.document(), self._charts, clip)
        finally:
            painter.end()
