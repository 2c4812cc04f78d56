"""The master workbook's progress sheets, once anything has been reported.

* 进展台账: one row per task and responsible department (一事一记), for every period reported a
  status and a note, then the latest status and whether the task is overdue.
* 进展统计: per department, how many tasks stand at each status in the latest period reported,
  with a native Excel stacked bar chart over the table.
* 目标完成情况: each target with its value and, per period reported, the value reached.
"""

from __future__ import annotations

import datetime as dt

from ..core.ledger import build_ledger
from ..core.periods import period_label
from ..core.progress import Meaning
from ..core.tasks import task_ids
from .sheets import cell, merge, set_widths, setup_print
from .text import ROLE_TEXT, PlanIndex, document_name, number
from .xlsx import CM, Book, Sheet
from .xlsx import column_letter as get_column_letter

SHEET_LEDGER = "进展台账"
SHEET_PROGRESS = "进展统计"
SHEET_ACTUALS = "目标完成情况"
COUNT_HEADER = ("部门", "已完成", "推进中", "滞后", "未开始", "未报送")
_MEANINGS = (Meaning.DONE, Meaning.DOING, Meaning.LATE, Meaning.TODO)
_COLOURS = ("5B9B5B", "4A6FA5", "C0392B", "B0B0B0", "F2D16B")


def write_ledger_sheets(wb: Book, index: PlanIndex, today: dt.date | None = None) -> None:
    """Add both sheets when the plan holds any progress (otherwise nothing)."""
    plan = index.plan
    if plan.actuals:
        _actuals_sheet(wb.create_sheet(SHEET_ACTUALS), index)
    if not plan.progress:
        return
    today = today or dt.date.today()
    periods = sorted({e.period for e in plan.progress})
    ledger = build_ledger(plan, periods[-1], today)
    _ledger_sheet(wb.create_sheet(SHEET_LEDGER), index, periods, ledger)
    _count_sheet(wb.create_sheet(SHEET_PROGRESS), index, ledger)


def _ledger_sheet(ws, index: PlanIndex, periods: list[str], ledger) -> None:
    plan = index.plan
    fixed = ("编号", "重点任务", "责任单位", "职责", "完成时限")
    width = len(fixed) + 2 * len(periods) + 2
    widths = {"A": 8, "B": 40, "C": 18, "D": 6, "E": 12}
    for i in range(len(periods)):
        widths[get_column_letter(6 + 2 * i)] = 8
        widths[get_column_letter(7 + 2 * i)] = 30
    widths[get_column_letter(width - 1)] = 8
    widths[get_column_letter(width)] = 6
    set_widths(ws, widths)
    setup_print(ws, "3:4", paper="A3")
    ws.freeze_panes = "F5"
    ws.row_dimensions[1].height = 30
    ws.append([cell(ws, f"{document_name(plan)}进展台账", "md_title")])
    ws.append([cell(ws, f"截至{period_label(periods[-1])}，一事一记", "md_note")])
    merge(ws, f"A1:{get_column_letter(width)}1")
    merge(ws, f"A2:{get_column_letter(width)}2")
    top = [cell(ws, h, "md_header") for h in fixed]
    second = [cell(ws, None, "md_header") for _ in fixed]
    for i, p in enumerate(periods):
        top += [cell(ws, period_label(p), "md_header"), cell(ws, None, "md_header")]
        second += [cell(ws, "状态", "md_header"), cell(ws, "进展情况", "md_header")]
        first = get_column_letter(6 + 2 * i)
        merge(ws, f"{first}3:{get_column_letter(7 + 2 * i)}3")
    top += [cell(ws, "最新状态", "md_header"), cell(ws, "逾期", "md_header")]
    second += [cell(ws, None, "md_header"), cell(ws, None, "md_header")]
    for col in [*range(1, 6), width - 1, width]:
        letter = get_column_letter(col)
        merge(ws, f"{letter}3:{letter}4")
    ws.append(top)
    ws.append(second)
    entries = {e.key: e for e in plan.progress}
    tasks = task_ids(plan)
    collective = {d.id for d in plan.departments if d.collective}
    for m in plan.measures:
        if m.id not in tasks:
            continue
        for a in index.by_measure.get(m.id, ()):
            if a.department_id in collective:
                continue
            row = [
                cell(ws, m.code, "md_center"),
                cell(ws, m.title),
                cell(ws, index.names.get(a.department_id, "")),
                cell(ws, ROLE_TEXT[a.role], "md_center"),
                cell(ws, m.deadline, "md_center"),
            ]
            for p in periods:
                e = entries.get((m.id, a.department_id, p))
                row += [
                    cell(ws, e.status if e else None, "md_center"),
                    cell(ws, e.note if e else None),
                ]
            status = ledger.status.get((m.id, a.department_id), "")
            row += [
                cell(ws, status, "md_center"),
                cell(ws, "逾期" if m.id in ledger.overdue else None, "md_center"),
            ]
            ws.append(row)


def _actuals_sheet(ws, index: PlanIndex) -> None:
    plan = index.plan
    periods = sorted({a.period for a in plan.actuals})
    values = {a.key: a.value for a in plan.actuals}
    fixed = ("编号", "重点任务", "指标", "目标值", "单位", "年份")
    width = len(fixed) + len(periods)
    set_widths(
        ws,
        {"A": 8, "B": 36, "C": 22, "D": 10, "E": 8, "F": 8}
        | {get_column_letter(len(fixed) + 1 + i): 11 for i in range(len(periods))},
    )
    setup_print(ws, "2:2")
    ws.freeze_panes = "G3"
    ws.row_dimensions[1].height = 30
    ws.append([cell(ws, f"{document_name(plan)}目标完成情况", "md_title")])
    merge(ws, f"A1:{get_column_letter(width)}1")
    ws.append([cell(ws, h, "md_header") for h in (*fixed, *map(period_label, periods))])
    for m in plan.measures:
        for t in index.targets.get(m.id, ()):
            ws.append(
                [
                    cell(ws, m.code, "md_center"),
                    cell(ws, m.title),
                    cell(ws, t.indicator),
                    cell(ws, number(t.value), "md_center"),
                    cell(ws, t.unit, "md_center"),
                    cell(ws, t.year, "md_center"),
                ]
                + [cell(ws, number(values.get((t.id, p))), "md_center") for p in periods]
            )


def _count_sheet(ws, index: PlanIndex, ledger) -> None:
    plan = index.plan
    set_widths(ws, {"A": 26, "B": 8, "C": 8, "D": 8, "E": 8, "F": 8})
    setup_print(ws, "2:2")
    ws.row_dimensions[1].height = 30
    ws.append([cell(ws, f"各部门任务进展（{period_label(ledger.period)}）", "md_title")])
    merge(ws, "A1:F1")
    ws.append([cell(ws, h, "md_header") for h in COUNT_HEADER])
    counts: dict[int, list[int]] = {d: [0] * 5 for d in ledger.by_department}
    for key, status in ledger.status.items():
        slot = _MEANINGS.index(ledger.meaning[key]) if status else 4
        counts[key[1]][slot] += 1
    rows = [(d.name, counts[d.id]) for d in plan.departments if d.id in counts]
    rows.sort(key=lambda r: -sum(r[1]))
    for name, values in rows:
        ws.append([cell(ws, name)] + [cell(ws, v, "md_center") for v in values])
    if rows:
        ws.insert_chart("H2", _chart(ws, len(rows), ledger.period))


def _chart(ws: Sheet, n: int, period: str):
    """A native stacked bar chart of the status columns, one colour a status."""
    chart = ws.book.add_chart({"type": "bar", "subtype": "stacked"})
    sheet = ws.name
    for column, colour in enumerate(_COLOURS, start=1):
        chart.add_series(
            {
                "name": [sheet, 1, column],
                "categories": [sheet, 2, 0, 1 + n, 0],
                "values": [sheet, 2, column, 1 + n, column],
                "fill": {"color": f"#{colour}"},
                "border": {"color": f"#{colour}"},
                "gap": 60,
                "overlap": 100,
            }
        )
    chart.set_title({"name": f"各部门任务进展（{period_label(period)}）"})
    chart.set_y_axis({"reverse": True, "crossing": "max"})  # busiest first, at the top
    chart.set_x_axis({"name": "任务数"})
    chart.set_legend({"position": "bottom"})
    height = min(200.0, max(7.5, 0.4 * n + 2.5))
    chart.set_size({"width": round(18 * CM), "height": round(height * CM)})
    return chart
