"""Defects found using the window as a coordinator does (in Chinese and English, under a
window manager), each reproduced through the menus with the dialogs patched at the dialog."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from matrixdesk.core.progress import ProgressEntry, ProgressUpdate
from matrixdesk.store import MatrixStore
from matrixdesk.ui import i18n
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.dialogs.schedule_dialog import ScheduleDialog
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def chinese(qapp):
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


@pytest.fixture
def window(qtbot):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    yield w
    w.set_document(None)


class Boxes:
    """Every message box's text, static or built; built boxes also keep their details."""

    def __init__(self, monkeypatch):
        self.texts: list[str] = []
        self.details: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: self.texts.append(a[2]))
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box):
        self.texts.append(box.text())
        self.details.append(box.detailedText())
        return 0


def english_words(text: str, *allowed: str) -> list[str]:
    """Words of Latin letters left in ``text`` once names that stay as they are are removed."""
    for name in (*allowed, "MatrixDesk", "SQLite"):
        text = text.replace(name, "")
    return re.findall(r"[A-Za-z]{3,}", text)


def _bad_plans(folder: Path, good: str) -> dict[str, Path]:
    raw = Path(good).read_bytes()
    files = {
        "cut.mdesk": raw[:5000],
        "text.mdesk": "不是任务分工".encode() * 50,
        "empty.mdesk": b"",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    conn = sqlite3.connect(folder / "foreign.mdesk")
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    return {name: folder / name for name in [*files, "foreign.mdesk"]}


def test_a_refused_plan_is_explained_in_chinese_in_the_chinese_window(
    chinese, window, plan_file, tmp_path, monkeypatch, menu_action
):
    """File ▸ Open on a cut-short plan said 'the file is truncated (5000 of 147456 bytes)',
    on another program's database 'an SQLite database, but not a MatrixDesk plan': English
    under the Chinese sentence."""
    assert window.files.open_path(plan_file, remember=False)
    bad = _bad_plans(tmp_path, plan_file)
    boxes = Boxes(monkeypatch)
    for name, path in bad.items():
        before = path.read_bytes()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=str(path), **k: (p, ""))
        menu_action(window, ActionId.OPEN).trigger()
        shown = boxes.texts[-1]
        assert name in shown
        assert english_words(shown, name) == [], shown
        assert path.read_bytes() == before  # nothing changed
        assert window.document.path == plan_file  # the open plan stays open
    assert len(boxes.texts) == len(bad)  # one message each
    assert "5000" in boxes.texts[0]  # what is left of the file is still said


def test_a_refused_plan_is_explained_in_the_english_window(
    window, plan_file, tmp_path, monkeypatch, menu_action
):
    path = _bad_plans(tmp_path, plan_file)["foreign.mdesk"]
    boxes = Boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, ActionId.OPEN).trigger()
    assert "a database of another program" in boxes.texts[0]


def _schedule_answers(monkeypatch, fill):
    """ScheduleDialog.exec as a user: ``fill(dialog)`` types, then OK is pressed (a refusal
    keeps the dialog open: then Cancel)."""

    def exec_(dialog):
        fill(dialog)
        dialog.buttons.accepted.emit()
        if dialog.result() != ScheduleDialog.DialogCode.Accepted:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ScheduleDialog, "exec", exec_)


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [("2027-01", "2026-12", "末期早于首期"), ("2026-13", "", "不是报送期次")],
)
def test_a_schedule_refused_by_the_dialog_says_why_in_chinese(
    chinese, window, plan_file, monkeypatch, menu_action, first, last, said
):
    """Edit ▸ Reporting Schedule with the last period before the first said 'the last
    reporting period is before the first' in the Chinese window."""
    assert window.files.open_path(plan_file, remember=False)
    before = window.document.store.schedule()

    def fill(dialog):
        dialog.first.setText(first)
        dialog.last.setText(last)

    _schedule_answers(monkeypatch, fill)
    boxes = Boxes(monkeypatch)
    menu_action(window, ActionId.SCHEDULE).trigger()
    assert len(boxes.texts) == 1 and said in boxes.texts[0]
    assert english_words(boxes.texts[0]) == [], boxes.texts[0]
    assert window.document.store.schedule() == before


def test_a_schedule_refused_by_the_plan_says_why_in_chinese(
    chinese, window, plan_file, monkeypatch, menu_action
):
    """Removing a status departments have reported was refused with 'the status 推进中 is in
    use: keep it in the list'."""
    store = MatrixStore.open(plan_file)
    period = store.schedule().first or "2026-11"
    status = store.schedule().statuses[1].name
    store.apply_progress(ProgressUpdate(entries=[ProgressEntry(1, 1, period, status, "")]))
    store.close()
    assert window.files.open_path(plan_file, remember=False)
    before = window.document.store.schedule()

    def fill(dialog):
        row = next(
            r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == status
        )
        dialog.table.removeRow(row)

    _schedule_answers(monkeypatch, fill)
    boxes = Boxes(monkeypatch)
    menu_action(window, ActionId.SCHEDULE).trigger()
    QCoreApplication.processEvents()
    assert len(boxes.texts) == 1 and f"“{status}”" in boxes.texts[0]
    assert english_words(boxes.texts[0]) == [], boxes.texts[0]
    assert window.document.store.schedule() == before


def test_an_english_detail_with_no_translation_goes_under_show_details(
    chinese, window, plan_file, monkeypatch, menu_action
):
    """A plan holding values MatrixDesk never writes lists them in English (store words): in
    the Chinese window they are under Show Details…, the box itself says it in Chinese."""
    conn = sqlite3.connect(plan_file)
    conn.execute("UPDATE targets SET value = '约60' WHERE id = 1")
    conn.commit()
    conn.close()
    boxes = Boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (plan_file, ""))
    menu_action(window, ActionId.OPEN).trigger()
    assert len(boxes.texts) == 1 and "plan.mdesk" in boxes.texts[0]
    assert english_words(boxes.texts[0], "plan.mdesk") == [], boxes.texts[0]
    assert "'约60', not a number" in boxes.details[0]
    assert window.document is None


def test_a_plan_from_a_task_table_exports_a_master_workbook_with_a_plain_title(
    window, tmp_path, monkeypatch, menu_action
):
    """A plan read from an .xlsx task table has no title or 文号: File ▸ Export Workbook…
    titled its first sheet 重点任务重点任务分工."""
    import openpyxl

    from matrixdesk.parse import parse_file

    table = tmp_path / "tasks.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    wb.active.append([1, "加快建设冰雪场地", "省体育局", "省财政厅", "2026年底"])
    wb.save(table)
    plan = tmp_path / "tasks.mdesk"
    MatrixStore.create(str(plan), parse_file(table)).close()
    assert window.files.open_path(str(plan), remember=False)
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, ActionId.EXPORT_WORKBOOK).trigger()
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet["A1"].value == "重点任务分工"


def test_open_recent_tells_apart_two_plans_of_one_name(
    window, plan_file, tmp_path, monkeypatch, menu_action
):
    """Last year's plan beside this year's, both 计划.mdesk in their year's folder: File ▸
    Open Recent listed '1 计划.mdesk' and '2 计划.mdesk', which is which only in the status
    bar; each now names its folder, a name met once stays short."""
    import shutil

    plans = []
    for year in ("2025", "2026"):
        (tmp_path / year).mkdir()
        plans.append(str(tmp_path / year / "计划.mdesk"))
        shutil.copyfile(plan_file, plans[-1])
    for path in [*plans, plan_file]:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (p, ""))
        menu_action(window, ActionId.OPEN).trigger()
    recent = window.submenus["recent"]
    recent.aboutToShow.emit()
    texts = {a.statusTip(): a.text() for a in recent.actions() if a.statusTip()}
    assert texts[plans[0]].endswith(f"计划.mdesk  ({tmp_path / '2025'})")
    assert texts[plans[1]].endswith(f"计划.mdesk  ({tmp_path / '2026'})")
    assert texts[plan_file].endswith("  plan.mdesk")
    next(a for a in recent.actions() if a.statusTip() == plans[0]).trigger()
    assert window.document.path == plans[0]


@pytest.mark.parametrize(("language", "shown"), [("en", "2026-11"), ("zh_CN", "2026年11月")])
def test_the_progress_panel_writes_periods_in_the_windows_language(
    qapp, qtbot, plan_file, menu_action, language, shown
):
    """View ▸ Panels ▸ Progress in the English window offered '2026年11月' and said
    '2026年11月: 0 departments reported, 4 to chase'."""
    from PySide6.QtWidgets import QComboBox, QLabel

    from matrixdesk.core.progress import Cadence, Schedule

    store = MatrixStore.open(plan_file)
    store.set_schedule(Schedule(Cadence.MONTH, "2026-11", "2026-12"))
    store.close()
    i18n.install_translators(qapp, language)
    try:
        w = MainWindow(persist_layout=False)
        qtbot.addWidget(w)
        w.show()
        assert w.files.open_path(plan_file, remember=False)
        menu_action(w, ActionId.GO_PROGRESS).trigger()
        QCoreApplication.processEvents()
        box = w.findChild(QComboBox, "progressPeriod")
        assert box.itemText(0) == shown and box.itemData(0) == "2026-11"
        panel = w.findChild(QWidget, "progressPanel")
        said = [label.text() for label in panel.findChildren(QLabel) if shown + ":" in label.text()]
        assert said or language != "en", [lb.text() for lb in panel.findChildren(QLabel)]
        w.set_document(None)
    finally:
        i18n.install_translators(qapp, "en")


def test_a_new_plan_refused_by_its_folder_asks_again_in_chinese(
    chinese, window, tmp_path, monkeypatch, menu_action
):
    """File ▸ New from Document, then a folder that cannot be written (a stick pulled out, a
    read-only share): the Chinese window said '/tmp/ro: the folder is not writable' and the
    whole import was gone; now it says so in Chinese and asks for another place."""
    from matrixdesk.parse import parse_text
    from matrixdesk.ui.dialogs import import_dialog

    seed = (Path(__file__).resolve().parents[2] / "samples" / "jizhengbanfa-2020-34.txt").read_text(
        encoding="utf-8"
    )
    monkeypatch.setattr(
        import_dialog, "run_import_dialog", lambda parent, create: create(parse_text(seed), "")
    )
    gone = tmp_path / "U盘" / "计划.mdesk"
    good = tmp_path / "计划.mdesk"
    answers = [str(gone), str(good)]
    asked = []

    def save(parent, title, suggested, filters, *a, **k):
        asked.append(os.path.basename(suggested))
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    boxes = Boxes(monkeypatch)
    menu_action(window, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert len(boxes.texts) == 1 and "U盘" in boxes.texts[0]
    assert english_words(boxes.texts[0], str(gone.parent)) == [], boxes.texts[0]
    assert asked == ["吉政办发[2020]34号.mdesk", "计划.mdesk"]  # asked again, its name kept
    assert window.document is not None and window.document.path == str(good)
    assert not gone.parent.exists()


def test_new_from_document_takes_the_pasted_text_at_once(qtbot, window, monkeypatch, menu_action):
    """Ctrl+N, then Ctrl+V (the text copied from Word): the keys went to the Open file…
    button and nothing was pasted; Preview then said 'There is no text to import yet'. Back
    from the preview returns to the text too, and Encoding has a mnemonic."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel

    from matrixdesk.ui.dialogs.import_dialog import ImportDialog

    text = "一、总体要求\n（一）加快建设冰雪场地。（省体育局、省财政厅负责）\n"
    seen = {}

    def user(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        QGuiApplication.clipboard().setText(text)
        ctrl = Qt.KeyboardModifier.ControlModifier
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, ctrl)
        QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        seen["rows"] = dialog.model.rowCount()
        QTest.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
        seen["back"] = QApplication.focusWidget() is dialog.text_edit
        labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.encoding_combo]
        seen["encoding"] = [w.text() for w in labels]
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", user)
    menu_action(window, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert seen == {"rows": 2, "back": True, "encoding": ["&Encoding:"]}


def test_a_refused_workbook_names_the_cell_to_fix(
    chinese, window, plan_file, tmp_path, monkeypatch, menu_action, fill_workbook
):
    """File ▸ Collect Returned Workbooks… on a workbook whose 状态 says 完成了 (typed over the
    drop-down): the preview said only that a status is not in the list; the coordinator must
    tell the department which cell holds what."""
    from PySide6.QtTest import QTest

    from matrixdesk.exchange import export_departments
    from matrixdesk.ui.dialogs.collect_dialog import CollectDialog

    store = MatrixStore.open(plan_file)
    files = {p.stem: p for p in export_departments(store.plan(), tmp_path / "o", period="2026-11")}
    store.close()
    back = fill_workbook(files["省商务厅"], statuses={3: "完成了"})
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([back], ""))
    assert window.files.open_path(plan_file, remember=False)
    seen = []

    def user(dialog):
        dialog.show()
        QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        top = dialog.tree.topLevelItem(0)
        seen.append(top.child(0).text(0))
        dialog.reject()
        return dialog.result()

    from PySide6.QtCore import Qt

    monkeypatch.setattr(CollectDialog, "exec", user)
    menu_action(window, ActionId.COLLECT).trigger()
    assert seen == ["状态不在本任务分工的状态列表中。单元格 L4：完成了"]


def test_new_from_document_fits_a_small_screen(qtbot, window, monkeypatch, menu_action):
    """At 1024×700 (a laptop at 150 %) the 1000×680 dialog with its title bar was taller than
    the screen above the taskbar: its Preview, Create and Cancel buttons were out of sight.
    (The test screen is 800×800.)"""
    from matrixdesk.ui.dialogs.import_dialog import ImportDialog

    seen = {}

    def user(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        room = dialog.screen().availableGeometry()
        seen["fits"] = dialog.width() < room.width() and dialog.height() + 30 < room.height()
        seen["size"] = (dialog.width(), dialog.height(), room.width(), room.height())
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", user)
    menu_action(window, ActionId.NEW_FROM_DOCUMENT).trigger()
    assert seen["fits"], seen["size"]


def test_colour_cells_by_status_says_what_the_colours_mean(chinese, window, plan_file, menu_action):
    """View ▸ Colour Cells by Status painted green, blue, red, grey and pale yellow cells with
    no key anywhere (the status bar still said ● 牵头 ○ 配合); the key now names each colour by
    the plan's own statuses, and goes when the colours go."""
    from PySide6.QtWidgets import QLabel

    assert window.files.open_path(plan_file, remember=False)
    label = window.statusBar().findChildren(QLabel)
    before = [lb.text() for lb in label]
    colours = menu_action(window, ActionId.STATUS_COLOURS)
    colours.trigger()
    key = next(lb.text() for lb in label if "已完成" in lb.text())
    for name, colour in [("已完成", "#c6efce"), ("滞后", "#f8cbad"), ("未报送", "#fff2cc")]:
        assert name in key and colour in key
    assert "逾期" in key
    colours.trigger()
    assert [lb.text() for lb in label] == before


def test_the_progress_panel_shows_its_rows_on_a_big_window(
    open_window, chinese, qtbot, plan_file, menu_action
):
    """At 1600×1000, View ▸ Panels ▸ Progress under the matrix showed its filters, the header
    and one and a half rows of departments."""
    from PySide6.QtWidgets import QTableView

    w = open_window(plan_file, (1600, 1000))
    menu_action(w, ActionId.GO_PROGRESS).trigger()
    QCoreApplication.processEvents()
    table = w.findChild(QTableView, "progressTable")
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    assert rows >= 2, rows
    w.set_document(None)


def test_the_total_column_is_headed_by_a_turned_word_in_english(open_window, qtbot, plan_file):
    """The English grid headed its last column T / o / t / a / l, one upright letter a line
    (the way Chinese names stand); Latin text is turned instead, as in Excel."""
    from PySide6.QtCore import Qt

    from matrixdesk.ui.models.matrix_model import ColumnKind, ItemRole
    from matrixdesk.ui.widgets.matrix_view import DepartmentHeader

    w = open_window(plan_file, (1600, 1000))
    QCoreApplication.processEvents()
    header = next(h for h in w.findChildren(DepartmentHeader) if h.isVisible() and h.count() > 2)
    model = header.model()
    total = next(
        s
        for s in range(header.count())
        if model.headerData(s, Qt.Orientation.Horizontal, ItemRole.COLUMN_KIND) == ColumnKind.TOTAL
    )
    assert model.headerData(total, Qt.Orientation.Horizontal) == "Total"
    image = header.grab().toImage()
    left = header.sectionViewportPosition(total)
    ink = [
        (x, y)
        for x in range(left + 2, left + header.sectionSize(total) - 2)
        for y in range(2, image.height() - 2)
        if image.pixelColor(x, y).lightness() < 100
    ]
    height = max(y for _, y in ink) - min(y for _, y in ink)
    from PySide6.QtGui import QFontMetrics

    bold = header.font()
    bold.setBold(True)
    word = QFontMetrics(bold).horizontalAdvance("Total")
    assert height <= word + 2, (height, word)  # one turned word, not five lines of a letter
    w.set_document(None)


def test_the_departments_panel_names_fit_on_a_small_window(
    open_window, chinese, qtbot, plan_file, menu_action
):
    """At 1024×700 (every panel in the right column) View ▸ Panels ▸ Departments left the
    names 60 px beside four columns of one-digit counts: 省农业…, 省邮政…."""
    from PySide6.QtWidgets import QTableView

    from matrixdesk.ui.widgets.departments_panel import DepartmentsPanel

    w = open_window(plan_file, (1024, 700))
    menu_action(w, ActionId.GO_DEPARTMENTS).trigger()
    QCoreApplication.processEvents()
    panel = w.findChild(DepartmentsPanel)
    view = panel.findChild(QTableView)
    widths = [view.columnWidth(c) for c in range(5)]
    digits = view.horizontalHeader().fontMetrics().horizontalAdvance("0000")
    assert widths[0] >= 0.45 * view.viewport().width(), widths  # the names take the most room
    assert max(widths[2:4]) <= max(digits, 40) + 16, widths  # counts of up to four digits
    w.set_document(None)
