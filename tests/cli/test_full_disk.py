"""A really full disk and a really killed export, for reports, charts and workbooks.

The full disk is a 384 KB tmpfs mounted in a private mount namespace (``unshare -m``, root only;
skipped elsewhere with the reason): the previous files stay as they were, the command says the
disk is full, and no temporary file is left. The killed export leaves a hidden temporary file
that the next export into the folder removes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from matrixdesk.core import safefile

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "jizhengbanfa-2020-34.mdesk"

SCRIPT = r"""
import contextlib, io, json, os, sys
from matrixdesk.cli import main
disk = sys.argv[1]
old = {"r.pdf": b"%PDF old report", "c.png": b"old chart", "m.xlsx": b"old workbook"}
for name, data in old.items():
    with open(os.path.join(disk, name), "wb") as f:
        f.write(data)
filler = os.open(os.path.join(disk, "filler"), os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(filler, b"x" * 4096)
except OSError:
    pass
os.ftruncate(filler, os.fstat(filler).st_size - 4096)  # leave about 4 KB free
os.close(filler)
results = {}
for name, argv in {
    "r.pdf": ["report", sys.argv[2], "-o", os.path.join(disk, "r.pdf")],
    "c.png": ["chart", sys.argv[2], "-o", os.path.join(disk, "c.png")],
    "m.xlsx": ["export", sys.argv[2], "-o", os.path.join(disk, "m.xlsx")],
}.items():
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    with open(os.path.join(disk, name), "rb") as f:
        kept = f.read() == old[name]
    results[name] = {"code": code, "err": err.getvalue(), "kept": kept}
results["left"] = sorted(n for n in os.listdir(disk) if n not in old and n != "filler")
print(json.dumps(results))
"""


def _can_mount() -> str | None:
    if sys.platform != "linux" or os.geteuid() != 0:
        return "a private tmpfs needs root on Linux"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is missing"
    return None


@pytest.mark.skipif(_can_mount() is not None, reason=str(_can_mount()))
def test_a_full_disk_keeps_the_previous_files_and_says_so(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(SCRIPT, encoding="utf-8")
    command = (
        f"mount -t tmpfs -o size=384k tmpfs {disk} && "
        f"exec {sys.executable} {script} {disk} {SAMPLE}"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        ["unshare", "-m", "sh", "-c", command], capture_output=True, text=True, env=env, timeout=300
    )
    if run.returncode != 0 and "mount" in run.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout.strip().splitlines()[-1])
    for name in ("r.pdf", "c.png", "m.xlsx"):
        assert results[name]["code"] == 2, (name, results)
        assert "disk is full" in results[name]["err"], results[name]
        assert f"/{name}:" in results[name]["err"] and ".part" not in results[name]["err"]
        assert results[name]["kept"], f"{name} was changed"
    assert results["left"] == []  # no temporary file stays behind


def test_an_export_killed_midway_leaves_only_a_hidden_file_the_next_export_removes(tmp_path):
    folder = tmp_path / "各部门"
    plan = tmp_path / "big.mdesk"
    make = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from report.test_paint import synthetic_plan;"
        "from matrixdesk.store import MatrixStore;"
        "MatrixStore.create(sys.argv[1], synthetic_plan(3000, 60)).close()"
    )
    subprocess.run([sys.executable, "-c", make, str(plan), str(ROOT / "tests")], check=True)
    export = subprocess.Popen(
        [sys.executable, "-m", "matrixdesk.cli", "export", str(plan), "--per-department",
         str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and export.poll() is None:
        if folder.is_dir() and any(p.suffix == ".part" for p in folder.iterdir()):
            break
        time.sleep(0.05)
    if export.poll() is not None:
        pytest.skip("the export finished before it could be killed")
    export.send_signal(signal.SIGKILL)
    export.wait()
    left = [p.name for p in folder.iterdir()]
    assert left and all(n.startswith(safefile.TEMP_PREFIX) for n in left), left  # hidden only
    subprocess.run(
        [sys.executable, "-m", "matrixdesk.cli", "export", str(plan), "--per-department",
         str(folder)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 60 and all(n.endswith(".xlsx") for n in names)
