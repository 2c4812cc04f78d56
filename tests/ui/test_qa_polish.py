"""Defects a QA pass over the whole product found, each reproduced in the real window: menus
and keys, the dialogs patched at the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QStyle

from matrixdesk.core.model import Role
from matrixdesk.core.progress import Cadence, LogLine, ProgressUpdate, Schedule
from matrixdesk.store import MatrixStore
from matrixdesk.ui import i18n
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    i18n.install_translators(qapp, request.param)
    yield request.param
    i18n.install_translators(qapp, "en")


def open_window(qtbot, path: str, size=(1200, 800)) -> MainWindow:
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(path, remember=False)
    settle()
    return w


# -- the Change Log's Kind column ----------------------------------------------------------------
def _plan_with_every_kind_of_entry(path: str, plan) -> None:
    """Cells, a rename, aliases, a merge (departments merged), a schedule change, a collected
    workbook and its undo: the longest kinds the log says."""
    store = MatrixStore.create(path, plan)
    store.set_roles([(3, 4, Role.SUPPORT)])
    store.update_measure(3, deadline="2026年底")
    store.set_aliases(3, ["省农委", "农业农村厅"])
    store.rename_department(2, "省体育局（新）")
    store.merge_departments(store.add_department("省发改委").id, 4)
    store.set_collective(1, True)
    store.set_schedule(Schedule(Cadence.QUARTER))
    line = LogLine("collect", "省商务厅 2026-Q4", 4, "2026-Q4", "省商务厅.xlsx", {"changes": []})
    store.apply_progress(ProgressUpdate(log=[line]))
    store.apply_progress(ProgressUpdate(log=[LogLine("undo collect", "", 4, "2026-Q4", "", {})]))
    store.close()


def test_the_change_log_shows_each_kind_whole(qtbot, tmp_path, small_plan, language, menu_action):
    """In English the Kind column read 'Departments me…', 'Collected wor…': it had a fixed
    110 px. It is as wide as the longest kind the log holds, in either language."""
    path = str(tmp_path / "plan.mdesk")
    _plan_with_every_kind_of_entry(path, small_plan)
    w = open_window(qtbot, path)
    menu_action(w, ActionId.GO_CHANGELOG).trigger()
    settle()
    table = w.docks.panels["changelog"].table
    model = table.model()
    kinds = {str(model.index(r, 1).data()) for r in range(model.rowCount())}
    assert len(kinds) >= 8
    if language == "en":
        assert {"Departments merged", "Collected workbook", "Reporting schedule"} <= kinds
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    for kind in kinds:
        assert metrics.horizontalAdvance(kind) + margin <= table.columnWidth(1), kind
    header = table.horizontalHeader()
    title = str(model.headerData(1, header.orientation()))
    assert header.fontMetrics().horizontalAdvance(title) < table.columnWidth(1)


# -- the departments panel after an undo ------------------------------------------------------
@pytest.fixture
def seed_file(tmp_path, seed_plan):
    path = tmp_path / "seed.mdesk"
    MatrixStore.create(str(path), seed_plan).close()
    return str(path)


def test_undoing_a_removal_selects_the_department_it_restores(
    qtbot, seed_file, monkeypatch, menu_action
):
    """After Delete on a department far down the list and Edit ▸ Undo, the panel selected its
    first row: the department brought back was out of sight and had to be looked for."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    w = open_window(qtbot, seed_file, (1600, 1000))
    menu_action(w, ActionId.GO_DEPARTMENTS).trigger()
    settle()
    panel = w.docks.panels["departments"]
    view = panel.view
    assert view.hasFocus() and panel.current_row() == 0
    for _ in range(28):
        QTest.keyClick(view, Qt.Key.Key_Down)
    gone = panel.selected_department_id()
    name = w.document.store.department(gone).name
    assert panel.current_row() == 28
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes,
    )
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert asked and w.document.store.department_named(name) is None
    assert panel.current_row() == 28  # the next department, where the removed one was
    menu_action(w, ActionId.UNDO).trigger()
    settle()
    assert w.document.store.department(gone).name == name
    assert panel.selected_department_id() == gone
    assert panel.current_row() == 28
    index = view.currentIndex()
    assert view.viewport().rect().contains(view.visualRect(index))
    assert view.selectionModel().isRowSelected(28)


# -- New from Document: the name offered for the new plan ----------------------------------------
def _hunan_as_docx(folder) -> str:
    """A real plan with no title line and no 文号 (湖南 交房即交证 实施方案, its measures
    only), as a Word file named as a coordinator would save it."""
    from docx import Document as WordDocument

    source = ROOT / "tests/parse/real/docs/p-hunan-2021-jiaofang-jiaozheng.txt"
    word = WordDocument()
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            word.add_paragraph(line.strip())
    path = folder / "关于促进消费的通知.docx"
    word.save(str(path))
    return str(path)


def test_a_plan_from_an_untitled_document_is_named_after_its_file(
    qtbot, tmp_path, plan_file, documents, monkeypatch, menu_action
):
    """New from Document offered 新建任务分工.mdesk for a document without a title or a 文号,
    whatever its file was called; it offers the file's name, in Documents."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from matrixdesk.ui.dialogs.import_dialog import ImportDialog

    doc = _hunan_as_docx(tmp_path)
    opened = []

    def exec_(dialog) -> int:  # the user picks the file, looks at the preview, creates
        if opened:  # back from the cancelled save dialog: this time, cancel the import
            return QDialog.DialogCode.Rejected
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (doc, ""))
        dialog.choose_file()
        opened.append(dialog.show_preview())
        dialog.create_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", exec_)
    offered = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, title, name, *a: offered.append(name) or ("", ""),
    )
    w = open_window(qtbot, plan_file)
    menu_action(w, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert opened == [True]
    assert offered == [str(documents / "关于促进消费的通知.mdesk")]


def test_the_name_offered_keeps_to_what_windows_allows():
    from matrixdesk.core.model import DocumentInfo, Plan
    from matrixdesk.ui.window.files import plan_file_stem

    def stem(number="", title="", source=""):
        return plan_file_stem(Plan(DocumentInfo(title, number)), source)

    assert stem("吉政办发[2020]34号", "关于…的通知", "x.docx") == "吉政办发[2020]34号"
    assert stem(title="关于“A/B”：C*的通知") == "关于“A-B”：C-的通知"
    assert stem(source="/文件/关于促进消费的通知.docx") == "关于促进消费的通知"
    assert stem() == stem(source="") == "New plan"


# -- the reporting schedule of a new plan -------------------------------------------------------
def test_a_new_plan_reports_from_the_documents_date_to_the_end_of_next_year(
    qtbot, tmp_path, plan_file, monkeypatch, menu_action
):
    """The Anhui notice, dated 2022年1月26日 under '…联席会议（代章）': its plan reported from
    2000-01 to 2027-12 (336 periods in the progress panel); now 2022-01 to 2023-12, and the
    Reporting Schedule dialog shows those bounds and converts them when reports go quarterly."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from matrixdesk.core.periods import Cadence
    from matrixdesk.ui.dialogs.import_dialog import ImportDialog
    from matrixdesk.ui.dialogs.schedule_dialog import ScheduleDialog

    doc = ROOT / "tests/parse/real/docs/m-anhui-xiaofei-2022-jinqi.docx"

    def import_(dialog) -> int:
        assert dialog.load_file(str(doc)) and dialog.show_preview()
        dialog.create_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", import_)
    target = tmp_path / "安徽.mdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w = open_window(qtbot, plan_file)
    menu_action(w, ActionId.NEW_FROM_DOCUMENT).trigger()
    store = w.document.store
    assert w.document.path == str(target) and store.info().date == "2022-01-26"
    assert (store.periods()[0], store.periods()[-1], len(store.periods())) == (
        "2022-01",
        "2023-12",
        24,
    )
    shown = {}

    def schedule_(dialog) -> int:
        qtbot.addWidget(dialog)
        shown["month"] = (dialog.first.text(), dialog.last.text())
        dialog.cadence.setFocus()
        QTest.keyClick(dialog.cadence, Qt.Key.Key_Down)  # Monthly → Quarterly
        shown["quarter"] = (dialog.first.text(), dialog.last.text())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ScheduleDialog, "exec", schedule_)
    menu_action(w, ActionId.SCHEDULE).trigger()
    assert shown == {"month": ("2022-01", "2023-12"), "quarter": ("2022-Q1", "2023-Q4")}
    assert store.schedule().cadence == Cadence.QUARTER
    assert store.periods() == [f"{y}-Q{q}" for y in (2022, 2023) for q in (1, 2, 3, 4)]
    # a bound cleared is the default the dialog shows, not the open window of old plans
    cleared = {}

    def clear_(dialog) -> int:
        qtbot.addWidget(dialog)
        dialog.last.setFocus()
        dialog.last.selectAll()
        QTest.keyClick(dialog.last, Qt.Key.Key_Delete)
        cleared["shown"] = (dialog.last.text(), dialog.last.placeholderText())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ScheduleDialog, "exec", clear_)
    menu_action(w, ActionId.SCHEDULE).trigger()
    assert cleared["shown"] == ("", "2023-Q4")
    assert (store.schedule().first, store.schedule().last) == ("2022-Q1", "2023-Q4")
