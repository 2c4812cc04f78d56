"""The printed reports: page layout (no Qt) and painting with QtGui (no widgets).

The matrix, the task-division list and one department's task list, laid out for a page size and
painted on a PDF writer or a printer. The CLI uses it headless; the window adds the print
dialogs (``ui/printing.py``).
"""

from __future__ import annotations

from matrixdesk.report.fonts import cjk_family, ensure_cjk_font, report_font_choices
from matrixdesk.report.layout import ReportOptions, find_department, layout_report
from matrixdesk.report.paint import (
    PAGE_SIZES,
    ensure_app,
    layout_for,
    page_layout,
    page_size,
    paint_report,
    pdf_writer,
    render_pdf,
)

__all__ = [
    "PAGE_SIZES",
    "ReportOptions",
    "cjk_family",
    "ensure_app",
    "ensure_cjk_font",
    "find_department",
    "layout_for",
    "layout_report",
    "page_layout",
    "page_size",
    "paint_report",
    "pdf_writer",
    "render_pdf",
    "report_font_choices",
]
