"""The matrix report laid out: task rows (and part heading rows) × department columns, split
across pages both ways, with the department header row and the measure column repeated on
every page."""

from __future__ import annotations

import datetime as dt

from matrixdesk.core.model import Department, Plan
from matrixdesk.core.numbers import display_numbers
from matrixdesk.core.tasks import task_ids
from matrixdesk.report.layout_model import (
    CONTINUED,
    FOOTER_LINES,
    TITLE_LINES,
    Frame,
    MatrixColumn,
    MatrixLayout,
    MatrixRow,
    Metrics,
    Page,
    ReportOptions,
    fit_lines,
    heading_ids,
    per_row_cache,
    row_context,
    title_block,
)
from matrixdesk.report.pages import paginate

MATRIX_TEXT_LINES = 2
HEADER_MAX_LINES = 8


def _matrix_columns(
    departments: list[Department], metrics: Metrics
) -> tuple[list[MatrixColumn], float]:
    """Narrow columns with names stacked one character a line; long names get two."""
    pad = metrics.pad
    columns: list[MatrixColumn] = []
    tallest = metrics.line
    cap = HEADER_MAX_LINES * metrics.line * 1.05
    for d in departments:
        chars = 1
        height = metrics.stacked_height(d.name, metrics.em * 1.1)
        while height > cap and chars < 4:
            chars += 1
            height = metrics.stacked_height(d.name, metrics.em * (chars + 0.1))
        columns.append(MatrixColumn(d.id, d.name, metrics.em * (chars + 0.1) + 2 * pad))
        tallest = max(tallest, min(height, cap))
    return columns, tallest + 2 * pad


def _column_groups(columns: list[MatrixColumn], available: float) -> list[range]:
    groups: list[range] = []
    start, used = 0, 0.0
    for i, c in enumerate(columns):
        if used + c.width > available and i > start:
            groups.append(range(start, i))
            start, used = i, 0.0
        used += c.width
    groups.append(range(start, len(columns)))
    return groups


def _matrix_rows(plan: Plan, width: float, full_width: float, metrics: Metrics) -> list[MatrixRow]:
    tasks = task_ids(plan)
    headings = heading_ids(plan, tasks)
    numbers = display_numbers(plan.measures)  # as the document writes them: (三)2.
    pad = metrics.pad
    rows: list[MatrixRow] = []
    for m in plan.measures:
        if m.id in tasks:
            line = f"{numbers[m.id] or m.code} {m.title}"
            text, h = fit_lines(line, width - 2 * pad, MATRIX_TEXT_LINES, metrics)
            rows.append(MatrixRow(m.id, text, h + 2 * pad, False))
        elif m.id in headings:
            text, h = fit_lines(f"{m.label}{m.title}", full_width - 2 * pad, 1, metrics)
            rows.append(MatrixRow(m.id, text, h + 2 * pad, True))
    return rows


def layout_matrix(
    plan: Plan,
    options: ReportOptions,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
) -> MatrixLayout:
    """Lay the matrix out on pages of ``width`` × ``height`` (device units, inside margins)."""
    departments = [d for d in plan.departments if options.include_collective or not d.collective]
    departments.sort(key=lambda d: d.position)
    columns, header_height = _matrix_columns(departments, metrics)
    measure_width = min(max(16 * metrics.em, width * 0.22), width * 0.4)
    frame = Frame(
        width, height, TITLE_LINES * metrics.line, header_height, FOOTER_LINES * metrics.line
    )
    rows = _matrix_rows(plan, measure_width, width, metrics)
    pad = metrics.pad
    measures = {m.id: m for m in plan.measures}

    def repeat(row: MatrixRow) -> MatrixRow:
        m = measures[row.measure_id]
        room = width - 2 * pad - len(CONTINUED) * metrics.em  # （续） is full width
        text = fit_lines(f"{m.label}{m.title}", room, 1, metrics)[0] + CONTINUED
        h = metrics.text_height(text, width - 2 * pad) + 2 * pad
        return MatrixRow(row.measure_id, text, h, True, continued=True)

    flow = paginate(
        rows,
        frame.body_height,
        context=row_context(plan, rows),
        repeat=per_row_cache(repeat),
    )
    rows = flow.rows
    layout = MatrixLayout(
        title_block(plan, "任务分工矩阵", printed),
        frame,
        measure_width,
        rows,
        columns,
        plan.role_map(),
    )
    groups = _column_groups(columns, width - measure_width)
    chunks = flow.pages
    tasks_before = [0]  # tasks_before[i]: task rows among rows[:i]
    for r in rows:
        tasks_before.append(tasks_before[-1] + (not r.heading))
    n_tasks = tasks_before[-1]
    number = 0
    for group in groups:  # down, then over: as spreadsheets print
        for chunk in chunks:
            number += 1
            done = tasks_before[chunk.start]
            tasks_here = range(done, tasks_before[chunk.stop])
            note = f"任务 {_span(tasks_here, n_tasks)} · 部门 {_span(group, len(columns))}"
            layout.pages.append(Page(number, chunk, group, note))
    return layout


def _span(items: range, total: int) -> str:
    return f"{items.start + 1}–{items.stop}/{total}" if items else f"0/{total}"
