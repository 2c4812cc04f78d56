"""One page setup for the print preview, Export PDF and Print; 16K and B5 as chosen; the report
font as a setting. Qt's dialogs are replaced at the dialog: each does what a user would."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from matrixdesk.report import page_size
from matrixdesk.ui import printing, settings
from matrixdesk.ui.actions import REPORT_FONT, ActionId
from matrixdesk.ui.window import MainWindow

MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    return w


def media_boxes(path) -> list[tuple[float, float]]:
    found = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", path.read_bytes())
    return [(float(w), float(h)) for w, h in found]


class FakeDialog:
    """A Qt print dialog as the user leaves it: ``choose(printer)`` is what they did there."""

    def __init__(self, choose):
        self.choose = choose

    def __call__(self, printer, parent=None):
        self.printer = printer
        return self

    def exec(self) -> int:
        self.choose(self.printer)
        return QDialog.DialogCode.Accepted


@pytest.mark.parametrize("paper, size_mm", [("B5", (176, 250)), ("16K", (184, 260))])
def test_the_paper_chosen_in_page_setup_is_used_by_preview_pdf_and_print(
    window, monkeypatch, tmp_path, paper, size_mm
):
    chosen = QPageLayout(
        page_size(paper),
        QPageLayout.Orientation.Portrait,
        QMarginsF(20, 15, 20, 15),
        QPageLayout.Unit.Millimeter,
    )
    monkeypatch.setattr(printing, "QPageSetupDialog", FakeDialog(lambda p: p.setPageLayout(chosen)))
    window.actions[ActionId.PAGE_SETUP].trigger()

    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions[ActionId.EXPORT_PDF].trigger()
    width, height = size_mm[0] * MM, size_mm[1] * MM
    assert all(abs(w - width) < 1 and abs(h - height) < 1 for w, h in media_boxes(out))

    seen: list[QPageLayout] = []

    class Preview:
        def __init__(self, printer, parent):
            self.printer = printer
            seen.append(printer.pageLayout())

        paintRequested = type("S", (), {"connect": lambda self, slot: None})()  # noqa: N815

        def exec(self) -> int:
            return 0

        def deleteLater(self) -> None:  # noqa: N802
            pass

    monkeypatch.setattr(printing, "QPrintPreviewDialog", Preview)
    window.actions[ActionId.PRINT_PREVIEW].trigger()
    assert seen and seen[0].pageSize().isEquivalentTo(chosen.pageSize())
    assert seen[0].orientation() == QPageLayout.Orientation.Portrait

    printed = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))

    monkeypatch.setattr(printing, "QPrintDialog", FakeDialog(to_file))
    window.actions[ActionId.PRINT].trigger()
    assert all(abs(w - width) < 1 and abs(h - height) < 1 for w, h in media_boxes(printed))


def test_the_report_font_is_a_setting_offering_the_official_fonts_installed(
    window, monkeypatch, tmp_path
):
    import matrixdesk.report

    monkeypatch.setattr(
        matrixdesk.report,
        "report_font_choices",
        lambda: [("仿宋", "Noto Serif CJK SC"), ("黑体", "DejaVu Sans")],
    )
    menu = window.submenus[REPORT_FONT]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert len(texts) == 3 and texts[0].startswith("&1  Default")
    assert texts[1] == "&2  仿宋 (Noto Serif CJK SC)" and texts[2] == "&3  黑体 (DejaVu Sans)"
    assert menu.actions()[0].isChecked()
    menu.actions()[1].trigger()
    assert settings.value(settings.REPORT_FONT) == "仿宋"
    menu.aboutToShow.emit()
    assert menu.actions()[1].isChecked() and not menu.actions()[0].isChecked()
    assert window.files._options().font == "仿宋"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is missing")
def test_the_pdf_is_printed_in_the_chosen_font(window, monkeypatch, tmp_path):
    from matrixdesk.report import fonts

    installed = dict(fonts.report_font_choices())
    if "宋体" not in installed:
        pytest.skip("no 宋体-like font here")
    settings.set_value(settings.REPORT_FONT, "宋体")
    out = tmp_path / "song.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions[ActionId.EXPORT_PDF].trigger()
    used = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert installed["宋体"].replace(" ", "").lower() in used.replace(" ", "").lower()
