"""Keys in the real window: editing keys act only on the grid, menus and toolbars carry no
duplicated mnemonics, and no two actions share a shortcut (issue 8)."""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from matrixdesk.ui import i18n
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, open_window, plan_file):
    w = open_window(plan_file)
    w.activateWindow()
    return w


def menu_titled(window, fragment: str) -> QMenu:
    """A top-level menu found through the menu bar by (part of) its title."""
    for action in window.menuBar().actions():
        if fragment in action.text().replace("&", ""):
            return action.menu()
    raise AssertionError(f"no menu {fragment!r}")


def cell(window, measure_id, department_id):
    model, proxy = window.model, window.proxy
    return proxy.mapFromSource(
        model.index(model.row_of(measure_id), model.column_of(department_id))
    )


def select_cell(window, measure_id, department_id):
    index = cell(window, measure_id, department_id)
    window.view.selection_model.setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    window.view.grid.setFocus()


@pytest.mark.parametrize("key", [Qt.Key.Key_L, Qt.Key.Key_S, Qt.Key.Key_Delete, Qt.Key.Key_Space])
def test_a_key_pressed_in_an_open_menu_changes_nothing(qtbot, window, key):
    """With 视图 open, L (meant for 语言(L)) set the grid's selected cells to lead."""
    store = window.document.store
    select_cell(window, 2, 2)  # 省体育局 supports 发展冰雪消费
    before = store.assignments()
    menu = menu_titled(window, "View")
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    qtbot.keyClick(menu, key)
    menu.close()
    assert store.assignments() == before
    assert window.document.undo_stack.count() == 0


def click_title(qtbot, window, measure_id):
    """A click on the measure's title cell (the frozen side of the grid)."""
    model, frozen = window.model, window.view.frozen
    index = window.proxy.mapFromSource(model.index(model.row_of(measure_id), 1))
    qtbot.mouseClick(
        frozen.viewport(), Qt.MouseButton.LeftButton, pos=frozen.visualRect(index).center()
    )


@pytest.mark.parametrize("key", [Qt.Key.Key_L, Qt.Key.Key_S, Qt.Key.Key_Delete, Qt.Key.Key_Space])
def test_a_key_on_a_title_cell_changes_no_department(qtbot, window, key):
    """L, S or Delete with the title cell selected set or cleared every department of it."""
    store = window.document.store
    click_title(qtbot, window, 3)  # 扩大农产品消费: 省农业农村厅 leads, 省商务厅 supports
    assert window.editor.current_measure_id() == 3
    before = store.assignments_of(3)
    qtbot.keyClick(window.view.frozen, key)
    assert store.assignments_of(3) == before
    assert window.document.undo_stack.count() == 0
    assert not window.action(ActionId.SET_LEAD).isEnabled()
    assert "department columns" in window.statusBar().currentMessage()


def test_title_row_selection_still_copies_the_row(qtbot, window):
    click_title(qtbot, window, 3)
    assert window.action(ActionId.COPY).isEnabled()
    qtbot.keyClick(window.view.frozen, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert "●" in QApplication.clipboard().text()


def test_ctrl_a_in_the_grid_selects_department_cells(qtbot, window):
    window.view.grid.setFocus()
    qtbot.keyClick(window.view.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert window.action(ActionId.CLEAR).isEnabled()
    qtbot.keyClick(window.view.grid, Qt.Key.Key_Delete)
    assert window.document.store.assignments() == []


# -- mnemonics and shortcuts ------------------------------------------------------------------
def walk_menus(window):
    """(path, QMenu) for every menu and submenu reachable from the menu bar."""
    window.files.fill_recent_menu()  # filled when it opens
    found = []

    def visit(menu, path):
        menu.aboutToShow.emit()
        found.append((path, menu))
        for action in menu.actions():
            if action.menu() is not None:
                visit(action.menu(), f"{path} ▸ {action.text()}")

    for action in window.menuBar().actions():
        visit(action.menu(), action.text())
    return found


def shown_key(action) -> str:
    """The shortcut a menu shows for ``action``: its own, or the grid key after the tab."""
    if not action.shortcut().isEmpty():
        return action.shortcut().toString()
    return action.text().split("\t", 1)[1] if "\t" in action.text() else ""


def check_mnemonics(window) -> list[str]:
    problems = []
    entries = [("menu bar", window.menuBar().actions())]
    entries += [(path, menu.actions()) for path, menu in walk_menus(window)]
    departments = window.docks.panels["departments"]
    entries.append(("departments context menu", departments.context_menu().actions()))
    entries.append(("grid context menu", window.grid_menu.actions()))
    for path, actions in entries:
        seen = {}
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            if not action.isEnabled() and action.objectName() == "":  # a placeholder
                continue
            text = action.text().split("\t", 1)[0]
            key = QKeySequence.mnemonic(text).toString()
            if not key and not shown_key(action):
                problems.append(f"{path}: {text!r} has neither a mnemonic nor a shortcut")
            if key and key in seen:
                problems.append(f"{path}: {seen[key]!r} and {text!r} share {key}")
            seen.setdefault(key, text) if key else None
    for toolbar in window.findChildren(QToolBar):
        for action in toolbar.actions():
            if action.isSeparator():
                continue
            label = toolbar.widgetForAction(action).text()
            if "&" in label or re.search(r"\([A-Z]\)", label):
                problems.append(f"toolbar: {label!r} promises a key it does not have")
    return problems


def check_shortcuts(window) -> list[str]:
    """Window-wide shortcuts, the grid's keys and each panel's shortcuts never collide."""
    problems = []
    window_wide: dict[str, str] = {}
    scoped: dict[tuple[int, str], str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            name = action.text() or action.objectName()
            context = action.shortcutContext()
            if context in (
                Qt.ShortcutContext.WindowShortcut,
                Qt.ShortcutContext.ApplicationShortcut,
            ):
                if key in window_wide and window_wide[key] != name:
                    problems.append(f"{key}: {window_wide[key]!r} and {name!r}")
                window_wide[key] = name
            else:
                owner = action.parent()
                if (id(owner), key) in scoped:
                    problems.append(f"{key}: {scoped[(id(owner), key)]!r} and {name!r}")
                scoped[(id(owner), key)] = name
    for sequence, action in window.view.grid.key_actions:
        if sequence.toString() in window_wide:
            problems.append(f"{sequence.toString()}: the grid's {action.text()!r} is taken")
    for (_owner, key), name in scoped.items():
        if key in window_wide:
            problems.append(f"{key}: {name!r} collides with {window_wide[key]!r}")
    return problems


def test_no_duplicated_mnemonic_and_every_item_reachable(window):
    assert check_mnemonics(window) == []


def test_no_colliding_shortcuts(window):
    assert check_shortcuts(window) == []


def test_chinese_menus_have_no_duplicated_mnemonic(qapp, qtbot, plan_file):
    i18n.install_translators(qapp, "zh_CN")
    try:
        w = MainWindow(persist_layout=False)
        qtbot.addWidget(w)
        assert w.files.open_path(plan_file, remember=False)
        assert window_text(w) == "文件(&F)"
        assert check_mnemonics(w) == []
        assert check_shortcuts(w) == []
    finally:
        i18n.install_translators(qapp, "en")


def window_text(window) -> str:
    return window.menuBar().actions()[0].text()


# -- Tab order and visible focus ------------------------------------------------------------
def tab_walk(qtbot, window, steps, key=Qt.Key.Key_Tab):
    names = []
    for _ in range(steps):
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus, key)
        names.append(QApplication.focusWidget())
    return names


def test_tab_goes_filter_bar_grid_panels_and_round(qtbot, window):
    """Tab skipped the grid, visited panels hidden behind other tabs, and stuck in the
    measure text (it typed a tab character)."""
    bar, panel = window.filter_bar, window.docks.panels["measure"]
    window.view.select_cell(2, 2)
    bar.search.setFocus()
    stops = tab_walk(qtbot, window, 6)
    assert stops[:5] == [
        bar.department,
        bar.findings,
        window.view.grid,
        panel.title_edit,
        panel.deadline_edit,
    ]
    text_before = panel.text_view.toPlainText()
    while QApplication.focusWidget() is not panel.text_view:
        tab_walk(qtbot, window, 1)
    after_text = tab_walk(qtbot, window, 1)[0]
    assert after_text is panel.targets_view  # Tab left the text box without typing into it
    assert panel.text_view.toPlainText() == text_before
    departments = window.docks.panels["departments"]  # behind the measure panel's tab
    seen = tab_walk(qtbot, window, 40)
    assert departments.view not in seen
    assert bar.search in seen  # round again to the filter bar
    bar.search.setFocus()
    back = tab_walk(qtbot, window, 1, Qt.Key.Key_Backtab)[0]
    assert back is seen[seen.index(bar.search) - 1]  # Shift+Tab goes the other way


def test_the_panel_with_the_keyboard_is_marked(qtbot, window):
    window.action(ActionId.GO_FINDINGS).trigger()
    docks = window.docks.docks
    assert docks["findings"].has_keyboard and not docks["measure"].has_keyboard
    window.action(ActionId.GO_MEASURE).trigger()
    assert docks["measure"].has_keyboard and not docks["findings"].has_keyboard
    window.action(ActionId.GO_MATRIX).trigger()
    assert QApplication.focusWidget() is window.view.grid
    assert not any(d.has_keyboard for d in docks.values())
