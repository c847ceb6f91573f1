"""The timeline canvas: paints a scene (``render/timeline_painter.py``) at a scale, and turns
the mouse and keyboard into zoom, pan, hover and open.

- Ctrl+wheel, + and - zoom (around the mouse, or the middle); a drag, Shift+wheel (or a
  sideways wheel) and the left and right arrow keys pan; Home goes to today. A plain wheel
  scrolls the page, as everywhere else.
- Hovering a mark shows its tooltip; a click or Enter opens it; Tab and Shift+Tab move
  between the marks in view.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from devjournal.domain.timeline import ItemKind, Scale, day_of
from devjournal.render.timeline_painter import (
    Hit,
    TimelineColors,
    TimelineScene,
    paint_timeline,
    timeline_colors,
)
from devjournal.ui.plain_text import plain_tooltip
from devjournal.ui.theme import is_dark

ZOOM_STEP = 1.25
PAN_STEP = 0.1
"""An arrow key pans a tenth of the view."""


class TimelineView(QWidget):
    """Draws the timeline and reports what the user asks for."""

    scale_changed = Signal()
    activated = Signal(object)  # Hit

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.scene = TimelineScene(sprints=(), rows={}, goals=(), sessions=(), checkins=())
        self.hits: list[Hit] = []
        self.selected: Hit | None = None
        self._press: QPointF | None = None
        self._press_scale: Scale | None = None
        self._dragged = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Timeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(300)

    # -- what to show ---------------------------------------------------------------------
    def set_scene(self, scene: TimelineScene) -> None:
        """Show ``scene`` (the selection stays if its item is still in it)."""
        self.scene = scene
        if self.selected is not None and not scene.contains(self.selected.kind, self.selected.id):
            self.selected = None
            self._announce()
        self.setFixedHeight(round(scene.height()))
        self.update()

    def set_scale(self, scale: Scale) -> None:
        """Show the days ``scale`` says (then ``scale_changed``)."""
        self.scale = scale.resized(self.width())
        self.scale_changed.emit()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, round(self.scene.height()))

    def colors(self) -> TimelineColors:
        """Light or dark, as the window is."""
        app = QApplication.instance()
        return timeline_colors(isinstance(app, QApplication) and is_dark(app))

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            selected = (self.selected.kind, self.selected.id) if self.selected else None
            self.hits = paint_timeline(
                painter,
                self.width(),
                scale=self.scale,
                scene=self.scene,
                colors=self.colors(),
                font=self.font(),
                selected=selected,
            )
        finally:
            painter.end()
        self._describe_view()

    # -- for a screen reader --------------------------------------------------------------
    def marks_in_view(self) -> list[str]:
        """What each mark in view says, left to right (what Tab moves through)."""
        return [" ".join(mark.tip.split()) for mark in self._marks()]

    def _describe_view(self) -> None:
        """The accessible description says how many marks are in view and how to reach
        them (set when it changes)."""
        count = len(self._marks())
        text = (
            f"{count} {'mark' if count == 1 else 'marks'} in view. Tab and Shift+Tab move "
            "between them and read each; Enter opens one; + and − zoom; Left and Right "
            "move in time; Home goes to today."
        )
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def _announce(self) -> None:
        """The accessible name says the chosen mark, so a screen reader reads it as Tab
        moves between the marks."""
        said = self.marks_in_view()
        name = "Timeline"
        if self.selected is not None:
            name = f"Timeline: {' '.join(self.selected.tip.split())}"
            keys = [(m.kind, m.id) for m in self._marks()]
            where = (self.selected.kind, self.selected.id)
            if where in keys:
                name += f" ({keys.index(where) + 1} of {len(said)})"
        if name != self.accessibleName():
            self.setAccessibleName(name)
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scale = self.scale.resized(event.size().width())
            self.scale_changed.emit()

    # -- what is where --------------------------------------------------------------------
    def hit_at(self, point: QPointF) -> Hit | None:
        """The mark under ``point`` (the one drawn on top, when marks overlap)."""
        for hit in reversed(self.hits):  # the mark painted last is the one on top
            if hit.rect.adjusted(-1, -1, 1, 1).contains(point):
                return hit
        return None

    @staticmethod
    def tip_text(hit: Hit) -> str:
        """The tooltip shown for ``hit``: its wording (titles and names as written, never
        read as markup)."""
        return plain_tooltip(hit.tip)

    def _marks(self) -> list[Hit]:
        """Marks that open something, left to right."""
        return sorted(
            (h for h in self.hits if h.kind is not ItemKind.DENSITY),
            key=lambda h: (h.rect.center().x(), h.rect.top()),
        )

    # -- zoom and pan ---------------------------------------------------------------------
    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out."""
        self.set_scale(self.scale.zoomed(factor, anchor_x))

    def pan(self, dx: float) -> None:
        """Move by ``dx`` pixels."""
        self.set_scale(self.scale.panned(dx))

    def go_to_today(self) -> None:
        """Today in the middle (once the journal is read: the scene knows what today is)."""
        if self.scene.today is not None:
            self.set_scale(self.scale.centred(day_of(self.scene.today) + 0.5))

    # -- input ----------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120
            if steps:
                self.zoom(ZOOM_STEP**steps, event.position().x())
            event.accept()
            return
        sideways = delta.x() or (
            delta.y() if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0
        )
        if sideways:
            self.pan(-sideways / 120 * self.width() * PAN_STEP)
            event.accept()
        else:
            event.ignore()  # a plain wheel scrolls the page

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_scale = self.scale
            self._dragged = False
            self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_scale is not None:
            dx = event.position().x() - self._press.x()
            if abs(dx) > QApplication.startDragDistance():
                self._dragged = True
            if self._dragged:
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.set_scale(self._press_scale.panned(-dx))
                return
        hit = self.hit_at(event.position())
        if hit is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.tip_text(hit), self)
            self.setCursor(
                Qt.CursorShape.PointingHandCursor
                if hit.kind is not ItemKind.DENSITY
                else Qt.CursorShape.ArrowCursor
            )
        else:
            QToolTip.hideText()
            self.unsetCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        dragged, self._press, self._press_scale = self._dragged, None, None
        self.unsetCursor()
        if dragged:
            return
        hit = self.hit_at(event.position())
        if hit is None:
            return
        if hit.kind is ItemKind.DENSITY:
            self._zoom_into(hit.rect)
            return
        self.selected = hit
        self._announce()
        self.update()
        self.activated.emit(hit)

    def _zoom_into(self, rect: QRectF) -> None:
        """A click on a density bar zooms in on it."""
        first = self.scale.day_at(rect.left())
        last = self.scale.day_at(rect.right())
        span = max(last - first, 7.0) * 1.2
        self.set_scale(Scale((first + last) / 2 - span / 2, span, self.width()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan(-self.width() * PAN_STEP)
        elif key == Qt.Key.Key_Right:
            self.pan(self.width() * PAN_STEP)
        elif key == Qt.Key.Key_Home:
            self.go_to_today()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.activated.emit(self.selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab move between the marks in view (then out at either end)."""
        marks = self._marks()
        if not marks:
            return super().focusNextPrevChild(forward)
        keys = [(m.kind, m.id) for m in marks]
        current = (self.selected.kind, self.selected.id) if self.selected else None
        index = keys.index(current) if current in keys else (-1 if forward else len(marks))
        index += 1 if forward else -1
        if not 0 <= index < len(marks):
            self.selected = None
            self._announce()
            self.update()
            return super().focusNextPrevChild(forward)
        self.selected = marks[index]
        self._announce()
        QToolTip.showText(
            self.mapToGlobal(self.selected.rect.center().toPoint()),
            self.tip_text(self.selected),
            self,
        )
        self.update()
        return True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        QToolTip.hideText()
        super().focusOutEvent(event)
