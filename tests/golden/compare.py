"""Golden files: compare an output with ``tests/golden/NAME``; ``UPDATE_GOLDEN=1`` rewrites
them (then read the diff before committing)."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
GENERATED = re.compile(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d")


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


def check(name: str, actual: str) -> None:
    """Assert ``actual`` (masked) equals the golden file ``name``."""
    path = HERE / name
    actual = masked(actual)
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites)"
