"""The master workbook, read back with openpyxl."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.core.numbers import display_numbers
from matrixdesk.core.tasks import tasks
from matrixdesk.exchange import ExportCancelled, ExportError, export_master
from matrixdesk.exchange.master import (
    SHEET_MATRIX,
    SHEET_TARGETS,
    SHEET_TASKS,
    SHEET_WORKLOAD,
    TASK_HEADER,
)

SHEETS = [SHEET_TASKS, SHEET_MATRIX, SHEET_WORKLOAD, SHEET_TARGETS]


@pytest.fixture
def small_book(small_plan, tmp_path):
    path = tmp_path / "master.xlsx"
    export_master(small_plan, path)
    return load_workbook(path)


def _matrix_positions(ws):
    """The header row, and each measure's row by the number in column A (序号)."""
    header = [c.value for c in ws[3]]
    numbers = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
    return header, numbers


def test_sheets_in_order(small_book):
    assert small_book.sheetnames == SHEETS


@pytest.mark.parametrize("fixture", ["small_plan", "seed_plan"])
def test_every_assignment_once_in_matrix(fixture, request, tmp_path):
    plan = request.getfixturevalue(fixture)
    export_master(plan, tmp_path / "m.xlsx")
    ws = load_workbook(tmp_path / "m.xlsx")[SHEET_MATRIX]
    header, rows = _matrix_positions(ws)
    col = {d.id: header.index(d.name) + 1 for d in plan.departments}
    numbers = display_numbers(plan.measures)
    expected = {}
    for a in plan.assignments:
        m = plan.measure(a.measure_id)
        expected[(rows[numbers[m.id] or m.code], col[a.department_id])] = (
            "●" if a.role == Role.LEAD else "○"
        )
    found = {}
    for row in ws.iter_rows(min_row=4, min_col=3, max_col=2 + len(plan.departments)):
        for c in row:
            if c.value in ("●", "○"):
                found[(c.row, c.column)] = c.value
    assert found == expected
    assert ws.freeze_panes == "C4"


def test_matrix_totals(small_book, small_plan):
    ws = small_book[SHEET_MATRIX]
    header, rows = _matrix_positions(ws)
    last = ws.max_row
    assert [ws.cell(r, 2).value for r in (last - 2, last - 1, last)] == ["牵头", "配合", "合计"]
    commerce = header.index("省商务厅") + 1
    assert ws.cell(last - 1, commerce).value == 2
    assert ws.cell(last, header.index("合计") + 1).value == len(small_plan.assignments)
    assert ws.cell(rows["(一)"], header.index("合计") + 1).value == 2
    legend = ws["A2"].value
    assert "●" in legend and "○" in legend


def test_department_headers_are_vertical(small_book):
    ws = small_book[SHEET_MATRIX]
    assert ws["C3"].alignment.textRotation == 255
    assert ws.column_dimensions["C"].width < 6


def test_task_sheet_rows_match_tasks(small_book, small_plan):
    ws = small_book[SHEET_TASKS]
    assert [c.value for c in ws[3]] == list(TASK_HEADER)
    assert "关于促进消费的实施意见" in ws["A1"].value
    assert "吉政办发[2020]34号" in ws["A2"].value
    task_rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [r[0] for r in task_rows] == list(range(1, len(tasks(small_plan)) + 1))
    by_text = {r[1]: r for r in task_rows}
    first = by_text["(一)发展冰雪消费。"]  # annotation stripped: it has its own columns
    assert first[2:6] == ("省文化和旅游厅", "省体育局", None, "2022年：滑雪场 ≥60座")
    third = by_text["(三)压实责任。"]
    assert third[2:5] == ("各地区", "省商务厅等", "2021年底前")  # open-ended: 等


def test_task_sheet_part_headings_are_merged_and_bold(small_book):
    ws = small_book[SHEET_TASKS]
    assert ws["A4"].value == "一、提高消费品质"
    assert ws["A4"].font.bold
    assert "A4:F4" in {str(r) for r in ws.merged_cells.ranges}


def test_lead_and_support_names_in_written_order(tmp_path):
    deps = [Department(i, n, position=i) for i, n in enumerate(["丙厅", "甲厅", "乙厅", "丁厅"], 1)]
    m = Measure(1, "1", "一、", 1, "任务", annotated=True)
    written = [
        Assignment(1, 3, Role.LEAD, 0),
        Assignment(1, 2, Role.LEAD, 1),
        Assignment(1, 4, Role.SUPPORT, 2),
        Assignment(1, 1, Role.SUPPORT, 3),
    ]
    export_master(Plan(measures=[m], departments=deps, assignments=written), tmp_path / "o.xlsx")
    row = next(
        load_workbook(tmp_path / "o.xlsx")[SHEET_TASKS].iter_rows(min_row=4, values_only=True)
    )
    assert row[2:4] == ("乙厅、甲厅", "丁厅、丙厅")


@pytest.mark.parametrize("sheet", SHEETS)
def test_print_setup(small_book, sheet):
    ws = small_book[sheet]
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth or 1) == 1  # 1: the file format's default
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.page_setup.paperSize in ("8", "9", 8, 9)


def test_wide_matrix_prints_on_a3_several_pages_wide(tmp_path):
    deps = [Department(i, f"省部门{i}厅", position=i) for i in range(1, 131)]
    m = Measure(1, "1", "一、", 1, "任务", annotated=True)
    plan = Plan(measures=[m], departments=deps, assignments=[Assignment(1, 1, Role.LEAD, 0)])
    export_master(plan, tmp_path / "w.xlsx")
    ws = load_workbook(tmp_path / "w.xlsx")[SHEET_MATRIX]
    assert int(ws.page_setup.paperSize) == 8
    assert ws.page_setup.fitToWidth == 3
    assert ws.print_title_cols == "$A:$B"


def test_native_chart_in_workload_sheet(small_book):
    ws = small_book[SHEET_WORKLOAD]
    assert ws._charts, "the workload sheet carries an Excel chart, not a picture"
    assert not ws._images
    assert [c.value for c in ws[2]] == ["部门", "牵头", "配合", "合计"]
    names = [ws.cell(r, 1).value for r in range(3, 7)]
    assert names[0] == "省商务厅" and "各地区" not in names


def test_targets_sheet(small_book):
    ws = small_book[SHEET_TARGETS]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows[0] == (
        "(一)",
        "发展冰雪消费",
        "滑雪场",
        "≥",
        60,
        "座",
        2022,
        "省文化和旅游厅",
        "省体育局",
    )
    assert rows[1][6] is None  # no year


def test_formula_like_text_is_stored_as_text(tmp_path):
    deps = [Department(1, '=HYPERLINK("http://x")', position=0), Department(2, "+1", position=1)]
    m = Measure(1, "=SUM(A1)", "", 2, "=SUM(A1)", "=SUM(A1)", annotated=True)
    plan = Plan(
        measures=[m],
        departments=deps,
        assignments=[Assignment(1, 1, Role.LEAD, 0), Assignment(1, 2, Role.SUPPORT, 1)],
    )
    export_master(plan, tmp_path / "f.xlsx")
    wb = load_workbook(tmp_path / "f.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value[:1] in "=+-@"]
    assert {c.value for c in risky} >= {"=SUM(A1)", '=HYPERLINK("http://x")', "+1"}
    assert all(c.data_type == "s" for c in risky)


def test_small_plan_formula_title_read_back(small_book):
    ws = small_book[SHEET_MATRIX]
    cell = next(c for row in ws.iter_rows() for c in row if c.value and "=SUM" in str(c.value))
    assert cell.value == "=SUM(A1)压实责任" and cell.data_type == "s"


def test_progress_is_reported_and_ends_complete(small_plan, tmp_path):
    calls = []
    export_master(small_plan, tmp_path / "p.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))


@pytest.mark.parametrize("stop_at", [0, 3, 10_000])
def test_cancel_leaves_no_file(small_plan, tmp_path, stop_at):
    def progress(done, total):
        return not (done >= min(stop_at, total))

    with pytest.raises(ExportCancelled):
        export_master(small_plan, tmp_path / "c.xlsx", progress=progress)
    assert os.listdir(tmp_path) == []


def test_cancel_keeps_the_previous_file(small_plan, tmp_path):
    path = tmp_path / "keep.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        export_master(small_plan, path, progress=lambda d, t: d < 2)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["keep.xlsx"]


def test_missing_folder_is_a_clear_error(small_plan, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_master(small_plan, tmp_path / "nope" / "m.xlsx")


def test_error_is_an_os_error(small_plan, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        export_master(small_plan, blocker / "m.xlsx")


def test_new_file_is_readable_by_others(small_plan, tmp_path):
    path = tmp_path / "m.xlsx"
    export_master(small_plan, path)
    assert path.stat().st_mode & 0o044  # not the private mode of a temp file


def test_empty_plan_exports(tmp_path):
    export_master(Plan(), tmp_path / "e.xlsx")
    assert load_workbook(tmp_path / "e.xlsx").sheetnames == SHEETS


def test_long_tasks_get_taller_rows(seed_plan, tmp_path):
    export_master(seed_plan, tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx")[SHEET_TASKS]
    heights = [ws.row_dimensions[r].height for r in range(4, ws.max_row + 1)]
    long_rows = [h for h in heights if h and h > 100]
    assert long_rows, "the seed's long measures need several lines"
    assert max(h for h in heights if h) <= 409


def test_a_cancelled_export_leaves_no_temporary_files(small_plan, tmp_path, monkeypatch):
    import tempfile

    from matrixdesk.exchange.errors import ExportCancelled

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    calls = []

    def cancel_midway(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 3

    with pytest.raises(ExportCancelled):
        export_master(small_plan, out / "master.xlsx", progress=cancel_midway)
    assert list(out.iterdir()) == [] and list((tmp_path / "scratch").iterdir()) == []


def test_matrix_and_targets_sheets_give_each_number_once(seed_plan, tmp_path):
    """序号 holds the document's number ((一)1.); the task column repeated it (1.优化冰雪…,
    一、提高…) once the numbers became the document's own."""
    export_master(seed_plan, tmp_path / "m.xlsx")
    book = load_workbook(tmp_path / "m.xlsx")
    for sheet, first_row in ((SHEET_MATRIX, 4), (SHEET_TARGETS, 3)):
        ws = book[sheet]
        rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(first_row, 40)]
        rows = [(n, t) for n, t in rows if n and t]
        assert rows, sheet
        for number, text in rows:
            assert not text.startswith(("一、", "(一)", "1.")), (sheet, number, text)
    ws = book[SHEET_MATRIX]
    assert (ws.cell(6, 1).value, ws.cell(6, 2).value) == ("(一)1.", "优化冰雪消费供给")


def test_a_full_disk_leaves_no_half_written_workbook_open(small_plan, tmp_path, monkeypatch):
    """XlsxWriter left the zip it was writing open when the disk filled: the file handle
    stayed open until the error was forgotten (on Windows the temporary file then cannot be
    removed and stays in the user's folder), and closing it later printed 'Exception ignored
    … No space left on device' on the console."""
    import errno
    import gc
    import zipfile

    from matrixdesk.core.safefile import DiskFullError

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    with pytest.raises(DiskFullError) as caught:
        export_master(small_plan, tmp_path / "m.xlsx")
    gc.collect()
    still_open = [
        z
        for z in gc.get_objects()
        if isinstance(z, zipfile.ZipFile) and z.fp and str(tmp_path) in str(z.filename)
    ]
    assert still_open == [] and caught.value is not None
    assert list(tmp_path.iterdir()) == []
