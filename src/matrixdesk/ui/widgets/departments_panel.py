"""The departments of the plan in display order, with their workload and the edits on them.

Add, rename, aliases, merge, reorder, collective marker and remove: each one undo command on
the document's stack. The table keeps the selection on the same department across refreshes.

The lead and support counts are the store's (kept up to date edit by edit): a cell edit
repaints the counts of the departments it touched and nothing else. While the panel is hidden
its model only notes that something changed, and catches up when the panel is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Department
from ...store import StoreEvent
from ..actions import plain_text
from ..commands import (
    AddDepartmentCommand,
    MergeDepartmentsCommand,
    MoveDepartmentCommand,
    RemoveDepartmentCommand,
    RenameDepartmentCommand,
    SetAliasesCommand,
    SetCollectiveCommand,
)
from ..document import Document
from .onscreen import on_screen

Index = QModelIndex | QPersistentModelIndex
NAME, ALIASES, LEAD, SUPPORT, COLLECTIVE = range(5)
_ALIAS_SPLIT = re.compile(r"[,，、;；\s]+")


def split_aliases(text: str) -> list[str]:
    """ "省发改委、发改委, 发展改革委" → the three names."""
    return [a for a in _ALIAS_SPLIT.split(text) if a]


class DepartmentsModel(QAbstractTableModel):
    """One row per department: name, aliases, lead count, support count, collective marker."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._departments: list[Department] = []
        self._row_of: dict[int, int] = {}
        self.shown: Callable[[], bool] = lambda: True  # out of view: events only mark it stale
        self._stale = False
        self._read()
        document.changed.connect(self._on_store_event)

    def department(self, row: int) -> Department:
        return self._departments[row]

    def row_of(self, department_id: int) -> int:
        return self._row_of.get(department_id, -1)

    def assignment_count(self, row: int) -> int:
        return sum(self.document.store.department_counts(self._departments[row].id))

    def catch_up(self) -> None:
        """Read again what changed while the panel was out of view."""
        if self._stale:
            self._stale = False
            self.beginResetModel()
            self._read()
            self.endResetModel()

    # -- Qt model interface --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._departments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Department"),
                self.tr("Aliases"),
                self.tr("Lead"),
                self.tr("Support"),
                self.tr("Collective"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COLLECTIVE:
            return self.tr(
                "Collective parties (各地区, 有关部门 …) stay out of the workload chart."
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.document.read_only:
            return flags
        if index.column() in (NAME, ALIASES):
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == COLLECTIVE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._departments):
            return None
        d, col = self._departments[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NAME:
                return d.name
            if col == ALIASES:
                return "、".join(d.aliases)
            if col in (LEAD, SUPPORT):
                count = self.document.store.department_counts(d.id)[col - LEAD]
                return count if role == Qt.ItemDataRole.EditRole else str(count)
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == COLLECTIVE:
            return Qt.CheckState.Checked if d.collective else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (LEAD, SUPPORT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME and d.aliases:
            return self.tr("Also written as: %1").replace("%1", "、".join(d.aliases))
        return None

    def setData(self, index: Index, value, role: int = Qt.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        d, col = self._departments[index.row()], index.column()
        store = self.document.store
        if role == Qt.ItemDataRole.CheckStateRole and col == COLLECTIVE:
            collective = Qt.CheckState(value) == Qt.CheckState.Checked
            if collective == d.collective:
                return False
            return self.document.push(SetCollectiveCommand(store, d.id, collective))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if col == NAME:
            name = str(value).strip()
            other = store.department_named(name)
            if not name or name == d.name or (other and other.id != d.id):
                return False
            return self.document.push(RenameDepartmentCommand(store, d.id, name))
        if col == ALIASES:
            aliases = split_aliases(str(value))
            if aliases == d.aliases:
                return False
            return self.document.push(SetAliasesCommand(store, d.id, aliases))
        return False

    # -- refresh --------------------------------------------------------------------------------
    def _read(self) -> None:
        self._departments = self.document.store.departments()
        self._row_of = {d.id: row for row, d in enumerate(self._departments)}

    def _on_store_event(self, event: StoreEvent) -> None:
        if event.kind not in ("departments", "roles", "structure", "reset"):
            return
        if not self.shown():
            self._stale = True
            return
        if event.kind == "roles":  # only counts changed: repaint those departments' counts
            for row in sorted(self._row_of[d] for d in event.department_ids if d in self._row_of):
                self.dataChanged.emit(self.index(row, LEAD), self.index(row, SUPPORT))
            return
        old = [d.id for d in self._departments]
        new = [d.id for d in self.document.store.departments()]
        if old != new:
            self.beginResetModel()
            self._read()
            self.endResetModel()
            return
        self._read()
        if self._departments:
            last = self.index(len(self._departments) - 1, COLLECTIVE)
            self.dataChanged.emit(self.index(0, 0), last)


class DepartmentsPanel(QWidget):
    """The department list with its editing actions (toolbar and context menu)."""

    departmentActivated = Signal(int)  # noqa: N815 (Qt signal naming)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = DepartmentsModel(document, self)
        self._kept_id: int | None = None
        self._kept_row = -1
        self._kept_ids: set[int] = set()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the header words: sizing to contents measured every row again
        # after each edit, even while the panel was hidden.
        # The counts need four digits, not 48 px each: in the right column of a 1024×700
        # window the names had 60 px left (省农业…, 省邮政…).
        metrics = header.fontMetrics()
        for col in (LEAD, SUPPORT, COLLECTIVE):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            wide = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance("0000"))
            header.resizeSection(col, wide + 16)
        header.resizeSection(ALIASES, metrics.horizontalAdvance("省发改委") + 16)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.dataChanged.connect(self._update_actions)
        self._make_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self._menu_actions():
            toolbar.addAction(action) if action else toolbar.addSeparator()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)
        self._update_actions()
        self.model.shown = lambda: on_screen(self)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.model.catch_up()
        super().showEvent(event)

    def came_into_view(self) -> None:
        """Its tab was brought to the front."""
        self.model.catch_up()

    # -- actions --------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def make(text: str, slot, shortcut=None, tip: str = "") -> QAction:
            action = QAction(text, self)
            action.triggered.connect(slot)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setStatusTip(tip)
            action.setIconText(plain_text(text))  # the panel's toolbar: no (A) hints
            self.addAction(action)
            return action

        self.add_action = make(
            self.tr("&Add…"),
            self.add_department,
            None,
            self.tr("Add a department at the end of the list"),
        )
        self.rename_action = make(
            self.tr("Re&name…"),
            self.rename_department,
            None,
            self.tr("Rename the department; the change log keeps the old name"),
        )
        self.aliases_action = make(
            self.tr("A&liases…"),
            self.edit_aliases,
            None,
            self.tr("Other names of the department, such as 省发改委"),
        )
        self.merge_action = make(
            self.tr("&Merge into…"),
            self.merge_department,
            None,
            self.tr("Move all assignments to another department and drop this one"),
        )
        self.up_action = make(
            self.tr("Move &Up"), lambda: self.move_department(-1), Qt.Modifier.CTRL | Qt.Key.Key_Up
        )
        self.down_action = make(
            self.tr("Move &Down"),
            lambda: self.move_department(1),
            Qt.Modifier.CTRL | Qt.Key.Key_Down,
        )
        self.collective_action = make(
            self.tr("&Collective"),
            self.toggle_collective,
            None,
            self.tr("Mark as a collective party (各地区, 有关部门 …)"),
        )
        self.collective_action.setCheckable(True)
        self.remove_action = make(
            self.tr("&Remove"),
            self.remove_department,
            QKeySequence.StandardKey.Delete,
            self.tr("Remove the department and its assignments"),
        )

    def _menu_actions(self) -> list[QAction | None]:
        return [
            self.add_action,
            self.rename_action,
            self.aliases_action,
            self.merge_action,
            None,
            self.up_action,
            self.down_action,
            None,
            self.collective_action,
            self.remove_action,
        ]

    def context_menu(self) -> QMenu:
        """The menu the right button or the Menu key opens on the list."""
        menu = QMenu(self)
        for action in self._menu_actions():
            menu.addAction(action) if action else menu.addSeparator()
        return menu

    def _context_menu(self, pos) -> None:
        menu = self.context_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _update_actions(self, *args) -> None:
        row = self.current_row()
        has = row >= 0
        editable = not self.document.read_only
        self.add_action.setEnabled(editable)
        for action in (
            self.rename_action,
            self.aliases_action,
            self.collective_action,
            self.remove_action,
        ):
            action.setEnabled(editable and has)
        self.merge_action.setEnabled(editable and has and self.model.rowCount() > 1)
        self.up_action.setEnabled(editable and row > 0)
        self.down_action.setEnabled(editable and has and row < self.model.rowCount() - 1)
        self.collective_action.setChecked(has and self.model.department(row).collective)

    # -- selection ------------------------------------------------------------------------------
    def focus_target(self) -> QWidget:
        """Where the keyboard goes when the panel is chosen: the list, on a department."""
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.select_department(self.model.department(0).id)
        return self.view

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_department_id(self) -> int | None:
        row = self.current_row()
        return self.model.department(row).id if row >= 0 else None

    def select_department(self, department_id: int) -> None:
        row = self.model.row_of(department_id)
        if row < 0:
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(self.model.index(row, NAME), flags)
        self.view.scrollTo(self.model.index(row, NAME))

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_department_id()
        self._kept_row = self.current_row()
        self._kept_ids = {self.model.department(r).id for r in range(self.model.rowCount())}

    def _restore_selection(self) -> None:
        """After the list changed: a department that came back (an undone removal or merge)
        is selected and scrolled to; else the one selected before; else, when that one went,
        the department now in its row. The first row had been selected, or nothing."""
        ids = [self.model.department(r).id for r in range(self.model.rowCount())]
        came = [i for i in ids if i not in self._kept_ids]
        if came and self._kept_ids:
            self.select_department(came[0])
        elif self._kept_id in ids:
            self.select_department(self._kept_id)
        elif self._kept_row >= 0 and ids:
            self.select_department(ids[min(self._kept_row, len(ids) - 1)])
        self._update_actions()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.departmentActivated.emit(self.model.department(index.row()).id)

    # -- edits ----------------------------------------------------------------------------------
    def add_department(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add department"), self.tr("Name:"))
        name = name.strip()
        if not ok or not name or not self._name_free(name):
            return
        command = AddDepartmentCommand(self.document.store, name)
        if self.document.push(command):
            self.select_department(command.department_id)

    def rename_department(self) -> None:
        dep = self._current()
        if dep is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename department"),
            self.tr("New name:"),
            QLineEdit.EchoMode.Normal,
            dep.name,
        )
        name = name.strip()
        if ok and name and name != dep.name and self._name_free(name, dep.id):
            self.document.push(RenameDepartmentCommand(self.document.store, dep.id, name))

    def edit_aliases(self) -> None:
        dep = self._current()
        if dep is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Aliases"),
            self.tr("Other names of %1, separated by 、 or commas:").replace("%1", dep.name),
            QLineEdit.EchoMode.Normal,
            "、".join(dep.aliases),
        )
        if not ok:
            return
        aliases = split_aliases(text)
        for alias in aliases:
            if not self._name_free(alias, dep.id):
                return
        if aliases != dep.aliases:
            self.document.push(SetAliasesCommand(self.document.store, dep.id, aliases))

    def merge_department(self) -> None:
        dep = self._current()
        if dep is None:
            return
        others = [d for d in self.document.store.departments() if d.id != dep.id]
        if not others:
            return
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Merge departments"),
            self.tr("Merge %1 into:").replace("%1", dep.name),
            [d.name for d in others],
            0,
            False,
        )
        target = next((d for d in others if d.name == name), None)
        if ok and target is not None:
            self.document.push(MergeDepartmentsCommand(self.document.store, dep.id, target.id))
            self.select_department(target.id)

    def move_department(self, step: int) -> None:
        row = self.current_row()
        if row < 0 or not 0 <= row + step < self.model.rowCount():
            return
        dep_id = self.model.department(row).id
        self.document.push(MoveDepartmentCommand(self.document.store, dep_id, row + step))

    def toggle_collective(self) -> None:
        dep = self._current()
        if dep is not None:
            command = SetCollectiveCommand(self.document.store, dep.id, not dep.collective)
            self.document.push(command)

    def remove_department(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        dep, count = self.model.department(row), self.model.assignment_count(row)
        if count:
            question = self.tr("%1 is responsible for %2 measure(s). Remove it with them?")
            answer = QMessageBox.question(
                self,
                self.tr("Remove department"),
                question.replace("%1", dep.name).replace("%2", str(count)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.document.push(RemoveDepartmentCommand(self.document.store, dep.id))

    def _current(self) -> Department | None:
        row = self.current_row()
        return self.model.department(row) if row >= 0 else None

    def _name_free(self, name: str, own_id: int | None = None) -> bool:
        """False (after telling the user) when another department already has ``name``."""
        other = self.document.store.department_named(name)
        if other is None or other.id == own_id:
            return True
        QMessageBox.warning(
            self,
            self.tr("Name in use"),
            self.tr("%1 is already the name or an alias of %2.")
            .replace("%1", name)
            .replace("%2", other.name),
        )
        return False
