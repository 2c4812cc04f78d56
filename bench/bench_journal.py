"""Edit latency per journal mode: what "the file on disk is always the whole plan" costs.

One edit is one ``set_role`` (one cell, one transaction with its change-log row) on a plan of
1,000 measures × 100 departments, repeated 200 times per mode; the figure is the median edit.
Floors measured in the same run: the same edits on a plan held in memory (no disk at all) and
in WAL mode without checkpoints (what MatrixDesk did before: recent edits only in ``-wal``).

Run: ``uv run python bench/bench_journal.py [FOLDER]`` (FOLDER defaults to a temporary folder;
give one on the disk you care about — a tmpfs has no real fsync). Prints a table and one JSON
line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthetic_plan  # noqa: E402

from matrixdesk.core.model import Role  # noqa: E402
from matrixdesk.store import MatrixStore  # noqa: E402

EDITS = 200
# (label, journal_mode, synchronous, checkpoint after every edit)
MODES = [
    ("wal (floor: edits stay in -wal)", "WAL", "NORMAL", False),
    ("wal + checkpoint each edit", "WAL", "NORMAL", True),
    ("rollback: delete", "DELETE", "FULL", False),
    ("rollback: truncate", "TRUNCATE", "FULL", False),
    ("rollback: persist", "PERSIST", "FULL", False),
]


def edit_times(store: MatrixStore, checkpoint: bool) -> list[float]:
    tasks = [m.id for m in store.measures() if m.level == 2][:EDITS]
    times = []
    for i, m in enumerate(tasks):
        start = time.perf_counter()
        store.set_role(m, 1 + i % 50, Role.SUPPORT if i % 2 else Role.LEAD)
        if checkpoint:
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    plan = synthetic_plan(1000, 100)
    memory = statistics.median(edit_times(MatrixStore.memory(plan), False))
    figures: dict[str, float] = {"memory_ms": round(memory * 1000, 3)}
    rows = []
    wal_floor = 0.0
    for label, mode, sync, checkpoint in MODES:
        path = folder / f"bench-{mode}-{int(checkpoint)}.mdesk"
        store = MatrixStore.create(path, plan, overwrite=True)
        store.db.execute(f"PRAGMA journal_mode = {mode}")
        store.db.execute(f"PRAGMA synchronous = {sync}")
        median = statistics.median(edit_times(store, checkpoint))
        store.close()
        wal_floor = wal_floor or median
        rows.append((label, median))
        key = f"{mode.lower()}{'_checkpoint' if checkpoint else ''}_ms"
        figures[key] = round(median * 1000, 3)
    print(f"{'mode':<34} {'median edit':>12} {'÷ memory':>9} {'÷ wal':>7}")
    print(f"{'in memory (floor: no disk)':<34} {memory * 1000:>9.2f} ms {1:>9.1f} {'':>7}")
    for label, median in rows:
        print(
            f"{label:<34} {median * 1000:>9.2f} ms {median / memory:>9.1f} "
            f"{median / wal_floor:>7.2f}"
        )
    print(json.dumps({"bench": "journal", "folder": str(folder), **figures}))


if __name__ == "__main__":
    main()
