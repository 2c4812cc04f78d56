"""The printed reports: page layout (no Qt) and painting with QtGui (no widgets).

The matrix, the task-division list and one department's task list, laid out for a page size and
painted on a PDF writer or a printer. The CLI uses it headless; the window adds the print
dialogs (``ui/printing.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names and the module each comes from, imported when first asked for: the window imports
# the fonts at start-up, and layout and painting are not needed until something is printed.
_FROM = {
    "cjk_family": "fonts",
    "ensure_cjk_font": "fonts",
    "report_font_choices": "fonts",
    "ReportOptions": "layout",
    "find_department": "layout",
    "layout_report": "layout",
    "PAGE_SIZES": "paint",
    "ReportCancelled": "paint",
    "ensure_app": "paint",
    "layout_for": "paint",
    "page_layout": "paint",
    "page_size": "paint",
    "paint_report": "paint",
    "pdf_writer": "paint",
    "render_pdf": "paint",
}

if TYPE_CHECKING:
    from matrixdesk.report.fonts import cjk_family, ensure_cjk_font, report_font_choices
    from matrixdesk.report.layout import ReportOptions, find_department, layout_report
    from matrixdesk.report.paint import (
        PAGE_SIZES,
        ReportCancelled,
        ensure_app,
        layout_for,
        page_layout,
        page_size,
        paint_report,
        pdf_writer,
        render_pdf,
    )


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)


__all__ = [
    "PAGE_SIZES",
    "ReportCancelled",
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
