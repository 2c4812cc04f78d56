"""The window's output actions: department workbooks, and the report kind chosen for printing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    return w


def select_department_column(window, department_id, measure_id=2):
    model, proxy = window.model, window.proxy
    src = model.index(model.row_of(measure_id), model.column_of(department_id))
    index = proxy.mapFromSource(src)
    window.view.select_cell(index.row(), index.column())


def test_export_department_workbooks_from_the_menu(window, tmp_path, monkeypatch, menu_action):
    """File ▸ Export Department Workbooks… did nothing: the action's ``checked`` argument
    arrived where the folder was expected, and the folder dialog never opened."""
    folder = tmp_path / "out"
    folder.mkdir()
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append(a) or str(folder)
    )
    menu_action(window, ActionId.EXPORT_DEPARTMENTS).trigger()
    assert len(asked) == 1
    assert str(folder) in window.statusBar().currentMessage()
    names = sorted(p.stem for p in folder.glob("*.xlsx"))
    assert names == sorted(["省文化和旅游厅", "省体育局", "省农业农村厅", "省商务厅"])
    ws = load_workbook(folder / "省体育局.xlsx").active
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("发展冰雪消费" in t for t in texts)
    assert not any("扩大农产品消费" in t for t in texts)


def test_export_departments_shortcut_opens_the_folder_dialog(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append(a) or "")
    window.view.grid.setFocus()
    qtbot.keyClick(
        window.view.grid,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(asked) == 1  # cancelled: nothing written, nothing said
    assert window.feedback.last is None


def test_report_kind_follows_the_menu_and_the_current_column(window):
    files, actions = window.files, window.actions
    assert files.report_kind() == ("matrix", None)
    actions[ActionId.REPORT_LIST].trigger()
    assert files.report_kind() == ("list", None)
    select_department_column(window, 2)  # 省体育局
    window.update_actions()
    assert actions[ActionId.REPORT_DEPARTMENT].isEnabled()
    actions[ActionId.REPORT_DEPARTMENT].trigger()
    assert files.report_kind() == ("list", "省体育局")
    assert actions[ActionId.REPORT_LIST].isChecked() is False  # one kind at a time


def test_export_pdf_writes_the_chosen_department_list(window, monkeypatch, tmp_path):
    select_department_column(window, 2)
    window.actions[ActionId.REPORT_DEPARTMENT].trigger()
    out = tmp_path / "dept.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.files.export_pdf()
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "省体育局" in text and "发展冰雪消费" in text
    assert "扩大农产品消费" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_report_menu_leaves_collective_parties_out_on_request(
    qtbot, window, monkeypatch, tmp_path, menu_action
):
    """Collective parties print by default, as in the master workbook; File ▸ Report Kind ▸
    Leave Out Collective Parties leaves them out of what Export PDF writes, and stays chosen."""
    out = tmp_path / "r.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def printed() -> str:
        assert window.files.export_pdf()
        raw = ["pdftotext", "-raw", str(out), "-"]  # the matrix header's names stand upright
        return "".join(subprocess.run(raw, capture_output=True, text=True).stdout.split())

    leave_out = menu_action(window, ActionId.REPORT_EXCLUDE_COLLECTIVE)
    assert leave_out.isCheckable() and not leave_out.isChecked() and leave_out.isEnabled()
    assert "各地区" in printed()
    leave_out.trigger()
    assert leave_out.isChecked()
    assert "collective" in window.statusBar().currentMessage()
    assert "各地区" not in printed()
    menu_action(window, ActionId.REPORT_LIST).trigger()
    assert "各地区" not in printed() and "压实责任" in printed()
    again = MainWindow(persist_layout=False)  # the choice is kept for the next window
    qtbot.addWidget(again)
    assert again.actions[ActionId.REPORT_EXCLUDE_COLLECTIVE].isChecked()


# -- files held open by WPS, Excel or a PDF reader -------------------------------------------
@pytest.fixture
def warnings(monkeypatch):
    """Message boxes the window would show: (title, text), none opened."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)) or 0
    )
    return shown


@pytest.fixture
def chinese(qapp):
    from matrixdesk.ui import i18n

    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


def test_export_pdf_onto_a_pdf_open_in_a_reader_names_it_in_chinese(
    window, monkeypatch, tmp_path, office, warnings, chinese
):
    out = tmp_path / "printed" / "责任矩阵.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF last week")
    office.hold(out)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.files.export_pdf() is False
    ((title, text),) = warnings
    assert "“责任矩阵.pdf”" in text and "另一个程序" in text and str(out) in text
    assert out.read_bytes() == b"%PDF last week"
    assert [p.name for p in out.parent.iterdir()] == ["责任矩阵.pdf"]  # no temporary file


def test_department_workbooks_one_held_in_wps_none_replaced(
    window, tmp_path, office, warnings, chinese, monkeypatch
):
    folder = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    assert window.files.export_departments()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    office.hold(folder / "省商务厅.xlsx")
    assert window.files.export_departments() is False
    ((title, text),) = warnings
    assert "“省商务厅.xlsx”" in text and "WPS" in text
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
