"""The grid painted a screen at a time looks exactly as painted cell by cell by the delegate.

Each state is rendered twice from the same window — once by ``grid_paint`` (what the window
uses), once by QTableView calling the delegate for every cell — and the two images must be
the same pixel for pixel: heading bands, lines, marks, the selection (also across heading
rows and the totals column), the current cell's frame, the totals and status colours.
"""

from __future__ import annotations

import pytest

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QImage

from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN
from matrixdesk.ui.widgets import grid_paint
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, seed_plan, tmp_path):
    from matrixdesk.store import MatrixStore

    path = tmp_path / "seed.mdesk"
    MatrixStore.create(str(path), seed_plan).close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(str(path), remember=False)
    return w


def both(window) -> tuple[QImage, QImage]:
    grid = window.view.grid
    grid.whole_screens = True
    fast = grid.viewport().grab().toImage()
    grid.whole_screens = False
    slow = grid.viewport().grab().toImage()
    grid.whole_screens = True
    return fast, slow


def assert_same(window) -> None:
    fast, slow = both(window)
    assert fast.size() == slow.size()
    assert fast == slow


def select(window, top, left, bottom, right) -> None:
    proxy, sm = window.proxy, window.view.selection_model
    sm.select(
        QItemSelection(proxy.index(top, left), proxy.index(bottom, right)),
        QItemSelectionModel.SelectionFlag.Select,
    )


def test_the_first_screen(window, qtbot, monkeypatch):
    calls = []
    original = grid_paint.paint_grid
    monkeypatch.setattr(
        "matrixdesk.ui.widgets.matrix_view.paint_grid",
        lambda *a: calls.append(1) or original(*a),
    )
    assert_same(window)
    assert calls  # the window paints its grid a screen at a time


def test_selection_across_headings_and_the_current_cell(window, qtbot):
    window.view.select_cell(2, FIRST_DEPARTMENT_COLUMN + 3)
    window.view.grid.setFocus()
    select(window, 0, FIRST_DEPARTMENT_COLUMN + 1, 12, FIRST_DEPARTMENT_COLUMN + 6)
    qtbot.wait(10)
    assert window.view.grid.hasFocus()
    assert_same(window)


def test_scrolled_to_the_totals_column_with_a_selection(window, qtbot):
    grid = window.view.grid
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    grid.verticalScrollBar().setValue(24 * 5 + 11)  # a row cut at the top
    total = window.model.total_column
    select(window, 3, total - 4, 9, total)
    qtbot.wait(10)
    assert_same(window)


def test_status_colours(window, qtbot):
    import datetime as dt

    from matrixdesk.core.ledger import build_ledger
    from matrixdesk.core.live_ledger import LiveLedger

    store = window.document.store
    period = window.progress.period or store.periods()[0]
    window.model.set_status_view(LiveLedger(store, period, dt.date.today()))
    assert build_ledger(store.plan(), period, dt.date.today()).meaning  # cells have a colour
    window.view.grid.viewport().update()
    qtbot.wait(10)
    assert_same(window)
