"""The measure panel: one measure's title, text, deadline, open-ended marker, roles, targets.

The targets table is a small model of its own (:class:`TargetsModel`); every edit made here is
an undo command pushed on the document's stack.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...core.model import Comparator, Role, Target
from ...store import EditError, StoreEvent
from ..commands import (
    AddTargetCommand,
    EditMeasureCommand,
    EditTargetCommand,
    RemoveTargetCommand,
)
from ..document import Document
from .highlight import LEAD_COLOUR, SUPPORT_COLOUR, DepartmentHighlighter

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
    """A combo box of =, ≥ (以上) and ≤ (以内) for the comparison column."""

    def __init__(self, model: TargetsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index):  # noqa: N802
        combo = QComboBox(parent)
        for comparator in Comparator:
            combo.addItem(self._model.comparator_label(comparator), str(comparator))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MeasurePanel(QWidget):
    """Everything about one measure: title, text, deadline, open-ended marker, roles, targets.

    Edits are pushed to the document's undo stack; the panel refreshes from store events, so
    undo and edits made elsewhere (the grid) show here too.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.measure_id: int | None = None
        self.targets_model = TargetsModel(document, self)
        self._build()
        document.changed.connect(self._on_store_event)
        self.set_measure(None)

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.code_label = QLabel()
        self.code_label.setStyleSheet("font-weight: bold;")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title of the measure"))
        self.title_edit.editingFinished.connect(self._commit_title)
        self.deadline_edit = QLineEdit()
        self.deadline_edit.setPlaceholderText(self.tr("e.g. 2021年底前 or 长期坚持"))
        self.deadline_edit.editingFinished.connect(self._commit_deadline)
        self.calendar_button = self._calendar_button()
        self.open_ended_box = QCheckBox(self.tr("Open-ended (等部门 / 按职责分工负责)"))
        self.open_ended_box.setToolTip(
            self.tr("The annotation ends in 等 or similar: parties beyond those named take part.")
        )
        self.open_ended_box.clicked.connect(self._commit_open_ended)
        self.roles_label = QLabel()
        self.roles_label.setWordWrap(True)
        self.roles_label.setTextFormat(Qt.TextFormat.RichText)

        header = QHBoxLayout()
        header.addWidget(self.code_label)
        header.addWidget(self.title_edit, 1)
        deadline = QHBoxLayout()
        deadline.addWidget(self.deadline_edit, 1)
        deadline.addWidget(self.calendar_button)
        form = QFormLayout()
        form.addRow(self.tr("Deadline:"), deadline)
        form.addRow("", self.open_ended_box)
        form.addRow(self.tr("Responsible:"), self.roles_label)

        self.text_view = self._text_view()
        self.source_view = self._text_view()
        self.source_box = QGroupBox(self.tr("Paragraph in the source document"))
        QVBoxLayout(self.source_box).addWidget(self.source_view)
        self.highlighters = [
            DepartmentHighlighter(self.text_view.document()),
            DepartmentHighlighter(self.source_view.document()),
        ]
        text_box = QGroupBox(self.tr("Text"))
        QVBoxLayout(text_box).addWidget(self.text_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(text_box)
        splitter.addWidget(self.source_box)
        splitter.addWidget(self._targets_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(2, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        self.empty_label = QLabel(self.tr("Select a measure in the matrix to see its details."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self._content = [
            self.code_label,
            self.title_edit,
            self.deadline_edit,
            splitter,
            self.calendar_button,
            self.open_ended_box,
            self.roles_label,
        ]
        self._form = form

    def _text_view(self) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setMinimumHeight(60)
        return view

    def _calendar_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("…")
        button.setToolTip(self.tr("Pick a date"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        calendar = QCalendarWidget()
        calendar.clicked.connect(lambda date: (menu.close(), self._pick_date(date)))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        button.setMenu(menu)
        self.calendar = calendar
        return button

    def _targets_box(self) -> QGroupBox:
        self.targets_view = QTableView()
        self.targets_view.setModel(self.targets_model)
        self.targets_view.setItemDelegateForColumn(
            COMPARATOR, ComparatorDelegate(self.targets_model, self.targets_view)
        )
        self.targets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targets_view.verticalHeader().hide()
        header = self.targets_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Stretch)
        self.targets_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.targets_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.targets_view.setMinimumHeight(80)
        self.add_target_button = QPushButton(self.tr("Add target"))
        self.add_target_button.clicked.connect(self.targets_model.add_target)
        self.remove_target_button = QPushButton(self.tr("Remove target"))
        self.remove_target_button.clicked.connect(self._remove_target)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_target_button)
        buttons.addWidget(self.remove_target_button)
        box = QGroupBox(self.tr("Targets"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.targets_view)
        layout.addLayout(buttons)
        return box

    # -- showing --------------------------------------------------------------------------------
    def set_measure(self, measure_id: int | None) -> None:
        """Show ``measure_id`` (None: nothing)."""
        if measure_id is not None:
            try:
                self.document.store.measure(measure_id)
            except EditError:
                measure_id = None
        self.measure_id = measure_id
        self.targets_model.set_measure(measure_id)
        shown = measure_id is not None
        for widget in self._content:
            widget.setVisible(shown)
        for row in range(self._form.rowCount()):
            label = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label and label.widget():
                label.widget().setVisible(shown)
        self.empty_label.setVisible(not shown)
        self._refresh()

    def _refresh(self) -> None:
        if self.measure_id is None:
            return
        store = self.document.store
        m = store.measure(self.measure_id)
        self.code_label.setText(m.code)
        self.code_label.setToolTip(self.tr("Numbered %1 in the document").replace("%1", m.label))
        _set_text(self.title_edit, m.title)
        _set_text(self.deadline_edit, m.deadline)
        self.open_ended_box.setChecked(m.open_ended)
        read_only = self.document.read_only
        for widget in (self.title_edit, self.deadline_edit):
            widget.setReadOnly(read_only)
        for widget in (
            self.open_ended_box,
            self.calendar_button,
            self.add_target_button,
            self.remove_target_button,
        ):
            widget.setEnabled(not read_only)
        self._refresh_roles()
        if self.text_view.toPlainText() != m.text:
            self.text_view.setPlainText(m.text)
        source = self._source_paragraph(m.span)
        self.source_box.setVisible(_differs(source, m.text, m.label))
        if self.source_view.toPlainText() != source:
            self.source_view.setPlainText(source)

    def _refresh_roles(self) -> None:
        store = self.document.store
        assignments = store.assignments_of(self.measure_id)
        roles = {a.department_id: a.role for a in assignments}
        for highlighter in self.highlighters:
            highlighter.set_departments(store.departments(), roles)
        names = {d.id: d.name for d in store.departments()}
        parts = []
        for role, title, colour in (
            (Role.LEAD, self.tr("Lead"), LEAD_COLOUR),
            (Role.SUPPORT, self.tr("Support"), SUPPORT_COLOUR),
        ):
            who = [
                html.escape(names.get(a.department_id, "?")) for a in assignments if a.role == role
            ]
            if who:
                names_html = "、".join(who)
                parts.append(f"{title}: <span style='color:{colour.name()}'>{names_html}</span>")
        self.roles_label.setText("<br>".join(parts) or self.tr("<i>No department assigned</i>"))

    def _source_paragraph(self, span: tuple[int, int]) -> str:
        start, end = span
        return self.document.store.source_text()[start:end] if end > start else ""

    # -- editing ---------------------------------------------------------------------------------
    def _push(self, **fields: object) -> None:
        if self.measure_id is None:
            return
        m = self.document.store.measure(self.measure_id)
        if all(getattr(m, k) == v for k, v in fields.items()):
            return
        self.document.push(EditMeasureCommand(self.document.store, self.measure_id, **fields))

    def _commit_title(self) -> None:
        title = self.title_edit.text().strip()
        if title:
            self._push(title=title)
        else:
            self._refresh()  # a measure keeps a title: put the old one back

    def _commit_deadline(self) -> None:
        self._push(deadline=self.deadline_edit.text().strip())

    def _commit_open_ended(self, checked: bool) -> None:
        self._push(open_ended=bool(checked))

    def _pick_date(self, date: QDate) -> None:
        text = self.tr("by %1-%2-%3").replace("%1", str(date.year()))
        text = text.replace("%2", str(date.month())).replace("%3", str(date.day()))
        self.deadline_edit.setText(text)
        self._commit_deadline()

    def _remove_target(self) -> None:
        rows = sorted({i.row() for i in self.targets_view.selectionModel().selectedRows()})
        if not rows and self.targets_view.currentIndex().isValid():
            rows = [self.targets_view.currentIndex().row()]
        if len(rows) == 1:
            self.targets_model.remove_target(rows[0])
        elif rows:
            self.document.undo_stack.beginMacro(self.tr("Remove targets"))
            ids = [self.targets_model.target(r).id for r in rows]
            for target_id in ids:
                self.document.push(RemoveTargetCommand(self.document.store, target_id))
            self.document.undo_stack.endMacro()

    def _on_store_event(self, event: StoreEvent) -> None:
        if self.measure_id is None:
            return
        if event.kind in ("structure", "reset"):
            self.set_measure(self.measure_id)  # falls back to nothing if it is gone
        elif event.kind == "measures" and self.measure_id in event.measure_ids:
            self._refresh()
        elif event.kind == "roles" and self.measure_id in event.measure_ids:
            self._refresh_roles()
        elif event.kind == "departments":
            self._refresh_roles()


def _differs(source: str, text: str, label: str) -> bool:
    """Whether the source paragraph says more than the measure's text (not just its number)."""
    if not source:
        return False
    squeeze = "".join(source.split())
    return squeeze.removeprefix("".join(label.split())) != "".join(text.split())


def _set_text(edit: QLineEdit, text: str) -> None:
    """Replace a line edit's text without losing the cursor when it is unchanged."""
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)
