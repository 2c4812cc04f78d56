"""Grid benchmark: a 10,000 × 500 plan opened to a painted grid, and repainting while scrolling.

Each figure stands beside a bare QTableView over an in-memory, dict-backed table model of the
same size, measured in the same run, so the numbers say what MatrixDesk's store, models,
frozen columns and delegate cost on top of Qt itself.

    QT_QPA_PLATFORM=offscreen uv run python bench/bench_grid.py [--measures 10000]
        [--departments 500] [--steps 200] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role  # noqa: E402
from matrixdesk.store import MatrixStore  # noqa: E402

VIEW_SIZE = (1600, 1000)


def make_plan(n_measures: int, n_departments: int, seed: int = 7) -> Plan:
    """Parts → items → tasks until ``n_measures``; ~3 departments per task, the first leads."""
    rng = random.Random(seed)
    departments = [
        Department(i + 1, f"省测试部门{i + 1:03d}厅", position=i) for i in range(n_departments)
    ]
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    part = item = 0
    while len(measures) < n_measures:
        part += 1
        pid = len(measures) + 1
        measures.append(Measure(pid, str(part), f"{part}、", 1, f"第{part}部分", position=pid - 1))
        for i in range(1, 11):
            if len(measures) >= n_measures:
                break
            item += 1
            iid = len(measures) + 1
            code = f"{part}.{i}"
            measures.append(
                Measure(iid, code, f"({i})", 2, f"事项{item}", parent_id=pid, position=iid - 1)
            )
            for t in range(1, 19):
                if len(measures) >= n_measures:
                    break
                tid = len(measures) + 1
                measures.append(
                    Measure(
                        tid,
                        f"{code}.{t}",
                        f"{t}.",
                        3,
                        f"任务{tid}：推进重点工作落实",
                        f"任务{tid}的正文。",
                        parent_id=iid,
                        annotated=True,
                        position=tid - 1,
                    )
                )
                for k, d in enumerate(rng.sample(range(1, n_departments + 1), 3)):
                    role = Role.LEAD if k == 0 else Role.SUPPORT
                    assignments.append(Assignment(tid, d, role, k))
    return Plan(measures=measures, departments=departments, assignments=assignments)


class DictModel(QAbstractTableModel):
    """The baseline: roles in a dict, nothing else."""

    def __init__(self, rows: int, cols: int, cells: dict[tuple[int, int], str]) -> None:
        super().__init__()
        self._rows, self._cols, self._cells = rows, cols, cells

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._cols

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells.get((index.row(), index.column()), "")
        return None


def _baseline_view(plan: Plan) -> QTableView:
    row_of = {m.id: r for r, m in enumerate(plan.measures)}
    col_of = {d.id: c for c, d in enumerate(plan.departments)}
    cells = {
        (row_of[a.measure_id], col_of[a.department_id]): "●" if a.role == Role.LEAD else "○"
        for a in plan.assignments
    }
    view = QTableView()
    view.setModel(DictModel(len(plan.measures), len(plan.departments), cells))
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setDefaultSectionSize(28)
    view.resize(*VIEW_SIZE)
    return view


def _matrix_view(path: str):
    from matrixdesk.ui.document import Document
    from matrixdesk.ui.models.filter_proxy import MatrixFilterProxy
    from matrixdesk.ui.models.matrix_model import MatrixModel
    from matrixdesk.ui.widgets.matrix_view import MatrixView

    store = MatrixStore.open(path)
    doc = Document(store)
    model = MatrixModel(doc)
    proxy = MatrixFilterProxy()
    proxy.setSourceModel(model)
    view = MatrixView()
    view.setModel(proxy)
    view.resize(*VIEW_SIZE)
    view._keep = (doc, model, proxy)  # keep the Python objects alive with the view
    return view


def time_open(make) -> tuple[float, object]:
    t0 = time.perf_counter()
    view = make()
    view.show()
    view.grab()
    return (time.perf_counter() - t0) * 1000, view


def time_scroll(view, scroll_area, steps: int) -> list[float]:
    """Scroll down (and across every 10th frame) one screenful at a time, painting each frame."""
    vbar, hbar = scroll_area.verticalScrollBar(), scroll_area.horizontalScrollBar()
    frames = []
    for i in range(steps):
        vbar.setValue((vbar.value() + 24 * 7) % max(1, vbar.maximum()))
        if i % 10 == 9:
            hbar.setValue((hbar.value() + 28 * 9) % max(1, hbar.maximum()))
        t0 = time.perf_counter()
        view.grab()
        frames.append((time.perf_counter() - t0) * 1000)
    return frames


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=10_000)
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    plan = make_plan(args.measures, args.departments)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.mdesk")
        t0 = time.perf_counter()
        MatrixStore.create(path, plan).close()
        create_ms = (time.perf_counter() - t0) * 1000
        open_ms, view = time_open(lambda: _matrix_view(path))
        base_open_ms, base = time_open(lambda: _baseline_view(plan))
        app.processEvents()
        frames = time_scroll(view, view.grid, args.steps)
        base_frames = time_scroll(base, base, args.steps)
        view._keep[0].close()
    result = {
        "measures": len(plan.measures),
        "departments": len(plan.departments),
        "assignments": len(plan.assignments),
        "view_size": list(VIEW_SIZE),
        "platform": QApplication.platformName(),
        "create_file_ms": round(create_ms, 1),
        "open_to_painted_ms": {
            "matrixdesk": round(open_ms, 1),
            "bare_qtableview": round(base_open_ms, 1),
        },
        "scroll_frame_ms": {
            name: {
                "median": round(statistics.median(f), 2),
                "p95": round(sorted(f)[int(len(f) * 0.95) - 1], 2),
                "frames": len(f),
            }
            for name, f in (("matrixdesk", frames), ("bare_qtableview", base_frames))
        },
    }
    s = result["scroll_frame_ms"]
    print(
        f"{result['measures']} measures × {result['departments']} departments, "
        f"{result['assignments']} assignments, view {VIEW_SIZE[0]}×{VIEW_SIZE[1]} "
        f"({result['platform']})"
    )
    print(f"{'':34}{'MatrixDesk':>12}{'bare QTableView':>18}")
    o = result["open_to_painted_ms"]
    label = "open → first painted grid (ms)"
    print(f"{label:34}{o['matrixdesk']:>12.1f}{o['bare_qtableview']:>18.1f}")
    for key in ("median", "p95"):
        label = f"scroll repaint, {key} (ms/frame)"
        print(f"{label:34}{s['matrixdesk'][key]:>12.2f}{s['bare_qtableview'][key]:>18.2f}")
    print(f"(writing the plan file first took {create_ms:.0f} ms)")
    print(json.dumps(result, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(
            json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
