"""A layout that places widgets left to right and wraps to the next line when the row is
full (after Qt's Flow Layout example), so a row of buttons is never clipped."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left to right, wrapping; an item marked with :meth:`add_right` starts the right
    side of the last line when it fits there."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: list[QLayoutItem] = []
        self._heights: dict[int, int] = {}
        """Each width's height as last worked out: Qt asks again and again while it lays
        out a page (hundreds of times for a page of cards); forgotten on invalidate."""
        self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_right(self, widget: QWidget) -> None:
        """Add ``widget`` flush right (it wraps like the others when there is no room)."""
        self.addWidget(widget)
        self._right.append(self._items[-1])

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            if item in self._right:
                self._right.remove(item)
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        """An item was added, shown, hidden or changed its size: every height anew."""
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.spacing()
        lines: list[list[QLayoutItem]] = [[]]
        width = 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint().width()
            if lines[-1] and width + gap + hint > area.width():
                lines.append([])
                width = 0
            width += (gap if lines[-1] else 0) + hint
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            left = [i for i in line if i not in self._right]
            right = [i for i in line if i in self._right]
            x = area.x()
            for item in left:
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(item.sizeHint().width(), height)))
                x += item.sizeHint().width() + gap
            x = area.right() + 1
            for item in reversed(right):
                x -= item.sizeHint().width()
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(item.sizeHint().width(), height)))
                x -= gap
            y += height + gap
        if y == area.y():
            return margins.top() + margins.bottom()  # nothing to show
        return y - gap - rect.y() + margins.bottom()
