"""`matrixdesk import` on every format: a plan from each; one line and no file for bad ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from matrixdesk.cli import main
from matrixdesk.parse import parse_file

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "tests" / "parse" / "files"
sys.path.insert(0, str(ROOT / "tests" / "parse"))

from test_parse_word import notice_with_annex  # noqa: E402


def test_import_a_word_notice_with_its_task_table(tmp_path, capsys):
    source = tmp_path / "分工方案.docx"
    notice_with_annex(source)
    out = tmp_path / "plan.mdesk"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert "5 measures (3 annotated), 7 departments" in capsys.readouterr().out
    assert main(["show", str(out)]) == 0
    table = capsys.readouterr().out
    assert "省商务厅" in table and "省邮政管理局" in table


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("notice.doc", "Word 97-2003 document (.doc)"),
        ("real-notice.wps", "WPS Writer document (.wps)"),
    ],
)
def test_old_formats_are_named_with_what_to_save_as(name, expected, import_fails):
    err = import_fails(FILES / name)
    assert expected in err and "save it as .docx" in err


def test_a_password_protected_word_file(import_fails):
    err = import_fails(FILES / "notice-password.docx")
    assert "protected by a password" in err


def test_a_damaged_word_file(tmp_path, import_fails):
    good = tmp_path / "good.docx"
    notice_with_annex(good)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:3000])
    assert "damaged" in import_fails(broken)


def test_import_a_pdf(tmp_path, capsys):
    out = tmp_path / "plan.mdesk"
    assert main(["import", str(FILES / "anhui-2022.pdf"), "-o", str(out)]) == 0
    assert "11 measures" in capsys.readouterr().out


def test_pdfs_that_cannot_be_read(tmp_path, import_fails):
    from qtpdf import write_scan

    assert "password" in import_fails(FILES / "notice-password.pdf")
    assert "cannot be read" in import_fails(FILES / "real-gazette-garbled.pdf")
    scan = tmp_path / "scan.pdf"
    write_scan(scan)
    err = import_fails(scan)
    assert "this PDF has no text layer; it looks scanned" in err


def test_import_a_task_workbook_and_refuse_one_without_task_columns(tmp_path, capsys, import_fails):
    import openpyxl
    from test_parse_sheet import task_workbook

    source = tmp_path / "分工表.xlsx"
    task_workbook(source)
    out = tmp_path / "plan.mdesk"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert "5 measures (3 annotated)" in capsys.readouterr().out
    out.unlink()
    contacts = tmp_path / "通讯录.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "单位", "电话"])
    wb.save(contacts)
    err = import_fails(contacts)
    assert "no sheet has a task-division table" in err and "重点任务" in err
    assert "Excel 97-2003 workbook (.xls)" in import_fails(FILES / "tasks.xls")


def test_import_a_saved_web_page_with_a_task_table(tmp_path, capsys):
    out = tmp_path / "plan.mdesk"
    assert main(["import", str(FILES / "notice.html"), "-o", str(out)]) == 0
    assert "5 measures (3 annotated), 7 departments" in capsys.readouterr().out


def test_a_file_too_big(tmp_path, import_fails):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: no disk is used
    assert "too big" in import_fails(big)


def test_a_wps_spreadsheet_is_named_with_what_to_save_as(tmp_path, import_fails):
    et = tmp_path / "分工表.et"  # WPS writes .et workbooks in the Excel 97 container
    et.write_bytes((FILES / "tasks.xls").read_bytes())
    err = import_fails(et)
    assert "WPS Spreadsheets workbook (.et)" in err and "save it as .xlsx" in err


def test_an_xls_named_file_that_is_an_old_word_file_is_named_by_its_suffix(tmp_path, import_fails):
    renamed = tmp_path / "tasks.xls"
    renamed.write_bytes((FILES / "notice.doc").read_bytes())
    assert "Excel 97-2003 workbook (.xls)" in import_fails(renamed)


def test_the_doc_fixture_is_what_it_claims():
    with pytest.raises(ValueError, match="Word 97-2003"):
        parse_file(FILES / "notice.doc")


def test_a_workbook_is_sent_to_excel_not_word(import_fails):
    """'this is a Excel 97-2003 workbook (.xls) …; open it in Word or WPS' — an .xls is saved
    again in Excel or WPS, and it is *an* Excel workbook."""
    err = import_fails(FILES / "tasks.xls")
    assert "an Excel 97-2003 workbook" in err and "open it in Excel or WPS" in err
    err = import_fails(FILES / "notice.doc")
    assert "a Word 97-2003 document" in err and "open it in Word or WPS" in err
