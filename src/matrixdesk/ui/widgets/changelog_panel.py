"""The Change Log panel: every change recorded in the plan, filterable by department, period
and kind (collected workbooks carry their department, period and file)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store import StoreEvent
from ..changelog_text import entry_text
from .onscreen import on_screen
from .wrap_layout import WrapLayout

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("at", "action", "department", "period", "source", "summary")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangeLogPanel", text)


def kind_text(action: str) -> str:
    """A change-log kind in the UI language (unknown kinds as stored)."""
    names = {
        "collect": _tr("Collected workbook"),
        "undo collect": _tr("Collect undone"),
        "roles": _tr("Cells"),
        "assignments": _tr("Cells restored"),
        "measure": _tr("Measure edited"),
        "add measure": _tr("Measure added"),
        "remove measure": _tr("Measure removed"),
        "restore measure": _tr("Measure restored"),
        "add target": _tr("Target added"),
        "target": _tr("Target edited"),
        "remove target": _tr("Target removed"),
        "add department": _tr("Department added"),
        "aliases": _tr("Aliases"),
        "collective": _tr("Collective party"),
        "move department": _tr("Department moved"),
        "restore departments": _tr("Departments restored"),
        "rename department": _tr("Department renamed"),
        "merge departments": _tr("Departments merged"),
        "remove department": _tr("Department removed"),
        "schedule": _tr("Reporting schedule"),
        "info": _tr("Document details"),
        "replace plan": _tr("Plan replaced"),
    }
    return names.get(action, action)


class ChangeLogModel(QAbstractTableModel):
    def __init__(self, document=None, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.rows: list[dict] = []
        self.headers = [
            _tr("When"),
            _tr("Kind"),
            _tr("Department"),
            _tr("Period"),
            _tr("File"),
            _tr("What"),
        ]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        key = COLUMNS[index.column()]
        value = self.rows[index.row()].get(key) or ""
        if key == "at":
            return str(value).replace("T", " ")
        if key == "action":
            return kind_text(str(value))
        if key == "summary" and self.document is not None:  # in the window's language
            return entry_text(self.document, self.rows[index.row()])
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class ChangeLogPanel(QWidget):
    """Three filters over the plan's change log, newest first."""

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("changeLogPanel")
        self.store = document.store
        self.filters = {}
        top = WrapLayout()  # the filters wrap in a narrow panel
        for column, title in (
            ("department", _tr("&Department:")),
            ("period", _tr("P&eriod:")),
            ("action", _tr("&Kind:")),
        ):
            box = QComboBox(self)
            box.setObjectName(f"changeLog.{column}")
            box.setMinimumContentsLength(8)
            label = QLabel(title, self)
            label.setBuddy(box)
            top.add_group(label, box)
            self.filters[column] = box
            box.currentIndexChanged.connect(self.refresh)
        self.model = ChangeLogModel(document, self)
        self.table = QTableView(self)
        self.table.setObjectName("changeLogTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        for column, width in ((0, 130), (2, 140), (3, 70), (4, 140)):
            self.table.setColumnWidth(column, width)
        self._stale = False
        self._fill_filters()
        self.refresh()
        self.store.subscribe(self._on_store_event)

    def focus_target(self) -> QWidget:
        return self.table

    def detach(self) -> None:
        self.store.unsubscribe(self._on_store_event)

    def _fill_filters(self) -> None:
        for column, box in self.filters.items():
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(_tr("All"), None)
            for value in self.store.change_log_values(column):
                box.addItem(kind_text(value) if column == "action" else value, value)
            i = box.findData(current)
            box.setCurrentIndex(max(0, i))
            box.blockSignals(False)
        self._fit_kind_column()

    def _fit_kind_column(self) -> None:
        """The Kind column as wide as the longest kind the log holds (the English ones were
        cut at a fixed 110 px), measured on the few kinds in the filter, not on every row."""
        box = self.filters["action"]
        style, metrics = self.table.style(), self.table.fontMetrics()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        widths = [metrics.horizontalAdvance(box.itemText(i)) for i in range(1, box.count())]
        widest = max(widths, default=0) + 2 * margin
        header = self.table.horizontalHeader()
        title = str(self.model.headerData(1, Qt.Orientation.Horizontal))
        title_width = header.fontMetrics().horizontalAdvance(title)
        title_width += 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        self.table.setColumnWidth(1, max(widest, title_width, 80) + 6)

    def refresh(self, *_args) -> None:
        chosen = {column: box.currentData() for column, box in self.filters.items()}
        self.model.set_rows(self.store.change_log(**chosen))
        self._stale = False

    def showEvent(self, event) -> None:  # noqa: N802
        self.came_into_view()
        super().showEvent(event)

    def came_into_view(self) -> None:
        """Shown, or its tab brought to the front: catch up."""
        if self._stale:
            self._fill_filters()
            self.refresh()

    def _on_store_event(self, _event: StoreEvent) -> None:
        if self.store.db.conn is None:
            return
        if not on_screen(self):  # refreshed when shown: edits stay fast
            self._stale = True
            return
        self._fill_filters()
        self.refresh()
