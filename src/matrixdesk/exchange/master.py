"""The master workbook: 任务分工, 责任矩阵, 部门工作量 (with a native chart), 目标指标, and once
progress was reported 进展台账 and 进展统计 (with a native chart, see ledger_sheet.py)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from ..core.model import Plan, Role
from ..core.stats import workload
from ..core.tasks import task_ids
from .ledger_sheet import write_ledger_sheets
from .sheets import (
    Progress,
    Ticker,
    atomic_workbook,
    cell,
    fit_row,
    merge,
    save_workbook,
    set_widths,
    setup_print,
)
from .text import (
    COMPARATOR_TEXT,
    PlanIndex,
    document_name,
    heading_text,
    number,
    task_text,
)
from .xlsx import CM, Sheet
from .xlsx import column_letter as get_column_letter

LEAD_MARK = "●"
SUPPORT_MARK = "○"
MARKS = {Role.LEAD: LEAD_MARK, Role.SUPPORT: SUPPORT_MARK}
SHEET_TASKS = "任务分工"
SHEET_MATRIX = "责任矩阵"
SHEET_WORKLOAD = "部门工作量"
SHEET_TARGETS = "目标指标"
TASK_HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限", "目标指标")
TARGET_HEADER = (
    "序号",
    "重点任务",
    "指标",
    "比较",
    "目标值",
    "单位",
    "年份",
    "牵头单位",
    "配合单位",
)
TASK_WIDTHS = {"A": 6, "B": 60, "C": 18, "D": 28, "E": 12, "F": 24}
TASK_STYLES = ("md_center", "md_text", "md_text", "md_text", "md_center", "md_text")
MATRIX_TITLE_WIDTH = 34
_PAGE_COLUMNS = 60  # matrix department columns per printed page width (A3)


def export_master(
    plan: Plan, path: str | os.PathLike[str], *, progress: Progress | None = None
) -> None:
    """Write the master workbook of ``plan`` to ``path`` (.xlsx).

    Parameters
    ----------
    plan
        The plan to export.
    path
        The workbook to write; replaced only once the new file is complete.
    progress
        ``progress(done, total)``; returning ``False`` cancels.

    Raises
    ------
    ExportCancelled
        The progress callback returned ``False``; no file is written or changed.
    ExportError
        The file or its folder cannot be written.
    """
    path = Path(path)
    index = PlanIndex(plan)
    n = len(plan.measures)
    ticker = Ticker(2 * n + len(plan.departments) + len(plan.targets) + n // 4 + 1, progress)
    with atomic_workbook(path) as (wb, tmp):
        _task_sheet(wb.create_sheet(SHEET_TASKS), index, ticker)
        _matrix_sheet(wb.create_sheet(SHEET_MATRIX), index, ticker)
        _workload_sheet(wb.create_sheet(SHEET_WORKLOAD), plan, ticker)
        _target_sheet(wb.create_sheet(SHEET_TARGETS), index, ticker)
        write_ledger_sheets(wb, index)  # 进展台账 and 进展统计, once progress was reported
        save_workbook(wb, tmp, Path(path))
        ticker.step(ticker.total)


def _title_rows(ws: Sheet, title: str, note: str, width: int) -> None:
    """Row 1: the title; row 2: a note (document number, legend); both merged across."""
    last = get_column_letter(width)
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 20
    ws.append([cell(ws, title, "md_title")])
    ws.append([cell(ws, note, "md_note")])
    merge(ws, f"A1:{last}1")
    merge(ws, f"A2:{last}2")


def _document_line(plan: Plan) -> str:
    info = plan.info
    parts = [
        f"文号：{info.number}" if info.number else "",
        info.issuer,
        f"印发日期：{info.date}" if info.date else "",
    ]
    return "　　".join(p for p in parts if p)


def _task_sheet(ws: Sheet, index: PlanIndex, ticker: Ticker) -> None:
    plan = index.plan
    set_widths(ws, TASK_WIDTHS)
    setup_print(ws, "3:3")
    ws.freeze_panes = "A4"
    # a plan without title or number is called 重点任务 already: not 重点任务重点任务分工
    name = plan.info.title or plan.info.number
    _title_rows(ws, f"{name}重点任务分工", _document_line(plan), len(TASK_HEADER))
    ws.append([cell(ws, h, "md_header") for h in TASK_HEADER])
    tasks = task_ids(plan)
    row, serial = 3, 0
    for m in plan.measures:
        row += 1
        ticker.step()
        if m.id not in tasks:
            ws.append(
                [cell(ws, heading_text(m), "md_heading")]
                + [cell(ws, None, "md_heading") for _ in TASK_HEADER[1:]]
            )
            merge(ws, f"A{row}:F{row}")
            continue
        serial += 1
        values = [
            serial,
            f"{m.label}{task_text(m)}",
            index.names_with(m.id, Role.LEAD),
            _support_text(index, m.id, m.open_ended),
            m.deadline,
            index.targets_text(m.id),
        ]
        fit_row(ws, row, values, list(TASK_WIDTHS.values()))
        ws.append([cell(ws, v, s) for v, s in zip(values, TASK_STYLES, strict=True)])


def _support_text(index: PlanIndex, measure_id: int, open_ended: bool) -> str:
    names = index.names_with(measure_id, Role.SUPPORT)
    return f"{names}等" if names and open_ended else names


def _matrix_sheet(ws: Sheet, index: PlanIndex, ticker: Ticker) -> None:
    plan = index.plan
    departments = plan.departments
    column = {d.id: i for i, d in enumerate(departments, start=2)}  # 0-based list positions
    width = len(departments) + 3
    total_letter = get_column_letter(width)
    set_widths(
        ws,
        {"A": 8, "B": MATRIX_TITLE_WIDTH}
        | {get_column_letter(i + 1): 4.2 for i in column.values()}
        | {total_letter: 6},
    )
    pages = max(1, math.ceil(len(departments) / _PAGE_COLUMNS))
    setup_print(
        ws,
        "3:3",
        paper="A3" if len(departments) > 12 else "A4",
        pages_wide=pages,
        title_cols="A:B" if pages > 1 else None,
        grid_lines=True,  # empty matrix cells carry no border of their own
    )
    ws.freeze_panes = "C4"
    legend = (
        f"图例：{LEAD_MARK} 牵头单位　{SUPPORT_MARK} 配合单位　"
        "“合计”列为每项任务的责任单位数，末三行为各单位牵头、配合及合计任务数"
    )
    _title_rows(ws, f"{document_name(plan)}责任矩阵", legend, width)
    longest = max((len(d.name) for d in departments), default=2)
    ws.row_dimensions[3].height = min(409, 14 * longest + 12)
    ws.append(
        [cell(ws, "序号", "md_header"), cell(ws, "任务", "md_header")]
        + [cell(ws, d.name, "md_vheader") for d in departments]
        + [cell(ws, "合计", "md_header")]
    )
    lead = [0] * width
    support = [0] * width
    tasks = task_ids(plan)
    row_number = 4
    for m in plan.measures:
        ticker.step()
        style = "md_text" if m.id in tasks else "md_heading"
        row: list[Any] = [None] * width
        row[0] = cell(ws, index.numbers[m.id] or m.code, style)
        row[1] = cell(ws, m.title, style)  # its number is in 序号
        assigned = index.by_measure.get(m.id, ())
        for a in assigned:
            i = column.get(a.department_id)
            if i is None:
                continue
            row[i] = cell(ws, MARKS[a.role], "md_mark")
            (lead if a.role == Role.LEAD else support)[i] += 1
        row[-1] = cell(ws, len(assigned) or None, "md_total")
        fit_row(ws, row_number, [row[1].value], [MATRIX_TITLE_WIDTH])
        ws.append(row)
        row_number += 1
    for label, counts in (
        ("牵头", lead),
        ("配合", support),
        ("合计", [x + y for x, y in zip(lead, support, strict=True)]),
    ):
        ws.append(
            [cell(ws, None, "md_total"), cell(ws, label, "md_total")]
            + [cell(ws, counts[i], "md_total") for i in range(2, width - 1)]
            + [cell(ws, sum(counts), "md_total")]
        )


def _workload_sheet(ws: Sheet, plan: Plan, ticker: Ticker) -> None:
    rows = workload(plan)
    set_widths(ws, {"A": 26, "B": 8, "C": 8, "D": 8})
    setup_print(ws, "2:2")
    ws.freeze_panes = "A3"
    ws.row_dimensions[1].height = 30
    ws.append([cell(ws, "各部门任务量（牵头/配合）", "md_title")])
    merge(ws, "A1:D1")
    ws.append([cell(ws, h, "md_header") for h in ("部门", "牵头", "配合", "合计")])
    for w in rows:
        ticker.step()
        ws.append(
            [
                cell(ws, w.department.name),
                cell(ws, w.lead, "md_center"),
                cell(ws, w.support, "md_center"),
                cell(ws, w.total, "md_total"),
            ]
        )
    if any(d.collective for d in plan.departments):
        ws.append([cell(ws, "注：各地区、有关部门等统称单位未计入。", "md_note")])
    if rows:
        ws.insert_chart("F2", _workload_chart(ws, len(rows)))
    ticker.step(len(plan.departments) - len(rows))


def _workload_chart(ws: Sheet, n: int) -> Any:
    """A native stacked bar chart of the table's lead and support columns."""
    chart = ws.book.add_chart({"type": "bar", "subtype": "stacked"})
    small = {"size": 8}  # 8 pt department names: every one labelled, not every other
    sheet = ws.name
    for column in (1, 2):  # 牵头, 配合
        chart.add_series(
            {
                "name": [sheet, 1, column],
                "categories": [sheet, 2, 0, 1 + n, 0],
                "values": [sheet, 2, column, 1 + n, column],
                "data_labels": {"value": True, "font": small},
                "gap": 60,
                "overlap": 100,
            }
        )
    chart.set_title({"name": "各部门任务量（牵头/配合）"})
    # busiest first, at the top; the values stay under the bars
    chart.set_y_axis({"reverse": True, "num_font": small, "interval_unit": 1, "crossing": "max"})
    chart.set_x_axis({"name": "任务数", "major_gridlines": {"visible": False}})
    chart.set_legend({"position": "bottom"})
    height = min(200.0, max(7.5, 0.4 * n + 2.5))  # cm: 35 departments fit one A4 page
    chart.set_size({"width": round(18 * CM), "height": round(height * CM)})
    return chart


def _target_sheet(ws: Sheet, index: PlanIndex, ticker: Ticker) -> None:
    plan = index.plan
    set_widths(ws, {"A": 8, "B": 30, "C": 24, "D": 6, "E": 10, "F": 8, "G": 8, "H": 18, "I": 30})
    setup_print(ws, "2:2")
    ws.freeze_panes = "A3"
    ws.row_dimensions[1].height = 30
    ws.append([cell(ws, f"{document_name(plan)}目标指标", "md_title")])
    merge(ws, f"A1:{get_column_letter(len(TARGET_HEADER))}1")
    ws.append([cell(ws, h, "md_header") for h in TARGET_HEADER])
    for m in plan.measures:
        for t in index.targets.get(m.id, ()):
            ticker.step()
            ws.append(
                [
                    cell(ws, index.numbers[m.id] or m.code, "md_center"),
                    cell(ws, m.title),
                    cell(ws, t.indicator),
                    cell(ws, COMPARATOR_TEXT[t.comparator] or "=", "md_center"),
                    cell(ws, number(t.value), "md_center"),
                    cell(ws, t.unit, "md_center"),
                    cell(ws, t.year, "md_center"),
                    cell(ws, index.names_with(m.id, Role.LEAD)),
                    cell(ws, index.names_with(m.id, Role.SUPPORT)),
                ]
            )
