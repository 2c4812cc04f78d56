"""A coordinator's first day, as found by using the whole product in a real window: each test
reproduces a defect seen there, driving the window through its menus and keys with the
dialogs patched at the dialog."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file, remember=False)
    return w


def deleted_later() -> None:
    """What the event loop does between two user actions: objects given to deleteLater go."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click_cell(qtbot, window, measure_id, department_id):
    model, proxy, grid = window.model, window.proxy, window.view.grid
    index = proxy.mapFromSource(
        model.index(model.row_of(measure_id), model.column_of(department_id))
    )
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )


def test_undo_and_history_still_work_after_opening_another_plan(
    qtbot, window, tmp_path, small_plan, monkeypatch, menu_action
):
    """Opening a second plan in the window (File ▸ Open, New from Document, Open Recent)
    killed the Undo and Redo actions and the history view: walking the focus chain had made
    PySide tie them to a widget of the first plan's panels, and they died with it. The next
    edit raised "Internal C++ object (QAction) already deleted" in a message box, and the
    window was left half switched."""
    other = tmp_path / "other.mdesk"
    MatrixStore.create(str(other), small_plan).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    menu_action(window, ActionId.OPEN).trigger()
    assert window.document.path == str(other)
    deleted_later()
    click_cell(qtbot, window, 2, 3)
    store = window.document.store
    assert store.role(2, 3) is not None
    undo = menu_action(window, ActionId.UNDO)
    assert undo.isEnabled() and undo.toolTip().endswith(window.document.undo_stack.undoText())
    undo.trigger()
    assert store.role(2, 3) is None
    menu_action(window, ActionId.GO_HISTORY).trigger()
    assert QApplication.focusWidget() is window.docks.history
    menu_action(window, ActionId.OPEN).trigger()  # the same plan: nothing to switch
    menu_action(window, ActionId.CLOSE).trigger()
    deleted_later()
    assert window.document is None
