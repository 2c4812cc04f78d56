"""Defects found walking the collect loop as a coordinator: what a refused workbook's preview
must say so that the department can be told what to fix."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from matrixdesk.exchange import export_departments
from matrixdesk.store import MatrixStore
from matrixdesk.ui import i18n
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.dialogs.collect_dialog import CollectDialog


@pytest.fixture
def chinese(qapp):
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


def test_a_refused_workbook_says_how_many_rows_it_lost_and_which_period_it_names(
    chinese, window, plan_file, tmp_path, monkeypatch, menu_action, fill_workbook
):
    """A department deleted a task row; another typed a period over A2. The command line said
    (2 of 3 rows) and (2099-01); the window's preview said only that rows were added or removed
    and that the plan has not that period, leaving the coordinator to guess."""
    store = MatrixStore.open(plan_file)
    files = {p.stem: p for p in export_departments(store.plan(), tmp_path / "o", period="2026-11")}
    store.close()
    sent = {name: _task_rows(path) for name, path in files.items()}
    name = next(n for n, rows in sent.items() if rows >= 2)
    short = fill_workbook(
        files[name], edit=lambda wb: wb["任务进展"].delete_rows(5), save_as=tmp_path / "少一行.xlsx"
    )

    def other_period(wb) -> None:
        wb["任务进展"]["A2"] = "2099-01"

    late = fill_workbook(files[name], edit=other_period, save_as=tmp_path / "期次.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([short, late], ""))
    seen = []

    def user(dialog):
        dialog.show()
        QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        for i in range(dialog.tree.topLevelItemCount()):
            seen.append(dialog.tree.topLevelItem(i).child(0).text(0))
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()
    rows = sent[name]
    assert seen == [
        f"工作簿中有行被添加或删除。表中现有任务 {rows - 1} 行，发出时为 {rows} 行。",
        "报送期次不在本任务分工中。该工作簿填报的期次为2099年1月。",
    ]


def _task_rows(path) -> int:
    from openpyxl import load_workbook

    ws = load_workbook(path)["任务进展"]
    return sum(1 for row in ws.iter_rows(min_row=4) if row[0].value is not None)
