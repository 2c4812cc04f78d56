"""Bugs found by using the real main window as a coordinator would; one test each."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from matrixdesk.core.model import Department, Measure, Plan, Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.main_window import MainWindow
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN, RowKind


def _window(qtbot, tmp_path, plan: Plan) -> MainWindow:
    path = tmp_path / "qa.mdesk"
    MatrixStore.create(str(path), plan).close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(str(path), remember=False)
    return w


def test_a_measure_without_sub_measures_can_be_assigned(qtbot, tmp_path):
    """A top-level measure with no sub-measures and no departments was painted as a heading
    and could never be assigned (the only measure of a plan, or one added by hand)."""
    plan = Plan(
        measures=[Measure(1, "1", "1.", 1, "唯一的任务")],
        departments=[Department(1, "省商务厅")],
    )
    w = _window(qtbot, tmp_path, plan)
    assert w.model.row_kind(0) == RowKind.TASK
    assert w.editor.cycle_at(w.proxy.index(0, FIRST_DEPARTMENT_COLUMN))
    assert w.document.store.role(1, 1) == Role.LEAD


def test_a_measure_added_to_an_empty_plan_can_be_assigned(qtbot, tmp_path, monkeypatch):
    w = _window(qtbot, tmp_path, Plan(departments=[Department(1, "省商务厅")]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新增任务", True))
    assert w.editor.add_measure()
    mid = w.editor.current_measure_id()
    row = w.model.row_of(mid)
    assert w.model.is_editable_cell(row, FIRST_DEPARTMENT_COLUMN)
    assert w.editor.cycle_at(w.proxy.index(row, FIRST_DEPARTMENT_COLUMN))
    assert w.document.store.role(mid, 1) == Role.LEAD
