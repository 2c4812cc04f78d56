"""Rendering the main window with a plan to a PNG (docs, ``matrixdesk --screenshot``).

The window neither reads nor writes the saved layout and the plan is not added to the recent
files, so a screenshot leaves the user's preferences alone. The window shows a temporary copy
of the plan: opening a file for editing rewrites its header, and a screenshot must leave the
user's file byte-for-byte as it was (the bundled sample included).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer


def _settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def take_screenshot(
    plan_path: str | Path,
    out_png: str | Path,
    size: tuple[int, int] = (1600, 1000),
    select: str | None = None,
    language: str | None = None,
) -> Path:
    """Open ``plan_path`` in a main window of ``size``, grab it and save ``out_png``.

    ``select`` is a measure code (e.g. ``"1.1.2"``) to make current, so the measure panel shows
    it; by default the first task is current.
    """
    from .application import application
    from .window import MainWindow

    application(language)
    folder = tempfile.mkdtemp(prefix="matrixdesk-shot-")
    copy = Path(folder) / Path(plan_path).name
    shutil.copyfile(plan_path, copy)  # (the caller checked it is a plan: not a pipe)
    window = MainWindow(persist_layout=False)
    try:
        if not window.files.open_path(str(copy), quiet=True, remember=False, silent=True):
            raise RuntimeError(f"cannot open {plan_path}")
        window.resize(*size)
        window.show()
        _settle()
        if select and window.document is not None:
            for m in window.document.store.measures():
                if m.code == select:
                    first = window.document.store.assignments_of(m.id)[:1]
                    window.select_measure(m.id, first[0].department_id if first else None)
                    break
        _settle()
        chart = window.docks.panels.get("chart")
        if chart is not None:  # drawn on a worker thread a moment after the window is up
            if chart.redraw_count == 0:
                chart.redraw()
            chart.wait_drawn()
            _settle()
        out = Path(out_png)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise OSError(f"cannot write {out}")
        return out
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
        shutil.rmtree(folder, ignore_errors=True)
