"""The Progress panel (进展台账): per department how its tasks stand in the chosen period.

A table model over the ledger's roll-ups: tasks, reported this period, done, in progress, late,
not started, overdue. "Only departments to chase" keeps the departments that returned nothing
for the period (催报); the list can be exported as a workbook or printed.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.ledger import Ledger, Tally
from ..i18n import period_shown
from .onscreen import on_screen
from .wrap_layout import WrapLayout

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressPanel", text)


class DepartmentProgressModel(QAbstractTableModel):
    """One row per reporting department: its tally in the ledger's period."""

    FIELDS = ("tasks", "reported", "done", "doing", "late", "todo", "overdue")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Tally]] = []
        self.headers = [
            _tr("Department"),
            _tr("Tasks"),
            _tr("Reported"),
            _tr("Done"),
            _tr("In progress"),
            _tr("Late"),
            _tr("Not started"),
            _tr("Overdue"),
        ]

    def set_rows(self, rows: list[tuple[str, Tally]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        name, tally = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return name if col == 0 else getattr(tally, self.FIELDS[col - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 0 and not tally.reported:
                return QBrush(QColor("#b3261e"))  # returned nothing: to chase
            if col in (5, 7) and getattr(tally, self.FIELDS[col - 1]):
                return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 0 and not tally.reported:
            return _tr("Returned nothing for this period: to chase (催报)")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class ProgressPanel(QWidget):
    """Period chooser, the departments' roll-ups, the chase list's export and print."""

    periodChosen = Signal(str)  # noqa: N815
    departmentActivated = Signal(int)  # noqa: N815 - double-click or Enter on a row
    exportChase = Signal()  # noqa: N815
    printChase = Signal()  # noqa: N815

    def __init__(self, document, controller, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.document = document
        self.controller = controller
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("progressPeriod")
        for period in document.store.periods():
            self.period_box.addItem(period_shown(period), period)
        label = QLabel(_tr("&Period:"), self)
        label.setBuddy(self.period_box)
        self.chase_only = QCheckBox(_tr("Only departments to &chase (催报)"), self)
        self.chase_only.toggled.connect(self._fill)
        self.export_button = QPushButton(_tr("E&xport Chase List…"), self)
        self.print_button = QPushButton(_tr("P&rint Chase List…"), self)
        self.export_button.clicked.connect(self.exportChase.emit)
        self.print_button.clicked.connect(self.printChase.emit)
        top = WrapLayout(last_right=True)  # two lines in a narrow panel
        top.add_group(label, self.period_box)
        top.addWidget(self.chase_only)
        top.add_group(self.export_button, self.print_button)
        self.model = DepartmentProgressModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("progressTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.activated.connect(
            lambda index: self.departmentActivated.emit(self.ids[index.row()])
        )
        self.ids: list[int] = []
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.period_box.currentIndexChanged.connect(
            lambda _i: self.periodChosen.emit(self.period_box.currentData() or "")
        )
        self.ledger: Ledger | None = None
        self._stale = False  # the plan or the period changed while the panel was hidden

    def focus_target(self) -> QWidget:
        return self.table

    def set_period(self, period: str) -> None:
        periods = self.document.store.periods()
        if [self.period_box.itemData(i) for i in range(self.period_box.count())] != periods:
            self.period_box.blockSignals(True)  # the schedule changed
            self.period_box.clear()
            for p in periods:
                self.period_box.addItem(period_shown(p), p)
            self.period_box.blockSignals(False)
        i = self.period_box.findData(period)
        if i >= 0 and i != self.period_box.currentIndex():
            self.period_box.blockSignals(True)
            self.period_box.setCurrentIndex(i)
            self.period_box.blockSignals(False)
        if not on_screen(self):  # the ledger reads the whole plan: only when it is seen
            self._stale = True
            return
        self._stale = False
        self.ledger = self.controller.ledger()
        self._fill()

    def plan_changed(self) -> None:
        """An edit: fill again now if the panel can be seen, else when it comes into view."""
        if on_screen(self):
            self.set_period(self.period_box.currentData() or "")
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.came_into_view()

    def came_into_view(self) -> None:
        """Shown, or its tab brought to the front: catch up."""
        if self._stale:  # with the panel as context: not called once another plan replaced it
            QTimer.singleShot(0, self, lambda: self.set_period(self.period_box.currentData() or ""))

    def _fill(self) -> None:
        ledger = self.ledger
        if ledger is None:
            self.model.set_rows([])
            return
        store = self.document.store
        chosen = [
            d
            for d in store.departments()
            if d.id in ledger.by_department
            and (not self.chase_only.isChecked() or not ledger.by_department[d.id].reported)
        ]
        self.ids = [d.id for d in chosen]
        self.model.set_rows([(d.name, ledger.by_department[d.id]) for d in chosen])
        chase = sum(1 for t in ledger.by_department.values() if t.tasks and not t.reported)
        self.summary.setText(
            _tr("%1: %2 departments reported, %3 to chase; %4 measures overdue.")
            .replace("%1", period_shown(ledger.period))
            .replace("%2", str(len(ledger.by_department) - chase))
            .replace("%3", str(chase))
            .replace("%4", str(len(ledger.overdue)))
        )
