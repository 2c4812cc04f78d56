"""Colours of the grid when it shows progress instead of roles (View ▸ Colour Cells by Status).

A department cell takes the colour of what its status means (done, in progress, late, not
started); a cell whose department has said nothing yet is pale yellow, and a measure past its
deadline and not done has its title shaded red, as supervision offices mark overdue items.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...core.live_ledger import LiveLedger
from ...core.progress import Meaning

MEANING_FILL = {
    Meaning.DONE: QColor("#c6efce"),
    Meaning.DOING: QColor("#cfe2f3"),
    Meaning.LATE: QColor("#f8cbad"),
    Meaning.TODO: QColor("#eeeeee"),
}
SILENT_FILL = QColor("#fff2cc")  # never reported anything
OVERDUE_FILL = QColor("#f4cccc")
LEGEND = (
    (Meaning.DONE, MEANING_FILL[Meaning.DONE]),
    (Meaning.DOING, MEANING_FILL[Meaning.DOING]),
    (Meaning.LATE, MEANING_FILL[Meaning.LATE]),
    (Meaning.TODO, MEANING_FILL[Meaning.TODO]),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusView", text)


class StatusView:
    """The fill and tooltip of a cell from a :class:`LiveLedger`, which works out only the
    cells painted or hovered and follows the edits."""

    def __init__(self, ledger: LiveLedger) -> None:
        self.ledger = ledger

    def tooltip(self, measure_id: int | None, department_id: int | None) -> str:
        """Extra tooltip lines: a cell's status, or a measure's or department's roll-up."""
        ledger = self.ledger
        if measure_id is not None and department_id is not None:
            cell = ledger.cell(measure_id, department_id)
            if cell is None:
                return ""
            status = cell[0] or _tr("nothing reported")
            return "\n" + _tr("Status (%1): %2").replace("%1", ledger.period).replace("%2", status)
        tally = (
            ledger.measure_tally(measure_id)
            if measure_id is not None
            else ledger.department_tally(department_id or 0)
        )
        if tally is None:
            return ""
        text = (
            _tr("%1: done %2 of %3, late %4, not reported %5")
            .replace("%1", ledger.period)
            .replace("%2", str(tally.done))
            .replace("%3", str(tally.tasks))
            .replace("%4", str(tally.late))
            .replace("%5", str(tally.not_reported))
        )
        if tally.overdue:
            text += " · " + _tr("overdue")
        return "\n" + text

    def cell_fill(self, measure_id: int, department_id: int) -> QColor | None:
        cell = self.ledger.cell(measure_id, department_id)
        if cell is None:
            return None  # not assigned, or a collective party
        if not cell[0]:
            return SILENT_FILL
        return MEANING_FILL[cell[1]]

    def overdue(self, measure_id: int) -> bool:
        return self.ledger.overdue(measure_id)
