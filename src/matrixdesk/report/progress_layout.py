"""The printed progress reports, laid out like the task lists (no Qt here either).

* ``progress``: per department (or one department), each task with its status, this period's
  note and when it was reported; overdue tasks say so.
* ``chase`` (催报清单): the departments that returned nothing for the period, each with its
  tasks not yet done.
"""

from __future__ import annotations

import datetime as dt

from matrixdesk.core.index import PlanIndex
from matrixdesk.core.ledger import Ledger, build_ledger
from matrixdesk.core.model import Plan, Role
from matrixdesk.core.numbers import display_numbers
from matrixdesk.core.periods import parse_period, period_label
from matrixdesk.report.layout_model import (
    Metrics,
    ReportOptions,
    TableLayout,
    TitleBlock,
    find_department,
)
from matrixdesk.report.table_layout import layout_table


def report_period(plan: Plan, options: ReportOptions, today: dt.date) -> str:
    """The period a progress report covers: the one asked for, else the current one."""
    if options.period:
        period = parse_period(options.period, plan.schedule.cadence)
        if not plan.schedule.has_period(period, plan.info.date):
            raise ValueError(f"the plan has no reporting period {period}")
        return period
    return plan.schedule.current(today, plan.info.date)


def layout_progress_report(
    plan: Plan,
    options: ReportOptions,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
) -> TableLayout:
    today = printed or dt.date.today()
    period = report_period(plan, options, today)
    ledger = build_ledger(plan, period, today)
    if options.kind == "chase":
        return _chase(plan, ledger, width, height, metrics, today)
    return _progress(plan, ledger, options.department, width, height, metrics, today)


def _title(plan: Plan, what: str, period: str, today: dt.date) -> TitleBlock:
    info = plan.info
    subtitle = "　".join(p for p in (f"《{info.title}》" if info.title else "", info.number) if p)
    return TitleBlock(
        f"{what}（{period_label(period)}）", subtitle, f"打印日期 {today.isoformat()}"
    )


def _progress(plan, ledger: Ledger, department, width, height, metrics, today) -> TableLayout:
    index = PlanIndex(plan)
    numbers = display_numbers(plan.measures)
    entries = {e.key: e for e in plan.progress if e.period == ledger.period}
    chosen = [find_department(plan, department)] if department else plan.departments
    specs = [
        ("序号", -3.2, True),
        ("重点任务", 4.0, False),
        ("职责", -3.6, True),
        ("完成时限", -7.0, True),
        ("状态", -4.6, True),
        ("本期进展", 5.0, False),
        ("报送", -6.0, True),
    ]
    rows: list[tuple[int | None, tuple[str, ...] | str]] = []
    for d in chosen:
        mine = [a for a in index.by_department.get(d.id, ()) if a.measure_id in index.measures]
        if d.collective or not mine:
            continue
        tally = ledger.by_department.get(d.id)
        head = f"{d.name}：{len(mine)} 项任务"
        if tally is not None:
            head += f"，已完成 {tally.done}，滞后 {tally.late}，逾期 {tally.overdue}"
            head += "" if tally.reported else "，本期未报送"
        rows.append((None, head))
        mine.sort(key=lambda a: index.measures[a.measure_id].position)
        for serial, a in enumerate(mine, start=1):
            m = index.measures[a.measure_id]
            entry = entries.get((m.id, d.id, ledger.period))
            status = ledger.status.get((m.id, d.id), "") or "未报"
            if m.id in ledger.overdue:
                status += "\n（逾期）"
            reported = entry.reported[:10] if entry and entry.reported else ""
            role = "牵头" if a.role == Role.LEAD else "配合"
            note = entry.note if entry else ""
            # the title, not the whole text: the report is about progress, one line a task
            task = f"{numbers[m.id] or m.code} {m.title}"  # the document's own number
            cells = (str(serial), task, role, m.deadline, status, note, reported)
            rows.append((m.id, cells))
    title = _title(plan, "进展情况报告", ledger.period, today)
    return layout_table(plan, title, specs, rows, width, height, metrics, groups=True)


def _chase(plan, ledger: Ledger, width, height, metrics, today) -> TableLayout:
    measures = {m.id: m for m in plan.measures}
    numbers = display_numbers(plan.measures)
    specs = [
        ("序号", -3.2, True),
        ("部门", 2.0, False),
        ("任务数", -4.0, True),
        ("未完成", -4.0, True),
        ("未完成任务", 8.0, False),
    ]
    rows: list[tuple[int | None, tuple[str, ...] | str]] = []
    for serial, (did, tally) in enumerate(ledger.chase(plan), start=1):
        name = next(d.name for d in plan.departments if d.id == did)
        open_tasks = "；".join(
            f"{numbers[mid] or measures[mid].code} {measures[mid].title}"
            for mid in tally.measure_ids
        )
        rows.append(
            (None, (str(serial), name, str(tally.tasks), str(len(tally.measure_ids)), open_tasks))
        )
    title = _title(plan, "催报清单", ledger.period, today)
    return layout_table(plan, title, specs, rows, width, height, metrics)
