"""The real main window across plan changes: edits still being typed, closed plans, late
signals. Each test here is a bug found by driving the window, not a fake."""

from __future__ import annotations

import sys

import pytest

from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId


@pytest.fixture
def errors(monkeypatch):
    """Exceptions raised in slots (the app would show them in an error dialog)."""
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: caught.append(e))
    return caught


@pytest.fixture
def window(qtbot, open_window, plan_file):
    w = open_window(plan_file)
    w.activateWindow()
    return w


def _typing_in_measure_text(qtbot, window) -> int:
    panel = window.docks.panels["measure"]
    assert panel.measure_id is not None
    panel.text_view.setFocus()
    qtbot.waitUntil(panel.text_view.hasFocus)
    panel.text_view.moveCursor(panel.text_view.textCursor().MoveOperation.End)
    panel.text_view.insertPlainText("（补充内容）")
    return panel.measure_id


@pytest.mark.parametrize("how", ["close", "open_other", "quit"])
def test_text_being_typed_is_kept_when_the_plan_goes(qtbot, window, errors, tmp_path, how):
    """Typing in the measure text, then closing the plan (or opening another, or quitting)
    lost the text and showed "unexpected error": the text box committed on focus-out, after
    the plan had been closed."""
    path = window.document.path
    measure_id = _typing_in_measure_text(qtbot, window)
    if how == "close":
        window.action(ActionId.CLOSE).trigger()
    elif how == "open_other":
        other = tmp_path / "other.mdesk"
        MatrixStore.create(str(other), window.document.store.plan()).close()
        assert window.files.open_path(str(other), remember=False)
    else:
        window.close()
    qtbot.wait(10)
    assert errors == []
    store = MatrixStore.open(path, read_only=True, lock=False)
    try:
        assert store.measure(measure_id).text.endswith("（补充内容）")
    finally:
        store.close()


def test_title_being_typed_is_kept_on_close(qtbot, window, errors):
    path = window.document.path
    panel = window.docks.panels["measure"]
    measure_id = panel.measure_id
    panel.title_edit.setFocus()
    qtbot.waitUntil(panel.title_edit.hasFocus)
    panel.title_edit.setText("新的标题")
    window.action(ActionId.CLOSE).trigger()
    assert errors == []
    store = MatrixStore.open(path, read_only=True, lock=False)
    try:
        assert store.measure(measure_id).title == "新的标题"
    finally:
        store.close()


def test_a_closed_document_refuses_edits(window):
    """A late commit into a closed plan is refused, not an exception from a closed file."""
    doc = window.document
    panel = window.docks.panels["measure"]
    window.set_document(None)
    panel.title_edit.setText("太晚了")
    panel._commit_title()  # what a late editingFinished does
    assert doc.closed
    assert doc.undo_stack.count() == 0
