"""Export figures: the master workbook of a 10,000 × 500 plan, against xlsxwriter.

Run: ``uv run python bench/bench_export.py [sizes …]`` (default 1,000, 3,000 and 10,000
measures, 500 departments, targets on one task in five). Prints the curve and one JSON line;
medians of 3 interleaved runs. The baseline writes the same sheets with XlsxWriter directly —
the same cell values, formats, merges, print setup and native chart for the master workbook
(but no row-height estimates); for the 500 department workbooks the same task columns,
hidden identifiers, protection, drop-down and targets sheet — so the ratio is what
MatrixDesk's own work costs on top of the writer.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
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


def xlsxwriter_departments(plan: Plan, folder: Path) -> int:
    """One workbook per department with the cells of MatrixDesk's (the baseline): its tasks
    with thirteen columns, hidden identifiers, protection, the status drop-down, and a
    目标完成情况 sheet for the targets of the tasks it leads. Small files, made in memory."""
    index = PlanIndex(plan)
    folder.mkdir(exist_ok=True)
    written = 0
    for d in plan.departments:
        mine = index.by_department.get(d.id)
        if d.collective or not mine:
            continue
        wb = xlsxwriter.Workbook(str(folder / f"{d.id}.xlsx"), {"in_memory": True})
        base = {"font_name": "宋体", "font_size": 10, "border": 1, "text_wrap": True}
        text = wb.add_format(base | {"valign": "top"})
        center = wb.add_format(base | {"align": "center", "valign": "vcenter"})
        ident = wb.add_format({"font_size": 9, "hidden": True})
        head = wb.add_format(base | {"bold": True, "bg_color": "#D9E1F2"})
        entry = wb.add_format(base | {"locked": False, "bg_color": "#FFF9E6"})
        ws = wb.add_worksheet("任务进展")
        ws.set_column(0, 2, 6, None, {"hidden": True})
        ws.set_column(3, 12, 14)
        ws.freeze_panes(3, 4)
        ws.protect("", {"format_rows": True})
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(2)
        ws.merge_range(0, 3, 0, 12, f"{d.name}重点任务分工及进展情况", head)
        ws.merge_range(1, 3, 1, 12, "填写说明", text)
        ws.write_row(2, 0, ["任务ID", "单位ID", "文件标识", "序号", "重点任务", "本单位职责",
                            "牵头单位", "配合单位", "完成时限", "目标指标", "进展情况", "状态",
                            "上期进展"], head)  # fmt: skip
        rows = sorted(mine, key=lambda a: index.measures[a.measure_id].position)
        for serial, a in enumerate(rows, start=1):
            m, r = index.measures[a.measure_id], 2 + serial
            ws.write_number(r, 0, m.id, ident)
            ws.write_number(r, 1, d.id, ident)
            ws.write_string(r, 2, "fingerprint", ident)
            ws.write_number(r, 3, serial, center)
            ws.write_string(r, 4, f"{m.label}{task_text(m)}", text)
            ws.write_string(r, 5, "牵头" if a.role == Role.LEAD else "配合", center)
            ws.write_string(r, 6, index.names_with(m.id, Role.LEAD), text)
            ws.write_string(r, 7, index.names_with(m.id, Role.SUPPORT), text)
            ws.write_string(r, 8, m.deadline, center)
            ws.write_string(r, 9, index.targets_text(m.id), text)
            ws.write_blank(r, 10, None, entry)
            ws.write_blank(r, 11, None, entry)
            ws.write_blank(r, 12, None, text)
        statuses = ["未开始", "推进中", "已完成", "滞后"]
        ws.data_validation(
            3, 11, 2 + max(1, len(rows)), 11, {"validate": "list", "source": statuses}
        )
        led = [t for a in rows if a.role == Role.LEAD for t in index.targets.get(a.measure_id, ())]
        if led:
            ts = wb.add_worksheet("目标完成情况")
            ts.protect("", {"format_rows": True})
            ts.merge_range(0, 3, 0, 10, f"{d.name}目标完成情况", head)
            for i, t in enumerate(led, start=3):
                m = index.measures[t.measure_id]
                ts.write_row(i, 0, [t.id, d.id, "fingerprint", i - 2], ident)
                ts.write_string(i, 4, f"{m.label}{task_text(m)}", text)
                ts.write_string(i, 5, t.indicator, text)
                ts.write_row(i, 6, [t.value or "", t.unit, t.year or ""], center)
                ts.write_blank(i, 10, None, entry)
        wb.close()
        written += 1
    return written


SIZES = (1_000, 3_000, 10_000)


def _interleaved(ours, theirs, runs: int = RUNS) -> tuple[float, float]:
    """Medians of ``runs`` alternating runs of both (a shared machine loads both alike)."""
    a, b = [], []
    for _ in range(runs):
        a.append(median_time(ours, 1))
        b.append(median_time(theirs, 1))
    return sorted(a)[len(a) // 2], sorted(b)[len(b) // 2]


def main(sizes: tuple[int, ...] = SIZES, n_departments: int = 500) -> dict:
    from plans import curve_table

    master: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in sizes:
            plan = synthetic_plan(n, n_departments)
            master[n] = _interleaved(
                lambda p=plan: export_master(p, folder / "master.xlsx"),
                lambda p=plan: xlsxwriter_master(p, folder / "baseline.xlsx"),
            )
            print(f"… master {n}", file=sys.stderr, flush=True)
        departments = _interleaved(
            lambda: export_departments(plan, folder / "departments"),
            lambda: xlsxwriter_departments(plan, folder / "baseline"),
        )
        n_files = len(list((folder / "departments").glob("*.xlsx")))
    rows = {
        "master workbook (MatrixDesk)": {n: ours * 1000 for n, (ours, _) in master.items()},
        "  same sheets, XlsxWriter directly": {n: xw * 1000 for n, (_, xw) in master.items()},
        "  ratio": {n: ours / xw for n, (ours, xw) in master.items()},
    }
    print(curve_table("export (ms)", rows))
    ours, theirs = departments
    print(
        f"{n_files} department workbooks ({sizes[-1]} measures): {ours:.2f} s, XlsxWriter "
        f"directly {theirs:.2f} s, ratio {ours / theirs:.2f} (target ≤ 2); master ratio at "
        f"{sizes[-1]}: {master[sizes[-1]][0] / master[sizes[-1]][1]:.2f} (target ≤ 1.5)"
    )
    result = {
        "bench": "export",
        "master_s": {n: [round(a, 2), round(b, 2)] for n, (a, b) in master.items()},
        "departments_s": [round(ours, 2), round(theirs, 2)],
        "department_files": n_files,
    }
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    numbers = tuple(int(a) for a in sys.argv[1:] if a.isdigit())
    main(numbers or SIZES)
