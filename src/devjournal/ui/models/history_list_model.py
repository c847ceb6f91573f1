"""The mentorship history as a lazy list model: pages arrive as the view scrolls.

Rows are entries newest first, with a heading row ("November 2026") wherever the month
changes. ``fetchMore`` asks for the next page after the last row (keyset paging, one
indexed query of a couple of milliseconds); ``data()`` never queries.

The list view lays every row out again whenever rows arrive, and asks the model for an index
of each row as it does: were ``rowCount`` a Python method, that is two calls into Python
per row (about 0.4 s at 100,000 rows, on every page fetched). So the model is a
:class:`QStringListModel`, whose row count (and so its indexes) Qt answers in C++: it
holds one empty string per row, and what a row shows comes from Python, in ``data()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from devjournal.domain.history import HistoryRow
from devjournal.ui.formatting import local_date
from devjournal.ui.plain_text import plain_tooltip
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE

PAGE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The :class:`HistoryRow` of an entry line (None on a heading)."""


Fetch = Callable[[tuple[datetime, int] | None, int], list[HistoryRow]]
"""Returns up to N rows after a (occurred_at, id) key, newest first."""


@dataclass(frozen=True)
class _Heading:
    text: str


class HistoryListModel(QStringListModel):
    """Entries and month headings; fetches ``PAGE`` entries at a time.

    A read-only list: the strings Qt holds are empty (they only count the rows)."""

    def __init__(self, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._items: list[HistoryRow | _Heading] = []
        self._entries = 0
        self._last: HistoryRow | None = None
        self._done = False

    # -- loading --------------------------------------------------------------------------
    def reload(self, fetch: Fetch | None = None) -> None:
        """Start again from the newest entry (new filters, or changed data)."""
        if fetch is not None:
            self._fetch = fetch
        self._items = []
        self._entries = 0
        self._last = None
        self._done = False
        self.setStringList([])  # one reset of the view
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._done:
            return
        rows = self._fetch(self._last.key if self._last else None, PAGE)
        if len(rows) < PAGE:
            self._done = True
        if not rows:
            return
        added: list[HistoryRow | _Heading] = []
        month = _month(self._last) if self._last else None
        for row in rows:
            if _month(row) != month:
                month = _month(row)
                added.append(_Heading(_month_heading(row)))
            added.append(row)
        first = len(self._items)
        self._items.extend(added)  # before the rows are announced: the view reads them
        self._entries += len(rows)
        self._last = rows[-1]
        self.insertRows(first, len(added))  # empty strings; begin/endInsertRows

    @property
    def entry_count(self) -> int:
        """Entries loaded so far (headings not counted)."""
        return self._entries

    @property
    def complete(self) -> bool:
        """True once every matching entry is loaded."""
        return self._done

    # -- the model (the row count is QStringListModel's) -----------------------------------
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if isinstance(item, _Heading):
            return item.text if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == SUBTITLE_ROLE:
            return _subtitle(item)
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{item.title}\n{_subtitle(item)}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.title}, {_subtitle(item)}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._items[index.row()], _Heading):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def setData(
        self,
        _index: QModelIndex | QPersistentModelIndex,
        _value: object,
        _role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        return False  # read-only: what a row shows is the journal's

    def row_of(self, row: int) -> HistoryRow | None:
        """The entry on list row ``row`` (None for a heading)."""
        item = self._items[row] if 0 <= row < len(self._items) else None
        return item if isinstance(item, HistoryRow) else None


def _month(row: HistoryRow) -> tuple[int, int]:
    local = row.occurred_at.astimezone()
    return (local.year, local.month)


def _month_heading(row: HistoryRow) -> str:
    return local_date(row.occurred_at.astimezone().date(), "MMMM yyyy")


def _subtitle(row: HistoryRow) -> str:
    parts = [local_date(row.occurred_at.astimezone().date(), "d MMM yyyy"), row.kind.label]
    if row.mentor_name:
        parts.append(row.mentor_name)
    if row.advice_status is not None:
        parts.append(row.advice_status.value.replace("_", " "))
    return " · ".join(parts)
