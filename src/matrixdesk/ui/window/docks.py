"""The main window's docks: measure, departments, findings, history and chart.

Each panel is built for one document and replaced when another plan is opened.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from ..document import Document
from ..widgets.changelog_panel import ChangeLogPanel
from ..widgets.chart_view import ChartView
from ..widgets.departments_panel import DepartmentsPanel
from ..widgets.findings_panel import FindingsPanel
from ..widgets.history_view import HistoryView
from ..widgets.measure_panel import MeasurePanel
from ..widgets.progress_panel import ProgressPanel

MIN_PANEL_HEIGHT = 240  # the measure panel's dock keeps at least this much, then it scrolls
ROW_SLACK = 6  # pixels: widgets whose tops differ by less share a row for Tab
TAB_ORDER = ("measure", "departments", "findings", "history", "chart", "progress", "changelog")


def focusables(root: QWidget) -> list[QWidget]:
    """``root`` and its children that Tab stops at, in their focus-chain order.

    Tables and text boxes are told to pass Tab on (arrow keys move inside them): a text box
    that took Tab as a character, or a table that moved along its cells, kept the keyboard
    inside a panel for good.
    """
    window = root.window()
    found = [
        w
        for w in [root, *root.findChildren(QWidget)]
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window  # no popups
    ]
    found = reading_order(root, found)
    for widget in found:
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.setTabChangesFocus(True)
    return found


def reading_order(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """``widgets`` as a reader meets them in ``root``: row by row from the top, left to right
    in a row (widgets whose tops are within a few pixels share a row).

    Not Qt's focus chain: PySide's ``nextInFocusChain()`` makes the widget it returns a
    child of the caller on the Python side, so walking the chain tied the window's Undo
    action, history view and submenus to a panel widget and they died with the first plan's
    panels (``RuntimeError: Internal C++ object already deleted`` after opening a second
    plan).
    """
    origin = QPoint(0, 0)
    placed = []
    for i, widget in enumerate(widgets):
        top_left = widget.mapTo(root, origin) if widget is not root else origin
        placed.append((top_left.y(), top_left.x(), i, widget))
    placed.sort(key=lambda p: (p[0], p[1], p[2]))
    rows: list[list[tuple]] = []
    for p in placed:
        if rows and p[0] - rows[-1][0][0] <= ROW_SLACK:
            rows[-1].append(p)
        else:
            rows.append([p])
    return [p[3] for row in rows for p in sorted(row, key=lambda p: (p[1], p[2]))]


class PanelScroll(QScrollArea):
    """A panel that scrolls rather than being squeezed below its minimum height.

    On a small screen (1024×700) the measure panel got less height than its layout needs and
    its targets table and buttons overlapped. Here it is as tall as the dock allows, and never
    shorter than its minimum (then it scrolls); with room to spare it fills the dock, so its
    targets table grows with it. (``widgetResizable`` would size it by its height-for-width —
    the wrapped labels — and make it scroll even in a big dock.)
    """

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.setObjectName("measureScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)
        self.setMinimumHeight(MIN_PANEL_HEIGHT)
        self.verticalScrollBar().rangeChanged.connect(self._fit)
        panel.installEventFilter(self)  # its layout changed (a wrapped label, moved buttons)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self, *args) -> None:
        panel, room = self.widget(), self.viewport().size()
        if panel is not None:
            least = panel.minimumSizeHint().height()
            layout = panel.layout()
            if layout is not None and layout.hasHeightForWidth():  # wrapped labels
                least = max(least, layout.totalMinimumHeightForWidth(room.width()))
            height = max(room.height(), least)
            if panel.size().toTuple() != (room.width(), height):
                panel.resize(room.width(), height)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class PanelDock(QDockWidget):
    """A dock that marks its title with a coloured bar while the keyboard is inside it, so a
    keyboard user always sees which panel Tab or Ctrl+2 … reached (the style's own focus
    frames are faint, and absent on Windows until a key is pressed)."""

    BAR = QColor("#1a5fb4")

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.has_keyboard = False

    def follow_focus(self, focus: QWidget | None) -> None:
        inside = focus is not None and self.isAncestorOf(focus)
        if inside != self.has_keyboard:
            self.has_keyboard = inside
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.has_keyboard and not self.isFloating():
            painter = QPainter(self)
            painter.fillRect(0, 0, self.width(), 3, self.BAR)
            painter.end()


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
            dock = PanelDock(titles[key], window)
            dock.setObjectName(f"dock.{key}")
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
            # a tab brought to the front: its panel catches up with what it did not follow
            dock.visibilityChanged.connect(functools.partial(self._came_into_view, key))
            self.docks[key] = dock
        # where they go: layout.DockLayout (arranged once the window has its size)
        self.history = HistoryView(window.undo_group, _tr("<opened>"))
        self.history.setObjectName("historyView")
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
                self.docks[key].setWidget(PanelScroll(panel) if key == "measure" else panel)
        for panel in old.values():
            getattr(panel, "detach", lambda: None)()
            panel.deleteLater()

    def _came_into_view(self, key: str, visible: bool) -> None:
        panel = self.panels.get(key)
        if visible and panel is not None and hasattr(panel, "came_into_view"):
            panel.came_into_view()

    def tab_chain(self) -> list[QWidget]:
        """The panels' keyboard stops in Tab order: measure, departments, findings, history,
        chart, progress, change log — each panel's own widgets in their order."""
        chain: list[QWidget] = []
        for key in TAB_ORDER:
            root = self.history if key == "history" else self.docks[key].widget()
            if root is not None:
                chain += focusables(root)
        return chain

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        return label

    def show_measure(self, measure_id: int | None) -> None:
        panel = self.panels.get("measure")
        if panel is not None:
            panel.set_measure(measure_id)
