"""Review of a period, from the File menu: the range and its quick choices, the live
preview, private items on request, and Print / Save as Markdown, HTML and PDF of what is
shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from devjournal.exporting.review import ReviewRequest
from devjournal.sample import SampleSize
from devjournal.services.container import Services
from devjournal.ui.dialogs.review_dialog import ReviewDialog
from devjournal.ui.formatting import to_qdate
from devjournal.ui.main_window import MainWindow
from tests.golden.compare import pdf_text
from tests.ui.prompts import choose, finished


def _preview(dialog: ReviewDialog) -> str:
    return dialog.preview.document().toPlainText()


def _read(dialog: ReviewDialog, qtbot: QtBot, says: str) -> str:
    """Wait for the preview to show a review that says ``says``; its text."""
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and says in _preview(dialog))
    return _preview(dialog)


@pytest.fixture
def dialog(
    services: Services, make_window: Callable[[], MainWindow], qtbot: QtBot
) -> tuple[MainWindow, ReviewDialog]:
    services.journal.fill_sample(SampleSize.SMALL)
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    assert window.review_action.text() == "&Review of a period…"
    window.review_action.trigger()
    opened = window.review_dialog
    assert opened is not None and opened.isVisible()
    return window, opened


def test_the_dialog_opens_on_the_last_12_months_with_a_preview(
    dialog: tuple[MainWindow, ReviewDialog], qtbot: QtBot
) -> None:
    _window, review = dialog
    assert review.request == ReviewRequest(date(2025, 11, 19), date(2026, 11, 18))
    text = _read(review, qtbot, "19 Nov 2025 – 18 Nov 2026")
    assert text.startswith("Review of the period\n19 Nov 2025 – 18 Nov 2026 · made 2026-11-18")
    for heading in ("Wins", "Goal outcomes", "Feedback themes", "Follow-through on commitments"):
        assert f"\n{heading}\n" in text
    assert review.private_box.text().startswith("Include private items (")
    assert review.private_box.text().endswith("private items left out)")

    review.private_box.setChecked(True)
    qtbot.waitUntil(lambda: "mind who you share it with" in review.private_box.text())
    assert review.review is not None and review.review.include_private


def test_quick_choices_and_a_reversed_range(
    dialog: tuple[MainWindow, ReviewDialog], qtbot: QtBot
) -> None:
    _window, review = dialog
    _read(review, qtbot, "19 Nov 2025")
    review.preset_buttons["Last year"].click()
    assert review.request == ReviewRequest(date(2025, 1, 1), date(2025, 12, 31))
    _read(review, qtbot, "1 Jan 2025 – 31 Dec 2025")

    review.from_edit.setDate(to_qdate(date(2026, 3, 1)))
    review.to_edit.setDate(to_qdate(date(2026, 2, 1)))
    assert review.problem.isVisible()
    assert review.problem.text() == "The range starts (1 Mar 2026) after it ends (1 Feb 2026)."
    assert not review.save_button.isEnabled() and not review.print_button.isEnabled()

    review.to_edit.setDate(to_qdate(date(2026, 3, 31)))
    assert not review.problem.isVisible()
    _read(review, qtbot, "1 Mar 2026 – 31 Mar 2026")


def test_print_and_save_in_every_format(
    dialog: tuple[MainWindow, ReviewDialog],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, review = dialog
    text = _read(review, qtbot, "19 Nov 2025")
    wins = text.split("\nWins\n", 1)[1].split("\n")[0]  # "N wins."

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert review.print_to(printer) >= 1
    assert wins in pdf_text(printed.read_bytes())

    for name, name_filter in (
        ("review.md", "Markdown (*.md)"),
        ("review.html", "HTML (*.html)"),
        ("review.pdf", "PDF (*.pdf)"),
    ):
        target = tmp_path / name
        chooser = choose(monkeypatch, target, name_filter)
        review.save_button.click()
        finished(window.ops, qtbot)
        assert Path(chooser.asked[0][1]).name == "2025-11-19 to 2026-11-18 - review.md"
        assert review.saved_to == target and f"Saved to {name}." in review.status.text()
        assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert (
        (tmp_path / "review.md")
        .read_text(encoding="utf-8")
        .startswith("# Review of the period\n\n19 Nov 2025 – 18 Nov 2026")
    )
    assert f"<p>{wins}</p>" in (tmp_path / "review.html").read_text(encoding="utf-8")
    assert wins in pdf_text((tmp_path / "review.pdf").read_bytes())
