"""Printing from the window: print preview, page setup and real printers.

The pages themselves are laid out and painted by :mod:`matrixdesk.report`; this module only adds
the Qt print dialogs and the printer they work on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import (
    QPageSetupDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from matrixdesk.core.model import Plan
from matrixdesk.report import ReportOptions, ensure_app, page_layout, paint_report


def printer_for(options: ReportOptions | None = None) -> QPrinter:
    """A high-resolution printer set up with the paper and orientation of ``options``."""
    ensure_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(options or ReportOptions()))
    return printer


def print_preview(
    parent: QWidget | None,
    plan: Plan,
    options: ReportOptions | None = None,
    printer: QPrinter | None = None,
) -> int:
    """Open the print preview (modal) on ``printer`` (the window's shared one: the paper,
    margins and printer of Page Setup); it paints through :func:`paint_report`."""
    options = options or ReportOptions()
    # The dialog keeps a bare pointer to the printer: hold a reference until it is closed,
    # or Python frees the printer under it and the preview crashes.
    printer = printer or printer_for(options)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda device: _paint_busy(device, plan, options))
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
        del printer


def _paint_busy(device: QPrinter, plan: Plan, options: ReportOptions) -> int:
    """Paint with the wait cursor: a big matrix takes seconds to lay out and paint."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint_report(device, plan, options)
    finally:
        QApplication.restoreOverrideCursor()


@contextmanager
def busy(window, message: str) -> Iterator[None]:
    """The wait cursor, and ``message`` in ``window``'s status bar painted at once, while a
    report is made without returning to the event loop (a 10,000-task matrix takes half a
    minute)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    bar = window.statusBar()
    bar.showMessage(message)
    bar.repaint()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        bar.clearMessage()


def page_setup(parent: QWidget | None, printer: QPrinter) -> bool:
    """Let the user change paper, orientation and margins of ``printer``; True if accepted."""
    return QPageSetupDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def print_dialog(
    parent: QWidget | None,
    plan: Plan,
    options: ReportOptions | None = None,
    printer: QPrinter | None = None,
) -> int:
    """Ask for a printer and print; return the pages printed (0 when cancelled)."""
    options = options or ReportOptions()
    printer = printer or printer_for(options)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return 0
    return _paint_busy(printer, plan, options)
