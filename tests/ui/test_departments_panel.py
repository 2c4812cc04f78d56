"""The departments panel: every action through a (patched) dialog, one undo step each."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.document import Document
from matrixdesk.ui.widgets.departments_panel import (
    COLLECTIVE,
    LEAD,
    NAME,
    SUPPORT,
    DepartmentsPanel,
    split_aliases,
)


@pytest.fixture
def panel(qtbot, small_plan):
    widget = DepartmentsPanel(Document(MatrixStore.memory(small_plan)))
    qtbot.addWidget(widget)
    widget.show()  # a hidden panel only notes changes (see the last test)
    return widget


def names(panel):
    return [d.name for d in panel.document.store.departments()]


def test_lists_departments_with_counts(panel, qtmodeltester):
    model = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    row = model.row_of(4)  # 省商务厅 supports 1.2 and 2.3
    assert model.index(row, NAME).data() == "省商务厅"
    assert (model.index(row, LEAD).data(), model.index(row, SUPPORT).data()) == ("0", "2")
    assert model.index(4, COLLECTIVE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_rename_keeps_selection_and_undoes(panel, monkeypatch):
    panel.select_department(3)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("省农业农村厅(新)", True))
    panel.rename_action.trigger()
    assert panel.document.store.department(3).name == "省农业农村厅(新)"
    assert panel.selected_department_id() == 3
    panel.document.undo_stack.undo()
    assert panel.document.store.department(3).name == "省农业农村厅"


def test_rename_to_existing_name_is_refused(panel, monkeypatch):
    warnings = []
    panel.select_department(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("省体育局", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
    panel.rename_action.trigger()
    assert warnings and panel.document.undo_stack.count() == 0


def test_inline_rename_and_aliases(panel):
    model = panel.model
    assert model.setData(model.index(0, NAME), "省文旅厅")
    assert names(panel)[0] == "省文旅厅"
    assert model.setData(model.index(0, 1), "文旅厅, 省文化和旅游厅")
    assert panel.document.store.department(1).aliases == ["文旅厅", "省文化和旅游厅"]


def test_aliases_action(panel, monkeypatch):
    panel.select_department(4)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("商务厅、省商务委", True))
    panel.aliases_action.trigger()
    assert panel.document.store.department(4).aliases == ["商务厅", "省商务委"]
    panel.document.undo_stack.undo()
    assert panel.document.store.department(4).aliases == []
    assert split_aliases(" a，b、c;d ") == ["a", "b", "c", "d"]


def test_merge_is_one_step_and_loses_nothing(panel, monkeypatch):
    store = panel.document.store
    panel.select_department(3)  # 省农业农村厅 leads 1.2 → merge into 省商务厅 (supports 1.2)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("省商务厅", True))
    panel.merge_action.trigger()
    assert "省农业农村厅" not in names(panel)
    assert store.role(3, 4) == Role.LEAD
    assert store.role(5, 4) == Role.SUPPORT
    assert "省农业农村厅" in store.department(4).aliases
    assert panel.selected_department_id() == 4
    assert panel.document.undo_stack.count() == 1
    panel.document.undo_stack.undo()
    assert store.role(3, 3) == Role.LEAD and store.role(3, 4) == Role.SUPPORT
    assert store.department(3).aliases == ["省农委"]


def test_move_up_and_down(panel):
    panel.select_department(2)
    panel.up_action.trigger()
    assert names(panel)[:2] == ["省体育局", "省文化和旅游厅"]
    assert panel.selected_department_id() == 2
    assert not panel.up_action.isEnabled()
    panel.down_action.trigger()
    panel.down_action.trigger()
    assert names(panel)[2] == "省体育局"
    panel.document.undo_stack.undo()
    panel.document.undo_stack.undo()
    panel.document.undo_stack.undo()
    assert names(panel)[:2] == ["省文化和旅游厅", "省体育局"]


def test_collective_toggle(panel):
    panel.select_department(2)
    assert not panel.collective_action.isChecked()
    panel.collective_action.trigger()
    assert panel.document.store.department(2).collective
    assert panel.collective_action.isChecked()
    panel.document.undo_stack.undo()
    assert not panel.document.store.department(2).collective
    model = panel.model
    assert model.setData(
        model.index(1, COLLECTIVE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert panel.document.store.department(2).collective


def test_add_and_remove_with_confirmation(panel, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("省财政厅", True))
    panel.add_action.trigger()
    assert names(panel)[-1] == "省财政厅"
    assert panel.selected_department_id() == panel.document.store.departments()[-1].id
    asked = []
    panel.remove_action.trigger()  # no assignments: no question
    assert "省财政厅" not in names(panel) and not asked
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.No)
    panel.select_department(4)
    panel.remove_action.trigger()
    assert asked and "省商务厅" in names(panel)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    panel.remove_action.trigger()
    assert "省商务厅" not in names(panel)
    panel.document.undo_stack.undo()
    assert panel.document.store.role(3, 4) == Role.SUPPORT


def test_activation_signal(panel, qtbot):
    with qtbot.waitSignal(panel.departmentActivated) as blocker:
        panel.view.activated.emit(panel.model.index(2, NAME))
    assert blocker.args == [3]


def test_move_shortcuts(panel):
    from PySide6.QtGui import QKeySequence

    assert panel.up_action.shortcut() == QKeySequence("Ctrl+Up")
    assert panel.down_action.shortcut() == QKeySequence("Ctrl+Down")
    assert panel.down_action in panel.actions()  # live while the panel has the focus


def test_a_cell_edit_repaints_only_its_departments_and_a_hidden_panel_waits(panel, qtbot):
    from matrixdesk.ui.commands import SetRolesCommand

    doc, model = panel.document, panel.model
    changed = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    doc.push(SetRolesCommand(doc.store, [(6, 2, Role.LEAD)]))
    assert changed == [(model.row_of(2), model.row_of(2))]
    assert model.index(model.row_of(2), LEAD).data() == "1"
    panel.hide()
    changed.clear()
    doc.push(SetRolesCommand(doc.store, [(6, 3, Role.SUPPORT)]))
    doc.push(SetRolesCommand(doc.store, [(2, 2, None)]))
    assert not changed and not resets  # hidden: nothing done
    panel.show()
    assert resets  # caught up once, when shown
    row = model.row_of(3)
    assert (model.index(row, LEAD).data(), model.index(row, SUPPORT).data()) == ("1", "1")
