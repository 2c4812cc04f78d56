"""The window on a small screen (1024×700: a laptop at 150 %, a projector) and a big one, in
Chinese and English: no widget overlaps another or is squeezed below what its layout needs,
and the targets table grows with the panel (issue 8)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from matrixdesk.store import MatrixStore
from matrixdesk.ui import i18n
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def seed_file(tmp_path, seed_plan):
    """The seed document's plan: long department lists and two targets on its first task."""
    path = tmp_path / "seed.mdesk"
    MatrixStore.create(str(path), seed_plan).close()
    return str(path)


def settle():
    for _ in range(5):
        QCoreApplication.processEvents()


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def layout_problems(window) -> list[str]:
    """Overlapping siblings, and layouts given less room than they need."""
    problems = []
    for parent in [window, *window.findChildren(QWidget)]:
        if not shown(parent):
            continue
        kids = [
            c
            for c in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if shown(c) and not c.isWindow() and not isinstance(c, QTabBar)  # Qt's spare tab bars
        ]
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                both = a.geometry().intersected(b.geometry())
                if both.width() > 1 and both.height() > 1:
                    problems.append(f"{name(a)} overlaps {name(b)}")
        layout = parent.layout()
        if layout is None:
            continue
        need = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            need = max(need, layout.totalMinimumHeightForWidth(parent.width()))
        if parent.height() < need - 1:
            problems.append(f"{name(parent)} has {parent.height()} px of {need}")
    return problems


def name(widget: QWidget) -> str:
    parts, w = [], widget
    while w is not None and len(parts) < 3:
        parts.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "<".join(parts)


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    i18n.install_translators(qapp, request.param)
    yield request.param
    i18n.install_translators(qapp, "en")


def open_window(qtbot, plan_file, size):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)  # as it opens, then made smaller, as a user does
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file, remember=False)
    settle()
    w.resize(*size)
    settle()
    w.view.select_cell(2, 2)  # (一)1.: six departments and two targets, the panel is full
    settle()
    return w


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768), (1600, 1000)])
def test_nothing_overlaps_or_is_squeezed(qtbot, seed_file, language, size):
    """At 1024×700 the measure panel got less height than it needs: its targets table and
    its buttons overlapped. It scrolls now instead. Every panel is looked at in front of its
    tab group, as Ctrl+2 … Ctrl+8 bring it."""
    w = open_window(qtbot, seed_file, size)
    assert layout_problems(w) == []
    for key in w.docks.docks:
        w.docks.raise_dock(key)
        settle()
        assert shown(w.docks.docks[key]), key
        assert [(key, p) for p in layout_problems(w)] == []
    w.docks.raise_dock("measure")
    settle()
    panel = w.docks.panels["measure"]
    assert shown(panel.targets_view)
    panel.add_target_button.setFocus()  # as Tab reaches it: the panel scrolls it into view
    w.docks.docks["measure"].widget().ensureWidgetVisible(panel.add_target_button)
    settle()
    assert shown(panel.add_target_button)


def test_the_targets_table_grows_with_the_panel(qtbot, seed_file):
    heights = []
    for size in ((1024, 700), (1600, 1000)):
        w = open_window(qtbot, seed_file, size)
        heights.append(w.docks.panels["measure"].targets_view.height())
        w.close()  # the plan is open in one window at a time
    assert heights[1] > heights[0] + 40


def rows_in_view(window) -> int:
    """Grid rows seen whole (the pinned totals row is not one of them)."""
    grid = window.view.grid
    height = grid.viewport().height()
    return sum(
        1
        for row in range(grid.model().rowCount())
        if 0 <= grid.rowViewportPosition(row) <= height - grid.rowHeight(row)
    )


@pytest.mark.parametrize(
    ("size", "least"), [((1024, 700), 14), ((1366, 768), 16), ((1600, 1000), 18)]
)
def test_the_matrix_keeps_its_rows_on_a_small_screen(qtbot, seed_file, size, least):
    """At 1024×700 the panels under the matrix left it 8 rows (1366×768: 11). On a small
    screen every panel goes into the right column, so the matrix has the whole height: 16
    rows at 1024×700, 19 at 1366×768 (20 at 1600×1000, where the panels stay as they were)."""
    w = open_window(qtbot, seed_file, size)
    assert rows_in_view(w) >= least


def test_every_panel_is_reachable_at_1024(qtbot, seed_file, menu_action):
    """Ctrl+2 … Ctrl+8 bring each panel to the front of its tab group, keyboard inside."""
    w = open_window(qtbot, seed_file, (1024, 700))
    w.activateWindow()
    keys = ("measure", "departments", "findings", "history", "chart", "progress", "changelog")
    for n, key in enumerate(keys, start=2):
        action = menu_action(w, ActionId[f"GO_{key.upper()}"])
        assert action.shortcut().toString() == f"Ctrl+{n}"
        action.trigger()
        settle()
        dock = w.docks.docks[key]
        assert shown(dock) and not dock.isFloating(), key
        assert dock.isAncestorOf(QApplication.focusWidget()), key
    assert rows_in_view(w) >= 14  # no panel took the matrix's rows on the way


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_the_comparator_editor_shows_the_whole_choice(qtbot, seed_file, language, size):
    """A double click on a target's comparison opened a combo box cut to '≥ l' ('= i' in
    English): the column was as wide as the text it shows, not as the box that edits it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QComboBox

    from matrixdesk.ui.widgets.targets_model import COMPARATOR

    w = open_window(qtbot, seed_file, size)
    w.docks.raise_dock("measure")
    settle()
    view = w.docks.panels["measure"].targets_view
    assert view.model().rowCount() == 2
    cell = view.visualRect(view.model().index(0, COMPARATOR))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    settle()
    combo = view.viewport().findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert len(texts) == 3 and any(t in ("≥ 以上", "≥ at least") for t in texts)
    assert combo.width() >= combo.sizeHint().width()  # room for every item and the arrow
    assert view.viewport().rect().contains(combo.geometry().topRight() - QPoint(1, 0))
