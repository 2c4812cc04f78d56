"""The findings panel: what the check reports for the small plan, and where a click leads."""

from __future__ import annotations

import pytest

from matrixdesk.core.validate import FindingCode
from matrixdesk.store import MatrixStore
from matrixdesk.ui.commands import AddTargetCommand, EditTargetCommand, SetRolesCommand
from matrixdesk.ui.document import Document
from matrixdesk.ui.widgets.findings_panel import MESSAGE, FindingsPanel, finding_text


@pytest.fixture
def panel(qtbot, small_plan):
    widget = FindingsPanel(Document(MatrixStore.memory(small_plan)))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.tracker.pending)
    return widget


def codes(panel):
    return [(f.code, f.measure_id, f.department_id) for f in panel.model.findings()]


def test_lists_small_plan_findings(panel, qtmodeltester):
    qtmodeltester.check(panel.model)
    found = codes(panel)
    assert (FindingCode.NO_ANNOTATION, 6, None) in found  # 2.4 加强宣传
    assert (FindingCode.TARGET_WITHOUT_YEAR, 3, None) in found  # 试点县 has no year
    assert panel.summary.text() == "1 error, 1 warning"
    row = [f.code for f in panel.model.findings()].index(FindingCode.NO_ANNOTATION)
    text = panel.model.index(row, MESSAGE).data()
    assert "(四) 加强宣传" in text  # the document's numbering, not the code 2.4
    assert text == finding_text(panel.model.finding(row), "(四)")


def test_emits_ids_on_click(panel, qtbot):
    row = [f.code for f in panel.model.findings()].index(FindingCode.NO_ANNOTATION)
    with qtbot.waitSignal(panel.findingActivated) as blocker:
        panel.view.clicked.emit(panel.model.index(row, MESSAGE))
    assert blocker.args == [6, None]


def test_revalidates_after_edits_debounced(panel, qtbot):
    doc = panel.document
    doc.push(SetRolesCommand(doc.store, [(6, 4, "lead")]))
    target = doc.store.targets(3)[0]
    doc.push(EditTargetCommand(doc.store, target.id, year=2023))
    assert panel.timer.isActive()
    checked = panel.tracker.checked
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert panel.summary.text() == "No findings: the plan looks complete."
    assert panel.tracker.checked - checked == 3  # measures 6 and 3, department 4: no more
    doc.undo_stack.undo()
    panel.revalidate()
    assert codes(panel) == [(FindingCode.TARGET_WITHOUT_YEAR, 3, None)]


def test_follows_edits_row_by_row_and_keeps_the_selection(panel, qtbot, qtmodeltester):
    qtmodeltester.check(panel.model)
    doc = panel.document
    row = [f.code for f in panel.model.findings()].index(FindingCode.TARGET_WITHOUT_YEAR)
    panel.view.setCurrentIndex(panel.model.index(row, MESSAGE))
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    doc.push(SetRolesCommand(doc.store, [(6, 4, "lead")]))  # 2.4 gets a lead: its error goes
    panel.revalidate()
    assert (FindingCode.NO_ANNOTATION, 6, None) not in codes(panel)
    assert panel.model.finding(panel.view.currentIndex().row()).code == (
        FindingCode.TARGET_WITHOUT_YEAR
    )
    doc.undo_stack.undo()
    panel.revalidate()
    assert (FindingCode.NO_ANNOTATION, 6, None) in codes(panel)
    assert not resets
    assert panel.summary.text() == "1 error, 1 warning"


def test_hidden_panel_does_no_work_until_shown(panel, qtbot):
    doc = panel.document
    panel.hide()
    checked = panel.tracker.checked
    doc.push(SetRolesCommand(doc.store, [(6, 4, "lead")]))
    qtbot.wait(20)
    assert not panel.timer.isActive() and panel.tracker.checked == checked
    panel.show()
    qtbot.waitUntil(lambda: not panel.tracker.pending)
    assert (FindingCode.NO_ANNOTATION, 6, None) not in codes(panel)


def test_department_findings(panel, qtbot):
    from matrixdesk.core.model import Target

    doc = panel.document
    doc.push(SetRolesCommand(doc.store, [(2, 2, None)]))  # 省体育局 loses its only measure
    doc.push(AddTargetCommand(doc.store, Target(0, 2, "冰场", 5, "个")))
    panel.revalidate()
    assert (FindingCode.UNASSIGNED_DEPARTMENT, None, 2) in codes(panel)
    row = [f.department_id for f in panel.model.findings()].index(2)
    with qtbot.waitSignal(panel.findingActivated) as blocker:
        panel.view.activated.emit(panel.model.index(row, MESSAGE))
    assert blocker.args == [None, 2]
