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
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core.periods import Cadence, PeriodError, parse_period
from ...core.progress import Meaning, Schedule, Status, check_schedule


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
    def __init__(self, schedule: Schedule, default_window: tuple[str, str], parent=None) -> None:
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
            text = edit.text().strip()
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
        except (ValueError, PeriodError) as exc:
            QMessageBox.warning(self, _tr("Reporting Schedule"), str(exc))
            return
        super().accept()
