"""Window benchmark: the whole main window, docks and chart included, on plans of 1k–30k.

Measured in one process, each beside its floor measured in the same run:

* open → painted: a plan opened in the window until the grid has painted, beside reading the
  same tables with ``sqlite3`` and painting a bare QTableView over them (the floor);
* one cell edit: Space on a grid cell until the SQLite commit, and until the changed cells
  (and the panels that follow the edit) are painted; undo (Ctrl+Z) the same; beside a bare
  SQLite transaction on a copy of the file in the same journal mode after each (the floor);
  the window thread's CPU time for it (the wall time also waits for the disk); with
  the first chart drawn (an edit while a chart draws is measured on its own, below), and
  again after 2,000 steps in the undo history (and with the Change Log in front, whose rows
  grow with the history);
* the chart after an edit that changes what it shows: the window's thread asks and shows, a
  worker thread draws; the time on the window's thread, the longest the event loop waited
  meanwhile (beside the longest wait of the same loop with nothing drawn), the wait until the
  new chart is shown, and an edit made while it draws;
* one edit with View ▸ Colour Cells by Status on;
* scroll repaint: the window's grid against a bare QTableView of the same viewport size.

Medians; the table shows the curve over the sizes so a super-linear step stands out.

    uv run python bench/bench_window.py [--sizes 1000 3000 10000 30000] [--edits 20]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = tempfile.mkdtemp(prefix="md-bench-")
os.environ["MATRIXDESK_SETTINGS_DIR"] = _TMP  # never the user's settings
os.environ["MATRIXDESK_DATA_DIR"] = _TMP
sys.path.insert(0, str(Path(__file__).resolve().parent))

from plans import SIZES, curve_table, median_ms, plan_file, working_copy  # noqa: E402

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from matrixdesk.core.model import Role  # noqa: E402
from matrixdesk.ui.actions import ActionId  # noqa: E402
from matrixdesk.ui.application import application  # noqa: E402
from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN  # noqa: E402
from matrixdesk.ui.window import MainWindow  # noqa: E402

WINDOW = (1600, 1000)
RUNS = 3
CHART_RUNS = 9  # charts asked for: the longest wait varies from run to run
HISTORY = 2000  # undo steps before the edits of a long session


class _Painted(QObject):
    def __init__(self, widget) -> None:
        super().__init__()
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.done = True
        return False


def wait_painted(app: QApplication, widget) -> None:
    spy = _Painted(widget)
    while not spy.done:
        app.processEvents()
    app.processEvents()  # the rest of that paint
    widget.removeEventFilter(spy)


def idle(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


# -- the floor: SQLite into tuples, a bare table view ---------------------------------------
class DictModel(QAbstractTableModel):
    def __init__(self, rows: int, cols: int, cells: dict[tuple[int, int], str]) -> None:
        super().__init__()
        self._rows, self._cols, self._cells = rows, cols, cells

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._cols

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells.get((index.row(), index.column()), "")
        return None


def bare_view(path: Path) -> QTableView:
    """What any viewer of the plan must do: read its tables, build a model, paint a view."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        measures = conn.execute("SELECT * FROM measures ORDER BY position, id").fetchall()
        departments = conn.execute("SELECT * FROM departments ORDER BY position").fetchall()
        assignments = conn.execute("SELECT * FROM assignments").fetchall()
        conn.execute("SELECT * FROM targets").fetchall()
    finally:
        conn.close()
    row_of = {m[0]: r for r, m in enumerate(measures)}
    col_of = {d[0]: c for c, d in enumerate(departments)}
    cells = {
        (row_of[a[0]], col_of[a[1]]): "●" if a[2] == "lead" else "○"
        for a in assignments
        if a[0] in row_of and a[1] in col_of
    }
    view = QTableView()
    view.setModel(DictModel(len(measures), len(departments), cells))
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setDefaultSectionSize(28)
    view.resize(*WINDOW)
    return view


def open_floor(app: QApplication, path: Path) -> float:
    t0 = time.perf_counter()
    view = bare_view(path)
    view.show()
    wait_painted(app, view.viewport())
    seconds = time.perf_counter() - t0
    view.close()
    view.deleteLater()
    app.processEvents()
    return seconds


# -- the window -----------------------------------------------------------------------------
def new_window(app: QApplication) -> MainWindow:
    window = MainWindow(persist_layout=False)
    window.resize(*WINDOW)
    window.show()
    idle(app, 0.05)
    return window


def open_window(app: QApplication, window: MainWindow, path: Path) -> float:
    t0 = time.perf_counter()
    assert window.files.open_path(str(path), remember=False)
    wait_painted(app, window.view.grid.viewport())
    return time.perf_counter() - t0


def edit_latency(
    app: QApplication, window: MainWindow, edits: int, floor: CommitFloor | None = None
) -> dict[str, list[float]]:
    """Space on ``edits`` different cells, each then undone with Ctrl+Z (and followed by a
    bare commit of ``floor``)."""
    store = window.document.store
    committed: list[float] = []
    store.subscribe(lambda _event: committed.append(time.perf_counter()))
    grid = window.view.grid
    grid.setFocus()
    times: dict[str, list[float]] = {"commit": [], "painted": [], "undo_painted": [], "cpu": []}
    rows = [
        r for r in range(min(window.proxy.rowCount(), 40)) if window.model.is_editable_cell(r, 2)
    ]
    for i in range(-2, edits):  # two edits first, not counted: the first runs are slower
        window.view.select_cell(rows[i % len(rows)], FIRST_DEPARTMENT_COLUMN + 5 + i)
        idle(app, 0.02)
        t0, c0 = time.perf_counter(), time.thread_time()
        QTest.keyClick(grid, Qt.Key.Key_Space)
        app.processEvents()  # the repaint of the changed cells and the panels' updates
        t1, c1 = time.perf_counter(), time.thread_time()
        if i >= 0:
            times["commit"].append(committed[-1] - t0)
            times["painted"].append(t1 - t0)
            times["cpu"].append(c1 - c0)
        idle(app, 0.02)
        t0 = time.perf_counter()
        QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        app.processEvents()
        if i >= 0:
            times["undo_painted"].append(time.perf_counter() - t0)
        idle(app, 0.25)  # the chart looks after its 200 ms pause
        if floor is not None and i >= 0:
            floor.one()
    return times


def long_history(app: QApplication, window: MainWindow, steps: int) -> None:
    """``steps`` edits pushed on the undo stack as the grid's keys push them (written without
    waiting for the disk, to be quick; the edits measured after it wait as usual)."""
    store, doc = window.document.store, window.document
    tasks = [m.id for m in store.measures() if store.is_task(m.id)][100:]
    departments = [d.id for d in store.departments()]
    store.db.execute("PRAGMA synchronous = OFF")
    try:
        for i in range(steps):
            m, d = tasks[i % len(tasks)], departments[(i * 7) % len(departments)]
            window.model.push_changes([(m, d, None if store.role(m, d) else Role.SUPPORT)])
            if i % 200 == 0:
                app.processEvents()
    finally:
        store.db.execute("PRAGMA synchronous = FULL")
    assert doc.undo_stack.count() >= steps
    os.sync()  # the edits measured next do not wait for these to reach the disk
    idle(app, 0.3)  # the chart asks for its new bars 200 ms after the last edit
    window.docks.panels["chart"].wait_drawn()


class CommitFloor:
    """Bare transactions (a change-log row each) on a copy of the plan, same journal mode:
    one after each edit measured, so that edits and floor see the same load on the disk."""

    def __init__(self, path: Path, journal_mode: str) -> None:
        copy = path.with_name(path.stem + "-floor.mdesk")
        copy.write_bytes(path.read_bytes())
        self.conn = sqlite3.connect(copy, isolation_level=None)
        self.conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        self.times: list[float] = []

    def one(self) -> None:
        t0 = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.execute(
            "INSERT INTO changelog (at, action, summary, detail) VALUES (?, ?, ?, ?)",
            ["2026-01-01T00:00:00", "roles", "1 cells", f'{{"cells": [{len(self.times)}]}}'],
        )
        self.conn.execute("COMMIT")
        self.times.append(time.perf_counter() - t0)

    def close(self) -> None:
        self.conn.close()


def _toggle_busiest(window: MainWindow) -> tuple:
    """An edit in the busiest department (the chart's first bar changes); returns the undo."""
    chart = window.docks.panels["chart"]
    busiest = chart.stats.workload()[0].department.id
    store = window.document.store
    task = next(m.id for m in store.measures() if store.is_task(m.id))
    old = store.role(task, busiest)
    store.set_role(task, busiest, None if old else "support")
    return task, busiest, old


def loop_waits(app: QApplication, seconds: float) -> float:
    """The longest the event loop (as :func:`chart_update` turns it) waits, nothing drawn."""
    gap, last = 0.0, time.perf_counter()
    end = last + seconds
    while last < end:
        app.processEvents()
        time.sleep(0.001)
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
    return gap


def chart_update(app: QApplication, window: MainWindow, runs: int = CHART_RUNS) -> dict[str, float]:
    """An edit that changes the chart's bars until the new picture is shown: the time the
    window's thread spends on it (asking, showing), the longest the event loop went without
    a turn meanwhile, and the whole wait (drawn on the worker thread)."""
    chart = window.docks.panels["chart"]
    window.docks.raise_dock("chart")
    if chart.redraw_count == 0:
        chart.redraw()
    chart.wait_drawn()
    ui, gaps, shown, idle_gaps = [], [], [], []
    for _ in range(runs):
        store = window.document.store
        task, busiest, old = _toggle_busiest(window)
        before = chart.ui_ms
        t0 = time.perf_counter()
        chart.redraw()
        gap, last = 0.0, time.perf_counter()
        while chart.drawing:
            app.processEvents()
            time.sleep(0.001)
            now = time.perf_counter()
            gap, last = max(gap, now - last), now
        shown.append(time.perf_counter() - t0)
        ui.append((chart.ui_ms - before) / 1000)
        gaps.append(gap)
        store.set_role(task, busiest, old)
        chart.redraw()
        chart.wait_drawn()
        idle_gaps.append(loop_waits(app, min(shown[-1], 1.0)))
    return {
        "chart_ui_ms": median_ms(ui),
        "chart_gap_ms": median_ms(gaps),
        "chart_gap_max_ms": round(max(gaps) * 1000, 1),
        "loop_gap_idle_ms": median_ms(idle_gaps),
        "chart_shown_ms": median_ms(shown),
    }


def edits_while_drawing(app: QApplication, window: MainWindow, edits: int) -> list[float]:
    """A key press on the grid 50 ms after a chart was asked for (the worker is drawing):
    key → cells and panels painted, with Python shared between the two threads."""
    chart = window.docks.panels["chart"]
    grid = window.view.grid
    rows = [
        r for r in range(min(window.proxy.rowCount(), 40)) if window.model.is_editable_cell(r, 2)
    ]
    times = []
    for i in range(edits):
        undo = _toggle_busiest(window)
        chart.redraw()
        window.view.select_cell(rows[i % len(rows)], FIRST_DEPARTMENT_COLUMN + 7 + i)
        grid.setFocus()
        idle(app, 0.05)
        t0 = time.perf_counter()
        QTest.keyClick(grid, Qt.Key.Key_Space)
        app.processEvents()
        times.append(time.perf_counter() - t0)
        QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        window.document.store.set_role(*undo)
        chart.redraw()
        chart.wait_drawn()
    return times


def scroll_frames(view, scroll_area, steps: int) -> list[float]:
    vbar, hbar = scroll_area.verticalScrollBar(), scroll_area.horizontalScrollBar()
    frames = []
    for i in range(steps):
        vbar.setValue((vbar.value() + 24 * 7) % max(1, vbar.maximum()))
        if i % 10 == 9:
            hbar.setValue((hbar.value() + 28 * 9) % max(1, hbar.maximum()))
        t0 = time.perf_counter()
        view.grab()
        frames.append(time.perf_counter() - t0)
    return frames


def scroll(app: QApplication, window: MainWindow, path: Path, steps: int) -> tuple[float, float]:
    grid = window.view.grid
    base = bare_view(path)
    base.resize(grid.size())
    base.show()
    app.processEvents()
    ours = scroll_frames(grid.viewport(), grid, steps)
    bare = scroll_frames(base.viewport(), base, steps)
    base.close()
    return statistics.median(ours), statistics.median(bare)


def measure(app: QApplication, n: int, edits: int, steps: int, folder: Path) -> dict:
    path = plan_file(n)
    opened, floors = [], []
    window = None
    for _ in range(RUNS):  # interleaved, so both see the same load on a shared machine
        floors.append(open_floor(app, path))
        if window is not None:
            window.close()
            window.deleteLater()
            idle(app, 0.05)
        window = new_window(app)
        opened.append(open_window(app, window, path))
    assert window is not None
    window.close()
    window.deleteLater()
    window = new_window(app)
    work = working_copy(n, folder)
    open_window(app, window, work)
    idle(app, 1.5)  # the first check and the first chart
    window.docks.panels["chart"].wait_drawn()  # (else every key makes it give way and start
    # again, and the edits measured are edits made while it draws: measured below)
    mode = window.document.store.db.execute("PRAGMA journal_mode").fetchone()[0]
    floor = CommitFloor(work, mode)
    times = edit_latency(app, window, edits, floor)
    commit = floor.times
    floor.close()
    long_history(app, window, HISTORY)
    later = edit_latency(app, window, edits)
    window.docks.raise_dock("changelog")
    idle(app, 0.3)
    logged = edit_latency(app, window, max(5, edits // 2))
    window.docks.raise_dock("findings")
    chart = chart_update(app, window)
    during = edits_while_drawing(app, window, max(5, edits // 2))
    window.actions[ActionId.STATUS_COLOURS].trigger()  # View ▸ Colour Cells by Status
    idle(app, 0.3)
    coloured = edit_latency(app, window, max(5, edits // 2))
    window.actions[ActionId.STATUS_COLOURS].trigger()
    chart_interrupted = window.docks.panels["chart"].worker.interrupted
    frame, bare_frame = scroll(app, window, path, steps)
    window.close()
    window.deleteLater()
    idle(app, 0.05)
    return {
        "measures": n,
        "open_painted_ms": median_ms(opened),
        "open_floor_ms": median_ms(floors),
        "edit_commit_ms": median_ms(times["commit"]),
        "edit_painted_ms": median_ms(times["painted"]),
        "undo_painted_ms": median_ms(times["undo_painted"]),
        "edit_cpu_ms": median_ms(times["cpu"]),
        "edit_after_history_ms": median_ms(later["painted"]),
        "edit_after_history_commit_ms": median_ms(later["commit"]),
        "edit_after_history_cpu_ms": median_ms(later["cpu"]),
        "edit_after_history_changelog_ms": median_ms(logged["painted"]),
        "edit_after_history_changelog_cpu_ms": median_ms(logged["cpu"]),
        "commit_floor_ms": median_ms(commit),
        "journal_mode": mode,
        **chart,
        "edit_while_drawing_ms": median_ms(during),
        "edit_status_colours_ms": median_ms(coloured["painted"]),
        "chart_draws_given_way": chart_interrupted,
        "scroll_frame_ms": round(frame * 1000, 2),
        "scroll_bare_ms": round(bare_frame * 1000, 2),
    }


def report(results: list[dict]) -> str:
    by = {r["measures"]: r for r in results}

    def row(key: str) -> dict[int, float]:
        return {n: r[key] for n, r in by.items()}

    def ratio(a: str, b: str) -> dict[int, float]:
        return {n: r[a] / r[b] for n, r in by.items() if r[b]}

    table = curve_table(
        "window, in-process (ms)",
        {
            "open → painted (whole window)": row("open_painted_ms"),
            "  floor: sqlite3 + bare QTableView": row("open_floor_ms"),
            "  ratio to the floor": ratio("open_painted_ms", "open_floor_ms"),
            "edit: key → SQLite commit": row("edit_commit_ms"),
            "edit: key → cells and panels painted": row("edit_painted_ms"),
            "undo: Ctrl+Z → painted": row("undo_painted_ms"),
            "  edit: the window thread's CPU": row("edit_cpu_ms"),
            f"edit after {HISTORY:,} steps: → painted": row("edit_after_history_ms"),
            "  → SQLite commit": row("edit_after_history_commit_ms"),
            "  the window thread's CPU": row("edit_after_history_cpu_ms"),
            "  with the Change Log in front: → painted": row("edit_after_history_changelog_ms"),
            "    the window thread's CPU": row("edit_after_history_changelog_cpu_ms"),
            "  floor: one bare SQLite commit": row("commit_floor_ms"),
            "  edit painted − commit floor": {
                n: r["edit_painted_ms"] - r["commit_floor_ms"] for n, r in by.items()
            },
            "chart after an edit: window's thread": row("chart_ui_ms"),
            "  longest event-loop wait meanwhile": row("chart_gap_ms"),
            "    the longest of the runs": row("chart_gap_max_ms"),
            "    the same loop, nothing drawn": row("loop_gap_idle_ms"),
            "  until the new chart is shown (worker)": row("chart_shown_ms"),
            "edit while the chart draws: key → painted": row("edit_while_drawing_ms"),
            "edit, cells coloured by status: → painted": row("edit_status_colours_ms"),
            "scroll: grid frame": row("scroll_frame_ms"),
            "  bare QTableView frame": row("scroll_bare_ms"),
            "  ratio to the bare view": ratio("scroll_frame_ms", "scroll_bare_ms"),
        },
    )
    return table + f"\n(journal mode {results[0]['journal_mode']}, window {WINDOW[0]}×{WINDOW[1]})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--steps", type=int, default=100, help="scroll frames")
    args = parser.parse_args(argv)
    app = application("zh_CN")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            results.append(measure(app, n, args.edits, args.steps, Path(tmp)))
            print(f"… {n} measures done", file=sys.stderr, flush=True)
    print(report(results))
    print(json.dumps({"bench": "window", "results": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
