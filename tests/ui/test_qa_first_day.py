"""A coordinator's first day, as found by using the whole product in a real window: each test
reproduces a defect seen there, driving the window through its menus and keys with the
dialogs patched at the dialog."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
from matrixdesk.ui import i18n
from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.window import MainWindow


def deleted_later() -> None:
    """What the event loop does between two user actions: objects given to deleteLater go."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click_cell(qtbot, window, measure_id, department_id):
    model, proxy, grid = window.model, window.proxy, window.view.grid
    index = proxy.mapFromSource(
        model.index(model.row_of(measure_id), model.column_of(department_id))
    )
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )


def test_undo_and_history_still_work_after_opening_another_plan(
    qtbot, window, tmp_path, small_plan, monkeypatch, menu_action
):
    """Opening a second plan in the window (File ▸ Open, New from Document, Open Recent)
    killed the Undo and Redo actions and the history view: walking the focus chain had made
    PySide tie them to a widget of the first plan's panels, and they died with it. The next
    edit raised "Internal C++ object (QAction) already deleted" in a message box, and the
    window was left half switched."""
    other = tmp_path / "other.mdesk"
    MatrixStore.create(str(other), small_plan).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    menu_action(window, ActionId.OPEN).trigger()
    assert window.document.path == str(other)
    deleted_later()
    click_cell(qtbot, window, 2, 3)
    store = window.document.store
    assert store.role(2, 3) is not None
    undo = menu_action(window, ActionId.UNDO)
    assert undo.isEnabled() and undo.toolTip().endswith(window.document.undo_stack.undoText())
    undo.trigger()
    assert store.role(2, 3) is None
    menu_action(window, ActionId.GO_HISTORY).trigger()
    assert QApplication.focusWidget() is window.docks.history
    menu_action(window, ActionId.OPEN).trigger()  # the same plan: nothing to switch
    menu_action(window, ActionId.CLOSE).trigger()
    deleted_later()
    assert window.document is None


# -- the change log in the language of the window ----------------------------------------------
ENGLISH_WORDS = re.compile(r"[A-Za-z]{3,}")


def _plan_with_history(path: str, plan) -> None:
    """A plan whose change log was written by earlier sessions: cells set from an English
    window, an undo (stored as "1 measures"), a deadline, a rename, a merge, a collected
    workbook and its undo (stored in English by the collect), a schedule change."""
    from matrixdesk.core.progress import Cadence, LogLine, ProgressUpdate, Schedule

    store = MatrixStore.create(path, plan)
    before = store.assignments_of(2)
    store.set_roles([(2, 4, Role.LEAD)], summary="Set lead: (一) × 省商务厅")
    store.replace_assignments({2: before})
    store.update_measure(3, deadline="2026年底")
    store.set_aliases(3, ["省农委", "农业农村厅"])
    store.rename_department(2, "省体育局（新）")
    store.merge_departments(store.add_department("省发改委").id, 4)
    store.set_schedule(Schedule(Cadence.QUARTER))
    line = LogLine(
        "collect",
        "省商务厅 2026-Q4: 3 changes from 省商务厅.xlsx",
        4,
        "2026-Q4",
        "省商务厅.xlsx",
        {"file": "/x/省商务厅.xlsx", "changes": [{}, {}, {}]},
    )
    store.apply_progress(ProgressUpdate(log=[line]))
    undo = replace(line, action="undo collect", detail={})
    store.apply_progress(ProgressUpdate(log=[undo]))
    store.close()


def _change_log_texts(window, menu_action) -> list[tuple[str, str]]:
    menu_action(window, ActionId.GO_CHANGELOG).trigger()
    panel = window.docks.panels["changelog"]
    model = panel.model
    return [
        (str(model.index(r, 1).data()), str(model.index(r, 5).data()))
        for r in range(model.rowCount())
    ]


def test_change_log_reads_in_chinese_also_for_entries_written_in_english(
    qapp, qtbot, tmp_path, small_plan, menu_action
):
    """A Chinese user saw '1 measures', '3 changes from …', 'reporting schedule' and English
    kinds (aliases, collective …) in the Change Log: the texts were stored as written at the
    time, partly by the store and the collect in English. They are now said from what each
    entry records, in the window's language, for entries already in a plan too."""
    path = str(tmp_path / "历史 记录.mdesk")
    _plan_with_history(path, small_plan)
    i18n.install_translators(qapp, "zh_CN")
    try:
        w = MainWindow(persist_layout=False)
        qtbot.addWidget(w)
        w.show()
        assert w.files.open_path(path, remember=False)
        rows = _change_log_texts(w, menu_action)
    finally:
        i18n.install_translators(qapp, "en")
    assert len(rows) == 10
    for kind, text in rows:
        assert not ENGLISH_WORDS.search(kind), kind
        assert not ENGLISH_WORDS.search(text.replace(".xlsx", "")), text
    texts = [text for _kind, text in rows]
    assert "设为牵头：(一) × 省商务厅" in texts
    assert any("3" in t and "省商务厅.xlsx" in t for t in texts)


def test_change_log_reads_in_english_in_the_english_window(
    qtbot, tmp_path, small_plan, menu_action
):
    path = str(tmp_path / "plan.mdesk")
    _plan_with_history(path, small_plan)
    store = MatrixStore.open(path)
    store.set_roles(
        [(3, 4, Role.SUPPORT)], summary="设为配合：(二) × 省商务厅"
    )  # a Chinese session
    store.close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    assert w.files.open_path(path, remember=False)
    texts = [text for _kind, text in _change_log_texts(w, menu_action)]
    assert texts[0] == "Set support: (二) × 省商务厅"
    assert not any(re.search(r"[设为牵配合修改部门]", t) for t in texts if "：" in t)


def test_a_filter_that_hides_the_selected_task_selects_the_first_task_shown(qtbot, window):
    """Filtering away the selected task left a current cell on a heading with nothing
    selected: Tab to the grid, L, and the status bar said to select cells in the department
    columns — where the focus box already was — and nothing could be set until a click."""
    bar, grid = window.filter_bar, window.view.grid
    window.view.select_cell(1, 2)  # (一) × the first department
    bar.search.setFocus()
    bar.search.setText("压实")  # only 二、 and (三) remain
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2)
    while QApplication.focusWidget() is not grid:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.editor.current_measure_id() == 5  # (三), not the heading 二、
    assert window.docks.panels["measure"].title_edit.text() == "=SUM(A1)压实责任"
    qtbot.keyClick(grid, Qt.Key.Key_L)
    assert window.document.store.role(5, 1) is not None
    assert window.document.undo_stack.count() == 1


def test_change_log_keeps_the_name_a_department_had_when_a_cell_was_set(
    qtbot, tmp_path, small_plan, menu_action
):
    """Said again in the window's language, a cell entry named the department by its name of
    today; the log keeps the name it had (a department renamed in a reorganisation)."""
    path = str(tmp_path / "plan.mdesk")
    store = MatrixStore.create(path, small_plan)
    store.set_roles([(3, 4, Role.SUPPORT)])
    store.rename_department(4, "省商务和投资促进厅")
    store.close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    assert w.files.open_path(path, remember=False)
    texts = [text for _kind, text in _change_log_texts(w, menu_action)]
    assert texts[-1] == "Set support: (二) × 省商务厅"


def _flat_plan():
    """A flat document: every part 一、二、三、 is itself an annotated task."""
    from matrixdesk.core.model import Assignment, Department, Measure, Plan

    measures = [
        Measure(
            i,
            str(i),
            f"{n}、",
            1,
            f"任务{n}",
            f"任务{n}。(省商务厅负责)",
            annotated=True,
            position=i - 1,
        )
        for i, n in ((1, "一"), (2, "二"), (3, "三"))
    ]
    return Plan(
        measures=measures,
        departments=[Department(1, "省商务厅", position=0)],
        assignments=[Assignment(i, 1, Role.LEAD, 0) for i in (1, 2, 3)],
    )


def test_a_measure_added_beside_a_task_is_a_task_numbered_like_its_siblings(
    qtbot, tmp_path, monkeypatch, menu_action
):
    """In a flat document (一、二、三、 are the tasks), Edit ▸ Add Measure after 二、 made
    '4.' — numbered unlike its siblings — and not a task: no grid lines, no finding for its
    missing department, left out of workbooks and reports until a cell was set."""
    from PySide6.QtWidgets import QInputDialog

    path = str(tmp_path / "flat.mdesk")
    MatrixStore.create(path, _flat_plan()).close()
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    assert w.files.open_path(path, remember=False)
    w.view.select_cell(1, 2)  # 二、
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新增任务", True))
    menu_action(w, ActionId.ADD_MEASURE).trigger()
    store = w.document.store
    new = next(m for m in store.measures() if m.title == "新增任务")
    assert new.label == "四、" and new.level == 1
    assert [m.title for m in store.measures()] == ["任务一", "任务二", "新增任务", "任务三"]
    assert store.is_task(new.id)
    w.document.findings.refresh()
    assert any(f.measure_id == new.id for f in w.document.findings.findings())
