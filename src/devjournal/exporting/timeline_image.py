"""What is in view on the Timeline as a PNG image or a one-page vector PDF, in light
colours (for sharing), painted by the same painter as the screen
(``render/timeline_painter.py``). Pure: it paints the scene it is given, which the privacy
rule has already narrowed (the page reads it with a ``Sharing``). Needs a QGuiApplication.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter

from devjournal.domain.timeline import Scale
from devjournal.render.timeline_painter import TimelineScene, paint_timeline, timeline_colors


@dataclass(frozen=True)
class TimelinePicture:
    """What a timeline export paints: the scene, the view's scale and width, and the font."""

    scene: TimelineScene
    scale: Scale
    width: int
    font: QFont


def _paint_onto(device: QPaintDevice, picture: TimelinePicture) -> None:
    painter = QPainter(device)
    try:
        paint_timeline(
            painter,
            picture.width,
            scale=picture.scale,
            scene=picture.scene,
            colors=timeline_colors(),
            font=picture.font,
        )
    finally:
        painter.end()


def timeline_image(picture: TimelinePicture, scale_factor: float = 2.0) -> QImage:
    """The picture as an image, ``scale_factor`` pixels to a point."""
    width, height = picture.width, round(picture.scene.height())
    image = QImage(
        round(width * scale_factor), round(height * scale_factor), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(scale_factor)
    image.fill(timeline_colors().background)
    _paint_onto(image, picture)
    return image


def timeline_png(picture: TimelinePicture) -> bytes:
    """The picture as PNG bytes (at twice the screen's size)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    timeline_image(picture).save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def timeline_pdf(picture: TimelinePicture) -> bytes:
    """The picture as a one-page vector PDF."""
    width, height = picture.width, picture.scene.height()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(
        QPageSize(QSizeF(width * 0.75 + 36, height * 0.75 + 36), QPageSize.Unit.Point)
    )
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Point)
    writer.setResolution(96)
    writer.setTitle("devjournal timeline")
    writer.setCreator("devjournal")
    _paint_onto(writer, picture)
    del writer
    return bytes(buffer.data().data())
