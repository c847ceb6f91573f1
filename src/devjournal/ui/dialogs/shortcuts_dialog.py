"""Help → Keyboard shortcuts (F1): every shortcut, read from the table the app binds them
from (``ui/shortcuts.py``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from devjournal.ui.shortcuts import SHORTCUTS


class ShortcutsDialog(QDialog):
    """The shortcuts by group: what each does, and its keys as this platform writes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["What it does", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        groups: dict[str, QTreeWidgetItem] = {}
        for shortcut in SHORTCUTS:
            group = groups.get(shortcut.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [shortcut.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                groups[shortcut.group] = group
            QTreeWidgetItem(group, [shortcut.does, shortcut.text()])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tree, 1)
        column.addWidget(buttons)
        rows = len(SHORTCUTS) + len(groups) + 1  # and the header
        self.resize(620, min(760, self.tree.sizeHintForRow(0) * rows + 90))
