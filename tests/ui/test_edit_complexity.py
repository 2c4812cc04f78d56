"""One cell edit costs the same in a big plan as in a small one, with every panel open.

No clocks: the whole window (grid, findings, departments, measure panel and chart) runs one
key press and one undo on a plan of n and of 4n measures, and the work is counted — the
lines of MatrixDesk's own code that ran (a loop over the plan runs its body once a measure)
and the memory allocated on the way (a copy of the plan's assignments shows there even when
it is one C call). A cell edit that recounted the grid, re-checked the plan or copied it for a
panel did several times the work on the bigger plan.
"""

from __future__ import annotations

import sys
import tracemalloc

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role, Target
from matrixdesk.store import MatrixStore
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN
from matrixdesk.ui.widgets.chart_view import DELAY_MS
from matrixdesk.ui.window import MainWindow

SMALL, BIG = 300, 1200
DEPARTMENTS = 120  # the chart shows the busiest 40
CONSTANT = 1.4  # 4× the plan may cost at most this much more for one edit


def plan_of(n_tasks: int) -> Plan:
    """Parts of 20 tasks, three departments each, a target on every fifth task."""
    departments = [Department(i + 1, f"省部门{i + 1}厅", position=i) for i in range(DEPARTMENTS)]
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    targets: list[Target] = []
    part = 0
    for k in range(n_tasks):
        if k % 20 == 0:
            part = len(measures) + 1
            measures.append(Measure(part, str(k // 20 + 1), "一、", 1, f"第{k // 20 + 1}部分"))
        mid = len(measures) + 1
        measures.append(
            Measure(mid, f"{k}", f"{k}.", 2, f"任务{k}", f"推进任务{k}。", part, annotated=True)
        )
        for pos in range(3):
            d = (k * 7 + pos * 13) % (DEPARTMENTS - 1) + 1  # the last one: see below
            assignments.append(Assignment(mid, d, Role.LEAD if pos == 0 else Role.SUPPORT, pos))
        if k == 0:  # the least busy department supports the first task only
            assignments.append(Assignment(mid, DEPARTMENTS, Role.SUPPORT, 3))
        if k % 5 == 0:
            targets.append(Target(len(targets) + 1, mid, "指标", 5, "个", year=None))
    for i, m in enumerate(measures):
        m.position = i
    return Plan(measures=measures, departments=departments, assignments=assignments,
                targets=targets)  # fmt: skip


class Work:
    """Lines of matrixdesk code run and bytes allocated while it is active."""

    def __init__(self) -> None:
        self.lines = 0
        self.peak = 0

    def _local(self, frame, event, arg):
        if event == "line":
            self.lines += 1
        return self._local

    def _global(self, frame, event, arg):
        return self._local if "matrixdesk" in frame.f_code.co_filename else None

    def __enter__(self) -> Work:
        tracemalloc.start()
        sys.settrace(self._global)
        return self

    def __exit__(self, *exc) -> None:
        sys.settrace(None)
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def edit_work(qtbot, tmp_path, n_tasks: int) -> tuple[Work, Work]:
    path = tmp_path / f"plan{n_tasks}.mdesk"
    MatrixStore.create(str(path), plan_of(n_tasks)).close()
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.files.open_path(str(path), remember=False)
    for key in ("findings", "chart", "measure"):
        window.docks.raise_dock(key)
    chart = window.docks.panels["chart"]
    chart.redraw()  # now rather than a second after the window came up
    assert chart.wait_drawn()  # (on its worker thread; tracemalloc would count its memory)
    findings = window.docks.panels["findings"]
    qtbot.waitUntil(lambda: not findings.tracker.pending)
    grid = window.view.grid
    # A task of the first part, in the least busy department: the chart's forty busiest
    # stay the same, so it looks (at the counts) but need not draw.
    window.view.select_cell(4, FIRST_DEPARTMENT_COLUMN + DEPARTMENTS - 1)
    grid.setFocus()
    qtbot.wait(DELAY_MS * 2)
    store = window.document.store
    task, department = window.editor.current_measure_id(), DEPARTMENTS
    drawn = chart.redraw_count
    with Work() as edit:
        QTest.keyClick(grid, Qt.Key.Key_Space)
        qtbot.wait(DELAY_MS * 2)  # the findings, the counts and the chart follow
    assert store.role(task, department) == Role.LEAD
    with Work() as undo:
        QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(DELAY_MS * 2)
    assert store.role(task, department) is None
    assert chart.redraw_count == drawn and not chart.pending
    window.close()
    return edit, undo


@pytest.mark.skipif(sys.gettrace() is not None, reason="a debugger or coverage is tracing")
def test_one_edit_and_its_undo_cost_the_same_in_a_bigger_plan(qtbot, tmp_path):
    small_edit, small_undo = edit_work(qtbot, tmp_path, SMALL)
    big_edit, big_undo = edit_work(qtbot, tmp_path, BIG)
    for small, big in ((small_edit, big_edit), (small_undo, big_undo)):
        assert small.lines > 100  # the edit went through our code
        assert big.lines <= CONSTANT * small.lines, (small.lines, big.lines)
        assert big.peak <= CONSTANT * small.peak + 200_000, (small.peak, big.peak)


def test_the_counting_sees_a_pass_over_the_plan(qtbot, tmp_path, monkeypatch):
    """The same measurement with the grid recounting every assignment after an edit, as it
    did before, fails the bound."""
    from matrixdesk.ui.models import matrix_model

    original = matrix_model.MatrixModel._roles_changed

    def recount(self, event):
        sum(len(self.store.assignments_of(m)) for m in self._rows)  # the old full recount
        original(self, event)

    monkeypatch.setattr(matrix_model.MatrixModel, "_roles_changed", recount)
    small_edit, _ = edit_work(qtbot, tmp_path, SMALL)
    big_edit, _ = edit_work(qtbot, tmp_path, BIG)
    assert big_edit.lines > CONSTANT * small_edit.lines
