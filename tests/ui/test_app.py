"""Application set-up: the icon is found and renders (the SVG image plugin is present); the
window closes its plan when the system asks it to stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from matrixdesk.store import MatrixStore
from matrixdesk.store.lock import lock_path
from matrixdesk.ui.application import app_icon


def test_the_application_icon_renders(qapp):
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    assert image.pixelColor(4, 32).red() > 150  # the red frame, so the SVG really drew


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_window_closes_its_plan_on_sigterm_and_sigint(tmp_path, small_plan, signum):
    """`kill` (a logout, a session ending) or Ctrl+C in the terminal that started it ended
    the window at once and left .~lock.plan.mdesk# beside the plan; now it closes as File ▸
    Quit does: the plan closed, the lock released, the layout saved."""
    plan = tmp_path / "plan.mdesk"
    MatrixStore.create(str(plan), small_plan).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env |= {"MATRIXDESK_DATA_DIR": str(tmp_path / "d"), "MATRIXDESK_SETTINGS_DIR": str(tmp_path)}
    window = subprocess.Popen(
        [sys.executable, "-m", "matrixdesk.cli", str(plan)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = lock_path(str(plan))
    try:
        deadline = time.monotonic() + 60
        while not os.path.exists(lock) and window.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert os.path.exists(lock), "the window never opened the plan"
        window.send_signal(signum)
        _out, err = window.communicate(timeout=60)
    finally:
        window.kill()
    assert window.returncode == 128 + signum, err
    assert not os.path.exists(lock)
    ini = (tmp_path / "matrixdesk.ini").read_text(encoding="utf-8")
    assert "[layout]" in ini  # it closed as Quit does: the layout was saved (a kill does not)
    MatrixStore.open(str(plan), lock=True).close()


# The real `run()` in a child process, with a watcher that writes down the first modal box it
# sees (its text), so the test knows when the box is up before it sends the signal.
WATCHED_RUN = """
import pathlib, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from matrixdesk.ui import app

marker = pathlib.Path(sys.argv[1])

def watch():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and box.isVisible():
        marker.write_text(box.text(), encoding="utf-8")
    else:
        QTimer.singleShot(50, watch)

made = app.application

def application(lang):
    qt_app = made(lang)
    QTimer.singleShot(0, watch)
    return qt_app

app.application = application
sys.exit(app.run(sys.argv[2:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("case", ["missing", "in use"])
def test_sigterm_closes_the_start_up_box_and_opens_nothing(tmp_path, small_plan, case):
    """`matrixdesk gone.mdesk` showed "Cannot open plan" before the event loop ran, and a
    SIGTERM (a logout) was ignored until someone clicked OK; a plan in use asked "Open it
    read-only?" the same way. Now the box closes as Cancel would, the program quits as Quit
    does, and no plan is opened after the stop."""
    plan = tmp_path / "plan.mdesk"
    held = None
    if case == "in use":
        MatrixStore.create(str(plan), small_plan).close()
        held = MatrixStore.open(str(plan), lock=True)  # another user has it open
    marker = tmp_path / "box.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env |= {"MATRIXDESK_DATA_DIR": str(tmp_path / "d"), "MATRIXDESK_SETTINGS_DIR": str(tmp_path)}
    window = subprocess.Popen(
        [sys.executable, "-c", WATCHED_RUN, str(marker), str(plan), "--lang", "en"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and window.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "no start-up box appeared"
        window.send_signal(signal.SIGTERM)
        _out, err = window.communicate(timeout=30)  # the box waited for OK: this timed out
    finally:
        window.kill()
        if held is not None:
            held.close()
    shown = marker.read_text(encoding="utf-8")
    assert ("read-only?" in shown) if case == "in use" else ("plan.mdesk" in shown), shown
    assert window.returncode == 128 + signal.SIGTERM, err
    ini = (tmp_path / "matrixdesk.ini").read_text(encoding="utf-8")
    assert "[layout]" in ini  # closed as Quit does
    assert "plan.mdesk" not in ini  # nothing opened after the stop (no recent file)


def test_no_plan_is_opened_once_a_stop_is_under_way(qtbot, monkeypatch, plan_file):
    """A box answered in the instant a stop arrived returns, and the code after it would open
    the plan (and leave its lock behind when the process ends): once a stop is under way,
    opening does nothing."""
    from matrixdesk.ui import signals
    from matrixdesk.ui.window import MainWindow

    window = MainWindow(persist_layout=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(signals, "_STOPPING", [128 + signal.SIGTERM])
    assert not window.files.open_path(plan_file, remember=False)
    assert window.document is None
    assert not os.path.exists(lock_path(plan_file))
    monkeypatch.setattr(signals, "_STOPPING", [])
    assert window.files.open_path(plan_file, remember=False)
    assert os.path.exists(lock_path(plan_file))
    window.files.close_document()
