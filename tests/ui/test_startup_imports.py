"""The window comes up without the libraries it does not need yet.

matplotlib (about 0.4 s and 80 MB) is imported when the first chart is drawn, after the
window has painted; openpyxl when a workbook is read or written; numpy only with matplotlib.
Checked in a fresh interpreter, as a user starts the program.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from matrixdesk.ui.application import application
app = application("zh_CN")
from matrixdesk.ui.window import MainWindow
window = MainWindow(persist_layout=False)
window.resize(1400, 900)
window.show()
window.files.open_path(sys.argv[1], remember=False)
painted = []
class Spy(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(True)
        return False
spy = Spy()
window.view.grid.viewport().installEventFilter(spy)
while not painted:
    app.processEvents()
app.processEvents()
loaded = lambda: {m: m in sys.modules for m in ("matplotlib", "numpy", "openpyxl")}
at_paint = loaded()
window.docks.raise_dock("chart")
end = time.perf_counter() + 10
while window.docks.panels["chart"].redraw_count == 0 and time.perf_counter() < end:
    app.processEvents()
    time.sleep(0.01)
print(json.dumps({"at_paint": at_paint, "after_chart": loaded()}))
os._exit(0)
"""


def test_matplotlib_waits_for_the_first_chart(tmp_path, plan_file):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, plan_file], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["at_paint"] == {"matplotlib": False, "numpy": False, "openpyxl": False}
    assert found["after_chart"]["matplotlib"]  # and the chart was drawn
