"""Where the panels go: the arrangement follows the window's size until the user makes their
own, View ▸ Reset Layout brings it back, and each screen size keeps its own layout."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication, QSize, Qt

from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow
from matrixdesk.ui.window.layout import COMPACT, WIDE, DockLayout, mode_for

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def settle():
    for _ in range(5):
        QCoreApplication.processEvents()


def make_window(qtbot, plan_file, size=(1600, 1000), persist=False):
    w = MainWindow(persist_layout=persist)
    qtbot.addWidget(w)
    if not persist:
        w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file, remember=False)
    settle()
    return w


def area(window, key):
    return window.dockWidgetArea(window.docks.docks[key])


def test_modes_by_size():
    assert mode_for(QSize(1024, 700)) == COMPACT
    assert mode_for(QSize(1366, 768)) == COMPACT
    assert mode_for(QSize(960, 1040)) == COMPACT  # snapped to half of a 1920×1080 screen
    assert mode_for(QSize(1600, 1000)) == WIDE


def test_the_arrangement_follows_the_window_size(qtbot, plan_file):
    w = make_window(qtbot, plan_file)
    assert w.dock_layout.current_mode() == WIDE and area(w, "findings") == BOTTOM
    w.resize(1024, 700)  # maximised on a projector
    settle()
    assert w.dock_layout.current_mode() == COMPACT
    assert {area(w, key) for key in w.docks.docks} == {RIGHT}
    w.resize(1600, 1000)
    settle()
    assert w.dock_layout.current_mode() == WIDE and area(w, "findings") == BOTTOM


def test_an_arrangement_of_the_users_own_is_kept(qtbot, plan_file):
    w = make_window(qtbot, plan_file)
    w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.docks.docks["history"])
    settle()
    assert w.dock_layout.current_mode() is None
    w.resize(1024, 700)
    settle()
    assert area(w, "history") == Qt.DockWidgetArea.LeftDockWidgetArea
    assert area(w, "findings") == BOTTOM  # nothing moved under the user's hands


def test_reset_layout_from_the_view_menu(qtbot, plan_file, menu_action):
    w = make_window(qtbot, plan_file, (1024, 700))
    w.docks.docks["chart"].setFloating(True)
    w.docks.docks["progress"].close()
    settle()
    assert w.dock_layout.current_mode() is None
    menu_action(w, ActionId.RESET_LAYOUT).trigger()
    settle()
    assert w.dock_layout.current_mode() == COMPACT
    assert "right column" in w.statusBar().currentMessage()
    assert not w.docks.docks["chart"].isFloating() and not w.docks.docks["progress"].isHidden()
    assert not w.docks.docks["measure"].visibleRegion().isEmpty()  # the first tab in front
    assert not w.docks.docks["findings"].visibleRegion().isEmpty()


@pytest.fixture
def screen(monkeypatch):
    """The size of the screen the window is on, as the layout sees it."""
    size = {"now": QSize(1600, 1000)}
    monkeypatch.setattr(DockLayout, "_screen_size", lambda self: size["now"])
    return size


def test_each_screen_size_keeps_its_own_layout(qtbot, plan_file, screen):
    w = make_window(qtbot, plan_file, persist=True)
    assert w.dock_layout.current_mode() == WIDE
    w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.docks.docks["history"])
    w.close()  # saved for 1600×1000
    screen["now"] = QSize(1024, 700)  # the next start is on a projector: its own default
    w = make_window(qtbot, plan_file, persist=True)
    assert w.isMaximized() or w.size().height() <= 700
    assert w.dock_layout.current_mode() == COMPACT
    w.close()
    screen["now"] = QSize(1600, 1000)  # back at the desk: the layout made there
    w = make_window(qtbot, plan_file, persist=True)
    assert area(w, "history") == Qt.DockWidgetArea.LeftDockWidgetArea
