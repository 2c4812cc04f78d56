"""Progress for the main window: collecting returned workbooks (menu or drop), the period the
window looks at, and colouring the grid by status.

Collecting opens :class:`CollectDialog`; what the user applies is one
:class:`ApplyProgressCommand` on the document's undo stack. Workbooks dropped onto the window
open the same dialog with those files.
"""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from ...core.ledger import Ledger, build_ledger
from ...core.live_ledger import LiveLedger
from ..commands import ApplyProgressCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressController", text)


class ProgressController(QObject):
    """Collecting and the progress view of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.period = ""  # the period the window shows ("" until a plan is open)
        self.today = dt.date.today()
        window.setAcceptDrops(True)

    # -- the period ------------------------------------------------------------------------
    def set_document(self, document) -> None:
        self.period = ""
        if document is not None:
            store = document.store
            self.period = store.schedule().current(self.today, store.info().date)

    def set_period(self, period: str) -> None:
        self.period = period
        self.refresh()

    def show_department(self, department_id: int) -> None:
        """The grid shows only that department's tasks (the filter bar's department)."""
        box = self.window.filter_bar.department
        i = box.findData(department_id)
        if i >= 0:
            box.setCurrentIndex(i)
        self.window.scroll_to_department(department_id)

    def ledger(self) -> Ledger | None:
        doc = self.window.document
        if doc is None or not self.period:
            return None
        return build_ledger(doc.store.plan(), self.period, self.today)

    def live_ledger(self) -> LiveLedger | None:
        """The ledger the grid's colours ask, cell by cell (nothing is worked out here)."""
        doc = self.window.document
        if doc is None or not self.period:
            return None
        return LiveLedger(doc.store, self.period, self.today)

    def refresh(self) -> None:
        """Recolour the grid and refill the progress panel after a change of period or data."""
        model = self.window.model
        if model is not None:
            model.set_status_view(self.live_ledger() if self.status_colours() else None)
        self.window.update_status()  # the key: roles, or the status colours
        self._refresh_panel()

    def follow(self, event) -> None:
        """An edit while the grid shows statuses: forget and repaint only what it touched
        (a change of assignments, deadlines or targets); anything else, everything."""
        model = self.window.model
        view = model.status_view if model is not None else None
        if view is None:
            self.refresh()
            return
        if event.kind in ("roles", "measures", "targets"):
            view.ledger.touch(event.measure_ids)
            model.status_changed(event.measure_ids)
        else:
            view.ledger.touch_all()
            model.set_status_view(view.ledger)
        panel = self.window.docks.panels.get("progress")
        if panel is not None:
            panel.plan_changed()

    def _refresh_panel(self) -> None:
        panel = self.window.docks.panels.get("progress")
        if panel is not None:
            panel.set_period(self.period)  # works only while the panel can be seen

    def status_colours(self) -> bool:
        from ..actions import ActionId

        return self.window.actions[ActionId.STATUS_COLOURS].isChecked()

    # -- collecting ------------------------------------------------------------------------
    def collect(self, paths: list[str] | None = None) -> bool:
        """Show the collect dialog (with ``paths`` already added); True when applied."""
        doc = self.window.document
        if doc is None or doc.read_only:
            return False
        self.window.commit_pending_edits()
        from ..dialogs.collect_dialog import run_collect_dialog  # openpyxl: when first used

        update, collection = run_collect_dialog(doc.store, paths, self.window)
        if update is None or update.is_empty():
            return False
        departments = len({line.department_id for line in update.log})
        text = _tr("Collect %1 workbooks").replace("%1", str(len(update.log)))
        if not doc.push(ApplyProgressCommand(doc.store, update, text)):
            return False
        refused = sum(1 for f in collection.files if f.refused is not None) if collection else 0
        message = (
            _tr("Collected %1 entries from %2 departments; %3 workbooks refused.")
            .replace("%1", str(len(update.entries) + len(update.actuals)))
            .replace("%2", str(departments))
            .replace("%3", str(refused))
        )
        self.window.statusBar().showMessage(message, 10000)
        self.set_period(max(line.period for line in update.log))  # show what was collected
        return True

    # -- the schedule --------------------------------------------------------------------------
    def edit_schedule(self) -> bool:
        from PySide6.QtWidgets import QDialog

        from ...store import StoreError
        from ..commands import SetScheduleCommand
        from ..dialogs.schedule_dialog import ScheduleDialog
        from ..error_detail import warn

        doc = self.window.document
        if doc is None or doc.read_only:
            return False
        store = doc.store
        dialog = ScheduleDialog(store.schedule(), *_default_window(store), self.window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            schedule = dialog.schedule()
        finally:
            dialog.deleteLater()
        if schedule == store.schedule():
            return False
        try:
            store.check_new_schedule(schedule)  # refused before it becomes an undo step
        except StoreError as exc:
            warn(self.window, _tr("Reporting schedule"), "", exc.message)
            return False
        done = doc.push(SetScheduleCommand(store, schedule))
        self.set_document(doc)
        self.refresh()
        return done

    # -- the 催报 list ----------------------------------------------------------------------
    def export_chase(self) -> bool:
        from ...exchange.chase import export_chase
        from .. import folders
        from ..i18n import period_shown
        from ..messages import output_error_text

        doc = self.window.document
        if doc is None or not self.period:
            return False
        name = _tr("Chase list %1.xlsx").replace("%1", self.period)
        path = folders.save_file(
            self.window, folders.WORKBOOK, _tr("Export the chase list"), name,
            _tr("Excel workbooks (*.xlsx)"), ".xlsx",
        )  # fmt: skip
        if not path:
            return False
        try:
            count = export_chase(doc.store.plan(), path, self.period, self.today)
        except OSError as exc:
            self.window.feedback.failed(_tr("Chase list"), path, output_error_text(exc))
            return False
        self.window.feedback.written(
            path,
            _tr("Wrote the chase list of %1 (%2 departments).")
            .replace("%1", period_shown(self.period))
            .replace("%2", str(count)),
        )
        return True

    def print_chase(self) -> None:
        from ...report import ReportOptions
        from ..printing import print_preview

        doc = self.window.document
        if doc is not None and self.period:
            options = ReportOptions(kind="chase", period=self.period)
            print_preview(self.window, doc.store.plan(), options)

    # -- drops (the window's dragEnterEvent and dropEvent hand them here) ---------------------
    def drag_enter(self, event: QDragEnterEvent) -> None:
        if self._dropped_workbooks(event) and self._writable():
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        paths = self._dropped_workbooks(event)
        if paths and self._writable():
            event.acceptProposedAction()
            self.collect(paths)

    def _writable(self) -> bool:
        doc = self.window.document
        return doc is not None and not doc.read_only

    @staticmethod
    def _dropped_workbooks(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        from ..dialogs.collect_dialog import is_workbook_path

        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if is_workbook_path(p) and os.path.isfile(p)]


def _default_window(store) -> tuple[tuple[str, str], bool]:
    """What an empty first or last period means in the schedule dialog, and whether it is
    written as such: for a plan with a window of its own, the window a new plan gets (from the
    document's date, else today, to its last deadline or target year); for a plan made before
    plans had one, its open window, left open."""
    import datetime as dt

    from ...core.progress import Schedule, starting_window, work_ends

    schedule, date = store.schedule(), store.info().date
    if not (schedule.first or schedule.last):
        return Schedule(schedule.cadence).window(date), False
    ends = work_ends(store.measures(), store.targets())
    return starting_window(date, ends, dt.date.today(), schedule.cadence), True
