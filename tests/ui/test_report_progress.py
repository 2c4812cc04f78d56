"""Export PDF and Print Preview show the pages being made in a progress dialog with Cancel
(a 10,000-task matrix took 14 s to preview and half a minute to export, with only a wait
cursor); Cancel leaves no file, and closes the preview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from matrixdesk.ui import printing
from matrixdesk.ui.actions import ActionId

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "jizhengbanfa-2020-34.mdesk"


@pytest.fixture
def sample_window(open_window, tmp_path):
    plan = tmp_path / "计划.mdesk"
    shutil.copyfile(SAMPLE, plan)
    return open_window(str(plan))


class Progress:
    """What the progress dialogs were told, and a Cancel pressed after ``cancel_at`` pages."""

    def __init__(self, monkeypatch, cancel_at: int | None = None) -> None:
        monkeypatch.setattr(printing, "UPDATE_S", 0)  # every page (not at most ten a second)
        self.values: list[tuple[int, int]] = []
        self.dialogs: list[QProgressDialog] = []
        self.cancel_at = cancel_at
        real_set = QProgressDialog.setValue

        def set_value(dialog: QProgressDialog, value: int) -> None:
            if dialog not in self.dialogs:
                self.dialogs.append(dialog)
            self.values.append((value, dialog.maximum()))
            real_set(dialog, value)

        def was_canceled(dialog: QProgressDialog) -> bool:
            return self.cancel_at is not None and self.values[-1][0] >= self.cancel_at

        monkeypatch.setattr(QProgressDialog, "setValue", set_value)
        monkeypatch.setattr(QProgressDialog, "wasCanceled", was_canceled)


def test_export_pdf_reports_each_page_in_a_dialog_with_cancel(
    sample_window, menu_action, tmp_path, monkeypatch
):
    progress = Progress(monkeypatch)
    out = tmp_path / "matrix.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(sample_window, ActionId.EXPORT_PDF).trigger()
    assert out.read_bytes().startswith(b"%PDF")
    pages = int(sample_window.statusBar().currentMessage().split("(")[1].split()[0])
    assert pages > 1
    assert progress.values == [(n, pages) for n in range(pages + 1)]  # laid out, then each page
    (dialog,) = progress.dialogs
    assert dialog.parent() is sample_window
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.findChild(QPushButton).text() == "Cancel"
    assert QApplication.overrideCursor() is None  # no hourglass over the Cancel button


def test_cancelled_export_pdf_leaves_no_file(sample_window, menu_action, tmp_path, monkeypatch):
    out = tmp_path / "pdf" / "matrix.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF- last week's report")
    progress = Progress(monkeypatch, cancel_at=1)  # Cancel once the first page is painted
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(sample_window, ActionId.EXPORT_PDF).trigger()
    assert progress.values[-1][0] == 1 < progress.values[-1][1]  # stopped after one page
    assert out.read_bytes() == b"%PDF- last week's report"  # the old file is as it was
    assert [p.name for p in out.parent.iterdir()] == ["matrix.pdf"]  # no partial file beside
    assert "cancelled" in sample_window.statusBar().currentMessage()


def _shown_preview(monkeypatch, seen: list) -> None:
    """The preview dialog shown as exec would show it (it paints its pages when first
    shown), without blocking: what it holds is kept in ``seen``."""

    def show_once(dialog: QPrintPreviewDialog) -> int:
        dialog.show()  # the preview asks for its pages here (paintRequested)
        QApplication.processEvents()  # a Cancel closes the preview from the event loop
        widget = dialog.findChild(QPrintPreviewWidget)
        seen.append((dialog.isVisible(), widget.pageCount()))
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show_once)


def test_print_preview_paints_with_progress_and_cancel_closes_it(
    sample_window, menu_action, monkeypatch
):
    seen: list = []
    _shown_preview(monkeypatch, seen)
    progress = Progress(monkeypatch)
    menu_action(sample_window, ActionId.PRINT_PREVIEW).trigger()
    ((shown, pages),) = seen
    assert shown and pages > 1
    assert progress.values == [(n, pages) for n in range(pages + 1)]
    assert isinstance(progress.dialogs[0].parent(), QPrintPreviewDialog)  # over the preview

    seen.clear()
    progress = Progress(monkeypatch, cancel_at=1)
    menu_action(sample_window, ActionId.PRINT_PREVIEW).trigger()
    ((shown, _pages),) = seen
    assert not shown  # Cancel closed the preview
    assert progress.values[-1][0] == 1 < progress.values[-1][1]


def test_the_dialog_follows_a_fast_report_a_few_times_a_second(
    sample_window, menu_action, tmp_path, monkeypatch
):
    """Updating the dialog (and handling events) for each of 10,000 pages doubled the time
    they took: a report faster than ten pages a second updates it at the start and the end."""
    progress = Progress(monkeypatch)
    monkeypatch.setattr(printing, "UPDATE_S", 3600)
    out = tmp_path / "matrix.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(sample_window, ActionId.EXPORT_PDF).trigger()
    pages = progress.values[-1][1]
    assert pages > 1 and progress.values == [(0, pages), (pages, pages)]
