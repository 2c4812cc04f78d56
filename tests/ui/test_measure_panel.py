"""The measure panel: edits go through the undo stack and the panel follows the store."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QModelIndex, Qt

from matrixdesk.core.model import Comparator
from matrixdesk.store import MatrixStore
from matrixdesk.ui.document import Document
from matrixdesk.ui.widgets.measure_panel import MeasurePanel
from matrixdesk.ui.widgets.targets_model import COMPARATOR, INDICATOR, VALUE, YEAR


@pytest.fixture
def panel(qtbot, small_plan):
    doc = Document(MatrixStore.memory(small_plan))
    widget = MeasurePanel(doc)
    qtbot.addWidget(widget)
    widget.set_measure(2)
    return widget


def test_shows_measure(panel):
    assert panel.title_edit.text() == "发展冰雪消费"
    assert "省文化和旅游厅" in panel.roles_label.text()
    assert "发展冰雪消费" in panel.text_view.toPlainText()
    assert panel.targets_model.rowCount() == 1


def test_edit_title_undo_redo(panel):
    doc = panel.document
    panel.title_edit.setText("大力发展冰雪消费")
    panel.title_edit.editingFinished.emit()
    assert doc.store.measure(2).title == "大力发展冰雪消费"
    assert doc.undo_stack.count() == 1
    panel.title_edit.editingFinished.emit()  # unchanged: no second command
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.store.measure(2).title == "发展冰雪消费"
    assert panel.title_edit.text() == "发展冰雪消费"
    doc.undo_stack.redo()
    assert panel.title_edit.text() == "大力发展冰雪消费"
    doc.undo_stack.undo()
    assert doc.undo_stack.isClean()


def test_deadline_and_open_ended(panel):
    doc = panel.document
    panel.deadline_edit.setText("2021年底前")
    panel.deadline_edit.editingFinished.emit()
    assert doc.store.measure(2).deadline == "2021年底前"
    panel.open_ended_box.click()
    assert doc.store.measure(2).open_ended is True
    doc.undo_stack.undo()
    assert not panel.open_ended_box.isChecked()
    doc.undo_stack.undo()
    assert panel.deadline_edit.text() == ""


def test_edit_target_through_model(panel):
    doc, model = panel.document, panel.targets_model
    assert model.setData(model.index(0, VALUE), "80")
    assert doc.store.targets(2)[0].value == 80
    assert model.index(0, VALUE).data() == "80"
    assert model.setData(model.index(0, COMPARATOR), "<=")
    assert doc.store.targets(2)[0].comparator == Comparator.LE
    assert model.setData(model.index(0, YEAR), "2025年")
    assert doc.store.targets(2)[0].year == 2025
    assert not model.setData(model.index(0, YEAR), "soon")
    assert not model.setData(model.index(0, INDICATOR), "")
    for _ in range(3):
        doc.undo_stack.undo()
    target = doc.store.targets(2)[0]
    assert (target.value, target.comparator, target.year) == (60, Comparator.GE, 2022)
    assert model.index(0, YEAR).data() == "2022"


def test_add_and_remove_target(panel):
    doc, model = panel.document, panel.targets_model
    model.add_target()
    assert model.rowCount() == 2
    assert len(doc.store.targets(2)) == 2
    panel.targets_view.selectRow(0)
    panel.remove_target_button.click()
    assert [t.indicator for t in doc.store.targets(2)] == [model.target(0).indicator]
    assert model.rowCount() == 1
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert [t.indicator for t in doc.store.targets(2)] == ["滑雪场"]
    assert model.rowCount() == 1


def test_follows_role_changes_and_removal(panel):
    from matrixdesk.ui.commands import RemoveMeasureCommand, SetRolesCommand

    doc = panel.document
    doc.push(SetRolesCommand(doc.store, [(2, 4, "support")]))
    assert "省商务厅" in panel.roles_label.text()
    doc.push(RemoveMeasureCommand(doc.store, 2))
    assert panel.measure_id is None
    assert panel.targets_model.rowCount() == 0


def test_empty_and_model(panel, qtmodeltester):
    qtmodeltester.check(panel.targets_model)
    panel.set_measure(None)
    assert panel.targets_model.rowCount(QModelIndex()) == 0
    panel.set_measure(3)
    qtmodeltester.check(panel.targets_model)
    assert panel.targets_model.index(0, YEAR).data(Qt.ItemDataRole.ToolTipRole)


def test_edit_text_by_typing_commits_once_on_ctrl_enter(panel, qtbot):
    doc = panel.document
    view = panel.text_view
    view.setFocus()
    view.moveCursor(view.textCursor().MoveOperation.End)
    view.insertPlainText("加强考核")  # what an input method delivers
    qtbot.keyClicks(view, "5G")  # and keys typed on the keyboard
    assert doc.undo_stack.count() == 0  # nothing written while typing
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert doc.store.measure(2).text.endswith("加强考核5G")
    assert doc.undo_stack.count() == 1
    view._finish()  # leaving the box afterwards adds no second step
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert not doc.store.measure(2).text.endswith("加强考核5G")
    assert not view.toPlainText().endswith("加强考核5G")


def test_text_is_read_only_for_a_read_only_plan(qtbot, tmp_path, small_plan):
    path = tmp_path / "p.mdesk"
    MatrixStore.create(path, small_plan).close()
    doc = Document(MatrixStore.open(path, read_only=True))
    widget = MeasurePanel(doc)
    qtbot.addWidget(widget)
    widget.set_measure(2)
    assert widget.text_view.isReadOnly() and widget.title_edit.isReadOnly()
    doc.close()
