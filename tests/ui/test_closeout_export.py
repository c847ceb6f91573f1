"""The close-out report as HTML and PDF, compared with golden files (the PDF by its text)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from devjournal.exporting.closeout import CloseoutReport, sprint_closeout
from devjournal.exporting.closeout_html import closeout_html
from devjournal.exporting.closeout_pdf import closeout_charts, closeout_document, closeout_pdf
from devjournal.render.report_document import chart_rects, print_document
from devjournal.services.container import Services
from tests.clocks import run
from tests.golden.compare import check, html_outline, pdf_text, pdf_undated
from tests.unit.test_closeout import NOW, fill

pytestmark = pytest.mark.usefixtures("qapp")


def _report(services: Services) -> CloseoutReport:
    return sprint_closeout(services, fill(services), NOW)


def test_closeout_html_matches_its_golden_file(services: Services) -> None:
    check("closeout.html.txt", html_outline(closeout_html(_report(services))))


def test_closeout_html_is_escaped_self_contained_and_has_the_charts(services: Services) -> None:
    report = _report(services)
    evil = replace(report, sprint_title="<script>alert(1)</script>")
    html = closeout_html(evil)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Next time, &lt;b&gt;start&lt;/b&gt; the on-call goal earlier." in html
    assert html.count("<svg") == 2  # the goals with a baseline and target
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert closeout_html(evil) == html


def test_closeout_pdf_text_matches_its_golden_file(services: Services) -> None:
    data = closeout_pdf(_report(services))
    assert data.startswith(b"%PDF-")
    check("closeout.pdf.txt", pdf_text(data))


def test_the_same_report_gives_the_same_pdf_apart_from_its_dates(services: Services) -> None:
    report = _report(services)

    assert pdf_undated(closeout_pdf(report)) == pdf_undated(closeout_pdf(report))
    page = PdfReader(io.BytesIO(closeout_pdf(report))).pages[0]
    assert "ideal pace" in " ".join(page.extract_text().split())  # the charts, as vectors


def test_no_chart_is_cut_by_a_page_break(services: Services, tmp_path: Path) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter

    report = _report(services)
    many = replace(report, goals=report.goals * 4)  # enough charts to cross pages
    doc = closeout_document(many)
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pages = print_document(doc, closeout_charts(many), writer)
    del writer
    assert pages > 1
    height = doc.pageSize().height()
    rects = chart_rects(doc)
    assert len(rects) == 8
    for _, rect in rects:
        assert rect.top() // height == (rect.bottom() - 0.01) // height


def test_export_closeout_pdf_and_html_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path)
    assert run(["--home", home, "sample", "--size", "small"]) == 0
    for fmt in ("pdf", "html"):
        target = tmp_path / f"closeout.{fmt}"
        assert run(["--home", home, "export", "closeout", "--format", fmt, "-o", str(target)]) == 0
        assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert (tmp_path / "closeout.pdf").read_bytes().startswith(b"%PDF-")
    html = (tmp_path / "closeout.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "Wrote the close-out report" in capsys.readouterr().out
