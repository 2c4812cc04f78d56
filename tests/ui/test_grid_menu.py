"""The grid's context menu: a right click, the Menu key and Shift+F10 open it — from the keyboard
at the current cell — and its items act on the selection. There was none: Windows users
press Shift+F10 or the Menu key and got nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN


def _empty_cell(window):
    """Make an empty department cell of a task current, with the keyboard on the grid."""
    window.focus_grid()
    proxy, model = window.proxy, window.model
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, 0)).row()
        for col in range(FIRST_DEPARTMENT_COLUMN, model.total_column):
            if (
                model.is_editable_cell(source, col)
                and window.document.store.role(model.measure_id(source), model.department_id(col))
                is None
            ):
                window.view.select_cell(row, col)
                return model.measure_id(source), model.department_id(col)
    raise AssertionError("no empty cell")


def _cell_corner(window) -> QPoint:
    grid = window.view.grid
    rect = grid.visualRect(grid.currentIndex())
    return grid.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom()))


def _opened(window, qtbot, press) -> list[QPoint]:
    """The points the grid asked for its menu at while ``press`` ran (the menu then shown)."""
    asked: list[QPoint] = []
    window.view.menuWanted.connect(asked.append)
    try:
        press()
    finally:
        window.view.menuWanted.disconnect(asked.append)
    if asked:
        qtbot.waitUntil(window.grid_menu.isVisible)
    return asked


def test_shift_f10_opens_the_menu_at_the_cell_and_its_item_acts(window, qtbot):
    measure, department = _empty_cell(window)
    grid = window.view.grid
    shift = Qt.KeyboardModifier.ShiftModifier
    asked = _opened(window, qtbot, lambda: QTest.keyClick(grid, Qt.Key.Key_F10, shift))
    assert asked == [_cell_corner(window)]
    menu = window.grid_menu
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names[:4] == [ActionId.SET_LEAD, ActionId.SET_SUPPORT, ActionId.CYCLE, ActionId.CLEAR]
    assert menu.actions()[0].isEnabled()
    QTest.keyClick(menu, Qt.Key.Key_L)  # the item's mnemonic: Set &Lead
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert window.document.store.role(measure, department) == Role.LEAD
    window.document.undo_stack.undo()
    assert window.document.store.role(measure, department) is None


def test_menu_key_opens_one_menu_whether_or_not_the_platform_sends_the_event(
    open_window, plan_file, qtbot, tmp_path, small_plan
):
    """X11 and Windows send the Menu key as a keyboard ContextMenu event first (at the mouse
    pointer), then the key: one menu, at the cell. Where only the key comes, the key opens it."""
    window = open_window(plan_file)
    _empty_cell(window)
    grid = window.view.grid
    mouse = grid.viewport().mapToGlobal(QPoint(2, 2))  # where the pointer happens to be

    def platform_press() -> None:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), mouse)
        QApplication.sendEvent(grid, event)
        QTest.keyClick(grid, Qt.Key.Key_Menu)

    assert _opened(window, qtbot, platform_press) == [_cell_corner(window)]
    window.grid_menu.hide()

    other = tmp_path / "other.mdesk"
    MatrixStore.create(str(other), small_plan).close()
    bare = open_window(str(other))  # a platform that sends only the key
    _empty_cell(bare)
    asked = _opened(bare, qtbot, lambda: QTest.keyClick(bare.view.grid, Qt.Key.Key_Menu))
    assert asked == [_cell_corner(bare)]
    bare.grid_menu.hide()


def test_right_click_opens_the_menu_where_clicked(window, qtbot):
    _empty_cell(window)
    viewport = window.view.grid.viewport()
    at = QPoint(40, 30)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    asked = _opened(window, qtbot, lambda: QApplication.sendEvent(viewport, event))
    assert asked == [viewport.mapToGlobal(at)]
    window.grid_menu.hide()
