"""The Qt binding must not drain ``None``'s reference count.

PySide6 6.12.0 on Python 3.11 takes one reference from ``None`` on every call of a method
that returns nothing, so a few thousand calls (opening a page, painting a chart) end the
process with "Fatal Python error: none_dealloc". pyproject.toml excludes that release; this
test fails loudly if another release with the same fault is installed.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont, QPalette


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calls_that_return_nothing_leave_none_alone() -> None:
    font, palette = QFont(), QPalette()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setPointSizeF(10.0)
        palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Text))
    assert abs(sys.getrefcount(None) - before) < 50
