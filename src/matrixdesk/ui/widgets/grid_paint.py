"""Painting the department grid a screen at a time, not a cell at a time.

A screen of the grid shows about 40 rows × 60 departments, and a task has three of them: most
of the 2,400 cells are empty. Painted by QTableView, each cell was a call into Python (the
delegate) with a style option built for it and a data call through the filter proxy; the
grid scrolled at twice the cost of a bare table view. Here the view's ``paintEvent`` paints
what the dirty rectangle covers in one pass:

* bands: heading rows, the totals column, status colours, the selection;
* grid lines as long lines (one a row, one a column, broken only by heading bands);
* the ● / ○ marks of the assignments in view (a task's few, found through its measure);
* the totals column's counts and the current cell's frame.

The look is the delegate's (``models/delegate.py``, which still paints the frozen code and
title columns): the same colours, lines, marks and fonts.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QTableView

from ..models.delegate import (
    GROUP_FILL,
    MUTED_TEXT,
    SELECTED_FILL,
    SELECTED_GROUP_FILL,
    TEXT_COLOR,
    TOTAL_FILL,
    MatrixDelegate,
)
from ..models.matrix_model import FIRST_DEPARTMENT_COLUMN, MatrixModel


class _Row:
    __slots__ = ("proxy", "source", "top", "height", "group", "level", "measure_id")

    def __init__(self, proxy: int, source: int, top: int, height: int) -> None:
        self.proxy, self.source, self.top, self.height = proxy, source, top, height
        self.group = False
        self.level = 1
        self.measure_id: int | None = None


def paint_grid(view: QTableView, event: QPaintEvent, delegate: MatrixDelegate) -> bool:
    """Paint the part of ``view``'s viewport in ``event``; False when the view's model is not
    a matrix (the caller lets QTableView paint then)."""
    proxy = view.model()
    matrix = proxy.sourceModel() if hasattr(proxy, "sourceModel") else proxy
    if not isinstance(matrix, MatrixModel):
        return False
    area = event.rect()
    rows = _rows(view, proxy, matrix, area)
    columns = _columns(view, area)
    painter = QPainter(view.viewport())
    try:
        if rows and columns:
            total = matrix.total_column
            selected = _selected(view, rows, columns)
            _bands(painter, matrix, rows, columns, total, selected)
            _lines(painter, delegate, rows, columns, total)
            _marks(painter, delegate, matrix, rows, columns, selected)
            _totals(painter, view, matrix, rows, columns, total, selected)
            _current(painter, view, delegate, rows, columns)
    finally:
        painter.end()
    return True


def _rows(view: QTableView, proxy, matrix: MatrixModel, area: QRect) -> list[_Row]:
    header = view.verticalHeader()
    count = proxy.rowCount()
    first = header.logicalIndexAt(area.top())
    if first < 0:
        return []
    last = header.logicalIndexAt(area.bottom())
    last = count - 1 if last < 0 else last
    source_row = getattr(proxy, "source_row", None)
    found = []
    for r in range(first, last + 1):
        if header.isSectionHidden(r):
            continue
        source = source_row(r) if source_row else proxy.mapToSource(proxy.index(r, 0)).row()
        row = _Row(r, source, header.sectionViewportPosition(r), header.sectionSize(r))
        mid = matrix.measure_id(source)
        if mid is not None:
            row.measure_id = mid
            row.group = mid in matrix.groups
            row.level = matrix.store.measure(mid).level
        found.append(row)
    return found


def _columns(view: QTableView, area: QRect) -> list[tuple[int, int, int]]:
    """(logical column, x, width) of the columns in view, left to right."""
    header = view.horizontalHeader()
    first = header.visualIndexAt(area.left())
    if first < 0:
        return []
    last = header.visualIndexAt(area.right())
    last = header.count() - 1 if last < 0 else last
    found = []
    for visual in range(first, last + 1):
        logical = header.logicalIndex(visual)
        if logical < FIRST_DEPARTMENT_COLUMN or header.isSectionHidden(logical):
            continue
        found.append(
            (logical, header.sectionViewportPosition(logical), header.sectionSize(logical))
        )
    return found


def _selected(view: QTableView, rows: list[_Row], columns) -> set[tuple[int, int]]:
    """(proxy row, column) of the selected cells in view."""
    model: QItemSelectionModel | None = view.selectionModel()
    if model is None:
        return set()
    shown_rows = {r.proxy for r in rows}
    shown_cols = {c for c, _, _ in columns}
    cells = set()
    for rng in model.selection():
        rs = shown_rows.intersection(range(rng.top(), rng.bottom() + 1))
        cs = shown_cols.intersection(range(rng.left(), rng.right() + 1))
        cells.update((r, c) for r in rs for c in cs)
    return cells


def _bands(painter: QPainter, matrix: MatrixModel, rows, columns, total: int, selected) -> None:
    """Fills under the cells: selection over heading band over totals over status colour."""
    status = matrix.status_view
    left = columns[0][1]
    right = columns[-1][1] + columns[-1][2]
    for row in rows:
        if row.group:
            painter.fillRect(
                left, row.top, right - left, row.height, GROUP_FILL.get(row.level, GROUP_FILL[2])
            )
        for c, x, w in columns:
            if (row.proxy, c) in selected:
                painter.fillRect(
                    x, row.top, w, row.height, SELECTED_GROUP_FILL if row.group else SELECTED_FILL
                )
            elif row.group:
                continue
            elif c >= total:
                painter.fillRect(x, row.top, w, row.height, TOTAL_FILL)
            elif status is not None and row.measure_id is not None:
                fill = status.cell_fill(row.measure_id, matrix.department_id(c))
                if fill is not None:
                    painter.fillRect(x, row.top, w, row.height, fill)


def _lines(painter: QPainter, delegate: MatrixDelegate, rows, columns, total: int) -> None:
    """A line under every row; a line right of every column, except across heading bands
    (the totals column keeps its line there)."""
    painter.setPen(delegate.grid_pen)
    left = columns[0][1]
    right = columns[-1][1] + columns[-1][2] - 1
    for row in rows:
        bottom = row.top + row.height - 1
        painter.drawLine(left, bottom, right, bottom)
    runs: list[tuple[int, int]] = []  # (top, bottom) of consecutive task rows
    for row in rows:
        if row.group:
            continue
        bottom = row.top + row.height - 1
        if runs and runs[-1][1] + 1 == row.top:
            runs[-1] = (runs[-1][0], bottom)
        else:
            runs.append((row.top, bottom))
    top, bottom = rows[0].top, rows[-1].top + rows[-1].height - 1
    for c, x, w in columns:
        edge = x + w - 1
        if c >= total:
            painter.drawLine(edge, top, edge, bottom)
            continue
        for run_top, run_bottom in runs:
            painter.drawLine(edge, run_top, edge, run_bottom)


def _marks(
    painter: QPainter, delegate: MatrixDelegate, matrix: MatrixModel, rows, columns, selected
) -> None:
    """● and ○ of the assignments in view: each task's own few, not every cell."""
    where = {c: (x, w) for c, x, w in columns}
    store = matrix.store
    for row in rows:
        if row.measure_id is None or row.group:
            continue
        for a in store.assignments_of(row.measure_id):
            c = matrix.column_of(a.department_id)
            if c in where:
                x, w = where[c]
                delegate.paint_mark(painter, QRect(x, row.top, w, row.height), a.role)


def _totals(
    painter: QPainter, view: QTableView, matrix: MatrixModel, rows, columns, total: int, selected
) -> None:
    """The count of departments in each row's totals cell."""
    shown = [(x, w) for c, x, w in columns if c == total]
    if not shown:
        return
    x, w = shown[0]
    font = QFont(view.font())
    selected_text = view.palette().color(QPalette.ColorRole.Text)
    for row in rows:
        text = matrix.data(matrix.index(row.source, total))
        if not text:
            continue
        bold = row.group
        if font.bold() != bold:
            font.setBold(bold)
        painter.setFont(font)
        chosen = (row.proxy, total) in selected
        painter.setPen(selected_text if chosen else (TEXT_COLOR if row.group else MUTED_TEXT))
        painter.drawText(
            QRect(x, row.top, w, row.height), int(Qt.AlignmentFlag.AlignCenter), str(text)
        )


def _current(painter: QPainter, view: QTableView, delegate: MatrixDelegate, rows, columns) -> None:
    """The frame of the current cell, while the grid has the keyboard."""
    if not view.hasFocus():
        return
    current = view.currentIndex()
    if not current.isValid():
        return
    row = next((r for r in rows if r.proxy == current.row()), None)
    column = next(((x, w) for c, x, w in columns if c == current.column()), None)
    if row is None or column is None:
        return
    painter.setPen(delegate.current_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRect(column[0], row.top, column[1], row.height).adjusted(1, 1, -1, -1))
