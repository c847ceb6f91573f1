"""Markdown a user typed or imported cannot make Qt's reader exhaust memory or take
minutes: nesting and table width are bounded, and what lies past a bound is shown as text
(every word stays)."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import EntryKind
from devjournal.domain.models import LogEntryDraft
from devjournal.domain.rules import TEXT_MAX
from devjournal.paths import AppPaths
from devjournal.render.report_document import report_document
from devjournal.render.safe_markdown import (
    MAX_COLUMNS,
    MAX_NESTING,
    MAX_TABLE_CELLS,
    MAX_WORD,
    bounded_markdown,
    safe_markdown_html,
)
from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.history_page import HistoryPage
from devjournal.ui.widgets import safe_text_browser
from tests.ui.test_history_page import history

ONE_LINE_LIST = "- " * 99_000 + "end"
"""99,000 nested list items on one line (8.6 GB for a history PDF before the bound)."""
STAIRS = "\n".join("  " * i + f"- w{i}" for i in range(390))
"""390 nested items, one per line, each indented two more columns."""
QUOTES = ">" * 150_000 + " end"
NUMBERED = "1. " * 60_000 + "end"
WIDE = "|" + "|".join(f"w{i}" for i in range(5_000)) + "|\n|" + "-|" * 5_000 + "\n|" + "x|" * 5_000
WIDEST = "|" + "c|" * 49_000 + "\n|" + "-|" * 49_000
"""A table of 49,000 columns (45 s to export as HTML before the bound)."""
LONGEST = "\n".join(
    ["|a|b|c|d|e|f|g|h|", "|-|-|-|-|-|-|-|-|"] + [f"|{i}|x|x|x|x|x|x|x|" for i in range(9_000)]
)
"""A table of 8 columns and 9,000 rows (a minute to lay out before the bound)."""


def _text(fragment: str) -> tuple[str, str]:
    """The plain text and the HTML a browser widget makes of ``fragment``."""
    doc = QTextDocument()
    doc.setHtml(fragment)
    return doc.toPlainText(), doc.toHtml()


def _deepest_list(doc_html: str) -> int:
    return max((int(n) for n in re.findall(r"-qt-list-indent: ?(\d+)", doc_html)), default=0)


@pytest.mark.parametrize("body", [ONE_LINE_LIST, STAIRS, QUOTES, NUMBERED])
def test_deep_nesting_is_bounded_and_every_word_stays(qapp: QApplication, body: str) -> None:
    assert len(body) <= TEXT_MAX
    text, doc_html = _text(safe_markdown_html(body))
    words = re.findall(r"w\d+|end", body)
    assert [w for w in words if w not in text] == []
    assert _deepest_list(doc_html) <= MAX_NESTING


def test_the_markers_past_the_bound_are_shown_as_text(qapp: QApplication) -> None:
    text, _ = _text(safe_markdown_html("- " * 20 + "end"))
    assert text.strip().endswith("- " * (20 - MAX_NESTING - 1) + "- end")


def test_a_word_too_long_to_lay_out_gets_places_to_break(qapp: QApplication) -> None:
    blob = "QUJD" * 50_000  # a pasted blob: 200,000 characters without a space
    text, _ = _text(safe_markdown_html(blob))
    assert text.replace("\u200b", "") == blob
    assert max(len(part) for part in text.split("\u200b")) <= MAX_WORD
    listed = "/".join(f"w{i}" for i in range(20_000))
    text, _ = _text(safe_markdown_html(listed))
    assert set(text.replace("\u200b", "").split("/")) == {f"w{i}" for i in range(20_000)}


def test_a_table_too_large_is_shown_as_its_text(qapp: QApplication) -> None:
    for body in (WIDE, WIDEST, LONGEST):
        assert len(body) <= TEXT_MAX
        assert "<table" not in safe_markdown_html(body)
    text, _ = _text(safe_markdown_html(WIDE))
    assert [f"w{i}" for i in range(5_000) if f"w{i}" not in text] == []
    text, _ = _text(safe_markdown_html(LONGEST))
    assert [i for i in range(9_000) if f"|{i}|x|" not in text] == []


def test_what_is_within_the_bounds_is_left_as_typed(qapp: QApplication) -> None:
    columns = MAX_COLUMNS
    table = "|" + "|".join(f"h{i}" for i in range(columns)) + "|\n|" + "-|" * columns
    rows = MAX_TABLE_CELLS // 8 - 1
    long_table = "\n".join(["|" + "h|" * 8, "|" + "-|" * 8] + ["|" + "x|" * 8] * rows)
    nested = "\n".join("  " * i + f"- level {i}" for i in range(MAX_NESTING))
    usual = [
        table + "\n|" + "x|" * columns,
        long_table + "\n\nAfter the table.",
        nested,
        "> " * MAX_NESTING + "quoted",
        "- " * 25,  # a thematic break drawn with spaced dashes
        "```\n" + "- " * 40 + "code\n```",
        "| a | b |\n| --- | --- |\n| 1 | 2 |",
        "Plain words, *emphasis*, [a link](https://example.com).",
    ]
    for body in usual:
        assert bounded_markdown(body) is body
    assert "<table" in safe_markdown_html(usual[0])
    assert "<table" in safe_markdown_html(usual[1])
    _, doc_html = _text(safe_markdown_html(nested))
    assert _deepest_list(doc_html) == MAX_NESTING


PDF_CHILD = """
import resource, sys
from pathlib import Path
from devjournal.cli import run
code = run(["--home", sys.argv[1], "export", "history", "--include-private",
            "--format", sys.argv[2], "-o", sys.argv[3]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""
ADDRESS_SPACE = 3 * 1024**3
"""What the exporting process may map: 8.6 GB were needed before the bound."""


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.mark.parametrize(("body", "fmt"), [(ONE_LINE_LIST, "pdf"), (WIDEST, "html")])
def test_a_history_export_of_a_pathological_body_stays_in_bounded_memory(
    services: Services, paths: AppPaths, tmp_path: Path, body: str, fmt: str
) -> None:
    services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
            title="Pathological",
            body=body,
        )
    )
    out = tmp_path / f"history.{fmt}"
    done = subprocess.run(
        [sys.executable, "-c", PDF_CHILD, str(paths.data_dir), fmt, str(out)],
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ":".join(sys.path)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    peak_kb = int(done.stdout.strip().splitlines()[-1])
    assert peak_kb < 1024**2  # a GB: the process itself takes about 100 MB
    assert out.stat().st_size > 0


@st.composite
def _pathological(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A body made of pieces past and within the bounds, and the words typed in it."""
    words: list[str] = []

    def word() -> str:
        words.append(f"mk{len(words)}x")
        return words[-1]

    pieces = []
    for kind in draw(st.lists(st.sampled_from(
        ["list", "ordered", "quote", "stairs", "tabs", "table", "fence", "mixed"]
    ), min_size=1, max_size=6)):  # fmt: skip
        depth = draw(st.integers(0, 3 * MAX_NESTING))
        if kind == "list":
            pieces.append("- " * depth + word())
        elif kind == "ordered":
            pieces.append("1. " * depth + word())
        elif kind == "quote":
            pieces.append(">" * depth + " " + word())
        elif kind == "stairs":
            pieces.append("\n".join("  " * i + "- " + word() for i in range(depth)))
        elif kind == "tabs":
            pieces.append("\n".join("\t" * i + "* " + word() for i in range(depth)))
        elif kind == "mixed":
            pieces.append(
                "".join(draw(st.sampled_from(["- ", "> ", "+ ", "2) "])) for _ in range(depth))
                + word()
            )
        elif kind == "fence":
            pieces.append("```\n" + "- " * depth + word() + "\n```")
        else:
            columns = draw(st.integers(1, 2 * MAX_COLUMNS))
            rows = draw(st.integers(0, 3 * MAX_TABLE_CELLS // columns))
            lines = ["|" + "|".join(word() for _ in range(columns)) + "|", "|" + "-|" * columns]
            lines += ["|" + "|".join(word() for _ in range(columns)) + "|" for _ in range(rows)]
            pieces.append("\n".join(lines))
    joiner = draw(st.sampled_from(["\n", "\n\n"]))
    return joiner.join(pieces), words


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_pathological())
@example(case=("|mk0x|\n|-|\n```\n- - - - - - - - - - - mk1x\n```", ["mk0x", "mk1x"]))
@example(case=("|mk0x|\n|-|\n|mk1x|mk2x|\n|-|-|", ["mk0x", "mk1x", "mk2x"]))
@example(  # a table too wide is no table: the fence after it opens a code block, and the
    # one-column table after that drops the second cells of its rows unless escaped
    case=(
        "|"
        + "|".join(f"mk{i}x" for i in range(MAX_COLUMNS + 1))
        + "|\n|"
        + "-|" * (MAX_COLUMNS + 1)
        + "\n```\nmk90x\n```\n|mk91x|\n|-|\n|mk92x|mk93x|\n|-|-|\n|mk94x|mk95x|",
        [*(f"mk{i}x" for i in range(MAX_COLUMNS + 1)), *(f"mk{i}x" for i in range(90, 96))],
    )
)
def test_pathological_markdown_keeps_every_word_in_every_rendering(
    qapp: QApplication, case: tuple[str, list[str]]
) -> None:
    body, words = case
    text, doc_html = _text(safe_markdown_html(body))
    assert [w for w in words if w not in text] == []
    assert _deepest_list(doc_html) <= MAX_NESTING
    printed = report_document(body).toPlainText()
    assert [w for w in words if w not in printed] == []


# -- the window renders a long body off the GUI thread ----------------------------------


def _add(services: Services, title: str, body: str, day: int = 1) -> int:
    return services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.REFLECTION,
            occurred_at=datetime(2026, 11, day, 9, tzinfo=UTC),
            title=title,
            body=body,
        )
    ).value.id


def _select(page: HistoryPage, title: str) -> None:
    page.reload()
    model = page.list.model()
    (index,) = [
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == title
    ]
    page.list.setCurrentIndex(index)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, list[int]]]:
    """Renders wait for the gate to open, and note the thread they ran on."""
    opened, threads = threading.Event(), []
    real = safe_text_browser._rendered

    def held(*args: Any) -> QTextDocument:
        threads.append(threading.get_ident())
        opened.wait(10)  # on the GUI thread this would freeze the test: it fails instead
        return real(*args)

    monkeypatch.setattr(safe_text_browser, "_rendered", held)
    yield opened, threads
    opened.set()


def test_the_history_reader_lays_out_a_long_body_off_the_gui_thread(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    gate: tuple[threading.Event, list[int]],
) -> None:
    opened, threads = gate
    _add(services, "Deeply nested", ONE_LINE_LIST)
    page = history(window)
    _select(page, "Deeply nested")
    reader = page.reader
    assert "Deeply nested" in reader.toPlainText()
    assert "Laying out this long entry" in reader.toPlainText() and reader.rendering
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=5000)  # the event loop runs meanwhile
    assert threads and threads[0] != threading.get_ident()
    with qtbot.waitSignal(reader.page_shown, timeout=30_000):
        opened.set()
    shown = reader.toPlainText()
    assert "- - end" in shown
    assert "Laying out" not in shown and not reader.rendering


def test_a_long_body_laid_out_after_another_entry_was_chosen_is_dropped(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    gate: tuple[threading.Event, list[int]],
) -> None:
    opened, _ = gate
    _add(services, "Wide table", WIDEST, day=2)
    _add(services, "Short one", "Just *this*.", day=1)
    page = history(window)
    _select(page, "Wide table")
    assert page.reader.rendering
    _select(page, "Short one")
    opened.set()
    qtbot.waitUntil(lambda: not page.reader.rendering, timeout=30_000)
    qtbot.wait(50)
    assert "Just this." in page.reader.toPlainText()
    assert "Wide table" not in page.reader.toPlainText()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (ONE_LINE_LIST, ["- - end"]),
        (WIDEST, ["|c|c|c|"]),
        (LONGEST, ["|0|x|", "|8999|x|"]),
        (STAIRS, [f"w{i}" for i in range(390)]),
    ],
)
def test_the_reader_shows_every_pathological_body_in_the_end(
    window: MainWindow, services: Services, qtbot: QtBot, body: str, words: list[str]
) -> None:
    _add(services, "Pathological", body)
    page = history(window)
    _select(page, "Pathological")
    qtbot.waitUntil(lambda: not page.reader.rendering, timeout=60_000)
    shown = page.reader.toPlainText()
    assert "Pathological" in shown and "Laying out" not in shown
    assert [w for w in words if w not in shown] == []


def test_the_editor_previews_a_long_body_off_the_gui_thread(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    page = history(window)
    page.new_entry()
    dialog = page.dialog
    assert dialog is not None
    dialog.body_edit.setPlainText(LONGEST)
    dialog.body_tabs.setCurrentIndex(1)
    assert "Laying out this long entry" in dialog.preview.toPlainText()
    qtbot.waitUntil(lambda: not dialog.preview.rendering, timeout=60_000)
    assert "|8999|x|" in dialog.preview.toPlainText()
