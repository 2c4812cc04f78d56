"""The import dialog: text → preview with counts and flags → back, fix, preview → create."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from matrixdesk.ui.dialogs import import_dialog
from matrixdesk.ui.dialogs.import_dialog import LEAD, SUPPORT, TARGETS, TITLE, ImportDialog

SEED = Path(__file__).resolve().parents[2] / "samples" / "jizhengbanfa-2020-34.txt"
DOC = """关于测试的通知
一、总体要求
(一)加强领导。各部门要加强领导,到2022年建成示范点10个以上。(省发展改革委、省财政厅负责)
(二)加强宣传。做好宣传工作。
"""


@pytest.fixture
def dialog(qtbot):
    widget = ImportDialog()
    qtbot.addWidget(widget)
    return widget


def test_preview_flags_measure_without_department(dialog, qtmodeltester):
    dialog.text_edit.setPlainText(DOC)
    assert not dialog.create_button.isEnabled()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(1, LEAD).data() == "省发展改革委"
    assert model.index(1, SUPPORT).data() == "省财政厅"
    assert model.index(1, TARGETS).data() == "示范点 ≥10个 (2022)"
    assert model.flagged_rows() == [2]
    assert model.index(2, TITLE).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, TITLE).data() == "加强宣传"
    assert "3 measures (2 tasks), 2 departments, 2 assignments, 1 targets" == (
        dialog.summary_label.text()
    )
    assert dialog.flag_label.text().startswith("1 measure has no responsible department")
    assert dialog.create_button.isEnabled()

    dialog.back_button.click()
    assert dialog.pages.currentIndex() == 0
    dialog.text_edit.setPlainText(DOC.replace("做好宣传工作。", "做好宣传工作。(省委宣传部负责)"))
    dialog.next_button.click()
    assert model.flagged_rows() == []
    assert dialog.flag_label.isHidden()
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    plan = dialog.plan()
    assert [d.name for d in plan.departments] == ["省发展改革委", "省财政厅", "省委宣传部"]


def test_seed_document_from_file(dialog, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SEED), ""))
    dialog.open_button.click()
    assert "吉政办发" in dialog.text_edit.toPlainText()
    assert dialog.show_preview()
    plan = dialog.plan()
    assert dialog.model.rowCount() == len(plan.measures) > 40
    assert "吉政办发[2020]34号" in dialog.info_label.text()


def test_gb18030_file_and_encoding_choice(dialog, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(DOC.encode("gb18030"))
    assert dialog.load_file(str(path))
    assert dialog.text_edit.toPlainText().startswith("关于测试的通知")
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("utf-8"))
    assert not dialog.error_label.isHidden()  # GBK bytes are not UTF-8: a message, no crash
    assert "doc.txt" in dialog.error_label.text()


def test_unreadable_and_empty_input(dialog, tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert not dialog.load_file(str(path))
    assert not dialog.error_label.isHidden()
    assert not dialog.show_preview()  # no text
    assert dialog.pages.currentIndex() == 0
    assert dialog.plan() is None


def test_run_import_dialog_cancel(monkeypatch, qtbot):
    monkeypatch.setattr(ImportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    created = []
    assert import_dialog.run_import_dialog(None, lambda *a: created.append(a) or True) is False
    assert created == []


def test_unreadable_files_are_explained_in_the_ui_language(dialog, tmp_path):
    from matrixdesk.ui.i18n import install_translators

    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89IMG\x00\x01\x02" * 64)
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    try:
        assert not dialog.load_file(str(binary))
        assert "NUL" not in dialog.error_label.text()  # not the parser's English sentence
        assert "不是 MatrixDesk 能读取的文档" in dialog.error_label.text()
        assert not dialog.load_file(str(tmp_path / "missing.txt"))
        assert "不存在" in dialog.error_label.text()
    finally:
        install_translators(app, "en")


FILES = Path(__file__).resolve().parents[1] / "parse" / "files"


def test_a_word_document_opens_into_the_text_and_previews(dialog, tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parse"))
    from test_parse_word import notice_with_annex

    path = tmp_path / "分工方案.docx"
    notice_with_annex(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog.open_button.click()
    assert dialog.error_label.isHidden()
    assert "附件" in dialog.text_edit.toPlainText()
    assert dialog.show_preview()
    model = dialog.model
    assert [model.index(r, LEAD).data() for r in range(model.rowCount())] == [
        "",
        "省商务厅",
        "省商务厅",
        "",
        "省邮政管理局",
    ]
    assert model.flagged_rows() == []


@pytest.mark.parametrize(
    ("name", "english", "chinese"),
    [
        ("notice.doc", "Word 97-2003 document (.doc)", "另存为 .docx"),
        ("real-notice.wps", "WPS Writer document (.wps)", "WPS 文字文档"),
        ("notice-password.docx", "protected by a password", "密码保护"),
        ("notice-password.pdf", "protected by a password", "密码保护"),
        ("real-gazette-garbled.pdf", "cannot be read", "字体没有字符编码"),
        ("tasks.xls", "Excel 97-2003 workbook (.xls)", "另存为 .xlsx"),
    ],
)
def test_files_that_cannot_be_read_say_what_to_do(dialog, name, english, chinese):
    from matrixdesk.ui.i18n import install_translators

    assert not dialog.load_file(str(FILES / name))
    assert english in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == ""
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    try:
        assert not dialog.load_file(str(FILES / name))
        assert chinese in dialog.error_label.text()
    finally:
        install_translators(app, "en")


def test_a_pdf_opens_into_paragraphs_and_a_scan_is_explained(dialog, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parse"))
    from qtpdf import write_scan

    assert dialog.load_file(str(FILES / "anhui-2022.pdf"))
    text = dialog.text_edit.toPlainText()
    assert text.startswith("关于印发进一步做好近期促进消费工作")
    assert dialog.show_preview()
    assert dialog.model.rowCount() == 11
    scan = tmp_path / "扫描件.pdf"
    write_scan(scan)
    assert not dialog.load_file(str(scan))
    assert "扫描件.pdf" in dialog.error_label.text()
    assert "no text layer" in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == text  # the text already there is left alone


def test_a_task_workbook_previews_and_a_contact_list_is_refused(dialog, tmp_path):
    import sys

    import openpyxl

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parse"))
    from test_parse_sheet import task_workbook

    path = tmp_path / "分工表.xlsx"
    task_workbook(path)
    assert dialog.load_file(str(path))
    assert dialog.show_preview()
    assert dialog.model.index(1, LEAD).data() == "省商务厅"
    assert dialog.model.index(1, SUPPORT).data() == "省发展改革委、省财政厅"
    contacts = tmp_path / "通讯录.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "单位", "电话"])
    wb.save(contacts)
    assert not dialog.load_file(str(contacts))
    assert "重点任务" in dialog.error_label.text() and "牵头单位" in dialog.error_label.text()


def test_a_saved_web_page_with_a_task_table_previews(dialog):
    assert dialog.load_file(str(FILES / "notice.html"))
    assert "序号\t重点任务\t牵头单位" in dialog.text_edit.toPlainText()
    assert dialog.show_preview()
    assert dialog.model.rowCount() == 5
    assert dialog.model.index(4, LEAD).data() == "省邮政管理局"


def test_a_file_too_big_is_refused_before_it_is_read(dialog, tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: no disk is used
    assert not dialog.load_file(str(big))
    assert "too big" in dialog.error_label.text()


def test_a_workbook_is_sent_to_excel_not_word(dialog):
    from matrixdesk.ui.i18n import install_translators

    assert not dialog.load_file(str(FILES / "tasks.xls"))
    assert "Open it in Excel or WPS" in dialog.error_label.text()
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    try:
        assert not dialog.load_file(str(FILES / "tasks.xls"))
        assert "Excel 或 WPS" in dialog.error_label.text()
        assert not dialog.load_file(str(FILES / "notice.doc"))
        assert "Word 或 WPS" in dialog.error_label.text()
    finally:
        install_translators(app, "en")
