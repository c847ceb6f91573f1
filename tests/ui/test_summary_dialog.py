"""Prepare session summary: the preview, the editable "to discuss" list, private items on
request, and copy / print / save of exactly what is shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import Scope
from devjournal.domain.models import GoalDraft
from devjournal.services.container import Services
from devjournal.ui.dialogs.summary_dialog import SummaryDialog
from devjournal.ui.main_window import MainWindow
from tests.golden.compare import pdf_text
from tests.ui.prompts import choose, finished
from tests.ui.test_coaching_page import page_of
from tests.unit.test_summary import fill


def _open(window: MainWindow, services: Services, goal: bool = False) -> SummaryDialog:
    sprint_id = fill(services)
    page = page_of(window)
    page.open_sprint(sprint_id)
    if goal:
        card = next(iter(page.goal_cards.values()))
        card.summary_button.click()
    else:
        assert page.summary_button.isVisible()
        page.summary_button.click()
    dialog = page.summary_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _preview(dialog: SummaryDialog) -> str:
    return dialog.preview.document().toPlainText()


def test_the_preview_shows_the_summary_with_its_chart(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = _open(window, services)
    text = _preview(dialog)
    assert "Review turnaround — Behind" in text
    assert "30 → 24 → 10 hours (30% of the way)" in text
    assert "Block review slots (due 5 Nov 2026): overdue (13 days)" in text
    assert "Secret goal" not in text and "left out" not in text
    # What was left out is said in the dialog, not in the coach's copy.
    assert dialog.private_box.text() == "Include every private item (2 private items left out)"
    assert [box.text() for box in dialog.goal_boxes.values()] == ["Secret goal"]
    assert not any(box.isChecked() for box in dialog.goal_boxes.values())
    # The chart is painted in its place: the preview has a chart line, and pixels there.
    from devjournal.render.report_document import chart_rects

    (key, rect), *_ = chart_rects(dialog.preview.document())
    assert key == "goal-0" and rect.height() > 80
    assert [dialog.discuss_list.item(i).text() for i in range(dialog.discuss_list.count())] == [
        "Review turnaround: behind: what is in the way?",
        "Block review slots: overdue (13 days), what would help?",
    ]


def test_the_to_discuss_list_is_editable_and_the_preview_follows(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    dialog = _open(window, services)
    dialog.add_button.click()
    editor = dialog.discuss_list.findChild(QLineEdit)
    assert editor is not None  # typing goes straight into the new point
    qtbot.keyClicks(editor, "Ask about the staff promotion  packet")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the edit on the next event loop
    qtbot.waitUntil(lambda: "Ask about the staff promotion packet" in _preview(dialog))
    dialog.discuss_list.setCurrentRow(0)
    dialog.remove_button.click()
    assert "what is in the way?" not in _preview(dialog)
    # Including private items reads the summary again; the edited list stays as edited.
    dialog.private_box.setChecked(True)
    text = _preview(dialog)
    assert "Secret goal" in text and "left out" not in text
    assert "Ask about the staff promotion packet" in text
    assert "what is in the way?" not in text


def test_copy_print_and_save_give_what_is_shown(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _open(window, services)
    dialog.set_points(["Promotion timeline <b>now</b>"])
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("# Review faster \\<fast\\>")
    assert "- Promotion timeline \\<b\\>now\\</b\\>" in copied

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == 1
    assert "Promotion timeline <b>now</b>" in pdf_text(printed.read_bytes())

    target = tmp_path / "summary.pdf"
    choose(monkeypatch, target, "PDF (*.pdf)")
    dialog.save_button.click()
    finished(window.ops, qtbot)
    assert dialog.saved_to == target and "Saved to summary.pdf." in dialog.status.text()
    text = pdf_text(target.read_bytes())
    assert "Promotion timeline <b>now</b>" in text and "ideal pace" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert len(PdfReader(io.BytesIO(target.read_bytes())).pages) == 1

    html = tmp_path / "summary.html"
    choose(monkeypatch, html, "HTML (*.html)")
    dialog.save_button.click()
    finished(window.ops, qtbot)
    assert "Promotion timeline &lt;b&gt;now&lt;/b&gt;" in html.read_text(encoding="utf-8")


def test_a_summary_of_one_goal(window: MainWindow, services: Services) -> None:
    dialog = _open(window, services, goal=True)
    text = _preview(dialog)
    assert "For one goal: Review turnaround." in text
    assert "Review turnaround — Behind" in text
    assert "Block review slots" not in text  # not linked to the goal


def test_points_from_private_items_leave_when_private_is_turned_off(
    window: MainWindow, services: Services
) -> None:
    dialog = _open(window, services)
    dialog.private_box.setChecked(True)
    private_point = "Secret goal: no check-in lately"
    points = [dialog.discuss_list.item(i).text() for i in range(dialog.discuss_list.count())]
    assert private_point in points
    dialog.set_points([*reversed(points), "My own point"])  # the user edits the list
    dialog.private_box.setChecked(False)
    kept = [dialog.discuss_list.item(i).text() for i in range(dialog.discuss_list.count())]
    assert private_point not in kept and "My own point" in kept
    assert private_point not in dialog.preview.document().toPlainText()


def test_a_private_goal_alone_is_not_named(window: MainWindow, services: Services) -> None:
    from devjournal.exporting.summary import sprint_summary, summary_markdown
    from tests.unit.test_summary import NOW

    sprint_id = fill(services)
    secret = next(
        g.goal.id
        for g in services.coaching.sprint_view(sprint_id).goals
        if g.goal.title == "Secret goal"
    )
    text = summary_markdown(sprint_summary(services, sprint_id, NOW, goal_id=secret))
    assert "Secret goal" not in text and "private" not in text and "For one goal" not in text
    assert "No goals to show.\n\n## Commitments" in text


def test_private_goals_are_included_one_by_one(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    sprint_id = fill(services)
    other = services.coaching.add_goal(
        GoalDraft(sprint_id=sprint_id, title="Other & secret", scope=Scope.PRIVATE)
    ).value
    page = page_of(window)
    page.open_sprint(sprint_id)
    page.summary_button.click()
    dialog = page.summary_dialog
    assert dialog is not None
    boxes = dialog.goal_boxes
    assert [box.text() for box in boxes.values()] == ["Secret goal", "Other && secret"]
    secret = next(goal_id for goal_id, box in boxes.items() if box.text() == "Secret goal")
    boxes[secret].click()
    text = _preview(dialog)
    assert "Secret goal" in text and "Other & secret" not in text
    assert dialog.private_box.text() == "Include every private item (2 private items left out)"
    # Every private item: every goal is in, and ticked; turning it off goes back to the one.
    dialog.private_box.click()
    assert "Other & secret" in _preview(dialog) and "Just for me" in _preview(dialog)
    assert all(box.isChecked() and not box.isEnabled() for box in boxes.values())
    dialog.private_box.click()
    assert boxes[secret].isChecked() and not boxes[other.id].isChecked()
    assert "Secret goal" in _preview(dialog) and "Other & secret" not in _preview(dialog)
    boxes[secret].click()
    assert "Secret goal" not in _preview(dialog)


def test_with_nothing_to_discuss_the_copy_has_no_section_and_the_dialog_says_why(
    window: MainWindow, services: Services
) -> None:
    dialog = _open(window, services)
    dialog.set_points([])
    assert "To discuss" not in _preview(dialog) and "add your own" not in _preview(dialog)
    assert "add your own points" in dialog.discuss_hint.text()


def test_the_summary_asked_of_a_private_goal_includes_it_and_says_so(
    window: MainWindow, services: Services
) -> None:
    """Found by review: from a private goal's card the summary showed no goal at all
    ("No goals to show"), as if it were of the whole sprint. The goal the user chose goes
    in, and its box is ticked, so they can still take it out."""
    sprint_id = fill(services)
    page = page_of(window)
    page.open_sprint(sprint_id)
    secret = next(
        g.goal.id
        for g in services.coaching.sprint_view(sprint_id).goals
        if g.goal.title == "Secret goal"
    )
    page.goal_cards[secret].summary_button.click()
    dialog = page.summary_dialog
    assert dialog is not None and dialog.isVisible()
    text = _preview(dialog)
    assert "For one goal: Secret goal" in text and "No goals to show" not in text
    box = next(iter(dialog.goal_boxes.values()))
    assert box.isChecked()
    box.click()
    assert "Secret goal" not in _preview(dialog)
