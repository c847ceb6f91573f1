"""A report (Markdown plus goal charts) as a QTextDocument, for the screen, the printer and
PDF.

The Markdown names each chart as an image ``![...](chart:KEY)``. :func:`report_document`
lays the Markdown out with Qt's own Markdown reader and leaves a line as tall as a chart in
each chart's place; :func:`paint_charts` paints the :class:`GoalChart` there with whatever
painter draws the page, so a preview, a printed page and a PDF page all carry the same
vector chart (no bitmaps).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from devjournal.render.goal_chart import GoalChart
from devjournal.render.safe_markdown import bounded_markdown, drop_unsafe_links

CHART_PREFIX = "chart:"
CHART_KEY = int(QTextFormat.Property.UserProperty) + 1
"""The block property naming the chart a block stands in for."""
CHART_ASPECT = 0.36
"""A chart's height over its width."""
PAGE_MARGIN_MM = 18.0


def report_document(
    markdown: str, *, font: QFont | None = None, text_color: QColor | None = None
) -> QTextDocument:
    """The Markdown laid out as a document; each ``chart:KEY`` image becomes an empty line
    as tall as the chart, which :func:`paint_charts` fills.

    The Markdown may carry what users wrote (entry bodies), so HTML in it stays text, any
    other image is dropped before layout, which would load it (a path, a share,
    ``/dev/zero``), and a link to anything but web or mail keeps its text and loses its
    link (``safe_markdown.drop_unsafe_links``): a PDF made from the document has no
    ``file:``, ``javascript:`` or relative link to click. Nesting and table width are
    bounded (:func:`bounded_markdown`), so no body can make the layout exhaust memory.

    (A line is never split between pages, so a chart is never cut in two. Qt's own text
    objects are not used: in PySide6 6.12 a Python ``QPyTextObject`` corrupts ``None``'s
    reference count on each call.)
    """
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    base = QFont(font) if font is not None else QFont()
    if font is None:
        base.setPointSizeF(10.0)
    doc.setDefaultFont(base)
    features = QTextDocument.MarkdownFeature
    doc.setMarkdown(
        bounded_markdown(markdown), features.MarkdownDialectGitHub | features.MarkdownNoHTML
    )
    drop_unsafe_links(doc)
    if text_color is not None:
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextCharFormat()
        fmt.setForeground(text_color)
        cursor.mergeCharFormat(fmt)
    _place_charts(doc)
    return doc


def _place_charts(doc: QTextDocument) -> None:
    """Swap every ``chart:KEY`` image for a chart line (a no-break space in a block that
    names the chart), and drop every other image."""
    found: list[tuple[int, int, str | None]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                name = fmt.toImageFormat().name()
                key = name[len(CHART_PREFIX) :] if name.startswith(CHART_PREFIX) else None
                found.append((fragment.position(), fragment.length(), key))
            it += 1
        block = block.next()
    for position, length, key in reversed(found):
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        if key is None:
            cursor.removeSelectedText()
            continue
        cursor.insertText("\u00a0", QTextCharFormat())
        block_format = cursor.blockFormat()
        block_format.setProperty(CHART_KEY, key)
        cursor.setBlockFormat(block_format)
    fit_charts(doc, 480.0)


def _chart_blocks(doc: QTextDocument) -> Iterator[tuple[QTextBlock, str]]:
    block = doc.begin()
    while block.isValid():
        key = block.blockFormat().property(CHART_KEY)
        if isinstance(key, str):
            yield block, key
        block = block.next()


def _line_scale(doc: QTextDocument) -> float:
    """How Qt scales a fixed line height on the document's paint device (it counts them
    in pixels at 96 dpi)."""
    device = doc.documentLayout().paintDevice()
    return device.logicalDpiY() / 96 if device is not None else 1.0


def fit_charts(doc: QTextDocument, width: float) -> None:
    """Make every chart line as tall as a chart ``width`` wide (call when the text width
    changes)."""
    height = max(60.0, width * CHART_ASPECT) / _line_scale(doc)
    cursor = QTextCursor(doc)
    for block, _ in list(_chart_blocks(doc)):
        fmt = block.blockFormat()
        if fmt.lineHeight() == height:
            continue
        fmt.setLineHeight(height, int(QTextBlockFormat.LineHeightTypes.FixedHeight.value))
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)


def finish_layout(doc: QTextDocument) -> None:
    """Lay out the whole document now (Qt lays a paged document out lazily, a part at a
    time from a timer, and would otherwise print only the first part)."""
    doc.documentLayout().blockBoundingRect(doc.lastBlock())  # lays out up to the end


def chart_rects(doc: QTextDocument) -> list[tuple[str, QRectF]]:
    """Where each chart goes, in document coordinates: (key, rect)."""
    layout = doc.documentLayout()
    margin = doc.documentMargin()
    width = doc.textWidth() if doc.textWidth() > 0 else layout.documentSize().width()
    width -= 2 * margin
    scale = _line_scale(doc)
    out = []
    for block, key in _chart_blocks(doc):
        line = block.layout().lineAt(0)
        if not line.isValid():
            continue  # not laid out yet
        # The block is one fixed-height line: the chart fills it. On pages, Qt moves a
        # line that would cross the foot of a page to the top of the next page, leaving
        # its block's top behind: the chart follows the line.
        height = block.blockFormat().lineHeight() * scale
        top = layout.blockBoundingRect(block).y()
        page = doc.pageSize().height()
        if 0 < page < 1e9 and top // page != (top + height - 0.01) // page:
            top = (top // page + 1) * page
        out.append((key, QRectF(margin, top, width, height)))
    return out


def paint_charts(
    painter: QPainter,
    doc: QTextDocument,
    charts: Mapping[str, GoalChart],
    clip: QRectF | None = None,
    rects: list[tuple[str, QRectF]] | None = None,
) -> None:
    """Paint each chart in its line (those meeting ``clip``, in document coordinates).

    ``rects`` is :func:`chart_rects` worked out once for many pages (finding them walks
    every block of the document)."""
    if not charts:
        return
    for key, rect in chart_rects(doc) if rects is None else rects:
        chart = charts.get(key)
        if chart is None or (clip is not None and not clip.intersects(rect)):
            continue
        painter.save()
        painter.fillRect(rect, chart.colors.background)
        chart.paint(painter, rect)
        painter.restore()


def print_document(
    doc: QTextDocument,
    charts: Mapping[str, GoalChart],
    device: QPagedPaintDevice,
    *,
    footer: str = "",
) -> int:
    """Lay ``doc`` out on ``device``'s pages and paint them, its charts as vectors, with
    ``footer`` and a page number at the foot of each; returns the number of pages.

    The document is paginated in place: its page size becomes the device's.
    """
    layout: QPageLayout = device.pageLayout()
    dpi = device.logicalDpiY()
    page = QRectF(layout.paintRectPixels(dpi))
    footer_height = dpi * 0.35
    body = QSizeF(page.width(), page.height() - footer_height)
    doc.documentLayout().setPaintDevice(device)
    fit_charts(doc, body.width())
    doc.setPageSize(body)
    finish_layout(doc)
    pages = max(1, doc.pageCount())
    rects = chart_rects(doc) if charts else []
    painter = QPainter(device)
    try:
        footer_font = QFont(doc.defaultFont())
        footer_font.setPointSizeF(max(6.0, doc.defaultFont().pointSizeF() * 0.8))
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            # One device pixel short: Qt draws a line whose top is exactly on the clip's
            # bottom edge (a line it moved to the next page), which would print it twice.
            context.clip = QRectF(0, number * body.height(), body.width(), body.height() - 1)
            context.palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            paint_charts(painter, doc, charts, context.clip, rects)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#666666"))
            foot = QRectF(0, body.height(), body.width(), footer_height)
            label = (
                f"{footer} · page {number + 1} of {pages}"
                if footer
                else f"Page {number + 1} of {pages}"
            )
            painter.drawText(
                foot, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight), label
            )
    finally:
        painter.end()
    return pages


def document_pdf(
    doc: QTextDocument, charts: Mapping[str, GoalChart], *, title: str, footer: str = ""
) -> bytes:
    """``doc`` as A4 PDF bytes. The same document gives the same bytes, apart from the
    creation date Qt stamps in the file's metadata (the "generated" line of a PDF)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("devjournal")
    _stable_id(writer, doc)
    print_document(doc, charts, writer, footer=footer)
    del writer
    return bytes(buffer.data().data())


def _stable_id(writer: QPdfWriter, doc: QTextDocument) -> None:
    """Give the PDF an id from its text, not a random one, where Qt allows it (6.8+).

    (From the plain text: Qt's ``toMarkdown`` took a minute on one paragraph of 200,000
    characters.)"""
    set_id = getattr(writer, "setDocumentId", None)
    if set_id is None:
        return
    from PySide6.QtCore import QUuid  # noqa: PLC0415

    digest = hashlib.sha256(doc.toPlainText().encode("utf-8")).digest()[:16]
    set_id(QUuid.fromRfc4122(QByteArray(digest)))
