"""List rows with a title and a muted second line; group rows as small headings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from devjournal.domain.search import HIT_END, HIT_START

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 50
"""The second line of a row (a row without one is painted as a group heading)."""

PAD_X, PAD_Y, GAP = 10, 6, 2


class TwoLineDelegate(QStyledItemDelegate):
    """Paints ``DisplayRole`` in the normal font and ``SUBTITLE_ROLE`` below it, muted and
    elided; rows without a subtitle are headings (small, bold, muted)."""

    def __init__(self, parent: QWidget | None = None, *, uniform: bool = False) -> None:
        """``uniform`` gives headings the height of a two-line row, so the view can use
        uniform item sizes (a fixed row height: long lists scroll without measuring)."""
        super().__init__(parent)
        self._uniform = uniform

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        if self._uniform or index.data(SUBTITLE_ROLE):
            return QSize(200, PAD_Y * 2 + metrics.height() * 2 + GAP)
        return QSize(200, PAD_Y * 2 + metrics.height() + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        state = opt.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        inner = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        subtitle = index.data(SUBTITLE_ROLE)
        font = QFont(opt.font)
        if subtitle:
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(text_color)
            top = QRect(inner.left(), inner.top(), inner.width(), metrics.height())
            painter.drawText(
                top,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(title, Qt.TextElideMode.ElideRight, inner.width()),
            )
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.9)
            small_metrics = QFontMetrics(small)
            painter.setFont(small)
            painter.setPen(text_color if selected else muted)
            bottom = QRect(inner.left(), top.bottom() + GAP, inner.width(), metrics.height())
            if HIT_START in str(subtitle):
                self._paint_hits(
                    painter, bottom, str(subtitle), small, selected=selected, palette=palette
                )
            else:
                painter.drawText(
                    bottom,
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    small_metrics.elidedText(
                        str(subtitle), Qt.TextElideMode.ElideRight, inner.width()
                    ),
                )
        else:
            heading = QFont(font)
            heading.setBold(True)
            heading.setPointSizeF(font.pointSizeF() * 0.85)
            heading.setCapitalization(QFont.Capitalization.AllUppercase)
            heading.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 105)
            painter.setFont(heading)
            painter.setPen(muted)
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title
            )
        if state & QStyle.StateFlag.State_HasFocus:  # where the keyboard is, always seen
            ring = QPen(text_color, 2)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    @staticmethod
    def _paint_hits(
        painter: QPainter, rect: QRect, text: str, font: QFont, *, selected: bool, palette: QPalette
    ) -> None:
        """A search snippet: the matched words bold on a highlight, the rest as it is;
        what does not fit is cut at the right edge."""
        bold = QFont(font)
        bold.setBold(True)
        x = rect.left()
        hit = False
        flat = " ".join(text.split())
        painter.save()
        painter.setClipRect(rect)
        for part in flat.replace(HIT_END, HIT_START).split(HIT_START):
            if part:
                use = bold if hit else font
                metrics = QFontMetrics(use)
                width = metrics.horizontalAdvance(part)
                if hit:
                    shade = QColor(palette.color(QPalette.ColorRole.Highlight))
                    shade.setAlpha(70 if not selected else 140)
                    box = QRect(x, rect.top() + 1, width, rect.height() - 2)
                    painter.fillRect(box, shade)
                painter.setPen(
                    palette.color(
                        QPalette.ColorRole.HighlightedText
                        if selected
                        else QPalette.ColorRole.Text
                        if hit
                        else QPalette.ColorRole.PlaceholderText
                    )
                )
                painter.setFont(use)
                painter.drawText(
                    QRect(x, rect.top(), width + 2, rect.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    part,
                )
                x += width
                if x > rect.right():
                    break
            hit = not hit
        painter.restore()
