"""The panels around the grid after an edit, a filter, a new target and an undone merge,
driven through the real window (issue 8)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QInputDialog

from matrixdesk.core.validate import FindingCode
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


def grid_index(window, measure_id, department_id):
    model = window.model
    src = model.index(model.row_of(measure_id), model.column_of(department_id))
    return window.proxy.mapFromSource(src)


def click(qtbot, window, measure_id, department_id, modifier=Qt.KeyboardModifier.NoModifier):
    grid, index = window.view.grid, grid_index(window, measure_id, department_id)
    grid.scrollTo(index)
    pos = grid.visualRect(index).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def test_findings_follow_an_edit_at_once(qtbot, window):
    """Findings refreshed one to two seconds after an edit (a 300 ms timer, then the chart)."""
    findings = window.docks.panels["findings"]
    qtbot.waitUntil(lambda: not findings.tracker.pending)  # checked once the window painted
    assert (FindingCode.NO_ANNOTATION, 6) in [
        (f.code, f.measure_id) for f in findings.model.findings()
    ]
    window.view.grid.setFocus()
    window.view.select_cell(grid_index(window, 6, 4).row(), grid_index(window, 6, 4).column())
    qtbot.keyClick(window.view.grid, Qt.Key.Key_L)  # 加强宣传 × 省商务厅: lead
    QCoreApplication.processEvents()  # one turn of the event loop, no waiting
    assert 6 not in [f.measure_id for f in findings.model.findings()]


def test_an_empty_filter_result_says_so_and_esc_clears_it(qtbot, window):
    """A filter that matched nothing left a blank grid and no message."""
    search = window.filter_bar.search
    search.setFocus()
    qtbot.keyClicks(search, "no-such-measure")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.proxy.rowCount() == 0
    assert window.no_match.isVisible() and not window.view.isVisible()
    assert "no-such-measure" in window.no_match.label.text()
    assert window.no_match.button.isEnabled()  # View ▸ Show All Measures
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.proxy.rowCount() == window.model.total_row
    assert not window.no_match.isVisible() and window.view.isVisible()


def test_show_all_measures_from_the_note(qtbot, window, menu_action):
    window.filter_bar.department.setCurrentIndex(window.filter_bar.department.findData(2))
    window.filter_bar.findings.setChecked(True)  # 省体育局's measures have no findings
    assert window.no_match.isVisible()
    assert "省体育局" in window.no_match.label.text()
    assert menu_action(window, ActionId.CLEAR_FILTER).isEnabled()
    qtbot.mouseClick(window.no_match.button, Qt.MouseButton.LeftButton)
    assert window.view.isVisible() and window.proxy.rowCount() == window.model.total_row
    assert not menu_action(window, ActionId.CLEAR_FILTER).isEnabled()


def test_an_edit_that_empties_the_filter_result_shows_the_note(qtbot, window):
    window.filter_bar.department.setCurrentIndex(window.filter_bar.department.findData(2))
    assert window.proxy.rowCount() == 2  # 一、 and 发展冰雪消费
    window.view.select_cell(grid_index(window, 2, 2).row(), grid_index(window, 2, 2).column())
    window.view.grid.setFocus()
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert window.no_match.isVisible()


def test_a_new_target_row_is_in_sight_and_being_typed(qtbot, window):
    """A new target landed out of sight below the two rows the table showed."""
    window.resize(1024, 700)
    index = grid_index(window, 2, 1)
    window.view.select_cell(index.row(), index.column())
    panel = window.docks.panels["measure"]
    window.docks.raise_dock("measure")
    view = panel.targets_view
    for _ in range(4):
        qtbot.mouseClick(panel.add_target_button, Qt.MouseButton.LeftButton)
        current = view.currentIndex()
        assert current.row() == panel.targets_model.rowCount() - 1
        assert view.viewport().rect().contains(view.visualRect(current))
        assert view.state() == QAbstractItemView.State.EditingState
    assert panel.targets_model.rowCount() == 5
    assert window.document.undo_stack.count() == 4


def test_undoing_a_merge_keeps_the_selected_block_whole(qtbot, window, monkeypatch):
    """Undoing a merge left the restored column's cell out of the highlighted selection."""
    click(qtbot, window, 3, 1)
    click(qtbot, window, 3, 5, Qt.KeyboardModifier.ShiftModifier)  # 扩大农产品消费, every column
    selected = {(i.row(), i.column()) for i in window.view.selection_model.selectedIndexes()}
    assert len(selected) == 5
    panel = window.docks.panels["departments"]
    panel.select_department(3)  # 省农业农村厅 into 省商务厅
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("省商务厅", True))
    panel.merge_action.trigger()
    assert window.model.column_of(3) is None
    window.view.grid.setFocus()
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.column_of(3) is not None
    after = {(i.row(), i.column()) for i in window.view.selection_model.selectedIndexes()}
    assert after == selected
    header = window.view.grid.horizontalHeader()
    assert header.current_section == window.view.current_index().column()


def test_the_current_column_stays_marked_when_a_column_goes(qtbot, window, monkeypatch):
    click(qtbot, window, 3, 5)  # 各地区, right of the merged department
    panel = window.docks.panels["departments"]
    panel.select_department(3)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("省商务厅", True))
    panel.merge_action.trigger()
    header = window.view.grid.horizontalHeader()
    assert window.view.current_index().column() == window.model.column_of(5)
    assert header.current_section == window.model.column_of(5)


def test_the_grid_and_panels_show_the_document_numbers(qtbot, window):
    """Coordinators quote （一）1., not an invented code 1.1.1."""
    model = window.model
    assert model.index(model.row_of(2), 0).data() == "(一)"
    tip = model.index(model.row_of(2), 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "(一) 发展冰雪消费" in tip and "1.1" in tip  # the code is there for sorting
    index = grid_index(window, 3, 1)
    window.view.select_cell(index.row(), index.column())
    assert window.docks.panels["measure"].code_label.text() == "(二)"
    findings = window.docks.panels["findings"]
    qtbot.waitUntil(lambda: not findings.tracker.pending)  # checked once the window painted
    texts = [findings.model.text(r) for r in range(findings.model.rowCount())]
    assert any("(四) 加强宣传" in t for t in texts)


def test_search_finds_a_number_typed_full_width(qtbot, window):
    window.filter_bar.search.setText("（三）")  # as typed with a Chinese input method
    window.filter_bar.search.returnPressed.emit()
    shown = {
        window.proxy.mapToSource(window.proxy.index(r, 0)).row()
        for r in range(window.proxy.rowCount())
    }
    assert window.model.row_of(5) in shown


def history_texts(window) -> list[str]:
    view = window.docks.history
    model = view.model()
    return [model.index(r, 0).data() for r in range(1, model.rowCount())]  # row 0: <opened>


def test_history_says_what_changed(qtbot, window, monkeypatch):
    """The history said "Set lead" or "Change cell" without saying where."""
    index = grid_index(window, 3, 1)
    window.view.select_cell(index.row(), index.column())
    window.view.grid.setFocus()
    qtbot.keyClick(window.view.grid, Qt.Key.Key_L)
    window.view.select_cell(index.row(), index.column() + 1)
    qtbot.keyClick(window.view.grid, Qt.Key.Key_S)
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Delete)
    panel = window.docks.panels["departments"]
    panel.select_department(3)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("省商务厅", True))
    panel.merge_action.trigger()
    assert history_texts(window) == [
        "Set lead: (二) × 省文化和旅游厅",
        "Set support: (二) × 省体育局",
        "Clear: (二) × 省体育局",
        "Merge departments: 省农业农村厅 → 省商务厅",
    ]
    summaries = [row["summary"] for row in window.document.store.changes(5)]
    assert "Set lead: (二) × 省文化和旅游厅" in summaries  # the file's change log says it too
    assert (
        window.action(ActionId.UNDO).text().endswith("Merge departments: 省农业农村厅 → 省商务厅")
    )


def test_history_in_chinese(qapp, qtbot, plan_file):
    from matrixdesk.ui import i18n

    i18n.install_translators(qapp, "zh_CN")
    try:
        w = MainWindow(persist_layout=False)
        qtbot.addWidget(w)
        assert w.files.open_path(plan_file, remember=False)
        index = grid_index(w, 3, 1)
        w.view.select_cell(index.row(), index.column())
        w.view.grid.setFocus()
        qtbot.keyClick(w.view.grid, Qt.Key.Key_L)
        assert history_texts(w) == ["设为牵头：(二) × 省文化和旅游厅"]
    finally:
        i18n.install_translators(qapp, "en")
