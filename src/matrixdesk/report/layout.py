"""Page layout of the printed reports, without widgets and without painting.

The layout model decides what goes on which page: the rows of the task matrix or list, the
department columns of each matrix page, the heights of wrapped rows and the page count. It works
in the units of the device it will be painted on and measures text only through :class:`Metrics`
(a callable giving the height of text wrapped to a width), so it can be tested with fake metrics.
``paint.py`` builds the Qt metrics and paints what is laid out here.

Three reports exist:

* the matrix: task rows (and part heading rows) × department columns, split across pages both
  ways, with the department header row and the measure column repeated on every page;
* the task-division list (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 | 目标指标);
* one department's task list (<部门>任务清单) with its role and an empty 进展情况 column.

A page that starts inside a part or item first repeats its heading(s), marked （续）; a list row
too tall for a page is split across pages (``pages.py`` does the pagination). The rows of
a layout are the rows as printed: repeated headings and the pieces of split rows included, each
flagged ``continued``.

This module chooses the layout a report asks for and names what callers import from it; the
work is done in ``layout_model.py`` (what a layout is made of), ``matrix_layout.py``,
``table_layout.py`` (a table on pages), ``list_layout.py`` and ``progress_layout.py``.
"""

from __future__ import annotations

import datetime as dt

from matrixdesk.core.model import Plan
from matrixdesk.report.layout_model import (
    CONTINUED,
    CONTINUED_SERIAL,
    Frame,
    Layout,
    MatrixColumn,
    MatrixLayout,
    MatrixRow,
    Metrics,
    Page,
    ReportOptions,
    TableColumn,
    TableLayout,
    TableRow,
    TextHeight,
    TitleBlock,
    find_department,
    fit_lines,
    heading_ids,
    title_block,
)
from matrixdesk.report.list_layout import (
    layout_department_list,
    layout_task_list,
    target_text,
    task_text,
)
from matrixdesk.report.matrix_layout import layout_matrix
from matrixdesk.report.table_layout import layout_table

__all__ = [
    "CONTINUED",
    "CONTINUED_SERIAL",
    "Frame",
    "Layout",
    "MatrixColumn",
    "MatrixLayout",
    "MatrixRow",
    "Metrics",
    "Page",
    "ReportOptions",
    "TableColumn",
    "TableLayout",
    "TableRow",
    "TextHeight",
    "TitleBlock",
    "find_department",
    "fit_lines",
    "heading_ids",
    "layout_department_list",
    "layout_matrix",
    "layout_report",
    "layout_table",
    "layout_task_list",
    "target_text",
    "task_text",
    "title_block",
]


def layout_report(
    plan: Plan,
    options: ReportOptions,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
) -> Layout:
    """The layout ``options`` ask for; a department implies its task list (or, with the kind
    "progress", its progress report)."""
    if options.kind in ("progress", "chase"):
        from matrixdesk.report.progress_layout import layout_progress_report

        return layout_progress_report(plan, options, width, height, metrics, printed)
    collective = options.include_collective
    if options.department:
        return layout_department_list(
            plan, options.department, width, height, metrics, printed, include_collective=collective
        )
    if options.kind == "list":
        return layout_task_list(
            plan, width, height, metrics, printed, include_collective=collective
        )
    if options.kind == "matrix":
        return layout_matrix(plan, options, width, height, metrics, printed)
    raise ValueError(f"unknown report kind: {options.kind}")
