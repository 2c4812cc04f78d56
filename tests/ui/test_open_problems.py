"""Opening a plan that cannot simply be edited: the window says why and offers what can still
be done (dialogs patched at the dialog)."""

from __future__ import annotations

import errno
import json
import sqlite3

import pytest

from PySide6.QtWidgets import QAbstractButton, QMessageBox

from matrixdesk.store import MatrixStore
from matrixdesk.store import lock as lock_module
from matrixdesk.store.lock import lock_path
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    yield w
    w.set_document(None)


class Boxes:
    """Records every message box and answers it by clicking the button named ``answer``."""

    def __init__(self, monkeypatch, answer="", question=QMessageBox.StandardButton.Yes):
        self.texts: list[str] = []
        self.buttons: list[list[str]] = []
        boxes = self

        def exec_(box):
            boxes.texts.append(box.text())
            names = [b.text() for b in box.findChildren(QAbstractButton)]
            boxes.buttons.append(names)
            for b in box.findChildren(QAbstractButton):
                standard = box.standardButton(b)
                if answer and (b.text() == answer or standard == answer):
                    b.click()
                    break
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: self.texts.append(a[2]) or None)
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: self.texts.append(a[2]) or question
        )


def test_a_crafted_plan_is_refused_with_a_reason(window, plan_file, monkeypatch):
    conn = sqlite3.connect(plan_file)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON changelog BEGIN DELETE FROM measures; END")
    conn.commit()
    conn.close()
    boxes = Boxes(monkeypatch, question=QMessageBox.StandardButton.No)
    assert not window.files.open_path(plan_file)
    assert "did not create" in boxes.texts[0] and "trigger wipe" in boxes.texts[0]
    assert window.document is None


def test_a_crafted_plan_can_be_opened_as_a_cleaned_copy(window, plan_file, monkeypatch):
    conn = sqlite3.connect(plan_file)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON changelog BEGIN DELETE FROM measures; END")
    conn.commit()
    conn.close()
    before = open(plan_file, "rb").read()
    boxes = Boxes(monkeypatch)  # Yes: make the copy
    assert window.files.open_path(plan_file)
    assert "plan-cleaned.mdesk" in boxes.texts[0]
    assert window.document.path.endswith("plan-cleaned.mdesk")
    assert open(plan_file, "rb").read() == before


def test_a_plan_with_bad_values_lists_them(window, plan_file, monkeypatch):
    conn = sqlite3.connect(plan_file)
    conn.execute("UPDATE targets SET value = '约60' WHERE id = 1")
    conn.commit()
    conn.close()
    boxes = Boxes(monkeypatch)
    assert not window.files.open_path(plan_file)  # it crashed the window before
    assert "'约60', not a number" in boxes.texts[0]


def test_a_plan_held_on_another_pc_without_os_locks_can_be_taken_over(
    window, plan_file, monkeypatch
):
    def no_locks(fd, blocking=True):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.filelock, "lock_descriptor", no_locks)
    record = {"host": "PC-OFFICE-7", "pid": 4242, "user": "李四", "since": "2024-05-06T08:15"}
    with open(lock_path(plan_file), "wb") as fh:
        fh.write(b"\n" + json.dumps(record, ensure_ascii=False).encode())
    boxes = Boxes(monkeypatch, answer="Take Over…")
    assert window.files.open_path(plan_file)
    assert "李四" in boxes.texts[0] and "PC-OFFICE-7" in boxes.texts[0]
    assert "Take Over…" in boxes.buttons[0]
    assert not window.document.read_only


def test_a_plan_held_by_a_live_editor_is_offered_read_only_without_take_over(
    window, plan_file, monkeypatch
):
    other = MatrixStore.open(plan_file, lock=True)  # another window of this process
    try:
        boxes = Boxes(monkeypatch)  # answers the question "Open it read-only?" with Yes
        window.files.open_path(plan_file)
        assert not boxes.buttons  # a plain question: no Take Over button
        assert "another MatrixDesk window" in boxes.texts[0]
        assert window.document is not None and window.document.read_only
    finally:
        window.set_document(None)
        other.close()


def test_a_damaged_plan_offers_its_backup(window, plan_file, tmp_path, monkeypatch):
    backup = tmp_path / "plan.v1-backup.mdesk"
    backup.write_bytes(open(plan_file, "rb").read())
    data = bytearray(open(plan_file, "rb").read())
    for i in range(4096 * 2 + 8, len(data), 97):
        data[i] = 0xA5
    open(plan_file, "wb").write(bytes(data))
    boxes = Boxes(monkeypatch, answer="Open the Backup")
    assert window.files.open_path(plan_file)
    assert "has not been changed" in boxes.texts[0] and "plan.v1-backup.mdesk" in boxes.texts[0]
    assert window.document.path == str(backup) and window.document.read_only
