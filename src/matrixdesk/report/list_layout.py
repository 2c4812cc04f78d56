"""The list reports laid out: the task-division list (序号 | 重点任务 | 牵头单位 | 配合单位 |
完成时限 | 目标指标) and one department's task list (<部门>任务清单) with its role and an empty
进展情况 column."""

from __future__ import annotations

import datetime as dt
import re

from matrixdesk.core.index import PlanIndex
from matrixdesk.core.model import Comparator, Measure, Plan, Role, Target
from matrixdesk.core.tasks import task_ids
from matrixdesk.report.layout_model import (
    Metrics,
    TableLayout,
    TitleBlock,
    find_department,
    heading_ids,
    title_block,
)
from matrixdesk.report.table_layout import layout_table

_ANNOTATION_TAIL = re.compile(r"[（(][^（()）]*[)）]\s*[。；;]?\s*$")


def task_text(m: Measure) -> str:
    """The measure's text without its trailing responsibility annotation."""
    text = (m.text or m.title).strip()
    if m.annotated:
        text = _ANNOTATION_TAIL.sub("", text).rstrip()
    return text or m.title


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def target_text(t: Target) -> str:
    """滑雪场 60座以上（2022年）."""
    text = t.indicator
    if t.value is not None:
        suffix = {Comparator.GE: "以上", Comparator.LE: "以内"}.get(t.comparator, "")
        text += f" {_number(t.value)}{t.unit}{suffix}"
    if t.year:
        text += f"（{t.year}年）"
    return text


def _parties(index: PlanIndex, measure: Measure, left_out: set[int]) -> tuple[list[str], list[str]]:
    """The names of the measure's lead and support parties, but those in ``left_out``."""
    names = index.names
    lead, support = [], []
    for a in index.assignments_of(measure.id):
        if a.department_id not in left_out:
            (lead if a.role == Role.LEAD else support).append(names.get(a.department_id, "?"))
    return lead, support


def _left_out(plan: Plan, include_collective: bool) -> set[int]:
    return set() if include_collective else {d.id for d in plan.departments if d.collective}


def _rows_for(plan: Plan, chosen: set[int], make_cells) -> list[tuple[int, tuple[str, ...] | str]]:
    headings = heading_ids(plan, chosen)
    out: list[tuple[int, tuple[str, ...] | str]] = []
    serial = 0
    for m in plan.measures:
        if m.id in chosen:
            serial += 1
            out.append((m.id, make_cells(serial, m)))
        elif m.id in headings:
            out.append((m.id, f"{m.label}{m.title}"))
    return out


def layout_task_list(
    plan: Plan,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
    *,
    include_collective: bool = True,
) -> TableLayout:
    """The conventional task-division table, part headings as spanning rows."""
    with_targets = bool(plan.targets)
    specs = [
        ("序号", -3.2, True),
        ("重点任务", 8.0, False),
        ("牵头单位", 2.0, False),
        ("配合单位", 2.8, False),
        ("完成时限", -7.6, True),
    ]
    if with_targets:
        specs.append(("目标指标", 2.4, False))
    index = PlanIndex(plan)
    left_out = _left_out(plan, include_collective)

    def cells(serial: int, m: Measure) -> tuple[str, ...]:
        lead, support = _parties(index, m, left_out)
        sup = "、".join(support) + ("等" if m.open_ended and support else "")
        row = [str(serial), task_text(m), "、".join(lead), sup, m.deadline]
        if with_targets:
            row.append("\n".join(target_text(t) for t in index.targets_of(m.id)))
        return tuple(row)

    rows = _rows_for(plan, task_ids(plan), cells)
    return layout_table(
        plan, title_block(plan, "任务分工表", printed), specs, rows, width, height, metrics
    )


def layout_department_list(
    plan: Plan,
    department: str,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
    *,
    include_collective: bool = True,
) -> TableLayout:
    """One department's tasks with its role, the other parties and a 进展情况 column to fill."""
    dept = find_department(plan, department)
    index = PlanIndex(plan)
    left_out = _left_out(plan, include_collective)
    mine = {a.measure_id: a.role for a in plan.assignments if a.department_id == dept.id}
    specs = [
        ("序号", -3.2, True),
        ("重点任务", 6.5, False),
        ("本单位职责", -6.2, True),
        ("其他责任单位", 2.3, False),
        ("完成时限", -7.6, True),
        ("目标指标", 2.0, False),
        ("进展情况", 2.4, False),
    ]

    def cells(serial: int, m: Measure) -> tuple[str, ...]:
        lead, support = _parties(index, m, left_out)
        others = [f"{n}（牵头）" for n in lead if n != dept.name]
        others += [n for n in support if n != dept.name]
        role = "牵头" if mine[m.id] == Role.LEAD else "配合"
        targets = "\n".join(target_text(t) for t in index.targets_of(m.id))
        return (str(serial), task_text(m), role, "、".join(others), m.deadline, targets, "")

    rows = _rows_for(plan, set(mine), cells)
    info = plan.info
    title = TitleBlock(
        f"{dept.name}任务清单",
        "　".join(p for p in (f"《{info.title}》" if info.title else "", info.number) if p),
        f"打印日期 {(printed or dt.date.today()).isoformat()}",
    )
    return layout_table(plan, title, specs, rows, width, height, metrics)
