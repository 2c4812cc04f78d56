"""Print paragraphs to a PDF with Qt's QPdfWriter, laid out as an official document.

Each paragraph's first line is indented by two characters and the other lines are filled to the
right margin; every page has a running header and a centred page number ``— N —``. Used by the
PDF tests to make PDFs from real document text without LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def _application() -> None:
    pytest.importorskip("PySide6.QtWidgets")  # the parser's tests also run without Qt
    from PySide6.QtWidgets import QApplication

    # A QApplication, not a QGuiApplication: the GUI tests that may run later need widgets.
    QApplication.instance() or QApplication([])


def cjk_family() -> str:
    """The Chinese font MatrixDesk prints with here: a system font, else the Noto Sans SC it
    ships (``pylopdf-fonts-zh-cn``, registered as the app registers it), so the PDF tests run
    on a machine without Chinese fonts too. Skipped only when neither is there."""
    from PySide6.QtGui import QFontDatabase

    from matrixdesk.report.fonts import cjk_family as printing_family

    _application()
    family = printing_family()
    if family not in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no Chinese font: none installed and pylopdf-fonts-zh-cn missing")
    return family


def write_pdf(paragraphs: list[str], path: Path, header: str = "") -> None:
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import QFont, QFontMetricsF, QPageSize, QPainter, QPdfWriter

    family = cjk_family()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    font = QFont(family)
    font.setPixelSize(16)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    left, width, top, bottom = 80.0, 432.0, 90.0, 760.0
    em = metrics.horizontalAdvance("国")
    state = {"y": top, "page": 1}

    def centred(text: str, y: float) -> None:
        painter.drawText(QPointF(left + (width - metrics.horizontalAdvance(text)) / 2, y), text)

    def furniture() -> None:
        if header:
            centred(header, 50)
        centred(f"— {state['page']} —", 800)

    furniture()
    for text in paragraphs:
        indent = 2 * em
        while text:
            n = 1
            while n < len(text) and metrics.horizontalAdvance(text[: n + 1]) <= width - indent:
                n += 1
            if state["y"] > bottom:
                writer.newPage()
                state["page"] += 1
                state["y"] = top
                furniture()
            painter.drawText(QPointF(left + indent, state["y"]), text[:n])
            text, indent = text[n:], 0.0
            state["y"] += 28
    painter.end()


def write_scan(path: Path, pages: int = 2) -> None:
    """A PDF whose pages are pictures only, as a scanner writes them."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    _application()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    image = QImage(200, 280, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for x in range(20, 180):
        for y in range(40, 240, 12):
            image.setPixelColor(x, y, QColor("black"))
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    painter.end()
