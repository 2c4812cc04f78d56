"""The Qt objects the window keeps in Python for its whole life stay alive however plans come
and go: opened, replaced, closed, created from a document, the sample opened, the panels
rebuilt and deleted, Python's garbage collected in between.

Undo once raised "Internal C++ object (QAction) already deleted" in a real session, and the
every-action test failed that way in a full run only. The mechanism: PySide makes an object
returned by a Qt getter a child *on the Python side* of the object asked (its "return value
heuristic"). ``nextInFocusChain()`` returned the main window, so the window became the Python
child of a panel widget; when that panel was deleted (another plan opened, and the deferred
delete ran — at once in the application, in a later test's event loop in a full run) PySide
marked every object *Qt had created* below the window dead: the Undo and Redo actions
(``createUndoAction``), the submenus (``addMenu(title)``). The window keeps only objects it
created itself (those PySide never marks dead while they live), and nothing ties the window
to a panel.
"""

from __future__ import annotations

import gc

import pytest

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QFileDialog

from matrixdesk.store import MatrixStore
from matrixdesk.ui.actions import ActionId

PER_PLAN = {"document", "model", "panels"}  # replaced with each plan, not kept


def deleted_later() -> None:
    """What the event loop does between two user actions (objects given to deleteLater go),
    and what Python does now and then (collect garbage)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def kept_objects(window) -> dict[str, QObject]:
    """Every Qt object the window and its controllers hold in Python attributes (directly or
    in a dict, list or tuple), except what belongs to one plan."""
    owners = {
        "window": window,
        "files": window.files,
        "editor": window.editor,
        "docks": window.docks,
        "progress": window.progress,
        "feedback": window.feedback,
        "view": window.view,
        "filter_bar": window.filter_bar,
    }
    found: dict[str, QObject] = {}
    for owner_name, owner in owners.items():
        for attr, value in vars(owner).items():
            if attr in PER_PLAN:
                continue
            if isinstance(value, dict):
                items = list(value.items())
            elif isinstance(value, list | tuple):
                items = list(enumerate(value))
            else:
                items = [("", value)]
            for key, item in items:
                if isinstance(item, QObject):
                    found[f"{owner_name}.{attr}[{key}]"] = item
    return found


def python_parent(obj: QObject) -> str | None:
    """The object PySide keeps ``obj`` alive for (its parent on the Python side), if any."""
    for line in shiboken6.dump(obj).splitlines():
        if line.startswith("parent"):
            return line.split("...", 1)[1].strip(". ")
    return None


def dead(window) -> list[str]:
    return [name for name, obj in kept_objects(window).items() if not shiboken6.isValid(obj)]


def assert_undo_works(qtbot, window, menu_action) -> None:
    """A cell clicked, undone and redone from the Edit menu, its tooltip naming the step."""
    store = window.document.store
    measure = next(m for m in store.measures() if m.parent_id is not None)
    department = store.departments()[0]
    model, proxy, grid = window.model, window.proxy, window.view.grid
    index = proxy.mapFromSource(
        model.index(model.row_of(measure.id), model.column_of(department.id))
    )
    before = store.role(measure.id, department.id)
    grid.scrollTo(index)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )
    assert store.role(measure.id, department.id) != before
    undo = menu_action(window, ActionId.UNDO)
    assert undo.isEnabled()
    assert undo.toolTip().endswith(window.document.undo_stack.undoText())
    undo.trigger()
    assert store.role(measure.id, department.id) == before
    menu_action(window, ActionId.REDO).trigger()
    assert store.role(measure.id, department.id) != before


@pytest.fixture
def other_file(tmp_path, small_plan):
    path = tmp_path / "other.mdesk"
    MatrixStore.create(str(path), small_plan).close()
    return str(path)


def test_the_window_keeps_objects_worth_checking(window):
    kept = kept_objects(window)
    assert {f"window.actions[{a}]" for a in (ActionId.UNDO, ActionId.REDO)} <= set(kept)
    assert "window.submenus[recent]" in kept and "window.undo_group[]" in kept
    assert len(kept) > 60


def test_kept_objects_live_through_plans_coming_and_going(
    qtbot, window, plan_file, other_file, small_plan, monkeypatch, menu_action
):
    from matrixdesk.ui.dialogs import import_dialog

    chosen = {"path": other_file}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen["path"], ""))
    monkeypatch.setattr(
        import_dialog, "run_import_dialog", lambda parent, create: create(small_plan, "")
    )
    created = iter(f"{plan_file}.new{i}.mdesk" for i in range(9))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(created), ""))
    steps = []
    for cycle in range(2):
        for step, action_id, path in (
            ("open another", ActionId.OPEN, other_file),
            ("open sample", ActionId.OPEN_SAMPLE, None),
            ("close", ActionId.CLOSE, None),
            ("open after close", ActionId.OPEN, other_file),
            ("new from document", ActionId.NEW_FROM_DOCUMENT, None),
            ("open the first again", ActionId.OPEN, plan_file),
        ):
            chosen["path"] = path
            menu_action(window, action_id).trigger()
            deleted_later()
            steps.append((cycle, step, dead(window), python_parent(window)))
    assert [s for s in steps if s[2] or s[3]] == []
    assert_undo_works(qtbot, window, menu_action)


def test_kept_objects_outlive_a_panel_the_window_was_tied_to(
    qtbot, window, other_file, monkeypatch, menu_action
):
    """Any Qt getter may tie the window to a short-lived widget on the Python side, as
    ``nextInFocusChain()`` did (the Tab order no longer walks it, but PySide applies the same
    rule to every getter without its own annotation). The window's objects outlive it."""
    widget = window.docks.panels["findings"]
    for _ in range(1000):  # the focus chain, round to the window
        widget = widget.nextInFocusChain()
        if widget is window:
            break
    assert python_parent(window) is not None  # tied to a widget of this plan's panels
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (other_file, ""))
    menu_action(window, ActionId.OPEN).trigger()
    deleted_later()  # the panels go, and the widget the window was tied to with them
    assert dead(window) == []
    assert_undo_works(qtbot, window, menu_action)
    menu_action(window, ActionId.GO_HISTORY).trigger()
    assert window.docks.history.hasFocus()
