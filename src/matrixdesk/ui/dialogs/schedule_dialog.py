"""Edit ▸ Reporting Schedule…: monthly or quarterly, the first and last period, the statuses.

The plan's statuses are what the department workbooks offer in their drop-down; each says what
it means (not started, in progress, done, late) so roll-ups and colours work whatever it is
called. The result is one undoable step; the store refuses a schedule that would orphan reports
already collected (another cadence, a status in use), with a message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core.periods import Cadence, PeriodError, parse_period
from ...core.progress import Meaning, Schedule, Status, check_schedule
from ..error_detail import period_text, warn


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScheduleDialog", text)


def meaning_text(meaning: Meaning) -> str:
    return {
        Meaning.TODO: _tr("Not started"),
        Meaning.DOING: _tr("In progress"),
        Meaning.DONE: _tr("Done"),
        Meaning.LATE: _tr("Late"),
    }[meaning]


class ScheduleDialog(QDialog):
    def __init__(
        self,
        schedule: Schedule,
        default_window: tuple[str, str],
        fill_empty: bool = False,
        parent=None,
    ) -> None:
        """``default_window`` is shown in empty fields; with ``fill_empty`` an empty field
        is taken as that period, else it leaves the bound open."""
        super().__init__(parent)
        self.setObjectName("ScheduleDialog")
        self.setWindowTitle(_tr("Reporting Schedule"))
        self.cadence = QComboBox(self)
        self.cadence.addItem(_tr("Monthly"), Cadence.MONTH)
        self.cadence.addItem(_tr("Quarterly"), Cadence.QUARTER)
        self.cadence.setCurrentIndex(self.cadence.findData(schedule.cadence))
        self.first = QLineEdit(schedule.first, self)
        self.first.setPlaceholderText(default_window[0])
        self.last = QLineEdit(schedule.last, self)
        self.last.setPlaceholderText(default_window[1])
        self._cadence = schedule.cadence
        self._fill_empty = fill_empty
        self.cadence.currentIndexChanged.connect(self._cadence_changed)
        form = QFormLayout()
        form.addRow(_tr("&Reports:"), self.cadence)
        form.addRow(_tr("&First period:"), self.first)
        form.addRow(_tr("&Last period:"), self.last)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("statuses")
        self.table.setHorizontalHeaderLabels([_tr("Status"), _tr("Means")])
        self.table.horizontalHeader().setStretchLastSection(True)
        for s in schedule.statuses:
            self.add_status(s)
        add = QPushButton(_tr("&Add Status"), self)
        add.clicked.connect(lambda: self.add_status(Status("", Meaning.DOING)))
        remove = QPushButton(_tr("Re&move Status"), self)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(460, 420)

    def _cadence_changed(self) -> None:
        """Bounds typed for the old cadence become the new cadence's periods holding them
        (2022-01 … 2023-12 → 2022-Q1 … 2023-Q4): kept as they were, they were refused."""
        cadence = Cadence(self.cadence.currentData())
        bounds = []
        for edit in (self.first, self.last):
            try:
                bounds.append(parse_period(edit.text(), self._cadence) if edit.text() else "")
            except PeriodError:
                return  # not a period: left for the user to see and fix
        moved = Schedule(self._cadence, *bounds).with_cadence(cadence)
        self.first.setText(moved.first)
        self.last.setText(moved.last)
        shown = [edit.placeholderText() for edit in (self.first, self.last)]
        default = Schedule(self._cadence, *shown).with_cadence(cadence)
        self.first.setPlaceholderText(default.first)
        self.last.setPlaceholderText(default.last)
        self._cadence = cadence

    def add_status(self, status: Status) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(status.name))
        box = QComboBox(self.table)
        for m in Meaning:
            box.addItem(meaning_text(m), m)
        box.setCurrentIndex(box.findData(status.meaning))
        self.table.setCellWidget(r, 1, box)

    def schedule(self) -> Schedule:
        """The schedule as entered; ValueError with a reason when it cannot be used."""
        cadence = Cadence(self.cadence.currentData())
        bounds = []
        for edit in (self.first, self.last):
            text = edit.text().strip() or (edit.placeholderText() if self._fill_empty else "")
            bounds.append(parse_period(text, cadence) if text else "")
        statuses = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            box = self.table.cellWidget(r, 1)
            statuses.append(Status(item.text().strip() if item else "", Meaning(box.currentData())))
        schedule = Schedule(cadence, bounds[0], bounds[1], tuple(statuses))
        check_schedule(schedule)
        return schedule

    def accept(self) -> None:
        try:
            self.schedule()
        except PeriodError as exc:
            warn(self, _tr("Reporting Schedule"), period_text(exc))
            return
        except ValueError as exc:
            warn(self, _tr("Reporting Schedule"), "", str(exc))
            return
        super().accept()
