"""The main window's docks: measure, departments, findings, history (QUndoView) and chart.

Each panel is built for one document and replaced when another plan is opened.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QUndoView, QWidget

from ..document import Document
from ..widgets.changelog_panel import ChangeLogPanel
from ..widgets.chart_view import ChartView
from ..widgets.departments_panel import DepartmentsPanel
from ..widgets.findings_panel import FindingsPanel
from ..widgets.measure_panel import MeasurePanel
from ..widgets.progress_panel import ProgressPanel


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class Docks:
    """Builds the docks once and refills them for each document."""

    def __init__(self, window) -> None:
        self.window = window
        titles = {
            "measure": _tr("Measure"),
            "departments": _tr("Departments"),
            "chart": _tr("Chart"),
            "findings": _tr("Findings"),
            "history": _tr("History"),
            "progress": _tr("Progress"),
            "changelog": _tr("Change Log"),
        }
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, QWidget] = {}
        for key in (
            "measure",
            "departments",
            "chart",
            "findings",
            "history",
            "progress",
            "changelog",
        ):
            dock = QDockWidget(titles[key], window)
            dock.setObjectName(f"dock.{key}")
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
            # a tab brought to the front: its panel catches up with what it did not follow
            dock.visibilityChanged.connect(functools.partial(self._came_into_view, key))
            self.docks[key] = dock
        # the right column runs the full height; findings and history share the bottom
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["measure"])
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["chart"])
        window.tabifyDockWidget(self.docks["measure"], self.docks["departments"])
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.docks["findings"])
        window.tabifyDockWidget(self.docks["findings"], self.docks["history"])
        window.tabifyDockWidget(self.docks["history"], self.docks["progress"])
        window.tabifyDockWidget(self.docks["progress"], self.docks["changelog"])
        self.docks["measure"].raise_()
        self.docks["findings"].raise_()
        window.resizeDocks([self.docks["measure"]], [440], Qt.Orientation.Horizontal)
        window.resizeDocks(
            [self.docks["measure"], self.docks["chart"]], [560, 380], Qt.Orientation.Vertical
        )
        window.resizeDocks([self.docks["findings"]], [150], Qt.Orientation.Vertical)
        self.history = QUndoView(window.undo_group)
        self.history.setObjectName("historyView")
        self.history.setEmptyLabel(_tr("<opened>"))
        self.docks["history"].setWidget(self.history)

    def raise_dock(self, key: str) -> None:
        dock = self.docks[key]
        dock.show()
        dock.raise_()

    def focus_dock(self, key: str) -> None:
        """Show the panel (in front of its tab group) and move the keyboard into it."""
        self.raise_dock(key)
        widget = self.history if key == "history" else self.panels.get(key)
        if widget is None:
            return
        target = getattr(widget, "focus_target", lambda: widget)()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_document(self, document: Document | None) -> None:
        old = dict(self.panels)
        self.panels.clear()
        if document is None:
            for key in ("measure", "departments", "chart", "findings", "progress", "changelog"):
                self.docks[key].setWidget(self._note(_tr("No plan is open.")))
        else:
            measure = MeasurePanel(document, self.docks["measure"])
            departments = DepartmentsPanel(document, self.docks["departments"])
            departments.departmentActivated.connect(self.window.scroll_to_department)
            findings = FindingsPanel(document, self.docks["findings"])
            findings.findingActivated.connect(self.window.select_measure)
            chart = ChartView(document.store, self.docks["chart"])
            chart.exported.connect(self.window.files.chart_exported)
            progress = ProgressPanel(document, self.window.progress, self.docks["progress"])
            progress.periodChosen.connect(self.window.progress.set_period)
            progress.departmentActivated.connect(self.window.progress.show_department)
            progress.exportChase.connect(self.window.progress.export_chase)
            progress.printChase.connect(self.window.progress.print_chase)
            self.panels = {
                "measure": measure,
                "departments": departments,
                "findings": findings,
                "chart": chart,
                "progress": progress,
                "changelog": ChangeLogPanel(document, self.docks["changelog"]),
            }
            for key, panel in self.panels.items():
                self.docks[key].setWidget(panel)
        for panel in old.values():
            getattr(panel, "detach", lambda: None)()
            panel.deleteLater()

    def _came_into_view(self, key: str, visible: bool) -> None:
        panel = self.panels.get(key)
        if visible and panel is not None and hasattr(panel, "came_into_view"):
            panel.came_into_view()

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        return label

    def show_measure(self, measure_id: int | None) -> None:
        panel = self.panels.get("measure")
        if panel is not None:
            panel.set_measure(measure_id)
