"""Golden files: compare an output with ``tests/golden/NAME``.

A missing golden file fails the test; ``UPDATE_GOLDEN=1`` writes (or rewrites) them, then
read the diff before committing. What is compared never depends on the fonts installed or
on Qt's version: a PDF by its text (:func:`pdf_text`), an HTML page by its own markup and
text with each chart (Qt's inline SVG) reduced to its structure (:func:`html_outline`).
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GENERATED = re.compile(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d")
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
# What the SVG draws; Qt's <g> (one per change of pen), <title>, <desc> and <defs> are not.
DRAWN = ("rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text", "image")


def masked(text: str) -> str:
    """``text`` with its "Generated <when>" line made constant."""
    return GENERATED.sub("Generated <when>", text)


def pdf_text(data: bytes) -> str:
    """A PDF's text, page by page, whitespace and ligatures normalised."""
    from pypdf import PdfReader

    pages = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        text = unicodedata.normalize("NFKC", page.extract_text())
        lines = [" ".join(line.split()) for line in text.splitlines()]
        pages.append(f"--- page {number}\n" + "\n".join(line for line in lines if line))
    return "\n".join(pages) + "\n"


PDF_DATE = re.compile(rb"\(D:\d{14}[^)]*\)")
XMP_DATE = re.compile(rb'(xmp:\w+Date)="[^"]*"')


def pdf_undated(data: bytes) -> bytes:
    """A PDF with the moments Qt writes into it (its info dictionary and its XMP metadata,
    to the second, from the wall clock) made constant, so that two writes compare."""
    return XMP_DATE.sub(rb'\1=""', PDF_DATE.sub(b"(D:)", data))


def html_outline(html: str) -> str:
    """``html`` with every inline SVG chart replaced by :func:`svg_outline`; the rest (our
    template's markup and text) is kept as it is, trailing spaces and blank lines aside."""
    replaced = SVG.sub(lambda found: svg_outline(found.group(0)), html)
    lines = (line.rstrip() for line in replaced.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def svg_outline(svg: str) -> str:
    """A chart by its structure: what it draws, in order, with colours, the number of
    points of each line and the text of each label; no coordinates, sizes or fonts."""
    root = ET.fromstring(svg)
    drawn: list[str] = []
    _outline(root, {}, drawn)
    kinds = Counter(line.split(" ", 1)[0] for line in drawn)
    head = f'<svg viewBox="{root.get("viewBox", "")}"> ' + ", ".join(
        f"{kind} {count}" for kind, count in sorted(kinds.items())
    )
    return "\n".join([head, *(f"  {line}" for line in drawn), "</svg>"])


def _outline(element: ET.Element, inherited: dict[str, str], out: list[str]) -> None:
    paint = dict(inherited)
    for key in ("fill", "stroke"):
        if key in element.attrib:
            paint[key] = element.attrib[key]
    kind = element.tag.rsplit("}", 1)[-1]
    if kind in DRAWN:
        parts = [kind]
        parts += [f"{key}={paint[key]}" for key in ("fill", "stroke") if key in paint]
        if kind in ("polyline", "polygon", "path"):
            coordinates = element.get("points") or element.get("d") or ""
            parts.append(f"points={len(NUMBER.findall(coordinates)) // 2}")
        if kind == "text":
            parts.append(repr(" ".join("".join(element.itertext()).split())))
        out.append(" ".join(parts))
    for child in element:
        _outline(child, paint, out)


def check(name: str, actual: str) -> None:
    """Assert ``actual`` (masked) equals the golden file ``name``; a missing one fails."""
    path = HERE / name
    actual = masked(actual)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(
            f"no golden file {path}: run the test with UPDATE_GOLDEN=1 to write it, "
            "then read it and commit it"
        )
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites)"
