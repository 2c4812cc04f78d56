"""Every window action in one place: ids, one small factory each, menus as lists of ids.

A factory sets the translated text, an icon, a status tip and the standard shortcut where
one exists. Actions start disabled where they need a plan; :func:`update_actions` is the one
function that enables them from the window's current state. Undo and redo come from the
window's QUndoGroup (``createUndoAction``/``createRedoAction``) and are registered here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QWidget


class ActionId(StrEnum):
    NEW_FROM_DOCUMENT = "file.new_from_document"
    OPEN = "file.open"
    SAVE_AS = "file.save_as"
    EXPORT_WORKBOOK = "file.export_workbook"
    EXPORT_DEPARTMENTS = "file.export_departments"
    REPORT_MATRIX = "file.report_matrix"
    REPORT_LIST = "file.report_list"
    REPORT_DEPARTMENT = "file.report_department"
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

FILE_MENU = [
    ActionId.NEW_FROM_DOCUMENT,
    ActionId.OPEN,
    Submenu(RECENT),
    SEPARATOR,
    ActionId.SAVE_AS,
    SEPARATOR,
    ActionId.EXPORT_WORKBOOK,
    ActionId.EXPORT_DEPARTMENTS,
    ActionId.EXPORT_PDF,
    SEPARATOR,
    Submenu(REPORT, (ActionId.REPORT_MATRIX, ActionId.REPORT_LIST, ActionId.REPORT_DEPARTMENT)),
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
]
VIEW_MENU = [
    ActionId.FIND,
    SEPARATOR,
    Submenu(DOCKS),
    SEPARATOR,
    Submenu("language", (ActionId.LANGUAGE_ZH, ActionId.LANGUAGE_EN)),
]
HELP_MENU = [ActionId.OPEN_SAMPLE, SEPARATOR, ActionId.ABOUT]

# Actions that act on the grid: their shortcuts (L, S, Space, Delete, Ctrl+C/V) only apply
# while the grid has focus, so typing in the filter bar or a panel is never intercepted.
GRID_ACTIONS = (
    ActionId.COPY,
    ActionId.PASTE,
    ActionId.CYCLE,
    ActionId.SET_LEAD,
    ActionId.SET_SUPPORT,
    ActionId.CLEAR,
)
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
        p, _tr("&Copy"), _tr("Copy the selected cells"), SK.Copy, _icon("edit-copy")
    ),
    ActionId.PASTE: lambda p: _make(
        p, _tr("&Paste"), _tr("Paste cells or whole rows"), SK.Paste, _icon("edit-paste")
    ),
    ActionId.CYCLE: lambda p: _make(
        p, _tr("C&ycle Role"), _tr("None → lead → support → none"), "Space"
    ),
    ActionId.SET_LEAD: lambda p: _make(
        p, _tr("Set &Lead ●"), _tr("Make the selected departments lead (牵头) the measures"), "L"
    ),
    ActionId.SET_SUPPORT: lambda p: _make(
        p,
        _tr("Set &Support ○"),
        _tr("Make the selected departments support (配合) the measures"),
        "S",
    ),
    ActionId.CLEAR: lambda p: _make(
        p, _tr("C&lear"), _tr("Remove the selected assignments"), SK.Delete, _icon("edit-clear")
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
        _tr("&Remove Measure"),
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
    ActionId.LANGUAGE_ZH: lambda p: _make(
        p, "简体中文", _tr("Chinese user interface (takes effect after a restart)"), checkable=True
    ),
    ActionId.LANGUAGE_EN: lambda p: _make(
        p, "English", _tr("English user interface (takes effect after a restart)"), checkable=True
    ),
    ActionId.ABOUT: lambda p: _make(p, _tr("&About MatrixDesk"), _tr("Version and licence")),
    ActionId.OPEN_SAMPLE: lambda p: _make(
        p, _tr("Open &Sample Plan"), _tr("Open the sample plan (吉政办发〔2020〕34号)")
    ),
}


def create_actions(parent: QObject) -> dict[ActionId, QAction]:
    """One QAction per id that has a factory (undo/redo are added by the window)."""
    actions = {}
    for action_id, factory in FACTORIES.items():
        action = factory(parent)
        action.setObjectName(str(action_id))
        actions[action_id] = action
    return actions


def undo_redo_actions(group, parent: QObject) -> dict[ActionId, QAction]:
    """Undo/redo from the QUndoGroup, with the standard shortcuts plus Ctrl+Y and Ctrl+Shift+Z."""
    undo = group.createUndoAction(parent, _tr("&Undo"))
    undo.setShortcuts(SK.Undo)
    undo.setIcon(_icon("edit-undo", SP.SP_ArrowBack))
    redo = group.createRedoAction(parent, _tr("&Redo"))
    keys = list(QKeySequence.keyBindings(SK.Redo))
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    redo.setShortcuts(keys)
    redo.setIcon(_icon("edit-redo", SP.SP_ArrowForward))
    undo.setObjectName(str(ActionId.UNDO))
    redo.setObjectName(str(ActionId.REDO))
    return {ActionId.UNDO: undo, ActionId.REDO: redo}


def build_menu(
    menu: QMenu, items: list, actions: dict[ActionId, QAction], submenus: dict[str, QMenu]
) -> None:
    """Fill ``menu`` from a declaration; submenus are created and recorded in ``submenus``."""
    titles = {
        RECENT: _tr("Open &Recent"),
        REPORT: _tr("Report &Kind"),
        DOCKS: _tr("&Panels"),
        "language": _tr("&Language"),
    }
    for item in items:
        if item == SEPARATOR:
            menu.addSeparator()
        elif isinstance(item, Submenu):
            sub = menu.addMenu(titles.get(item.key, item.key))
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
    has_department: bool = False  # the current cell is in a department's column


NEEDS_DOCUMENT = {
    ActionId.SAVE_AS,
    ActionId.EXPORT_WORKBOOK,
    ActionId.EXPORT_DEPARTMENTS,
    ActionId.EXPORT_PDF,
    ActionId.PRINT_PREVIEW,
    ActionId.PRINT,
    ActionId.REPORT_MATRIX,
    ActionId.REPORT_LIST,
    ActionId.CLOSE,
    ActionId.COPY,
    ActionId.FIND,
    ActionId.EDIT_DEPARTMENTS,
}
NEEDS_WRITABLE = {ActionId.ADD_MEASURE, ActionId.ADD_DEPARTMENT}
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
        elif action_id == ActionId.PASTE:
            enabled = writable and state.has_clipboard
        elif action_id == ActionId.REPORT_DEPARTMENT:
            enabled = state.has_document and state.has_department
        action.setEnabled(enabled)


def add_widget_actions(widget: QWidget, actions: dict[ActionId, QAction]) -> None:
    """Attach the grid actions to ``widget`` so their shortcuts work only while it has focus."""
    from PySide6.QtCore import Qt

    for action_id in GRID_ACTIONS:
        action = actions[action_id]
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
