"""The totals row pinned under the grid: counts, always visible, following the columns."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, Qt

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN as D0
from matrixdesk.ui.models.matrix_model import TITLE_COLUMN, ItemRole
from matrixdesk.ui.window import MainWindow

TASKS = 150
DEPARTMENTS = 60


def _plan() -> Plan:
    """One part, 150 tasks; task i is led by department i % 60 + 1, department 60 supports
    every third task."""
    measures = [Measure(1, "1", "一、", 1, "第一部分")]
    assignments = []
    for i in range(TASKS):
        mid = i + 2
        measures.append(Measure(mid, f"1.{i + 1}", f"{i + 1}.", 2, f"任务{i + 1}", parent_id=1))
        lead = i % DEPARTMENTS + 1
        assignments.append(Assignment(mid, lead, Role.LEAD))
        if i % 3 == 0 and lead != DEPARTMENTS:
            assignments.append(Assignment(mid, DEPARTMENTS, Role.SUPPORT, 1))
    departments = [
        Department(d + 1, f"省测试{d + 1:02d}厅", position=d) for d in range(DEPARTMENTS)
    ]
    return Plan(measures=measures, departments=departments, assignments=assignments)


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "footer.mdesk"
    MatrixStore.create(str(path), _plan()).close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(str(path), remember=False)
    qtbot.wait(10)
    return w


def expected(store, department_id: int) -> str:
    n = sum(1 for a in store.assignments() if a.department_id == department_id)
    return str(n) if n else ""


def x_in_view(window, header, section: int) -> int:
    """Where ``section`` of ``header`` (a column header or a footer) starts, in view pixels."""
    pos = QPoint(header.sectionViewportPosition(section), 0)
    return header.viewport().mapTo(window.view, pos).x()


def assert_aligned(window) -> None:
    view = window.view
    for table, footer in ((view.frozen, view.frozen_footer), (view.grid, view.grid_footer)):
        head = table.horizontalHeader()
        assert footer.offset() == head.offset()
        assert footer.viewport().width() == head.viewport().width()
        for c in range(head.count()):
            assert footer.isSectionHidden(c) == head.isSectionHidden(c)
            if not head.isSectionHidden(c):
                assert footer.sectionSize(c) == head.sectionSize(c)
                assert x_in_view(window, footer, c) == x_in_view(window, head, c)


def assert_pinned_under_rows(window) -> None:
    view = window.view
    for table, footer in ((view.frozen, view.frozen_footer), (view.grid, view.grid_footer)):
        assert footer.isVisible()
        assert not footer.visibleRegion().isEmpty()
        rows_bottom = table.viewport().mapTo(view, QPoint(0, table.viewport().height())).y()
        top = footer.mapTo(view, QPoint(0, 0)).y()
        assert rows_bottom <= top < view.height()
    assert (
        view.frozen_footer.mapTo(view, QPoint(0, 0)).y()
        == view.grid_footer.mapTo(view, QPoint(0, 0)).y()
    )


def test_the_footer_shows_each_departments_count(window):
    store, model, footer = window.document.store, window.model, window.view.grid_footer
    assert window.proxy.rowCount() == TASKS + 1  # the totals row is not a scrolling row
    for did in range(1, DEPARTMENTS + 1):
        assert footer.section_text(model.column_of(did)) == expected(store, did)
    assert footer.section_text(D0) == "3"  # tasks 1, 61, 121
    assert footer.section_text(model.column_of(DEPARTMENTS)) == "52"  # 2 leads, 50 supports
    assert footer.section_text(model.total_column) == str(len(store.assignments()))
    assert window.view.frozen_footer.section_text(TITLE_COLUMN) == model.data(
        model.index(model.total_row, TITLE_COLUMN)
    )
    tip = model.headerData(D0, Qt.Orientation.Horizontal, ItemRole.TOTAL_TOOLTIP)
    assert "3" in tip and "0" in tip  # lead 3, support 0


def test_the_footer_stays_visible_at_the_top_and_at_the_bottom(qtbot, window):
    view = window.view
    bar = view.grid.verticalScrollBar()
    assert bar.maximum() > 0  # the plan is taller than the window
    view.grid.scrollToTop()
    qtbot.wait(10)
    assert_pinned_under_rows(window)
    top = view.grid_footer.mapTo(view, QPoint(0, 0)).y()
    view.grid.scrollToBottom()
    qtbot.wait(10)
    assert bar.value() == bar.maximum()
    assert view.frozen.verticalScrollBar().value() == bar.value()
    assert_pinned_under_rows(window)
    assert view.grid_footer.mapTo(view, QPoint(0, 0)).y() == top
    # the last row shown is the last measure, fully above the footer
    last = window.proxy.rowCount() - 1
    rect = view.grid.visualRect(window.proxy.index(last, D0))
    assert rect.bottom() < view.grid.viewport().height()
    assert window.model.measure_id(window.proxy.mapToSource(window.proxy.index(last, 0)).row())
    assert_aligned(window)


def test_the_footer_follows_a_horizontal_scroll(qtbot, window):
    view = window.view
    inner, outer = view.grid.horizontalScrollBar(), view.grid_pane.scroll_bar
    assert outer.maximum() == inner.maximum() > 0
    outer.setValue(outer.maximum() // 2)  # the bar under the footer drives the grid
    assert inner.value() == outer.maximum() // 2
    assert view.grid_footer.offset() == view.grid.horizontalHeader().offset() > 0
    assert_aligned(window)
    inner.setValue(inner.maximum())  # a wheel or a keyboard move scrolls the grid's own bar
    assert outer.value() == inner.maximum()
    assert_aligned(window)
    window.view.scroll_to_column(window.model.column_of(5))
    assert_aligned(window)


def test_the_footer_follows_column_resizes_and_moves(qtbot, window):
    view = window.view
    head = view.grid.horizontalHeader()
    head.resizeSection(D0 + 1, 90)
    assert view.grid_footer.sectionSize(D0 + 1) == 90
    view.frozen.horizontalHeader().resizeSection(0, 150)  # the title column stretches less
    qtbot.wait(10)
    assert_aligned(window)
    head.setSectionsMovable(True)
    head.moveSection(head.visualIndex(D0), head.visualIndex(D0 + 3))
    assert view.grid_footer.visualIndex(D0) == head.visualIndex(D0)
    assert_aligned(window)
    view.grid_pane.scroll_bar.setValue(40)
    assert_aligned(window)


def test_the_footer_counts_the_whole_plan_under_a_filter(qtbot, window):
    footer, model = window.view.grid_footer, window.model
    before = [footer.section_text(c) for c in range(D0, model.total_column + 1)]
    window.proxy.set_filter(text="任务12")  # 任务12, 任务120 … 任务129
    assert 0 < window.proxy.rowCount() < 15
    assert [footer.section_text(c) for c in range(D0, model.total_column + 1)] == before
    qtbot.wait(10)
    assert_pinned_under_rows(window)
    window.proxy.set_filter(text="没有这个任务")
    assert window.proxy.rowCount() == 0
    assert footer.section_text(model.total_column) == before[-1]
    assert_aligned(window)


def test_the_footer_updates_after_an_edit_and_after_undo(qtbot, window):
    store, model, footer = window.document.store, window.model, window.view.grid_footer
    column = model.column_of(2)
    assert footer.section_text(column) == "3"
    total = footer.section_text(model.total_column)
    index = window.proxy.mapFromSource(model.index(model.row_of(2), column))  # 任务1 × 省测试02厅
    with qtbot.waitSignal(model.totalsChanged):
        assert window.editor.cycle_at(index)
    assert store.role(2, 2) == Role.LEAD
    assert footer.section_text(column) == "4"
    assert footer.section_text(model.total_column) == str(int(total) + 1)
    with qtbot.waitSignal(model.totalsChanged):
        window.action(ActionId.UNDO).trigger()
    assert footer.section_text(column) == "3"
    assert footer.section_text(model.total_column) == total
    window.action(ActionId.REDO).trigger()
    assert footer.section_text(column) == "4"
