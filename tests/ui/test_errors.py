"""Errors in the packaged (windowed) program: no console, yet nothing vanishes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from matrixdesk.core import errorlog
from matrixdesk.ui import app, folders, settings
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes executed (none is shown): their text and details."""
    shown: list[tuple[str, str]] = []

    def fake_exec(box) -> int:
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_without_stderr_the_error_hook_still_shows_its_dialog_and_logs(
    qapp, monkeypatch, dialogs, caplog
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "stderr", None)  # the windowed build has no console
    app.install_excepthook()
    with caplog.at_level(logging.ERROR, logger=errorlog.LOGGER):
        try:
            {}["missing"]
        except KeyError:
            sys.excepthook(*sys.exc_info())
    ((text, details),) = dialogs
    assert "Your plan is safe" in text and "KeyError: 'missing'" in details
    assert any("KeyError: 'missing'" in r.getMessage() for r in caplog.records)


def test_the_dialog_names_the_log_file(qapp, monkeypatch, dialogs, tmp_path):
    monkeypatch.setenv(errorlog.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setattr(errorlog, "_state", {})
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errorlog.start_logging(crash=False)
    try:
        app.install_excepthook()
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        errorlog.stop_logging()
    ((text, _),) = dialogs
    assert str(errorlog.log_path()) in text
    assert "RuntimeError: boom" in errorlog.log_path().read_text(encoding="utf-8")


def test_the_about_box_opens_the_log_folder(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv(errorlog.ENV_DATA_DIR, str(tmp_path / "data"))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))

    def click_open_log_folder(box) -> int:
        (button,) = [b for b in box.buttons() if b.text() == "Open Log Folder"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open_log_folder)
    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    window.actions[ActionId.ABOUT].trigger()
    assert opened == [str(tmp_path / "data" / "logs")]
    assert Path(opened[0]).is_dir()


def test_settings_logs_and_the_sample_live_in_the_local_folder_on_windows(monkeypatch):
    monkeypatch.delenv(errorlog.ENV_DATA_DIR, raising=False)
    monkeypatch.delenv(settings.ENV_DIR, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", "/users/zs/AppData/Local")
    monkeypatch.setenv("APPDATA", "/users/zs/AppData/Roaming")
    local = Path("/users/zs/AppData/Local/MatrixDesk")
    assert folders.data_dir() == local  # the sample's working copy
    assert settings.settings_path().parent == local
    assert errorlog.log_dir() == local / "logs"
