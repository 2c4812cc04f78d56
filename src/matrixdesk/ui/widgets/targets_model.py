"""The targets of one measure as an editable table model, and the comparator editor.

Every edit becomes an undo command on the document's stack; rows are read from the store.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...core.model import Comparator, Target
from ...store import EditError, StoreEvent
from ..commands import AddTargetCommand, EditTargetCommand, RemoveTargetCommand
from ..document import Document

Index = QModelIndex | QPersistentModelIndex
INDICATOR, COMPARATOR, VALUE, UNIT, YEAR = range(5)
_FIELDS = ("indicator", "comparator", "value", "unit", "year")


def format_value(value: float | None) -> str:
    """500.0 → "500", 1.5 → "1.5", None → ""."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class TargetsModel(QAbstractTableModel):
    """Rows are the targets of the measure set with :meth:`set_measure`, read from the store."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.measure_id: int | None = None
        self._targets: list[Target] = []
        document.changed.connect(self._on_store_event)

    # -- what the panel calls ------------------------------------------------------------------
    def set_measure(self, measure_id: int | None) -> None:
        self.beginResetModel()
        self.measure_id = measure_id
        self._targets = self._read()
        self.endResetModel()

    def target(self, row: int) -> Target:
        return self._targets[row]

    def add_target(self) -> None:
        if self.measure_id is None:
            return
        target = Target(0, self.measure_id, self.tr("New target"), position=len(self._targets))
        self.document.push(AddTargetCommand(self.document.store, target))

    def remove_target(self, row: int) -> None:
        if 0 <= row < len(self._targets):
            cmd = RemoveTargetCommand(self.document.store, self._targets[row].id)
            self.document.push(cmd)

    def comparator_label(self, comparator: Comparator) -> str:
        return {
            Comparator.EQ: self.tr("= exactly"),
            Comparator.GE: self.tr("≥ at least"),
            Comparator.LE: self.tr("≤ at most"),
        }[Comparator(comparator)]

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._targets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(_FIELDS):
            return None
        return [
            self.tr("Indicator"),
            self.tr("Comparison"),
            self.tr("Value"),
            self.tr("Unit"),
            self.tr("Year"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._targets):
            return None
        t, col = self._targets[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                t.indicator,
                self.comparator_label(t.comparator),
                format_value(t.value),
                t.unit,
                "" if t.year is None else str(t.year),
            ][col]
        if role == Qt.ItemDataRole.EditRole:
            return [
                t.indicator,
                str(Comparator(t.comparator)),
                format_value(t.value),
                t.unit,
                "" if t.year is None else str(t.year),
            ][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (VALUE, YEAR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == YEAR and t.year is None:
            return self.tr("No target year: the plan check reports this target.")
        return None

    def setData(self, index: Index, value, role: int = Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        t, col = self._targets[index.row()], index.column()
        try:
            new = _convert(col, value)
        except ValueError:
            return False
        if getattr(t, _FIELDS[col]) == new:
            return False
        cmd = EditTargetCommand(self.document.store, t.id, **{_FIELDS[col]: new})
        return self.document.push(cmd)

    # -- refresh ----------------------------------------------------------------------------------
    def _read(self) -> list[Target]:
        if self.measure_id is None:
            return []
        return self.document.store.targets(self.measure_id)

    def _on_store_event(self, event: StoreEvent) -> None:
        if self.measure_id is None:
            return
        if event.kind in ("structure", "reset"):
            try:
                self.document.store.measure(self.measure_id)
            except EditError:  # the measure is gone (removed, or another plan replaced this)
                self.set_measure(None)
                return
        elif event.kind != "targets" or self.measure_id not in event.measure_ids:
            return
        new = self._read()
        if [t.id for t in new] == [t.id for t in self._targets]:
            self._targets = new  # same rows: keep the selection and the editor in place
            if new:
                last = self.index(len(new) - 1, len(_FIELDS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._targets = new
        self.endResetModel()


def _convert(column: int, value: object) -> object:
    """The store value for what was typed in ``column``; ValueError when it makes no sense."""
    text = "" if value is None else str(value).strip()
    if column == INDICATOR:
        if not text:
            raise ValueError("an indicator needs a name")
        return text
    if column == COMPARATOR:
        return Comparator(text)
    if column == VALUE:
        return float(text.replace(",", "").replace("，", "")) if text else None
    if column == YEAR:
        text = text.removesuffix("年")
        if not text:
            return None
        year = int(text)
        if not 1900 <= year <= 2200:
            raise ValueError("not a plausible year")
        return year
    return text


class ComparatorDelegate(QStyledItemDelegate):
    """A combo box of =, ≥ (以上) and ≤ (以内) for the comparison column.

    The column is as wide as the combo box that edits it, not as the text it shows: the box
    was cut to '≥ l' in a column sized to '≥ 以上'.
    """

    def __init__(self, model: TargetsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._editor_width = 0  # measured once, on a box that is never shown

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index):  # noqa: N802
        combo = QComboBox(parent)
        for comparator in Comparator:
            combo.addItem(self._model.comparator_label(comparator), str(comparator))
        return combo

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        if not self._editor_width:
            probe = self.createEditor(None, option, index)
            probe.setFont(option.font)
            self._editor_width = probe.sizeHint().width()
            probe.deleteLater()
        return QSize(max(hint.width(), self._editor_width), hint.height())

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
