"""Copy and paste of matrix cells.

Copy puts two formats on the clipboard: ``text/plain`` — a tab-separated grid of ●/○ that
Excel and WPS read — and :data:`MIME_TYPE`, JSON with the department ids and roles, so a copied
row pastes by department even when the columns are filtered or reordered in between.

Paste of whole copied rows (selected from the code/title side) replaces the assignments of
every selected row — one copied row can be pasted onto many. Anything else pastes as a block
at the current cell; one copied row repeats over every selected row. Headings, the totals
row and the totals column are never written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from PySide6.QtCore import QMimeData, QModelIndex

from ...core.model import Assignment, Role
from .filter_proxy import MatrixFilterProxy
from .matrix_model import FIRST_DEPARTMENT_COLUMN, RowKind, mark, role_from_text

MIME_TYPE = "application/x-matrixdesk-cells"


@dataclass
class CellBlock:
    """Roles of a rectangular block; ``department_ids`` and ``measure_ids`` when internal."""

    rows: list[list[Role | None]]
    department_ids: list[int] | None = None
    whole_rows: bool = False
    row_assignments: list[list[Assignment]] | None = None  # written order, for whole rows


def copy_block(
    proxy: MatrixFilterProxy, rows: list[int], columns: list[int], whole: bool
) -> QMimeData:
    """Mime data for the proxy ``rows`` × department ``columns`` (sorted lists)."""
    model = proxy.matrix()
    cols = [c for c in columns if model.department_id(_src_col(proxy, c)) is not None]
    dept_ids = [model.department_id(_src_col(proxy, c)) for c in cols]
    grid, orders = [], []
    for r in rows:
        mid = model.measure_id(proxy.mapToSource(proxy.index(r, 0)).row())
        if mid is None:
            continue
        grid.append([model.store.role(mid, d) for d in dept_ids])
        orders.append([(a.department_id, str(a.role)) for a in model.store.assignments_of(mid)])
    payload = {
        "departments": dept_ids,
        "rows": [[str(r) if r else None for r in row] for row in grid],
        "whole_rows": whole,
        "orders": orders,
    }
    mime = QMimeData()
    mime.setText("\n".join("\t".join(mark(r) for r in row) for row in grid))
    mime.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
    return mime


def read_block(mime: QMimeData) -> CellBlock | None:
    """The block on the clipboard, from our own format or from plain text."""
    if mime.hasFormat(MIME_TYPE):
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
            rows = [[Role(v) if v else None for v in row] for row in payload["rows"]]
            orders = [
                [Assignment(0, d, Role(r), i) for i, (d, r) in enumerate(order)]
                for order in payload.get("orders", [])
            ]
            return CellBlock(rows, payload["departments"], bool(payload["whole_rows"]), orders)
        except (ValueError, KeyError, TypeError):
            pass
    if mime.hasText() and mime.text().strip("\r\n"):
        lines = mime.text().replace("\r\n", "\n").rstrip("\n").split("\n")
        cells = [line.split("\t") for line in lines]
        rows = [[role_from_text(v) for v in line] for line in cells]
        # Only a grid of marks and blanks is matrix data; ordinary text (a sentence copied from
        # Word) would silently clear every cell it landed on.
        marks = sum(r is not None for row in rows for r in row)
        words = sum(bool(v.strip()) for line in cells for v in line)
        if marks and marks == words:
            return CellBlock(rows)
    return None


def paste_rows(
    proxy: MatrixFilterProxy, block: CellBlock, rows: list[int]
) -> dict[int, list[Assignment]]:
    """Whole copied rows onto the proxy ``rows``: measure id → its new assignments.

    One copied row goes onto every selected row; several copied rows go one after another
    onto the task rows from the first selected row down.
    """
    orders = block.row_assignments or []
    if not orders or not rows:
        return {}
    if len(orders) == 1:
        targets = [m for m in (_task_measure(proxy, r) for r in rows) if m is not None]
    else:
        targets = _task_rows_from(proxy, rows[0], len(orders))
    known = {d.id for d in proxy.matrix().store.departments()}
    by_measure: dict[int, list[Assignment]] = {}
    for i, mid in enumerate(targets):
        order = [a for a in orders[i % len(orders)] if a.department_id in known]
        by_measure[mid] = [replace(a, measure_id=mid, position=p) for p, a in enumerate(order)]
    return by_measure


def paste_cells(
    proxy: MatrixFilterProxy, block: CellBlock, current: QModelIndex, rows: list[int]
) -> list[tuple[int, int, Role | None]]:
    """A block pasted at ``current``; a one-row block repeats over every selected row."""
    model = proxy.matrix()
    if not current.isValid() or not block.rows:
        return []
    start_col = max(current.column(), FIRST_DEPARTMENT_COLUMN)
    if len(block.rows) == 1 and len(rows) > 1:
        placements = [(r, block.rows[0]) for r in rows]
    else:
        placements = [(current.row() + i, row) for i, row in enumerate(block.rows)]
    changes = []
    for r, values in placements:
        if r >= proxy.rowCount():
            break
        src_row = proxy.mapToSource(proxy.index(r, 0)).row()
        for j, role in enumerate(values):
            c = start_col + j
            if c >= proxy.columnCount():
                break
            src_col = _src_col(proxy, c)
            if model.is_editable_cell(src_row, src_col):
                changes.append((model.measure_id(src_row), model.department_id(src_col), role))
    return changes


def _src_col(proxy: MatrixFilterProxy, column: int) -> int:
    return proxy.mapToSource(proxy.index(0, column)).column()


def _task_measure(proxy: MatrixFilterProxy, row: int) -> int | None:
    """The measure id of proxy ``row`` if it is a task row (not a heading or the totals)."""
    model = proxy.matrix()
    src = proxy.mapToSource(proxy.index(row, 0)).row()
    return model.measure_id(src) if model.row_kind(src) == RowKind.TASK else None


def _task_rows_from(proxy: MatrixFilterProxy, first: int, n: int) -> list[int]:
    """The first ``n`` editable measure ids at or below proxy row ``first``."""
    model = proxy.matrix()
    found: list[int] = []
    for r in range(first, proxy.rowCount()):
        src = proxy.mapToSource(proxy.index(r, 0)).row()
        if model.row_kind(src) == RowKind.TASK:
            found.append(model.measure_id(src))
            if len(found) == n:
                break
    return found
