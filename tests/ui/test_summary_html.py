"""The goal summary as one self-contained HTML file."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from devjournal.exporting.summary import sprint_summary
from devjournal.exporting.summary_html import summary_html
from devjournal.services.container import Services
from tests.clocks import run
from tests.unit.test_summary import NOW, fill


@pytest.mark.usefixtures("qapp")
def test_html_is_escaped_self_contained_and_has_the_charts(services: Services) -> None:
    sprint_id = fill(services)
    summary = sprint_summary(
        services,
        sprint_id,
        NOW,
    )
    evil = replace(summary, sprint_title="<script>alert(1)</script>")
    html = summary_html(evil)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<svg") == 1  # one chart: the goal with a baseline and target
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from anywhere
    assert "Check-in 12 Nov 2026: 24 hours — slots helped" in html
    assert summary_html(evil) == html  # the same journal gives the same file


def test_export_summary_html_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    target = tmp_path / "summary.html"
    assert (
        run(["--home", str(tmp_path), "export", "summary", "--format", "html", "-o", str(target)])
        == 0
    )
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<svg" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"
