"""The lazy history model: sound, paged, headed by month, filtered."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt

from devjournal.domain.enums import EntryKind, Relationship, Scope
from devjournal.domain.history import HistoryFilter, HistoryRow
from devjournal.domain.models import LogEntryDraft, MentorDraft
from devjournal.services.container import Services
from devjournal.ui.models import history_list_model as hm
from devjournal.ui.widgets.two_line_delegate import SUBTITLE_ROLE


def rows(n: int) -> list[HistoryRow]:
    start = datetime(2026, 11, 18, 9, tzinfo=UTC)
    return [
        HistoryRow(
            id=n - i,
            occurred_at=start - timedelta(days=3 * i),
            kind=EntryKind.ADVICE,
            title=f"Entry {n - i}",
            mentor_name="Grace",
            advice_status=None,
            scope=Scope.PRIVATE,
        )
        for i in range(n)
    ]


def fake(all_rows: list[HistoryRow]) -> hm.Fetch:
    def fetch(after: tuple[datetime, int] | None, limit: int) -> list[HistoryRow]:
        later = [r for r in all_rows if after is None or r.key < after]
        return later[:limit]

    return fetch


def test_the_model_is_sound_and_pages_lazily(qtmodeltester, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(hm, "PAGE", 10)
    model = hm.HistoryListModel(fake(rows(25)))
    model.reload()
    assert model.entry_count == 10 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.entry_count == 25 and model.complete
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    # Newest first, a heading wherever the month changes: Nov, Oct, Sep 2026.
    assert [t for t in texts if not t.startswith("Entry")] == [
        "November 2026",
        "October 2026",
        "September 2026",
    ]
    assert texts[1] == "Entry 25"
    assert model.index(1, 0).data(SUBTITLE_ROLE) == "18 Nov 2026 · Advice · Grace"
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags  # a heading
    qtmodeltester.check(model)


def test_filters_by_mentor_kind_tag_scope_and_dates(services: Services) -> None:
    ms = services.mentorship
    grace = ms.add_mentor(MentorDraft(name="Grace", relationship=Relationship.PEER)).value
    for n in range(6):
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.ADVICE if n % 2 else EntryKind.REFLECTION,
                occurred_at=datetime(2026, 1, 1 + n, 9, tzinfo=UTC),
                title=f"Entry {n}",
                mentor_id=grace.id if n < 3 else None,
                tags=("career growth",) if n in (1, 4) else (),
                scope=Scope.COACH if n == 5 else Scope.PRIVATE,
            )
        )

    def titles(where: HistoryFilter) -> list[str]:
        return [r.title for r in ms.history_page(where)]

    assert titles(HistoryFilter()) == [f"Entry {n}" for n in (5, 4, 3, 2, 1, 0)]
    assert titles(HistoryFilter(mentor_id=grace.id)) == ["Entry 2", "Entry 1", "Entry 0"]
    assert titles(HistoryFilter(kind=EntryKind.ADVICE)) == ["Entry 5", "Entry 3", "Entry 1"]
    assert titles(HistoryFilter(tag="Career  Growth")) == ["Entry 4", "Entry 1"]
    assert titles(HistoryFilter(scope=Scope.COACH)) == ["Entry 5"]
    assert titles(HistoryFilter(since=date(2026, 1, 2), until=date(2026, 1, 3))) == [
        "Entry 2",
        "Entry 1",
    ]
    first = ms.history_page(HistoryFilter(), limit=2)
    assert [r.title for r in ms.history_page(HistoryFilter(), first[-1].key, 2)] == [
        "Entry 3",
        "Entry 2",
    ]
