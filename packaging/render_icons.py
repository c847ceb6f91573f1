"""Render the app icon's SVG into the PNG sizes desktops look for (``make icons``).

The PNGs are committed beside the SVG under ``src/devjournal/share/icons/hicolor`` so a
pip install, the bundle and the Flatpak carry the same files; a test fails when one is
missing or was not rendered from the current SVG's size.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from devjournal import APP_ID

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SHARE = Path(__file__).resolve().parent.parent / "src" / "devjournal" / "share"
HICOLOR = SHARE / "icons" / "hicolor"


def render(size: int, renderer: QSvgRenderer, out: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"))
    if not renderer.isValid():
        raise SystemExit("the app icon's SVG does not render")
    for size in SIZES:
        render(size, renderer, HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    del app
    print(f"rendered {len(SIZES)} PNG sizes into {HICOLOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
