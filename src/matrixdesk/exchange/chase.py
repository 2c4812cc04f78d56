"""The 催报 list as a workbook: the departments that returned nothing for a period, each with
its tasks not yet done, ready to print or send."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..core.ledger import build_ledger
from ..core.model import Plan
from ..core.numbers import display_numbers
from ..core.periods import period_label
from .sheets import atomic_workbook, cell, fit_row, merge, save_workbook, set_widths, setup_print
from .text import document_name

HEADER = ("序号", "部门", "任务数", "未完成", "未完成任务")
_WIDTHS = {"A": 6, "B": 24, "C": 8, "D": 8, "E": 80}


def export_chase(
    plan: Plan, path: str | os.PathLike[str], period: str, today: dt.date | None = None
) -> int:
    """Write the chase list of ``period`` to ``path``; returns how many departments it names.

    Raises
    ------
    OSError
        The file cannot be written (see ``core/safefile.py``); nothing is left behind.
    """
    path = Path(path)
    ledger = build_ledger(plan, period, today or dt.date.today())
    measures = {m.id: m for m in plan.measures}
    numbers = display_numbers(plan.measures)  # the document's own: (三)2.
    names = {d.id: d.name for d in plan.departments}
    chase = ledger.chase(plan)
    with atomic_workbook(path) as (wb, tmp):
        ws = wb.create_sheet("催报清单")
        set_widths(ws, _WIDTHS)
        setup_print(ws, "3:3")
        ws.freeze_panes = "A4"
        ws.row_dimensions[1].height = 30
        title = f"{document_name(plan)}催报清单（{period_label(period)}）"
        ws.append([cell(ws, title, "md_title")])
        note = f"以下 {len(chase)} 个单位本期尚未报送进展情况。打印日期：{dt.date.today()}"
        ws.append([cell(ws, note, "md_note")])
        merge(ws, "A1:E1")
        merge(ws, "A2:E2")
        ws.append([cell(ws, h, "md_header") for h in HEADER])
        for serial, (did, tally) in enumerate(chase, start=1):
            tasks = "\n".join(
                f"{numbers[m] or measures[m].code} {measures[m].title}" for m in tally.measure_ids
            )
            values = [serial, names[did], tally.tasks, len(tally.measure_ids), tasks]
            fit_row(ws, 3 + serial, values, list(_WIDTHS.values()))
            styles = ("md_center", "md_text", "md_center", "md_center", "md_text")
            ws.append([cell(ws, v, s) for v, s in zip(values, styles, strict=True)])
        save_workbook(wb, tmp, Path(path))
    return len(chase)
