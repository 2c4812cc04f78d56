"""File ▸ Collect Returned Workbooks…: what the returned workbooks would change, before it does.

The preview lists every file: a refused one in red with the reason; an accepted one under its
department and period, with each status, note and value reached it changes (old → new). A
change that would overwrite a newer value in the plan is a conflict: unticked, so the plan's
value is kept unless the user ticks it. Every change can be unticked. Apply hands back one
:class:`ProgressUpdate`, which the window pushes as one undo step.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.numbers import display_numbers
from ...core.progress import ProgressUpdate
from ...exchange.collect import ACTUAL, NOTE, STATUS, Change, Collection, collect
from ...exchange.errors import ExportCancelled, Refusal
from ...store import MatrixStore
from .. import folders
from ..i18n import period_shown

REFUSED_COLOR = QColor("#b3261e")
CONFLICT_COLOR = QColor("#9a6700")
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".et", ".ett")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CollectDialog", text)


def refusal_text(code: Refusal) -> str:
    """The reason for a refused workbook, in the UI language."""
    return {
        Refusal.UNREADABLE: _tr("The file cannot be read."),
        Refusal.NOT_XLSX: _tr("Not an Excel workbook (.xlsx)."),
        Refusal.OLD_FORMAT: _tr(
            "An old-format workbook (.xls or WPS .et). Open it in Excel or WPS and save it as "
            ".xlsx, then collect it again."
        ),
        Refusal.ENCRYPTED: _tr(
            "The workbook is password-protected. Ask the department to remove the password."
        ),
        Refusal.DAMAGED: _tr("The workbook is damaged."),
        Refusal.UNSAFE_XML: _tr(
            "The workbook contains XML entity declarations; refused as unsafe."
        ),
        Refusal.TOO_LARGE: _tr(
            "The workbook is far larger than any department workbook (possibly a zip bomb)."
        ),
        Refusal.NOT_OURS: _tr("Not a department workbook exported by MatrixDesk."),
        Refusal.OTHER_PLAN: _tr("A workbook of another plan."),
        Refusal.OTHER_DEPARTMENT: _tr(
            "Its rows belong to another department than the workbook itself."
        ),
        Refusal.IDS_EDITED: _tr("The hidden identifiers of the workbook were edited."),
        Refusal.ROWS_CHANGED: _tr("Rows were added to or removed from the workbook."),
        Refusal.FORMULA: _tr("A formula where a value is expected (it was not evaluated)."),
        Refusal.BAD_STATUS: _tr("A status that is not in the plan's list."),
        Refusal.BAD_VALUE: _tr("A value reached that is not a number."),
        Refusal.BAD_PERIOD: _tr("A reporting period the plan does not have."),
    }[code]


_CELL = re.compile(r"([A-Z]{1,3}[0-9]+)(?::\s*(.+))?")


_ROWS = re.compile(r"([0-9]+) of ([0-9]+) rows")
_ROW = re.compile(r"row ([0-9]+)(?: repeated)?")
_PERIOD = re.compile(r"[0-9]{4}-(?:[0-9]{2}|Q[1-4])")


def _where(detail: str) -> str:
    """Where a refusal points, said in the UI language (the department can be told where to
    look): 'Cell L4: 完成了', the rows left of those sent, the row, the period the workbook
    names; nothing when the detail names none of them."""
    detail = detail.strip()
    if rows := _ROWS.fullmatch(detail):
        return (
            _tr("It has %1 of the %2 task rows it was sent with.")
            .replace("%1", rows.group(1))
            .replace("%2", rows.group(2))
        )
    if row := _ROW.fullmatch(detail):
        return _tr("Row %1.").replace("%1", row.group(1))
    if _PERIOD.fullmatch(detail):
        return _tr("The workbook reports for %1.").replace("%1", period_shown(detail))
    found = _CELL.fullmatch(detail)
    if not found:
        return ""
    cell, value = found.groups()
    if value:
        return _tr("Cell %1: %2").replace("%1", cell).replace("%2", value)
    return _tr("Cell %1.").replace("%1", cell)


def is_workbook_path(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in EXTENSIONS


class CollectDialog(QDialog):
    """Choose returned workbooks, see what they change, choose, apply."""

    def __init__(self, store: MatrixStore, paths: list[str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("CollectDialog")
        self.setWindowTitle(_tr("Collect Returned Workbooks"))
        self.store = store
        self.paths: list[str] = []
        self.collection: Collection | None = None
        self._items: list[tuple[QTreeWidgetItem, Change]] = []
        self._numbers: dict[int, str] | None = None
        self._build()
        self.resize(980, 620)
        if paths:
            self.add_paths(paths)
        else:
            self._refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.add_button = QPushButton(_tr("&Add Files…"), self)
        self.add_button.setObjectName("addFiles")
        self.add_button.clicked.connect(self.choose_files)
        self.clear_button = QPushButton(_tr("C&lear List"), self)
        self.clear_button.clicked.connect(self.clear_files)
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("period")
        self.period_box.addItem(_tr("Each workbook's own period"), None)
        for period in self.store.periods():
            self.period_box.addItem(period_shown(period), period)
        self.period_box.currentIndexChanged.connect(self._refresh)
        period_label_widget = QLabel(_tr("&Period:"), self)
        period_label_widget.setBuddy(self.period_box)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.clear_button)
        top.addStretch(1)
        top.addWidget(period_label_widget)
        top.addWidget(self.period_box)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("preview")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [_tr("File / task"), _tr("What"), _tr("In the plan"), _tr("In the workbook")]
        )
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 130)
        self.tree.setColumnWidth(2, 220)
        self.tree.itemChanged.connect(self._update_summary)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(_tr("Appl&y"))  # kept: made here, not by addButton()
        self.apply_button.setObjectName("apply")
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # -- files -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths = folders.open_files(
            self,
            folders.RETURNED,
            _tr("Returned department workbooks"),
            _tr("Excel workbooks (*.xlsx *.xls *.et);;All files (*)"),
        )
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> None:
        before = list(self.paths)
        known = {os.path.normcase(os.path.abspath(p)) for p in self.paths}
        for path in paths:
            key = os.path.normcase(os.path.abspath(path))
            if key not in known:
                known.add(key)
                self.paths.append(os.path.abspath(path))
        if not self._refresh():
            self.paths = before  # reading was cancelled: the files just added are left out
            self._refresh()

    def clear_files(self) -> None:
        self.paths = []
        self._refresh()

    def period(self) -> str | None:
        return self.period_box.currentData()

    # -- the preview -----------------------------------------------------------------------
    def _refresh(self, *_args) -> bool:
        """Read every file again and rebuild the preview; False when the user cancelled."""
        progress = QProgressDialog(_tr("Reading the workbooks…"), _tr("Cancel"), 0, 100, self)
        progress.setWindowTitle(_tr("Collect Returned Workbooks"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a handful of files never shows it

        def step(done: int, total: int) -> bool:
            progress.setMaximum(max(1, total))
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.collection = collect(
                self.store.plan(), self.paths, period=self.period(), progress=step
            )
        except ExportCancelled:
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = []
        for f in self.collection.files:
            self.tree.addTopLevelItem(self._file_item(f))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._update_summary()
        return True

    def _file_item(self, f) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f.name])
        item.setToolTip(0, f.path)
        if f.refused is not None:
            item.setText(1, _tr("Refused"))
            said, where = refusal_text(f.refused.code), _where(f.refused.detail)
            joined = said + ("" if said.endswith("。") or not where else " ") + where
            reason = QTreeWidgetItem([joined])
            reason.setToolTip(0, f.refused.reason)
            for row in (item, reason):
                for col in range(4):
                    row.setForeground(col, QBrush(REFUSED_COLOR))
            item.addChild(reason)
            reason.setFirstColumnSpanned(True)  # the whole reason, not cut at the column
            return item
        department = self._department_name(f.department_id)
        item.setText(0, f"{department} · {period_shown(f.period)}  ({f.name})")
        if f.superseded_by:
            item.setText(1, _tr("Skipped"))
            item.setText(
                3,
                _tr("A later workbook of this department: %1").replace(
                    "%1", os.path.basename(f.superseded_by)
                ),
            )
            return item
        if not f.changes:
            item.setText(1, _tr("No changes"))
        else:
            item.setText(1, _tr("%1 changes").replace("%1", str(len(f.changes))))
        if f.conflicts:
            item.setText(2, _tr("%1 conflicts").replace("%1", str(len(f.conflicts))))
            item.setForeground(2, QBrush(CONFLICT_COLOR))
        for change in f.changes:
            item.addChild(self._change_item(change))
        return item

    def _change_item(self, c: Change) -> QTreeWidgetItem:
        measure = self.store.measure(c.measure_id)
        what = {STATUS: _tr("Status"), NOTE: _tr("Progress"), ACTUAL: _tr("Value reached")}
        if self._numbers is None:  # the document's own numbers, as the grid shows them
            self._numbers = display_numbers(self.store.measures())
        task = f"{self._numbers.get(measure.id) or measure.code} {measure.title}"
        if c.kind == ACTUAL and c.target_id is not None:
            target = next(
                (t for t in self.store.targets(c.measure_id) if t.id == c.target_id), None
            )
            task += f" — {target.indicator}" if target else ""
        child = QTreeWidgetItem([task, what[c.kind], _show(c.old), _show(c.new)])
        child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        child.setCheckState(0, Qt.CheckState.Unchecked if c.conflict else Qt.CheckState.Checked)
        for col, text in ((2, _show(c.old)), (3, _show(c.new))):
            child.setToolTip(col, text)
        if c.conflict:
            note = _tr(
                "Conflict: the plan's value was reported %1 (%2), after this workbook was "
                "saved. Tick to use the workbook's value anyway."
            )
            note = note.replace("%1", c.plan_reported.replace("T", " ")).replace(
                "%2", c.plan_source or _tr("typed in")
            )
            child.setToolTip(0, note)
            child.setText(1, _tr("%1 — conflict").replace("%1", what[c.kind]))
            for col in range(4):
                child.setForeground(col, QBrush(CONFLICT_COLOR))
        self._items.append((child, c))
        return child

    def _department_name(self, department_id: int | None) -> str:
        try:
            return self.store.department(department_id or 0).name
        except Exception:  # noqa: BLE001 - only a label
            return "?"

    # -- choosing --------------------------------------------------------------------------
    def chosen(self) -> set[int]:
        """ids of the changes ticked."""
        return {
            id(change)
            for item, change in self._items
            if item.checkState(0) == Qt.CheckState.Checked
        }

    def chosen_update(self) -> ProgressUpdate:
        """The store update for the ticked changes."""
        if self.collection is None:
            return ProgressUpdate()
        ticked = self.chosen()
        return self.collection.update(lambda c: id(c) in ticked)

    def _update_summary(self, *_args) -> None:
        files = self.collection.files if self.collection else []
        refused = sum(1 for f in files if f.refused is not None)
        conflicts = sum(1 for _, c in self._items if c.conflict)
        ticked = len(self.chosen())
        if not files:
            text = _tr("Add the workbooks the departments sent back (or drop them on the window).")
        else:
            text = (
                _tr(
                    "%1 workbooks: %2 refused. %3 changes chosen of %4; %5 conflicts with newer "
                    "values in the plan (kept unless ticked)."
                )
                .replace("%1", str(len(files)))
                .replace("%2", str(refused))
                .replace("%3", str(ticked))
                .replace("%4", str(len(self._items)))
                .replace("%5", str(conflicts))
            )
        self.summary.setText(text)
        self.apply_button.setEnabled(ticked > 0)


def _show(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def run_collect_dialog(store: MatrixStore, paths: list[str] | None, parent: QWidget | None):
    """Show the dialog; the :class:`ProgressUpdate` chosen, or None when cancelled."""
    dialog = CollectDialog(store, paths, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, dialog.collection
        return dialog.chosen_update(), dialog.collection
    finally:
        dialog.deleteLater()
