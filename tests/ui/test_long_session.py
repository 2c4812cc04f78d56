"""An edit late in a long session costs what it cost at its start, whichever panel is in front.

No clocks: one key press on a grid cell and its undo run in the whole window (grid, measure
panel, departments, chart, and one of the bottom panels in front) after a few steps and again
after several hundred, and the work is counted — the lines of MatrixDesk's own code that ran,
and the steps SQLite's virtual machine took (a query that reads the change log, which gains a
row at every edit and undo and keeps it in the file, takes steps for every row it reads).
The Change Log read its newest 5,000 rows and scanned the log three times for its filters at
every edit while it was in view: an edit of a long-used plan took about 3 ms more a thousand
rows (10 ms after 2,000 steps at 10,000 measures).
"""

from __future__ import annotations

import sys

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN
from matrixdesk.ui.widgets import changelog_panel
from matrixdesk.ui.widgets.chart_view import DELAY_MS
from matrixdesk.ui.window import MainWindow

EARLY, LATE = 5, 120  # steps in the history before the counted edit
SLACK = 1.1  # the late edit may do at most 10 % more (and a few lines: the history's row)


class Work:
    """Lines of matrixdesk code and SQLite instructions (in tens) while it is active."""

    def __init__(self, store: MatrixStore) -> None:
        self.conn = store.db.conn
        self.lines = 0
        self.sql = 0

    def _count_sql(self) -> int:
        self.sql += 1
        return 0  # go on

    def _local(self, frame, event, arg):
        if event == "line":
            self.lines += 1
        return self._local

    def _global(self, frame, event, arg):
        return self._local if "matrixdesk" in frame.f_code.co_filename else None

    def __enter__(self) -> Work:
        self.conn.set_progress_handler(self._count_sql, 10)
        sys.settrace(self._global)
        return self

    def __exit__(self, *exc) -> None:
        sys.settrace(None)
        self.conn.set_progress_handler(None, 0)


def open_window(qtbot, tmp_path, seed_plan, panel: str) -> MainWindow:
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), seed_plan).close()
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.files.open_path(str(path), remember=False)
    window.docks.raise_dock(panel)
    return window


def counted_row(window: MainWindow) -> int:
    """The grid row of the task the counted edit is made on."""
    return next(r for r in range(window.proxy.rowCount()) if window.model.is_editable_cell(r, 2))


def add_steps(qtbot, window: MainWindow, steps: int) -> None:
    """Steps pushed as the grid pushes them (not waiting for the disk, to be quick), on every
    task but the counted edit's (its undo writes all its cells again)."""
    store = window.document.store
    window.view.select_cell(counted_row(window), FIRST_DEPARTMENT_COLUMN)
    counted = window.editor.current_measure_id()
    tasks = [m.id for m in store.measures() if store.is_task(m.id) and m.id != counted]
    departments = [d.id for d in store.departments()]
    store.db.execute("PRAGMA synchronous = OFF")
    for i in range(steps):
        m, d = tasks[i % len(tasks)], departments[(i * 7) % len(departments)]
        window.model.push_changes([(m, d, None if store.role(m, d) else Role.SUPPORT)])
    store.db.execute("PRAGMA synchronous = FULL")


def counted_edit(qtbot, window: MainWindow) -> Work:
    """Space on a cell, then Ctrl+Z, and what follows them (the chart's pause included)."""
    grid = window.view.grid
    window.view.select_cell(counted_row(window), FIRST_DEPARTMENT_COLUMN + 1)
    grid.setFocus()
    qtbot.wait(DELAY_MS * 2)  # the chart has looked at the steps before
    before = window.document.undo_stack.count()
    with Work(window.document.store) as work:
        QTest.keyClick(grid, Qt.Key.Key_Space)
        qtbot.wait(50)
        QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(DELAY_MS * 2)
    assert window.document.undo_stack.count() == before + 1  # the edit was made, and undone
    assert window.document.undo_stack.index() == before
    return work


def early_and_late(qtbot, tmp_path, seed_plan, panel: str) -> tuple[Work, Work]:
    window = open_window(qtbot, tmp_path, seed_plan, panel)
    add_steps(qtbot, window, EARLY)
    early = counted_edit(qtbot, window)
    add_steps(qtbot, window, LATE - EARLY)
    late = counted_edit(qtbot, window)
    assert window.document.undo_stack.count() >= LATE
    window.close()
    return early, late


@pytest.mark.skipif(sys.gettrace() is not None, reason="a debugger or coverage is tracing")
@pytest.mark.parametrize("panel", ["changelog", "history", "findings"])
def test_an_edit_after_hundreds_of_steps_costs_what_it_cost_after_a_few(
    qtbot, tmp_path, seed_plan, panel
):
    early, late = early_and_late(qtbot, tmp_path, seed_plan, panel)
    assert early.lines > 100 and early.sql > 10  # the edit went through our code and SQLite
    assert late.lines <= SLACK * early.lines + 50, (early.lines, late.lines)
    assert late.sql <= SLACK * early.sql + 20, (early.sql, late.sql)


@pytest.mark.skipif(sys.gettrace() is not None, reason="a debugger or coverage is tracing")
def test_the_counting_sees_the_change_log_read_again_at_every_edit(
    qtbot, tmp_path, seed_plan, monkeypatch
):
    """The same measurement with the Change Log reading itself whole at every edit, as it
    did before, fails the bound (on SQLite's steps: Python walks the rows in a few lines)."""

    def read_whole(self, _event):
        self._fill_filters()
        self.refresh()

    monkeypatch.setattr(changelog_panel.ChangeLogPanel, "_on_store_event", read_whole)
    early, late = early_and_late(qtbot, tmp_path, seed_plan, "changelog")
    assert late.sql > 2 * early.sql, (early.sql, late.sql)
