"""The golden-file comparison itself: a missing golden fails, and a chart is compared by
what it draws, not by where Qt put it or which font it named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import compare

CHART = """<p>Before &lt;b&gt;</p>
  <svg width="225.778mm" viewBox="0 0 640 220" xmlns="http://www.w3.org/2000/svg">
<title>Qt SVG Document</title>
<g fill="none" stroke="#2f6fde" font-family="Sans Serif" font-size="9">
<polyline points="58.1563,23.607 628,188.03 " />
<text fill="#4a5059" x="12.5781" y="191.141" font-family="Sans Serif"> 10  hours</text>
</g>
</svg>
<p>After</p>
"""


def test_a_missing_golden_file_fails_and_says_how_to_write_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    monkeypatch.setattr(compare, "HERE", tmp_path)
    with pytest.raises(pytest.fail.Exception, match="UPDATE_GOLDEN=1"):
        compare.check("new.txt", "text")
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    compare.check("new.txt", "text")
    monkeypatch.delenv("UPDATE_GOLDEN")
    compare.check("new.txt", "text")
    with pytest.raises(AssertionError, match="differs"):
        compare.check("new.txt", "other text")


def test_a_chart_is_outlined_by_what_it_draws() -> None:
    assert compare.html_outline(CHART) == (
        "<p>Before &lt;b&gt;</p>\n"
        '  <svg viewBox="0 0 640 220"> polyline 1, text 1\n'
        "  polyline fill=none stroke=#2f6fde points=2\n"
        "  text fill=#4a5059 stroke=#2f6fde '10 hours'\n"
        "</svg>\n"
        "<p>After</p>\n"
    )


def test_coordinates_and_fonts_do_not_count_but_points_colours_and_labels_do() -> None:
    moved = CHART.replace("58.1563,23.607", "60,20.5").replace("Sans Serif", "DejaVu Sans")
    assert compare.html_outline(moved) == compare.html_outline(CHART)
    for changed in (
        CHART.replace("628,188.03 ", "300,100 628,188.03"),  # one more point
        CHART.replace("#2f6fde", "#c0392b"),  # another colour
        CHART.replace("10  hours", "12 hours"),  # another label
        CHART.replace("<p>After</p>", "<p>after</p>"),  # the page's own text
    ):
        assert compare.html_outline(changed) != compare.html_outline(CHART)


def test_two_pdfs_written_a_second_apart_compare_equal_once_undated() -> None:
    # Qt stamps both the info dictionary and the XMP metadata from the wall clock; a
    # comparison that masked only the first failed whenever a second ticked between writes.
    def written_at(second: int) -> bytes:
        return (
            f"/CreationDate (D:202612041838{second:02d}+00'00')\n"
            f'xmp:CreateDate="2026-12-04T18:38:{second:02d}+00:00" '
            f'xmp:ModifyDate="2026-12-04T18:38:{second:02d}+00:00" '
            f'xmp:MetadataDate="2026-12-04T18:38:{second:02d}+00:00"'
        ).encode()

    assert compare.pdf_undated(written_at(16)) == compare.pdf_undated(written_at(17))
    assert compare.pdf_undated(written_at(16)) != written_at(16)
