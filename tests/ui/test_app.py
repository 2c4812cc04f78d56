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
