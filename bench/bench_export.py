"""Export figures: the master workbook of a 10,000 × 500 plan, against xlsxwriter.

Run: ``uv run python bench/bench_export.py [n_measures n_departments] [--synthetic]``
(``--synthetic``: about 3 departments per task, built directly instead of with bench/gen.py).
Prints a table and one JSON line; medians of 3. The xlsxwriter baseline writes the same four
sheets with the same cell values, formats, merges, print setup and a native chart (but no
row-height estimates), so the ratio compares the libraries doing the same job.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter  # noqa: E402
from synth import median_time, synthetic_plan  # noqa: E402

from matrixdesk.core.model import (  # noqa: E402
    Plan,
    Role,
)
from matrixdesk.core.stats import workload  # noqa: E402
from matrixdesk.core.tasks import task_ids  # noqa: E402
from matrixdesk.exchange import export_departments, export_master  # noqa: E402
from matrixdesk.exchange.master import MARKS, TASK_HEADER  # noqa: E402
from matrixdesk.exchange.text import PlanIndex, heading_text, task_text  # noqa: E402

RUNS = 3


def build_plan(
    n_measures: int, n_departments: int, seed: int = 0, synthetic: bool = False
) -> tuple[Plan, str]:
    """The generated document parsed when bench/gen.py exists, else a synthetic plan."""
    if synthetic:
        return synthetic_plan(n_measures, n_departments, seed=seed), "synthetic"
    try:
        from bench.gen import generate_document

        from matrixdesk.parse import parse_text

        return parse_text(generate_document(n_measures, n_departments, seed)), "bench.gen+parse"
    except ImportError:
        return synthetic_plan(n_measures, n_departments, seed=seed), "synthetic"


def xlsxwriter_master(plan: Plan, path: Path) -> None:
    """The master workbook's content written with xlsxwriter (the baseline)."""
    index = PlanIndex(plan)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    base = {"font_name": "宋体", "font_size": 10}
    box = {"border": 1, "border_color": "#808080"}
    f = {
        "title": wb.add_format(base | {"bold": True, "font_size": 16, "align": "center"}),
        "header": wb.add_format(
            base | box | {"bold": True, "bg_color": "#D9E1F2", "align": "center", "text_wrap": True}
        ),
        "vheader": wb.add_format(
            base | box | {"bold": True, "bg_color": "#D9E1F2", "rotation": 270}
        ),
        "text": wb.add_format(base | box | {"text_wrap": True, "valign": "top"}),
        "center": wb.add_format(base | box | {"align": "center", "valign": "vcenter"}),
        "heading": wb.add_format(base | box | {"bold": True, "bg_color": "#F2F2F2"}),
        "mark": wb.add_format(base | box | {"align": "center", "font_size": 11}),
        "total": wb.add_format(base | box | {"bold": True, "align": "center"}),
    }

    def sheet(name: str, title_rows: str, paper: int, pages: int = 1):
        ws = wb.add_worksheet(name)
        ws.set_landscape()
        ws.set_paper(paper)
        ws.fit_to_pages(pages, 0)
        first, last = (int(x) for x in title_rows.split(":"))
        ws.repeat_rows(first - 1, last - 1)
        ws.set_footer("&C第 &P 页 共 &N 页")
        return ws

    tasks = task_ids(plan)
    ws = sheet("任务分工", "3:3", 9)
    for col, width in enumerate((6, 64, 18, 30, 12, 26)):
        ws.set_column(col, col, width)
    ws.freeze_panes(3, 0)
    ws.merge_range(0, 0, 0, 5, "重点任务分工", f["title"])
    ws.merge_range(1, 0, 1, 5, plan.info.number, f["text"])
    ws.write_row(2, 0, TASK_HEADER, f["header"])
    row, serial = 3, 0
    for m in plan.measures:
        if m.id not in tasks:
            ws.merge_range(row, 0, row, 5, heading_text(m), f["heading"])
        else:
            serial += 1
            ws.write_number(row, 0, serial, f["center"])
            ws.write_string(row, 1, f"{m.label}{task_text(m)}", f["text"])
            ws.write_string(row, 2, index.names_with(m.id, Role.LEAD), f["text"])
            ws.write_string(row, 3, index.names_with(m.id, Role.SUPPORT), f["text"])
            ws.write_string(row, 4, m.deadline, f["center"])
            ws.write_string(row, 5, index.targets_text(m.id), f["text"])
        row += 1

    deps = plan.departments
    col_of = {d.id: i + 2 for i, d in enumerate(deps)}
    width = len(deps) + 3
    ws = sheet("责任矩阵", "3:3", 8, max(1, math.ceil(len(deps) / 60)))
    ws.hide_gridlines(0)
    ws.set_column(0, 0, 8)
    ws.set_column(1, 1, 34)
    ws.set_column(2, width - 2, 4.2)
    ws.freeze_panes(3, 2)
    ws.merge_range(0, 0, 0, width - 1, "责任矩阵", f["title"])
    ws.merge_range(1, 0, 1, width - 1, "图例：● 牵头单位　○ 配合单位", f["text"])
    ws.set_row(2, 150)
    ws.write_row(2, 0, ["编号", "任务"], f["header"])
    ws.write_row(2, 2, [d.name for d in deps], f["vheader"])
    ws.write_string(2, width - 1, "合计", f["header"])
    lead, support = [0] * width, [0] * width
    row = 3
    for m in plan.measures:
        style = f["text"] if m.id in tasks else f["heading"]
        ws.write_string(row, 0, m.code, style)
        ws.write_string(row, 1, heading_text(m), style)
        assigned = index.by_measure.get(m.id, ())
        for a in sorted(assigned, key=lambda a: col_of[a.department_id]):
            c = col_of[a.department_id]
            ws.write_string(row, c, MARKS[a.role], f["mark"])
            (lead if a.role == Role.LEAD else support)[c] += 1
        if assigned:
            ws.write_number(row, width - 1, len(assigned), f["total"])
        row += 1
    for label, counts in (
        ("牵头", lead),
        ("配合", support),
        ("合计", [x + y for x, y in zip(lead, support, strict=True)]),
    ):
        ws.write_string(row, 1, label, f["total"])
        ws.write_row(row, 2, counts[2 : width - 1], f["total"])
        ws.write_number(row, width - 1, sum(counts), f["total"])
        row += 1

    rows = workload(plan)
    ws = sheet("部门工作量", "2:2", 9)
    ws.merge_range(0, 0, 0, 3, "各部门任务量（牵头/配合）", f["title"])
    ws.write_row(1, 0, ["部门", "牵头", "配合", "合计"], f["header"])
    for i, w in enumerate(rows, start=2):
        ws.write_row(i, 0, [w.department.name, w.lead, w.support, w.total], f["text"])
    chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
    for col in (1, 2):
        chart.add_series(
            {
                "name": ["部门工作量", 1, col],
                "categories": ["部门工作量", 2, 0, len(rows) + 1, 0],
                "values": ["部门工作量", 2, col, len(rows) + 1, col],
            }
        )
    ws.insert_chart("F2", chart)

    ws = sheet("目标指标", "2:2", 9)
    ws.write_row(0, 0, ["目标指标"], f["title"])
    ws.write_row(1, 0, ["编号", "重点任务", "指标", "目标值", "单位", "年份"], f["header"])
    row = 2
    for m in plan.measures:
        for t in index.targets.get(m.id, ()):
            ws.write_row(
                row,
                0,
                [m.code, heading_text(m), t.indicator, t.value or "", t.unit, t.year or ""],
                f["text"],
            )
            row += 1
    wb.close()


def main(n_measures: int = 10_000, n_departments: int = 500, synthetic: bool = False) -> dict:
    t0 = time.perf_counter()
    plan, source = build_plan(n_measures, n_departments, synthetic=synthetic)
    built = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = median_time(lambda: export_master(plan, folder / "master.xlsx"), RUNS)
        theirs = median_time(lambda: xlsxwriter_master(plan, folder / "baseline.xlsx"), RUNS)
        per_dep = median_time(lambda: export_departments(plan, folder / "departments"), RUNS)
        sizes = {
            p.name: p.stat().st_size for p in (folder / "master.xlsx", folder / "baseline.xlsx")
        }
        n_files = len(list((folder / "departments").glob("*.xlsx")))
    result = {
        "bench": "export",
        "plan_source": source,
        "measures": len(plan.measures),
        "departments": len(plan.departments),
        "assignments": len(plan.assignments),
        "plan_build_s": round(built, 2),
        "export_master_s": round(ours, 2),
        "xlsxwriter_master_s": round(theirs, 2),
        "ratio": round(ours / theirs, 2),
        "export_departments_s": round(per_dep, 2),
        "department_files": n_files,
        "master_bytes": sizes["master.xlsx"],
        "xlsxwriter_bytes": sizes["baseline.xlsx"],
    }
    print(
        f"plan: {result['measures']} measures × {result['departments']} departments, "
        f"{result['assignments']} assignments ({source}, built in {built:.1f} s)"
    )
    print(f"{'step':<32}{'median s':>10}")
    for label, key in (
        ("export_master (openpyxl)", "export_master_s"),
        ("same workbook with xlsxwriter", "xlsxwriter_master_s"),
        (f"export_departments ({n_files} files)", "export_departments_s"),
    ):
        print(f"{label:<32}{result[key]:>10.2f}")
    print(f"ratio openpyxl / xlsxwriter: {result['ratio']:.2f} (target ≤ 3)")
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    main(*numbers[:2], synthetic="--synthetic" in sys.argv)
