"""Run every benchmark in this folder and gather their JSON lines into bench/results/latest.json.

Run: ``uv run python bench/run_all.py [name ...]`` (names like ``parse``, ``store``, ``grid``,
``export``). Figures are medians measured in one run; compare ratios, not seconds, across machines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    results, failed = [], []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        proc = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, env=env, cwd=HERE.parent
        )
        print(proc.stdout, end="")
        if proc.returncode:
            failed.append(script.stem)
            print(proc.stderr[-2000:], file=sys.stderr)
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                try:
                    results.append(json.loads(line))
                except ValueError:
                    pass
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    print(f"{len(results)} result lines -> {out / 'latest.json'}; failed: {failed or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
