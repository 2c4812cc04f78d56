"""The 目标完成情况 sheet of a department workbook: the targets of the tasks it leads, with the
value reached last time and a cell for the value reached this period.

Laid out like the task sheet: hidden, locked identifiers in columns A–C (target id, department
id, plan fingerprint; row 1 marker, format and fingerprint; row 2 period, department and row
count), a title, a note, a header in row 3 and one target a row from row 4.
"""

from __future__ import annotations

from ..core.model import Department, Role
from ..core.periods import period_label
from ..core.progress import Actual
from .sheets import cell, fit_row, merge, set_widths, setup_print
from .text import COMPARATOR_TEXT, PlanIndex, number, plan_fingerprint, task_text
from .xlsx import Book

TARGET_MARKER = "matrixdesk-department-targets"
TARGET_SHEET = "目标完成情况"
TARGET_HEADER = (
    "指标ID",
    "单位ID",
    "文件标识",
    "序号",
    "重点任务",
    "指标",
    "目标值",
    "单位",
    "年份",
    "上期完成",
    "本期完成",
)
ACTUAL_COLUMN = "K"
FIRST_TARGET_ROW = 4
_WIDTHS = {
    "A": 6,
    "B": 6,
    "C": 10,
    "D": 6,
    "E": 40,
    "F": 22,
    "G": 10,
    "H": 8,
    "I": 8,
    "J": 14,
    "K": 14,
}
_STYLES = (
    "md_id",
    "md_id",
    "md_id",
    "md_center",
    "md_text",
    "md_text",
    "md_center",
    "md_center",
    "md_center",
    "md_center",
    "md_input_center",
)
NOTE = (
    "填写说明：请在“本期完成”栏填写截至{period}各项指标的完成值（只填数字，单位见“单位”栏）；"
    "“上期完成”为上次报送的数值。其他栏目已锁定，请勿修改或增删行。"
)


def led_targets(index: PlanIndex, dep: Department) -> list[tuple[int, int]]:
    """(serial on the task sheet, target id) of the targets of the tasks ``dep`` leads."""
    mine = sorted(
        (a for a in index.by_department.get(dep.id, ()) if a.measure_id in index.measures),
        key=lambda a: index.measures[a.measure_id].position,
    )
    return [
        (serial, t.id)
        for serial, a in enumerate(mine, start=1)
        if a.role == Role.LEAD
        for t in index.targets.get(a.measure_id, ())
    ]


def write_targets_sheet(
    wb: Book, index: PlanIndex, dep: Department, period: str, last: dict[int, Actual]
) -> None:
    """Add the sheet when ``dep`` leads tasks with targets (otherwise nothing)."""
    rows = led_targets(index, dep)
    if not rows:
        return
    targets = {t.id: t for ts in index.targets.values() for t in ts}
    ws = wb.create_sheet(TARGET_SHEET)
    set_widths(ws, _WIDTHS, hidden=("A", "B", "C"))
    setup_print(ws, "3:3")
    ws.freeze_panes = "E4"
    ws.protect(format_rows=True)
    ws.validate(
        f"{ACTUAL_COLUMN}{FIRST_TARGET_ROW}:{ACTUAL_COLUMN}{FIRST_TARGET_ROW + len(rows) - 1}",
        {
            "validate": "decimal",
            "criteria": ">=",
            "value": -1e300,
            "ignore_blank": True,
            "show_error": True,
            "error_title": "本期完成",
            "error_message": "请填写数字",
        },
    )
    fingerprint = plan_fingerprint(index.plan)
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 30
    ws.append(
        [
            cell(ws, TARGET_MARKER, "md_id"),
            cell(ws, 1, "md_id"),
            cell(ws, fingerprint, "md_id"),
            cell(ws, f"{dep.name}目标完成情况", "md_title"),
        ]
    )
    ws.append(
        [
            cell(ws, period, "md_id"),
            cell(ws, dep.id, "md_id"),
            cell(ws, len(rows), "md_id"),
            cell(ws, NOTE.format(period=period_label(period)), "md_note"),
        ]
    )
    merge(ws, "D1:K1")
    merge(ws, "D2:K2")
    ws.append([cell(ws, h, "md_id" if i < 3 else "md_header") for i, h in enumerate(TARGET_HEADER)])
    for row, (serial, tid) in enumerate(rows, start=FIRST_TARGET_ROW):
        t = targets[tid]
        m = index.measures[t.measure_id]
        before = last.get(tid)
        values = [
            tid,
            dep.id,
            fingerprint,
            serial,
            f"{m.label}{task_text(m)}",
            t.indicator,
            f"{COMPARATOR_TEXT[t.comparator]}{number(t.value)}" if t.value is not None else "",
            t.unit,
            t.year,
            number(before.value) if before and before.value is not None else None,
            None,
        ]
        fit_row(ws, row, values[3:], list(_WIDTHS.values())[3:])
        ws.append([cell(ws, v, s) for v, s in zip(values, _STYLES, strict=True)])
