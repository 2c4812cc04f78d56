"""Edits made from the grid: cycling and setting roles, copy and paste, measures, departments.

Every edit becomes one command on the document's undo stack — a selection of many cells is
one ``SetRolesCommand``, a paste of whole rows one ``ReplaceAssignmentsCommand``. Headings,
the totals row and the totals column are skipped. The window owns one :class:`MatrixEditor`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from ...core.model import Measure, Role
from ...core.numbers import label_like
from ..commands import (
    AddDepartmentCommand,
    AddMeasureCommand,
    RemoveMeasureCommand,
    ReplaceAssignmentsCommand,
)
from ..models.clipboard import copy_block, paste_cells, paste_rows, read_block
from ..models.matrix_model import FIRST_DEPARTMENT_COLUMN, NEXT_ROLE, RowKind


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MatrixEditor", text, None, n)


class MatrixEditor(QObject):
    """Turns grid gestures into undo commands on the window's document."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    # -- where we are ----------------------------------------------------------------------
    @property
    def model(self):
        return self.window.model

    @property
    def proxy(self):
        return self.window.proxy

    def _src(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def current_measure_id(self) -> int | None:
        if self.model is None:
            return None
        current = self.window.view.current_index()
        return self.model.measure_id(self._src(current.row())) if current.isValid() else None

    def current_department_id(self) -> int | None:
        """The department of the current cell's column, if it is a department column."""
        if self.model is None:
            return None
        current = self.window.view.current_index()
        if not current.isValid() or not (
            FIRST_DEPARTMENT_COLUMN <= current.column() < self.model.total_column
        ):
            return None
        return self.model.department_id(current.column())

    def selected_rows(self) -> list[int]:
        """Proxy rows touched by the selection, in order."""
        rows: set[int] = set()
        for top, _left, bottom, _right in self.window.view.selected_blocks():
            rows.update(range(top, bottom + 1))
        return sorted(rows)

    def cell_blocks(self) -> list[tuple[int, int, int, int]]:
        """Selected blocks made in the department area.

        Rows selected on the frozen side (code or title) span every column, departments
        included; they are rows to copy, not cells to change: one key on a title cell set or
        cleared every department of the measure.
        """
        return [
            block
            for block in self.window.view.selected_blocks()
            if block[1] >= FIRST_DEPARTMENT_COLUMN
        ]

    def selected_cells(self) -> list[tuple[int, int]]:
        """(measure id, department id) of every selected, editable department cell."""
        model = self.model
        if model is None:
            return []
        cells = []
        last = model.total_column
        for top, left, bottom, right in self.cell_blocks():
            cols = range(max(left, FIRST_DEPARTMENT_COLUMN), min(right, last - 1) + 1)
            for r in range(top, bottom + 1):
                src = self._src(r)
                if model.row_kind(src) != RowKind.TASK:
                    continue
                mid = model.measure_id(src)
                cells.extend((mid, model.department_id(c)) for c in cols)
        return list(dict.fromkeys(cells))

    def has_editable_selection(self) -> bool:
        if self.model is None:
            return False
        last = self.model.total_column
        return any(left < last for _t, left, _b, _r in self.cell_blocks())

    # -- roles -----------------------------------------------------------------------------
    def set_roles(self, role: Role | None, text: str = "") -> bool:
        cells = self.selected_cells()
        if not cells or self.model is None:
            return False
        if self.model.push_changes([(m, d, role) for m, d in cells], text):
            return True
        self._unchanged()
        return False

    def _unchanged(self) -> None:
        """An edit that would change nothing says so, rather than seeming to be ignored."""
        if self.window.document is not None and not self.window.document.read_only:
            self.window.statusBar().showMessage(
                _tr("Nothing to change: the selected cells are like that already."), 5000
            )

    def set_lead(self) -> bool:
        return self.set_roles(Role.LEAD)

    def set_support(self) -> bool:
        return self.set_roles(Role.SUPPORT)

    def clear(self) -> bool:
        return self.set_roles(None)

    def cycle_at(self, index: QModelIndex) -> bool:
        """A click: the clicked cell goes none → lead → support → none."""
        if self.model is None or not index.isValid():
            return False
        src = self.proxy.mapToSource(index)
        if not self.model.is_editable_cell(src.row(), src.column()):
            return False
        mid, did = self.model.measure_id(src.row()), self.model.department_id(src.column())
        new = NEXT_ROLE[self.model.store.role(mid, did)]
        return self.model.push_changes([(mid, did, new)])

    def cycle_selection(self) -> bool:
        """Space: every selected cell takes the role that follows the current cell's."""
        cells = self.selected_cells()
        current = self.window.view.current_index()
        if not cells or self.model is None:
            return False
        src = self.proxy.mapToSource(current) if current.isValid() else QModelIndex()
        mid, did = self.model.measure_id(src.row()), self.model.department_id(src.column())
        base = self.model.store.role(mid, did) if mid is not None and did is not None else None
        if (mid, did) not in cells:
            base = self.model.store.role(*cells[0])
        new = NEXT_ROLE[base]
        return self.model.push_changes([(m, d, new) for m, d in cells])

    # -- clipboard -------------------------------------------------------------------------
    def copy(self) -> None:
        blocks = self.window.view.selected_blocks()
        if not blocks or self.model is None:
            return
        last = self.model.total_column
        whole = all(
            left <= FIRST_DEPARTMENT_COLUMN and right >= last - 1 for _t, left, _b, right in blocks
        )
        cols: set[int] = set()
        for _t, left, _b, right in blocks:
            cols.update(range(max(left, FIRST_DEPARTMENT_COLUMN), min(right, last - 1) + 1))
        mime = copy_block(self.proxy, self.selected_rows(), sorted(cols), whole)
        QApplication.clipboard().setMimeData(mime)
        self.window.statusBar().showMessage(
            _tr("Copied %n row(s)", len(self.selected_rows())), 3000
        )

    def paste(self) -> bool:
        doc = self.window.document
        block = read_block(QApplication.clipboard().mimeData())
        if doc is None or doc.read_only:
            return False
        if block is None:
            self.window.statusBar().showMessage(
                _tr("Nothing pasted: the clipboard holds no ● / ○ marks (or 牵头 / 配合)."), 5000
            )
            return False
        rows = self.selected_rows()
        if block.whole_rows:
            by_measure = paste_rows(self.proxy, block, rows)
            by_measure = {
                m: a
                for m, a in by_measure.items()
                if [(x.department_id, x.role) for x in a]
                != [(x.department_id, x.role) for x in doc.store.assignments_of(m)]
            }
            if not by_measure:
                self._unchanged()
                return False
            return doc.push(
                ReplaceAssignmentsCommand(
                    doc.store, by_measure, _tr("Paste %n row(s)", len(by_measure))
                )
            )
        changes = paste_cells(self.proxy, block, self.window.view.current_index(), rows)
        if self.model.push_changes(changes, _tr("Paste")):
            return True
        self._unchanged()
        return False

    # -- measures and departments ----------------------------------------------------------
    def add_measure(self) -> bool:
        doc = self.window.document
        if doc is None or doc.read_only:
            return False
        title, ok = QInputDialog.getText(
            self.window,
            _tr("Add measure"),
            _tr("Title of the new measure:"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok or not title.strip():
            return False
        measure, position = self._new_measure(title.strip())
        command = AddMeasureCommand(doc.store, measure, position)
        doc.push(command)
        self.window.select_measure(command.measure_id, None)
        return True

    def _new_measure(self, title: str) -> tuple[Measure, int]:
        """A measure below the current one: first child of a heading, else the next sibling."""
        store = self.window.document.store
        measures = store.measures()
        current = self.current_measure_id()
        heading = False
        if current is None:
            parent, level, position = None, 1, len(measures)
        else:
            cur = store.measure(current)
            heading = self.model.row_kind(self.model.row_of(current)) == RowKind.GROUP
            if heading:
                parent, level, position = cur.id, cur.level + 1, cur.position + 1
            else:
                parent, level = cur.parent_id, cur.level
                position = cur.position + 1
                ancestors = {cur.id}
                while position < len(measures) and measures[position].parent_id in ancestors:
                    ancestors.add(measures[position].id)
                    position += 1
        siblings = [m for m in measures if m.parent_id == parent]
        prefix = store.measure(parent).code + "." if parent is not None else ""
        codes = {m.code for m in measures}
        n = len(siblings) + 1
        while f"{prefix}{n}" in codes:
            n += 1
        # numbered as its siblings are (四、 after 三、, not 4.); added beside a task it is a
        # task, whatever its level: it is checked, handed out and printed like the others
        like = cur if current is not None and not heading else (siblings[-1] if siblings else None)
        label = label_like(like.label, n) if like is not None else f"{n}."
        task = current is not None and not heading and store.is_task(current)
        measure = Measure(0, f"{prefix}{n}", label, level, title, parent_id=parent, annotated=task)
        return measure, position

    def remove_measure(self) -> bool:
        doc, mid = self.window.document, self.current_measure_id()
        if doc is None or doc.read_only or mid is None:
            return False
        m = doc.store.measure(mid)
        answer = QMessageBox.question(
            self.window,
            _tr("Remove measure"),
            _tr(
                "Remove %1 %2 with its sub-measures, assignments and targets?\n"
                "You can undo this with Ctrl+Z."
            )
            .replace("%1", self.model.number(mid))
            .replace("%2", m.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return doc.push(RemoveMeasureCommand(doc.store, mid))

    def add_department(self) -> bool:
        doc = self.window.document
        if doc is None or doc.read_only:
            return False
        name, ok = QInputDialog.getText(
            self.window, _tr("Add department"), _tr("Name of the department:")
        )
        name = name.strip()
        if not ok or not name:
            return False
        if doc.store.department_named(name) is not None:
            QMessageBox.warning(
                self.window,
                _tr("Add department"),
                _tr("A department named %1 exists already.").replace("%1", name),
            )
            return False
        current = self.window.view.current_index()
        did = self.model.department_id(current.column()) if current.isValid() else None
        position = None
        if did is not None:
            position = [d.id for d in doc.store.departments()].index(did) + 1
        return doc.push(AddDepartmentCommand(doc.store, name, position))
