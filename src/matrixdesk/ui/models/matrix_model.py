"""The responsibility matrix as a Qt table model: measures are rows, departments are columns.

Layout: column 0 is the measure code, column 1 its title, then one column per department,
then a totals column; after the measures comes one totals row. ``data()`` reads roles from
the store's in-memory index (a dict lookup) and nothing else. The model keeps only the row
and column order (ids) and which rows are headings; the counts in the totals are the store's,
kept up to date by the store edit by edit. Store events become ``dataChanged`` for exactly the
cells a role change touched (and their totals), row/column inserts and removals for structure
changes, a reset otherwise: a cell edit costs the same whatever the size of the plan.
Edits go through the document's undo stack (``setData`` pushes a ``SetRolesCommand``).

The totals row is also offered per column as horizontal header data (``ItemRole.TOTAL`` and
``ItemRole.TOTAL_TOOLTIP``), with ``totalsChanged(columns)`` when an edit changes counts (not
``headerDataChanged``: on that signal Qt lays both tables out again and measures two hundred
header sections, about 20 ms an edit on a big plan): the views do not
scroll it with the measures (the filter proxy leaves it out) but pin it under the grid.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.live_ledger import LiveLedger
from ...core.model import Role
from ...core.numbers import display_numbers
from ...store import RoleChange, StoreEvent
from ..commands import SetRolesCommand
from ..document import Document
from .status_colours import OVERDUE_FILL, StatusView

CODE_COLUMN = 0
TITLE_COLUMN = 1
FIRST_DEPARTMENT_COLUMN = 2

LEAD_MARK = "●"
SUPPORT_MARK = "○"
NEXT_ROLE = {None: Role.LEAD, Role.LEAD: Role.SUPPORT, Role.SUPPORT: None}


class RowKind(IntEnum):
    TASK = 0
    GROUP = 1  # a part or item heading: shaded, spanning, not editable
    TOTAL = 2


class ColumnKind(IntEnum):
    CODE = 0
    TITLE = 1
    DEPARTMENT = 2
    TOTAL = 3


class ItemRole(IntEnum):
    """Custom data roles (``Qt.UserRole`` and up)."""

    CELL = Qt.ItemDataRole.UserRole + 1  # Role | None of a department cell
    ROW_KIND = Qt.ItemDataRole.UserRole + 2
    COLUMN_KIND = Qt.ItemDataRole.UserRole + 3
    MEASURE_ID = Qt.ItemDataRole.UserRole + 4
    DEPARTMENT_ID = Qt.ItemDataRole.UserRole + 5
    # (row kind, column kind, value, level, fill) for the delegate; fill: a status colour
    PAINT = Qt.ItemDataRole.UserRole + 6
    TOTAL = Qt.ItemDataRole.UserRole + 7  # horizontal header: the column's totals-row text
    TOTAL_TOOLTIP = Qt.ItemDataRole.UserRole + 8  # horizontal header: the totals-row tooltip


_Index = QModelIndex | QPersistentModelIndex


def mark(role: Role | None) -> str:
    return LEAD_MARK if role == Role.LEAD else SUPPORT_MARK if role == Role.SUPPORT else ""


def role_from_text(text: str) -> Role | None:
    """A role from pasted text: ●/○, L/S, 牵头/配合, lead/support; anything else clears."""
    t = text.strip().lower()
    if t in (LEAD_MARK, "l", "lead", "牵头", "●", "1"):
        return Role.LEAD
    if t in (SUPPORT_MARK, "s", "support", "配合", "○", "2"):
        return Role.SUPPORT
    return None


class MatrixModel(QAbstractTableModel):
    """Rows = measures + a totals row; columns = code, title, departments, totals."""

    totalsChanged = Signal(object)  # noqa: N815 (list of columns whose totals-row text changed)

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.store = document.store
        self._rows: list[int] = []
        self._cols: list[int] = []
        self.status_view: StatusView | None = None  # colour by status instead of role
        self._load()
        self.store.subscribe(self._on_store_event)

    def set_status_view(self, ledger: LiveLedger | None) -> None:
        """Colour cells by the status in ``ledger`` (None: by role, as usual)."""
        self.status_view = StatusView(ledger) if ledger is not None else None
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def status_changed(self, measure_ids) -> None:
        """Repaint the titles of these measures (overdue or not may have changed; the cells
        an edit changed are repainted anyway). One index at a time: a range makes the view
        repaint all of itself."""
        for mid in measure_ids:
            row = self._row_of.get(mid)
            if row is not None:
                index = self.index(row, TITLE_COLUMN)
                self.dataChanged.emit(index, index)

    def detach(self) -> None:
        """Stop listening to the store (the document is closing)."""
        self.store.unsubscribe(self._on_store_event)

    # -- cached order and counts -----------------------------------------------------------
    def _load(self) -> None:
        self._rows = [m.id for m in self.store.measures()]
        self._cols = [d.id for d in self.store.departments()]
        self._reindex()
        self._groups = {mid for mid in self._rows if self._is_group(mid)}
        self._number()

    def _number(self) -> None:
        """The document's numbering of every measure (changes only with the structure)."""
        self.numbers: dict[int, str] = display_numbers(self.store.measures())

    def number(self, measure_id: int) -> str:
        """The measure's number as the document writes it, e.g. (三)2. (its code if none)."""
        return self.numbers.get(measure_id) or self.store.measure(measure_id).code

    def _reindex(self) -> None:
        self._row_of = {mid: r for r, mid in enumerate(self._rows)}
        self._col_of = {did: FIRST_DEPARTMENT_COLUMN + c for c, did in enumerate(self._cols)}

    def _is_group(self, measure_id: int) -> bool:
        # A heading is a measure with sub-measures that is not itself a task. A measure with
        # none is always editable: a part added by hand (or the only measure of a plan) would
        # otherwise be a heading no department could ever be assigned to.
        return self.store.has_children(measure_id) and not self.store.is_task(measure_id)

    # -- geometry helpers ------------------------------------------------------------------
    @property
    def total_row(self) -> int:
        return len(self._rows)

    @property
    def total_column(self) -> int:
        return FIRST_DEPARTMENT_COLUMN + len(self._cols)

    def measure_id(self, row: int) -> int | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def department_id(self, column: int) -> int | None:
        c = column - FIRST_DEPARTMENT_COLUMN
        return self._cols[c] if 0 <= c < len(self._cols) else None

    def row_of(self, measure_id: int) -> int | None:
        return self._row_of.get(measure_id)

    def column_of(self, department_id: int) -> int | None:
        return self._col_of.get(department_id)

    def row_kind(self, row: int) -> RowKind:
        if row >= len(self._rows):
            return RowKind.TOTAL
        return RowKind.GROUP if self._rows[row] in self._groups else RowKind.TASK

    def column_kind(self, column: int) -> ColumnKind:
        if column < FIRST_DEPARTMENT_COLUMN:
            return ColumnKind(column)
        return ColumnKind.TOTAL if column >= self.total_column else ColumnKind.DEPARTMENT

    def is_editable_cell(self, row: int, column: int) -> bool:
        return (
            0 <= row < len(self._rows)
            and self._rows[row] not in self._groups
            and FIRST_DEPARTMENT_COLUMN <= column < self.total_column
        )

    @property
    def groups(self) -> set[int]:
        """Ids of the measures shown as heading bands (do not change the set)."""
        return self._groups

    def counts(self, department_id: int) -> tuple[int, int]:
        """(lead, support) counts of a department."""
        return self.store.department_counts(department_id)

    # -- Qt model interface ----------------------------------------------------------------
    # Painting a screen asks these of every visible cell several times (through the filter
    # proxy, the view and the selection): they are kept to a few operations each.
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols) + _EXTRA_COLUMNS

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # QAbstractTableModel.index() asks rowCount() and columnCount() (two calls into
        # Python) before making the index: one bounds check here instead.
        if 0 <= row <= len(self._rows) and 0 <= column < len(self._cols) + _EXTRA_COLUMNS:
            if not parent.isValid():
                return self.createIndex(row, column)
        return QModelIndex()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        r, c = index.row(), index.column()
        if r < 0:
            return _NO_FLAGS
        rows = self._rows
        if (
            r < len(rows)
            and FIRST_DEPARTMENT_COLUMN <= c < len(self._cols) + FIRST_DEPARTMENT_COLUMN
            and rows[r] not in self._groups
            and not self.document.read_only
        ):
            return _EDITABLE
        return _SELECTABLE

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        r, c = index.row(), index.column()
        if r < 0:
            return None
        if role == _PAINT:
            return self._paint_data(r, c)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(r, c)
        if role == ItemRole.CELL:
            mid, did = self.measure_id(r), self.department_id(c)
            return self.store.role(mid, did) if mid is not None and did is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._tooltip(r, c)
            if self.status_view and text:
                text += self.status_view.tooltip(self.measure_id(r), self.department_id(c))
            return text
        if role == ItemRole.ROW_KIND:
            return int(self.row_kind(r))
        if role == ItemRole.COLUMN_KIND:
            return int(self.column_kind(c))
        if role == ItemRole.MEASURE_ID:
            return self.measure_id(r)
        if role == ItemRole.DEPARTMENT_ID:
            return self.department_id(c)
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= FIRST_DEPARTMENT_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _paint_data(self, r: int, c: int) -> tuple:
        rows = self._rows
        if r < len(rows):
            mid = rows[r]
            kind = RowKind.GROUP if mid in self._groups else RowKind.TASK
            level = self.store.measure(mid).level
            if FIRST_DEPARTMENT_COLUMN <= c < len(self._cols) + FIRST_DEPARTMENT_COLUMN:
                did = self._cols[c - FIRST_DEPARTMENT_COLUMN]
                role = self.store.role(mid, did)
                fill = self.status_view.cell_fill(mid, did) if self.status_view else None
                return kind, ColumnKind.DEPARTMENT, role, level, fill
            if c == TITLE_COLUMN and self.status_view and self.status_view.overdue(mid):
                return kind, ColumnKind.TITLE, self._display(r, c), level, OVERDUE_FILL
        else:
            kind, level = RowKind.TOTAL, 0
        return kind, self.column_kind(c), self._display(r, c), level, None

    def _display(self, r: int, c: int) -> str:
        if r >= len(self._rows):
            if c == TITLE_COLUMN:
                return self.tr("Total")
            if c == CODE_COLUMN:
                return ""
            did = self.department_id(c)
            if did is None:
                return str(self.store.assignment_count())
            return _count_text(sum(self.store.department_counts(did)))
        mid = self._rows[r]
        if c == CODE_COLUMN:
            return self.numbers.get(mid) or self.store.measure(mid).code
        if c == TITLE_COLUMN:
            return self.store.measure(mid).title
        did = self.department_id(c)
        if did is None:
            return _count_text(sum(self.store.measure_counts(mid)))
        return mark(self.store.role(mid, did))

    def _tooltip(self, r: int, c: int) -> str | None:
        mid, did = self.measure_id(r), self.department_id(c)
        if mid is None and did is not None:
            lead, support = self.counts(did)
            return (
                self.tr("Lead %1, support %2").replace("%1", str(lead)).replace("%2", str(support))
            )
        if mid is None:
            return None
        m = self.store.measure(mid)
        number = self.numbers.get(mid) or m.code
        if did is None and c >= FIRST_DEPARTMENT_COLUMN:
            lead, support = self.store.measure_counts(mid)
            return (
                self.tr("Lead %1, support %2").replace("%1", str(lead)).replace("%2", str(support))
            )
        if did is None:
            code = self.tr("Code %1 (for sorting)").replace("%1", m.code)
            text = f"\n{m.text[:300]}" if m.text else ""
            return f"{number} {m.title}\n{code}{text}"
        role = self.store.role(mid, did)
        what = {Role.LEAD: self.tr("lead"), Role.SUPPORT: self.tr("support")}.get(
            role, self.tr("—")
        )
        return f"{number} {m.title}\n{self.store.department(did).name}: {what}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            return None
        if role == ItemRole.COLUMN_KIND:
            return int(self.column_kind(section))
        if role == ItemRole.TOTAL:
            return self._display(self.total_row, section) if section >= 0 else None
        if role == ItemRole.TOTAL_TOOLTIP:
            return self._tooltip(self.total_row, section) if section >= 0 else None
        did = self.department_id(section)
        if role == ItemRole.DEPARTMENT_ID:
            return did
        if role == Qt.ItemDataRole.DisplayRole:
            if did is not None:
                return self.store.department(did).name
            return {CODE_COLUMN: self.tr("No."), TITLE_COLUMN: self.tr("Measure")}.get(
                section, self.tr("Total")
            )
        if role == Qt.ItemDataRole.ToolTipRole and did is not None:
            extra = self.status_view.tooltip(None, did) if self.status_view else ""
            return self._department_tooltip(did) + extra
        return None

    def _department_tooltip(self, did: int) -> str:
        d = self.store.department(did)
        lead, support = self.counts(did)
        lines = [d.name]
        if d.aliases:
            lines.append(self.tr("Also called: %1").replace("%1", "、".join(d.aliases)))
        if d.collective:
            lines.append(self.tr("Collective party (not one organisation)"))
        lines.append(
            self.tr("Lead %1, support %2").replace("%1", str(lead)).replace("%2", str(support))
        )
        return "\n".join(lines)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.is_editable_cell(index.row(), index.column()):
            return False
        new = value if isinstance(value, Role) or value is None else role_from_text(str(value))
        change = (self._rows[index.row()], self.department_id(index.column()), new)
        return self.push_changes([change])

    # -- edits -----------------------------------------------------------------------------
    def push_changes(self, changes: list[RoleChange], text: str = "") -> bool:
        """Push the changes that really change something as one undo step."""
        real = [(m, d, r) for m, d, r in changes if self.store.role(m, d) != r]
        if not real or self.document.read_only:
            return False
        return self.document.push(SetRolesCommand(self.store, real, text))

    # -- store events ----------------------------------------------------------------------
    def _on_store_event(self, event: StoreEvent) -> None:
        handler = {
            "roles": self._roles_changed,
            "measures": self._measures_changed,
            "structure": self._structure_changed,
            "departments": self._departments_changed,
            "reset": self._reset,
        }.get(event.kind)
        if handler:
            handler(event)

    def _reset(self, _event: StoreEvent | None = None) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _roles_changed(self, event: StoreEvent) -> None:
        """Repaint the changed cells, their rows' and columns' totals and the grand total;
        a measure that became (or stopped being) a heading is repainted whole."""
        regrouped = []
        for mid in event.measure_ids:
            group = self._is_group(mid)
            if group != (mid in self._groups):
                (self._groups.add if group else self._groups.discard)(mid)
                regrouped.append(mid)
        rows = [self._row_of[m] for m in event.measure_ids if m in self._row_of]
        cols = [self._col_of[d] for d in event.department_ids if d in self._col_of]
        cells = [
            (self._row_of[m], self._col_of[d])
            for m, d in event.cells
            if m in self._row_of and d in self._col_of
        ]
        if len(cells) <= _CELLS_ONE_BY_ONE:
            for r, c in cells:
                self.dataChanged.emit(self.index(r, c), self.index(r, c))
        elif rows and cols:
            self.dataChanged.emit(
                self.index(min(rows), min(cols)), self.index(max(rows), max(cols))
            )
        for mid in regrouped:
            if mid in self._row_of:
                row = self._row_of[mid]
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.total_column))
        last_row, last_col = self.total_row, self.total_column
        for r in sorted(set(rows)):  # the totals column of the changed rows
            self.dataChanged.emit(self.index(r, last_col), self.index(r, last_col))
        changed = sorted(set(cols)) + [last_col]  # the totals row and the grand total
        for c in changed:
            self.dataChanged.emit(self.index(last_row, c), self.index(last_row, c))
        self.totalsChanged.emit(changed)

    def _measures_changed(self, event: StoreEvent) -> None:
        rows = [self._row_of[m] for m in event.measure_ids if m in self._row_of]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1)
            )

    def _structure_changed(self, _event: StoreEvent) -> None:
        new = [m.id for m in self.store.measures()]
        diff = _diff(self._rows, new)
        if diff is None:
            self._reset()
            return
        op, first, last = diff
        if op == "insert":
            self.beginInsertRows(QModelIndex(), first, last)
        elif op == "remove":
            self.beginRemoveRows(QModelIndex(), first, last)
        self._rows = new
        self._reindex()
        self._groups = {mid for mid in self._rows if self._is_group(mid)}
        self._number()
        if op == "insert":
            self.endInsertRows()
        elif op == "remove":
            self.endRemoveRows()
        self._everything_changed()

    def _departments_changed(self, _event: StoreEvent) -> None:
        new = [d.id for d in self.store.departments()]
        diff = _diff(self._cols, new)
        if diff is None:
            self._reset()
            return
        op, first, last = diff
        first += FIRST_DEPARTMENT_COLUMN
        last += FIRST_DEPARTMENT_COLUMN
        if op == "insert":
            self.beginInsertColumns(QModelIndex(), first, last)
        elif op == "remove":
            self.beginRemoveColumns(QModelIndex(), first, last)
        self._cols = new
        self._reindex()
        self._groups = {mid for mid in self._rows if self._is_group(mid)}
        if op == "insert":
            self.endInsertColumns()
        elif op == "remove":
            self.endRemoveColumns()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self._everything_changed()

    def _everything_changed(self) -> None:
        self.dataChanged.emit(
            self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


_EXTRA_COLUMNS = FIRST_DEPARTMENT_COLUMN + 1  # code, title … totals
_PAINT = int(ItemRole.PAINT)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_CELLS_ONE_BY_ONE = 64  # more changed cells than this repaint as one block


def _count_text(n: int) -> str:
    return str(n) if n else ""


def _diff(old: list[int], new: list[int]) -> tuple[str, int, int] | None:
    """("insert"|"remove"|"same", first, last) when ``new`` is ``old`` with one contiguous
    block inserted or removed (or equal); None when a reset is needed."""
    if old == new:
        return ("same", 0, -1)
    o, n = len(old), len(new)
    p = 0
    while p < min(o, n) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(o, n) - p and old[o - 1 - s] == new[n - 1 - s]:
        s += 1
    if n > o and p + s == o:
        return ("insert", p, n - s - 1)
    if o > n and p + s == n:
        return ("remove", p, o - s - 1)
    return None
