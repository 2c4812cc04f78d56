"""The Change Log panel follows the log from the rows an edit adds: in view, out of view and
with its filters set, it shows what reading the whole log would show, and a plain edit adds
one row without reading the rest again."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication

from matrixdesk.core.model import Role
from matrixdesk.core.progress import LogLine, ProgressUpdate
from matrixdesk.store import MatrixStore
from matrixdesk.ui.widgets.changelog_panel import FILTERED
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), small_plan).close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(str(path), remember=False)
    w.docks.raise_dock("changelog")
    QCoreApplication.processEvents()
    return w


def shown_ids(panel) -> list[int]:
    return [row["id"] for row in panel.model.rows]


def assert_as_if_read_whole(panel) -> None:
    store = panel.store
    assert shown_ids(panel) == [r["id"] for r in store.change_log(**panel.chosen())]
    for column in FILTERED:
        box = panel.filters[column]
        offered = [box.itemData(i) for i in range(1, box.count())]
        assert offered == store.change_log_values(column), column


def collected(store, department_id: int, period: str) -> None:
    line = LogLine("collect", "", department_id, period, "returned.xlsx", {"changes": []})
    store.apply_progress(ProgressUpdate(log=[line]))


class Resets:
    def __init__(self, model) -> None:
        self.resets = self.inserted = 0
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)

    def _reset(self) -> None:
        self.resets += 1

    def _inserted(self, _parent, first, last) -> None:
        self.inserted += last - first + 1


def test_an_edit_adds_its_row_at_the_top_and_reads_nothing_else(window):
    panel = window.docks.panels["changelog"]
    store = window.document.store
    store.set_roles([(3, 4, Role.SUPPORT)])
    counts = Resets(panel.model)
    reads = []
    original = store.change_log
    store.change_log = lambda **kw: reads.append(kw) or original(**kw)
    store.set_roles([(3, 4, None)])
    assert (counts.resets, counts.inserted) == (0, 1)
    assert reads == [{"after": panel.last_id - 1, "limit": 5000}]
    del store.change_log
    assert_as_if_read_whole(panel)
    assert panel.model.rows[0]["action"] == "roles"


def test_new_kinds_departments_and_periods_reach_the_filters(window):
    panel = window.docks.panels["changelog"]
    store = window.document.store
    collected(store, 4, "2026-Q1")
    assert_as_if_read_whole(panel)
    assert "省商务厅" in [panel.filters["department"].itemData(i) for i in range(4)]
    store.rename_department(2, "省体育局（新）")
    store.update_measure(3, deadline="2026年底")
    assert_as_if_read_whole(panel)


def test_with_filters_set_only_the_rows_they_let_through_are_added(window):
    panel = window.docks.panels["changelog"]
    store = window.document.store
    collected(store, 4, "2026-Q1")
    box = panel.filters["department"]
    box.setCurrentIndex(box.findData("省商务厅"))
    store.set_roles([(3, 1, Role.SUPPORT)])  # no department in its row: filtered out
    collected(store, 4, "2026-Q2")
    collected(store, 1, "2026-Q2")  # another department
    assert_as_if_read_whole(panel)
    assert len(panel.model.rows) == 2
    assert panel.filters["period"].findData("2026-Q2") > 0  # offered, though not shown


def test_out_of_view_it_catches_up_when_shown(window):
    panel = window.docks.panels["changelog"]
    store = window.document.store
    window.docks.raise_dock("findings")
    QCoreApplication.processEvents()
    before = list(panel.model.rows)
    store.set_roles([(3, 4, Role.SUPPORT)])
    collected(store, 3, "2026-Q3")
    assert panel.model.rows == before  # no work while covered
    window.docks.raise_dock("changelog")
    QCoreApplication.processEvents()
    assert_as_if_read_whole(panel)
    assert [r["action"] for r in panel.model.rows[:2]] == ["collect", "roles"]
