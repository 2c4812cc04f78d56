"""The printed reports: page layout (no Qt) and painting with QtGui (no widgets).

The matrix, the task-division list and one department's task list, laid out for a page size and
painted on a PDF writer or a printer. The CLI uses it headless; the window adds the print
dialogs (``ui/printing.py``).
"""

from __future__ import annotations

from matrixdesk.report.layout import ReportOptions, find_department, layout_report
from matrixdesk.report.paint import (
    cjk_family,
    ensure_app,
    layout_for,
    page_layout,
    paint_report,
    pdf_writer,
    render_pdf,
)

__all__ = [
    "ReportOptions",
    "cjk_family",
    "ensure_app",
    "find_department",
    "layout_for",
    "layout_report",
    "page_layout",
    "paint_report",
    "pdf_writer",
    "render_pdf",
]
