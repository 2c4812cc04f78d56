"""An edit repaints the labels it changed and lays out nothing: a QLabel's new text made the
status bar, the measure panel, the findings panel and, through their docks, the whole main
window lay themselves out at every edit. Counted (layout requests, paints), not timed; the
labels still say the truth and still grow when their text needs more room."""

from __future__ import annotations

from collections import Counter

import pytest

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from matrixdesk.core.model import Role
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN
from matrixdesk.ui.widgets.quiet_label import QuietLabel


class Events(QObject):
    """Layout requests and paints by receiver while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts: Counter = Counter()
        self.painted: list[QObject] = []
        self.regions: dict[QObject, object] = {}  # the region painted, by widget

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest and not isinstance(watched, QuietLabel):
            self.layouts[type(watched).__name__] += 1
        elif event.type() == QEvent.Type.Paint:
            self.painted.append(watched)
            self.regions[watched] = event.region()
        return False


@pytest.fixture
def window(qtbot, open_window, plan_file):
    w = open_window(plan_file)
    findings = w.docks.panels["findings"]
    qtbot.waitUntil(lambda: not findings.tracker.pending)
    return w


def status_texts(window) -> list[str]:
    return [label.text() for label in window.statusBar().findChildren(QuietLabel)]


def select(window, measure_id: int, department_id: int) -> None:
    model = window.model
    cell = window.proxy.mapFromSource(
        model.index(model.row_of(measure_id), FIRST_DEPARTMENT_COLUMN + department_id - 1)
    )
    window.view.select_cell(cell.row(), cell.column())
    window.view.grid.setFocus()


def settle(qtbot, rounds: int = 40) -> None:
    """Wait until a turn of 20 ms brings no layout request: what the window still had queued
    from opening (a restored cell, a panel filled late on a loaded machine) is not the edit's."""
    quiet = Events()
    QApplication.instance().installEventFilter(quiet)
    try:
        for _ in range(rounds):
            quiet.layouts.clear()
            qtbot.wait(20)
            if not quiet.layouts:
                return
    finally:
        QApplication.instance().removeEventFilter(quiet)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> Events:
    """``key`` on the grid; the layout requests and paints it caused, until painted."""
    settle(qtbot)
    events = Events()
    QApplication.instance().installEventFilter(events)
    try:
        QTest.keyClick(window.view.grid, key, modifier)
        qtbot.wait(50)  # the findings follow on the next turn of the event loop; the paint
    finally:
        QApplication.instance().removeEventFilter(events)
    return events


def test_an_edit_lays_nothing_out_and_the_labels_say_the_truth(qtbot, window):
    findings = window.docks.panels["findings"]
    measure = window.docks.panels["measure"]
    select(window, 3, 2)  # (二), 省体育局: not yet one of its departments
    before = findings.summary.text()
    assert "6 assignments" in status_texts(window)[0]
    events = press(qtbot, window, Qt.Key.Key_L)
    assert window.document.store.role(3, 2) == Role.LEAD  # (二) has two leads now
    assert "7 assignments" in status_texts(window)[0]
    assert "省体育局" in measure.roles_label.text()
    assert findings.summary.text() != before  # a finding more (two leads)
    assert window.statusBar().findChild(QLabel, "savedState").text().startswith("All changes")
    assert sum(events.layouts.values()) == 0, events.layouts
    bar = window.statusBar()  # only under the changed labels, not the whole bar
    assert events.regions[bar].boundingRect().width() < bar.width() / 2
    mode = window.statusBar().findChildren(QuietLabel)[1].label
    assert mode not in events.painted  # its text did not change
    events = press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "6 assignments" in status_texts(window)[0]
    assert findings.summary.text() == before
    assert "省体育局" not in measure.roles_label.text()
    assert sum(events.layouts.values()) == 0, events.layouts


def test_a_text_that_needs_more_room_still_gets_it(qtbot, window):
    counts = window.statusBar().findChildren(QuietLabel)[0]
    narrow = counts.width()
    counts.setText(counts.text() + " · and a great deal more to say")
    qtbot.waitUntil(lambda: counts.width() >= counts.label.sizeHint().width() > narrow)
    counts.setText("short")
    qtbot.wait(20)
    assert counts.width() > counts.label.sizeHint().width()  # kept: the bar does not jump
    supports = window.docks.panels["measure"].roles_label.names[Role.SUPPORT]
    store = window.document.store
    store.rename_department(2, "省体育局（省足球改革发展领导小组办公室、省冬季运动管理中心）")
    select(window, 3, 1)  # (二): one department supports
    qtbot.waitUntil(lambda: supports.text() == "省商务厅")
    qtbot.waitUntil(lambda: supports.height() == supports.label.heightForWidth(supports.width()))
    one_line, relayouts = supports.height(), supports.relayouts
    store.set_roles([(3, 2, Role.SUPPORT)])  # with that long name: two lines
    qtbot.waitUntil(lambda: supports.height() > one_line)
    assert supports.height() == supports.label.heightForWidth(supports.width())
    assert supports.label.height() == supports.height()
    assert supports.relayouts == relayouts + 1


def test_another_plan_starts_from_the_widths_its_own_texts_need(qtbot, window, plan_file):
    counts = window.statusBar().findChildren(QuietLabel)[0]
    counts.setText(counts.text() + " · and a great deal more to say")
    qtbot.waitUntil(lambda: counts.width() >= counts.label.sizeHint().width())
    window.set_document(None)
    assert status_texts(window) == ["", "", ""]
    assert window.files.open_path(plan_file, remember=False)
    qtbot.waitUntil(lambda: counts.width() == counts.label.sizeHint().width())


def test_a_label_changed_out_of_view_is_sized_when_shown(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    label = QuietLabel(parent)
    QHBoxLayout(parent).addWidget(label)
    parent.show()
    qtbot.waitExposed(parent)
    label.hide()
    label.setText("a text wider than the label was")
    label.show()
    qtbot.waitUntil(lambda: label.width() >= label.label.sizeHint().width())
