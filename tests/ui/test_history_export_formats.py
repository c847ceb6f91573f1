"""The mentorship history as HTML and PDF: golden files (the PDF by its text), escaping,
and the same bytes for the same journal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from devjournal.exporting.history_export import HistoryExport, HistoryRequest, read_history
from devjournal.exporting.history_html import history_html
from devjournal.exporting.history_pdf import history_pdf
from devjournal.services.container import Services
from tests.clocks import run
from tests.golden.compare import check, html_outline, pdf_text, pdf_undated
from tests.unit.test_history_export import NOW, fill

pytestmark = pytest.mark.usefixtures("qapp")


def _export(services: Services) -> HistoryExport:
    fill(services)
    return read_history(services, HistoryRequest(), NOW)


def test_history_html_matches_its_golden_file(services: Services) -> None:
    check("history.html.txt", html_outline(history_html(_export(services))))


def test_user_text_in_the_html_is_text_and_nothing_is_live(services: Services) -> None:
    export = _export(services)
    html = history_html(export)
    assert "<script" not in html
    assert not re.search(r"<[a-z]+[^>]*\son\w+=", html)  # no tag with an event handler
    assert html.count("&lt;script&gt;alert(") == 2  # the title and the body, as text
    assert "&lt;div onclick=" in html  # a body's raw HTML block is text too
    assert 'href="javascript:' not in html  # the link lost, its text kept as typed:
    assert "[evil](javascript:alert(1))" in html
    assert '<a href="https://example.org">' in html
    assert "<img" not in html and "![tracker](" in html  # nothing is loaded: text
    assert 'href="https://example.com/delegation?a=1&amp;b=2"' in html
    assert "default-src 'none'" in html
    assert history_html(export) == html


def test_history_pdf_text_matches_its_golden_file(services: Services) -> None:
    data = history_pdf(_export(services))
    assert data.startswith(b"%PDF-")
    check("history.pdf.txt", pdf_text(data))


def test_the_same_history_gives_the_same_pdf_apart_from_its_dates(services: Services) -> None:
    export = _export(services)

    assert pdf_undated(history_pdf(export)) == pdf_undated(history_pdf(export))
    text = " ".join(PdfReader(io.BytesIO(history_pdf(export))).pages[0].extract_text().split())
    assert '<script>alert("x")</script>' in text  # shown as typed, never run or dropped


def test_export_history_pdf_and_html_from_the_terminal(tmp_path: Path) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    for fmt in ("pdf", "html"):
        target = tmp_path / f"history.{fmt}"
        args = ["export", "history", "--include-private", "--format", fmt, "-o", str(target)]
        assert run(["--home", str(tmp_path), *args]) == 0
        assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert (tmp_path / "history.pdf").read_bytes().startswith(b"%PDF-")
    assert "150 entries" in (tmp_path / "history.html").read_text(encoding="utf-8")
