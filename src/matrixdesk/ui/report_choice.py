"""The report chosen in File ▸ Report Kind, and what Print, Print Preview and Export PDF say
they make.

The three actions' tooltips and status tips said "matrix" whichever report was chosen; they
now name the report those actions will make (the chase list, the progress report …).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from .actions import ActionId

#: the Report Kind actions, in menu order, and the report kind each makes
REPORT_KINDS = {
    ActionId.REPORT_MATRIX: "matrix",
    ActionId.REPORT_LIST: "list",
    ActionId.REPORT_DEPARTMENT: "department",
    ActionId.REPORT_PROGRESS: "progress",
    ActionId.REPORT_CHASE: "chase",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportChoice", text)


def report_name(kind: str) -> str:
    """The report of ``kind`` as the tips name it (a noun phrase in the user's language)."""
    names = {
        "matrix": _tr("the measures × departments matrix"),
        "list": _tr("the task-division list (任务分工表)"),
        "department": _tr("the task list of the department in the current column"),
        "progress": _tr("the progress report (进展情况报告)"),
        "chase": _tr("the chase list (催报清单)"),
    }
    return names[kind]


def chosen_kind(actions: dict[ActionId, QAction]) -> str:
    """The kind of the Report Kind action that is checked ("matrix" when none is)."""
    for action_id, kind in REPORT_KINDS.items():
        if actions[action_id].isChecked():
            return kind
    return "matrix"


def show_report_kind(actions: dict[ActionId, QAction]) -> None:
    """Make the tooltips and status tips of Print, Print Preview and Export PDF name the
    report chosen."""
    name = report_name(chosen_kind(actions))
    tips = {
        ActionId.PRINT: _tr("Print %1"),
        ActionId.PRINT_PREVIEW: _tr("See %1 as it will be printed"),
        ActionId.EXPORT_PDF: _tr("Save %1 as a PDF file"),
    }
    for action_id, tip in tips.items():
        text = tip.replace("%1", name)
        actions[action_id].setToolTip(text)
        actions[action_id].setStatusTip(text)
