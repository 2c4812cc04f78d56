"""The command line, in process: every command, its JSON, and its errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from matrixdesk.cli import SUBCOMMANDS, build_parser, main, plan_to_json
from matrixdesk.parse import parse_file
from matrixdesk.store import MatrixStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "jizhengbanfa-2020-34.txt"
SAMPLE_PLAN = ROOT / "samples" / "jizhengbanfa-2020-34.mdesk"


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "seed.mdesk"
    assert main(["import", str(SEED), "-o", str(path)]) == 0
    return path


def show_json(path, capsys) -> dict:
    capsys.readouterr()
    assert main(["show", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_show_json_has_the_promised_shape(seed_file, capsys):
    doc = show_json(seed_file, capsys)
    assert set(doc) >= {"document", "departments", "measures"}
    assert set(doc["document"]) >= {"title", "number", "issuer", "date"}
    assert doc["document"]["number"] == "吉政办发[2020]34号"
    assert doc["document"]["date"] == "2020-12-24"
    assert set(doc["departments"][0]) >= {"name", "aliases", "collective", "lead", "support"}
    measure_keys = {
        "code",
        "title",
        "text",
        "parent",
        "open_ended",
        "deadline",
        "assignments",
        "targets",
    }
    assert all(set(m) >= measure_keys for m in doc["measures"])


def test_seed_measures_departments_and_leads(seed_file, capsys):
    doc = show_json(seed_file, capsys)
    by_title = {m["title"]: m for m in doc["measures"]}
    # Every measure of the document, headings included, in document order.
    assert len([m for m in doc["measures"] if m["parent"] is None]) == 7
    assert [
        {"department": a["department"], "role": a["role"]}
        for a in by_title["培树农产品品牌"]["assignments"]
    ] == [
        {"department": "省农业农村厅", "role": "lead"},
        {"department": "省商务厅", "role": "support"},
        {"department": "省邮政管理局", "role": "support"},
    ]
    assert by_title["优化冰雪消费供给"]["open_ended"] is True
    assert by_title["大力发展冰雪消费"]["assignments"] == []  # a heading
    names = [d["name"] for d in doc["departments"]]
    assert not [n for n in names if "冬令营" in n or "统一" in n or "国办发" in n]
    annotated = [m for m in doc["measures"] if m["assignments"]]
    assert all(m["assignments"][0]["role"] == "lead" for m in annotated)
    commerce = next(d for d in doc["departments"] if d["name"] == "省商务厅")
    assert commerce["lead"] + commerce["support"] == sum(
        1 for m in annotated for a in m["assignments"] if a["department"] == "省商务厅"
    )


def test_seed_targets(seed_file, capsys):
    doc = show_json(seed_file, capsys)
    targets = {
        (t["indicator"], t["value"], t["unit"], t["year"])
        for m in doc["measures"]
        for t in m["targets"]
    }
    assert {("滑冰场所", 500, "个", 2022), ("滑雪场", 60, "座", 2022)} <= targets
    assert {("国家森林康养基地", 30, "个", 2025), ("省级森林康养基地", 30, "个", 2025)} <= targets
    skating = next(t for m in doc["measures"] for t in m["targets"] if t["indicator"] == "滑冰场所")
    assert skating["comparator"] == ">="


def test_gb18030_copy_imports_to_the_identical_plan(tmp_path, seed_file, capsys):
    gbk = tmp_path / "seed-gbk.txt"
    gbk.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    out = tmp_path / "gbk.mdesk"
    assert main(["import", str(gbk), "-o", str(out)]) == 0
    assert show_json(out, capsys) == show_json(seed_file, capsys)


def test_import_refuses_to_overwrite_without_force(seed_file, capsys):
    before = seed_file.read_bytes()
    assert main(["import", str(SEED), "-o", str(seed_file)]) == 2
    err = capsys.readouterr().err
    assert "exists" in err and len(err.strip().splitlines()) == 1
    assert seed_file.read_bytes() == before
    assert main(["import", str(SEED), "-o", str(seed_file), "--force"]) == 0


def test_failed_import_leaves_no_file(tmp_path, capsys):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "x.mdesk"
    assert main(["import", str(binary), "-o", str(out)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\0" * 50]
)
def test_bad_plan_gives_one_line_and_exit_2(tmp_path, capsys, content):
    bad = tmp_path / "bad.mdesk"
    bad.write_bytes(content)
    assert main(["show", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "bad.mdesk" in err and "Traceback" not in err
    assert bad.read_bytes() == content


def test_check_exit_codes(seed_file, tmp_path, small_plan, capsys):
    assert main(["check", str(seed_file)]) == 0
    faulty = tmp_path / "faulty.mdesk"
    MatrixStore.create(faulty, small_plan).close()
    assert main(["check", str(faulty)]) == 1
    out = capsys.readouterr().out
    assert "no responsible department" in out and "1 error, 1 warning" in out


def test_show_table_lists_leads(seed_file, capsys):
    capsys.readouterr()
    assert main(["show", str(seed_file)]) == 0
    out = capsys.readouterr().out
    assert "培树农产品品牌  | 牵头: 省农业农村厅 | 配合: 省商务厅、省邮政管理局" in out


def test_every_command_has_help(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(SUBCOMMANDS)
    for name, sp in sub.choices.items():
        assert sp.description, name
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_sample_plan_equals_a_fresh_import():
    store = MatrixStore.open(SAMPLE_PLAN, read_only=True)
    try:
        bundled = plan_to_json(store.plan())
    finally:
        store.close()
    assert bundled == plan_to_json(parse_file(SEED))


def test_sample_plan_is_not_written_by_reading(tmp_path):
    before = SAMPLE_PLAN.read_bytes()
    conn = sqlite3.connect(SAMPLE_PLAN)
    conn.close()
    assert main(["check", str(SAMPLE_PLAN)]) in (0, 1)
    assert SAMPLE_PLAN.read_bytes() == before


def test_text_without_measures_is_refused(tmp_path, capsys):
    letter = tmp_path / "letter.txt"
    letter.write_text("各位同事：\n请于本周五前报送材料。\n办公室\n", encoding="utf-8")
    out = tmp_path / "letter.mdesk"
    assert main(["import", str(letter), "-o", str(out)]) == 2
    assert "no numbered measures" in capsys.readouterr().err
    assert not out.exists()


# -- no command writes over its own input or over an open plan ---------------------------------
def _digest(path) -> bytes:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).digest()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "{plan}", "-o", "{plan}"],
        ["report", "{plan}", "-o", "{plan}"],
        ["chart", "{plan}", "-o", "{plan}"],
        ["export", "{plan}", "-o", "{other}"],
        ["report", "{plan}", "-o", "{other}"],
    ],
    ids=["export-self", "report-self", "chart-self", "export-other-plan", "report-other-plan"],
)
def test_outputs_never_replace_a_plan(seed_file, tmp_path, small_plan, capsys, command):
    other = tmp_path / "other.mdesk"
    MatrixStore.create(other, small_plan).close()
    before = _digest(seed_file), _digest(other)
    argv = [a.format(plan=seed_file, other=other) for a in command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "never writes over" in err or "input itself" in err
    assert (_digest(seed_file), _digest(other)) == before


def test_import_never_replaces_its_own_source(tmp_path, capsys):
    source = tmp_path / "policy.txt"
    source.write_bytes(SEED.read_bytes())
    before = _digest(source)
    assert main(["import", str(source), "-o", str(source), "--force"]) == 2
    assert "input itself" in capsys.readouterr().err
    assert _digest(source) == before


def test_import_force_never_replaces_a_plan_open_for_editing(seed_file, capsys):
    window = MatrixStore.open(seed_file, lock=True)  # what a window holds
    try:
        before = _digest(seed_file)
        assert main(["import", str(SEED), "-o", str(seed_file), "--force"]) == 2
        assert "already open for editing" in capsys.readouterr().err
        assert _digest(seed_file) == before
    finally:
        window.close()
    assert main(["import", str(SEED), "-o", str(seed_file), "--force"]) == 0  # once closed


def test_terminal_output_escapes_control_characters(tmp_path, small_plan, capsys):
    small_plan.departments[0].name = "省\x1b[2J文化\u202e厅"
    small_plan.measures[1].title = "发展\x07冰雪\x9b消费"
    path = tmp_path / "odd.mdesk"
    MatrixStore.create(path, small_plan).close()
    capsys.readouterr()
    assert main(["show", str(path)]) == 0
    table = capsys.readouterr().out
    assert main(["show", str(path), "--json"]) == 0
    doc = capsys.readouterr().out
    for out in (table, doc):
        assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    assert "省\\x1b[2J文化\\u202e厅" in table
    assert json.loads(doc)["departments"][0]["name"] == "省\x1b[2J文化\u202e厅"


# -- every command on a plan that cannot be opened: one line, exit 2 ---------------------------
def _bad_plans(tmp_path):
    text = tmp_path / "text.mdesk"
    text.write_text("不是方案", encoding="utf-8")
    empty = tmp_path / "empty.mdesk"
    empty.write_bytes(b"")
    folder = tmp_path / "folder.mdesk"
    folder.mkdir()
    plans = [text, empty, folder, tmp_path / "missing.mdesk"]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.mdesk"
        os.mkfifo(fifo)
        plans.append(fifo)
    return plans


def test_screenshot_of_a_plan_that_cannot_be_opened_ends_with_one_line(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MATRIXDESK_DATA_DIR=str(tmp_path / "d"))
    env["MATRIXDESK_SETTINGS_DIR"] = str(tmp_path / "s")
    for plan in _bad_plans(tmp_path):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "matrixdesk.cli",
                str(plan),
                "--screenshot",
                str(tmp_path / "x.png"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert done.returncode == 2, (plan.name, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("command", ["show", "check", "export", "chart", "report"])
def test_every_command_on_a_plan_that_cannot_be_opened_ends_with_one_line(
    tmp_path, capsys, command
):
    extra = {"export": ["-o", "out.xlsx"], "chart": ["-o", "c.png"], "report": ["-o", "r.pdf"]}
    for plan in _bad_plans(tmp_path):
        capsys.readouterr()
        argv = [command, str(plan), *extra.get(command, [])]
        assert main(argv) == 2, plan.name
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "internal error" not in err, err


def test_import_of_a_pipe_or_device_ends_at_once(tmp_path, capsys):
    sources = ["/dev/zero"] if os.path.exists("/dev/zero") else []
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        sources.append(str(tmp_path / "pipe.txt"))
    for source in sources:
        assert main(["import", source, "-o", str(tmp_path / "p.mdesk")]) == 2
        assert "pipe or device" in capsys.readouterr().err


def test_show_json_is_one_record_a_line_and_reads_back_whole(seed_plan):
    from matrixdesk.cli import json_lines, plan_to_json

    document = plan_to_json(seed_plan)
    text = json_lines(document)
    assert json.loads(text) == document
    lines = text.splitlines()
    lists = [v for v in document.values() if isinstance(v, list) and v]
    # the braces, a line a key, a line an item, a closing bracket a list
    assert len(lines) == 2 + len(document) + sum(map(len, lists)) + len(lists)
    assert all(json.loads(line.rstrip(",")) for line in lines if line.startswith("    {"))


def test_every_option_says_what_it_does(capsys):
    """`chart --kind` and `report --kind` listed their choices with no word on what each
    draws or prints, nor the default; `matrixdesk --help` named --lang without saying what it
    does and left out the screenshot's --size and --select."""
    from matrixdesk.ui.app import parse_args  # the window's own options

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, sp in sub.choices.items():
        for action in sp._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.option_strings or action.dest}"
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    window_help = capsys.readouterr().out
    for option in ("--screenshot", "--size", "--select", "--lang"):
        assert option in window_help
        assert option in top, option
    assert "language" in top
    for name, kinds in (("chart", "workload parts targets progress"), ("report", "matrix list")):
        with pytest.raises(SystemExit):
            main([name, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert all(f"{k}:" in text for k in kinds.split()), (name, text)
        assert "default" in text.split("--kind", 2)[-1].split("--", 1)[0], name


def test_import_into_a_folder_that_does_not_exist_names_the_folder(tmp_path, capsys):
    """The message named a temporary file the user never asked for
    (…/新 目录/tmpza3qlwe4.mdesk-new: No such file or directory)."""
    target = tmp_path / "新 目录" / "计划.mdesk"
    capsys.readouterr()
    assert main(["import", str(SEED), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "新 目录" in err and "does not exist" in err
    assert "tmp" not in err.replace(str(tmp_path), "") and "mdesk-new" not in err


def test_a_mistyped_command_is_named_not_opened_as_a_plan(tmp_path, capsys, monkeypatch):
    """`matrixdesk exprot plan.mdesk` opened the window on a plan called "exprot" (with no
    display: Qt aborted with a page about platform plugins)."""
    import matrixdesk.cli as cli

    monkeypatch.setattr(cli, "_run_gui", lambda argv: pytest.fail(f"window opened: {argv}"))
    monkeypatch.chdir(tmp_path)
    for argv, wanted in ((["exprot", "plan.mdesk"], "export"), (["chek"], "check")):
        capsys.readouterr()
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"unknown command '{argv[0]}'" in err and f"'{wanted}'" in err
    (tmp_path / "chek").write_bytes(b"")  # a file of that name is what the user means
    monkeypatch.setattr(cli, "_run_gui", lambda argv: 0)
    assert main(["chek"]) == 0


def test_counts_of_one_are_singular(tmp_path, capsys, qapp):  # qapp: report needs Qt
    """ "1 page", "1 department workbook", "1 measure": never "1 pages" or "1 workbooks"."""
    text = tmp_path / "one.txt"
    text.write_text("一、加强宣传。到2025年，建成示范街区10个。(省商务厅负责)\n", encoding="utf-8")
    plan = tmp_path / "one.mdesk"
    assert main(["import", str(text), "-o", str(plan)]) == 0
    assert "1 measure (1 annotated), 1 department, 1 assignment, 1 target" in (
        capsys.readouterr().out
    )
    assert main(["show", str(plan)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 measure, 1 department, 1 assignment, 1 target"
    )
    assert main(["check", str(plan)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 0 warnings"
    assert main(["export", str(plan), "--per-department", str(tmp_path / "out")]) == 0
    assert f"wrote 1 department workbook to {tmp_path / 'out'}" in capsys.readouterr().out
    assert main(["report", str(plan), "-o", str(tmp_path / "r.pdf")]) == 0
    assert capsys.readouterr().out.strip().endswith("(1 page)")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
def test_the_window_without_a_display_says_so_in_one_line(tmp_path):
    """No DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM (an ssh session, a cron job): Qt
    aborted with its plugin message; now one line names the problem and the exit code is 2.
    Commands that need no display, and --screenshot, still work."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    env |= {"MATRIXDESK_DATA_DIR": str(tmp_path / "d"), "MATRIXDESK_SETTINGS_DIR": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "matrixdesk.cli", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)

    for args in ((), (str(SAMPLE_PLAN),)):
        done = run(*args)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
        assert "no display" in done.stderr and "DISPLAY" in done.stderr, done.stderr
    assert run("show", str(SAMPLE_PLAN)).returncode == 0
    report = run("report", str(SAMPLE_PLAN), "-o", str(tmp_path / "r.pdf"))
    assert report.returncode == 0, report.stderr
    shot = run(str(SAMPLE_PLAN), "--screenshot", str(tmp_path / "w.png"), "--size", "800x600")
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "w.png").stat().st_size > 1000


def test_report_refuses_a_period_its_kind_does_not_use(seed_file, tmp_path, capsys, qapp):
    """`report plan -o m.pdf --period 2099-13` wrote the matrix and said nothing: a clerk who
    meant the progress report got another report and no word that the period was ignored."""
    out = tmp_path / "m.pdf"
    assert main(["report", str(seed_file), "-o", str(out), "--period", "2026-11"]) == 2
    assert "--period is for --kind progress or chase" in capsys.readouterr().err
    assert not out.exists()
    argv = ["report", str(seed_file), "-o", str(out), "--kind", "progress", "--period", "2021-03"]
    assert main(argv) == 0 and out.exists()
