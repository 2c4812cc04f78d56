"""Every window action in one place: ids, one small factory each, menus as lists of ids.

A factory sets the translated text, an icon, a status tip and the standard shortcut where
one exists. Actions start disabled where they need a plan; :func:`update_actions` is the one
function that enables them from the window's current state. Undo and redo come from the
window's QUndoGroup (:class:`StepAction`, following its active stack) and are registered here
too.

The grid's editing keys (L, S, Space, Delete, Ctrl+C, Ctrl+V) are not QAction shortcuts: a
shortcut bound to the grid still fires while a menu is open over it (Qt matches a widget's
shortcut by keyboard focus, which stays on the grid), so L pressed for 语言(L) set the selected
cells to lead. The grid handles those keys itself (:func:`grid_keys`), which only happens when
it really has the keyboard; the menus show the key after a tab, as Windows menus do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QMenu, QStyle


class ActionId(StrEnum):
    NEW_FROM_DOCUMENT = "file.new_from_document"
    OPEN = "file.open"
    SAVE_AS = "file.save_as"
    EXPORT_WORKBOOK = "file.export_workbook"
    EXPORT_DEPARTMENTS = "file.export_departments"
    REPORT_MATRIX = "file.report_matrix"
    REPORT_LIST = "file.report_list"
    REPORT_DEPARTMENT = "file.report_department"
    REPORT_PROGRESS = "file.report_progress"
    REPORT_CHASE = "file.report_chase"
    REPORT_EXCLUDE_COLLECTIVE = "file.report_exclude_collective"
    EXPORT_PDF = "file.export_pdf"
    PRINT_PREVIEW = "file.print_preview"
    PAGE_SETUP = "file.page_setup"
    PRINT = "file.print"
    CLOSE = "file.close"
    QUIT = "file.quit"
    UNDO = "edit.undo"
    REDO = "edit.redo"
    COPY = "edit.copy"
    PASTE = "edit.paste"
    CYCLE = "edit.cycle"
    SET_LEAD = "edit.set_lead"
    SET_SUPPORT = "edit.set_support"
    CLEAR = "edit.clear"
    ADD_MEASURE = "edit.add_measure"
    REMOVE_MEASURE = "edit.remove_measure"
    ADD_DEPARTMENT = "edit.add_department"
    EDIT_DEPARTMENTS = "edit.departments"
    FIND = "view.find"
    LANGUAGE_ZH = "view.language_zh"
    LANGUAGE_EN = "view.language_en"
    ABOUT = "help.about"
    OPEN_SAMPLE = "help.open_sample"
    SAVE = "file.save"
    SHOW_OUTPUT = "file.show_output"
    CLEAR_FILTER = "view.clear_filter"
    GO_MATRIX = "view.go_matrix"
    GO_MEASURE = "view.go_measure"
    GO_DEPARTMENTS = "view.go_departments"
    GO_FINDINGS = "view.go_findings"
    GO_HISTORY = "view.go_history"
    GO_CHART = "view.go_chart"
    COLLECT = "file.collect"
    SCHEDULE = "edit.schedule"
    STATUS_COLOURS = "view.status_colours"
    GO_PROGRESS = "view.go_progress"
    GO_CHANGELOG = "view.go_changelog"
    RESET_LAYOUT = "view.reset_layout"


@dataclass(frozen=True)
class Submenu:
    """A submenu inside a menu declaration; ``key`` names it for the window to fill."""

    key: str
    items: tuple = ()


SEPARATOR = "-"

# Submenus whose entries the window fills at run time (files, docks).
RECENT = "recent"
DOCKS = "docks"
REPORT = "report"  # which report Print, Print Preview and Export PDF produce
REPORT_FONT = "report_font"  # the font reports are printed in (filled from the fonts installed)

FILE_MENU = [
    ActionId.NEW_FROM_DOCUMENT,
    ActionId.OPEN,
    Submenu(RECENT),
    SEPARATOR,
    ActionId.SAVE,
    ActionId.SAVE_AS,
    SEPARATOR,
    ActionId.EXPORT_WORKBOOK,
    ActionId.EXPORT_DEPARTMENTS,
    ActionId.COLLECT,
    ActionId.EXPORT_PDF,
    ActionId.SHOW_OUTPUT,
    SEPARATOR,
    Submenu(
        REPORT,
        (
            ActionId.REPORT_MATRIX,
            ActionId.REPORT_LIST,
            ActionId.REPORT_DEPARTMENT,
            ActionId.REPORT_PROGRESS,
            ActionId.REPORT_CHASE,
            SEPARATOR,
            ActionId.REPORT_EXCLUDE_COLLECTIVE,
        ),
    ),
    Submenu(REPORT_FONT),
    ActionId.PRINT_PREVIEW,
    ActionId.PAGE_SETUP,
    ActionId.PRINT,
    SEPARATOR,
    ActionId.CLOSE,
    ActionId.QUIT,
]
EDIT_MENU = [
    ActionId.UNDO,
    ActionId.REDO,
    SEPARATOR,
    ActionId.COPY,
    ActionId.PASTE,
    SEPARATOR,
    ActionId.CYCLE,
    ActionId.SET_LEAD,
    ActionId.SET_SUPPORT,
    ActionId.CLEAR,
    SEPARATOR,
    ActionId.ADD_MEASURE,
    ActionId.REMOVE_MEASURE,
    SEPARATOR,
    ActionId.ADD_DEPARTMENT,
    ActionId.EDIT_DEPARTMENTS,
    SEPARATOR,
    ActionId.SCHEDULE,
]
PANEL_ACTIONS = (
    ActionId.GO_MATRIX,
    ActionId.GO_MEASURE,
    ActionId.GO_DEPARTMENTS,
    ActionId.GO_FINDINGS,
    ActionId.GO_HISTORY,
    ActionId.GO_CHART,
    ActionId.GO_PROGRESS,
    ActionId.GO_CHANGELOG,
)
VIEW_MENU = [
    ActionId.FIND,
    ActionId.CLEAR_FILTER,
    SEPARATOR,
    ActionId.STATUS_COLOURS,
    SEPARATOR,
    Submenu(DOCKS, PANEL_ACTIONS),
    ActionId.RESET_LAYOUT,
    SEPARATOR,
    Submenu("language", (ActionId.LANGUAGE_ZH, ActionId.LANGUAGE_EN)),
]
HELP_MENU = [ActionId.OPEN_SAMPLE, SEPARATOR, ActionId.ABOUT]
# the grid's context menu: right click, the Menu key or Shift+F10 on the current cell
GRID_MENU = [
    ActionId.SET_LEAD,
    ActionId.SET_SUPPORT,
    ActionId.CYCLE,
    ActionId.CLEAR,
    SEPARATOR,
    ActionId.COPY,
    ActionId.PASTE,
    SEPARATOR,
    ActionId.ADD_MEASURE,
    ActionId.REMOVE_MEASURE,
]

# Actions that act on the grid, with the key the grid itself answers to (see the module
# docstring): typing in the filter bar or a panel, or in an open menu, is never intercepted.
GRID_KEYS: dict[ActionId, str | QKeySequence.StandardKey] = {
    ActionId.COPY: QKeySequence.StandardKey.Copy,
    ActionId.PASTE: QKeySequence.StandardKey.Paste,
    ActionId.CYCLE: "Space",
    ActionId.SET_LEAD: "L",
    ActionId.SET_SUPPORT: "S",
    ActionId.CLEAR: QKeySequence.StandardKey.Delete,
}
TOOLBAR = [
    ActionId.NEW_FROM_DOCUMENT,
    ActionId.OPEN,
    SEPARATOR,
    ActionId.UNDO,
    ActionId.REDO,
    SEPARATOR,
    ActionId.SET_LEAD,
    ActionId.SET_SUPPORT,
    ActionId.CLEAR,
    SEPARATOR,
    ActionId.EXPORT_WORKBOOK,
    ActionId.PRINT_PREVIEW,
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def _icon(theme: str, fallback: QStyle.StandardPixmap | None = None) -> QIcon:
    icon = QIcon.fromTheme(theme)
    if icon.isNull() and fallback is not None and QApplication.instance() is not None:
        icon = QApplication.style().standardIcon(fallback)
    return icon


def _make(
    parent: QObject,
    text: str,
    tip: str,
    shortcut=None,
    icon: QIcon | None = None,
    checkable: bool = False,
) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(icon)
    action.setCheckable(checkable)
    return action


SP = QStyle.StandardPixmap
SK = QKeySequence.StandardKey
FACTORIES: dict[ActionId, Callable[[QObject], QAction]] = {
    ActionId.NEW_FROM_DOCUMENT: lambda p: _make(
        p,
        _tr("&New from Document…"),
        _tr("Create a plan from a policy document (file or pasted text)"),
        SK.New,
        _icon("document-new", SP.SP_FileIcon),
    ),
    ActionId.OPEN: lambda p: _make(
        p,
        _tr("&Open…"),
        _tr("Open a plan file"),
        SK.Open,
        _icon("document-open", SP.SP_DialogOpenButton),
    ),
    ActionId.SAVE: lambda p: _make(
        p,
        _tr("&Save"),
        _tr("Every edit is saved as you make it; this confirms it and says when"),
        SK.Save,
        _icon("document-save", SP.SP_DialogSaveButton),
    ),
    ActionId.SHOW_OUTPUT: lambda p: _make(
        p,
        _tr("Open &Last Export"),
        _tr("Open the file (or folder) written by the last export or PDF"),
        None,
        _icon("folder-open", SP.SP_DirOpenIcon),
    ),
    ActionId.SAVE_AS: lambda p: _make(
        p,
        _tr("Save &As…"),
        _tr("Save a copy of the plan and go on working in the copy"),
        SK.SaveAs,
        _icon("document-save-as", SP.SP_DialogSaveButton),
    ),
    ActionId.EXPORT_WORKBOOK: lambda p: _make(
        p,
        _tr("&Export Workbook…"),
        _tr("Write the master workbook and one workbook per department"),
        "Ctrl+E",
        _icon("x-office-spreadsheet", SP.SP_FileDialogDetailedView),
    ),
    ActionId.EXPORT_DEPARTMENTS: lambda p: _make(
        p,
        _tr("Export Department &Workbooks…"),
        _tr("Write one workbook per department, with its tasks and a progress column"),
        "Ctrl+Shift+E",
    ),
    ActionId.REPORT_MATRIX: lambda p: _make(
        p,
        _tr("Responsibility &Matrix"),
        _tr("Print the measures × departments matrix"),
        checkable=True,
    ),
    ActionId.REPORT_LIST: lambda p: _make(
        p,
        _tr("Task-Division &List"),
        _tr("Print the task-division table (任务分工表)"),
        checkable=True,
    ),
    ActionId.REPORT_DEPARTMENT: lambda p: _make(
        p,
        _tr("Current &Department's Tasks"),
        _tr("Print the task list of the department in the current column"),
        checkable=True,
    ),
    ActionId.REPORT_EXCLUDE_COLLECTIVE: lambda p: _make(
        p,
        _tr("Leave Out &Collective Parties"),
        _tr("Print the matrix and the lists without 各地区, 有关部门 and the like"),
        checkable=True,
    ),
    ActionId.EXPORT_PDF: lambda p: _make(
        p,
        _tr("Export P&DF…"),
        _tr("Save the chosen report as a PDF file"),
        None,
        _icon("application-pdf"),
    ),
    ActionId.PRINT_PREVIEW: lambda p: _make(
        p,
        _tr("Print Pre&view…"),
        _tr("See the printed matrix before printing"),
        "Ctrl+Shift+P",
        _icon("document-print-preview", SP.SP_FileDialogContentsView),
    ),
    ActionId.PAGE_SETUP: lambda p: _make(
        p, _tr("Page Set&up…"), _tr("Paper size, orientation and margins")
    ),
    ActionId.PRINT: lambda p: _make(
        p, _tr("&Print…"), _tr("Print the matrix"), SK.Print, _icon("document-print")
    ),
    ActionId.CLOSE: lambda p: _make(p, _tr("&Close"), _tr("Close the plan"), SK.Close),
    ActionId.QUIT: lambda p: _make(
        p,
        _tr("&Quit"),
        _tr("Quit MatrixDesk"),
        SK.Quit if QKeySequence.keyBindings(SK.Quit) else "Ctrl+Q",
        _icon("application-exit"),
    ),
    ActionId.COPY: lambda p: _make(
        p, _tr("&Copy"), _tr("Copy the selected cells"), None, _icon("edit-copy")
    ),
    ActionId.PASTE: lambda p: _make(
        p, _tr("&Paste"), _tr("Paste cells or whole rows"), None, _icon("edit-paste")
    ),
    ActionId.CYCLE: lambda p: _make(p, _tr("C&ycle Role"), _tr("None → lead → support → none")),
    ActionId.SET_LEAD: lambda p: _make(
        p, _tr("Set &Lead ●"), _tr("Make the selected departments lead (牵头) the measures")
    ),
    ActionId.SET_SUPPORT: lambda p: _make(
        p, _tr("Set &Support ○"), _tr("Make the selected departments support (配合) the measures")
    ),
    ActionId.CLEAR: lambda p: _make(
        p, _tr("Cl&ear"), _tr("Remove the selected assignments"), None, _icon("edit-clear")
    ),
    ActionId.ADD_MEASURE: lambda p: _make(
        p,
        _tr("&Add Measure…"),
        _tr("Insert a measure below the current one"),
        "Ctrl+Shift+M",
        _icon("list-add"),
    ),
    ActionId.REMOVE_MEASURE: lambda p: _make(
        p,
        _tr("Remo&ve Measure"),
        _tr("Remove the current measure with its sub-measures"),
        None,
        _icon("list-remove"),
    ),
    ActionId.ADD_DEPARTMENT: lambda p: _make(
        p, _tr("Add &Department…"), _tr("Add a responsible department as a new column")
    ),
    ActionId.EDIT_DEPARTMENTS: lambda p: _make(
        p, _tr("Rename or &Merge Departments…"), _tr("Show the departments panel")
    ),
    ActionId.FIND: lambda p: _make(
        p, _tr("&Find…"), _tr("Filter the measures by text"), SK.Find, _icon("edit-find")
    ),
    ActionId.CLEAR_FILTER: lambda p: _make(
        p, _tr("Show &All Measures"), _tr("Clear the search, department and findings filter")
    ),
    ActionId.GO_MATRIX: lambda p: _make(
        p, _tr("&Matrix"), _tr("Move the keyboard to the matrix"), "Ctrl+1"
    ),
    ActionId.GO_MEASURE: lambda p: _make(
        p,
        _tr("Mea&sure Details"),
        _tr("Show the measure panel and move the keyboard there"),
        "Ctrl+2",
    ),  # fmt: skip
    ActionId.GO_DEPARTMENTS: lambda p: _make(
        p,
        _tr("&Departments"),
        _tr("Show the departments panel and move the keyboard there"),
        "Ctrl+3",
    ),  # fmt: skip
    ActionId.GO_FINDINGS: lambda p: _make(
        p, _tr("&Findings"), _tr("Show the plan check and move the keyboard there"), "Ctrl+4"
    ),
    ActionId.GO_HISTORY: lambda p: _make(
        p,
        _tr("&History"),
        _tr("Show the history of edits and move the keyboard there"),
        "Ctrl+5",
    ),  # fmt: skip
    ActionId.GO_CHART: lambda p: _make(
        p, _tr("&Chart"), _tr("Show the chart panel and move the keyboard there"), "Ctrl+6"
    ),
    ActionId.GO_PROGRESS: lambda p: _make(
        p,
        _tr("&Progress"),
        _tr("Show the progress ledger (进展台账) and the departments to chase"),
        "Ctrl+7",
    ),
    ActionId.GO_CHANGELOG: lambda p: _make(
        p,
        _tr("Change &Log"),
        _tr("Show every change recorded in the plan, by department, period and kind"),
        "Ctrl+8",
    ),
    ActionId.RESET_LAYOUT: lambda p: _make(
        p,
        _tr("&Reset Layout"),
        _tr("Put every panel back where it goes for a window of this size"),
    ),
    ActionId.COLLECT: lambda p: _make(
        p,
        _tr("Collec&t Returned Workbooks…"),
        _tr("Read the workbooks the departments sent back into the progress ledger"),
        "Ctrl+Shift+R",
        _icon("mail-receive", SP.SP_ArrowDown),
    ),
    ActionId.REPORT_PROGRESS: lambda p: _make(
        p,
        _tr("&Progress Report"),
        _tr("Print each department's tasks with their status and progress in the period shown"),
        checkable=True,
    ),
    ActionId.REPORT_CHASE: lambda p: _make(
        p,
        _tr("C&hase List (催报清单)"),
        _tr("Print the departments that returned nothing for the period shown, to chase them"),
        checkable=True,
    ),
    ActionId.SCHEDULE: lambda p: _make(
        p,
        _tr("Reporting Sc&hedule…"),
        _tr("Monthly or quarterly reports, the reporting periods and the list of statuses"),
    ),
    ActionId.STATUS_COLOURS: lambda p: _make(
        p,
        _tr("Colour Cells by &Status"),
        _tr("Colour the matrix by each department's reported status instead of its role"),
        checkable=True,
    ),
    ActionId.LANGUAGE_ZH: lambda p: _make(
        p,
        "简体中文(&Z)",
        _tr("Chinese user interface (takes effect after a restart)"),
        checkable=True,
    ),  # fmt: skip
    ActionId.LANGUAGE_EN: lambda p: _make(
        p,
        "&English",
        _tr("English user interface (takes effect after a restart)"),
        checkable=True,
    ),  # fmt: skip
    ActionId.ABOUT: lambda p: _make(p, _tr("&About MatrixDesk"), _tr("Version and licence")),
    ActionId.OPEN_SAMPLE: lambda p: _make(
        p, _tr("Open &Sample Plan"), _tr("Open the sample plan (吉政办发〔2020〕34号)")
    ),
}


_MNEMONIC_HINT = re.compile(r"\(&(.)\)")


def plain_text(text: str) -> str:
    """A menu text as a toolbar button shows it: no "(&L)" hint, no "&", no "…", no key.

    A toolbar button has no mnemonic, so a "(L)" left in its label promised a key that does
    nothing (and 设为牵头(L) and 清除(L) promised the same one).
    """
    text = text.split("\t", 1)[0]
    text = _MNEMONIC_HINT.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.replace("…", "").replace("...", "").split())


def grid_key(action_id: ActionId) -> QKeySequence | None:
    """The key the grid answers to for ``action_id`` (None: not a grid action)."""
    key = GRID_KEYS.get(action_id)
    if key is None:
        return None
    if isinstance(key, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(key)
        return bindings[0] if bindings else None
    return QKeySequence(key)


def create_actions(parent: QObject) -> dict[ActionId, QAction]:
    """One QAction per id that has a factory (undo/redo are added by the window).

    Grid actions show their key after a tab (the grid answers to it, see :func:`grid_keys`).
    """
    actions = {}
    for action_id, factory in FACTORIES.items():
        action = factory(parent)
        action.setObjectName(str(action_id))
        action.setIconText(plain_text(action.text()))
        key = grid_key(action_id)
        if key is not None:
            native = key.toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(f"{action.text()}\t{native}")
        actions[action_id] = action
    return actions


def grid_keys(actions: dict[ActionId, QAction]) -> list[tuple[QKeySequence, QAction]]:
    """Every key the grid answers to, with the action it triggers."""
    keys = []
    for action_id, key in GRID_KEYS.items():
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        keys += [(sequence, actions[action_id]) for sequence in sequences]
    return keys


class StepAction(QAction):
    """Undo or Redo, made here and owned by the window for its whole life, following the
    QUndoGroup: enabled when its active stack can take the step, text and tooltip naming it.

    Not ``createUndoAction``/``createRedoAction``: PySide makes the action Qt creates there a
    child of the *group* on the Python side, and marks such a Qt-made object dead as soon as
    anything above it on that side goes — which a Qt getter can arrange (``nextInFocusChain()``
    made the window a Python child of a panel widget, and Undo died with the first plan's
    panels). An action made in Python is never marked dead while Qt keeps it.
    """

    def __init__(self, group: QUndoGroup, prefix: str, parent: QObject, *, redo: bool) -> None:
        super().__init__(prefix, parent)
        self._prefix = prefix
        self.setIconText(plain_text(prefix))  # the toolbar button keeps a short label
        if redo:
            group.canRedoChanged.connect(self.setEnabled)
            group.redoTextChanged.connect(self.follow)
            self.triggered.connect(group.redo)
            self.setEnabled(group.canRedo())
            self.follow(group.redoText())
        else:
            group.canUndoChanged.connect(self.setEnabled)
            group.undoTextChanged.connect(self.follow)
            self.triggered.connect(group.undo)
            self.setEnabled(group.canUndo())
            self.follow(group.undoText())

    @Slot(str)
    def follow(self, step: str) -> None:
        """The step the active stack would take now ("" when there is none)."""
        self.setText(f"{self._prefix} {step}" if step else self._prefix)
        self.setToolTip(step_tip(self, step))


def undo_redo_actions(group: QUndoGroup, parent: QObject) -> dict[ActionId, QAction]:
    """Undo/redo following the QUndoGroup, with the standard shortcuts plus Ctrl+Y and
    Ctrl+Shift+Z for redo."""
    undo = StepAction(group, _tr("&Undo"), parent, redo=False)
    undo.setShortcuts(SK.Undo)
    undo.setIcon(_icon("edit-undo", SP.SP_ArrowBack))
    redo = StepAction(group, _tr("&Redo"), parent, redo=True)
    keys = list(QKeySequence.keyBindings(SK.Redo))
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    redo.setShortcuts(keys)
    redo.setIcon(_icon("edit-redo", SP.SP_ArrowForward))
    undo.setObjectName(str(ActionId.UNDO))
    redo.setObjectName(str(ActionId.REDO))
    return {ActionId.UNDO: undo, ActionId.REDO: redo}


def step_tip(action: QAction, text: str) -> str:
    """The tooltip of the undo/redo toolbar button: what the step does."""
    return f"{action.iconText()}: {text}" if text else action.iconText()


def build_menu(
    menu: QMenu, items: list, actions: dict[ActionId, QAction], submenus: dict[str, QMenu]
) -> None:
    """Fill ``menu`` from a declaration; submenus are created and recorded in ``submenus``."""
    titles = {
        RECENT: _tr("Open &Recent"),
        REPORT: _tr("Report &Kind"),
        REPORT_FONT: _tr("Report &Font"),
        DOCKS: _tr("&Panels"),
        "language": _tr("&Language"),
    }
    for item in items:
        if item == SEPARATOR:
            menu.addSeparator()
        elif isinstance(item, Submenu):
            # made here, not by addMenu(title): see StepAction on objects Qt makes
            sub = QMenu(titles.get(item.key, item.key), menu)
            menu.addMenu(sub)
            sub.setObjectName(f"menu.{item.key}")
            submenus[item.key] = sub
            build_menu(sub, list(item.items), actions, submenus)
        else:
            menu.addAction(actions[item])


@dataclass(frozen=True)
class ActionState:
    """What the window has right now, as far as enabling actions goes."""

    has_document: bool = False
    read_only: bool = False
    has_cells: bool = False  # the selection holds editable department cells
    has_measure: bool = False  # the current row is a measure
    has_clipboard: bool = False
    has_selection: bool = False  # anything is selected in the grid
    has_department: bool = False  # the current cell is in a department's column
    has_output: bool = False  # an export or PDF was written in this session
    filtered: bool = False  # the filter bar hides some measures


NEEDS_DOCUMENT = {
    ActionId.SAVE,
    ActionId.SAVE_AS,
    ActionId.EXPORT_WORKBOOK,
    ActionId.EXPORT_DEPARTMENTS,
    ActionId.EXPORT_PDF,
    ActionId.PRINT_PREVIEW,
    ActionId.PRINT,
    ActionId.REPORT_MATRIX,
    ActionId.REPORT_LIST,
    ActionId.REPORT_PROGRESS,
    ActionId.REPORT_CHASE,
    ActionId.REPORT_EXCLUDE_COLLECTIVE,
    ActionId.CLOSE,
    ActionId.FIND,
    ActionId.EDIT_DEPARTMENTS,
    ActionId.STATUS_COLOURS,
    *PANEL_ACTIONS,
}
NEEDS_WRITABLE = {
    ActionId.ADD_MEASURE,
    ActionId.ADD_DEPARTMENT,
    ActionId.COLLECT,
    ActionId.SCHEDULE,
}
NEEDS_CELLS = {ActionId.CYCLE, ActionId.SET_LEAD, ActionId.SET_SUPPORT, ActionId.CLEAR}


def update_actions(actions: dict[ActionId, QAction], state: ActionState) -> None:
    """The one place that enables and disables actions."""
    writable = state.has_document and not state.read_only
    for action_id, action in actions.items():
        if action_id in (ActionId.UNDO, ActionId.REDO):
            continue
        enabled = True
        if action_id in NEEDS_DOCUMENT:
            enabled = state.has_document
        elif action_id in NEEDS_WRITABLE:
            enabled = writable
        elif action_id in NEEDS_CELLS:
            enabled = writable and state.has_cells
        elif action_id == ActionId.REMOVE_MEASURE:
            enabled = writable and state.has_measure
        elif action_id == ActionId.COPY:
            enabled = state.has_document and state.has_selection
        elif action_id == ActionId.PASTE:
            enabled = writable and state.has_clipboard
        elif action_id == ActionId.REPORT_DEPARTMENT:
            enabled = state.has_document and state.has_department
        elif action_id == ActionId.SHOW_OUTPUT:
            enabled = state.has_output
        elif action_id == ActionId.CLEAR_FILTER:
            enabled = state.has_document and state.filtered
        action.setEnabled(enabled)
