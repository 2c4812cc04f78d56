"""Exporting from the window: progress, cancel and errors without modal dialogs."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook

from PySide6.QtWidgets import QFileDialog, QProgressDialog

from matrixdesk.ui.dialogs import export_dialog
from matrixdesk.ui.dialogs.export_dialog import (
    export_with_progress,
    progress_callback,
    progress_dialog,
    run_export,
)


@pytest.fixture
def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(
        export_dialog.QMessageBox, "warning", lambda *args: shown.append(args[2]) or 0
    )
    return shown


def test_master_through_the_dialog(qtbot, small_plan, tmp_path, warnings_shown):
    path = tmp_path / "master.xlsx"
    assert export_with_progress(None, small_plan, path=path)
    assert "责任矩阵" in load_workbook(path).sheetnames
    assert warnings_shown == []


def test_departments_through_the_dialog(qtbot, small_plan, tmp_path, warnings_shown):
    assert export_with_progress(None, small_plan, folder=tmp_path / "deps")
    assert len(os.listdir(tmp_path / "deps")) == 4


def test_run_export_both(small_plan, tmp_path):
    written = run_export(small_plan, tmp_path / "m.xlsx", tmp_path / "d")
    assert written[0] == tmp_path / "m.xlsx" and len(written) == 5


def test_callback_follows_the_dialog(qtbot):
    dialog = progress_dialog(None)
    report = progress_callback(dialog)
    assert report(3, 10) is True
    assert (dialog.value(), dialog.maximum()) == (3, 10)
    dialog.cancel()
    assert report(4, 10) is False
    dialog.deleteLater()


def test_cancel_leaves_nothing(qtbot, small_plan, tmp_path, monkeypatch, warnings_shown):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert not export_with_progress(None, small_plan, path=tmp_path / "m.xlsx")
    assert os.listdir(tmp_path) == []
    assert warnings_shown == []  # a cancel is not an error


def test_error_is_shown(qtbot, small_plan, tmp_path, warnings_shown):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not export_with_progress(None, small_plan, folder=blocker)
    assert len(warnings_shown) == 1 and str(blocker) in warnings_shown[0]


def test_asks_for_a_path_when_none_given(qtbot, small_plan, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x"), ""))
    assert export_with_progress(None, small_plan)
    assert (tmp_path / "x.xlsx").exists()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert not export_with_progress(None, small_plan)
