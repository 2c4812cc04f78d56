"""Benchmark: parse_text on generated documents of growing size.

Run ``uv run python bench/bench_parse.py`` (``--quick`` for a smoke run). Prints a table and one
JSON line; the target is under 1.5 s for 10,000 measures and about 500 departments.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import generate_document  # noqa: E402

from matrixdesk.parse import parse_text  # noqa: E402

TARGET_SECONDS = 1.5


def time_parse(text: str, runs: int) -> tuple[float, object]:
    """Median wall time of ``runs`` parses, and the last plan."""
    times, plan = [], None
    for _ in range(runs):
        start = time.perf_counter()
        plan = parse_text(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times), plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [(100, 20), (1000, 100)] if args.quick else [(100, 20), (1000, 100), (10000, 500)]
    runs = 1 if args.quick else args.runs
    rows = []
    for n_measures, n_departments in sizes:
        text = generate_document(n_measures, n_departments, seed=0)
        seconds, plan = time_parse(text, runs)
        rows.append(
            {
                "measures": len(plan.measures),
                "departments": len(plan.departments),
                "assignments": len(plan.assignments),
                "targets": len(plan.targets),
                "chars": len(text),
                "median_s": round(seconds, 4),
                "us_per_measure": round(seconds / max(1, len(plan.measures)) * 1e6, 1),
            }
        )
    header = f"{'measures':>9} {'depts':>6} {'assigns':>8} {'targets':>8} {'chars':>9} "
    print(header + f"{'median s':>9} {'µs/measure':>11}")
    for r in rows:
        print(
            f"{r['measures']:>9} {r['departments']:>6} {r['assignments']:>8} {r['targets']:>8} "
            f"{r['chars']:>9} {r['median_s']:>9.3f} {r['us_per_measure']:>11.1f}"
        )
    biggest = rows[-1]["median_s"]
    ok = args.quick or biggest < TARGET_SECONDS
    print(json.dumps({"bench": "parse_text", "runs": runs, "target_s": TARGET_SECONDS,
                      "ok": ok, "results": rows}, ensure_ascii=False))  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
