"""An open plan's objects are set aside from Python's full garbage collections (ui/heap.py).

No clocks: what a full collection has to walk is counted (``gc.get_objects()``: the objects
the collector tracks and has not been told to set aside). With a plan open, painted and its
chart drawn, that is the same for a plan four times bigger — before, it grew with the plan
(160,000 objects at 10,000 measures: a 70–200 ms stop of both threads every few charts) — and
the charts drawn meanwhile leave their garbage to the collector, not set aside. Closing the
plan hands everything back.
"""

from __future__ import annotations

import gc

import pytest

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui import heap
from matrixdesk.ui.window import MainWindow
from matrixdesk.ui.window.main_window import SETTLE_MS

SMALL, BIG = 300, 1200


def plan_of(n_tasks: int) -> Plan:
    departments = [Department(i + 1, f"省部门{i + 1}厅", position=i) for i in range(60)]
    measures = [Measure(1, "1", "一、", 1, "第一部分", position=0)]
    assignments = []
    for k in range(n_tasks):
        mid = k + 2
        measures.append(
            Measure(mid, f"{k}", f"{k + 1}.", 2, f"任务{k}", f"推进任务{k}。", 1, annotated=True,
                    position=k + 1)
        )  # fmt: skip
        for pos in range(3):
            d = (k * 7 + pos * 13) % 60 + 1
            assignments.append(Assignment(mid, d, Role.LEAD if pos == 0 else Role.SUPPORT, pos))
    return Plan(measures=measures, departments=departments, assignments=assignments)


@pytest.fixture(autouse=True)
def _nothing_set_aside_before():
    heap.release()
    yield
    heap.release()


def walked_with_plan_open(qtbot, tmp_path, n_tasks: int) -> tuple[int, int]:
    """(objects a full collection walks, objects set aside) with the plan open and drawn."""
    path = tmp_path / f"plan{n_tasks}.mdesk"
    MatrixStore.create(str(path), plan_of(n_tasks)).close()
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.files.open_path(str(path), remember=False)
    chart = window.docks.panels["chart"]
    window.docks.raise_dock("chart")
    qtbot.waitUntil(lambda: chart.redraw_count > 0, timeout=20_000)
    qtbot.waitUntil(lambda: heap.set_aside() > 0)
    qtbot.wait(SETTLE_MS + 200)  # the settling after the first paint too
    for _ in range(3):  # charts drawn after it: their garbage is the collector's to free
        window.model.push_changes([(3, 1, None if window.document.store.role(3, 1) else "lead")])
        chart.redraw()
        assert chart.wait_drawn()
    gc.collect()
    walked, aside = len(gc.get_objects()), heap.set_aside()
    window.close()
    assert heap.set_aside() == 0  # the plan closed: everything back with the collector
    return walked, aside


def test_a_full_collection_walks_the_same_for_a_plan_four_times_bigger(qtbot, tmp_path):
    small_walked, small_aside = walked_with_plan_open(qtbot, tmp_path, SMALL)
    big_walked, big_aside = walked_with_plan_open(qtbot, tmp_path, BIG)
    assert big_aside > small_aside + 3 * (BIG - SMALL)  # the bigger plan's objects set aside
    # a task is a dozen objects (measure, cells, rows of the models): the walk may not grow
    # by even one for every two tasks more (it did by about 14 a task)
    assert big_walked - small_walked < (BIG - SMALL) / 2, (small_walked, big_walked)
