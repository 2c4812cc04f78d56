"""Per-department workbooks, read back with openpyxl."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook

from matrixdesk.core import safefile
from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.exchange import ExportCancelled, ExportError, export_departments
from matrixdesk.exchange.departments import (
    FIRST_TASK_ROW,
    HEADER,
    HIDDEN_COLUMNS,
    MARKER,
    STATUS_COLUMN,
)
from matrixdesk.exchange.text import STATUS_CHOICES, plan_fingerprint, safe_file_stem


@pytest.fixture
def files(small_plan, tmp_path):
    return export_departments(small_plan, tmp_path / "out")


def test_one_file_per_non_collective_assigned_department(files):
    assert [p.stem for p in files] == ["省文化和旅游厅", "省体育局", "省农业农村厅", "省商务厅"]
    assert all(p.exists() for p in files)


def test_only_its_tasks_with_ids(files, small_plan):
    ws = load_workbook(files[3]).active  # 省商务厅: supports 1.2 and 2.3
    assert [c.value for c in ws[3]] == list(HEADER)
    rows = list(ws.iter_rows(min_row=FIRST_TASK_ROW, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(3, 4), (5, 4)]
    assert {r[2] for r in rows} == {plan_fingerprint(small_plan)}
    assert [r[5] for r in rows] == ["配合", "配合"]
    assert rows[0][6:8] == ("省农业农村厅", "省商务厅")
    assert rows[1][8] == "2021年底前"
    assert all(r[10] is None and r[11] is None for r in rows)
    assert ws["A1"].value == MARKER


def test_lead_role_text(files):
    ws = load_workbook(files[0]).active
    row = next(ws.iter_rows(min_row=FIRST_TASK_ROW, values_only=True))
    assert row[3:6] == (1, "(一)发展冰雪消费。", "牵头")
    assert row[9] == "2022年：滑雪场 ≥60座"


def test_status_drop_down(files):
    ws = load_workbook(files[3]).active
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list"
    assert dv.formula1 == '"' + ",".join(STATUS_CHOICES) + '"'
    assert STATUS_CHOICES == ("未开始", "推进中", "已完成", "滞后")
    assert str(dv.sqref) == f"{STATUS_COLUMN}{FIRST_TASK_ROW}:{STATUS_COLUMN}{FIRST_TASK_ROW + 1}"
    assert not dv.showDropDown  # True would hide the arrow in Excel


def column_hidden(ws, letter: str) -> bool:
    """Whether the column is hidden (a writer may describe neighbouring columns together)."""
    from openpyxl.utils import column_index_from_string

    n = column_index_from_string(letter)
    return any(d.hidden and d.min <= n <= d.max for d in ws.column_dimensions.values())


def test_protection_hidden_ids_and_editable_progress(files):
    ws = load_workbook(files[0]).active
    assert ws.protection.sheet
    assert not ws.protection.password
    for letter in HIDDEN_COLUMNS:
        assert column_hidden(ws, letter)
        assert ws[f"{letter}{FIRST_TASK_ROW}"].protection.locked
    r = FIRST_TASK_ROW
    assert not ws[f"K{r}"].protection.locked and not ws[f"L{r}"].protection.locked
    assert all(ws[f"{c}{r}"].protection.locked for c in "DEFGHIJ")


def test_instruction_row_and_print_setup(files):
    ws = load_workbook(files[0]).active
    assert "进展情况" in ws["D2"].value and "下拉" in ws["D2"].value
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth or 1) == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_file_names_are_windows_safe_and_unique(tmp_path):
    names = ['省"数据"局', "省数据局", "CON", "a/b:c", "省数据局"]
    deps = [Department(i, n, position=i) for i, n in enumerate(names, 1)]
    m = Measure(1, "1", "一、", 1, "任务", annotated=True)
    plan = Plan(
        measures=[m],
        departments=deps,
        assignments=[Assignment(1, d.id, Role.SUPPORT, d.id) for d in deps],
    )
    stems = [p.stem for p in export_departments(plan, tmp_path)]
    assert stems == ["省_数据_局", "省数据局", "_CON", "a_b_c", "省数据局 (2)"]
    assert all(not set(s) & set('\\/:*?"<>|') for s in stems)


def test_safe_file_stem_fallback():
    taken: set[str] = set()
    assert safe_file_stem("???", taken, "部门7") == "部门7"
    assert safe_file_stem("x. ", taken, "f") == "x"


def test_formula_like_name_stays_text(tmp_path):
    deps = [Department(1, "=1+1", position=0)]
    m = Measure(1, "1", "", 2, "=SUM(A1)", "=SUM(A1)", annotated=True)
    plan = Plan(measures=[m], departments=deps, assignments=[Assignment(1, 1, Role.LEAD, 0)])
    (path,) = export_departments(plan, tmp_path)
    ws = load_workbook(path).active
    row = FIRST_TASK_ROW
    assert (ws[f"E{row}"].value, ws[f"E{row}"].data_type) == ("=SUM(A1)", "s")
    assert (ws[f"G{row}"].value, ws[f"G{row}"].data_type) == ("=1+1", "s")


def test_cancel_removes_this_runs_files_and_keeps_old_ones(small_plan, tmp_path):
    old = tmp_path / "省体育局.xlsx"
    old.write_bytes(b"last year")
    with pytest.raises(ExportCancelled):
        export_departments(small_plan, tmp_path, progress=lambda done, total: done < 3)
    assert os.listdir(tmp_path) == ["省体育局.xlsx"]
    assert old.read_bytes() == b"last year"


def test_cancel_at_once(small_plan, tmp_path):
    with pytest.raises(ExportCancelled):
        export_departments(small_plan, tmp_path, progress=lambda done, total: False)
    assert os.listdir(tmp_path) == []


def test_progress_reaches_total(small_plan, tmp_path):
    calls = []
    export_departments(small_plan, tmp_path, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (calls[-1][1], calls[-1][1])


def test_folder_that_is_a_file(small_plan, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        export_departments(small_plan, blocker)


def test_missing_folder_is_created(small_plan, tmp_path):
    assert export_departments(small_plan, tmp_path / "a" / "b")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere; POSIX modes"
)
def test_read_only_folder(small_plan, tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not writable"):
            export_departments(small_plan, tmp_path)
    finally:
        tmp_path.chmod(0o700)


def test_seed_departments(seed_plan, tmp_path):
    files = export_departments(seed_plan, tmp_path)
    wanted = {d.id for d in seed_plan.departments if not d.collective} & {
        a.department_id for a in seed_plan.assignments
    }
    assert len(files) == len(wanted)
    total_rows = sum(load_workbook(p).active.max_row - FIRST_TASK_ROW + 1 for p in files)
    counted = sum(1 for a in seed_plan.assignments if a.department_id in wanted)
    assert total_rows == counted


# -- in an office: names, files held open, deep folders ----------------------------------------
def _plan_of(names: list[str]) -> Plan:
    deps = [Department(i + 1, n, position=i) for i, n in enumerate(names)]
    m = Measure(1, "1", "", 2, "任务", annotated=True)
    return Plan(
        measures=[m],
        departments=deps,
        assignments=[Assignment(1, d.id, Role.SUPPORT, d.id) for d in deps],
    )


def test_a_name_of_84_chinese_characters_is_shortened_not_fatal(tmp_path):
    long = "省" + "乡村振兴和农业农村现代化建设领导小组办公室" * 4
    assert len(long) >= 84
    files = export_departments(_plan_of([long, long + "二"]), tmp_path)
    assert len(files) == 2 and all(p.exists() for p in files)
    for p in files:
        assert len(p.name.encode("utf-8")) <= 255 and len(p.name) <= 255
        assert long.startswith(p.stem.removesuffix(" (2)"))
    assert files[1].stem.endswith(" (2)")  # the two names are alike where they were cut


def test_control_and_direction_override_characters_leave_file_names():
    taken: set[str] = set()
    assert safe_file_stem("省\u202e厅局\u202c发改委\x07\u200b", taken, "x") == "省厅局发改委"
    assert safe_file_stem("\u2066\u2069", taken, "部门9") == "部门9"


def test_a_workbook_held_open_stops_the_run_before_any_is_replaced(small_plan, tmp_path, office):
    first = export_departments(small_plan, tmp_path)
    for p in first:
        p.write_bytes(b"last month: " + p.name.encode())
    held = first[-1]
    office.hold(held)  # the last one is open in WPS
    with pytest.raises(ExportError, match=held.name) as info:
        export_departments(small_plan, tmp_path)
    assert type(info.value).__name__ == "FileInUseError" and info.value.path == str(held)
    assert all(p.read_bytes() == b"last month: " + p.name.encode() for p in first)  # no mix
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in first)  # no .part files
    assert office.sleeps  # retried before giving up


def test_on_windows_names_are_cut_to_fit_excels_longest_path(small_plan, tmp_path, monkeypatch):
    monkeypatch.setattr(safefile, "WINDOWS", True)
    deep = tmp_path / ("省政府办公厅督查室" + "x" * 30)
    room = safefile.EXCEL_MAX_PATH - safefile.path_units(str(deep)) - 1 - len(".xlsx")
    long = "省" * (room + 20)
    files = export_departments(_plan_of([long, "省体育局"]), deep)
    assert all(safefile.path_units(str(p)) <= safefile.EXCEL_MAX_PATH for p in files)
    assert files[1].name == "省体育局.xlsx"


def test_on_windows_a_folder_too_deep_for_excel_is_refused_before_writing(
    small_plan, tmp_path, monkeypatch
):
    monkeypatch.setattr(safefile, "WINDOWS", True)
    deep = tmp_path.joinpath(*["省政府办公厅督查室二〇二一年"] * 20)
    with pytest.raises(safefile.PathTooLongError):
        export_departments(small_plan, deep)
    assert not any(deep.iterdir()) if deep.exists() else True


def test_tasks_carry_the_document_numbers(seed_plan, tmp_path):
    """A department's list has no headings, so each task names its item: (一)1., not 1."""
    written = export_departments(seed_plan, tmp_path)
    ws = load_workbook(next(p for p in written if p.stem == "省文化和旅游厅")).active
    texts = [ws[f"E{r}"].value for r in range(FIRST_TASK_ROW, ws.max_row + 1) if ws[f"E{r}"].value]
    assert texts[0].startswith("(一)1.优化冰雪消费供给")


def test_sheets_cannot_be_added_removed_or_renamed(files):
    assert load_workbook(files[0]).security.lockStructure
