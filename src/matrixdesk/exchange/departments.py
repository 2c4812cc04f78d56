"""One workbook per department: only its tasks, with progress and status columns to fill in.

The identifying columns (measure id, department id, plan fingerprint) are hidden and locked so
a returned workbook can be matched to the plan; everything but 进展情况 and 状态 is protected.
Row 2 holds, hidden, the reporting period the workbook is for, the department's id and the
number of task rows, so rows added or removed are noticed when it comes back. The status is
pre-filled with the one last reported and 上期进展 shows last period's note; a department that
leads tasks with targets gets a second sheet, 目标完成情况, to report the values reached.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..core import safefile
from ..core.ledger import previous, previous_actuals
from ..core.model import Department, Plan, Role
from ..core.periods import parse_period, period_label
from .sheets import (
    Progress,
    Ticker,
    cell,
    discard,
    fit_row,
    merge,
    new_workbook,
    save_workbook,
    set_widths,
    setup_print,
)
from .targets_sheet import write_targets_sheet
from .text import (
    ROLE_TEXT,
    PlanIndex,
    plan_fingerprint,
    safe_file_stem,
    task_text,
)
from .xlsx import Sheet

MARKER = "matrixdesk-department-workbook"
FORMAT_VERSION = 2  # 2: period, department and row count in row 2; 上期进展; targets sheet
SHEET_NAME = "任务进展"
HEADER = (
    "任务ID",
    "单位ID",
    "文件标识",
    "序号",
    "重点任务",
    "本单位职责",
    "牵头单位",
    "配合单位",
    "完成时限",
    "目标指标",
    "进展情况",
    "状态",
    "上期进展",
)
HIDDEN_COLUMNS = ("A", "B", "C")
PROGRESS_COLUMN = "K"
STATUS_COLUMN = "L"
PREVIOUS_COLUMN = "M"
FIRST_TASK_ROW = 4
MIN_STEM = 8  # the shortest room for a department's file name before the folder is too deep
_WIDTHS = {
    "A": 6,
    "B": 6,
    "C": 10,
    "D": 6,
    "E": 50,
    "F": 8,
    "G": 16,
    "H": 22,
    "I": 10,
    "J": 20,
    "K": 36,
    "L": 10,
    "M": 30,
}
_STYLES = (
    "md_id",
    "md_id",
    "md_id",
    "md_center",
    "md_text",
    "md_center",
    "md_text",
    "md_text",
    "md_center",
    "md_text",
    "md_input",
    "md_input_center",
    "md_text",
)
INSTRUCTIONS = (
    "填写说明：本表为{period}进展情况报送表。请在“进展情况”栏填写本期工作进展，在“状态”栏从下拉列表"
    "选择（{choices}）；“上期进展”为上次报送的内容，仅供参考。其他栏目已锁定，请勿修改，也请勿增删行、列或工作表，以便汇总。文件标识：{doc}"
)


def export_departments(
    plan: Plan,
    folder: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    period: str | None = None,
) -> list[Path]:
    """Write one workbook per non-collective department that has assignments.

    Parameters
    ----------
    plan
        The plan to export.
    folder
        Where to write; created if missing. Files are named after the departments (made safe
        for Windows, short enough for Excel, unique); existing files of the same names are
        replaced, all or none (``core/safefile.replace_all``).
    progress
        ``progress(done, total)``; returning ``False`` cancels.
    period
        The reporting period the workbooks ask about (default: the plan's current period);
        each task carries what its department reported before it.

    Returns
    -------
    list of Path
        The workbooks written, in department order.

    Raises
    ------
    ExportCancelled
        The progress callback returned ``False``; no file of this run is left and files of
        earlier runs are unchanged.
    OutputError
        The folder or a file cannot be written: FileInUseError when another program holds a
        workbook that would be replaced (then no workbook is replaced), PathTooLongError when
        the folder is too deep for Excel's paths, DiskFullError, FolderError.
    """
    folder = Path(os.path.abspath(folder))
    period = _period(plan, period)
    safefile.check_folder(folder, create=True)
    index = PlanIndex(plan)
    last = _Last(plan, period)
    chosen = [d for d in plan.departments if not d.collective and index.by_department.get(d.id)]
    targets = _targets(folder, chosen)
    for final in targets:  # a workbook open in WPS or Excel: say so before writing any
        safefile.check_replaceable(final)
    ticker = Ticker(len(chosen) + 1, progress)
    written: list[tuple[Path, Path]] = []  # (temporary, final)
    try:
        for d, final in zip(chosen, targets, strict=True):
            tmp = safefile.temp_beside(final)
            written.append((tmp, final))
            wb = new_workbook(tmp, small=True)
            try:
                _department_sheet(wb.create_sheet(SHEET_NAME), index, d, last)
                write_targets_sheet(wb, index, d, last.period, last.actuals)
                wb.lock_structure = True  # no sheets added, removed or renamed
                save_workbook(wb, tmp, final)
            except BaseException:
                discard(wb)
                raise
            ticker.step()
    except BaseException:
        discard(None, *(tmp for tmp, _ in written))
        raise
    safefile.replace_all(written)
    ticker.step()
    return targets


def _targets(folder: Path, chosen: list[Department]) -> list[Path]:
    """The file of each department: its name made safe, short enough for the file system and
    (on Windows) for Excel's longest path, unique without regard to case. Raises
    PathTooLongError before anything is written when the folder leaves no room for a name."""
    room = safefile.MAX_NAME - len(".xlsx")
    if safefile.WINDOWS:  # the folder, a separator, the name, ".xlsx"
        room = min(room, safefile.EXCEL_MAX_PATH - safefile.path_units(str(folder)) - 6)
    if room < MIN_STEM:
        probe = folder / ("x" * MIN_STEM + ".xlsx")
        raise safefile.PathTooLongError(
            probe, safefile.path_units(str(probe)), safefile.EXCEL_MAX_PATH
        )
    taken: set[str] = set()
    return [
        safefile.check_path(
            folder / f"{safe_file_stem(d.name, taken, f'部门{d.id}', max_units=room)}.xlsx",
            excel=True,
        )
        for d in chosen
    ]


def _period(plan: Plan, period: str | None) -> str:
    """The period asked for, checked against the plan's; default: the current one."""
    schedule = plan.schedule
    if period is None:
        return schedule.current(dt.date.today(), plan.info.date)
    period = parse_period(period, schedule.cadence)
    if not schedule.has_period(period, plan.info.date):
        first, last = schedule.window(plan.info.date)
        raise ValueError(f"the plan reports from {first} to {last}, not in {period}")
    return period


class _Last:
    """What each assignment and target reported before the period being asked about."""

    def __init__(self, plan: Plan, period: str) -> None:
        self.period = period
        self.entries = previous(plan.progress, period)
        self.actuals = previous_actuals(plan.actuals, period)
        self.statuses = plan.schedule.status_names()

    def text(self, measure_id: int, department_id: int) -> str:
        e = self.entries.get((measure_id, department_id))
        if e is None:
            return ""
        head = f"{period_label(e.period)}：{e.status}" if e.status else period_label(e.period)
        return f"{head}\n{e.note}" if e.note else head

    def status(self, measure_id: int, department_id: int) -> str | None:
        e = self.entries.get((measure_id, department_id))
        return e.status if e and e.status in self.statuses else None


def _department_sheet(ws: Sheet, index: PlanIndex, dep: Department, last: _Last) -> None:
    plan = index.plan
    measures = index.measures  # built once for all departments, not once per department
    mine = sorted(
        (a for a in index.by_department.get(dep.id, ()) if a.measure_id in measures),
        key=lambda a: measures[a.measure_id].position,
    )
    last_row = FIRST_TASK_ROW + len(mine) - 1
    set_widths(ws, _WIDTHS, hidden=HIDDEN_COLUMNS)
    setup_print(ws, "3:3")
    ws.freeze_panes = "E4"
    # no password: a guard against slips, not a lock; rows may be made taller for long notes,
    # columns not (the identifying columns stay hidden)
    ws.protect(format_rows=True)
    _status_validation(ws, last_row, last.statuses)
    fingerprint = plan_fingerprint(plan)
    doc = plan.info.number or fingerprint
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 36
    ws.append(
        [
            cell(ws, MARKER, "md_id"),
            cell(ws, FORMAT_VERSION, "md_id"),
            cell(ws, fingerprint, "md_id"),
            cell(ws, f"{dep.name}重点任务分工及进展情况", "md_title"),
        ]
    )
    note = INSTRUCTIONS.format(
        period=period_label(last.period), choices="、".join(last.statuses), doc=doc
    )
    ws.append(
        [
            cell(ws, last.period, "md_id"),
            cell(ws, dep.id, "md_id"),
            cell(ws, len(mine), "md_id"),
            cell(ws, note, "md_note"),
        ]
    )
    merge(ws, "D1:M1")
    merge(ws, "D2:M2")
    ws.append([cell(ws, h, "md_id" if i < 3 else "md_header") for i, h in enumerate(HEADER)])
    for serial, a in enumerate(mine, start=1):
        m = measures[a.measure_id]
        support = index.names_with(m.id, Role.SUPPORT)
        values = [
            m.id,
            dep.id,
            fingerprint,
            serial,
            f"{index.numbers[m.id]}{task_text(m)}",
            ROLE_TEXT[a.role],
            index.names_with(m.id, Role.LEAD),
            f"{support}等" if support and m.open_ended else support,
            m.deadline,
            index.targets_text(m.id),
            None,
            last.status(m.id, dep.id),
            last.text(m.id, dep.id),
        ]
        fit_row(ws, FIRST_TASK_ROW + serial - 1, values[3:], list(_WIDTHS.values())[3:])
        ws.append([cell(ws, v, s) for v, s in zip(values, _STYLES, strict=True)])


def _status_validation(ws: Sheet, last_row: int, choices: list[str]) -> None:
    """The 状态 drop-down over the task rows."""
    ws.validate(
        f"{STATUS_COLUMN}{FIRST_TASK_ROW}:{STATUS_COLUMN}{max(last_row, FIRST_TASK_ROW)}",
        {
            "validate": "list",
            "source": list(choices),
            "ignore_blank": True,
            "show_error": True,
            "error_title": "状态",
            "error_message": "请从下拉列表中选择：" + "、".join(choices),
            "show_input": True,
            "input_title": "状态",
            "input_message": "请选择：" + "、".join(choices),
        },
    )
