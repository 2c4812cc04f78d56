"""The matrix grid: code and title frozen at the left, departments scrolling on the right.

Two QTableViews share one model (the filter proxy) and one selection model, side by side in a
splitter: the frozen view shows only the code and title columns, the grid hides exactly those.
Their vertical scroll bars are tied together (both scroll per pixel over uniform, fixed row
heights, and both keep a horizontal scroll bar so their viewports are equally tall), and
both headers get the same height. Arrow keys cross from one view to the other. Department
names are painted as vertical CJK text by :class:`DepartmentHeader`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from ..models.delegate import MatrixDelegate
from ..models.matrix_model import FIRST_DEPARTMENT_COLUMN, ColumnKind, ItemRole

ROW_HEIGHT = 24
DEPARTMENT_WIDTH = 28
TOTAL_WIDTH = 40
CODE_WIDTH = 70
TITLE_WIDTH = 300
HEADER_CHARS = 9  # department names up to this many characters stand in one vertical line
CURRENT_HEADER_FILL = QColor("#cce0ff")
MIN_HEADER_POINTS = 6.0
VERTICAL_ELLIPSIS = "︙"


class DepartmentHeader(QHeaderView):
    """A horizontal header painting department names top to bottom, one upright glyph a line.

    Longer names wrap into a second (third …) vertical line, smaller if the column is narrow.
    The code and title sections are painted as ordinary horizontal text at the bottom.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
        self.current_section = -1
        self._cache: dict[tuple, QPixmap] = {}

    def char_box(self, font: QFont | None = None) -> tuple[int, int]:
        fm = QFontMetrics(font or self.font())
        return fm.horizontalAdvance("国"), fm.height() - 2

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        _, ch = self.char_box()
        return QSize(hint.width(), ch * HEADER_CHARS + 14)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802
        model = self.model()
        kind = model.headerData(section, Qt.Orientation.Horizontal, ItemRole.COLUMN_KIND)
        if kind not in (ColumnKind.DEPARTMENT, ColumnKind.TOTAL):
            super().paintSection(painter, rect, section)
            return
        painter.save()
        opt = QStyleOptionHeader()
        self.initStyleOptionForIndex(opt, section)
        opt.rect = rect
        opt.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        if section == self.current_section:
            painter.fillRect(rect.adjusted(0, 0, -1, -1), CURRENT_HEADER_FILL)
        name = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        key = (name, rect.width(), rect.height(), kind, self.font().key())
        pixmap = self._cache.get(key)
        if pixmap is None:  # the glyph-by-glyph layout is slow; keep each name's rendering
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(rect.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            font = QFont(self.font())
            font.setBold(kind == ColumnKind.TOTAL)
            self._paint_vertical(
                p, QRect(0, 0, rect.width(), rect.height()).adjusted(1, 6, -1, -6), name, font
            )
            p.end()
            if len(self._cache) > 2000:
                self._cache.clear()
            self._cache[key] = pixmap
        painter.drawPixmap(rect.topLeft(), pixmap)
        painter.restore()

    def vertical_lines(self, text: str, rect: QRect, font: QFont) -> tuple[QFont, list[str]]:
        """The font and the vertical lines (left to right) ``text`` is painted in ``rect``.

        Too many lines for the column shrink the glyphs, down to ``MIN_HEADER_POINTS``; a name
        longer still is cut and ends in ︙ (its full name is in the tooltip) rather than being
        painted past the column's edges.
        """
        font = QFont(font)
        cw, ch = self.char_box(font)
        per_line = max(1, rect.height() // ch)
        lines = math.ceil(len(text) / per_line)
        if lines * cw > rect.width():  # too many lines for the column: shrink the glyphs
            scale = rect.width() / (lines * cw)
            font.setPointSizeF(max(MIN_HEADER_POINTS, font.pointSizeF() * scale))
            cw, ch = self.char_box(font)
            per_line = max(1, rect.height() // ch)
            lines = math.ceil(len(text) / per_line)
        fit = max(1, rect.width() // cw)
        if lines > fit:  # even the smallest glyphs do not fit: cut the name
            lines = fit
            text = text[: lines * per_line - 1] + VERTICAL_ELLIPSIS
        per_line = math.ceil(len(text) / lines)
        return font, [text[i * per_line : (i + 1) * per_line] for i in range(lines)]

    def _paint_vertical(self, painter: QPainter, rect: QRect, text: str, font: QFont) -> None:
        if not text:
            return
        font, lines = self.vertical_lines(text, rect, font)
        cw, ch = self.char_box(font)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        left = rect.left() + (rect.width() - len(lines) * cw) // 2
        for line, chunk in enumerate(lines):
            x = left + line * cw
            for i, char in enumerate(chunk):
                cell = QRect(x, rect.top() + i * ch, cw, ch)
                painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), char)


class _MatrixTable(QTableView):
    """Common set-up of both halves: fixed row heights, own grid, no in-place editors."""

    leaveLeft = Signal()  # noqa: N815 (Qt signal naming)
    leaveRight = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(DepartmentHeader(self))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setTabKeyNavigation(False)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        vh.hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(16)

    def first_visible_column(self) -> int:
        for c in range(self.model().columnCount() if self.model() else 0):
            if not self.isColumnHidden(c):
                return c
        return -1

    def last_visible_column(self) -> int:
        for c in range((self.model().columnCount() if self.model() else 0) - 1, -1, -1):
            if not self.isColumnHidden(c):
                return c
        return -1

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        current = self.currentIndex()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and current.isValid():
            if event.key() == Qt.Key.Key_Left and current.column() == self.first_visible_column():
                self.leaveLeft.emit()
                return
            if event.key() == Qt.Key.Key_Right and current.column() == self.last_visible_column():
                self.leaveRight.emit()
                return
        super().keyPressEvent(event)


class MatrixView(QWidget):
    """The frozen code/title view and the department grid, acting as one table."""

    cellClicked = Signal(QModelIndex)  # noqa: N815 (a plain click on a department cell)
    currentChanged = Signal(QModelIndex)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = _MatrixTable(self)
        self.grid = _MatrixTable(self)
        self.frozen.setObjectName("matrixFrozen")
        self.grid.setObjectName("matrixGrid")
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.frozen.horizontalHeader().setStretchLastSection(True)
        for view in (self.frozen, self.grid):
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setItemDelegate(MatrixDelegate(view, row_height=ROW_HEIGHT))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(3)
        self.splitter.addWidget(self.frozen)
        self.splitter.addWidget(self.grid)
        self.splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        fv, gv = self.frozen.verticalScrollBar(), self.grid.verticalScrollBar()
        fv.valueChanged.connect(gv.setValue)
        gv.valueChanged.connect(fv.setValue)
        self.frozen.leaveRight.connect(
            lambda: self._cross(self.grid, self.grid.first_visible_column())
        )
        self.grid.leaveLeft.connect(lambda: self._cross(self.frozen, 1))
        self.grid.clicked.connect(self._grid_clicked)
        self._model = None
        self.selection_model: QItemSelectionModel | None = None
        self.setFocusProxy(self.grid)

    # -- model -----------------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 (mirrors QAbstractItemView)
        self._model = model
        self.frozen.setModel(model)
        self.grid.setModel(model)
        if model is None:
            self.selection_model = None
            return
        self.selection_model = QItemSelectionModel(model, self)
        self.frozen.setSelectionModel(self.selection_model)
        self.grid.setSelectionModel(self.selection_model)
        self.selection_model.currentChanged.connect(self._current_changed)
        for signal in (
            model.columnsInserted,
            model.columnsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self._apply_columns)
        model.headerDataChanged.connect(self._fit_header)
        self._apply_columns()
        self.splitter.setSizes([CODE_WIDTH + TITLE_WIDTH + 4, max(400, self.width() - 380)])

    def model(self):
        return self._model

    def _apply_columns(self, *args) -> None:
        model = self._model
        if model is None:
            return
        n = model.columnCount()
        gh, fh = self.grid.horizontalHeader(), self.frozen.horizontalHeader()
        for c in range(n):
            frozen_side = c < FIRST_DEPARTMENT_COLUMN
            self.frozen.setColumnHidden(c, not frozen_side)
            self.grid.setColumnHidden(c, frozen_side)
            if not frozen_side:
                gh.resizeSection(c, TOTAL_WIDTH if c == n - 1 else DEPARTMENT_WIDTH)
        fh.resizeSection(0, CODE_WIDTH)
        fh.resizeSection(1, TITLE_WIDTH)
        self._fit_header()

    def _fit_header(self, *args) -> None:
        height = self.grid.horizontalHeader().sizeHint().height()
        self.grid.horizontalHeader().setFixedHeight(height)
        self.frozen.horizontalHeader().setFixedHeight(height)

    # -- navigation ------------------------------------------------------------------------
    def _cross(self, view: _MatrixTable, column: int) -> None:
        current = self.grid.currentIndex()
        if current.isValid() and column >= 0 and self._model is not None:
            index = self._model.index(current.row(), column)
            self.selection_model.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            view.scrollTo(index)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        header = self.grid.horizontalHeader()
        assert isinstance(header, DepartmentHeader)
        old = header.current_section
        header.current_section = current.column() if current.isValid() else -1
        for section in {old, header.current_section} - {-1}:
            header.headerDataChanged(Qt.Orientation.Horizontal, section, section)
        self.currentChanged.emit(current)

    def _grid_clicked(self, index: QModelIndex) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
            self.cellClicked.emit(index)

    def select_cell(self, row: int, column: int) -> None:
        """Make proxy (row, column) current and selected, and scroll it into view."""
        if self._model is None:
            return
        index = self._model.index(row, column)
        self.selection_model.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view = self.frozen if column < FIRST_DEPARTMENT_COLUMN else self.grid
        view.scrollTo(index)
        if column >= FIRST_DEPARTMENT_COLUMN:
            self.frozen.verticalScrollBar().setValue(self.grid.verticalScrollBar().value())

    def scroll_to_column(self, column: int) -> None:
        if self._model is not None:
            row = max(0, self.grid.rowAt(0))
            self.grid.scrollTo(
                self._model.index(row, column), QAbstractItemView.ScrollHint.PositionAtCenter
            )
            self.grid.verticalScrollBar().setValue(self.frozen.verticalScrollBar().value())

    # -- selection -------------------------------------------------------------------------
    def current_index(self) -> QModelIndex:
        return self.selection_model.currentIndex() if self.selection_model else QModelIndex()

    def selected_blocks(self) -> list[tuple[int, int, int, int]]:
        """(top, left, bottom, right) proxy ranges of the selection."""
        if self.selection_model is None:
            return []
        sel = self.selection_model.selection()
        return [(r.top(), r.left(), r.bottom(), r.right()) for r in sel]
