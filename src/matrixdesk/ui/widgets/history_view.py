"""The history panel: every step of the open plan's undo stack, the current one selected.

What ``QUndoView`` shows, without its cost: Qt's view resets its whole model at every step
(undo, redo or a new edit) and its list view lays every row out again, so each edit took longer
the longer the session had been (about 8 ms more per thousand steps, hidden behind another tab
or not). Here a new step adds a row, an undo or a redo moves the selection, and only the rows
a step replaced change: an edit costs the same after ten thousand steps as after one.

Clicking a row (or moving to it with the arrow keys) takes the plan to that step, as in
``QUndoView``; row 0 is the plan as it was opened.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractListModel):
    """The steps of ``group``'s active stack: row 0 ``empty_label``, row i the i-th step.

    It keeps the steps' texts as last shown and, when the stack moves, compares only the
    steps a push can have replaced (from the step before the lower of the old and new
    index on): a plain undo or redo changes no row at all.
    """

    moved = Signal(int)  # the rows are up to date and this row is the current step

    def __init__(self, group: QUndoGroup, empty_label: str, parent: QObject | None = None):
        super().__init__(parent)
        self.empty_label = empty_label
        self.stack: QUndoStack | None = None
        self.texts: list[str] = []  # the steps' texts as the rows show them
        self.index_shown = 0  # the stack's index when the rows were last brought up to date
        group.activeStackChanged.connect(self._set_stack)
        self._set_stack(group.activeStack())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.stack is None else len(self.texts) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = index.row()
        if row == 0:
            return self.empty_label
        return self.texts[row - 1] if 0 < row <= len(self.texts) else None

    def _set_stack(self, stack: QUndoStack | None) -> None:
        if self.stack is not None:
            try:
                self.stack.indexChanged.disconnect(self.follow)
            except (RuntimeError, TypeError):  # the stack is gone already
                pass
        self.beginResetModel()
        self.stack = stack
        self.texts = [stack.text(i) for i in range(stack.count())] if stack else []
        self.index_shown = stack.index() if stack else 0
        self.endResetModel()
        if stack is not None:
            stack.indexChanged.connect(self.follow)
            self.moved.emit(self.index_shown)

    def follow(self, *_args) -> None:
        """Bring the rows up to date with the stack (after a push, undo, redo or clear)."""
        stack = self.stack
        if stack is None:
            return
        count, index = stack.count(), stack.index()
        same_step = index == 0 or (
            index <= len(self.texts) and self.texts[index - 1] == stack.text(index - 1)
        )
        if count != len(self.texts) or not same_step:  # a push: replaced or merged steps
            # steps before the lower index are as they were, but for the one just before it
            # (a merge rewrites it)
            first = max(0, min(self.index_shown, index, len(self.texts)) - 1)
            while first < min(count, len(self.texts)) and self.texts[first] == stack.text(first):
                first += 1
            self._replace_from(first, count)
        self.index_shown = index
        self.moved.emit(index)

    def _replace_from(self, first: int, count: int) -> None:
        """Steps ``first`` … end are new: drop the rows shown for them and add the stack's."""
        stack = self.stack
        assert stack is not None
        if first < len(self.texts):
            self.beginRemoveRows(QModelIndex(), first + 1, len(self.texts))
            del self.texts[first:]
            self.endRemoveRows()
        if first < count:
            self.beginInsertRows(QModelIndex(), first + 1, count)
            self.texts.extend(stack.text(i) for i in range(first, count))
            self.endInsertRows()


class HistoryView(QTableView):
    """The history as a one-column table (a list view lays out every row at each insert)."""

    def __init__(self, group: QUndoGroup, empty_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = HistoryModel(group, empty_label, self)
        self.setModel(self.history)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._moving = False  # the selection follows the stack: not a user's choice
        self.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.history.moved.connect(self._select_row)
        self._select_row(self.history.index_shown)

    def _select_row(self, row: int) -> None:
        if self.history.stack is None:
            return
        self._moving = True
        try:
            self.selectionModel().setCurrentIndex(
                self.history.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._moving = False

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        stack = self.history.stack
        if self._moving or stack is None or not current.isValid():
            return
        stack.setIndex(current.row())
