"""The import preview's table: one row per measure of the parsed plan, with what was read.

Number, title, lead and support units, deadline and targets, computed once per parse (the
view only reads them); tasks nobody was found responsible for are flagged in red.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.model import Comparator, Plan, Role, Target
from ...core.tasks import task_ids
from ..widgets.targets_model import format_value

Index = QModelIndex | QPersistentModelIndex
CODE, TITLE, LEAD, SUPPORT, DEADLINE, TARGETS = range(6)
FLAG_BACKGROUND = QColor("#fde2e1")
FLAG_FOREGROUND = QColor("#9b1c1c")
HEADING_FOREGROUND = QColor("#555555")


@dataclass(frozen=True)
class PreviewRow:
    label: str
    code: str
    level: int
    title: str
    lead: str
    support: str
    deadline: str
    targets: str
    task: bool
    flagged: bool  # a task with no responsible department
    span: tuple[int, int] = (0, 0)  # where the measure stands in the text (str indexes)


def target_text(t: Target) -> str:
    """滑冰场所 ≥500个 (2022)."""
    sign = {Comparator.EQ: "", Comparator.GE: "≥", Comparator.LE: "≤"}[Comparator(t.comparator)]
    year = f" ({t.year})" if t.year else ""
    return f"{t.indicator} {sign}{format_value(t.value)}{t.unit}{year}".strip()


def _support_text(names: list[str], open_ended: bool) -> str:
    """省商务厅、省财政厅, with 等 after them when the document left the list open (…等负责,
    按职责分工负责): the plan marks such a task, and the preview shows that it was read."""
    return "、".join(names) + ("等" if open_ended else "")


def preview_rows(plan: Plan) -> list[PreviewRow]:
    """One row per measure, with names joined, computed once (the view only reads them)."""
    names = {d.id: d.name for d in plan.departments}
    lead: dict[int, list[str]] = {}
    support: dict[int, list[str]] = {}
    for a in sorted(plan.assignments, key=lambda a: (a.measure_id, a.position)):
        (lead if a.role == Role.LEAD else support).setdefault(a.measure_id, []).append(
            names.get(a.department_id, "?")
        )
    targets: dict[int, list[str]] = {}
    for t in plan.targets:
        targets.setdefault(t.measure_id, []).append(target_text(t))
    tasks = task_ids(plan)
    return [
        PreviewRow(
            m.label or m.code,
            m.code,
            m.level,
            m.title,
            "、".join(lead.get(m.id, [])),
            _support_text(support.get(m.id, []), m.open_ended),
            m.deadline,
            "; ".join(targets.get(m.id, [])),
            m.id in tasks,
            m.id in tasks and m.id not in lead and m.id not in support,
            m.span,
        )
        for m in plan.measures
    ]


class PreviewModel(QAbstractTableModel):
    """The measures of a parsed plan: number, title, lead, support, deadline, targets."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._rows = preview_rows(plan) if plan else []
        self.endResetModel()

    def row(self, row: int) -> PreviewRow:
        return self._rows[row]

    def flagged_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.flagged]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            CODE: self.tr("No."),
            TITLE: self.tr("Measure"),
            LEAD: self.tr("Lead"),
            SUPPORT: self.tr("Support"),
            DEADLINE: self.tr("Deadline"),
            TARGETS: self.tr("Targets"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == CODE:
                return "    " * (r.level - 1) + r.label
            return [None, r.title, r.lead, r.support, r.deadline, r.targets][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if r.flagged:
                return self.tr("No responsible department was recognised for this measure.")
            if col == CODE:
                return self.tr("Code %1").replace("%1", r.code)
            return [None, r.title, r.lead, r.support, r.deadline, r.targets][col] or None
        if role == Qt.ItemDataRole.BackgroundRole and r.flagged:
            return QBrush(FLAG_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.flagged:
                return QBrush(FLAG_FOREGROUND)
            if not r.task:
                return QBrush(HEADING_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and not r.task and r.level == 1:
            return self._bold
        return None
