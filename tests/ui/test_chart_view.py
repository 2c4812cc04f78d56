"""The chart dock follows the store, debounced, and saves the chart it shows."""

from __future__ import annotations

import pytest

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.widgets.chart_view import DELAY_MS, FIRST_DELAY_MS, ChartView


@pytest.fixture
def store(small_plan):
    return MatrixStore.memory(small_plan)


@pytest.fixture
def view(qtbot, store):
    widget = ChartView(store)
    qtbot.addWidget(widget)
    widget.show()  # a hidden chart draws nothing (see below)
    # the first chart imports matplotlib (on the worker thread): seconds on a busy machine
    qtbot.waitUntil(lambda: widget.redraw_count == 1, timeout=FIRST_DELAY_MS * 50)
    return widget


def _labels(view):
    assert view.wait_drawn()
    return list(view.words.y_labels)


def test_shows_workload_first(view):
    assert view.kind == "workload"
    assert view.redraw_count == 1
    assert "省商务厅" in _labels(view)
    assert "各地区" not in _labels(view)


def test_redraws_once_after_a_burst_of_edits(qtbot, view, store):
    before = view.redraw_count
    store.set_role(4, 1, Role.LEAD)
    store.set_role(4, 2, Role.SUPPORT)
    store.set_role(4, 3, Role.SUPPORT)
    assert view.redraw_count == before and view.pending  # nothing yet: debounced
    qtbot.waitUntil(lambda: view.redraw_count == before + 1, timeout=DELAY_MS * 10)
    qtbot.wait(DELAY_MS + 50)
    assert view.redraw_count == before + 1
    assert _labels(view)[0] == "省文化和旅游厅"  # now leads two measures


def test_redraws_only_when_what_it_shows_changed(qtbot, view, store):
    before = view.redraw_count
    store.set_role(4, 1, Role.LEAD)
    store.set_role(4, 1, None)  # back as it was: the same bars
    qtbot.waitUntil(lambda: not view.pending, timeout=DELAY_MS * 10)
    assert view.redraw_count == before
    assert view.stats.read == 0  # the workload chart reads counts, never the measures


def test_hidden_chart_does_no_work_until_shown(qtbot, store):
    widget = ChartView(store)
    qtbot.addWidget(widget)
    store.set_role(4, 1, Role.LEAD)
    qtbot.wait(DELAY_MS + 50)
    assert widget.redraw_count == 0 and widget.words is None and not widget.pending
    widget.show()
    # the first chart imports matplotlib (on the worker thread): seconds on a busy machine
    qtbot.waitUntil(lambda: widget.redraw_count == 1, timeout=FIRST_DELAY_MS * 50)
    assert _labels(widget)[0] == "省文化和旅游厅"


def test_kind_and_collective_controls(view):
    view.collective_box.setChecked(True)
    assert "各地区" in _labels(view)
    view.set_kind("parts")
    assert view.kind == "parts"
    assert _labels(view) == ["一、提高消费品质", "二、强化保障"]
    view.set_kind("targets")
    assert view.wait_drawn()
    assert view.words.title == "Targets per year"  # the UI language (English here)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_save_to(view, tmp_path, suffix):
    path = view.save_to(tmp_path / f"chart{suffix}")
    assert path.stat().st_size > 1000


def test_save_to_rejects_other_suffixes(view, tmp_path):
    with pytest.raises(ValueError, match=r"\.bmp"):
        view.save_to(tmp_path / "chart.bmp")


def test_export_button_uses_the_chosen_name(view, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "picked"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG (*.svg)")
    )
    assert view.export_chart() == tmp_path / "picked.svg"
    assert (tmp_path / "picked.svg").exists()


def test_unsubscribes_on_close_and_delete(qtbot, store):
    widget = ChartView(store)
    qtbot.addWidget(widget)
    widget.show()
    assert len(store._observers) == 1
    widget.close()
    assert store._observers == []
    other = ChartView(store)
    assert len(store._observers) == 1
    other.deleteLater()
    qtbot.waitUntil(lambda: store._observers == [], timeout=1000)
    store.set_role(4, 1, Role.LEAD)  # no error from a dead widget


@pytest.mark.parametrize(
    ("language", "title", "legend"),
    [
        ("en", "Tasks per department", "Lead"),
        ("zh_CN", "各部门任务量（牵头/配合）", "牵头"),
    ],
)
def test_chart_words_follow_the_ui_language(qapp, qtbot, store, language, title, legend):
    """The English window showed Chinese chart titles, axes and legends."""
    from matrixdesk.ui import i18n

    i18n.install_translators(qapp, language)
    try:
        view = ChartView(store)
        qtbot.addWidget(view)
        view.redraw()
        assert view.wait_drawn()
        assert view.words.title == title
        assert legend in view.words.legend
        view.set_kind("targets")
        view.redraw()
        assert view.wait_drawn()
        labels = view.words.x_labels
        assert ("No year" in labels) == (language == "en")
    finally:
        i18n.install_translators(qapp, "en")
