"""The real main window driven with pytest-qt: clicks and keys on the grid, undo, redo,
reopening the file, multi-cell steps, merges, copy/paste, filters and panels."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from matrixdesk.core.model import Role
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.commands import MergeDepartmentsCommand
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    w.activateWindow()
    return w


def cell(window, measure_id, department_id):
    model, proxy = window.model, window.proxy
    src = model.index(model.row_of(measure_id), model.column_of(department_id))
    return proxy.mapFromSource(src)


def click(qtbot, window, measure_id, department_id):
    index = cell(window, measure_id, department_id)
    grid = window.view.grid
    grid.scrollTo(index)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )


def select(window, cells):
    sel = QItemSelection()
    for m, d in cells:
        index = cell(window, m, d)
        sel.select(index, index)
    sm = window.view.selection_model
    sm.setCurrentIndex(cell(window, *cells[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
    sm.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    window.view.grid.setFocus()


def test_title_names_the_file(window):
    assert window.windowTitle() == "plan.mdesk — MatrixDesk"
    assert not window.isWindowModified()
    assert window.view.grid.horizontalHeader().height() > 80  # vertical department names


def test_click_undo_redo_close_reopen(qtbot, window, plan_file):
    store = window.document.store
    click(qtbot, window, 3, 1)  # 扩大农产品消费 × 省文化和旅游厅: none → lead
    assert store.role(3, 1) == Role.LEAD
    assert not window.isWindowModified()  # every edit is saved: no "*"
    click(qtbot, window, 3, 1)  # lead → support
    assert store.role(3, 1) == Role.SUPPORT
    window.action(ActionId.UNDO).trigger()
    assert store.role(3, 1) == Role.LEAD
    window.action(ActionId.UNDO).trigger()
    assert store.role(3, 1) is None
    assert not window.isWindowModified()
    window.action(ActionId.REDO).trigger()
    assert store.role(3, 1) == Role.LEAD
    assert window.model.data(window.model.index(2, window.model.column_of(1))) == "●"
    window.action(ActionId.CLOSE).trigger()
    assert window.document is None
    assert window.files.open_path(plan_file)
    assert window.document.store.role(3, 1) == Role.LEAD


def test_keys_on_the_grid(qtbot, window):
    store = window.document.store
    select(window, [(3, 2)])
    qtbot.keyClick(window.view.grid, Qt.Key.Key_L)
    assert store.role(3, 2) == Role.LEAD
    qtbot.keyClick(window.view.grid, Qt.Key.Key_S)
    assert store.role(3, 2) == Role.SUPPORT
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Space)
    assert store.role(3, 2) is None
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Space)
    assert store.role(3, 2) == Role.LEAD
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Delete)
    assert store.role(3, 2) is None
    assert window.document.undo_stack.count() == 5


def test_many_cells_in_one_step(qtbot, window):
    store = window.document.store
    cells = [(2, 3), (2, 4), (3, 1), (3, 2), (5, 1)]
    select(window, cells)
    qtbot.keyClick(window.view.grid, Qt.Key.Key_L)
    assert all(store.role(m, d) == Role.LEAD for m, d in cells)
    stack = window.document.undo_stack
    assert stack.count() == 1
    window.action(ActionId.UNDO).trigger()
    assert all(store.role(m, d) is None for m, d in cells)
    assert store.role(2, 1) == Role.LEAD  # untouched cells stay


def test_headings_and_totals_are_not_edited(qtbot, window):
    store = window.document.store
    click(qtbot, window, 1, 1)  # 一、 is a heading
    assert store.role(1, 1) is None
    assert window.document.undo_stack.count() == 0


def test_merge_departments_through_the_window(window):
    doc, model = window.document, window.model
    columns = model.columnCount()
    doc.push(MergeDepartmentsCommand(doc.store, 3, 4))  # 省农业农村厅 into 省商务厅
    assert model.columnCount() == columns - 1
    assert model.column_of(3) is None
    assert doc.store.role(3, 4) == Role.LEAD
    assert "省农业农村厅" in doc.store.department(4).aliases
    window.action(ActionId.UNDO).trigger()
    assert model.columnCount() == columns
    assert doc.store.role(3, 3) == Role.LEAD and doc.store.role(3, 4) == Role.SUPPORT
    assert model.headerData(model.column_of(3), Qt.Orientation.Horizontal) == "省农业农村厅"


def test_copy_paste_cells_and_whole_rows(qtbot, window):
    store = window.document.store
    select(window, [(2, 1), (2, 2)])
    window.action(ActionId.COPY).trigger()
    assert QApplication.clipboard().text() == "●\t○"
    select(window, [(6, 1)])
    window.action(ActionId.PASTE).trigger()
    assert store.role(6, 1) == Role.LEAD and store.role(6, 2) == Role.SUPPORT
    # a whole row (selected on the frozen side) onto two other rows, one step
    proxy, sm = window.proxy, window.view.selection_model
    row = cell(window, 5, 1).row()
    sm.select(
        proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    window.action(ActionId.COPY).trigger()
    targets = QItemSelection()
    for m in (2, 3):
        r = cell(window, m, 1).row()
        targets.select(proxy.index(r, 0), proxy.index(r, proxy.columnCount() - 1))
    sm.select(targets, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    count = window.document.undo_stack.count()
    window.action(ActionId.PASTE).trigger()
    assert window.document.undo_stack.count() == count + 1
    for m in (2, 3):
        assert [(a.department_id, a.role) for a in store.assignments_of(m)] == [
            (5, Role.LEAD),
            (4, Role.SUPPORT),
        ]
    window.action(ActionId.UNDO).trigger()
    assert store.role(2, 1) == Role.LEAD


def test_filter_bar(qtbot, window):
    bar, proxy = window.filter_bar, window.proxy
    bar.search.setText("农产品")
    bar.search.returnPressed.emit()
    assert proxy.rowCount() == 2  # 一、 + 扩大农产品消费 (the totals row is the footer)
    assert "2" in bar.count.text() or bar.count.text()
    bar.department.setCurrentIndex(bar.department.findData(2))  # 省体育局: no match with the text
    assert proxy.rowCount() == 0
    bar.clear()
    assert proxy.rowCount() == window.model.total_row  # every measure


def test_panels_follow_the_grid(qtbot, window):
    select(window, [(3, 4)])
    panel = window.docks.panels["measure"]
    if panel is not None:
        assert panel.measure_id == 3
    window.select_measure(5, 4)
    assert window.editor.current_measure_id() == 5
    findings = window.docks.panels["findings"]
    if findings is not None:
        findings.findingActivated.emit(6, None)
        assert window.editor.current_measure_id() == 6
    departments = window.docks.panels["departments"]
    if departments is not None:
        departments.departmentActivated.emit(5)


def test_add_and_remove_measure_and_department(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    store = window.document.store
    select(window, [(3, 1)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新增措施", True))
    assert window.editor.add_measure()
    added = [m for m in store.measures() if m.title == "新增措施"][0]
    assert added.parent_id == 1 and added.code == "1.3" and added.position == 3
    assert window.editor.current_measure_id() == added.id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.action(ActionId.REMOVE_MEASURE).trigger()
    assert all(m.title != "新增措施" for m in store.measures())
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("省财政厅", True))
    window.action(ActionId.ADD_DEPARTMENT).trigger()
    assert store.department_named("省财政厅") is not None
    assert (
        window.model.headerData(
            window.model.column_of(store.department_named("省财政厅").id), Qt.Orientation.Horizontal
        )
        == "省财政厅"
    )
    assert window.document.undo_stack.count() == 3


def test_actions_follow_the_state(window):
    select(window, [(3, 1)])
    assert window.action(ActionId.SET_LEAD).isEnabled()
    window.view.selection_model.clearSelection()
    window.update_actions()
    assert not window.action(ActionId.SET_LEAD).isEnabled()
    window.action(ActionId.CLOSE).trigger()
    assert not window.action(ActionId.SAVE_AS).isEnabled()
    assert window.action(ActionId.OPEN).isEnabled()
    assert window.windowTitle() == "MatrixDesk"


def test_layout_saved_in_private_settings(qtbot, window, tmp_path):
    from matrixdesk.ui import settings
    from matrixdesk.ui.window.layout import screen_key

    screen = screen_key(window.screen().availableGeometry().size())
    window.close()
    assert settings.settings_path() == tmp_path / "settings" / "matrixdesk.ini"
    assert all(not settings.value(s).isEmpty() for s in settings.layout_settings(screen))
    assert settings.recent_files()[0].endswith("plan.mdesk")
