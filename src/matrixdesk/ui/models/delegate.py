"""Painting matrix cells quickly: ● lead, ○ support, shaded heading bands, totals.

It paints the frozen code and title columns cell by cell; the department grid is painted a
screen at a time by ``widgets/grid_paint.py`` in the same look (a test compares the two
pixel for pixel), using this delegate's pens and marks.

One data call per cell (``ItemRole.PAINT``) and plain QPainter calls; no style option is
initialised, so a screen of a few thousand cells paints in a few milliseconds. The delegate
draws the grid lines itself (the views turn Qt's grid off) so heading rows read as one band
spanning the whole width, like merged cells in a spreadsheet.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.model import Role
from .matrix_model import ColumnKind, ItemRole, RowKind

LEAD_COLOR = QColor("#1f4e79")
SUPPORT_COLOR = QColor("#2e75b6")
GRID_COLOR = QColor("#d9dde3")
GROUP_FILL = {1: QColor("#dde6f0"), 2: QColor("#ebf0f6")}
TOTAL_FILL = QColor("#f2f2f2")
SELECTED_FILL = QColor("#cce0ff")
SELECTED_GROUP_FILL = QColor("#b8d0f0")
CURRENT_PEN = QColor("#1a5fb4")
TEXT_COLOR = QColor("#1b1b1b")
MUTED_TEXT = QColor("#555555")


# Plain ints for the per-cell tests: combining Qt flag enums runs Python code each time.
_BUSY = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus).value
_PAINT = int(ItemRole.PAINT)
_TASK, _DEPARTMENT = RowKind.TASK, ColumnKind.DEPARTMENT


class MatrixDelegate(QStyledItemDelegate):
    """Paints every cell of the matrix views; edits happen through commands, not editors."""

    def __init__(self, parent=None, *, row_height: int = 24) -> None:
        super().__init__(parent)
        self.row_height = row_height
        self.grid_pen = QPen(GRID_COLOR, 0)
        self._lead_brush = QBrush(LEAD_COLOR)
        self._support_pen = QPen(SUPPORT_COLOR, 1.6)
        self.current_pen = QPen(CURRENT_PEN, 2)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        return QSize(28, self.row_height)

    def createEditor(self, parent, option, index):  # noqa: N802 (no in-place editors)
        return None

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        info = index.data(_PAINT)
        if info is None:
            return
        row_kind, col_kind, value, level, fill = info
        rect: QRect = option.rect
        state = option.state
        if row_kind == _TASK and col_kind == _DEPARTMENT and not state.value & _BUSY:
            # the common case, kept short: an unselected, unfocused department cell
            if fill is not None:
                painter.fillRect(rect, fill)
            painter.setPen(self.grid_pen)
            left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
            painter.drawLine(left, bottom, right, bottom)
            painter.drawLine(right, top, right, bottom)
            if value is not None:
                self.paint_mark(painter, rect, value)
            return
        selected = bool(state & QStyle.StateFlag.State_Selected)
        group = row_kind == RowKind.GROUP
        if selected:
            painter.fillRect(rect, SELECTED_GROUP_FILL if group else SELECTED_FILL)
        elif group:
            painter.fillRect(rect, GROUP_FILL.get(level, GROUP_FILL[2]))
        elif row_kind == RowKind.TOTAL or col_kind == ColumnKind.TOTAL:
            painter.fillRect(rect, TOTAL_FILL)
        elif fill is not None:
            painter.fillRect(rect, fill)
        painter.setPen(self.grid_pen)
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        if not group or col_kind == ColumnKind.TOTAL:
            painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom())
        if col_kind == ColumnKind.DEPARTMENT and row_kind != RowKind.TOTAL:
            if value is not None:
                self.paint_mark(painter, rect, value)
        else:
            self._paint_text(painter, option, rect, row_kind, col_kind, value, level)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(self.current_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def paint_mark(self, painter: QPainter, rect: QRect, role: Role) -> None:
        """● for a lead, ○ for a support, centred in ``rect``."""
        d = max(6, min(rect.width(), rect.height()) * 9 // 20)
        x = rect.left() + (rect.width() - d) // 2
        y = rect.top() + (rect.height() - d) // 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if role == Role.LEAD:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._lead_brush)
            painter.drawEllipse(x, y, d, d)
        else:
            painter.setPen(self._support_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(x + 1, y + 1, d - 2, d - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_text(self, painter, option, rect, row_kind, col_kind, text, level) -> None:
        if not text:
            return
        font = QFont(option.font)
        if row_kind in (RowKind.GROUP, RowKind.TOTAL):
            font.setBold(True)
        painter.setFont(font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        muted = col_kind in (ColumnKind.CODE, ColumnKind.TOTAL) and row_kind == RowKind.TASK
        color = option.palette.color(QPalette.ColorRole.Text) if selected else TEXT_COLOR
        painter.setPen(MUTED_TEXT if muted and not selected else color)
        indent = 6
        if col_kind == ColumnKind.TITLE and row_kind == RowKind.TASK:
            indent += 10 * max(0, level - 2)
        if col_kind in (ColumnKind.DEPARTMENT, ColumnKind.TOTAL):
            align = Qt.AlignmentFlag.AlignCenter
            inner = rect
        else:
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            inner = rect.adjusted(indent, 0, -4, 0)
        elided = painter.fontMetrics().elidedText(
            str(text), Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(inner, int(align), elided)
