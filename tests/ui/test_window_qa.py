"""Bugs found by using the real main window as a coordinator would; one test each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QInputDialog

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN, RowKind
from matrixdesk.ui.widgets import chart_view
from matrixdesk.ui.widgets.chart_view import MAX_BARS, ChartView
from matrixdesk.ui.widgets.matrix_view import VERTICAL_ELLIPSIS
from matrixdesk.ui.window import MainWindow


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


def _many_departments(n: int) -> Plan:
    measures = [Measure(1, "1", "一、", 1, "第一部分")]
    measures += [
        Measure(i + 2, f"1.{i + 1}", f"{i + 1}.", 2, f"任务{i + 1}", parent_id=1) for i in range(n)
    ]
    departments = [Department(i + 1, f"省测试{i + 1:03d}厅", position=i) for i in range(n)]
    assignments = [Assignment(i + 2, i + 1, Role.LEAD) for i in range(n)]
    return Plan(measures=measures, departments=departments, assignments=assignments)


def test_chart_dock_draws_a_big_plan_in_part(qtbot, tmp_path, monkeypatch):
    """A plan with 300 departments froze the window ~3 s after every edit while the chart
    dock redrew 300 bars. The dock now draws the busiest MAX_BARS and says so; the exported
    chart still has every department."""
    n = MAX_BARS + 20
    view = ChartView(MatrixStore.memory(_many_departments(n)))
    qtbot.addWidget(view)
    view.show()
    view.redraw()
    assert view.wait_drawn()
    assert len(view.words.y_labels) == MAX_BARS
    assert not view.note.isHidden()
    assert str(n) in view.note.text()
    saved = []
    monkeypatch.setattr(chart_view, "save_chart", lambda fig, path: saved.append(fig) or Path(path))
    view.save_to(tmp_path / "chart.png")
    saved[0].canvas.draw()
    assert len(saved[0].axes[0].get_yticklabels()) == n


def test_chart_dock_small_plan_is_whole(qtbot):
    view = ChartView(MatrixStore.memory(_many_departments(5)))
    qtbot.addWidget(view)
    view.redraw()
    assert view.wait_drawn()
    assert view.note.isHidden() and view.redraw_count == 1


def test_a_very_long_department_name_stays_inside_its_column(qtbot, tmp_path):
    """A 120-character department name was painted in 6-point glyphs spilling over the
    neighbouring columns; it is now cut with ︙ (the tooltip has the full name)."""
    long_name = "省" + "非常长的部门名称" * 15 + "厅"
    plan = Plan(
        measures=[Measure(1, "1", "1.", 1, "任务")],
        departments=[Department(1, long_name), Department(2, "省财政厅", position=1)],
    )
    w = _window(qtbot, tmp_path, plan)
    header = w.view.grid.horizontalHeader()
    rect = QRect(0, 0, header.sectionSize(FIRST_DEPARTMENT_COLUMN), header.height())
    font, lines = header.vertical_lines(long_name, rect, header.font())
    cw, ch = header.char_box(font)
    assert len(lines) * cw <= rect.width()
    assert all(len(line) * ch <= rect.height() for line in lines)
    assert "".join(lines).endswith(VERTICAL_ELLIPSIS)
    short = header.vertical_lines("省财政厅", rect, header.font())[1]
    assert "".join(short) == "省财政厅"
    assert long_name in w.model.headerData(
        FIRST_DEPARTMENT_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_a_big_paste_keeps_the_written_order(qtbot, tmp_path):
    """Pasting 200 × 59 cells took 8 s on a 3,000 × 300 plan (each new cell scanned every
    assignment for its position). New cells still go after a measure's existing ones, in
    the order pasted."""
    w = _window(qtbot, tmp_path, _many_departments(6))
    store = w.document.store
    changes = [(m, d, Role.SUPPORT) for m in range(2, 8) for d in range(1, 7)]
    assert w.model.push_changes(changes)
    for m in range(2, 8):
        order = [a.department_id for a in store.assignments_of(m)]
        assert order[0] == m - 1  # the lead, written first, stays first
        assert order[1:] == [d for d in range(1, 7) if d != m - 1]
