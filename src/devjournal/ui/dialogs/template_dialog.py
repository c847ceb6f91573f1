"""Edit the template first messages to prospective mentors and coaches are drafted from:
the placeholders it may use, a warning about any it cannot fill, and "Reset to default"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.outreach import DEFAULT_TEMPLATE, PLACEHOLDERS, unknown_placeholders
from devjournal.ui.plain_text import plain_label


class TemplateDialog(QDialog):
    """The message template, edited; Save hands the text to ``on_save``."""

    def __init__(
        self, template: str, on_save: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Message template")
        self.setModal(True)
        self._on_save = on_save
        column = QVBoxLayout(self)
        column.addWidget(
            plain_label(
                "A first message is drafted from this template. Words in braces are filled "
                "from the outreach; a line whose placeholders are all empty is left out.",
                "muted",
                wrap=True,
            )
        )
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName("Template")
        self.edit.setTabChangesFocus(True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setPlainText(template)
        self.edit.setMinimumHeight(220)
        column.addWidget(self.edit, 1)
        self.warning_label = plain_label("", "warning", wrap=True)
        self.warning_label.setVisible(False)
        column.addWidget(self.warning_label)
        column.addWidget(plain_label("Placeholders", "cardTitle"))
        names = "\n".join(f"{{{name}}}  {what}" for name, what in PLACEHOLDERS.items())
        self.placeholders_label = plain_label(names, "muted", wrap=True)
        column.addWidget(self.placeholders_label)
        row = QHBoxLayout()
        self.reset_button = QPushButton("Reset to default")
        self.reset_button.clicked.connect(self.reset)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        column.addLayout(row)
        self.edit.textChanged.connect(self._warn)
        self._warn()
        self.resize(600, self.sizeHint().height())

    def text(self) -> str:
        """The template as typed."""
        return self.edit.toPlainText()

    def reset(self) -> None:
        """Put the default template back (saved only with Save)."""
        self.edit.setPlainText(DEFAULT_TEMPLATE)

    def _warn(self) -> None:
        unknown = unknown_placeholders(self.text())
        self.warning_label.setText(
            "Not a placeholder, left as typed: " + ", ".join(f"{{{n}}}" for n in unknown)
            if unknown
            else ""
        )
        self.warning_label.setVisible(bool(unknown))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.text().strip())
        )

    def _on_accepted(self) -> None:
        self._on_save(self.text())
        self.accept()
