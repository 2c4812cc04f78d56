"""The floor of bench_process.py's window start-up, as a whole process: import Qt, read the
plan's tables with sqlite3, paint a bare QTableView over them; prints one JSON line."""

from __future__ import annotations

import json
import os
import resource
import sys
import time

START = time.perf_counter()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    measures = conn.execute("SELECT * FROM measures ORDER BY position, id").fetchall()
    departments = conn.execute("SELECT * FROM departments ORDER BY position").fetchall()
    assignments = conn.execute("SELECT * FROM assignments").fetchall()
    conn.execute("SELECT * FROM targets").fetchall()
    conn.close()
    row_of = {m[0]: r for r, m in enumerate(measures)}
    col_of = {d[0]: c for c, d in enumerate(departments)}
    cells = {
        (row_of[a[0]], col_of[a[1]]): "●" if a[2] == "lead" else "○"
        for a in assignments
        if a[0] in row_of and a[1] in col_of
    }

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else len(measures)

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else len(departments)

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return cells.get((index.row(), index.column()), "")
            return None

    view = QTableView()
    model = Model()
    view.setModel(model)
    view.resize(1600, 1000)
    painted = []

    class Spy(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    spy = Spy()
    view.viewport().installEventFilter(spy)
    view.show()
    while not painted:
        app.processEvents()
    app.processEvents()
    peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps({"painted_s": round(time.perf_counter() - START, 3), "peak_mb": peak}))
    os._exit(0)


if __name__ == "__main__":
    main()
