"""Exporting workbooks from the window: a cancellable progress dialog around the exporters.

:func:`run_export` does the work and shows nothing but the progress it is given, so tests call
it (or :func:`export_with_progress` with message boxes patched) without modal dialogs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from ...core.model import Plan
from ...exchange import ExportCancelled, export_departments, export_master
from .. import folders
from ..messages import output_error_text

MIN_DURATION_MS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def run_export(
    plan: Plan,
    path: str | os.PathLike[str] | None = None,
    folder: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], bool | None] | None = None,
) -> list[Path]:
    """Write the master workbook to ``path`` and/or department workbooks into ``folder``.

    Returns the files written. Raises ExportCancelled or an OSError
    (core.safefile.OutputError) like the exporters.
    """
    written: list[Path] = []
    if path is not None:
        export_master(plan, path, progress=progress)
        written.append(Path(path))
    if folder is not None:
        written += export_departments(plan, folder, progress=progress)
    return written


def progress_dialog(parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(_tr("Writing the workbook…"), _tr("Cancel"), 0, 100, parent)
    dialog.setWindowTitle(_tr("Export"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(MIN_DURATION_MS)
    dialog.setAutoReset(False)  # reaching the maximum must not look like a cancel
    dialog.setAutoClose(False)
    return dialog


def progress_callback(dialog: QProgressDialog) -> Callable[[int, int], bool]:
    """A progress function for the exporters that feeds ``dialog`` and reports its Cancel."""

    def report(done: int, total: int) -> bool:
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return report


def ask_master_path(parent: QWidget | None, plan: Plan) -> str:
    """The file name for the master workbook, or "" when the user cancels."""
    stem = (plan.info.title or plan.info.number or "任务分工").replace("/", "_")
    return folders.save_file(
        parent,
        folders.WORKBOOK,
        _tr("Export workbook"),
        f"{stem}.xlsx",
        _tr("Excel workbook (*.xlsx)"),
        ".xlsx",
    )


def error_text(exc: OSError) -> str:
    """The message for a workbook that could not be written (names the file, says why)."""
    return output_error_text(exc)


def export_with_progress(
    parent: QWidget | None,
    plan: Plan,
    path: str | os.PathLike[str] | None = None,
    folder: str | os.PathLike[str] | None = None,
    failed: Callable[[OSError], None] | None = None,
) -> list[Path]:
    """Export with a progress dialog; the files written (empty when cancelled or failed).

    Without ``path`` and ``folder`` the user is asked where to save the master workbook.
    A cancel leaves no file; a file that cannot be written (open in WPS or Excel, a full
    disk, a path too long) goes to ``failed``, else to a message box in the user's language.
    """
    if path is None and folder is None:
        path = ask_master_path(parent, plan) or None
        if path is None:
            return []
    dialog = progress_dialog(parent)
    try:
        return run_export(plan, path, folder, progress_callback(dialog))
    except ExportCancelled:
        return []
    except OSError as exc:  # ExportError and the other kinds of core.safefile.OutputError
        dialog.close()
        if failed is not None:
            failed(exc)
        else:
            QMessageBox.warning(parent, _tr("Export"), error_text(exc))
        return []
    finally:
        dialog.close()
        dialog.deleteLater()
