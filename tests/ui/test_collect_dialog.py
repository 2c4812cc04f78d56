"""File ▸ Collect Returned Workbooks…, driven as a user would: choose the files in the file
dialog, look at the preview, tick a conflict, apply, undo and redo; and workbooks dropped on
the window. The modal dialog's ``exec`` is replaced by the user's clicks on the real dialog."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QTreeWidgetItemIterator

from matrixdesk.core.progress import ProgressEntry, ProgressUpdate
from matrixdesk.exchange import export_departments
from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.dialogs.collect_dialog import CollectDialog
from matrixdesk.ui.models.matrix_model import ItemRole
from matrixdesk.ui.models.status_colours import MEANING_FILL, SILENT_FILL
from matrixdesk.ui.window import MainWindow

PERIOD = "2021-03"


@pytest.fixture
def returned(plan_file, tmp_path, fill_workbook):
    """Two filled-in workbooks and an old .xls; the plan holds a newer value for one task."""
    store = MatrixStore.open(plan_file)
    try:
        files = {p.stem: p for p in export_departments(store.plan(), tmp_path / "o", period=PERIOD)}
        store.apply_progress(  # typed in after the departments saved their workbooks
            ProgressUpdate([ProgressEntry(3, 4, PERIOD, "推进中", "", "2999-01-01T09:00:00")])
        )
    finally:
        store.close()
    commerce = fill_workbook(
        files["省商务厅"], statuses={3: "滞后", 5: "已完成"}, notes={5: "完成"}
    )
    tourism = fill_workbook(files["省文化和旅游厅"], statuses={2: "推进中"}, actuals={1: 12})
    old = tmp_path / "省体育局.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return [commerce, tourism, str(old)]


@pytest.fixture
def window(qtbot, plan_file, returned):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    return w


def items(dialog: CollectDialog):
    it = QTreeWidgetItemIterator(dialog.tree)
    while it.value():
        yield it.value()
        it += 1


def test_collect_choose_preview_resolve_apply_undo(
    window, returned, qtbot, monkeypatch, menu_action
):
    store = window.document.store
    seen = {}
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: (returned, "Excel workbooks")
    )

    def user(dialog: CollectDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
        seen["files"] = [t.text(0) for t in tops]
        seen["refused"] = [t.child(0).text(0) for t in tops if t.text(1) == "Refused"]
        seen["counts"] = [(t.text(1), t.text(2)) for t in tops]
        conflict = next(i for i in items(dialog) if "conflict" in i.text(1))
        seen["conflict"] = (conflict.text(2), conflict.text(3), conflict.checkState(0))
        seen["apply_before"] = dialog.summary.text()
        dialog.tree.setCurrentItem(conflict)  # the user ticks it: take the workbook's value
        dialog.tree.setFocus()
        QTest.keyClick(dialog.tree, Qt.Key.Key_Space)
        seen["ticked"] = conflict.checkState(0)
        QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()

    assert len(seen["files"]) == 3
    assert seen["files"][0].startswith("省商务厅 · 2021-03")
    assert seen["refused"] == [
        "An old-format workbook (.xls or WPS .et). Open it in Excel or WPS and save it as .xlsx, "
        "then collect it again."
    ]
    assert seen["counts"][0] == ("3 changes", "1 conflicts")
    assert seen["conflict"] == ("推进中", "滞后", Qt.CheckState.Unchecked)
    assert "1 conflicts" in seen["apply_before"]
    assert seen["ticked"] == Qt.CheckState.Checked
    after = {e.key: (e.status, e.note) for e in store.progress_entries()}
    assert after == {
        (3, 4, PERIOD): ("滞后", ""),
        (5, 4, PERIOD): ("已完成", "完成"),
        (2, 1, PERIOD): ("推进中", ""),
    }
    assert store.actual(1, PERIOD).value == 12
    assert window.document.undo_stack.count() == 1  # one step
    assert "1 workbooks refused" in window.statusBar().currentMessage()
    assert window.progress.period == PERIOD  # the window now shows the period collected

    menu_action(window, ActionId.UNDO).trigger()
    assert {e.key: e.status for e in store.progress_entries()} == {(3, 4, PERIOD): "推进中"}
    assert store.actuals() == []
    assert window.document.undo_stack.isClean()
    menu_action(window, ActionId.REDO).trigger()
    assert store.progress_entry(3, 4, PERIOD).status == "滞后"
    log = store.change_log(action="collect")
    assert {(r["department"], r["period"], r["source"]) for r in log} == {
        ("省商务厅", PERIOD, "省商务厅.xlsx"),
        ("省文化和旅游厅", PERIOD, "省文化和旅游厅.xlsx"),
    }


def test_cancel_changes_nothing(window, returned, monkeypatch, menu_action, qtbot):
    def user(dialog: CollectDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.add_paths(returned)
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()
    assert len(window.document.store.progress_entries()) == 1
    assert window.document.undo_stack.count() == 0


def test_workbooks_dropped_on_the_window_open_the_preview(window, returned, monkeypatch, qtbot):
    opened = {}

    def user(dialog: CollectDialog) -> int:
        qtbot.addWidget(dialog)
        opened["paths"] = list(dialog.paths)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CollectDialog, "exec", user)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in returned[:2]])
    drop = QDropEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)  # what Qt calls when files are dropped (QTest cannot drag)
    assert [p.endswith(".xlsx") for p in opened["paths"]] == [True, True]


def test_status_colours_follow_the_collected_statuses(
    qtbot, window, returned, menu_action, monkeypatch
):
    def user(dialog: CollectDialog) -> int:
        dialog.add_paths(returned[:2])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", user)
    window.progress.set_period(PERIOD)
    menu_action(window, ActionId.COLLECT).trigger()
    menu_action(window, ActionId.STATUS_COLOURS).trigger()
    model = window.model

    def fill(measure_id, department_id):
        index = model.index(model.row_of(measure_id), model.column_of(department_id))
        return index.data(ItemRole.PAINT)[4]

    from matrixdesk.core.progress import Meaning

    assert fill(5, 4) == MEANING_FILL[Meaning.DONE]  # 已完成
    assert fill(3, 4) == MEANING_FILL[Meaning.DOING]  # the newer 推进中 was kept
    assert fill(2, 2) == SILENT_FILL  # 省体育局 said nothing
    assert fill(2, 3) is None  # not assigned
    menu_action(window, ActionId.STATUS_COLOURS).trigger()
    assert fill(5, 4) is None
    window.docks.raise_dock("progress")  # out of view it follows nothing (see onscreen.py)
    panel = window.docks.panels["progress"]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    names = [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]
    assert "省体育局" in names
    panel.chase_only.setChecked(True)
    names = [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())]
    assert names == ["省体育局", "省农业农村厅"]  # returned nothing for 2021-03: to chase


def test_status_tooltips_roll_up_per_measure_and_department(
    window, returned, monkeypatch, menu_action
):
    def user(dialog: CollectDialog) -> int:
        dialog.add_paths(returned[:2])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()
    menu_action(window, ActionId.STATUS_COLOURS).trigger()
    model = window.model
    row = model.row_of(5)
    cell = model.index(row, model.column_of(4)).data(Qt.ItemDataRole.ToolTipRole)
    assert cell.endswith("Status (2021-03): 已完成")
    title = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "2021-03: done 1 of 1, late 0, not reported 0" in title  # 各地区 is collective
    header = model.headerData(
        model.column_of(2), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "done 0 of 1, late 0, not reported 1" in header  # 省体育局 said nothing


def test_progress_report_of_the_period_shown(window, returned, monkeypatch, menu_action, tmp_path):
    import shutil
    import subprocess

    def user(dialog: CollectDialog) -> int:
        dialog.add_paths(returned[:2])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()
    menu_action(window, ActionId.REPORT_PROGRESS).trigger()
    out = tmp_path / "progress.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, ActionId.EXPORT_PDF).trigger()
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = "".join(text.split())
    assert "进展情况报告（2021年3月）" in text and "已完成" in text and "本期未报送" in text


def test_cancelling_the_reading_leaves_the_new_files_out(window, returned, monkeypatch, qtbot):
    from PySide6.QtWidgets import QProgressDialog

    dialog = CollectDialog(window.document.store, returned[:1], window)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1
    answers = [True]  # the user presses Cancel while the new files are read, once
    monkeypatch.setattr(
        QProgressDialog, "wasCanceled", lambda self: bool(answers and answers.pop())
    )
    dialog.add_paths(returned[1:])
    assert dialog.paths == [returned[0]] and dialog.tree.topLevelItemCount() == 1
    assert dialog.collection is not None and len(dialog.collection.files) == 1


def test_a_department_chosen_in_the_progress_panel_filters_the_grid(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.docks.focus_dock("progress")  # the panel reads the ledger once it is on screen
    panel = window.docks.panels["progress"]
    qtbot.waitUntil(lambda: 2 in panel.ids)
    row = panel.ids.index(2)  # 省体育局
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.filter_bar.department.currentData() == 2
    shown = {
        window.proxy.mapToSource(window.proxy.index(r, 0)).row()
        for r in range(window.proxy.rowCount())
    }
    assert {window.model.measure_id(r) for r in shown} >= {2}
    assert window.model.row_of(3) not in shown  # 扩大农产品消费: not 省体育局's


def test_the_preview_names_tasks_by_the_documents_own_numbers(
    window, returned, qtbot, monkeypatch, menu_action
):
    """The preview listed '1.2 扩大农产品消费' (the plan's internal code) where the grid
    beside it says (二)."""
    seen = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: (returned[:1], "Excel workbooks")
    )

    def user(dialog: CollectDialog) -> int:
        qtbot.addWidget(dialog)
        QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        seen.extend(i.text(0) for i in items(dialog) if i.parent() is not None)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()
    assert seen and all(t.startswith(("(二) ", "(三) ")) for t in seen), seen


def test_status_colours_follow_an_edit_without_reading_the_whole_plan(
    qtbot, window, menu_action, monkeypatch
):
    """With the colours on, every edit copied the plan and rolled up the whole ledger
    (a second at 30,000 measures); now the edit's own cells are worked out again."""
    from matrixdesk.core.model import Role
    from matrixdesk.core.progress import Meaning

    store = window.document.store
    window.progress.set_period(PERIOD)
    window.progress.today = dt.date(2030, 1, 1)  # every deadline has passed
    menu_action(window, ActionId.STATUS_COLOURS).trigger()
    model = window.model

    def fill(measure_id, department_id):
        index = model.index(model.row_of(measure_id), model.column_of(department_id))
        return index.data(ItemRole.PAINT)[4]

    store.apply_progress(ProgressUpdate([ProgressEntry(2, 1, PERIOD, "已完成")]))
    copies = []
    original = MatrixStore.plan
    monkeypatch.setattr(MatrixStore, "plan", lambda s, **k: copies.append(1) or original(s, **k))
    assert fill(2, 1) == MEANING_FILL[Meaning.DONE]
    assert fill(2, 3) is None
    grid = window.view.grid
    window.view.select_cell(model.row_of(2), model.column_of(3))
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Space)  # 省文化和旅游厅 now leads too: nothing reported
    assert store.role(2, 3) == Role.LEAD
    assert fill(2, 3) == SILENT_FILL
    QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fill(2, 3) is None
    assert copies == []
