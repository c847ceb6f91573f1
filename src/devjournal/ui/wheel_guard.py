"""The mouse wheel changes a date, number or choice only once the user has clicked or
tabbed into it.

Scrolling a page over a field must scroll the page: a wheel over an unfocused
``QDateEdit``/``QSpinBox``/``QComboBox`` used to change it (a check-in was saved with a
future date that way). One event filter, shared, is installed on every such field; it
hands the wheel to the scroll area the field is in unless the field has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            area = _scroll_area_of(watched)
            if area is not None:
                QApplication.sendEvent(area.viewport(), event)  # the page scrolls
            else:
                event.ignore()
            return True  # the field itself never sees it
        return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


_guard: _WheelGuard | None = None


def guard_wheel(*widgets: QWidget) -> None:
    """Make the wheel leave ``widgets`` and every date, number and choice field inside
    them alone until focused (also given focus by a click or Tab, not by the wheel)."""
    global _guard  # noqa: PLW0603 - one filter for the whole application
    if _guard is None:
        _guard = _WheelGuard()
    for widget in widgets:
        fields = [widget, *widget.findChildren(QWidget)]
        for field in fields:
            if isinstance(field, QAbstractSpinBox | QComboBox) and not field.property(
                "wheelGuarded"
            ):
                field.setProperty("wheelGuarded", True)
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                field.installEventFilter(_guard)
