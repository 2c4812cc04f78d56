"""File ▸ Report Kind: what Print, Print Preview and Export PDF say they make, and the chase
list (催报清单) made from the File menu as well as from the progress panel."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from PySide6.QtWidgets import QFileDialog

from matrixdesk.ui.actions import ActionId
from matrixdesk.ui.widgets.toolbar import ActionButton

KINDS = [
    (ActionId.REPORT_MATRIX, "matrix"),
    (ActionId.REPORT_LIST, "task-division list"),
    (ActionId.REPORT_DEPARTMENT, "department in the current column"),
    (ActionId.REPORT_PROGRESS, "progress report"),
    (ActionId.REPORT_CHASE, "chase list"),
]
OUTPUTS = [ActionId.PRINT, ActionId.PRINT_PREVIEW, ActionId.EXPORT_PDF]


@pytest.mark.parametrize(("kind", "named"), KINDS)
def test_print_tips_name_the_report_chosen(window, menu_action, kind, named):
    """Print's tooltip said "Print the matrix" with the progress report chosen."""
    menu_action(window, ActionId.REPORT_LIST).trigger()  # away from the start, then to it
    menu_action(window, kind).trigger()
    for output in OUTPUTS:
        action = menu_action(window, output)
        assert named in action.toolTip(), (output, action.toolTip())
        assert action.statusTip() == action.toolTip()
        others = [n for k, n in KINDS if n != named and n not in named]
        assert not any(n in action.toolTip() for n in others), action.toolTip()
    preview = menu_action(window, ActionId.PRINT_PREVIEW)
    button = next(b for b in window.findChildren(ActionButton) if b.source is preview)
    assert named in button.toolTip()  # the toolbar's Print Preview says it too


def test_a_new_window_says_matrix(window, menu_action):
    assert "matrix" in menu_action(window, ActionId.PRINT).toolTip()
    assert menu_action(window, ActionId.REPORT_MATRIX).isChecked()


def test_chase_list_from_the_file_menu(window, menu_action, tmp_path, monkeypatch):
    """The 催报清单 could be printed only from the progress panel's button; File ▸ Report Kind ▸
    Chase List makes Export PDF (and Print, Print Preview) produce it for the period shown."""
    chase = menu_action(window, ActionId.REPORT_CHASE)
    report_kind = window.submenus["report"]
    assert chase in report_kind.actions()
    assert report_kind.menuAction() in window.menuBar().actions()[0].menu().actions()  # File
    assert "&" in chase.text() and chase.isCheckable() and chase.isEnabled()
    chase.trigger()
    assert window.statusBar().currentMessage().endswith("Chase List (催报清单)")
    out = tmp_path / "chase.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, ActionId.EXPORT_PDF).trigger()
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = "".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "催报清单" in text and "进展情况报告" not in text
    assert window.progress.period.replace("-", "年")[:5] in text  # the period shown
