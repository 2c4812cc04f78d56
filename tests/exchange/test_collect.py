"""Collecting returned department workbooks: round trips through the CLI and every refusal.

Workbooks are exported by MatrixDesk, filled in with openpyxl as a department would (one also
saved again by LibreOffice), then collected with ``matrixdesk collect``; ``show --json`` must
reflect what was collected. Every refused workbook leaves the plan exactly as it was.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from matrixdesk.cli import main
from matrixdesk.exchange import export_departments
from matrixdesk.exchange.collect import collect
from matrixdesk.exchange.errors import Refusal
from matrixdesk.exchange.returned import Limits
from matrixdesk.store import MatrixStore

PERIOD = "2021-03"
COMMERCE, TOURISM = 4, 1  # 省商务厅 supports measures 3 and 5; 省文化和旅游厅 leads 2 (target 1)


@pytest.fixture
def plan_path(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), small_plan).close()
    return str(path)


@pytest.fixture
def books(plan_path, tmp_path):
    """The department workbooks of the plan for PERIOD, by department id."""
    store = MatrixStore.open(plan_path, read_only=True)
    try:
        files = export_departments(store.plan(), tmp_path / "out", period=PERIOD)
    finally:
        store.close()
    by_name = {p.stem: p for p in files}
    return {COMMERCE: by_name["省商务厅"], TOURISM: by_name["省文化和旅游厅"]}


def show(plan_path, capsys) -> dict:
    capsys.readouterr()
    assert main(["show", plan_path, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def state(plan_path) -> tuple:
    """Everything collecting may change: the ledger and the change log."""
    store = MatrixStore.open(plan_path, read_only=True)
    try:
        plan = store.plan()
        log = store.db.execute("SELECT count(*) FROM changelog").fetchone()[0]
        return (sorted(map(repr, plan.progress)), sorted(map(repr, plan.actuals)), log)
    finally:
        store.close()


def assignment(doc: dict, code: str, department: str) -> dict:
    measure = next(m for m in doc["measures"] if m["code"] == code)
    return next(a for a in measure["assignments"] if a["department"] == department)


# -- round trips -------------------------------------------------------------------------------
def test_round_trip_through_collect_and_show_json(plan_path, books, fill_workbook, capsys):
    before = show(plan_path, capsys)
    fill_workbook(books[COMMERCE], statuses={3: "推进中", 5: "已完成"}, notes={3: "已召开推进会"})
    fill_workbook(books[TOURISM], statuses={2: "滞后"}, notes={2: "雪季推迟"}, actuals={1: 35})
    assert main(["collect", plan_path, str(books[COMMERCE]), str(books[TOURISM])]) == 0
    out = capsys.readouterr().out
    assert "省商务厅 2021-03: changed 2 statuses and 1 note\n" in out
    total = "in all, from 2 workbooks: changed 3 statuses, 2 notes and 1 value reached"
    assert out.endswith(total + "\n")
    after = show(plan_path, capsys)
    a = assignment(after, "1.2", "省商务厅")
    assert a["status"] == "推进中"
    assert a["progress"][0] | {"reported": ""} == {
        "period": PERIOD,
        "status": "推进中",
        "note": "已召开推进会",
        "reported": "",
        "source": "省商务厅.xlsx",
    }
    assert assignment(after, "2.3", "省商务厅")["status"] == "已完成"
    assert assignment(after, "1.1", "省文化和旅游厅")["progress"][0]["note"] == "雪季推迟"
    target = next(m for m in after["measures"] if m["code"] == "1.1")["targets"][0]
    assert [(x["period"], x["value"], x["department"]) for x in target["actuals"]] == [
        (PERIOD, 35.0, "省文化和旅游厅")
    ]
    assert after["reporting"]["statuses"][2] == {"name": "已完成", "meaning": "done"}
    _only_added_keys(before, after)


def _only_added_keys(old, new) -> None:
    """Every key of the old JSON is still there, under the same name."""
    if isinstance(old, dict):
        assert set(old) <= set(new)
        for k in old:
            _only_added_keys(old[k], new[k])
    elif isinstance(old, list) and old and isinstance(old[0], (dict, list)):
        for o, n in zip(old, new, strict=True):
            _only_added_keys(o, n)


def test_collecting_the_same_workbook_twice_changes_nothing_the_second_time(
    plan_path, books, fill_workbook, capsys
):
    fill_workbook(books[COMMERCE], statuses={3: "推进中"}, notes={3: "进展顺利"})
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    first = state(plan_path)
    capsys.readouterr()
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    assert "省商务厅 2021-03: changed nothing\n" in capsys.readouterr().out
    assert state(plan_path) == first


def test_a_workbook_saved_again_by_libreoffice_is_collected(
    plan_path, books, fill_workbook, tmp_path, capsys
):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    filled = fill_workbook(
        books[TOURISM], statuses={2: "已完成"}, notes={2: "全部建成"}, actuals={1: 61}
    )
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), filled],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    converted = out / Path(filled).name
    assert converted.exists()
    assert main(["collect", plan_path, str(converted)]) == 0
    doc = show(plan_path, capsys)
    a = assignment(doc, "1.1", "省文化和旅游厅")
    assert (a["status"], a["progress"][0]["note"]) == ("已完成", "全部建成")
    target = next(m for m in doc["measures"] if m["code"] == "1.1")["targets"][0]
    assert target["actuals"][0]["value"] == 61.0


def test_dry_run_changes_nothing(plan_path, books, fill_workbook, capsys):
    fill_workbook(books[COMMERCE], statuses={3: "推进中"})
    before = state(plan_path)
    assert main(["collect", plan_path, str(books[COMMERCE]), "--dry-run"]) == 0
    assert "in all, from 1 workbook: would change 1 status\n" in capsys.readouterr().out
    assert state(plan_path) == before


def test_a_newer_value_in_the_plan_is_a_conflict_kept_unless_asked(
    plan_path, books, fill_workbook, capsys
):
    from matrixdesk.core.progress import ProgressEntry, ProgressUpdate

    fill_workbook(books[COMMERCE], statuses={3: "滞后"})
    store = MatrixStore.open(plan_path)
    try:  # typed in by hand after the department saved its workbook
        store.apply_progress(
            ProgressUpdate([ProgressEntry(3, COMMERCE, PERIOD, "推进中", "", "2999-01-01T00:00")])
        )
        result = collect(store.plan(), [books[COMMERCE]])
    finally:
        store.close()
    (change,) = result.files[0].changes
    assert change.conflict and (change.old, change.new) == ("推进中", "滞后")
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    assert "kept 1 status the plan holds that is newer than the workbook" in (
        capsys.readouterr().out
    )
    assert assignment(show(plan_path, capsys), "1.2", "省商务厅")["status"] == "推进中"
    assert main(["collect", plan_path, str(books[COMMERCE]), "--overwrite-newer"]) == 0
    assert assignment(show(plan_path, capsys), "1.2", "省商务厅")["status"] == "滞后"


def test_the_cli_says_what_would_change_and_what_is_kept_the_same_way_dry_or_real(
    plan_path, books, fill_workbook, capsys
):
    """A workbook whose every value is older than the plan's changes nothing: the per-file
    line and the total say so, in the same words for --dry-run and a real run (it said
    "1 statuses, 1 notes … 2 newer values kept" and then "would change 0 entries")."""
    from matrixdesk.core.progress import ProgressEntry, ProgressUpdate

    fill_workbook(books[COMMERCE], statuses={3: "滞后", 5: "已完成"}, notes={3: "延期"})
    store = MatrixStore.open(plan_path)
    try:  # measure 3 typed in by hand after the department saved its workbook
        store.apply_progress(
            ProgressUpdate([ProgressEntry(3, COMMERCE, PERIOD, "推进中", "按期", "2999-01-01")])
        )
    finally:
        store.close()
    name = books[COMMERCE]
    capsys.readouterr()
    assert main(["collect", plan_path, str(name), "--dry-run"]) == 0
    dry = capsys.readouterr().out.splitlines()
    assert dry == [
        f"{name}: 省商务厅 {PERIOD}: would change 1 status; would keep 1 status and 1 note"
        " the plan holds that are newer than the workbook (--overwrite-newer replaces them)",
        "in all, from 1 workbook: would change 1 status; would keep 1 status and 1 note that"
        " are newer in the plan",
    ]
    assert main(["collect", plan_path, str(name)]) == 0
    real = capsys.readouterr().out.splitlines()
    assert real == [
        line.replace("would change", "changed").replace("would keep", "kept") for line in dry
    ]
    assert main(["collect", plan_path, str(name), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{name}: 省商务厅 {PERIOD}: would change nothing; would keep 1 status and 1 note"
        " the plan holds that are newer than the workbook (--overwrite-newer replaces them)",
        "in all, from 1 workbook: would change nothing; would keep 1 status and 1 note that"
        " are newer in the plan",
    ]
    assert main(["collect", plan_path, str(name), "--overwrite-newer"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{name}: 省商务厅 {PERIOD}: changed 1 status and 1 note, overwriting 1 status and"
        " 1 note the plan holds that are newer than the workbook",
        "in all, from 1 workbook: changed 1 status and 1 note",
    ]


def test_the_next_periods_workbooks_carry_the_last_notes(plan_path, books, fill_workbook, tmp_path):
    from openpyxl import load_workbook

    fill_workbook(books[COMMERCE], statuses={3: "推进中"}, notes={3: "已召开推进会"})
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    assert main(["export", plan_path, "--per-department", str(tmp_path / "apr"),
                 "--period", "2021-04"]) == 0  # fmt: skip
    ws = load_workbook(tmp_path / "apr" / "省商务厅.xlsx")["任务进展"]
    assert ws["A2"].value == "2021-04"
    assert ws["L4"].value == "推进中"  # the status stands until the department changes it
    assert ws["M4"].value == "2021年3月：推进中\n已召开推进会"
    assert ws["K4"].value is None


# -- refusals: a clear reason, the plan unchanged, the other files still collected -------------
def _set(cell: str, value, sheet="任务进展"):
    def edit(wb):
        wb[sheet][cell] = value

    return edit


def _delete_row(n: int):
    def edit(wb):
        wb["任务进展"].delete_rows(n)

    return edit


def _add_row(wb):
    ws = wb["任务进展"]
    ws.cell(row=ws.max_row + 1, column=5, value="新增任务：自行加的一行")
    ws.cell(row=ws.max_row, column=11, value="已完成")


EDITS = {
    Refusal.OTHER_DEPARTMENT: _set("B5", 3),
    Refusal.IDS_EDITED: _set("A4", 999),
    Refusal.ROWS_CHANGED: _delete_row(5),
    Refusal.FORMULA: _set("L4", '=IF(1,"已完成")'),
    Refusal.BAD_STATUS: _set("L4", "差不多了"),
    Refusal.BAD_PERIOD: _set("A2", "2130-01"),
}


@pytest.mark.parametrize("code", list(EDITS), ids=str)
def test_an_edited_workbook_is_refused_and_the_others_go_on(
    code, plan_path, books, fill_workbook, capsys
):
    fill_workbook(books[COMMERCE], statuses={3: "推进中"}, edit=EDITS[code])
    fill_workbook(books[TOURISM], statuses={2: "推进中"})
    before = state(plan_path)
    result = _collect(plan_path, books[COMMERCE])
    assert result.files[0].refused.code == code
    assert main(["collect", plan_path, str(books[COMMERCE]), str(books[TOURISM])]) == 1
    out = capsys.readouterr().out
    assert f"{books[COMMERCE]}: refused:" in out
    after = state(plan_path)
    assert before[0] == [] and len(after[0]) == 1  # only 省文化和旅游厅's entry
    assert f"department_id={TOURISM}," in after[0][0]


def test_rows_added_are_refused(plan_path, books, fill_workbook):
    fill_workbook(books[COMMERCE], statuses={3: "推进中"}, edit=_add_row)
    _refused(plan_path, books[COMMERCE], Refusal.ROWS_CHANGED)


def test_a_workbook_of_another_plan_is_refused(plan_path, small_plan, tmp_path, fill_workbook):
    from dataclasses import replace

    other = replace(small_plan, info=replace(small_plan.info, number="吉政办发[2021]1号"))
    (path,) = [p for p in export_departments(other, tmp_path / "o", period=PERIOD)
               if p.stem == "省商务厅"]  # fmt: skip
    fill_workbook(path, statuses={3: "推进中"})
    _refused(plan_path, path, Refusal.OTHER_PLAN)


def test_a_period_given_that_the_plan_does_not_have_is_refused(plan_path, books, fill_workbook):
    fill_workbook(books[COMMERCE], statuses={3: "推进中"})
    before = state(plan_path)
    assert main(["collect", plan_path, str(books[COMMERCE]), "--period", "2021-Q1"]) == 2
    assert main(["collect", plan_path, str(books[COMMERCE]), "--period", "2140-01"]) == 2
    assert state(plan_path) == before


def test_not_an_xlsx(plan_path, tmp_path):
    text = tmp_path / "notes.xlsx"
    text.write_text("进展情况：已完成", encoding="utf-8")
    _refused(plan_path, text, Refusal.NOT_XLSX)
    docx = tmp_path / "report.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    _refused(plan_path, docx, Refusal.NOT_XLSX)


def test_old_binary_formats_are_told_to_save_as_xlsx(plan_path, tmp_path):
    for name in ("省商务厅.xls", "省商务厅.et"):
        old = tmp_path / name
        old.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")
        )
        refusal = _refused(plan_path, old, Refusal.OLD_FORMAT)
        assert "save it as .xlsx" in str(refusal)


def test_a_password_protected_workbook_is_refused(plan_path, tmp_path):
    # Excel and WPS encrypt an .xlsx into an OLE compound file holding EncryptionInfo and
    # EncryptedPackage streams; this is the directory part of such a file.
    locked = tmp_path / "加密.xlsx"
    names = b"".join(
        n.encode("utf-16-le") + b"\0\0" for n in ("EncryptionInfo", "EncryptedPackage")
    )
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names)
    assert "password" in str(_refused(plan_path, locked, Refusal.ENCRYPTED))


def test_a_damaged_workbook_is_refused(plan_path, books, tmp_path):
    cut = tmp_path / "cut.xlsx"
    data = books[COMMERCE].read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    _refused(plan_path, cut, Refusal.DAMAGED)


def _rewrite(src: Path, dest: Path, part: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, change(data) if item.filename == part else data)


def test_an_xml_entity_attack_is_refused(plan_path, books, tmp_path):
    bomb = tmp_path / "lol.xlsx"
    entities = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )

    def poison(data: bytes) -> bytes:
        body = data.decode("utf-8")
        body = body.split("?>", 1)[1] if body.startswith("<?xml") else body
        return (entities + body.replace("<v>", "<v>&lol2;", 1)).encode("utf-8")

    _rewrite(books[COMMERCE], bomb, "xl/worksheets/sheet1.xml", poison)
    _refused(plan_path, bomb, Refusal.UNSAFE_XML)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(plan_path, books, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    shutil.copy(books[COMMERCE], bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", b"\0" * (40 * 2**20))
    assert bomb.stat().st_size < 2**20
    _refused(plan_path, bomb, Refusal.TOO_LARGE)
    store = MatrixStore.open(plan_path, read_only=True)
    try:  # and more cells than the limit allows
        result = collect(store.plan(), [books[COMMERCE]], limits=Limits(cells=20))
    finally:
        store.close()
    assert result.files[0].refused.code == Refusal.TOO_LARGE


def _collect(plan_path, path):
    store = MatrixStore.open(plan_path, read_only=True)
    try:
        return collect(store.plan(), [path])
    finally:
        store.close()


def _refused(plan_path, path, code):
    before = state(plan_path)
    result = _collect(plan_path, path)
    refusal = result.files[0].refused
    assert refusal is not None and refusal.code == code, refusal
    assert main(["collect", plan_path, str(path)]) == 1
    assert state(plan_path) == before
    return refusal


def test_a_target_value_that_is_not_a_number_is_refused(plan_path, books, fill_workbook):
    fill_workbook(books[TOURISM], actuals={1: "约五十"})
    _refused(plan_path, books[TOURISM], Refusal.BAD_VALUE)


def test_reading_a_workbook_never_writes_it(plan_path, books, fill_workbook):
    fill_workbook(books[COMMERCE], statuses={3: "推进中"})
    before = books[COMMERCE].read_bytes()
    _collect(plan_path, books[COMMERCE])
    assert books[COMMERCE].read_bytes() == before


# -- outputs of the ledger ---------------------------------------------------------------------
def test_progress_report_chase_list_and_chart(
    qapp, plan_path, books, fill_workbook, tmp_path, capsys
):
    # qapp: the report paints with Qt; a QApplication made first keeps later widget tests
    # from finding only the bare QGuiApplication the CLI would make
    fill_workbook(books[COMMERCE], statuses={3: "推进中", 5: "滞后"}, notes={3: "已召开推进会"})
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    progress, chase = tmp_path / "progress.pdf", tmp_path / "chase.pdf"
    args = ["--period", PERIOD]
    assert main(["report", plan_path, "-o", str(progress), "--kind", "progress", *args]) == 0
    assert main(["report", plan_path, "-o", str(chase), "--kind", "chase", *args]) == 0
    assert main(["chart", plan_path, "-o", str(tmp_path / "p.png"), "--kind", "progress"]) == 0
    assert (tmp_path / "p.png").stat().st_size > 1000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")

    def text(pdf):
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
        return "".join(out.stdout.decode("utf-8").split())

    report = text(progress)
    assert "进展情况报告（2021年3月）" in report
    assert "已召开推进会" in report and "滞后" in report
    assert "省体育局" in report and "本期未报送" in report
    listed = text(chase)
    assert "催报清单" in listed and "省体育局" in listed and "省农业农村厅" in listed
    assert "省商务厅" not in listed  # it reported


def test_chase_list_workbook(plan_path, books, fill_workbook, tmp_path):
    from openpyxl import load_workbook

    from matrixdesk.exchange.chase import export_chase

    fill_workbook(books[COMMERCE], statuses={3: "推进中"})
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    store = MatrixStore.open(plan_path, read_only=True)
    try:
        count = export_chase(store.plan(), tmp_path / "chase.xlsx", PERIOD)
    finally:
        store.close()
    ws = load_workbook(tmp_path / "chase.xlsx").active
    names = [row[1] for row in ws.iter_rows(min_row=4, values_only=True)]
    assert count == 3 and names == ["省文化和旅游厅", "省体育局", "省农业农村厅"]


def test_master_workbook_gains_the_ledger_and_a_native_progress_chart(
    plan_path, books, fill_workbook, tmp_path
):
    from openpyxl import load_workbook

    fill_workbook(books[COMMERCE], statuses={3: "推进中", 5: "已完成"}, notes={3: "已召开推进会"})
    fill_workbook(books[TOURISM], actuals={1: 35})
    assert main(["collect", plan_path, str(books[COMMERCE]), str(books[TOURISM])]) == 0
    out = tmp_path / "master.xlsx"
    assert main(["export", plan_path, "-o", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames[-3:] == ["目标完成情况", "进展台账", "进展统计"]
    actuals = list(wb["目标完成情况"].iter_rows(min_row=2, values_only=True))
    assert actuals[0][6] == "2021年3月" and actuals[1][2:7] == ("滑雪场", 60, "座", 2022, 35)
    ledger = wb["进展台账"]
    assert ledger["F3"].value == "2021年3月" and ledger["F4"].value == "状态"
    rows = {(r[0], r[2]): r for r in ledger.iter_rows(min_row=5, values_only=True)}
    assert rows[("1.2", "省商务厅")][5:7] == ("推进中", "已召开推进会")
    assert rows[("2.3", "省商务厅")][5] == "已完成"
    assert rows[("1.1", "省体育局")][5] is None
    counts = wb["进展统计"]
    table = {r[0]: r[1:] for r in counts.iter_rows(min_row=3, values_only=True) if r[0]}
    assert table["省商务厅"] == (1, 1, 0, 0, 0)  # done, in progress, late, not started, silent
    assert table["省体育局"] == (0, 0, 0, 0, 1)
    (chart,) = counts._charts
    assert chart.grouping == "stacked" and len(chart.series) == 5


def test_schedule_command_shows_and_changes_the_reporting(plan_path, capsys):
    assert main(["schedule", plan_path]) == 0
    end = max(2025, date.today().year + 1)
    assert f"cadence: month; periods 2020-12 to {end}-12" in capsys.readouterr().out
    statuses = "未开始=todo,推进中=doing,已完成=done,滞后=late,暂缓=late"
    assert main(["schedule", plan_path, "--cadence", "quarter", "--statuses", statuses]) == 0
    out = capsys.readouterr().out
    assert f"cadence: quarter; periods 2020-Q4 to {end}-Q4" in out and "暂缓=late" in out
    assert main(["schedule", plan_path, "--statuses", "完成=finished"]) == 2
    assert main(["schedule", plan_path, "--first", "2021-13"]) == 2
    assert main(["schedule", plan_path]) == 0
    assert "暂缓=late" in capsys.readouterr().out  # the refused changes changed nothing


def test_a_workbook_claiming_a_smaller_sheet_is_still_read_whole(
    plan_path, books, fill_workbook, tmp_path
):
    """Some programs write a wrong <dimension ref="A1"/>; every row must still be read."""
    import re

    fill_workbook(books[COMMERCE], statuses={3: "推进中", 5: "已完成"})
    lying = tmp_path / "dimension.xlsx"
    _rewrite(
        books[COMMERCE],
        lying,
        "xl/worksheets/sheet1.xml",
        lambda data: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data),
    )
    result = _collect(plan_path, lying)
    assert result.files[0].refused is None
    assert sorted(c.new for c in result.files[0].changes) == ["已完成", "推进中"]


def test_progress_outputs_name_tasks_by_the_documents_own_numbers(
    qapp, plan_path, books, fill_workbook, tmp_path
):
    """The progress report, the chase list (printed and as a workbook) named tasks by the
    plan's internal code ("1.2 扩大农产品消费", "6 扩大节假日…" beside a serial 序号 of 4),
    where every other output and the window say the document's own number ((二), 六、)."""
    from openpyxl import load_workbook

    from matrixdesk.exchange.chase import export_chase

    fill_workbook(books[COMMERCE], statuses={3: "推进中"})
    assert main(["collect", plan_path, str(books[COMMERCE])]) == 0
    progress, chase = tmp_path / "progress.pdf", tmp_path / "chase.pdf"
    args = ["--period", PERIOD]
    assert main(["report", plan_path, "-o", str(progress), "--kind", "progress", *args]) == 0
    assert main(["report", plan_path, "-o", str(chase), "--kind", "chase", *args]) == 0
    store = MatrixStore.open(plan_path, read_only=True)
    try:
        export_chase(store.plan(), tmp_path / "chase.xlsx", PERIOD)
    finally:
        store.close()
    tasks = " ".join(
        str(row[4])
        for row in load_workbook(tmp_path / "chase.xlsx").active.iter_rows(
            min_row=4, values_only=True
        )
    )
    assert "(一)发展冰雪消费" in tasks.replace(" ", "") and "1.1" not in tasks
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    for pdf in (progress, chase):
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
        text = "".join(out.stdout.decode("utf-8").split())
        assert "(二)扩大农产品消费" in text or "(一)发展冰雪消费" in text, pdf.name
        assert "1.2扩大" not in text and "1.1发展" not in text, pdf.name
