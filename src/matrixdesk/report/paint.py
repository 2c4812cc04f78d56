"""Painting the reports: PDF files and any paged device (a QPrinter the window hands over).

One routine, :func:`paint_report`, paints any paged device (QPdfWriter, QPrinter, the printer a
print preview hands out): it lays the report out with ``layout.py`` using the device's own page
rectangle and font metrics, so the page count is known before the first page is painted. The CLI
calls :func:`render_pdf` headless; :func:`ensure_app` gives it an offscreen application. Only
QtCore and QtGui: no widgets, no print dialogs (those are the window's, in ``ui/printing.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from matrixdesk.core.model import Plan, Role
from matrixdesk.core.safefile import DiskFullError, OutputError, atomic_output, output_error
from matrixdesk.report.fonts import cjk_family, ensure_cjk_font, report_family
from matrixdesk.report.layout import (
    Layout,
    MatrixLayout,
    Metrics,
    Page,
    ReportOptions,
    TableLayout,
    TitleBlock,
    find_department,
    layout_report,
)
from matrixdesk.report.textlayer import glyph_aliases, repair_text_layer

__all__ = [
    "PAGE_SIZES",
    "Progress",
    "ReportCancelled",
    "ReportOptions",
    "cjk_family",
    "ensure_app",
    "layout_for",
    "page_layout",
    "page_size",
    "pdf_writer",
    "paint_report",
    "render_pdf",
    "report_fonts",
]

#: Paper the CLI and the report options name: ISO sizes, and 16K (正16开, 184 × 260 mm), the
#: book-size paper of Chinese offices (Qt's "Prc16K" is a different, smaller envelope size).
PAGE_SIZES = ("A4", "A3", "B5", "16K")
MARGIN_MM = 12.0
PDF_DPI = 300
FULL_DISK_BYTES = 4 * 1024 * 1024  # less free space than this after a failed write: a full disk
BODY_PT = {"matrix": 8.5, "list": 10.0}
# body text wraps by the Unicode line-breaking rules (no 、or ）at a line start); the narrow
# matrix header columns may break anywhere, so a Latin word in a name cannot overflow
WRAP = Qt.TextFlag.TextWordWrap
NARROW_WRAP = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
HEADER_FILL = QColor(232, 236, 242)
HEADING_FILL = QColor(244, 244, 244)
ZEBRA_FILL = QColor(249, 250, 252)
CONTINUED_TEXT = QColor(80, 80, 80)  # a heading repeated at the top of a page, marked （续）

_app: list[QCoreApplication] = []  # keeps an application we created alive


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is None:
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1] or ["matrixdesk"])
        _app.append(app)
    if isinstance(app, QGuiApplication):
        ensure_cjk_font()
    return app


def page_layout(options: ReportOptions) -> QPageLayout:
    """Paper size, orientation and margins for ``options``."""
    size = page_size(options.page_size)
    orientation = (
        QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


def page_size(name: str) -> QPageSize:
    """The QPageSize of a name in :data:`PAGE_SIZES`."""
    ids = {
        "A4": QPageSize.PageSizeId.A4,
        "A3": QPageSize.PageSizeId.A3,
        "B5": QPageSize.PageSizeId.B5,
    }
    if name in ids:
        return QPageSize(ids[name])
    if name == "16K":
        mm = QPageSize.Unit.Millimeter
        return QPageSize(QSizeF(184, 260), mm, "16K", QPageSize.SizeMatchPolicy.ExactMatch)
    raise ValueError(f"unknown page size: {name}")


class _Fonts:
    """The report's fonts and the layout metrics of its body font on one device."""

    def __init__(self, options: ReportOptions, device: QPagedPaintDevice) -> None:
        kind = "list" if options.department else options.kind
        family = report_family(options.font)
        size = BODY_PT["matrix" if kind == "matrix" else "list"]
        self.body = QFont(family)
        self.body.setPointSizeF(size)
        self.bold = QFont(self.body)
        self.bold.setBold(True)
        self.title = QFont(self.bold)
        self.title.setPointSizeF(size * 1.6)
        self.small = QFont(self.body)
        self.small.setPointSizeF(size * 0.9)
        self.metrics = _metrics(self.body, device)


def _metrics(font: QFont, device: QPagedPaintDevice) -> Metrics:
    fm = QFontMetricsF(font, device)
    cache: dict[tuple[str, float, int], float] = {}

    def height(text: str, width: float, flags: int) -> float:
        key = (text, width, flags)
        if key not in cache:
            box = QRectF(0, 0, max(width, 1.0), 1e7)
            cache[key] = fm.boundingRect(box, flags, text).height()
        return cache[key]

    return Metrics(
        lambda text, width: height(text, width, WRAP),
        fm.horizontalAdvance("国"),
        height("国", 1e6, WRAP),
        lambda text, width: height(text, width, NARROW_WRAP),
    )


# -- painting --------------------------------------------------------------------------------

#: ``progress(pages painted, page count)``, called once the pages are laid out and after each
#: page; ``False`` stops the report (:class:`ReportCancelled`)
Progress = Callable[[int, int], bool | None]


class ReportCancelled(Exception):
    """The progress function asked to stop: no more pages are painted, and
    :func:`render_pdf` leaves no file."""


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ReportCancelled()


class _TextPainter(QPainter):
    """A painter that keeps every text it draws, in order (for the PDF's text layer)."""

    def __init__(self, drawn: list[str]) -> None:
        super().__init__()
        self.drawn = drawn

    def drawText(self, *args) -> None:  # type: ignore[override]  # noqa: N802 - Qt's name
        self.drawn.extend(a for a in args if isinstance(a, str))
        super().drawText(*args)


def paint_report(
    device: QPagedPaintDevice,
    plan: Plan,
    options: ReportOptions | None = None,
    *,
    printed: dt.date | None = None,
    drawn: list[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Lay out and paint the report on ``device``, one sheet per page; return the page count.

    Every text painted is appended to ``drawn`` when it is given. ``progress`` hears of the
    pages as they are painted and may stop the report (see :data:`Progress`).
    """
    ensure_app()
    options = options or ReportOptions()
    fonts = _Fonts(options, device)
    layout = _layout(device, plan, options, fonts, printed)
    _report(progress, 0, layout.page_count)
    painter = _TextPainter([] if drawn is None else drawn)
    if not painter.begin(device):
        raise OSError("cannot open the printer or PDF file for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for page in layout.pages:
            if page.number > 1:
                device.newPage()
            _paint_page(painter, layout, page, fonts, device.resolution())
            _report(progress, page.number, layout.page_count)
    finally:
        painter.end()
    return layout.page_count


def layout_for(
    device: QPagedPaintDevice,
    plan: Plan,
    options: ReportOptions | None = None,
    *,
    printed: dt.date | None = None,
) -> Layout:
    """The layout :func:`paint_report` would paint on ``device`` (its pages, its page count)."""
    ensure_app()
    options = options or ReportOptions()
    fonts = _Fonts(options, device)
    return _layout(device, plan, options, fonts, printed)


def _layout(
    device: QPagedPaintDevice,
    plan: Plan,
    options: ReportOptions,
    fonts: _Fonts,
    printed: dt.date | None,
) -> Layout:
    rect = device.pageLayout().paintRectPixels(device.resolution())
    return layout_report(plan, options, rect.width(), rect.height(), fonts.metrics, printed)


def _paint_page(p: QPainter, layout: Layout, page: Page, fonts: _Fonts, dpi: int) -> None:
    _paint_title(p, layout.title, layout.frame.width, layout.frame.title_height, fonts)
    if isinstance(layout, MatrixLayout):
        _paint_matrix(p, layout, page, fonts, dpi)
        _paint_legend(p, layout, fonts, dpi)
    else:
        _paint_table(p, layout, page, fonts, dpi)
    _paint_footer(p, layout, page, fonts)


def _pen(dpi: int, points: float, gray: int = 0) -> QPen:
    pen = QPen(QColor(gray, gray, gray))
    pen.setWidthF(dpi * points / 72.0)
    return pen


def _paint_title(
    p: QPainter, title: TitleBlock, width: float, height: float, fonts: _Fonts
) -> None:
    p.setPen(QColor(0, 0, 0))
    p.setFont(fonts.title)
    p.drawText(QRectF(0, 0, width, height * 0.55), CENTER, title.title)
    p.setFont(fonts.body)
    sub = QRectF(0, height * 0.55, width, height * 0.3)
    p.drawText(sub, LEFT, title.subtitle)
    p.drawText(sub, RIGHT, title.printed)


def _footer_box(layout: Layout) -> QRectF:
    f = layout.frame
    return QRectF(0, f.height - f.footer_height * 0.8, f.width, f.footer_height * 0.8)


def _paint_legend(p: QPainter, layout: Layout, fonts: _Fonts, dpi: int) -> None:
    """The legend ● 牵头 ○ 配合, with the same circles as the cells."""
    box, em = _footer_box(layout), fonts.metrics.em
    p.setFont(fonts.body)
    x = box.left()
    for role, label in ((Role.LEAD, "牵头"), (Role.SUPPORT, "配合")):
        _paint_mark(p, QPointF(x + em * 0.5, box.center().y()), role, fonts, dpi)
        p.setPen(QColor(0, 0, 0))
        p.drawText(QRectF(x + em * 1.2, box.top(), em * 3, box.height()), LEFT, label)
        x += em * 5


def _paint_footer(p: QPainter, layout: Layout, page: Page, fonts: _Fonts) -> None:
    box = _footer_box(layout)
    p.setPen(QColor(0, 0, 0))
    p.setFont(fonts.body)
    p.drawText(box, RIGHT, f"第 {page.number} 页 共 {layout.page_count} 页")
    if page.note:
        p.setFont(fonts.small)
        p.drawText(box, CENTER, page.note)


def _paint_matrix(p: QPainter, layout: MatrixLayout, page: Page, fonts: _Fonts, dpi: int) -> None:
    f, pad = layout.frame, fonts.metrics.pad
    columns = [layout.columns[i] for i in page.columns]
    xs = [layout.measure_width]
    for c in columns:
        xs.append(xs[-1] + c.width)
    right = xs[-1]
    top, header_bottom = f.title_height, f.body_top
    # header row: the corner cell, then the department names stacked in narrow columns
    p.fillRect(QRectF(0, top, right, f.header_height), HEADER_FILL)
    p.setPen(_pen(dpi, 0.5))
    p.drawLine(QPointF(0, top), QPointF(layout.measure_width, header_bottom))
    p.setFont(fonts.bold)
    corner = QRectF(pad, top + pad, layout.measure_width - 2 * pad, f.header_height - 2 * pad)
    p.drawText(corner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, "责任单位")
    p.drawText(corner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, "重点任务")
    for c, x in zip(columns, xs, strict=False):
        cell = QRectF(x + pad, top + pad, c.width - 2 * pad, f.header_height - 2 * pad)
        p.drawText(cell, CENTER | NARROW_WRAP, c.name)
    # body rows
    y = header_bottom
    runs: list[tuple[float, float]] = []  # vertical spans of consecutive task rows
    p.save()
    p.setClipRect(QRectF(0, header_bottom, right + 1, f.body_height))
    for n, i in enumerate(page.rows):
        row = layout.rows[i]
        box = QRectF(pad, y + pad, right - 2 * pad, row.height - 2 * pad)
        if row.heading:
            p.fillRect(QRectF(0, y, right, row.height), HEADING_FILL)
            _heading_pen(p, row.continued, fonts)
            p.drawText(box, LEFT | WRAP, row.text)
        else:
            if n % 2:
                p.fillRect(QRectF(0, y, right, row.height), ZEBRA_FILL)
            if runs and abs(runs[-1][1] - y) < 0.01:
                runs[-1] = (runs[-1][0], y + row.height)
            else:
                runs.append((y, y + row.height))
            p.setFont(fonts.body)
            box.setWidth(layout.measure_width - 2 * pad)
            p.drawText(box, LEFT | WRAP, row.text)
            for c, x in zip(columns, xs, strict=False):
                role = layout.roles.get((row.measure_id, c.department_id))
                if role is not None:
                    _paint_mark(p, QPointF(x + c.width / 2, y + row.height / 2), role, fonts, dpi)
        y += row.height
        p.setPen(_pen(dpi, 0.4, 120))
        p.drawLine(QPointF(0, y), QPointF(right, y))
        p.setPen(QColor(0, 0, 0))
    p.restore()
    # grid: column rules through the header and through runs of task rows; then the frame
    p.setPen(_pen(dpi, 0.4, 120))
    for x in xs:
        p.drawLine(QPointF(x, top), QPointF(x, header_bottom))
        for y0, y1 in runs:
            p.drawLine(QPointF(x, y0), QPointF(x, y1))
    p.setPen(_pen(dpi, 0.8))
    p.drawLine(QPointF(0, header_bottom), QPointF(right, header_bottom))
    p.drawRect(QRectF(0, top, right, y - top))


def _heading_pen(p: QPainter, continued: bool, fonts: _Fonts) -> None:
    """Headings in bold; a heading repeated on a continuation page in the body font, grey."""
    p.setFont(fonts.body if continued else fonts.bold)
    p.setPen(CONTINUED_TEXT if continued else QColor(0, 0, 0))


def _paint_mark(p: QPainter, at: QPointF, role: Role, fonts: _Fonts, dpi: int) -> None:
    """● lead, ○ support, drawn as circles so both have the same size whatever the font."""
    r = fonts.metrics.em * 0.32
    p.save()
    p.setPen(_pen(dpi, 0.8))
    p.setBrush(QColor(0, 0, 0) if role == Role.LEAD else Qt.BrushStyle.NoBrush)
    p.drawEllipse(at, r, r)
    p.restore()


def _paint_table(p: QPainter, layout: TableLayout, page: Page, fonts: _Fonts, dpi: int) -> None:
    f, pad = layout.frame, fonts.metrics.pad
    xs = [0.0]
    for c in layout.columns:
        xs.append(xs[-1] + c.width)
    right, top = xs[-1], f.title_height
    p.fillRect(QRectF(0, top, right, f.header_height), HEADER_FILL)
    p.setFont(fonts.bold)
    p.setPen(QColor(0, 0, 0))
    for c, x in zip(layout.columns, xs, strict=False):
        p.drawText(
            QRectF(x + pad, top + pad, c.width - 2 * pad, f.header_height - 2 * pad),
            CENTER | WRAP,
            c.title,
        )
    y = f.body_top
    grid = _pen(dpi, 0.5, 60)
    p.save()
    p.setClipRect(QRectF(0, f.body_top, right + 1, f.body_height))
    for i in page.rows:
        row = layout.rows[i]
        if row.heading:
            p.fillRect(QRectF(0, y, right, row.height), HEADING_FILL)
            _heading_pen(p, row.continued, fonts)
            p.drawText(
                QRectF(pad, y + pad, right - 2 * pad, row.height - 2 * pad), LEFT | WRAP, row.span
            )
        else:
            p.setFont(fonts.body)
            p.setPen(QColor(0, 0, 0))
            for text, c, x in zip(row.cells, layout.columns, xs, strict=False):
                box = QRectF(x + pad, y + pad, c.width - 2 * pad, row.height - 2 * pad)
                p.drawText(box, (CENTER if c.centered else LEFT) | WRAP, text)
            p.setPen(grid)
            for x in xs[1:-1]:
                p.drawLine(QPointF(x, y), QPointF(x, y + row.height))
        y += row.height
        p.setPen(grid)
        p.drawLine(QPointF(0, y), QPointF(right, y))
    p.restore()
    p.setPen(grid)
    for x in xs[1:-1]:
        p.drawLine(QPointF(x, top), QPointF(x, f.body_top))
    p.setPen(_pen(dpi, 0.8))
    p.drawLine(QPointF(0, f.body_top), QPointF(right, f.body_top))
    p.drawRect(QRectF(0, top, right, y - top))


# -- entry points ----------------------------------------------------------------------------


def render_pdf(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    kind: str = "matrix",
    department: str | None = None,
    page_size: str = "A4",
    landscape: bool = True,
    include_collective: bool = True,
    font: str | None = None,
    layout: QPageLayout | None = None,
    printed: dt.date | None = None,
    period: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the report as a PDF file at ``path``; return its page count.

    ``progress`` hears of each page painted; when it answers ``False`` the report stops with
    :class:`ReportCancelled` and no file is left (``path`` is unchanged).

    ``department`` (a name or alias) prints that department's task list; an unknown one raises
    ``ValueError("unknown department: …")`` before any file is written.
    ``include_collective=False`` leaves collective parties (各地区 …) out of the matrix and the
    lists. ``layout`` (the
    window's page setup) overrides ``page_size`` and ``landscape``. The file is written beside
    ``path`` and replaces it only when complete (``core/safefile.py``); its text layer is
    repaired to carry the plan's own characters (``textlayer.py``).
    """
    if kind not in ("matrix", "list", "progress", "chase"):
        raise ValueError(f"unknown report kind: {kind}")
    if department:
        find_department(plan, department)
    options = ReportOptions(
        kind, department, page_size, landscape, include_collective, font, period
    )
    drawn: list[str] = []
    with atomic_output(path) as tmp:
        writer = pdf_writer(tmp, options, plan.info.title, layout=layout)
        pages = paint_report(writer, plan, options, printed=printed, drawn=drawn, progress=progress)
        del writer
        check_complete(tmp, path)
        repair_text_layer(tmp, glyph_aliases(report_fonts(options), drawn))
    return pages


def check_complete(pdf: Path, final: str | os.PathLike[str]) -> None:
    """Raise unless ``pdf`` is a whole PDF (header and end-of-file marker).

    QPdfWriter does not report write errors: on a full disk it leaves a PDF without its end and
    painting "succeeds". The error names ``final``, the file the user asked for.
    """
    try:
        size = pdf.stat().st_size
        with open(pdf, "rb") as f:
            head = f.read(5)
            f.seek(max(0, size - 1024))
            tail = f.read()
    except OSError as exc:
        raise output_error(final, exc, "cannot read back the PDF") from exc
    if head == b"%PDF-" and b"%%EOF" in tail:
        return
    if shutil.disk_usage(pdf.parent).free < FULL_DISK_BYTES:
        raise DiskFullError(final)
    raise OutputError(final, "the PDF could not be written completely")


def report_fonts(options: ReportOptions) -> list[QFont]:
    """The faces a report is painted with (regular and bold of the report family)."""
    ensure_app()
    regular = QFont(report_family(options.font))
    bold = QFont(regular)
    bold.setBold(True)
    return [regular, bold]


def pdf_writer(
    path: str | os.PathLike[str],
    options: ReportOptions,
    title: str = "",
    *,
    layout: QPageLayout | None = None,
) -> QPdfWriter:
    """A PDF writer with the paper, orientation and margins of ``layout``, else of ``options``."""
    ensure_app()
    writer = QPdfWriter(str(Path(path)))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout if layout is not None else page_layout(options))
    writer.setTitle(title or "MatrixDesk")
    writer.setCreator("MatrixDesk")
    return writer
