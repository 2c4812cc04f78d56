"""The chart is drawn on a worker thread: the window's thread asks and shows, never draws.

Counted, not timed: which thread matplotlib draws on, how many pictures arrive, how many
draws gave way. The picture is the one a Qt canvas of the same size would show.
"""

from __future__ import annotations

import threading

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.widgets import chart_worker
from matrixdesk.ui.widgets.chart_view import FIRST_DELAY_MS, ChartView, build_figure


@pytest.fixture
def view(qtbot, small_plan):
    widget = ChartView(MatrixStore.memory(small_plan))
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    qtbot.waitUntil(lambda: widget.redraw_count == 1, timeout=FIRST_DELAY_MS * 50)
    return widget


def test_matplotlib_draws_only_on_the_worker_thread(qtbot, view, monkeypatch):
    from matplotlib.figure import Figure

    threads = []
    original = Figure.draw

    def draw(self, renderer):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self, renderer)

    monkeypatch.setattr(Figure, "draw", draw)
    view.store.set_role(4, 1, Role.LEAD)  # the first bar changes
    view.redraw()
    assert view.drawing  # asked for, not drawn here
    assert view.wait_drawn()
    assert threads == [False]
    assert view.redraw_count == 2


def test_the_picture_is_what_a_canvas_of_that_size_shows(view):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    picture = view.picture
    assert picture.size() == picture.image.size()  # drawn for the room it has, not scaled
    figure = build_figure(view.kind, view._data(view.kind, False))
    figure.set_size_inches(picture.width() / figure.dpi, picture.height() / figure.dpi)
    from matrixdesk.charts.fonts import chart_style

    with chart_style():
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
    w, h = canvas.get_width_height()
    expected = QImage(bytes(canvas.buffer_rgba()), w, h, w * 4, QImage.Format.Format_RGBA8888)
    assert picture.image == expected.convertToFormat(picture.image.format())


def test_the_newest_request_wins(qtbot, view):
    store = view.store
    store.set_role(4, 1, Role.LEAD)
    view.redraw()
    store.set_role(4, 2, Role.LEAD)
    view.redraw()  # asked again before the first was shown
    assert view.wait_drawn()
    qtbot.wait(100)
    assert view.redraw_count == 2  # one picture for both requests: the newest
    labels = list(view.words.y_labels)
    assert labels[0] == "省文化和旅游厅"


def test_a_draw_gives_way_to_a_key_press_and_resumes(qtbot, view, monkeypatch):
    started = threading.Event()
    calls = []
    real = chart_worker.draw_job

    def slow_draw(job, check=None):
        calls.append(1)
        if len(calls) == 1:
            started.set()
            while True:  # drawing until told to give way
                check()
                threading.Event().wait(0.001)
        return real(job, check)

    monkeypatch.setattr(chart_worker, "draw_job", slow_draw)
    view.store.set_role(4, 1, Role.LEAD)
    view.redraw()
    qtbot.waitUntil(started.is_set, timeout=5000)
    QTest.keyClick(view.kind_box, Qt.Key.Key_Shift)  # the user acts
    qtbot.waitUntil(lambda: view.worker.interrupted == 1, timeout=5000)
    assert view.wait_drawn()  # drawn once the user paused
    assert len(calls) == 2 and view.redraw_count == 2


def test_closing_stops_the_thread(qtbot, small_plan):
    widget = ChartView(MatrixStore.memory(small_plan))
    qtbot.addWidget(widget)
    widget.show()
    widget.redraw()
    thread = widget.worker._thread
    widget.close()
    thread.join(timeout=20)
    assert not thread.is_alive()
