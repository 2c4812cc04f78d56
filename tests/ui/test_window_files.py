"""File dialogs, the save state and the feedback after writing files, driven through the
window's menus and keys with the dialogs patched at the dialog (issue 8)."""

from __future__ import annotations

import os

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from matrixdesk.core.model import Role
from matrixdesk.ui import settings
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


class SaveDialog:
    """QFileDialog.getSaveFileName patched: records where it started, answers ``answer``."""

    def __init__(self, monkeypatch, answer=""):
        self.started: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, parent, title, suggested, filters, *rest, **kw):
        self.started.append(suggested)
        return (str(self.answer), "") if self.answer else ("", "")


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text) or 0
    )
    return shown


# -- the save state ----------------------------------------------------------------------------
def click(qtbot, window, measure_id, department_id):
    model, proxy, grid = window.model, window.proxy, window.view.grid
    index = proxy.mapFromSource(
        model.index(model.row_of(measure_id), model.column_of(department_id))
    )
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )


def test_no_unsaved_marker_after_an_edit_or_undoing_it(qtbot, window):
    """After undoing back to the start the title kept its *: every edit is on disk, so the
    title never claims unsaved work; the status bar says when the plan was saved."""
    click(qtbot, window, 3, 1)
    assert window.document.store.role(3, 1) == Role.LEAD
    for _ in range(2):
        assert "[*]" not in window.windowTitle() and not window.isWindowModified()
        saved = window.findChild(QLabel, "savedState")
        assert saved is not None and "saved" in saved.text().lower()
        qtbot.keyClick(window.view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.store.role(3, 1) is None


def test_ctrl_s_confirms_that_everything_is_saved(qtbot, window, menu_action):
    assert menu_action(window, ActionId.SAVE).isEnabled()
    click(qtbot, window, 3, 1)
    qtbot.keyClick(window.view.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert "plan.mdesk" in message and "saved" in message
    assert window.document.store.role(3, 1) == Role.LEAD  # Ctrl+S is not the grid's S
    wal = window.document.path + "-wal"
    assert not os.path.exists(wal) or os.path.getsize(wal) == 0  # the file holds everything


# -- where dialogs start -----------------------------------------------------------------------
def test_a_dialog_starts_in_documents_never_the_data_folder_or_cwd(
    qtbot, tmp_path, monkeypatch, documents, menu_action
):
    """The sample lives in the hidden data folder; Save As offered it, and other dialogs
    started in the working folder."""
    monkeypatch.chdir(tmp_path)
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    menu_action(w, ActionId.OPEN_SAMPLE).trigger()
    assert w.document is not None and "data" in w.document.path
    dialog = SaveDialog(monkeypatch)
    for action_id in (ActionId.SAVE_AS, ActionId.EXPORT_WORKBOOK, ActionId.EXPORT_PDF):
        menu_action(w, action_id).trigger()
    assert [os.path.dirname(s) for s in dialog.started] == [str(documents)] * 3
    assert os.path.basename(dialog.started[0]) == "jizhengbanfa-2020-34.mdesk"
    opened = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: opened.append(a[2]) or ("", "")
    )
    menu_action(w, ActionId.OPEN).trigger()
    assert opened == [str(documents)]


def test_each_kind_of_file_remembers_its_own_folder(
    window, tmp_path, documents, menu_action, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    dialog = SaveDialog(monkeypatch, out / "matrix.xlsx")
    menu_action(window, ActionId.EXPORT_WORKBOOK).trigger()
    assert (out / "matrix.xlsx").exists()
    dialog.answer = ""
    menu_action(window, ActionId.EXPORT_WORKBOOK).trigger()
    menu_action(window, ActionId.EXPORT_PDF).trigger()
    assert os.path.dirname(dialog.started[1]) == str(out)  # workbooks: where the last one went
    assert os.path.dirname(dialog.started[2]) == str(documents)  # PDFs: not used yet
    assert settings.value(settings.folder_setting("workbook")) == str(out)


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
    window, tmp_path, documents, menu_action, monkeypatch
):
    settings.set_value(settings.folder_setting("pdf"), str(tmp_path / "gone"))
    dialog = SaveDialog(monkeypatch)
    menu_action(window, ActionId.EXPORT_PDF).trigger()
    assert os.path.dirname(dialog.started[0]) == str(documents)


# -- feedback after writing --------------------------------------------------------------------
def test_export_names_the_file_and_opens_it(window, tmp_path, menu_action, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not menu_action(window, ActionId.SHOW_OUTPUT).isEnabled()
    SaveDialog(monkeypatch, tmp_path / "任务分工.xlsx")
    menu_action(window, ActionId.EXPORT_WORKBOOK).trigger()
    message = window.statusBar().currentMessage()
    assert "任务分工.xlsx" in message and str(tmp_path) in message
    links = window.findChild(QLabel, "outputLinks")
    assert links.isVisible() and "Open" in links.text()
    show = menu_action(window, ActionId.SHOW_OUTPUT)
    assert show.isEnabled()
    show.trigger()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "任务分工.xlsx")]
    links.linkActivated.emit("folder")
    assert opened[-1].toLocalFile() == str(tmp_path)


def test_pdf_export_names_the_file_and_its_pages(window, tmp_path, menu_action, monkeypatch):
    SaveDialog(monkeypatch, tmp_path / "矩阵")
    menu_action(window, ActionId.EXPORT_PDF).trigger()
    assert (tmp_path / "矩阵.pdf").read_bytes().startswith(b"%PDF")
    message = window.statusBar().currentMessage()
    assert "矩阵.pdf" in message and "page" in message


def test_a_failed_export_says_what_failed(window, tmp_path, menu_action, monkeypatch, warnings):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    SaveDialog(monkeypatch, blocker / "matrix.xlsx")
    menu_action(window, ActionId.EXPORT_WORKBOOK).trigger()
    assert len(warnings) == 1
    assert "workbook" in warnings[0] and str(blocker) in warnings[0]
    assert "failed" in window.statusBar().currentMessage()
    assert window.feedback.last is None


def test_a_failed_pdf_says_what_failed(window, tmp_path, menu_action, monkeypatch, warnings):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    SaveDialog(monkeypatch, blocker / "report.pdf")
    menu_action(window, ActionId.EXPORT_PDF).trigger()
    assert len(warnings) == 1 and "PDF" in warnings[0] and str(blocker) in warnings[0]


def test_a_plan_made_from_a_document_is_offered_in_documents(
    window, documents, monkeypatch, menu_action, small_plan
):
    from matrixdesk.ui.dialogs import import_dialog

    monkeypatch.setattr(
        import_dialog, "run_import_dialog", lambda parent, create: create(small_plan, "")
    )
    dialog = SaveDialog(monkeypatch)
    menu_action(window, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert [os.path.dirname(s) for s in dialog.started] == [str(documents)]
    assert os.path.basename(dialog.started[0]) == "吉政办发[2020]34号.mdesk"
