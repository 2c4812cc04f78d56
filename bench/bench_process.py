"""Whole-process benchmark: what a user waits for from the command line, interpreter included.

Each figure is the median of several runs of a fresh process, measured from the moment it is
started until it answers, beside its floor measured in the same run (runs interleaved, so a
shared machine loads both alike):

* the window opening a plan until the grid has painted (``launch_window.py``), beside a
  process that imports Qt, reads the same tables with sqlite3 and paints a bare QTableView
  (``launch_floor.py``); peak memory once the window has settled (first check, first chart);
* start-up on the bundled sample: the same, and whether matplotlib was imported by then;
* ``matrixdesk show --json`` and ``matrixdesk check``, beside a process reading the tables
  and writing them as JSON; ``matrixdesk import`` of generated documents (``gen.py``);
* in one process, the curves of the check, ``show --json`` and the report layouts.

Child processes may write bytecode (one warm-up run each): a user's installed copy has it.

    uv run python bench/bench_process.py [--sizes 1000 3000 10000 30000] [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from plans import SIZES, curve_table, plan_file  # noqa: E402

SAMPLE = ROOT / "samples" / "jizhengbanfa-2020-34.mdesk"
SETTLE_S = 4.0
IMPORT_MAX = 10_000
FLOOR_CLI = """
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
tables = {t: conn.execute(f"SELECT * FROM {t}").fetchall()
          for t in ("measures", "departments", "assignments", "targets", "aliases")}
sys.stdout.write(json.dumps(tables, ensure_ascii=False, indent=2))
"""


def child_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copy has its bytecode
    env.update(
        QT_QPA_PLATFORM="offscreen",
        MATRIXDESK_SETTINGS_DIR=str(folder / "settings"),
        MATRIXDESK_DATA_DIR=str(folder / "data"),
    )
    return env


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from start to exit, and what the process printed last."""
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):  # check exits 1 when the plan has errors
        raise RuntimeError(f"{args[:3]} failed: {done.stderr[-800:]}")
    lines = done.stdout.strip().splitlines()
    return seconds, lines[-1] if lines else ""


def window(path: Path, env: dict[str, str], settle: float = 0.0) -> tuple[float, dict]:
    args = [sys.executable, str(HERE / "launch_window.py"), str(path)]
    if settle:
        args += ["--settle", str(settle)]
    seconds, last = run(args, env)
    return seconds, json.loads(last)


def floor(path: Path, env: dict[str, str]) -> tuple[float, dict]:
    seconds, last = run([sys.executable, str(HERE / "launch_floor.py"), str(path)], env)
    return seconds, json.loads(last)


def cli(args: list[str], env: dict[str, str]) -> float:
    return run([sys.executable, "-m", "matrixdesk.cli", *args], env)[0]


def cli_floor(path: Path, env: dict[str, str]) -> float:
    return run([sys.executable, "-c", FLOOR_CLI, str(path)], env)[0]


def median(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


def windows(sizes: list[int], runs: int, env: dict[str, str]) -> dict:
    found: dict = {"open": {}, "floor": {}, "memory": {}, "floor_memory": {}}
    for n in sizes:
        path = plan_file(n)
        ours, base = [], []
        for _ in range(runs):
            base.append(floor(path, env)[0])
            ours.append(window(path, env)[0])
        found["open"][n] = median(ours)
        found["floor"][n] = median(base)
        _, settled = window(path, env, SETTLE_S)
        found["memory"][n] = settled["peak_mb_settled"]
        if not settled.get("matplotlib_settled"):  # the figure would not include a chart
            print(f"… window {n}: no chart drawn in {SETTLE_S} s", file=sys.stderr, flush=True)
        found["floor_memory"][n] = floor(path, env)[1]["peak_mb"]
        print(f"… window {n}", file=sys.stderr, flush=True)
    return found


def sample(runs: int, env: dict[str, str], folder: Path) -> dict:
    copy = folder / "sample.mdesk"
    shutil.copyfile(SAMPLE, copy)
    ours, base, mpl = [], [], []
    for _ in range(runs):
        base.append(floor(copy, env)[0])
        seconds, info = window(copy, env)
        ours.append(seconds)
        mpl.append(info["matplotlib_at_paint"])
    return {"startup_ms": median(ours), "floor_ms": median(base), "matplotlib_at_paint": any(mpl)}


def commands(sizes: list[int], runs: int, env: dict[str, str], folder: Path) -> dict:
    from gen import generate_document

    found: dict = {"show_json": {}, "check": {}, "floor": {}, "import": {}}
    for n in sizes:
        path = str(plan_file(n))
        text = folder / f"doc-{n}.txt"
        importing = n <= IMPORT_MAX  # gen.py numbers items in Chinese up to 9,999
        if importing:
            text.write_text(generate_document(n, 500, 0), encoding="utf-8")
        show, check, base, imp = [], [], [], []
        for _ in range(max(1, runs // 2 + 1)):
            base.append(cli_floor(Path(path), env))
            show.append(cli(["show", path, "--json"], env))
            check.append(cli(["check", path], env))
            if importing:
                out = folder / f"import-{n}.mdesk"
                imp.append(cli(["import", str(text), "-o", str(out), "--force"], env))
        found["show_json"][n] = median(show)
        found["check"][n] = median(check)
        found["floor"][n] = median(base)
        if imp:
            found["import"][n] = median(imp)
        print(f"… commands {n}", file=sys.stderr, flush=True)
    return found


def in_process(sizes: list[int]) -> dict:
    """The whole-plan passes without process start or file reading."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from matrixdesk.cli import plan_to_json
    from matrixdesk.core.validate import validate
    from matrixdesk.report.layout import ReportOptions
    from matrixdesk.report.paint import ensure_app, layout_for, pdf_writer
    from matrixdesk.store import MatrixStore

    ensure_app()
    found: dict = {"open": {}, "check": {}, "json": {}, "matrix": {}, "list": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            store = MatrixStore.open(str(plan_file(n)), read_only=True)
            plan = store.plan()
            store.close()
            found["open"][n] = _best(
                lambda n=n: MatrixStore.open(str(plan_file(n)), read_only=True).close()
            )
            found["check"][n] = _best(lambda p=plan: validate(p))
            found["json"][n] = _best(lambda p=plan: json.dumps(plan_to_json(p), ensure_ascii=False))
            for kind in ("matrix", "list"):
                options = ReportOptions(kind=kind)
                device = pdf_writer(str(Path(tmp) / "x.pdf"), options)
                found[kind][n] = _best(lambda d=device, o=options, p=plan: layout_for(d, p, o))
    return found


def _best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        gc.collect()  # not the collection of the plan just loaded, timed as if it were ours
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times) * 1000, 1)


def ratio(a: dict, b: dict) -> dict:
    return {n: a[n] / b[n] for n in a if b.get(n)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = child_env(folder)
        for n in args.sizes:
            plan_file(n)
        window(plan_file(args.sizes[0]), env)  # warm-up: bytecode, file cache
        floor(plan_file(args.sizes[0]), env)
        cli(["check", str(plan_file(args.sizes[0]))], env)
        w = windows(args.sizes, args.runs, env)
        print(json.dumps({"windows": w}), file=sys.stderr, flush=True)  # kept if a later part fails
        s = sample(args.runs, env, folder)
        c = commands(args.sizes, args.runs, env, folder)
    p = in_process(args.sizes)
    print(
        curve_table(
            "whole processes (ms)",
            {
                "window: start → plan painted": w["open"],
                "  floor: Qt + sqlite3 + bare view": w["floor"],
                "  ratio to the floor": ratio(w["open"], w["floor"]),
                "show --json": c["show_json"],
                "check": c["check"],
                "  floor: sqlite3 + json.dumps": c["floor"],
                "import of a generated document": c["import"],
            },
        )
    )
    print()
    print(
        curve_table(
            "peak memory, window settled (MB)",
            {"MatrixDesk window": w["memory"], "  floor process": w["floor_memory"]},
            unit="MB",
        )
    )
    print()
    print(
        curve_table(
            "in one process (ms)",
            {
                "open the plan (store)": p["open"],
                "check (validate)": p["check"],
                "show --json (build + dumps)": p["json"],
                "report layout: matrix": p["matrix"],
                "report layout: task list": p["list"],
            },
        )
    )
    print()
    print(
        f"start-up on the sample: {s['startup_ms']:.0f} ms (floor {s['floor_ms']:.0f} ms); "
        f"matplotlib imported by the first paint: {s['matplotlib_at_paint']}"
    )
    result = {"bench": "process", "window": w, "sample": s, "commands": c, "in_process": p}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
