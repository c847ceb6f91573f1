"""One answer out of a few, as radio buttons under each other: the self-assessment's
questions. A form reads and fills it like any field (``FormDialog``: its value is the
chosen key, or None).

Keys work as on every desktop: Tab enters the group at its chosen answer (or its first)
and leaves it; the arrow keys move to the next or previous answer and choose it; Space
chooses the one with the focus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.ui.plain_text import for_mnemonic


class ChoiceGroup(QWidget):
    """Radio buttons for ``choices`` (``(key, label)`` pairs), none chosen at first: under
    each other, or side by side (``in_a_row``) for a few short answers."""

    changed = Signal()

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        in_a_row: bool = False,
    ) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        column: QBoxLayout = QHBoxLayout(self) if in_a_row else QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16 if in_a_row else 4)
        for key, text in choices:
            button = QRadioButton(for_mnemonic(text))
            self._group.addButton(button)
            self.buttons[key] = button
            column.addWidget(button)
            button.installEventFilter(self)
        if in_a_row:
            column.addStretch(1)
        self._group.buttonToggled.connect(self._toggled)
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            self.setFocusProxy(first)  # a form's tab order names the group

    def value(self) -> str | None:
        """The chosen key, or None."""
        return next((k for k, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, key: object) -> None:
        """Choose ``key`` (None or an unknown key chooses nothing)."""
        button = self.buttons.get(str(key)) if key is not None else None
        if button is not None:
            button.setChecked(True)
            return
        self._group.setExclusive(False)  # an exclusive group cannot be emptied
        for b in self.buttons.values():
            b.setChecked(False)
        self._group.setExclusive(True)

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.setFocusProxy(button)
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An arrow key moves to the next or previous answer and chooses it."""
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QRadioButton):
            step = STEPS.get(Qt.Key(cast(QKeyEvent, event).key()))
            if step is not None:
                order = list(self.buttons.values())
                at = order.index(watched) + step
                if 0 <= at < len(order):
                    order[at].setFocus(Qt.FocusReason.TabFocusReason)
                    order[at].setChecked(True)
                return True
        return super().eventFilter(watched, event)


STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}
"""Which way each arrow key moves."""
