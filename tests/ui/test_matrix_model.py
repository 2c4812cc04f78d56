"""The matrix model and its filter proxy: Qt's model tester, store events, filtering."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from matrixdesk.core.model import Measure, Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.commands import (
    AddDepartmentCommand,
    AddMeasureCommand,
    MergeDepartmentsCommand,
    RemoveMeasureCommand,
)
from matrixdesk.ui.document import Document
from matrixdesk.ui.models.clipboard import copy_block, paste_cells, paste_rows, read_block
from matrixdesk.ui.models.filter_proxy import MatrixFilterProxy
from matrixdesk.ui.models.matrix_model import (
    FIRST_DEPARTMENT_COLUMN as D0,
)
from matrixdesk.ui.models.matrix_model import (
    ItemRole,
    MatrixModel,
    RowKind,
    _diff,
)


def make(small_plan):
    doc = Document(MatrixStore.memory(small_plan))
    model = MatrixModel(doc)
    proxy = MatrixFilterProxy()
    proxy.setSourceModel(model)
    return doc, model, proxy


def test_model_tester_on_model_and_proxy(qtmodeltester, small_plan):
    doc, model, proxy = make(small_plan)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(text="冰雪")
    qtmodeltester.check(proxy)


def test_layout_and_cells(small_plan):
    doc, model, _ = make(small_plan)
    assert model.rowCount() == 6 + 1  # measures + totals
    assert model.columnCount() == D0 + 5 + 1
    assert model.row_kind(0) == RowKind.GROUP  # 一、
    assert model.row_kind(1) == RowKind.TASK
    assert model.row_kind(6) == RowKind.TOTAL
    assert model.data(model.index(1, D0)) == "●"  # 发展冰雪消费 / 省文化和旅游厅
    assert model.data(model.index(1, D0 + 1)) == "○"
    assert model.data(model.index(1, D0 + 2)) == ""
    assert model.data(model.index(1, D0 + 5)) == "2"  # row total
    assert model.data(model.index(6, D0 + 3)) == "2"  # 省商务厅 supports twice
    assert model.headerData(D0 + 2, Qt.Orientation.Horizontal) == "省农业农村厅"
    tip = model.headerData(D0 + 2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "省农委" in tip and "1" in tip
    assert not model.flags(model.index(0, D0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(1, D0)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(1, D0), ItemRole.PAINT)[2] == Role.LEAD


def test_set_data_pushes_command_and_refreshes(qtbot, small_plan):
    doc, model, _ = make(small_plan)
    index = model.index(1, D0 + 2)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(index, Role.LEAD)
    assert doc.store.role(2, 3) == Role.LEAD
    assert doc.undo_stack.count() == 1
    assert model.data(model.index(1, D0 + 5)) == "3"
    doc.undo_stack.undo()
    assert model.data(index) == ""
    assert not model.setData(model.index(0, D0), Role.LEAD)  # headings are not editable


def test_structure_and_department_events(qtbot, small_plan):
    doc, model, proxy = make(small_plan)
    with qtbot.waitSignal(model.rowsInserted):
        doc.push(
            AddMeasureCommand(doc.store, Measure(0, "1.3", "(三)", 2, "新措施", parent_id=1), 3)
        )
    assert model.rowCount() == 8
    assert model.data(model.index(3, 1)) == "新措施"
    with qtbot.waitSignal(model.rowsRemoved):
        doc.push(RemoveMeasureCommand(doc.store, doc.store.measures()[3].id))
    with qtbot.waitSignal(model.columnsInserted):
        doc.push(AddDepartmentCommand(doc.store, "省财政厅", 1))
    assert model.headerData(D0 + 1, Qt.Orientation.Horizontal) == "省财政厅"
    with qtbot.waitSignal(model.columnsRemoved):
        doc.push(MergeDepartmentsCommand(doc.store, 2, 1))
    doc.undo_stack.undo()
    assert model.columnCount() == D0 + 6 + 1
    assert proxy.columnCount() == model.columnCount()


def test_diff():
    assert _diff([1, 2, 3], [1, 9, 2, 3]) == ("insert", 1, 1)
    assert _diff([1, 2, 3, 4], [1, 4]) == ("remove", 1, 2)
    assert _diff([1, 2], [2, 1]) is None


def test_filters_keep_headings_and_leave_out_totals(small_plan):
    doc, model, proxy = make(small_plan)
    proxy.set_filter(text="农产品")
    titles = [proxy.data(proxy.index(r, 1)) for r in range(proxy.rowCount())]
    assert titles == ["提高消费品质", "扩大农产品消费"]  # no totals row: the view's footer
    proxy.set_filter(text="", department_id=4)  # 省商务厅
    assert proxy.rowCount() == 4  # 一、 1.2, 二、 2.3
    proxy.set_filter(department_id=None, findings_only=True)
    ids = {
        model.measure_id(proxy.mapToSource(proxy.index(r, 0)).row())
        for r in range(proxy.rowCount())
    }
    assert 6 in ids  # 加强宣传 has no responsible department
    assert 2 not in ids
    proxy.set_filter(findings_only=False)
    assert proxy.rowCount() == model.rowCount() - 1 == model.total_row


def test_copy_paste_cells_and_rows(qapp, small_plan):
    doc, model, proxy = make(small_plan)
    mime = copy_block(proxy, [1], list(range(D0, D0 + 5)), whole=False)
    assert mime.text() == "●\t○\t\t\t"
    block = read_block(mime)
    changes = paste_cells(proxy, block, proxy.index(2, D0), [2])
    assert (3, 1, Role.LEAD) in changes and (3, 3, None) in changes
    whole = read_block(copy_block(proxy, [1], list(range(D0, D0 + 5)), whole=True))
    by_measure = paste_rows(proxy, whole, [2, 4, 5])
    assert set(by_measure) == {3, 5, 6}
    assert [(a.department_id, a.role) for a in by_measure[6]] == [(1, Role.LEAD), (2, Role.SUPPORT)]
    mime.setData("application/x-matrixdesk-cells", b"")
    mime.setText("L\tS\n牵头\t")
    assert read_block(mime).rows == [[Role.LEAD, Role.SUPPORT], [Role.LEAD, None]]


def test_detach_stops_listening(small_plan):
    doc, model, _ = make(small_plan)
    model.detach()
    doc.store.set_role(2, 3, Role.LEAD)
    assert model.index(1, D0 + 2).isValid()
    assert QModelIndex().isValid() is False


def test_ordinary_text_is_not_pasted_as_cells():
    from PySide6.QtCore import QMimeData

    prose = QMimeData()
    prose.setText("加强组织领导，压实工作责任。\t省商务厅")
    assert read_block(prose) is None  # would otherwise clear the cells it lands on
    blanks = QMimeData()
    blanks.setText("\t\t\n\t\t")
    assert read_block(blanks) is None
    mixed = QMimeData()
    mixed.setText("牵头\t\t配合\r\n\t●\t")
    assert read_block(mixed).rows == [[Role.LEAD, None, Role.SUPPORT], [None, Role.LEAD, None]]
