"""`matrixdesk import` refusals found by trying bad files as a user would: each names the file
and the problem in one line, says what to do, and leaves no plan file."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from matrixdesk.cli import main

FILES = Path(__file__).resolve().parents[1] / "parse" / "files"


def test_a_protected_word_file_is_sent_to_word_and_a_workbook_to_excel(tmp_path, import_fails):
    """Both are the same OLE wrapper; the message said 'Word, WPS or Excel' for either."""
    err = import_fails(FILES / "notice-password.docx")
    assert "notice-password.docx is protected by a password" in err
    assert "Word or WPS" in err and "Excel" not in err
    book = tmp_path / "分工表.xlsx"
    book.write_bytes((FILES / "notice-password.docx").read_bytes())
    err = import_fails(book)
    assert "Excel or WPS" in err and "Word" not in err


def test_a_binary_file_named_txt_is_named(tmp_path, import_fails):
    """'The file contains NUL bytes …' did not say which file."""
    junk = tmp_path / "通知.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    err = import_fails(junk)
    assert "通知.txt: the file contains NUL bytes" in err


def test_a_gbk_file_read_as_utf8_is_named(tmp_path, capsys):
    text = tmp_path / "通知.txt"
    text.write_bytes("（一）推进甲。（省商务厅负责）".encode("gbk"))
    out = tmp_path / "plan.mdesk"
    capsys.readouterr()
    assert main(["import", str(text), "--encoding", "utf-8", "-o", str(out)]) == 2
    assert not out.exists()
    assert "通知.txt: the file is not valid utf-8 text" in capsys.readouterr().err


def test_a_picture_is_named_a_picture(tmp_path, import_fails):
    """A photographed page (JPEG bytes) renamed .txt."""
    photo = tmp_path / "扫描.txt"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(2000))
    err = import_fails(photo)
    assert "扫描.txt is a picture (JPEG), not a document" in err and "OCR" in err


def test_a_workbook_with_a_header_and_no_tasks(tmp_path, import_fails):
    """It said 'no numbered measures (一、 (一) 1.) found' of a table that has no numbering."""
    book = tmp_path / "空表.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    workbook.save(book)
    err = import_fails(book)
    assert "空表.xlsx: the task table has its header row but no tasks under it" in err


def test_encoding_is_for_text_files_only_as_the_help_says(tmp_path, capsys):
    """--help: '.txt or .html file's encoding …; the other formats ignore it'."""
    docx = Path(__file__).resolve().parents[1] / "parse" / "real" / "docs"
    source = docx / "m-anhui-xiaofei-2022-jinqi.docx"
    out = tmp_path / "plan.mdesk"
    assert main(["import", str(source), "--encoding", "utf-16", "-o", str(out)]) == 0
    assert out.exists()
    text = tmp_path / "通知.txt"
    text.write_bytes("（一）推进甲。（省商务厅负责）".encode("utf-16"))
    assert main(["import", str(text), "--encoding", "utf-16", "-o", str(tmp_path / "t.mdesk")]) == 0


def test_a_plan_is_not_written_under_another_programs_suffix(tmp_path, capsys):
    source = tmp_path / "notice.txt"
    source.write_text("一、推进工作（省商务厅负责）\n", encoding="utf-8")
    for name in ("plan.txt", "plan.XLSX"):
        capsys.readouterr()
        assert main(["import", str(source), "-o", str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert "-o plan.mdesk" in err and "\n" not in err.strip()
        assert not (tmp_path / name).exists()
    for name in ("a.mdesk", "B.MDESK", "c"):  # no suffix: the user's own choice
        assert main(["import", str(source), "-o", str(tmp_path / name)]) == 0
