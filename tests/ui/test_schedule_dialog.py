"""Edit ▸ Reporting Schedule…: quarterly reports and a status of the plan's own, one undo step;
a schedule that would orphan collected reports is refused with a message and changes nothing."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from matrixdesk.core.periods import Cadence
from matrixdesk.core.progress import Meaning, ProgressEntry, ProgressUpdate
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.dialogs.schedule_dialog import ScheduleDialog
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    assert w.files.open_path(plan_file)
    return w


def test_quarterly_with_a_status_of_its_own_then_undo(window, qtbot, monkeypatch, menu_action):
    store = window.document.store

    def user(dialog: ScheduleDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.cadence.setCurrentIndex(dialog.cadence.findData(Cadence.QUARTER))
        QTest.keyClicks(dialog.first, "2021Q1")
        dialog.add_status(dialog.schedule().statuses[0].__class__("暂缓", Meaning.LATE))
        QTest.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        return dialog.result()

    monkeypatch.setattr(ScheduleDialog, "exec", user)
    menu_action(window, ActionId.SCHEDULE).trigger()
    assert store.schedule().cadence == Cadence.QUARTER
    assert store.periods()[0] == "2021-Q1"
    assert store.schedule().status_names()[-1] == "暂缓"
    panel = window.docks.panels["progress"]
    assert panel.period_box.itemData(0) == "2021-Q1"
    menu_action(window, ActionId.UNDO).trigger()
    assert store.schedule().cadence == Cadence.MONTH
    assert store.schedule().status_names() == ["未开始", "推进中", "已完成", "滞后"]


def test_a_schedule_that_orphans_reports_is_refused(window, qtbot, monkeypatch, menu_action):
    store = window.document.store
    store.apply_progress(ProgressUpdate([ProgressEntry(3, 4, "2021-03", "推进中")]))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))

    def user(dialog: ScheduleDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.cadence.setCurrentIndex(dialog.cadence.findData(Cadence.QUARTER))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ScheduleDialog, "exec", user)
    menu_action(window, ActionId.SCHEDULE).trigger()
    assert warned and "2021-03" in warned[0]
    assert store.schedule().cadence == Cadence.MONTH
    assert window.document.undo_stack.count() == 0
