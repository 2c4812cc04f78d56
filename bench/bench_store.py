"""Store figures: create and open a 10,000 × 500 plan, a 1,000-cell edit and its undo.

Run: ``uv run python bench/bench_store.py``. Prints a table and one JSON line; medians of 5.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import median_time, synthetic_plan  # noqa: E402

from matrixdesk.core.model import Role  # noqa: E402
from matrixdesk.store import MatrixStore  # noqa: E402


def main() -> None:
    plan = synthetic_plan(10_000, 500)
    folder = Path(tempfile.mkdtemp())
    path = folder / "big.mdesk"
    create = median_time(lambda: MatrixStore.create(path, plan, overwrite=True).close(), 3)
    open_ = median_time(lambda: MatrixStore.open(path).close())
    store = MatrixStore.open(path)
    tasks = [m.id for m in store.measures() if m.level == 2][:1000]
    cells = [(m, 7, Role.SUPPORT) for m in tasks]
    before = {m: store.assignments_of(m) for m in tasks}
    edit = median_time(lambda: store.set_roles(cells))
    undo = median_time(lambda: store.replace_assignments(before))
    lookups = median_time(lambda: [store.role(m, d) for m in tasks for d in range(1, 101)])
    store.close()
    figures = {
        "plan": "10000 measures x 500 departments, 30000 assignments",
        "create_s": round(create, 3),
        "open_s": round(open_, 3),
        "edit_1000_cells_s": round(edit, 4),
        "undo_1000_cells_s": round(undo, 4),
        "role_lookups_100k_s": round(lookups, 4),
        "file_mb": round(path.stat().st_size / 1e6, 1),
    }
    for key, value in figures.items():
        print(f"{key:<22} {value}")
    print(json.dumps({"bench": "store", **figures}))


if __name__ == "__main__":
    main()
