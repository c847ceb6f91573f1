"""Exporting the close-out report from the Coaching page: a save dialog (stubbed), the file
written atomically (0600) in the format the suffix or the filter names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import EntryKind, Scope
from devjournal.domain.models import LogEntryDraft
from devjournal.services.container import Services
from devjournal.ui import report_export
from devjournal.ui.main_window import MainWindow
from devjournal.ui.report_export import report_file_name
from tests.ui.prompts import choose, finished, message_shown
from tests.ui.test_coaching_page import page_of
from tests.unit.test_closeout import NOW, fill


def _page_on_closed_sprint(window: MainWindow, services: Services) -> Any:
    sprint_id = fill(services)
    page = page_of(window)
    page.refresh(keep=sprint_id)
    assert page.view is not None and page.view.sprint.id == sprint_id
    return page


@pytest.mark.parametrize(
    ("name", "selected", "written", "starts"),
    [
        ("report.pdf", "Markdown (*.md)", "report.pdf", b"%PDF-"),  # the suffix decides
        ("report.html", "PDF (*.pdf)", "report.html", b"<!DOCTYPE html>"),
        ("report", "HTML (*.html)", "report.html", b"<!DOCTYPE html>"),  # else the filter
        ("report.md", "Markdown (*.md)", "report.md", b"# Review faster"),
    ],
)
def test_export_closeout_report_from_the_coaching_page(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    selected: str,
    written: str,
    starts: bytes,
) -> None:
    page = _page_on_closed_sprint(window, services)
    out = tmp_path / "out"
    out.mkdir()
    save_as = choose(monkeypatch, out / name, selected)
    assert page.export_button.isVisible()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    finished(window.ops, qtbot)
    caption, default, filters, _save = save_as.asked[0]
    assert caption == "Export close-out report"
    assert default == str(Path.home() / "Review faster fast - close-out.md")
    assert filters == "Markdown (*.md);;HTML (*.html);;PDF (*.pdf)"
    target = out / written
    assert target.read_bytes().startswith(starts)
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in out.iterdir()] == [written]  # no temp file left behind
    assert page.window().notices.text() == (
        f"Saved the close-out report to {written} (2 private items left out)."
    )
    # Open and Show in folder are offered once, by the save flow, not again by the notice
    offer = page.findChild(QMessageBox, "savedOffer")
    assert offer is not None and offer.isVisible()
    assert sorted(b.text() for b in offer.buttons()) == ["Close", "Open", "Show in folder"]
    assert not page.window().notices.button.isVisible()


def test_cancelling_the_dialog_writes_nothing(
    window: MainWindow, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page_on_closed_sprint(window, services)
    before = sorted(tmp_path.rglob("*"))
    choose(monkeypatch, "")
    page.export_closeout()
    assert sorted(tmp_path.rglob("*")) == before
    assert page.window().notices.text() == ""


def test_a_folder_that_cannot_be_written_is_a_clear_message(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page_on_closed_sprint(window, services)
    target = tmp_path / "locked" / "x.md"

    def refuse(_path: Path, _data: bytes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(report_export, "write_export", refuse)
    choose(monkeypatch, target, "Markdown (*.md)")
    page.export_closeout()
    finished(window.ops, qtbot)
    assert message_shown(page) == f"Could not save the report to {target}:\nPermission denied."
    assert page.window().notices.text() == ""


def test_the_page_export_includes_the_sprint_log_entries(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page_on_closed_sprint(window, services)
    assert page.view is not None
    services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.WIN,
            occurred_at=NOW,
            title="Shipped the guide",
            sprint_id=page.view.sprint.id,
            scope=Scope.COACH,
        )
    )
    choose(monkeypatch, tmp_path / "r.md", "Markdown (*.md)")
    page.export_closeout()
    finished(window.ops, qtbot)
    assert "- 18 Nov 2026: Shipped the guide" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_report_file_names_are_safe() -> None:
    assert report_file_name('a/b: "c"', "close-out") == "a b c - close-out.md"
    assert report_file_name("   ", "close-out") == "report - close-out.md"


def test_a_saved_report_is_offered_to_open_or_show_in_its_folder(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page_on_closed_sprint(window, services)
    asked: list[tuple[str, Path]] = []
    monkeypatch.setattr(report_export, "open_file", lambda path: asked.append(("open", path)))
    monkeypatch.setattr(report_export, "show_in_folder", lambda p: asked.append(("folder", p)))
    for button, name in (("Show in folder", "r"), ("Open", "r2")):
        choose(monkeypatch, tmp_path / name, "PDF (*.pdf)")
        page.export_closeout()
        finished(window.ops, qtbot)
        offers = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
        assert [b.text() for b in offers] == [f"Saved {name}.pdf."]
        assert offers[0].informativeText() == f"In {tmp_path}"
        assert sorted(b.text() for b in offers[0].buttons()) == ["Close", "Open", "Show in folder"]
        next(b for b in offers[0].buttons() if b.text() == button).click()
        qtbot.waitUntil(lambda: not any(b.isVisible() for b in page.findChildren(QMessageBox)))
    assert asked == [("folder", tmp_path / "r.pdf"), ("open", tmp_path / "r2.pdf")]


def test_every_export_of_the_window_is_saved_by_the_one_flow() -> None:
    """Only ``ui/report_export.py`` writes a report's file (the timeline's ``render_pdf``,
    for tests and tools, writes what the registry's writer made)."""
    import devjournal.ui as ui

    root = Path(ui.__file__).parent
    writers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "write_export(" in path.read_text(encoding="utf-8")
    )
    assert writers == ["pages/timeline_page.py", "report_export.py"]
