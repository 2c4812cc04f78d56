"""The main window: the matrix in the middle, panels docked around it, menus from ids.

Files (open, new, save as, recent, errors) are handled by :class:`FileController` in
``files.py``; grid edits (roles, copy/paste, measures, departments) by
:class:`MatrixEditor` in ``edit.py``; docks are built in ``docks.py``. This
module wires them together and keeps the window's state (title, actions, status bar).
"""

from __future__ import annotations

import os

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core import errorlog
from .. import heap, settings
from ..actions import (
    EDIT_MENU,
    FILE_MENU,
    GRID_MENU,
    HELP_MENU,
    NEEDS_CELLS,
    SEPARATOR,
    TOOLBAR,
    VIEW_MENU,
    ActionId,
    ActionState,
    build_menu,
    create_actions,
    grid_keys,
    undo_redo_actions,
    update_actions,
)
from ..document import Document
from ..models.clipboard import MIME_TYPE
from ..models.filter_proxy import MatrixFilterProxy
from ..models.matrix_model import FIRST_DEPARTMENT_COLUMN, MatrixModel
from ..report_choice import REPORT_KINDS, show_report_kind
from ..widgets.filter_bar import FilterBar, NoMatchNote
from ..widgets.matrix_view import MatrixView
from ..widgets.onscreen import after_paint
from ..widgets.toolbar import add_buttons
from .docks import Docks
from .edit import MatrixEditor
from .feedback import OutputFeedback
from .files import FileController
from .layout import COMPACT, DEFAULT_SIZE, DockLayout, mode_for
from .progress import ProgressController
from .status import StatusLabels

SETTLE_MS = 1000  # after a plan's first paint: its findings checked, its first chart drawn


class MainWindow(QMainWindow):
    """One window, at most one open plan (``self.document``)."""

    def __init__(self, parent: QWidget | None = None, *, persist_layout: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.persist_layout = persist_layout  # restore and save geometry and docks
        self.document: Document | None = None
        self.model: MatrixModel | None = None
        self.proxy = MatrixFilterProxy(self)
        self.undo_group = QUndoGroup(self)
        self.actions = create_actions(self)
        self.actions.update(undo_redo_actions(self.undo_group, self))
        self.submenus: dict = {}

        self.view = MatrixView(self)
        self.filter_bar = FilterBar(self)
        self.filter_bar.filterChanged.connect(self._filter_changed)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        self.setCentralWidget(central)
        self._central_layout = layout

        self.files = FileController(self)
        self.editor = MatrixEditor(self)
        self.docks = Docks(self)
        self.dock_layout = DockLayout(self, self.docks.docks)
        self.progress = ProgressController(self)
        self.feedback = OutputFeedback(self)
        self._build_menus()
        self._connect_actions()
        self.no_match = NoMatchNote(self.actions[ActionId.CLEAR_FILTER], self)
        self.no_match.hide()
        self._central_layout.insertWidget(2, self.no_match, 1)
        self.proxy.refiltered.connect(self._filter_state)
        self.status = StatusLabels(self.statusBar(), self)
        self.view.currentChanged.connect(self._current_changed)
        self.view.cellClicked.connect(self.editor.cycle_at)
        QApplication.clipboard().dataChanged.connect(self.update_actions)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.resize(DEFAULT_SIZE)
        if persist_layout:
            self.dock_layout.restore()
        else:
            self.dock_layout.arrange(mode_for(self.size()))
        self.set_document(None)

    # -- construction ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        # menus and toolbar made here, not by addMenu(title)/addToolBar(title): objects Qt
        # makes can be marked dead by PySide while they live (see actions.StepAction)
        bar = self.menuBar()
        for title, items in (
            (self.tr("&File"), FILE_MENU),
            (self.tr("&Edit"), EDIT_MENU),
            (self.tr("&View"), VIEW_MENU),
            (self.tr("&Help"), HELP_MENU),
        ):
            menu = QMenu(title, bar)
            bar.addMenu(menu)
            build_menu(menu, items, self.actions, self.submenus)
        self.submenus["recent"].aboutToShow.connect(self.files.fill_recent_menu)
        self.submenus["report_font"].aboutToShow.connect(self.files.fill_report_font_menu)
        toolbar = QToolBar(self.tr("Main"), self)
        self.addToolBar(toolbar)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        add_buttons(toolbar, [None if i == SEPARATOR else self.actions[i] for i in TOOLBAR])
        self.view.set_key_actions(grid_keys(self.actions))
        self.view.keyRefused.connect(self._key_refused)
        self.grid_menu = QMenu(self)  # right click, the Menu key or Shift+F10 on the grid
        self.grid_menu.setObjectName("gridMenu")
        build_menu(self.grid_menu, GRID_MENU, self.actions, self.submenus)
        self.view.menuWanted.connect(self._grid_menu)
        languages = QActionGroup(self)
        for action_id in (ActionId.LANGUAGE_ZH, ActionId.LANGUAGE_EN):
            languages.addAction(self.actions[action_id])
        reports = QActionGroup(self)
        for action_id in REPORT_KINDS:
            reports.addAction(self.actions[action_id])
        reports.triggered.connect(self._report_chosen)
        self.actions[ActionId.REPORT_MATRIX].setChecked(True)
        show_report_kind(self.actions)
        leave_out = self.actions[ActionId.REPORT_EXCLUDE_COLLECTIVE]
        leave_out.setChecked(bool(settings.value(settings.EXCLUDE_COLLECTIVE)))
        leave_out.toggled.connect(self._collective_chosen)
        lang = settings.value(settings.LANGUAGE)
        key = ActionId.LANGUAGE_EN if lang.startswith("en") else ActionId.LANGUAGE_ZH
        self.actions[key].setChecked(True)

    def _connect_actions(self) -> None:
        a, f, e = self.actions, self.files, self.editor
        slots = {
            ActionId.NEW_FROM_DOCUMENT: f.new_from_document,
            ActionId.OPEN: f.open_dialog,
            ActionId.SAVE_AS: f.save_as,
            ActionId.EXPORT_WORKBOOK: f.export_workbook,
            ActionId.EXPORT_DEPARTMENTS: lambda: f.export_departments(),  # not `checked`
            ActionId.SAVE: f.save,
            ActionId.SHOW_OUTPUT: self.feedback.open_last,
            ActionId.CLEAR_FILTER: self.filter_bar.clear,
            ActionId.GO_MATRIX: self.focus_grid,
            ActionId.GO_MEASURE: lambda: self.docks.focus_dock("measure"),
            ActionId.GO_DEPARTMENTS: lambda: self.docks.focus_dock("departments"),
            ActionId.GO_FINDINGS: lambda: self.docks.focus_dock("findings"),
            ActionId.GO_HISTORY: lambda: self.docks.focus_dock("history"),
            ActionId.GO_CHART: lambda: self.docks.focus_dock("chart"),
            ActionId.GO_PROGRESS: lambda: self.docks.focus_dock("progress"),
            ActionId.GO_CHANGELOG: lambda: self.docks.focus_dock("changelog"),
            ActionId.COLLECT: lambda: self.progress.collect(),
            ActionId.SCHEDULE: self.progress.edit_schedule,
            ActionId.STATUS_COLOURS: self.progress.refresh,
            ActionId.EXPORT_PDF: f.export_pdf,
            ActionId.PRINT_PREVIEW: f.print_preview,
            ActionId.PAGE_SETUP: f.page_setup,
            ActionId.PRINT: f.print_plan,
            ActionId.CLOSE: f.close_document,
            ActionId.QUIT: self.close,
            ActionId.OPEN_SAMPLE: f.open_sample,
            ActionId.COPY: e.copy,
            ActionId.PASTE: e.paste,
            ActionId.CYCLE: e.cycle_selection,
            ActionId.SET_LEAD: e.set_lead,
            ActionId.SET_SUPPORT: e.set_support,
            ActionId.CLEAR: e.clear,
            ActionId.ADD_MEASURE: e.add_measure,
            ActionId.REMOVE_MEASURE: e.remove_measure,
            ActionId.ADD_DEPARTMENT: e.add_department,
            ActionId.EDIT_DEPARTMENTS: lambda: self.docks.focus_dock("departments"),
            ActionId.FIND: self.filter_bar.focus_search,
            ActionId.LANGUAGE_ZH: lambda: self._set_language("zh_CN"),
            ActionId.LANGUAGE_EN: lambda: self._set_language("en"),
            ActionId.ABOUT: self._about,
            ActionId.RESET_LAYOUT: self._reset_layout,
        }
        for action_id, slot in slots.items():
            # every slot is called without the `checked` argument triggered() carries: it
            # arrived as the folder of Export Department Workbooks, which then did nothing
            a[action_id].triggered.connect(lambda _checked=False, slot=slot: slot())

    # -- the open document -----------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        """Show ``document`` (None: the empty window); the previous one is closed."""
        self.commit_pending_edits()
        old, old_model = self.document, self.model
        if old is not None:  # the next start on this plan comes back to this cell
            settings.keep_current_cell(
                old.path, self.editor.current_measure_id(), self.editor.current_department_id()
            )
        self.document = document
        self.model = MatrixModel(document, self) if document else None
        self.proxy.clear_conditions()  # a new plan starts unfiltered, like the filter bar
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy if document else None)
        if self.view.selection_model is not None:
            self.view.selection_model.selectionChanged.connect(self.update_actions)
        if old_model is not None:
            old_model.detach()
            old_model.deleteLater()
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.close()
            old.deleteLater()
        if document is not None:
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            document.changed.connect(self._store_changed)
            document.refused.connect(self.files.show_refusal)
        self.filter_bar.set_document(document)
        self.progress.set_document(document)
        self.docks.set_document(document)
        self._chain_tabs()
        self.progress.refresh()
        self.view.setVisible(document is not None)
        self.filter_bar.setVisible(document is not None)
        self.empty_label.setVisible(document is None)
        self.empty_label.setText(
            self.tr(
                "No plan is open.\n\nFile ▸ New from Document… creates one from a policy text;\n"
                "File ▸ Open… opens a .mdesk file; Help ▸ Open Sample Plan shows an example."
            )
        )
        self.feedback.clear()
        self.update_title()
        self.update_status(fresh=True)
        self.update_actions()
        if document is not None:
            self._select_first_task()
            self._select_kept_cell(document.path)
            # once painted and its findings checked, the plan's objects are set aside from
            # Python's full collections (ui/heap.py)
            after_paint(self.view, heap.settle, SETTLE_MS)

    def _chain_tabs(self) -> None:
        """Tell the new panels' tables and text boxes to pass Tab on (see ``focusables``).

        The stops are worked out again at each Tab rather than kept: holding Python wrappers
        of the panels' widgets across a document change left the window's Undo action with a
        dead wrapper once the window closed (PySide).
        """
        self.docks.tab_chain()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for dock in self.docks.docks.values():
            # while the window is being destroyed its panels go first and the focus moves
            if shiboken6.isValid(dock):
                dock.follow_focus(new)

    def tab_stops(self) -> list[QWidget]:
        """Where Tab goes, in order: filter bar → grid → the panels in front, then round.

        Qt's own chain also visits panels hidden behind another tab of their dock (Qt counts
        them visible), and a table or text box kept Tab to itself; this list is what a user
        sees.
        """
        bar = self.filter_bar
        stops = [bar.search, bar.department, bar.findings, self.no_match.button, self.view.grid]
        stops += self.docks.tab_chain()
        return [
            w for w in stops if w.isVisible() and w.isEnabled() and not w.visibleRegion().isEmpty()
        ]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        stops = self.tab_stops()
        focus = QApplication.focusWidget()
        if not stops or focus is None or focus.window() is not self:
            return super().focusNextPrevChild(next)
        here = next_index = -1
        for i, widget in enumerate(stops):
            if widget is focus or widget.isAncestorOf(focus):
                here = i
        if here < 0:
            next_index = 0 if next else len(stops) - 1
        else:
            next_index = (here + (1 if next else -1)) % len(stops)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        stops[next_index].setFocus(reason)
        return True

    def commit_pending_edits(self) -> None:
        """Finish an edit still being typed (measure text or title, a department name in its
        cell editor) so it reaches the plan before the plan is closed or replaced.

        Those editors commit when they lose focus; taking the focus away does it now, while
        the plan is still open, rather than after it is closed (which lost the edit).
        """
        focus = QApplication.focusWidget()
        widget = focus
        while widget is not None and widget is not self:  # a floating dock is ours too
            widget = widget.parentWidget()
        if focus is not None and widget is self:
            focus.clearFocus()

    def update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle("MatrixDesk")
            return
        name = os.path.basename(self.document.path) or self.tr("Untitled")
        marker = " " + self.tr("[read-only]") if self.document.read_only else ""
        # no [*]: every edit is on disk the moment it is made; the status bar says when
        self.setWindowTitle(f"{name}{marker} — MatrixDesk")

    def update_status(self, *, fresh: bool = False) -> None:
        """The status bar's counts, mode and saved time (``fresh``: another plan is shown)."""
        self.status.show(self.document, fresh=fresh, by_status=self.progress.status_colours())

    def focus_grid(self) -> None:
        """Ctrl+1: the keyboard goes to the matrix, its current cell in view, and how to edit."""
        if self.document is None:
            return
        self.view.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
        current = self.view.current_index()
        if current.isValid():
            self.view.grid.scrollTo(current)
        self.statusBar().showMessage(
            self.tr(
                "Matrix: arrow keys move; L lead, S support, Space cycles, Delete clears; "
                "Ctrl+2 … Ctrl+8 go to the panels."
            ),
            6000,
        )

    def update_actions(self, *args) -> None:
        doc = self.document
        mime = QApplication.clipboard().mimeData()
        state = ActionState(
            has_document=doc is not None,
            read_only=bool(doc and doc.read_only),
            has_cells=self.editor.has_editable_selection(),
            has_measure=self.editor.current_measure_id() is not None,
            has_clipboard=bool(mime and (mime.hasText() or mime.hasFormat(MIME_TYPE))),
            has_selection=bool(self.view.selected_blocks()),
            has_department=self.editor.current_department_id() is not None,
            has_output=self.feedback.last is not None,
            filtered=self.proxy.active,
        )
        update_actions(self.actions, state)

    def _grid_menu(self, at) -> None:
        if self.document is not None:
            self.update_actions()
            self.grid_menu.popup(at)

    def _key_refused(self, action: QAction) -> None:
        """An editing key that cannot act now says why instead of doing nothing."""
        doc = self.document
        if doc is not None and doc.read_only:
            text = self.tr("The plan is open read-only.")
        elif action in (self.actions[a] for a in NEEDS_CELLS):
            text = self.tr(
                "Select cells in the department columns to set roles; the code and title "
                "columns select whole rows (for copying)."
            )
        else:
            return
        self.statusBar().showMessage(text, 6000)

    def _store_changed(self, event) -> None:
        self.update_status()
        if event.kind == "progress":
            self.progress.refresh()
        elif event.kind != "info" and self.progress.status_colours():
            self.progress.follow(event)
        if event.kind in ("departments", "reset"):
            self.filter_bar.refresh_departments()

    def _filter_changed(self, text: str, department_id, findings_only: bool) -> None:
        self.proxy.set_filter(text, department_id, findings_only)  # refiltered: _filter_state

    def _filter_state(self) -> None:
        """Count, "nothing matches" note and actions after the shown rows were worked out."""
        total = self.model.total_row if self.model else 0
        shown = self.proxy.rowCount()  # measures only: the totals row is the footer
        self.filter_bar.set_count(shown, total, self.proxy.active)
        empty = self.document is not None and self.proxy.active and shown == 0
        if empty:
            self.no_match.show_for(self.filter_bar.describe())
        self.no_match.setVisible(empty)
        self.view.setVisible(self.document is not None and not empty)
        if shown and not self.view.selected_blocks():
            # the selected task was filtered away: the current cell fell on whatever row came
            # first (a heading) with nothing selected, and the editing keys had nothing to act on
            self._select_first_task()
        self.update_actions()

    # -- selection -------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex) -> None:
        self.docks.show_measure(self.editor.current_measure_id())
        self.update_actions()

    def _select_first_task(self) -> None:
        if self.model is None:
            return
        for row in range(self.proxy.rowCount()):
            if self.model.is_editable_cell(
                self.proxy.mapToSource(self.proxy.index(row, 0)).row(), FIRST_DEPARTMENT_COLUMN
            ):
                self.view.select_cell(row, FIRST_DEPARTMENT_COLUMN)
                self.view.grid.scrollToTop()
                return

    def _select_kept_cell(self, path: str) -> None:
        """The cell current when this plan was last closed, if its measure is still there."""
        kept = settings.current_cell(path)
        if kept is not None and self.model is not None and self.model.row_of(kept[0]) is not None:
            department = kept[1] if self.model.column_of(kept[1] or -1) is not None else None
            self.select_measure(kept[0], department)

    def select_measure(self, measure_id: int | None, department_id: int | None = None) -> None:
        """Make a measure (and a department's cell) current: findings and search use it."""
        if self.model is None:
            return
        row = self.model.row_of(measure_id) if measure_id is not None else None
        col = self.model.column_of(department_id) if department_id is not None else None
        if row is None and col is not None:
            self.view.scroll_to_column(col)
            return
        if row is None:
            return
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row < 0:  # hidden by the filter: clear it so the measure can be shown
            self.filter_bar.clear()
            proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        self.view.select_cell(proxy_row, col if col is not None else 1)

    def scroll_to_department(self, department_id: int) -> None:
        col = self.model.column_of(department_id) if self.model else None
        if col is not None:
            self.view.scroll_to_column(col)

    # -- language, about, closing ----------------------------------------------------------
    def _set_language(self, code: str) -> None:
        if settings.value(settings.LANGUAGE) == code:
            self.statusBar().showMessage(self.tr("This is the language in use already."), 5000)
            return
        settings.set_value(settings.LANGUAGE, code)
        self.statusBar().showMessage(
            self.tr("The language changes the next time MatrixDesk starts."), 8000
        )

    def _reset_layout(self) -> None:
        compact = self.dock_layout.reset() == COMPACT
        self.statusBar().showMessage(
            self.tr("Every panel is back in the right column, as on a small screen.")
            if compact
            else self.tr("Every panel is back: measure and chart on the right, lists below."),
            6000,
        )

    def _report_chosen(self, action: QAction) -> None:
        show_report_kind(self.actions)  # Print's tooltip names the report it now makes
        self.statusBar().showMessage(
            self.tr("Print, Print Preview and Export PDF now make: %1").replace(
                "%1", action.iconText()
            ),
            6000,
        )

    def _collective_chosen(self, leave_out: bool) -> None:
        settings.set_value(settings.EXCLUDE_COLLECTIVE, leave_out)
        if leave_out:
            text = self.tr("Reports now leave out collective parties (各地区, 有关部门 …).")
        else:
            text = self.tr("Reports now show collective parties, as the master workbook does.")
        self.statusBar().showMessage(text, 6000)

    def _about(self) -> None:
        from ... import __version__

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About MatrixDesk"),
            self.tr(
                "<h3>MatrixDesk %1</h3><p>Responsibility matrices (任务分工) for policy documents: "
                "import, edit, chart, circulate and print.</p>"
            ).replace("%1", __version__),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        logs = box.addButton(self.tr("Open Log Folder"), QMessageBox.ButtonRole.ActionRole)
        logs.setToolTip(str(errorlog.log_dir()))
        box.exec()
        if box.clickedButton() is logs:
            self.open_log_folder()

    def open_log_folder(self) -> bool:
        """Show the folder of the error log (made if missing) in the file manager."""
        folder = errorlog.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - returned workbooks dropped here
        self.progress.drag_enter(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.progress.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.persist_layout:
            self.dock_layout.save()
        self.set_document(None)
        event.accept()

    def action(self, action_id: ActionId) -> QAction:
        return self.actions[action_id]
