"""Every item of every menu, triggered on an open plan, does something a user can see — a
dialog opens, a file is written, a message is shown, the plan or the view changes — or it is
disabled (issue 8). Dialogs are patched at the dialog: they record that they opened."""

from __future__ import annotations

import gc
import os

import pytest

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from matrixdesk.store import MatrixStore
from matrixdesk.ui import settings
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


class Recorder:
    """Stands in for every dialog; answers like a user who says yes and types a name."""

    def __init__(self, monkeypatch, out):
        self.opened: list[str] = []
        self.out = out

        def save(parent, title, suggested, filters="", *a, **k):
            self.opened.append(f"save: {title}")
            suffix = os.path.splitext(suggested)[1] or ".xlsx"
            return str(out / f"file{len(self.opened)}{suffix}"), ""

        def ask(kind, answer):
            def dialog(*a, **k):
                self.opened.append(kind)
                return answer(*a) if callable(answer) else answer

            return dialog

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", ask("open", ("", "")))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", ask("open files", ([], "")))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", ask("folder", str(out)))
        yes = QMessageBox.StandardButton.Yes
        for name in ("question", "warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, name, ask(name, yes))
        monkeypatch.setattr(QMessageBox, "about", ask("about", None))
        monkeypatch.setattr(QMessageBox, "exec", ask("message box", 0))
        monkeypatch.setattr(QInputDialog, "getText", ask("text", ("新增名称", True)))
        monkeypatch.setattr(
            QInputDialog, "getItem", ask("item", lambda _p, _t, _l, items, *r: (items[0], True))
        )
        rejected = QDialog.DialogCode.Rejected
        for cls in (QDialog, QPrintDialog, QPageSetupDialog, QPrintPreviewDialog):
            monkeypatch.setattr(cls, "exec", ask(f"{cls.__name__}.exec", rejected))
        monkeypatch.setattr(QDesktopServices, "openUrl", ask("open url", True))


def walk(window):
    """Every (path, action) in the menus, in menu order (menus filled as when they open)."""
    found = []

    def visit(menu, path):
        menu.aboutToShow.emit()
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                visit(action.menu(), f"{path} ▸ {action.text()}")
            else:
                found.append((f"{path} ▸ {action.text()}", action))

    for top in window.menuBar().actions():
        visit(top.menu(), top.text())
    return found


def seen(window, recorder) -> tuple:
    """What a user can see of the window right now."""
    doc = window.document
    docks = tuple(
        (key, dock.isVisible(), not dock.visibleRegion().isEmpty())
        for key, dock in window.docks.docks.items()
    )
    return (
        len(recorder.opened),
        window.statusBar().currentMessage(),
        doc.path if doc else None,
        doc.undo_stack.index() if doc else None,
        doc.undo_stack.count() if doc else None,
        tuple(sorted(os.listdir(recorder.out))),
        QApplication.focusWidget(),
        docks,
        window.isVisible(),
        tuple(a.isChecked() for a in window.actions.values()),
        tuple(settings.recent_files()),
        QApplication.clipboard().text(),
        window.proxy.active,
    )


def prepare(window, plan_file):
    """An open plan with a task cell selected, the keyboard on the grid, no message shown."""
    if not window.isVisible():
        window.show()
    if window.document is None:
        assert window.files.open_path(plan_file)
    window.filter_bar.clear()
    measure = next(m for m in window.document.store.measures() if m.parent_id is not None)
    model, proxy = window.model, window.proxy
    column = model.column_of(window.document.store.departments()[-1].id)
    index = proxy.mapFromSource(model.index(model.row_of(measure.id), column))
    window.view.selection_model.setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    window.raise_()
    window.activateWindow()
    window.view.grid.setFocus()
    window.statusBar().clearMessage()
    QCoreApplication.processEvents()


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    return w


def replace_plans(window, plan_file, tmp_path, small_plan) -> None:
    """Another plan opened, closed, the first opened again, the replaced panels deleted and
    garbage collected between each: an earlier version of the test below failed in a full run
    only, once a previous plan's panels had really gone (Undo's Python object was dead)."""
    other = tmp_path / "other.mdesk"
    MatrixStore.create(str(other), small_plan).close()
    for step in (lambda: window.files.open_path(str(other)), window.files.close_document):
        step()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    assert window.files.open_path(plan_file)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.mark.parametrize("history", ["first plan", "after other plans"])
def test_every_menu_item_does_something_visible_or_is_disabled(
    window, plan_file, tmp_path, monkeypatch, small_plan, history
):
    if history == "after other plans":
        replace_plans(window, plan_file, tmp_path, small_plan)
    out = tmp_path / "out"
    out.mkdir()
    recorder = Recorder(monkeypatch, out)
    QApplication.clipboard().setText("●")  # so Paste has something to paste
    silent, disabled, done = [], [], []
    paths = [p for p, a in walk(window) if a.objectName() != str(ActionId.QUIT)]
    for path in paths:
        prepare(window, plan_file)
        action = dict((p, a) for p, a in walk(window)).get(path)  # the menus may be refilled
        if action is None:
            continue
        if not action.isEnabled():
            disabled.append(path)
            continue
        before = seen(window, recorder)
        action.trigger()
        QCoreApplication.processEvents()
        (silent if seen(window, recorder) == before else done).append(path)
    assert silent == [], "\n".join(silent)
    prepare(window, plan_file)
    quit_action = next(a for _p, a in walk(window) if a.objectName() == str(ActionId.QUIT))
    quit_action.trigger()  # last: closing the last window makes Qt quit
    assert not window.isVisible() and window.document is None
    assert len(done) > 40  # the walk really reached the menus
    assert all("Open Recent" not in p or "(none)" in p for p in disabled)


def test_every_item_of_the_departments_menu_does_something(
    window, plan_file, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    recorder = Recorder(monkeypatch, out)
    silent = []
    panel = window.docks.panels["departments"]
    for action in panel.context_menu().actions():
        if action.isSeparator():
            continue
        window.docks.focus_dock("departments")
        panel.select_department(window.document.store.departments()[1].id)
        window.statusBar().clearMessage()
        if not action.isEnabled():
            continue
        before = seen(window, recorder)
        action.trigger()
        QCoreApplication.processEvents()
        if seen(window, recorder) == before:
            silent.append(action.text())
    assert silent == []
