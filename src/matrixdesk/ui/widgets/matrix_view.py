"""The matrix grid: code and title frozen at the left, departments scrolling on the right.

Two QTableViews share one model (the filter proxy) and one selection model, side by side in a
splitter: the frozen view shows only the code and title columns, the grid hides exactly those.
Their vertical scroll bars are tied together (both scroll per pixel over uniform, fixed row
heights, and both panes keep a horizontal scroll bar so their viewports are equally tall), and
both headers get the same height. Arrow keys cross from one view to the other. Department
names are painted as vertical CJK text by :class:`DepartmentHeader`.

The totals row is pinned under the rows as a footer, whatever the scroll position: each view
sits in a :class:`_TablePane` with a :class:`TotalsFooter` under it — a QHeaderView over the
same model painting the model's ``ItemRole.TOTAL`` header data (counts over the whole plan,
whatever the filter) and mirroring the view's column sizes, order, hidden columns and
horizontal offset — and under that the pane's own horizontal scroll bar, which drives the
view's (hidden) one. The filter proxy leaves the totals row out of the scrolling rows.
"""

from __future__ import annotations

import heapq
import math

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QKeyCombination,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QScrollBar,
    QSplitter,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..models.delegate import MatrixDelegate
from ..models.matrix_model import FIRST_DEPARTMENT_COLUMN, ColumnKind, ItemRole
from .grid_paint import paint_grid

ROW_HEIGHT = 24
DEPARTMENT_WIDTH = 28
TOTAL_WIDTH = 40
CODE_WIDTH = 70
CODE_MAX_WIDTH = 150  # a number longer than this is elided (its tooltip has it whole)
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
        self._hint: tuple[tuple, int] | None = None

    def char_box(self, font: QFont | None = None) -> tuple[int, int]:
        fm = QFontMetrics(font or self.font())
        return fm.horizontalAdvance("国"), fm.height() - 2

    def sizeHint(self) -> QSize:  # noqa: N802
        # QHeaderView measures up to 200 sections for its hint, again after every change of
        # header data; the tables ask for it whenever they lay out. The width hardly matters
        # (the splitter sizes the panes): keep it for as long as the columns stay the same.
        key = (self.count(), self.font().key())
        if self._hint is None or self._hint[0] != key:
            self._hint = (key, super().sizeHint().width())
        return QSize(self._hint[1], self.preferred_height())

    def preferred_height(self) -> int:
        """Room for :data:`HEADER_CHARS` upright glyphs: depends on the font only."""
        _, ch = self.char_box()
        return ch * HEADER_CHARS + 14

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
        # the pixel ratio is part of the key: a window moved from a 150 % laptop screen to a
        # 100 % monitor (or back) must not reuse pixmaps rendered for the other screen
        ratio = self.devicePixelRatioF()
        key = (name, rect.width(), rect.height(), kind, self.font().key(), ratio)
        pixmap = self._cache.get(key)
        if pixmap is None:  # the glyph-by-glyph layout is slow; keep each name's rendering
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
        if text.isascii():  # "Total" in English: turned, as Latin is, not one upright letter a line
            painter.save()
            painter.setFont(font)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.translate(rect.center())
            painter.rotate(-90)
            turned = QRect(-rect.height() // 2, -rect.width() // 2, rect.height(), rect.width())
            painter.drawText(turned, int(Qt.AlignmentFlag.AlignCenter), text)
            painter.restore()
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


class TotalsFooter(QHeaderView):
    """The totals row pinned under a matrix table: a one-row strip styled like the header.

    It is a horizontal header over the table's model whose sections show
    ``headerData(section, Horizontal, ItemRole.TOTAL)`` (the count of each department, "Total"
    under the title, the grand total) instead of the names. Section sizes, order and hidden
    sections mirror the table's own header; the offset follows its horizontal scroll bar. It
    repaints the sections the model names in ``totalsChanged`` after an edit (and everything on
    ``headerDataChanged``, which the model emits when columns change).
    """

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.table = table
        self.current_section = -1
        self.following = True  # False while the view lays out every column: sync() after
        self._margins: tuple[int, int, int, int] | None = None
        self._backgrounds: dict[tuple, QPixmap] = {}
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.setMinimumSectionSize(0)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedHeight(max(ROW_HEIGHT + 2, QFontMetrics(self.font()).height() + 8))
        head = table.horizontalHeader()
        head.sectionResized.connect(self._section_resized)
        head.sectionMoved.connect(self._section_moved)
        bar = table.horizontalScrollBar()
        bar.valueChanged.connect(self.follow_table)
        bar.rangeChanged.connect(self.follow_table)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.height())

    # -- following the table ---------------------------------------------------------------
    def sync(self) -> None:
        """Take over every section's size, place and visibility from the table's header."""
        head = self.table.horizontalHeader()
        if self.count() != head.count():
            return  # the model is being changed; its signals bring us here again
        for visual in range(head.count()):
            logical = head.logicalIndex(visual)
            if self.visualIndex(logical) != visual:
                self.moveSection(self.visualIndex(logical), visual)
        for logical in range(head.count()):
            self._mirror(logical, head.sectionSize(logical))
        self.follow_table()

    def follow_table(self, *args) -> None:
        """Line the sections up under the table's columns: same viewport and scroll offset."""
        head = self.table.horizontalHeader()  # laid out over the table's viewport
        left, width = head.x(), head.width()
        margins = (left, 0, max(0, self.table.width() - left - width), 0)
        if margins != self._margins:  # setting them again repaints the whole strip
            self._margins = margins
            self.setViewportMargins(*margins)
        if self.offset() != head.offset():
            self.setOffset(head.offset())

    def _section_resized(self, logical: int, _old: int, size: int) -> None:
        if self.following:
            self._mirror(logical, size)

    def _mirror(self, logical: int, size: int) -> None:
        if logical >= self.count():
            return
        hidden = self.table.horizontalHeader().isSectionHidden(logical)
        if hidden != self.isSectionHidden(logical):
            self.setSectionHidden(logical, hidden)
        if not hidden and self.sectionSize(logical) != size:
            self.resizeSection(logical, size)

    def _section_moved(self, logical: int, _old_visual: int, new_visual: int) -> None:
        if self.following and logical < self.count() and self.visualIndex(logical) != new_visual:
            self.moveSection(self.visualIndex(logical), new_visual)

    # -- painting --------------------------------------------------------------------------
    def section_text(self, section: int) -> str:
        model = self.model()
        if model is None:
            return ""
        return str(model.headerData(section, Qt.Orientation.Horizontal, ItemRole.TOTAL) or "")

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802
        model = self.model()
        kind = model.headerData(section, Qt.Orientation.Horizontal, ItemRole.COLUMN_KIND)
        painter.save()
        painter.drawPixmap(rect.topLeft(), self._background(rect, section))
        text = self.section_text(section)
        if text:
            font = QFont(self.font())
            font.setBold(kind in (ColumnKind.TITLE, ColumnKind.TOTAL))
            painter.setFont(font)
            painter.setPen(self.palette().color(self.foregroundRole()))
            if kind == ColumnKind.TITLE:
                align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                inner = rect.adjusted(6, 0, -4, 0)
            else:
                align = Qt.AlignmentFlag.AlignCenter
                inner = rect.adjusted(1, 0, -1, 0)
                wide = QFontMetrics(font).horizontalAdvance(text) if len(text) > 2 else 0
                if wide > inner.width() > 0:  # a four-digit count in a narrow column: shrink
                    points = font.pointSizeF() * inner.width() / wide
                    font.setPointSizeF(max(MIN_HEADER_POINTS, points))
                    painter.setFont(font)
            painter.drawText(inner, int(align), text)
        painter.restore()

    def _background(self, rect: QRect, section: int) -> QPixmap:
        """The section drawn by the style without text; a few sizes and states, kept."""
        opt = QStyleOptionHeader()
        self.initStyleOptionForIndex(opt, section)
        current = section == self.current_section
        ratio = self.devicePixelRatioF()  # per screen: see DepartmentHeader.paintSection
        key = (rect.width(), rect.height(), opt.state.value, opt.position.value, current, ratio)
        pixmap = self._backgrounds.get(key)
        if pixmap is None:
            pixmap = QPixmap(rect.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            opt.rect = QRect(0, 0, rect.width(), rect.height())
            opt.text = ""
            self.style().drawControl(QStyle.ControlElement.CE_Header, opt, p, self)
            if current:
                p.fillRect(opt.rect.adjusted(0, 0, -1, -1), CURRENT_HEADER_FILL)
            p.end()
            if len(self._backgrounds) > 200:
                self._backgrounds.clear()
            self._backgrounds[key] = pixmap
        return pixmap

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and self.model() is not None:
            assert isinstance(event, QHelpEvent)
            section = self.logicalIndexAt(event.pos())
            tip = self.model().headerData(
                section, Qt.Orientation.Horizontal, ItemRole.TOTAL_TOOLTIP
            )
            if section >= 0 and tip:
                QToolTip.showText(event.globalPos(), str(tip), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class _TablePane(QWidget):
    """A matrix table, its totals footer and, under both, the horizontal scroll bar.

    The table's own horizontal scroll bar is hidden (its range and value still drive the
    table) and mirrored by the pane's, so the footer sits between the rows and the bar.
    """

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer = TotalsFooter(table, self)
        self.scroll_bar = QScrollBar(Qt.Orientation.Horizontal, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(table, 1)
        layout.addWidget(self.footer)
        layout.addWidget(self.scroll_bar)
        inner = table.horizontalScrollBar()
        inner.rangeChanged.connect(self._follow_range)
        inner.valueChanged.connect(self.scroll_bar.setValue)
        self.scroll_bar.valueChanged.connect(inner.setValue)
        table.geometryUpdated.connect(self._follow_range)
        table.geometryUpdated.connect(self.footer.follow_table)

    def _follow_range(self, *args) -> None:
        inner, outer = self.table.horizontalScrollBar(), self.scroll_bar
        outer.setRange(inner.minimum(), inner.maximum())
        outer.setPageStep(inner.pageStep())
        outer.setSingleStep(inner.singleStep())
        outer.setValue(inner.value())


class _MatrixTable(QTableView):
    """Common set-up of both halves: fixed row heights, own grid, no in-place editors.

    The editing keys (``key_actions``: L, S, Space, Delete, Ctrl+C, Ctrl+V) are answered here,
    so they act only while this table has the keyboard — never while a menu is open over it.
    """

    leaveLeft = Signal()  # noqa: N815 (Qt signal naming)
    leaveRight = Signal()  # noqa: N815
    geometryUpdated = Signal()  # noqa: N815 (headers and scroll bars were laid out again)
    keyRefused = Signal(QAction)  # noqa: N815 (an editing key whose action is disabled now)
    menuWanted = Signal(QPoint)  # noqa: N815 (the context menu, at this global point)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._platform_menu_key = False  # the platform turns the Menu key into a ContextMenu
        self.key_actions: list[tuple[QKeySequence, QAction]] = []
        self.whole_screens = False  # paint a screen at a time (grid_paint.py), not cell by cell
        self.select_columns: tuple[int, int] | None = None  # what Ctrl+A selects (grid only)
        self.setHorizontalHeader(DepartmentHeader(self))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        vh.hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(16)

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        self.geometryUpdated.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        delegate = self.itemDelegate()
        if self.whole_screens and isinstance(delegate, MatrixDelegate):
            if paint_grid(self, event, delegate):
                return
        super().paintEvent(event)

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

    def _key_action(self, event: QKeyEvent) -> QAction | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))
        for sequence, action in self.key_actions:
            if sequence.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                return action
        return None

    def selectAll(self) -> None:  # noqa: N802 (Ctrl+A in the grid: every department cell)
        model = self.model()
        if self.select_columns is None or model is None or model.rowCount() == 0:
            super().selectAll()
            return
        first, last = self.select_columns
        last = min(last, model.columnCount() - 1)
        selection = QItemSelection(model.index(0, first), model.index(model.rowCount() - 1, last))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """A right click opens the menu where it was; the Menu key (X11 and Windows send it
        as this event, before the key itself) at the current cell, not at the mouse."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._platform_menu_key = True
            self.menuWanted.emit(self.current_cell_point())
        else:
            self.menuWanted.emit(event.globalPos())
        event.accept()

    def current_cell_point(self) -> QPoint:
        """Where a menu opened from the keyboard goes: the current cell's lower left corner
        (the viewport's corner when the cell is scrolled away)."""
        rect = self.visualRect(self.currentIndex())
        viewport = self.viewport()
        if not rect.isValid() or not viewport.rect().intersects(rect):
            return viewport.mapToGlobal(QPoint(0, 0))
        return viewport.mapToGlobal(QPoint(rect.left(), rect.bottom()))

    def _menu_key(self, event: QKeyEvent) -> bool:
        """Shift+F10 everywhere (Qt turns it into a context menu nowhere), and the Menu key
        where the platform did not already send a ContextMenu event for it."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier:
            return True
        return event.key() == Qt.Key.Key_Menu and not self._platform_menu_key

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._menu_key(event):
            self.menuWanted.emit(self.current_cell_point())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Menu:  # its ContextMenu event opened the menu already
            event.accept()
            return
        action = self._key_action(event)
        if action is not None:
            if action.isEnabled():
                action.trigger()
            else:
                self.keyRefused.emit(action)
            event.accept()
            return
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
    keyRefused = Signal(QAction)  # noqa: N815 (an editing key pressed when it cannot act)
    menuWanted = Signal(QPoint)  # noqa: N815 (the context menu, at this global point)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = _MatrixTable(self)
        self.grid = _MatrixTable(self)
        self.frozen.setObjectName("matrixFrozen")
        self.grid.setObjectName("matrixGrid")
        self.grid.whole_screens = True
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes to the grid; ← reaches it
        self.frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.frozen.horizontalHeader().setStretchLastSection(True)
        for view in (self.frozen, self.grid):
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setItemDelegate(MatrixDelegate(view, row_height=ROW_HEIGHT))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(3)
        self.frozen_pane = _TablePane(self.frozen, self)
        self.grid_pane = _TablePane(self.grid, self)
        self.frozen_footer = self.frozen_pane.footer
        self.grid_footer = self.grid_pane.footer
        self.splitter.addWidget(self.frozen_pane)
        self.splitter.addWidget(self.grid_pane)
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
        for view in (self.frozen, self.grid):
            view.keyRefused.connect(self.keyRefused)
            view.menuWanted.connect(self.menuWanted)
        self._model = None
        self.selection_model: QItemSelectionModel | None = None
        self.setFocusProxy(self.grid)

    def set_key_actions(self, keys: list[tuple[QKeySequence, QAction]]) -> None:
        """The editing keys both halves answer to while they have the keyboard."""
        self.frozen.key_actions = list(keys)
        self.grid.key_actions = list(keys)

    # -- model -----------------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 (mirrors QAbstractItemView)
        self._model = model
        self.frozen.setModel(model)
        self.grid.setModel(model)
        for footer in self.footers():
            footer.setModel(model)
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
        model.columnsInserted.connect(self._grow_selection)
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        if hasattr(source, "totalsChanged"):
            source.totalsChanged.connect(self._totals_changed)
        self._apply_columns()
        code = self.frozen.horizontalHeader().sectionSize(0)
        self.splitter.setSizes([code + TITLE_WIDTH + 4, max(400, self.width() - 380)])

    def model(self):
        return self._model

    def footers(self) -> tuple[TotalsFooter, TotalsFooter]:
        """The totals footers under the frozen view and under the grid."""
        return self.frozen_footer, self.grid_footer

    def _apply_columns(self, *args) -> None:
        model = self._model
        if model is None:
            return
        n = model.columnCount()
        gh, fh = self.grid.horizontalHeader(), self.frozen.horizontalHeader()
        for footer in self.footers():
            footer.following = False  # one sync() below rather than one per column
        for c in range(n):
            frozen_side = c < FIRST_DEPARTMENT_COLUMN
            self.frozen.setColumnHidden(c, not frozen_side)
            self.grid.setColumnHidden(c, frozen_side)
            if not frozen_side:
                gh.resizeSection(c, TOTAL_WIDTH if c == n - 1 else DEPARTMENT_WIDTH)
        self.grid.select_columns = (FIRST_DEPARTMENT_COLUMN, n - 2)  # not the totals column
        fh.resizeSection(0, self._code_width())
        fh.resizeSection(1, TITLE_WIDTH)
        self._fit_header()
        for footer in self.footers():
            footer.following = True
            footer.sync()
        self._mark_current_column()

    def _grow_selection(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Columns put back inside a selected block (undoing a merge or a removal) are
        selected too: the block was split around them and left a hole in the highlight."""
        sm, model = self.selection_model, self._model
        if sm is None or model is None or first == 0 or last + 1 >= model.columnCount():
            return
        rows = {r for rng in sm.selection() for r in range(rng.top(), rng.bottom() + 1)}
        grow = QItemSelection()
        for row in sorted(rows):
            left, right = model.index(row, first - 1), model.index(row, last + 1)
            if sm.isSelected(left) and sm.isSelected(right):
                grow.select(model.index(row, first), model.index(row, last))
        if not grow.isEmpty():
            sm.select(grow, QItemSelectionModel.SelectionFlag.Select)

    def _mark_current_column(self) -> None:
        """Highlight the current column's header and total after columns come or go (the
        current cell moves with its column without a currentChanged signal)."""
        column = self.current_index().column() if self.selection_model is not None else -1
        header = self.grid.horizontalHeader()
        assert isinstance(header, DepartmentHeader)
        if header.current_section != column:
            header.current_section = column
            self.grid_footer.current_section = column
            header.viewport().update()
            self.grid_footer.viewport().update()

    def _totals_changed(self, columns: list[int]) -> None:
        for footer in self.footers():
            for column in columns:
                footer.updateSection(column)

    def _code_width(self) -> int:
        """Wide enough for the longest document number, such as 一、(三)12. (bold in headings)."""
        source = getattr(self._model, "sourceModel", lambda: None)()
        numbers = getattr(source, "numbers", None) or {}
        font = QFont(self.frozen.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        # Measure the longest few only (by UTF-8 length, which counts a CJK character as
        # three): asking Qt for the width of 30,000 numbers took a tenth of a second.
        longest = heapq.nlargest(64, set(numbers.values()), key=lambda n: len(n.encode()))
        widest = max((metrics.horizontalAdvance(n) for n in longest), default=0)
        return max(CODE_WIDTH, min(CODE_MAX_WIDTH, widest + 14))

    def _fit_header(self, *args) -> None:
        # Not on every headerDataChanged: QHeaderView.sizeHint() measures 200 sections, and
        # the totals change with every edit. The height depends on the font alone.
        header = self.grid.horizontalHeader()
        assert isinstance(header, DepartmentHeader)
        height = header.preferred_height()
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
        self.grid_footer.current_section = header.current_section
        for section in {old, header.current_section} - {-1}:
            header.updateSection(section)  # a repaint; the header's size stays as it is
            self.grid_footer.updateSection(section)
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
