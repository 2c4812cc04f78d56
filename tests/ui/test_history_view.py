"""The history panel and the toolbar in a long session: an edit is as much work after many
steps as after one (no clocks: the rows the history changes and the slots an action's change
calls are counted), and the panel still does what QUndoView did."""

from __future__ import annotations

import pytest

from PySide6.QtCore import SIGNAL, QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN
from matrixdesk.ui.widgets.toolbar import ActionButton


@pytest.fixture
def window(qtbot, open_window, plan_file):
    w = open_window(plan_file)
    w.docks.raise_dock("history")
    return w


def rows(window) -> list[str]:
    model = window.docks.history.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def current_row(window) -> int:
    return window.docks.history.currentIndex().row()


def edit(window, key=Qt.Key.Key_Space, column: int = 0) -> None:
    """A key on the cell of task (二) in the department ``column`` (0-3)."""
    model = window.model
    index = window.proxy.mapFromSource(model.index(model.row_of(3), FIRST_DEPARTMENT_COLUMN))
    window.view.select_cell(index.row(), index.column() + column)
    window.view.grid.setFocus()
    QTest.keyClick(window.view.grid, key)


def undo(window) -> None:
    QTest.keyClick(window.view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


class Changes:
    """Counts what the history model tells its view."""

    def __init__(self, model) -> None:
        self.resets = self.inserted = self.removed = 0
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)

    def _reset(self) -> None:
        self.resets += 1

    def _inserted(self, _parent, first, last) -> None:
        self.inserted += last - first + 1

    def _removed(self, _parent, first, last) -> None:
        self.removed += last - first + 1


def test_steps_undo_and_a_new_step_after_undo(window):
    edit(window, Qt.Key.Key_L, 0)
    edit(window, Qt.Key.Key_S, 1)
    assert rows(window)[1:] == ["Set lead: (二) × 省文化和旅游厅", "Set support: (二) × 省体育局"]
    assert current_row(window) == 2
    undo(window)
    assert current_row(window) == 1  # the undone step stays listed, for redo
    assert len(rows(window)) == 3
    edit(window, Qt.Key.Key_L, 1)  # a new step drops the undone one
    assert rows(window)[1:] == ["Set lead: (二) × 省文化和旅游厅", "Set lead: (二) × 省体育局"]
    assert current_row(window) == 2
    assert rows(window)[0] == "<opened>"


def test_choosing_a_row_takes_the_plan_to_that_step(window):
    store = window.document.store
    edit(window, Qt.Key.Key_L, 0)
    edit(window, Qt.Key.Key_L, 1)
    view = window.docks.history
    view.selectionModel().setCurrentIndex(
        view.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert window.document.undo_stack.index() == 0
    assert store.role(3, 1) is None and store.role(3, 2) is None
    rect = view.visualRect(view.model().index(2, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.undo_stack.index() == 2
    assert store.role(3, 2) is not None


def test_an_edit_changes_one_row_however_long_the_history(window):
    """QUndoView reset its model at every step and laid out every row again: an edit took
    8 ms longer per thousand steps. Here one step adds one row; undo and redo change none."""
    model = window.docks.history.model()
    for i in range(60):
        edit(window, Qt.Key.Key_Space, i % 2)
    assert model.rowCount() == 61
    changes = Changes(model)
    edit(window, Qt.Key.Key_Space, 0)
    assert (changes.resets, changes.inserted, changes.removed) == (0, 1, 0)
    undo(window)
    QTest.keyClick(window.view.grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo
    assert (changes.resets, changes.inserted, changes.removed) == (0, 1, 0)
    undo(window)
    edit(window, Qt.Key.Key_Space, 1)  # replaces the undone step
    assert (changes.resets, changes.inserted, changes.removed) == (0, 2, 1)
    assert current_row(window) == 61


def test_toolbar_buttons_do_not_gather_connections(window):
    """Qt's own toolbar button connected itself to its action once more at every change of
    the action: after n edits the Undo action's every change called 3n slots."""
    undo_action = window.actions[ActionId.UNDO]
    edit(window)
    before = undo_action.receivers(SIGNAL("changed()"))
    for i in range(30):
        edit(window, Qt.Key.Key_Space, i % 2)
    assert undo_action.receivers(SIGNAL("changed()")) == before
    button = next(
        b for b in window.findChildren(ActionButton) if b.source is undo_action
    )  # the toolbar's Undo button still follows the action
    assert button.isEnabled() and button.toolTip().endswith(undo_action.text().split(" ", 1)[1])
    window.document.undo_stack.setIndex(0)
    assert not button.isEnabled()
    window.document.undo_stack.redo()
    button.click()
    assert window.document.undo_stack.index() == 0
