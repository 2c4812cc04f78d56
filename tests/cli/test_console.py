"""The command line from cmd.exe on Chinese Windows, and errors that must not vanish.

cmd.exe's code page is 936 (GBK): a redirected ``show --json > plan.json`` used to come out
in GBK (not the UTF-8 JSON promises) and a character outside GBK stopped the command with
UnicodeEncodeError. The streams are played here by TextIOWrappers in cp936.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matrixdesk import cli
from matrixdesk.core import errorlog
from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.store import MatrixStore

ROOT = Path(__file__).resolve().parents[2]
# 𠮷 (extension B) and • are not in GBK; 省文化和旅游厅 is
NAMES = ("省文化和旅游厅", "𠮷林省•数据局")


class GbkStream(io.TextIOWrapper):
    """A standard stream of a Chinese Windows: code page 936, a file or a console."""

    def __init__(self, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding="cp936", errors="strict")
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def data(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()  # type: ignore[attr-defined]


@pytest.fixture
def plan_path(tmp_path) -> str:
    deps = [Department(i + 1, n, position=i) for i, n in enumerate(NAMES)]
    m = Measure(1, "1", "1.", 1, "推进“一网通办”•提速", annotated=True)
    plan = Plan(
        measures=[m],
        departments=deps,
        assignments=[Assignment(1, 1, Role.LEAD, 0), Assignment(1, 2, Role.SUPPORT, 1)],
    )
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), plan).close()
    return str(path)


def test_show_json_redirected_to_a_file_is_utf8(plan_path, monkeypatch):
    out = GbkStream(tty=False)
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["show", plan_path, "--json"]) == 0
    doc = json.loads(out.data().decode("utf-8"))
    assert [d["name"] for d in doc["departments"]] == list(NAMES)


def test_a_gbk_console_shows_what_it_can_and_never_fails(plan_path, monkeypatch):
    out = GbkStream(tty=True)
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["show", plan_path]) == 0
    text = out.data().decode("cp936")
    assert "省文化和旅游厅" in text and "林省" in text and "推进" in text


def test_errors_on_a_gbk_console_never_fail(monkeypatch, tmp_path):
    err = GbkStream(tty=True)
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["show", str(tmp_path / "𠮷•.mdesk")]) == 2
    assert "matrixdesk show: error" in err.data().decode("cp936")


def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_the_log(
    plan_path, monkeypatch, tmp_path, capsys
):
    monkeypatch.setenv(errorlog.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setattr(errorlog, "_state", {})
    monkeypatch.setitem(cli.SUBCOMMANDS, "show", lambda args: {}["missing"])
    try:
        assert cli.main(["show", plan_path]) == 2
    finally:
        errorlog.stop_logging()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected error: KeyError" in err
    assert str(errorlog.log_path()) in err and "Traceback" not in err
    log = errorlog.log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "KeyError: 'missing'" in log


def run_windowed(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` as the packaged windowed program runs: no stdout, no stderr."""
    prelude = "import sys; sys.stdout = sys.stderr = None\n"
    env = dict(os.environ, MATRIXDESK_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", prelude + script], env=env, capture_output=True, text=True,
        timeout=120, cwd=ROOT,
    )  # fmt: skip


def test_a_hard_crash_of_the_windowed_program_leaves_its_stacks_in_the_crash_log(tmp_path):
    run = run_windowed(
        "from matrixdesk.core import errorlog\n"
        "errorlog.start_logging()\n"
        "import faulthandler; faulthandler._sigsegv()\n",
        tmp_path,
    )
    assert run.returncode != 0
    crash = (tmp_path / "data" / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "<string>" in crash


def test_the_command_line_in_the_windowed_program_does_not_die_on_missing_streams(tmp_path):
    run = run_windowed(
        "from matrixdesk.cli import main\n"
        f"raise SystemExit(main(['show', {str(tmp_path / 'missing.mdesk')!r}]))\n",
        tmp_path,
    )
    assert run.returncode == 2, run.stderr


def test_the_local_data_folder_is_never_the_roaming_profile():
    env = {
        "APPDATA": "C:\\Users\\张三\\AppData\\Roaming",
        "LOCALAPPDATA": "C:\\Users\\张三\\AppData\\Local",
        "USERPROFILE": "C:\\Users\\张三",
    }
    folder = errorlog.local_data_dir("win32", env)
    assert str(folder).startswith(env["LOCALAPPDATA"]) and "Roaming" not in str(folder)
    assert errorlog.local_data_dir("win32", {"USERPROFILE": "C:\\Users\\张三"}).parts[-3:] == (
        "AppData",
        "Local",
        "MatrixDesk",
    )
    assert errorlog.local_data_dir("linux", {"HOME": "/home/z"}) == Path(
        "/home/z/.local/share/MatrixDesk"
    )
    assert errorlog.local_data_dir("win32", {errorlog.ENV_DATA_DIR: "/x", **env}) == Path("/x")


def test_report_on_16k_paper(plan_path, tmp_path):
    out = tmp_path / "r.pdf"
    assert cli.main(["report", plan_path, "-o", str(out), "--page-size", "16K", "--portrait"]) == 0
    import re

    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", out.read_bytes())
    mm = 72 / 25.4
    assert boxes and all(
        abs(float(w) - 184 * mm) < 1 and abs(float(h) - 260 * mm) < 1 for w, h in boxes
    )


@pytest.mark.parametrize("args", [["show", "--json"], ["show"]])
def test_a_reader_that_stops_reading_gets_no_error_report(plan_path, tmp_path, args):
    """``matrixdesk show | head``: the reader closes the pipe; the command stops without
    printing 'Broken pipe' or a Python report of the failed flush."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone
    try:
        run = subprocess.run(
            [sys.executable, "-c", "import sys; from matrixdesk.cli import main; "
             f"raise SystemExit(main([{args[0]!r}, {plan_path!r}, *{args[1:]!r}]))"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT,
            env=dict(os.environ, MATRIXDESK_DATA_DIR=str(tmp_path / "data")),
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert run.stderr == "", run.stderr
    assert run.returncode == cli.EXIT_ERROR
