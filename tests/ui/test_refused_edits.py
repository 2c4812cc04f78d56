"""Edits the store refuses or cannot write (a name taken by a merge, a full disk): one clear
message, no exception out of ``redo``, no phantom step on the undo stack."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from matrixdesk.core.model import Role
from matrixdesk.store import EditError, MatrixStore, WriteError
from matrixdesk.ui import commands as c
from matrixdesk.ui.document import Document


def test_adding_a_name_left_as_an_alias_by_a_merge_is_refused_before_pushing(qapp, small_plan):
    doc = Document(MatrixStore.memory(small_plan))
    refused = []
    doc.refused.connect(refused.append)
    assert doc.push(c.MergeDepartmentsCommand(doc.store, 2, 1))  # 省体育局 becomes an alias
    assert not doc.push(c.AddDepartmentCommand(doc.store, "省体育局"))
    assert isinstance(refused[0], EditError) and "省文化和旅游厅" in refused[0].message
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.store.department(2).name == "省体育局"


def test_a_refusal_inside_redo_never_escapes_and_leaves_no_step(qapp, small_plan):
    """Pushed straight onto a QUndoStack (as the property test does), without the check."""
    from PySide6.QtGui import QUndoStack

    store = MatrixStore.memory(small_plan)
    stack = QUndoStack()
    stack.push(c.MergeDepartmentsCommand(store, 2, 1))
    hook_calls = []
    old_hook = sys.excepthook
    sys.excepthook = lambda *a: hook_calls.append(a)
    try:
        stack.push(c.AddDepartmentCommand(store, "省体育局"))
    finally:
        sys.excepthook = old_hook
    assert not hook_calls and stack.count() == 1


# -- a full disk -----------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB file system (tmpfs with size=); skipped where it cannot be mounted."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    folder = tmp_path / "small"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True).returncode:
        pytest.skip("this machine does not allow mounting a file system")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)])


def _fill(folder) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass  # ENOSPC: the disk is full now
    finally:
        os.close(fd)


def test_an_edit_on_a_full_disk_says_so_and_leaves_no_phantom_step(qapp, small_disk, small_plan):
    path = small_disk / "plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    doc = Document(MatrixStore.open(path, lock=True))
    refused = []
    doc.refused.connect(refused.append)
    try:
        assert doc.push(c.SetRolesCommand(doc.store, [(6, 1, Role.LEAD)]))
        _fill(small_disk)
        before = doc.store.plan()
        big = "很长的说明" * 20_000  # needs new pages: the disk has none
        assert not doc.push(c.EditMeasureCommand(doc.store, 6, text=big))
        assert isinstance(refused[-1], WriteError) and refused[-1].reason == "full"
        assert doc.undo_stack.count() == 1  # only the edit that was saved
        assert doc.store.plan() == before
        os.remove(small_disk / "filler")
        assert doc.push(c.SetRolesCommand(doc.store, [(6, 2, Role.SUPPORT)]))
    finally:
        doc.close()
    again = MatrixStore.open(path, lock=True)
    try:
        assert again.role(6, 1) is Role.LEAD and again.role(6, 2) is Role.SUPPORT
        assert again.measure(6).text == small_plan.measures[5].text
    finally:
        again.close()


def test_the_window_says_the_disk_is_full(qtbot, small_disk, small_plan, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from matrixdesk.ui.window import MainWindow

    path = small_disk / "plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    assert window.files.open_path(str(path))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    _fill(small_disk)
    doc = window.document
    assert not doc.push(c.EditMeasureCommand(doc.store, 6, text="很长的说明" * 20_000))
    assert shown and "disk is full" in shown[0]
    assert doc.undo_stack.count() == 0
    os.remove(small_disk / "filler")
    window.set_document(None)
