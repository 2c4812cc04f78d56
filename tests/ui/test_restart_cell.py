"""A restart comes back to the measure (and department) that was current, found by its id:
the window restored its panels but put the cursor on the first task every time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from matrixdesk.store import MatrixStore
from matrixdesk.ui import settings

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "jizhengbanfa-2020-34.mdesk"


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "计划.mdesk"
    shutil.copyfile(SAMPLE, path)
    return str(path)


def _start(qtbot):
    """A window as a restart makes it: shown, then the last plan opened."""
    from matrixdesk.ui.window import MainWindow

    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.files.open_startup()
    return window


def _current(window):
    return window.editor.current_measure_id(), window.editor.current_department_id()


def _visible(window) -> bool:
    grid = window.view.grid
    return grid.viewport().rect().contains(grid.visualRect(window.view.current_index()).center())


def test_restart_comes_back_to_the_cell_by_its_measure(qtbot, plan):
    window = _start(qtbot)
    window.files.open_path(plan)  # File ▸ Open: a recent file from now on
    first = _current(window)
    window.focus_grid()
    grid = window.view.grid
    for key in [Qt.Key.Key_PageDown] * 2 + [Qt.Key.Key_Right] * 3:
        QTest.keyClick(grid, key)
    left = _current(window)
    assert left != first and None not in left
    window.close()

    store = MatrixStore.open(plan, lock=True)  # meanwhile a measure above it is removed
    store.remove_measure(store.measure(first[0]).id)
    store.close()

    again = _start(qtbot)
    assert again.document is not None and _current(again) == left  # the same measure, not row
    assert _visible(again)  # scrolled to, far down the plan
    again.close()

    store = MatrixStore.open(plan, lock=True)  # now the measure itself is gone
    store.remove_measure(left[0])
    store.close()
    third = _start(qtbot)
    measure, _department = _current(third)
    assert measure is not None and measure != left[0]  # the first task, as for a new plan


def test_only_recent_plans_are_remembered(qtbot, plan, tmp_path):
    """A plan opened without joining the recent files (a screenshot, a test) leaves nothing;
    each plan keeps its own cell."""
    other = str(tmp_path / "另一个.mdesk")
    shutil.copyfile(SAMPLE, other)
    window = _start(qtbot)
    window.files.open_path(other, remember=False)
    window.focus_grid()
    QTest.keyClick(window.view.grid, Qt.Key.Key_PageDown)
    window.files.open_path(plan)
    QTest.keyClick(window.view.grid, Qt.Key.Key_Down)
    kept = _current(window)
    window.close()
    assert settings.current_cell(other) is None
    assert settings.current_cell(plan) == kept
