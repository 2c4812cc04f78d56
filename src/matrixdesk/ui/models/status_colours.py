"""Colours of the grid when it shows progress instead of roles (View ▸ Colour Cells by Status).

A department cell takes the colour of what its status means (done, in progress, late, not
started); a cell whose department has said nothing yet is pale yellow, and a measure past its
deadline and not done has its title shaded red, as supervision offices mark overdue items.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from ...core.ledger import Ledger
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


class StatusView:
    """Looks up the fill of a cell in a :class:`Ledger` (a dict lookup per painted cell)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def cell_fill(self, measure_id: int, department_id: int) -> QColor | None:
        key = (measure_id, department_id)
        meaning = self.ledger.meaning.get(key)
        if meaning is None:
            return None  # not assigned, or a collective party
        if not self.ledger.status.get(key):
            return SILENT_FILL
        return MEANING_FILL[meaning]
