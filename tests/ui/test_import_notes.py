"""The import preview says what it could not read and offers variant merges, one click each."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from matrixdesk.ui.dialogs.import_dialog import LEAD, ImportDialog

DOC = """某市关于促进消费的若干措施
一、扩大文旅消费
（一）举办冰雪节。加强冰雪宣传。（市文旅局负责）举办冰雪嘉年华。（市文旅广电局牵头，市商务局配合）
（二）优化金融服务。（地方金融监管局、保险、基金等负责）
（三）加强风险防控。（省地方金融监管局负责）
（四）做好宣传引导。（全社会、各类媒体等负责）
"""


@pytest.fixture
def dialog(qtbot):
    widget = ImportDialog()
    qtbot.addWidget(widget)
    widget.text_edit.setPlainText(DOC)
    assert widget.show_preview()
    return widget


def test_the_preview_names_what_it_could_not_read(dialog):
    notes = dialog.notes_panel
    assert not notes.skipped_label.isHidden()
    assert "（四）：（全社会、各类媒体等负责）" in notes.skipped_label.text()
    assert not notes.refused_label.isHidden()
    assert "（二）：保险" in notes.refused_label.text()
    assert "（二）：基金" in notes.refused_label.text()
    assert dialog.model.flagged_rows() == [6]  # （四）: nobody recognised


def test_variants_are_offered_and_merged_one_click_each(dialog):
    plan = dialog.plan()
    names = [d.name for d in plan.departments]
    assert "市文旅局" in names and "市文旅广电局" in names
    notes = dialog.notes_panel
    assert [b.text() for b in notes.buttons] == [
        "Merge into 市文旅广电局",
        "Merge into 省地方金融监管局",
    ]
    assert "2 pairs of names" in notes.variants_title.text()
    QTest.mouseClick(notes.buttons[0], Qt.MouseButton.LeftButton)
    names = [d.name for d in plan.departments]
    assert "市文旅局" not in names
    merged = plan.department_named("市文旅局")
    assert merged is not None and merged.name == "市文旅广电局"
    assert dialog.model.index(2, LEAD).data() == "市文旅广电局"  # 1.1, was 市文旅局
    assert dialog.summary_label.text().startswith("7 measures")
    assert f"{len(plan.departments)} departments" in dialog.summary_label.text()
    assert [b.text() for b in notes.buttons] == ["Merge into 省地方金融监管局"]
    assert notes.merged_pairs() == [("市文旅局", "市文旅广电局")]
    assert [b.text() for b in notes.undo_buttons] == ["Undo merge"]
    dialog.create_button.click()
    assert dialog.plan() is plan  # the merge goes into the created plan


def test_nothing_is_merged_without_a_click(dialog):
    names = [d.name for d in dialog.plan().departments]
    assert {"市文旅局", "市文旅广电局", "地方金融监管局", "省地方金融监管局"} <= set(names)


def test_a_clean_document_shows_no_notes(qtbot):
    widget = ImportDialog()
    qtbot.addWidget(widget)
    widget.text_edit.setPlainText(
        "（一）推进甲。（省商务厅负责）\n（二）推进乙。（省财政厅负责）\n"
    )
    assert widget.show_preview()
    notes = widget.notes_panel
    for part in (notes.skipped_label, notes.refused_label, notes.variant_area):
        assert part.isHidden()
    assert notes.merge_all_button.isHidden()


def test_notes_speak_chinese(qapp, dialog):
    from matrixdesk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    try:
        assert dialog.show_preview()
        notes = dialog.notes_panel
        assert notes.buttons[0].text() == "合并为 市文旅广电局"
        assert "组名称可能是同一部门" in notes.variants_title.text()
    finally:
        install_translators(qapp, "en")


def test_merges_survive_going_back_to_the_text(dialog):
    notes = dialog.notes_panel
    QTest.mouseClick(notes.buttons[0], Qt.MouseButton.LeftButton)  # 市文旅局 → 市文旅广电局
    QTest.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    dialog.text_edit.appendPlainText("（五）繁荣夜间经济。（市商务局负责）")  # an edit on page 1
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    plan = dialog.plan()
    assert "市文旅局" not in [d.name for d in plan.departments]
    assert plan.department_named("市文旅局").name == "市文旅广电局"
    assert dialog.model.index(2, LEAD).data() == "市文旅广电局"
    assert notes.merged_pairs() == [("市文旅局", "市文旅广电局")]
    assert [b.text() for b in notes.buttons] == ["Merge into 省地方金融监管局"]
    assert f"{len(plan.departments)} departments" in dialog.summary_label.text()
    dialog.create_button.click()
    assert dialog.plan() is plan


def test_another_document_forgets_the_merges(dialog, tmp_path):
    QTest.mouseClick(dialog.notes_panel.buttons[0], Qt.MouseButton.LeftButton)
    other = tmp_path / "other.txt"
    other.write_text(DOC, encoding="utf-8")
    assert dialog.load_file(str(other))
    assert dialog.show_preview()
    names = [d.name for d in dialog.plan().departments]
    assert "市文旅局" in names and "市文旅广电局" in names
    assert dialog.notes_panel.merged_pairs() == []
    assert dialog.notes_panel.undo_buttons == []


def test_a_separator_lost_at_a_pdf_line_end_is_offered_as_a_merge(qtbot):
    """The Anhui notice as PDF: '以下均需各市' / '县人民政府落实' lost its 、 at the line end, and
    the preview listed 各市县人民政府 beside 各市、县人民政府 without offering to merge them."""
    from pathlib import Path

    widget = ImportDialog()
    qtbot.addWidget(widget)
    pdf = Path(__file__).resolve().parents[1] / "parse" / "files" / "anhui-2022.pdf"
    assert widget.load_file(str(pdf)) and widget.show_preview()
    plan, notes = widget.plan(), widget.notes_panel
    assert {"各市县人民政府", "各市、县人民政府"} <= {d.name for d in plan.departments}
    offered = [b.text() for b in notes.buttons]
    assert offered == ["Merge into 各市、县人民政府"]
    QTest.mouseClick(notes.buttons[0], Qt.MouseButton.LeftButton)
    merged = plan.department_named("各市、县人民政府")
    assert merged is not None and merged.aliases == ["各市县人民政府"]
    assert sum(a.department_id == merged.id for a in plan.assignments) == 11


def test_a_merge_clicked_by_mistake_is_undone_with_one_click(dialog):
    """The merged pair stayed merged, even after going back to the text: a wrong click could
    only be undone by opening the document again."""
    notes = dialog.notes_panel
    QTest.mouseClick(notes.buttons[0], Qt.MouseButton.LeftButton)  # 市文旅局 → 市文旅广电局
    departments = len(dialog.plan().departments)
    assert len(notes.undo_buttons) == 1
    QTest.mouseClick(notes.undo_buttons[0], Qt.MouseButton.LeftButton)
    plan = dialog.plan()
    assert dialog.pages.currentIndex() == 1  # still on the preview
    assert {"市文旅局", "市文旅广电局"} <= {d.name for d in plan.departments}
    assert len(plan.departments) == departments + 1
    assert dialog.model.index(2, LEAD).data() == "市文旅局"
    assert notes.merged_pairs() == [] and notes.undo_buttons == []
    assert [b.text() for b in notes.buttons] == [
        "Merge into 市文旅广电局",
        "Merge into 省地方金融监管局",
    ]
    QTest.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)  # and it stays undone
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert {"市文旅局", "市文旅广电局"} <= {d.name for d in dialog.plan().departments}


def test_every_pair_offered_is_merged_with_one_button(dialog):
    """A real provincial document offered 16 pairs (商务厅 / 省商务厅 …): 16 clicks."""
    notes = dialog.notes_panel
    assert not notes.merge_all_button.isHidden()
    assert notes.merge_all_button.text() == "Merge all 2 pairs"
    QTest.mouseClick(notes.merge_all_button, Qt.MouseButton.LeftButton)
    names = {d.name for d in dialog.plan().departments}
    assert "市文旅局" not in names and "地方金融监管局" not in names
    assert {"市文旅广电局", "省地方金融监管局"} <= names
    assert notes.merged_pairs() == [
        ("市文旅局", "市文旅广电局"),
        ("地方金融监管局", "省地方金融监管局"),
    ]
    assert notes.buttons == [] and notes.merge_all_button.isHidden()
    assert len(notes.undo_buttons) == 2
    assert f"{len(dialog.plan().departments)} departments" in dialog.summary_label.text()


def test_merging_shows_the_wait_cursor(dialog, monkeypatch):
    """Merge All on a 10,000-measure preview ran for seconds under an arrow cursor."""
    from PySide6.QtGui import QGuiApplication

    from matrixdesk.ui.dialogs import import_notes

    seen = []
    real = import_notes.merge_departments

    def merge(plan, source, target):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor else None)
        real(plan, source, target)

    monkeypatch.setattr(import_notes, "merge_departments", merge)
    QTest.mouseClick(dialog.notes_panel.merge_all_button, Qt.MouseButton.LeftButton)
    assert seen == [Qt.CursorShape.WaitCursor] * 2
    assert QGuiApplication.overrideCursor() is None


COUNTY = """某县河长制工作考核细则
（一）开展河道巡查。（县公安局负责）
（二）打击盗伐林木。（县森林公安局负责）
（三）落实项目资金。（县发改局牵头，县财政局配合）
（四）推进节水改造。（县发展改革局负责）
（五）发展生态旅游。（县文旅局负责）
（六）保护水文化。（县文旅广电局负责）
"""


def test_merge_all_merges_only_what_is_shown_and_each_merge_can_be_undone(qtbot):
    """A real county document offered 县公安局 / 县森林公安局 (the forest police, another organ):
    Merge All would have lost one. Now only the true spellings are offered, Merge All merges
    exactly the rows shown, and each merge is taken back before the plan is created."""
    widget = ImportDialog()
    qtbot.addWidget(widget)
    widget.text_edit.setPlainText(COUNTY)
    assert widget.show_preview()
    notes = widget.notes_panel
    shown = [b.toolTip() for b in notes.buttons]
    assert len(shown) == 2 and not any("公安" in tip for tip in shown)
    QTest.mouseClick(notes.merge_all_button, Qt.MouseButton.LeftButton)
    assert notes.merged_pairs() == [("县发改局", "县发展改革局"), ("县文旅局", "县文旅广电局")]
    names = {d.name for d in widget.plan().departments}
    assert {"县公安局", "县森林公安局"} <= names
    while notes.undo_buttons:
        QTest.mouseClick(notes.undo_buttons[0], Qt.MouseButton.LeftButton)
    names = {d.name for d in widget.plan().departments}
    assert {"县发改局", "县发展改革局", "县文旅局", "县文旅广电局"} <= names
    assert len(notes.buttons) == 2 and notes.merged_pairs() == []
