"""Translations: Chinese is installed by default and every string of the UI is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from PySide6.QtCore import QCoreApplication, Qt

from matrixdesk.ui import i18n

TS = i18n.translations_dir() / "matrixdesk_zh_CN.ts"


@pytest.fixture
def chinese(qapp):
    installed = i18n.install_translators(qapp, "zh_CN")
    yield installed
    i18n.install_translators(qapp, "en")  # later tests expect the English source strings


def test_languages():
    assert i18n.default_language() == "zh_CN"
    assert i18n.available_languages() == [("zh_CN", "简体中文"), ("en", "English")]
    assert (i18n.translations_dir() / "matrixdesk_zh_CN.qm").is_file()


def test_chinese_installed(chinese):
    assert len(chinese) == 2  # Qt's qtbase_zh_CN and MatrixDesk's own
    tr = QCoreApplication.translate
    assert tr("actions", "&Undo") == "撤销(&U)"
    assert tr("commands", "Merge departments") == "合并部门"
    assert tr("PreviewModel", "Lead") == "牵头"
    assert tr("Findings", "Measure %1 has no responsible department") == "任务 %1 没有责任单位"
    assert tr("FindingsPanel", "%n error(s)", "", 3) == "3 个错误"
    assert tr("QPlatformTheme", "Cancel") == "取消"  # from Qt's own catalogue


def test_widgets_speak_chinese(chinese, qtbot, small_plan):
    from matrixdesk.store import MatrixStore
    from matrixdesk.ui.document import Document
    from matrixdesk.ui.widgets.departments_panel import DepartmentsPanel
    from matrixdesk.ui.widgets.findings_panel import FindingsPanel

    doc = Document(MatrixStore.memory(small_plan))
    panel = DepartmentsPanel(doc)
    qtbot.addWidget(panel)
    assert panel.model.headerData(2, Qt.Orientation.Horizontal) == "牵头"
    assert panel.merge_action.text() == "合并到(&M)…"
    assert panel.merge_action.iconText() == "合并到"
    findings = FindingsPanel(doc)
    qtbot.addWidget(findings)
    findings.show()  # the check runs once the panel is shown
    qtbot.waitUntil(lambda: findings.summary.text() == "1 个错误，1 个警告")


def test_english_removes_translators(qapp):
    i18n.install_translators(qapp, "zh_CN")
    assert len(i18n.install_translators(qapp, "en")) == 1  # only the English plurals
    assert QCoreApplication.translate("actions", "&Undo") == "&Undo"


@pytest.mark.parametrize(
    ("context", "source", "one", "two"),
    [
        ("FindingsPanel", "%n error(s)", "1 error", "2 errors"),
        ("commands", "Change %n cell(s)", "Change 1 cell", "Change 2 cells"),
    ],
)
def test_english_counts_in_good_english(qapp, context, source, one, two):
    """The window said '0 error(s), 1 warning(s)' and 'Undo Change 1 cell(s)'."""
    i18n.install_translators(qapp, "en")
    assert QCoreApplication.translate(context, source, None, 1) == one
    assert QCoreApplication.translate(context, source, None, 2) == two


def test_every_count_has_its_english_plural():
    """A new %n message in the Chinese catalogue needs its English forms too."""
    english = ET.parse(i18n.translations_dir() / "matrixdesk_en.ts").getroot()
    have = {
        (c.findtext("name"), m.findtext("source"))
        for c in english.findall("context")
        for m in c.findall("message")
        if len(m.findall("./translation/numerusform")) == 2
    }
    chinese = ET.parse(TS).getroot()
    counted = {
        (c.findtext("name"), m.findtext("source"))
        for c in chinese.findall("context")
        for m in c.findall("message")
        if "%n" in m.findtext("source")
    }
    assert counted and counted <= have, counted - have


def test_every_message_translated():
    root = ET.parse(TS).getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 100
    unfinished = [
        (m.findtext("source"), m.find("translation").get("type"))
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_placeholders_kept():
    root = ET.parse(TS).getroot()
    for m in root.findall("./context/message"):
        source = m.findtext("source")
        translation = "".join(m.find("translation").itertext())
        for mark in ("%1", "%2", "%3", "%4", "%5", "%n"):
            assert (mark in source) == (mark in translation), (source, translation)
