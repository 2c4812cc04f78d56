"""Printing from the window: print preview, page setup and real printers.

The pages themselves are laid out and painted by :mod:`matrixdesk.report`; this module only adds
the Qt print dialogs and the printer they work on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtPrintSupport import (
    QPageSetupDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from matrixdesk.core.model import Plan
from matrixdesk.report import (
    ReportCancelled,
    ReportOptions,
    ensure_app,
    page_layout,
    paint_report,
)

MIN_DURATION_MS = 300  # a report made faster than this shows no progress dialog
UPDATE_S = 0.1  # the progress dialog follows the pages this often


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def page_progress(parent: QWidget | None, label: str) -> QProgressDialog:
    """A window-modal progress dialog with Cancel for making a report's pages (a 10,000-task
    matrix paints for half a minute and more)."""
    dialog = QProgressDialog(label, _tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(_tr("MatrixDesk"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(MIN_DURATION_MS)
    dialog.setAutoReset(False)  # the last page must not look like a cancel
    dialog.setAutoClose(False)
    return dialog


def page_callback(dialog: QProgressDialog) -> Callable[[int, int], bool]:
    """The report's progress function: pages painted into ``dialog``, and its Cancel back.

    The dialog is updated (and the events its Cancel needs handled) at most every
    :data:`UPDATE_S` seconds: updating it for each of 10,000 pages doubled the time they took.
    """
    last = [-UPDATE_S]

    def report(done: int, total: int) -> bool:
        now = time.monotonic()
        if now - last[0] < UPDATE_S and 0 < done < total:
            return True
        last[0] = now
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        if done < total:
            text = _tr("Making page %1 of %2…").replace("%1", str(done + 1))
            dialog.setLabelText(text.replace("%2", str(total)))
        else:
            dialog.setLabelText(_tr("Finishing…"))
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return report


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
    dialog.paintRequested.connect(lambda device: _paint_preview(dialog, device, plan, options))
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
        del printer


def _paint_preview(
    preview: QPrintPreviewDialog, device: QPrinter, plan: Plan, options: ReportOptions
) -> int:
    """Paint the preview's pages with a progress dialog; Cancel closes the preview."""
    progress = page_progress(preview, _tr("Laying out the pages…"))
    try:
        return paint_report(device, plan, options, progress=page_callback(progress))
    except ReportCancelled:
        QTimer.singleShot(0, preview.reject)  # once the preview has taken what was painted
        return 0
    finally:
        progress.close()
        progress.deleteLater()


def _paint_busy(device: QPrinter, plan: Plan, options: ReportOptions) -> int:
    """Paint with the wait cursor: a big matrix takes seconds to lay out and paint."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint_report(device, plan, options)
    finally:
        QApplication.restoreOverrideCursor()


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
