"""The progress report as a reader holds it: exported from the window, page by page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from PySide6.QtWidgets import QFileDialog

from matrixdesk.ui.actions import ActionId

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "jizhengbanfa-2020-34.mdesk"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return ["".join(page.split()) for page in text.split("\f") if page.strip()]


def test_a_department_continued_on_the_next_page_is_named_there(
    open_window, menu_action, tmp_path, monkeypatch
):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    plan = tmp_path / "计划 一.mdesk"
    shutil.copyfile(SAMPLE, plan)
    window = open_window(str(plan))
    names = {d.name for d in window.document.store.plan().departments}
    menu_action(window, ActionId.REPORT_PROGRESS).trigger()
    out = tmp_path / "进展.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, ActionId.EXPORT_PDF).trigger()

    pages = _pages(out)
    assert len(pages) > 2  # 省商务厅's 21 tasks run over a page
    continued = False
    for number, page in enumerate(pages, start=1):
        body = page.split("报送", 1)[1]  # what follows the table's header on the page
        opens_with = next((n for n in names if body.startswith(n)), None)
        assert opens_with, f"page {number} starts with a task of no named department: {body[:30]}"
        if number > 1 and body.startswith(opens_with + "（续）"):
            continued = True
    assert continued


def _while_painting(window, seen: list, real):
    """``real`` called through, noting the cursor and the status bar while it runs."""
    from PySide6.QtWidgets import QApplication

    def spy(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return real(*args, **kwargs)

    return spy


def test_print_shows_the_wait_cursor_while_the_pages_are_made(
    window, menu_action, tmp_path, monkeypatch
):
    """A 10,000-task matrix takes half a minute to paint: the window must not look hung
    (Export PDF and Print Preview show a progress dialog: test_report_progress.py)."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QDialog

    from matrixdesk.ui import printing

    seen: list = []

    class ToFile:
        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    seen.clear()
    monkeypatch.setattr(printing, "QPrintDialog", ToFile)
    monkeypatch.setattr(
        printing, "paint_report", _while_painting(window, seen, printing.paint_report)
    )
    menu_action(window, ActionId.PRINT).trigger()
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert [shape for shape, _ in seen] == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None
