"""Paths compared as Windows compares them: the open plan reached through a second name (a hard
link; on Windows also another case or drive letter) is the same plan."""

from __future__ import annotations

import os

import pytest

from PySide6.QtWidgets import QFileDialog

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    return w


def test_save_as_onto_the_open_plan_by_another_name_writes_nothing(
    window, plan_file, tmp_path, monkeypatch
):
    window.document.store.set_role(3, 1, Role.LEAD)
    alias = tmp_path / "same-plan.mdesk"
    os.link(plan_file, alias)
    before = os.stat(plan_file).st_mtime_ns
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(alias), ""))
    window.action(ActionId.SAVE_AS).trigger()
    assert window.document.path == plan_file  # still working in the plan, not in a "copy"
    assert os.stat(plan_file).st_mtime_ns == before
    window.action(ActionId.CLOSE).trigger()
    assert MatrixStore.open(plan_file, read_only=True).role(3, 1) == Role.LEAD


def test_opening_the_open_plan_by_another_name_keeps_it_open(window, plan_file, tmp_path):
    alias = tmp_path / "same-plan.mdesk"
    os.link(plan_file, alias)
    store = window.document.store
    assert window.files.open_path(str(alias))
    assert window.document.store is store  # not reopened (which its own lock would refuse)
