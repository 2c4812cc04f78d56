"""Fixtures for the GUI tests: private settings and data folders, a plan file on disk, the main
window open on it."""

from __future__ import annotations

import pytest

from matrixdesk.store import MatrixStore
from matrixdesk.ui import i18n


@pytest.fixture(autouse=True, scope="session")
def english_ui(qapp):
    """The window in English as a user who chose English gets it (with its plural forms);
    tests that switch to Chinese switch back to this."""
    i18n.install_translators(qapp, "en")


@pytest.fixture
def documents(tmp_path_factory):
    """The user's "Documents" folder as the file dialogs see it (a temporary folder)."""
    return tmp_path_factory.mktemp("Documents")


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch, documents):
    """Settings, data and Documents in temporary folders, never the user's."""
    monkeypatch.setenv("MATRIXDESK_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("MATRIXDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MATRIXDESK_DOCUMENTS_DIR", str(documents))


@pytest.fixture
def plan_file(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), small_plan).close()
    return str(path)


@pytest.fixture
def open_window(qtbot):
    """``open_window(path, size=(1200, 800))``: the main window, shown at ``size`` and open on
    the plan at ``path`` (its layout and the recent files not kept)."""
    from matrixdesk.ui.window import MainWindow

    def make(path: str, size: tuple[int, int] = (1200, 800)):
        w = MainWindow(persist_layout=False)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        assert w.files.open_path(path, remember=False)
        return w

    return make


@pytest.fixture
def window(open_window, plan_file):
    """The main window open on :func:`plan_file`."""
    return open_window(plan_file)


def walk_menu_actions(window):
    """Every (menu path, QAction) reachable from the window's menu bar, submenus included."""
    found = []

    def visit(menu, path):
        menu.aboutToShow.emit()  # menus filled when they open (recent files)
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                visit(action.menu(), f"{path} ▸ {action.text()}")
            else:
                found.append((path, action))

    for top in window.menuBar().actions():
        visit(top.menu(), top.text())
    return found


@pytest.fixture
def menu_action():
    """``menu_action(window, ActionId.X)``: the action as the user finds it, in the menus."""

    def find(window, action_id):
        for _path, action in walk_menu_actions(window):
            if action.objectName() == str(action_id):
                return action
        raise AssertionError(f"{action_id} is in no menu")

    return find
