"""Files in the window: new from a pasted document, plans in use, bad files, Save As, recent
files, the sample on first run, the error hook and the screenshot."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui import settings
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow

DOC = """关于测试的通知
一、总体要求
(一)加强领导。各部门要加强领导,到2022年建成示范点10个以上。(省发展改革委、省财政厅负责)
(二)加强宣传。做好宣传工作。
"""


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def messages(monkeypatch):
    """Every message box the window shows, instead of showing it."""
    shown: list[tuple[str, str]] = []

    def record(kind, answer=None):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return shown


def test_new_plan_from_pasted_text_with_preview(qtbot, window, tmp_path, monkeypatch):
    from matrixdesk.ui.dialogs.import_dialog import ImportDialog

    seen = {}

    def fake_exec(dialog):
        qtbot.addWidget(dialog)
        dialog.text_edit.setPlainText(DOC)
        dialog.next_button.click()  # the preview
        seen["flagged"] = dialog.model.flagged_rows()
        seen["rows"] = dialog.model.rowCount()
        dialog.back_button.click()  # fix the text, preview again
        dialog.text_edit.setPlainText(
            DOC.replace("做好宣传工作。", "做好宣传工作。(省委宣传部负责)")
        )
        dialog.next_button.click()
        seen["flagged_after"] = dialog.model.flagged_rows()
        dialog.create_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    target = tmp_path / "新计划.mdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action(ActionId.NEW_FROM_DOCUMENT).trigger()
    assert seen == {"flagged": [2], "rows": 3, "flagged_after": []}
    assert target.exists()
    store = window.document.store
    assert window.document.path == str(target)
    assert [d.name for d in store.departments()] == ["省发展改革委", "省财政厅", "省委宣传部"]
    assert window.windowTitle().startswith("新计划.mdesk")


def test_cancelled_import_creates_nothing(window, tmp_path, monkeypatch):
    from matrixdesk.ui.dialogs.import_dialog import ImportDialog

    monkeypatch.setattr(ImportDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked"))
    window.action(ActionId.NEW_FROM_DOCUMENT).trigger()
    assert window.document is None


def test_plan_in_use_opens_read_only(qtbot, window, plan_file, messages):
    assert window.files.open_path(plan_file)
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.files.open_path(plan_file)
    assert messages and messages[0][0] == "question"
    assert "already open" in messages[0][1] or "已" in messages[0][1]
    assert other.document.read_only
    assert other.windowTitle() == "plan.mdesk [read-only] — MatrixDesk"
    assert not other.action(ActionId.SET_LEAD).isEnabled()
    assert not other.action(ActionId.ADD_MEASURE).isEnabled()
    assert not other.model.setData(other.model.index(2, 2), Role.LEAD)
    other.editor.cycle_at(other.proxy.index(2, 3))
    assert other.document.undo_stack.count() == 0
    other.close()


def test_plan_in_use_declined_changes_nothing(qtbot, window, plan_file, monkeypatch):
    assert window.files.open_path(plan_file)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    other = MainWindow()
    qtbot.addWidget(other)
    assert not other.files.open_path(plan_file)
    assert other.document is None


def _newer(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def _damaged(path):
    data = open(path, "rb").read()
    open(path, "wb").write(data[:100] + b"\0" * 5000 + data[5100:])


def _foreign(path):
    open(path, "w", encoding="utf-8").write("这不是计划文件")


@pytest.mark.parametrize("spoil", [_newer, _damaged, _foreign])
def test_bad_files_give_a_message_and_change_nothing(window, plan_file, tmp_path, messages, spoil):
    bad = str(tmp_path / "bad.mdesk")
    MatrixStore.create(bad, MatrixStore.open(plan_file).plan()).close()
    spoil(bad)
    before = open(bad, "rb").read()
    assert window.files.open_path(plan_file)
    assert not window.files.open_path(bad)
    assert [k for k, _ in messages] == ["warning"]
    assert "bad.mdesk" in messages[0][1]
    assert "Traceback" not in messages[0][1]
    assert open(bad, "rb").read() == before
    assert window.document.path.endswith("plan.mdesk")  # the open plan stays


def test_save_as_goes_on_in_the_copy(window, plan_file, tmp_path, monkeypatch):
    assert window.files.open_path(plan_file)
    window.document.store.set_role(3, 1, Role.LEAD)
    copy = tmp_path / "copy.mdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy)[:-6], ""))
    window.action(ActionId.SAVE_AS).trigger()
    assert window.document.path == str(copy)
    window.document.store.set_role(3, 2, Role.SUPPORT)
    window.action(ActionId.CLOSE).trigger()
    original, saved = MatrixStore.open(plan_file), MatrixStore.open(str(copy))
    assert original.role(3, 1) == Role.LEAD and original.role(3, 2) is None
    assert saved.role(3, 1) == Role.LEAD and saved.role(3, 2) == Role.SUPPORT
    assert settings.recent_files()[:2] == [str(copy), plan_file]


def test_open_dialog_and_recent_menu(window, plan_file, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (plan_file, ""))
    window.action(ActionId.OPEN).trigger()
    assert window.document is not None
    window.action(ActionId.CLOSE).trigger()
    menu = window.submenus["recent"]
    window.files.fill_recent_menu()
    entries = [a for a in menu.actions() if a.statusTip() == plan_file]
    assert entries
    entries[0].trigger()
    assert window.document.path == plan_file


def test_first_run_opens_a_copy_of_the_sample(window, tmp_path):
    assert window.files.open_startup()
    path = window.document.path
    assert path.startswith(str(tmp_path / "data"))
    assert len(window.document.store.measures()) > 40
    window.action(ActionId.CLOSE).trigger()
    assert settings.value(settings.SAMPLE_OFFERED)


def test_startup_reopens_the_last_plan(window, plan_file):
    settings.add_recent_file(plan_file)
    assert window.files.open_startup()
    assert window.document.path == plan_file


def test_excepthook_shows_a_dialog(qapp, monkeypatch):
    from matrixdesk.ui import app

    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    app.install_excepthook()
    try:
        raise ValueError("boom")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown and "ValueError: boom" in shown[0]


def test_screenshot(qapp, plan_file, tmp_path):
    from PySide6.QtGui import QImage

    from matrixdesk.ui.screenshot import take_screenshot

    before = open(plan_file, "rb").read()
    out = take_screenshot(plan_file, tmp_path / "shot.png", (1280, 800), select="1.2")
    assert open(plan_file, "rb").read() == before  # the user's file is not touched
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert not (tmp_path / "settings" / "matrixdesk.ini").exists() or not settings.recent_files()


def test_run_parses_arguments():
    from matrixdesk.ui.app import parse_args

    args = parse_args(["a.mdesk", "--screenshot", "out.png", "--lang", "en"])
    assert (args.plan, args.screenshot, args.lang) == ("a.mdesk", "out.png", "en")
