"""Collecting 500 returned department workbooks of a 10,000 × 500 plan, beside the time
openpyxl alone takes just to read them (read-only, every row of every sheet).

Run: ``uv run python bench/bench_collect.py [n_measures n_departments]``

The workbooks are exported by MatrixDesk for one period and filled in with openpyxl as the
departments would (a status and a note on every task, the values reached on every target).
"Collect" is what File ▸ Collect and ``matrixdesk collect`` do: read every file safely
(size and zip checks, defusedxml, formula checks), match it against the plan, work out the
changes, and apply them to the plan file in one transaction. Target: within 2× the floor.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from openpyxl import load_workbook  # noqa: E402
from synth import synthetic_plan  # noqa: E402

from matrixdesk.core.model import Comparator, Target  # noqa: E402
from matrixdesk.exchange import export_departments  # noqa: E402
from matrixdesk.exchange.collect import collect  # noqa: E402
from matrixdesk.store import MatrixStore  # noqa: E402

PERIOD = "2026-03"
STATUSES = ("推进中", "已完成", "滞后", "未开始")


def make_plan(n_measures: int, n_departments: int):
    plan = synthetic_plan(n_measures, n_departments)
    tasks = [m for m in plan.measures if m.level == 2]
    plan.targets = [
        Target(i + 1, m.id, f"指标{i + 1}", 100.0, "个", Comparator.GE, 2027)
        for i, m in enumerate(tasks[::10])
    ]
    return plan


def fill(path: Path, n: int) -> None:
    wb = load_workbook(path)
    for row in wb["任务进展"].iter_rows(min_row=4):
        if row[0].value is None:
            continue
        row[11].value = STATUSES[(row[0].value + n) % 4]
        row[10].value = f"第{row[0].value}项任务本月召开推进会，完成阶段目标，下一步继续推进。"
    if "目标完成情况" in wb.sheetnames:
        for row in wb["目标完成情况"].iter_rows(min_row=4):
            if row[0].value is not None:
                row[10].value = 40 + (row[0].value % 50)
    wb.save(path)


def read_floor(files: list[Path]) -> int:
    """What openpyxl takes just to read them: every row of every sheet, read-only."""
    cells = 0
    for path in files:
        wb = load_workbook(path, read_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    return cells


def collect_once(plan_file: Path, files: list[Path], work: Path) -> tuple[float, float, int]:
    """(seconds to read, match and diff; seconds to apply; entries written) on a fresh copy."""
    copy = work / "run.mdesk"
    shutil.copyfile(plan_file, copy)
    store = MatrixStore.open(str(copy))
    try:
        plan = store.plan()
        t0 = time.perf_counter()
        result = collect(plan, files)
        update = result.update()
        t1 = time.perf_counter()
        store.apply_progress(update)
        t2 = time.perf_counter()
    finally:
        store.close()
    refused = [f for f in result.files if f.refused]
    assert not refused, refused[0].refused
    return t1 - t0, t2 - t1, len(update.entries) + len(update.actuals)


def main(n_measures: int = 10_000, n_departments: int = 500, runs: int = 3) -> dict:
    work = Path(tempfile.mkdtemp(prefix="md-bench-collect-"))
    try:
        plan = make_plan(n_measures, n_departments)
        plan_file = work / "plan.mdesk"
        MatrixStore.create(str(plan_file), plan).close()
        t0 = time.perf_counter()
        files = export_departments(plan, work / "out", period=PERIOD)
        export_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for n, path in enumerate(files):
            fill(path, n)
        fill_s = time.perf_counter() - t0
        floors, reads, applies = [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            t0 = time.perf_counter()
            cells = read_floor(files)
            floors.append(time.perf_counter() - t0)
            read_s, apply_s, written = collect_once(plan_file, files, work)
            reads.append(read_s)
            applies.append(apply_s)
        floor = sorted(floors)[runs // 2]
        total = sorted(r + a for r, a in zip(reads, applies, strict=True))[runs // 2]
        result = {
            "bench": "collect",
            "measures": n_measures,
            "departments": n_departments,
            "files": len(files),
            "cells_read": cells,
            "entries_written": written,
            "export_s": round(export_s, 2),
            "fill_with_openpyxl_s": round(fill_s, 2),
            "openpyxl_read_floor_s": round(floor, 2),
            "collect_read_match_s": round(sorted(reads)[runs // 2], 2),
            "collect_apply_s": round(sorted(applies)[runs // 2], 2),
            "collect_total_s": round(total, 2),
            "ratio_to_floor": round(total / floor, 2),
            "target_ratio": 2.0,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{result['files']} returned workbooks ({result['cells_read']:,} cells), "
          f"{result['entries_written']:,} entries written")  # fmt: skip
    print(f"openpyxl read floor   {result['openpyxl_read_floor_s']:>7.2f} s")
    print(f"collect read + match  {result['collect_read_match_s']:>7.2f} s")
    print(f"collect apply         {result['collect_apply_s']:>7.2f} s")
    print(f"collect total         {result['collect_total_s']:>7.2f} s  "
          f"(×{result['ratio_to_floor']} the floor; target ≤ 2)")  # fmt: skip
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    main(*numbers[:2])
