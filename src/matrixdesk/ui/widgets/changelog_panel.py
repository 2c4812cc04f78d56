"""The Change Log panel: every change recorded in the plan, filterable by department, period
and kind (collected workbooks carry their department, period and file).

The log only grows (a row per edit, undo included, kept in the file from session to session),
so the panel reads it whole once and then only the rows written since: an edit adds its row at
the top. Reading the newest 5,000 rows and the filters' values again at every edit made each
edit of a long-used plan slower by about 3 ms a thousand rows while the panel was in view.
"""

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
FILTERED = ("department", "period", "action")
ROWS_SHOWN = 5000  # the newest rows; the filters reach older ones


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

    def add_newest(self, rows: list[dict], limit: int = ROWS_SHOWN) -> None:
        """Put ``rows`` (newest first) above the rows shown, keeping the newest ``limit``."""
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self.rows[:0] = rows
            self.endInsertRows()
        if len(self.rows) > limit:
            self.beginRemoveRows(QModelIndex(), limit, len(self.rows) - 1)
            del self.rows[limit:]
            self.endRemoveRows()

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
        self._stale = False  # log rows written while out of view: read them when shown
        self._reread = False  # the plan was replaced: read the log whole when shown
        self.last_id = 0  # the newest log row read
        self.known: dict[str, set[str]] = {}  # the values each filter offers
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
            values = self.store.change_log_values(column)
            for value in values:
                box.addItem(kind_text(value) if column == "action" else value, value)
            self.known[column] = set(values)
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

    def chosen(self) -> dict[str, str | None]:
        """The value each filter asks for (None: all)."""
        return {column: box.currentData() for column, box in self.filters.items()}

    def refresh(self, *_args) -> None:
        """Read the log again, whole (a filter changed, the plan was replaced)."""
        self.last_id = self.store.last_change_id()
        self.model.set_rows(self.store.change_log(**self.chosen(), limit=ROWS_SHOWN))
        self._stale = self._reread = False

    def catch_up(self) -> None:
        """Add the rows written since the last read: those the filters let through at the
        top, their values to the filters (the rows' count, not the log's, sets the work)."""
        rows = self.store.change_log(after=self.last_id, limit=ROWS_SHOWN)
        self._stale = False
        if len(rows) == ROWS_SHOWN:  # more than the panel shows: as good as a new log
            self._fill_filters()
            self.refresh()
            return
        if not rows:
            return
        self.last_id = max(self.last_id, rows[0]["id"])
        if any(r[c] and r[c] not in self.known.get(c, ()) for r in rows for c in FILTERED):
            self._fill_filters()  # a new kind, department or period: rare
        chosen = self.chosen()
        self.model.add_newest(
            [r for r in rows if all(not v or r[c] == v for c, v in chosen.items())]
        )

    def showEvent(self, event) -> None:  # noqa: N802
        self.came_into_view()
        super().showEvent(event)

    def came_into_view(self) -> None:
        """Shown, or its tab brought to the front: catch up."""
        if self._reread:
            self._fill_filters()
            self.refresh()
        elif self._stale:
            self.catch_up()
            self.table.viewport().update()  # names and numbers may have changed meanwhile

    def _on_store_event(self, event: StoreEvent) -> None:
        if self.store.db.conn is None:
            return
        self._reread = self._reread or event.kind == "reset"
        if not on_screen(self):  # brought up to date when shown: edits stay fast
            self._stale = True
            return
        if self._reread:
            self._fill_filters()
            self.refresh()
            return
        self.catch_up()
        if event.kind in ("structure", "departments", "measures"):
            # the entries say measures by number and departments by name: repaint those shown
            self.table.viewport().update()
