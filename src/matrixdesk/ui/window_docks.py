"""The main window's docks: measure, departments, findings, history (QUndoView) and chart.

The panels come from their own modules and are imported when a plan is opened, so a panel
that is missing or fails to load leaves a note in its dock instead of breaking the window.
Each panel is built for one document and replaced when another plan is opened.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QUndoView, QWidget

from .document import Document

log = logging.getLogger(__name__)

# key → (module, class, area, title); the title is translated when the dock is built
PANELS = {
    "measure": ("widgets.measure_panel", "MeasurePanel", Qt.DockWidgetArea.RightDockWidgetArea),
    "departments": (
        "widgets.departments_panel",
        "DepartmentsPanel",
        Qt.DockWidgetArea.RightDockWidgetArea,
    ),
    "chart": ("widgets.chart_view", "ChartView", Qt.DockWidgetArea.RightDockWidgetArea),
    "findings": ("widgets.findings_panel", "FindingsPanel", Qt.DockWidgetArea.BottomDockWidgetArea),
}


def load_class(module: str, name: str):
    """``matrixdesk.ui.<module>.<name>``, or None when that module is not there (yet)."""
    try:
        return getattr(importlib.import_module(f"matrixdesk.ui.{module}"), name)
    except (ImportError, AttributeError) as exc:
        log.warning("panel %s.%s unavailable: %s", module, name, exc)
        return None


class Docks:
    """Builds the docks once and refills them for each document."""

    def __init__(self, window) -> None:
        self.window = window
        tr = window.tr
        titles = {
            "measure": tr("Measure"),
            "departments": tr("Departments"),
            "chart": tr("Chart"),
            "findings": tr("Findings"),
            "history": tr("History"),
        }
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, QWidget | None] = {}
        for key in ("measure", "departments", "chart", "findings", "history"):
            dock = QDockWidget(titles[key], window)
            dock.setObjectName(f"dock.{key}")
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
            self.docks[key] = dock
        # the right column runs the full height; findings and history share the bottom
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["measure"])
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["chart"])
        window.tabifyDockWidget(self.docks["measure"], self.docks["departments"])
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.docks["findings"])
        window.tabifyDockWidget(self.docks["findings"], self.docks["history"])
        self.docks["measure"].raise_()
        self.docks["findings"].raise_()
        window.resizeDocks([self.docks["measure"]], [440], Qt.Orientation.Horizontal)
        window.resizeDocks(
            [self.docks["measure"], self.docks["chart"]], [560, 380], Qt.Orientation.Vertical
        )
        window.resizeDocks([self.docks["findings"]], [150], Qt.Orientation.Vertical)
        self.history = QUndoView(window.undo_group)
        self.history.setObjectName("historyView")
        self.history.setEmptyLabel(tr("<opened>"))
        self.docks["history"].setWidget(self.history)

    def fill_menu(self, menu: QMenu) -> None:
        for key in ("measure", "departments", "findings", "history", "chart"):
            menu.addAction(self.docks[key].toggleViewAction())

    def raise_dock(self, key: str) -> None:
        dock = self.docks[key]
        dock.show()
        dock.raise_()

    def set_document(self, document: Document | None) -> None:
        for key, (module, name, _area) in PANELS.items():
            old = self.panels.pop(key, None)
            dock = self.docks[key]
            if document is None:
                dock.setWidget(self._note(self.window.tr("No plan is open.")))
            else:
                cls = load_class(module, name)
                panel = None
                if cls is not None:
                    panel = cls(document.store if key == "chart" else document, dock)
                self.panels[key] = panel
                dock.setWidget(panel or self._note(self.window.tr("This panel is not available.")))
                self._connect(key, panel)
            if old is not None:
                old.deleteLater()

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        return label

    def _connect(self, key: str, panel) -> None:
        if panel is None:
            return
        if key == "departments" and hasattr(panel, "departmentActivated"):
            panel.departmentActivated.connect(self.window.scroll_to_department)
        if key == "findings" and hasattr(panel, "findingActivated"):
            panel.findingActivated.connect(self.window.select_measure)

    def show_measure(self, measure_id: int | None) -> None:
        panel = self.panels.get("measure")
        if panel is not None and hasattr(panel, "set_measure"):
            panel.set_measure(measure_id)
