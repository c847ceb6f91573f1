"""One answer out of a few, as radio buttons under each other: the self-assessment's
questions. A form reads and fills it like any field (``FormDialog``: its value is the
chosen key, or None)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from devjournal.ui.plain_text import for_mnemonic


class ChoiceGroup(QWidget):
    """Radio buttons for ``choices`` (``(key, label)`` pairs), none chosen at first.

    Arrow keys move between the buttons; Tab enters at the chosen one (or the first)."""

    changed = Signal()

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        for key, text in choices:
            button = QRadioButton(for_mnemonic(text))
            self._group.addButton(button)
            self.buttons[key] = button
            column.addWidget(button)
        self._group.buttonToggled.connect(self._toggled)

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

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.changed.emit()
