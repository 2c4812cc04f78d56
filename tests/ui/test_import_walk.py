"""File ▸ New from Document… used as a coordinator uses it: the keys that go on, the columns
the preview shows, the way back from the save dialog, and what a protected or odd file is told.
Found on a real desktop (xdotool, screenshots); driven here through the window's menus and the
dialog's real widgets, with only the file dialogs patched."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.dialogs import import_dialog
from matrixdesk.ui.dialogs.import_dialog import DEADLINE, LEAD, SUPPORT, ImportDialog

FILES = Path(__file__).resolve().parents[1] / "parse" / "files"
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
TASKS = [
    [1, "加快建设城市一刻钟便民生活圈", "省商务厅", "省发展改革委、省住房城乡建设厅", "2024年底前"],
    [2, "扩大文旅消费", "市文旅局", "市文旅广电局", "长期坚持"],
    [3, "完善机场服务", "省机场集团", "省民航机场集团", "2024年12月"],
]


def workbook(path: Path, order: list[int]) -> Path:
    """A 任务分工 workbook written by openpyxl, its columns in ``order``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["关于印发任务分工方案的通知"])
    for row in [HEADER, *TASKS]:
        sheet.append([row[i] for i in order])
    book.save(path)
    return path


@pytest.fixture
def dialog(qtbot):
    widget = ImportDialog()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_through_button(dialog, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    QTest.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)


def test_enter_after_opening_a_file_previews_it(dialog, monkeypatch, tmp_path):
    """Enter after opening a workbook added an empty line to the text (the focus was in the
    text box), although Preview was drawn as the default button."""
    open_through_button(dialog, monkeypatch, workbook(tmp_path / "分工.xlsx", [0, 1, 2, 3, 4]))
    text = dialog.text_edit.toPlainText()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 1
    assert dialog.text_edit.toPlainText() == text
    assert dialog.model.index(0, LEAD).data() == "省商务厅"


def test_ctrl_enter_goes_on_from_the_text_box(dialog):
    """Pasted text: Enter is a new line in the text, Ctrl+Enter previews, then creates."""
    dialog.text_edit.setFocus()
    dialog.text_edit.insertPlainText("（一）推进甲。（省商务厅负责）")  # QTest types ASCII only
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 0
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.currentIndex() == 1
    control = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, control)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 2, 0, 3, 1]])
def test_the_preview_shows_the_deadlines_it_read(dialog, tmp_path, order):
    """The 完成时限 column of a task table went into the plan but the preview did not show it:
    the coordinator could not check it before creating the plan."""
    assert dialog.load_file(str(workbook(tmp_path / "分工.xlsx", order)))
    assert dialog.show_preview()
    model = dialog.model
    assert model.headerData(DEADLINE, Qt.Orientation.Horizontal) == "Deadline"
    assert [model.index(r, DEADLINE).data() for r in range(3)] == [
        "2024年底前",
        "长期坚持",
        "2024年12月",
    ]
    assert model.index(0, SUPPORT).data() == "省发展改革委、省住房城乡建设厅"


def test_the_preview_shows_a_wait_cursor_while_it_reads(dialog, monkeypatch):
    """10,000 measures took 3 s to read with an arrow cursor and a window that did not move."""
    seen = []
    real = import_dialog.parse_document

    def parse(text):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor else None)
        return real(text)

    monkeypatch.setattr(import_dialog, "parse_document", parse)
    dialog.text_edit.setPlainText("（一）推进甲。（省商务厅负责）")
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert seen == [Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None  # and it is taken away again


def test_cancelling_where_to_save_goes_back_to_the_preview(
    window, monkeypatch, menu_action, tmp_path
):
    """Create plan, then Cancel in the save dialog, threw the whole import away: the preview,
    and every merge clicked in it, had to be done again."""
    runs = []

    def exec_(dialog):
        runs.append(dialog.pages.currentIndex())
        if len(runs) == 1:  # the first time: read a document, merge a pair, create
            dialog.text_edit.setPlainText(
                "（一）扩大文旅消费。（市文旅局负责）\n（二）繁荣夜间经济。（市文旅广电局负责）"
            )
            QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
            QTest.mouseClick(dialog.notes_panel.buttons[0], Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", exec_)
    target = tmp_path / "新计划.mdesk"
    answers = iter(["", str(target)])  # Cancel, then a file name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    menu_action(window, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert runs == [0, 1]  # it came back on the preview page
    assert target.exists()
    assert window.document.path == str(target)
    names = [d.name for d in window.document.store.departments()]
    assert names == ["市文旅广电局"]  # the merge made before the Cancel was kept


def test_cancelling_the_import_creates_nothing(window, monkeypatch, menu_action):
    asked = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    before = window.document.path
    menu_action(window, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert asked == [] and window.document.path == before


# -- files that cannot be read ----------------------------------------------------------------
def test_a_protected_pdf_is_not_sent_to_word(dialog):
    """The window told the owner of a protected PDF to open it in Word, WPS or Excel."""
    from matrixdesk.ui.i18n import install_translators

    assert not dialog.load_file(str(FILES / "notice-password.pdf"))
    english = dialog.error_label.text()
    assert "PDF" in english and "password" in english
    assert "Word, WPS or Excel" not in english and "Excel" not in english
    assert not dialog.load_file(str(FILES / "notice-password.docx"))
    assert "Open it in Word or WPS" in dialog.error_label.text()
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    try:
        assert not dialog.load_file(str(FILES / "notice-password.pdf"))
        chinese = dialog.error_label.text()
        assert "密码" in chinese and "Excel" not in chinese
    finally:
        install_translators(app, "en")


def test_a_picture_renamed_txt_is_named_a_picture(dialog, tmp_path):
    """A photographed page saved as 通知.txt was 'not a document MatrixDesk reads'."""
    from PySide6.QtGui import QImage

    path = tmp_path / "通知.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    assert image.save(str(path))
    renamed = tmp_path / "通知.txt"
    renamed.write_bytes(path.read_bytes())
    assert not dialog.load_file(str(renamed))
    assert "通知.txt" in dialog.error_label.text()
    assert "picture (PNG)" in dialog.error_label.text()
    assert "OCR" in dialog.error_label.text()


def test_a_workbook_with_only_its_header_says_so(dialog, tmp_path):
    """It was read as a one-line text, and the preview then spoke of numbered measures."""
    path = tmp_path / "空表.xlsx"
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.save(path)
    assert not dialog.load_file(str(path))
    assert "header row but no tasks" in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == ""


def test_a_misread_measure_is_corrected_from_the_preview(dialog):
    """A wrong reading could only be fixed by going back and finding the measure in the text by
    eye (in a 100-measure document, by scrolling). A double-click on its row selects its words
    in the text; correct them, preview again. A character outside the BMP (𠮷, two UTF-16
    units in Qt) before it does not shift the selection."""
    text = (
        "关于𠮷林的通知\n（一）推进甲。（省商务厅负责）\n"
        "（二）推进乙。（省财厅负责）\n（三）推进丙。（省教育厅负责）\n"
    )
    dialog.text_edit.setPlainText(text)
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    model, view = dialog.model, dialog.view
    row = next(r for r in range(model.rowCount()) if model.index(r, LEAD).data() == "省财厅")
    rect = view.visualRect(model.index(row, LEAD))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.pages.currentIndex() == 0
    assert QApplication.focusWidget() is dialog.text_edit
    selected = dialog.text_edit.textCursor().selectedText()
    assert selected.startswith("（二）推进乙") and "省财厅" in selected
    assert "推进甲" not in selected and "推进丙" not in selected
    dialog.text_edit.insertPlainText("（二）推进乙。（省财政厅负责）")  # typed over the selection
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.currentIndex() == 1
    assert [model.index(r, LEAD).data() for r in range(model.rowCount())] == [
        "省商务厅",
        "省财政厅",
        "省教育厅",
    ]


def test_the_preview_shows_a_list_left_open(dialog):
    """…（省发展改革委、省财政厅等负责）: the plan marks the task open-ended (等部门), and the
    preview showed the two names as if the list were complete."""
    dialog.text_edit.setPlainText(
        "（一）推进甲。（省商务厅牵头，省发展改革委、省财政厅等负责）\n"
        "（二）推进乙。（省商务厅负责）\n"
        "（三）推进丙。（省教育厅等部门负责）\n"
    )
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    model = dialog.model
    assert [model.index(r, SUPPORT).data() for r in range(3)] == [
        "省发展改革委、省财政厅等",
        "",
        "等",
    ]
    assert dialog.plan().measures[0].open_ended and not dialog.plan().measures[1].open_ended


def test_a_wps_file_is_listed_and_then_explained(dialog, monkeypatch):
    """The file dialog listed only the formats that are read: a coordinator with a .wps or .doc
    did not see the file at all, and never got the message saying to save it as .docx."""
    offered = []

    def get_open(parent, title, folder, filters, *rest, **kw):
        offered.append(filters.split(";;")[0])
        return str(FILES / "real-notice.wps"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open)
    QTest.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert all(f"*.{kind}" in offered[0] for kind in ("docx", "doc", "wps", "xls", "et", "pdf"))
    assert "WPS Writer document (.wps)" in dialog.error_label.text()
    assert "save it as .docx" in dialog.error_label.text()
