"""The goal summary as HTML and PDF, compared with golden files (the PDF by its text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from devjournal.exporting.summary import GoalSummary, sprint_summary
from devjournal.exporting.summary_html import summary_html
from devjournal.exporting.summary_pdf import summary_pdf
from devjournal.services.container import Services
from tests.clocks import run
from tests.golden.compare import check, html_outline, pdf_text, pdf_undated
from tests.unit.test_summary import NOW, fill

pytestmark = pytest.mark.usefixtures("qapp")


def _summary(services: Services) -> GoalSummary:
    sprint_id = fill(services)
    return sprint_summary(
        services,
        sprint_id,
        NOW,
    )


def test_summary_html_matches_its_golden_file(services: Services) -> None:
    check("summary.html.txt", html_outline(summary_html(_summary(services))))


def test_summary_pdf_text_matches_its_golden_file(services: Services) -> None:
    data = summary_pdf(_summary(services))
    assert data.startswith(b"%PDF-")
    check("summary.pdf.txt", pdf_text(data))


def test_the_pdf_chart_is_vector_not_a_picture(services: Services) -> None:
    reader = PdfReader(__import__("io").BytesIO(summary_pdf(_summary(services))))
    page = reader.pages[0]
    resources = page["/Resources"]
    assert "/XObject" not in resources or not any(
        obj.get_object().get("/Subtype") == "/Image"
        for obj in resources["/XObject"].values()  # type: ignore[union-attr]
    )
    # The chart's axis labels are text on the page, as the screen draws them.
    assert "ideal pace" in " ".join(page.extract_text().split())


def test_the_same_summary_gives_the_same_pdf_apart_from_its_dates(services: Services) -> None:
    summary = _summary(services)
    first, second = summary_pdf(summary), summary_pdf(summary)

    assert pdf_undated(first) == pdf_undated(second)


def test_export_summary_pdf_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path)
    assert run(["--home", home, "sample", "--size", "small"]) == 0
    target = tmp_path / "summary.pdf"
    assert run(["--home", home, "export", "summary", "--format", "pdf", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert "Wrote the summary" in capsys.readouterr().out
    # A PDF is not text for a terminal.
    assert run(["--home", home, "export", "summary", "--format", "pdf"]) == 1
    assert "-o FILE" in capsys.readouterr().err
