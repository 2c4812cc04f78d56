"""Started as a whole process by bench_process.py: the window's own start-up path with a plan,
until the grid has painted; prints seconds since the interpreter started and peak memory.

    python bench/launch_window.py PLAN [--settle SECONDS]

With ``--settle`` it then keeps the window running (the first check and the first chart are
done in that time) and reports the peak memory again. It prints one JSON line and leaves with
``os._exit`` so Python's teardown of a big heap is not counted.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

START = time.perf_counter()


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    plan = sys.argv[1]
    settle = float(sys.argv[sys.argv.index("--settle") + 1]) if "--settle" in sys.argv else 0.0
    from PySide6.QtCore import QEvent, QObject

    from matrixdesk.ui.app import install_excepthook
    from matrixdesk.ui.application import application

    app = application(None)
    install_excepthook()
    from matrixdesk.ui.window import MainWindow

    window = MainWindow()
    window.show()
    window.files.open_startup(plan)
    painted = []

    class Spy(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    spy = Spy()
    window.view.grid.viewport().installEventFilter(spy)
    while not painted:
        app.processEvents()
    app.processEvents()
    result = {
        "painted_s": round(time.perf_counter() - START, 3),
        "peak_mb_painted": peak_mb(),
        "matplotlib_at_paint": "matplotlib" in sys.modules,
    }
    if settle:
        # the chart in front: the offscreen screen (800×800) makes the window compact, and
        # there the chart's tab is behind the measure panel's and draws nothing
        window.docks.raise_dock("chart")
    end = time.perf_counter() + settle
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)
    if settle:
        result["peak_mb_settled"] = peak_mb()
        result["matplotlib_settled"] = "matplotlib" in sys.modules
    print(json.dumps(result), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
