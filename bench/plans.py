"""Plan files of the benchmark sizes, made once and kept in ``bench/results/plans/``.

Every bench that opens a plan asks :func:`plan_file` for it, so the window, the command line
and the workbooks are measured on the same plans: ``n`` tasks in parts of 20, 500 departments,
three departments a task, a target on about one task in five (``synth.synthetic_plan``).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import synthetic_plan  # noqa: E402

from matrixdesk.store import MatrixStore  # noqa: E402

SIZES = (1_000, 3_000, 10_000, 30_000)
DEPARTMENTS = 500
CACHE = HERE / "results" / "plans"


def plan_file(n_measures: int, n_departments: int = DEPARTMENTS) -> Path:
    """The plan file of that size (made on first use)."""
    path = CACHE / f"plan-{n_measures}x{n_departments}.mdesk"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        MatrixStore.create(str(path), synthetic_plan(n_measures, n_departments)).close()
    return path


def working_copy(n_measures: int, folder: Path, n_departments: int = DEPARTMENTS) -> Path:
    """A copy to edit (the cached file stays as made)."""
    target = folder / f"edit-{n_measures}.mdesk"
    shutil.copyfile(plan_file(n_measures, n_departments), target)
    return target


def label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def median_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def growth(values: dict[int, float]) -> str:
    """How the time grows from one size to the next, per size factor: 1.0 is linear, a
    super-linear step shows as a number well above 1 (quadratic: the size factor itself)."""
    sizes = sorted(values)
    steps = []
    for a, b in zip(sizes, sizes[1:], strict=False):
        if values[a] > 0:
            steps.append(f"{values[b] / values[a] / (b / a):.1f}")
    return " ".join(steps)


def curve_table(title: str, rows: dict[str, dict[int, float]], unit: str = "ms") -> str:
    """A table: one row per measurement, one column per size, then the growth per step."""
    sizes = sorted({n for r in rows.values() for n in r})
    head = f"{title:<38}" + "".join(f"{label(n):>10}" for n in sizes) + "   growth/step"
    lines = [head, "-" * len(head)]
    for name, values in rows.items():
        cells = "".join(f"{values[n]:>10.1f}" if n in values else f"{'':>10}" for n in sizes)
        lines.append(f"{name:<38}{cells}   {growth(values)}")
    lines.append(
        f"({unit}; growth/step: time ratio ÷ size ratio between neighbouring sizes, 1.0 = linear)"
    )
    return "\n".join(lines)
