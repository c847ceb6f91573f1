"""Export from the History page: the save dialog, the page's filters and search, a job off
the GUI thread with progress and cancel, an atomic 0600 file, and a note saying where."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devjournal.domain.jobs import Progress
from devjournal.exporting import history_export
from devjournal.exporting.history_export import HistorySource
from devjournal.exporting.reports import HISTORY
from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.history_page import HistoryPage
from devjournal.ui.report_export import target_of
from tests.ui.prompts import Choose, choose
from tests.ui.test_history_page import history
from tests.unit.test_history_export import fill


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, name_filter: str = "") -> Choose:
    return choose(monkeypatch, path, name_filter)


def finished(page: HistoryPage, qtbot: QtBot) -> None:
    window = page.window()
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10000)


@pytest.fixture
def page(window: MainWindow, services: Services) -> HistoryPage:
    """The History page over the journal of :func:`fill`."""
    fill(services)
    return history(window)


def test_export_writes_what_the_filters_show(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = fill(services)
    page = history(window)
    page._fill_choices()
    page.mentor_combo.setCurrentIndex(page.mentor_combo.findData(ids["bob"]))
    asked = save_as(monkeypatch, tmp_path / "bob", "PDF (*.pdf)")
    page.export_button.click()
    finished(page, qtbot)
    target = tmp_path / "bob.pdf"  # the filter's suffix is added
    assert [caption for caption, *_ in asked.asked] == ["Export the history"]
    assert target.read_bytes().startswith(b"%PDF-")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert page.export_note.text() == f"Exported 2 entries to {target}."

    save_as(monkeypatch, tmp_path / "all.md", "PDF (*.pdf)")  # the typed suffix wins
    page.mentor_combo.setCurrentIndex(0)
    page.export_private_action.trigger()
    finished(page, qtbot)
    text = (tmp_path / "all.md").read_text(encoding="utf-8")
    assert "5 entries" in text and "Secret win" in text


def test_export_follows_the_search_and_leaves_private_out(
    page: HistoryPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.search_edit.setText("delegation")
    page.reload()
    qtbot.waitUntil(lambda: not page.searching, timeout=10_000)
    save_as(monkeypatch, tmp_path / "found.html")
    page.export_button.click()
    finished(page, qtbot)
    html = (tmp_path / "found.html").read_text(encoding="utf-8")
    assert "Search: delegation (the filters do not apply to a search)" in html
    assert "Secret win" not in html and "private" not in html
    assert page.export_note.text().startswith("Exported 2 entries (1 private left out) to ")


def test_no_file_chosen_means_no_export(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = history(window)
    choose(monkeypatch, "")
    page.export_button.click()
    assert page.export_task is None and not window.ops.busy


def test_a_cancelled_export_writes_nothing(
    page: HistoryPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = history_export.read_history_source

    def slow(*args: object) -> HistorySource:
        progress = args[-1]
        assert isinstance(progress, Progress)
        started.set()
        release.wait(5)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(history_export, "read_history_source", slow)
    save_as(monkeypatch, tmp_path / "never.md")
    page.export_button.click()
    assert started.wait(5)
    task = page.export_task
    assert task is not None
    task.cancel()
    release.set()
    finished(page, qtbot)
    assert not (tmp_path / "never.md").exists()
    assert not list(tmp_path.glob(".never.md.*"))  # no temp file left either
    assert page.export_note.text() == "The export was cancelled; nothing was written."


@pytest.mark.parametrize(
    ("path", "name_filter", "expected"),
    [
        ("/x/h.PDF", "Markdown (*.md)", ("/x/h.PDF", "pdf")),
        ("/x/h", "HTML, one self-contained file (*.html)", ("/x/h.html", "html")),
        ("/x/h.txt", "", ("/x/h.txt.md", "md")),
    ],
)
def test_the_format_comes_from_the_suffix_or_the_filter(
    path: str, name_filter: str, expected: tuple[str, str]
) -> None:
    target, fmt = target_of(HISTORY, Path(path), name_filter)
    assert (str(target), fmt.name) == expected
