"""Where the panels go: an arrangement chosen by the room there is, remembered per screen size.

*Wide* (a window of at least 1280×860): the right column holds the measure panel (tabbed with
the departments) over the chart, and findings, history, progress and change log share a tabbed
strip under the matrix. *Compact* (a 1024×700 laptop at 150 %, a 1366×768 one, a projector, a
window snapped to half a screen): every panel is in the right column — measure, departments
and chart tabbed over findings, history, progress and change log tabbed — so the matrix keeps
the window's whole height. At 1024×700 the strip under the matrix left it eight rows.

The arrangement follows the window's size for as long as the panels are where an arrangement
put them (a window maximised on a projector, or snapped, changes with it). Panels the user has
moved, floated or closed stay as they are. The window's geometry and panels are saved per
screen size when it closes and restored on a screen of that size (a layout made on a big
monitor is not forced onto a projector); View ▸ Reset Layout puts the arrangement for the
window's size back, every panel shown and docked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .. import settings

WIDE, COMPACT = "wide", "compact"
COMPACT_BELOW = QSize(1280, 860)  # a window narrower or lower than this is compact
DEFAULT_SIZE = QSize(1400, 900)
STATE_VERSION = 2  # a state saved before arrangements existed is not restored

Area = Qt.DockWidgetArea
RIGHT, BOTTOM = Area.RightDockWidgetArea, Area.BottomDockWidgetArea
# Each arrangement: (area, tab group) in the order they are added; the first tab is in front.
GROUPS: dict[str, tuple[tuple[Area, tuple[str, ...]], ...]] = {
    WIDE: (
        (RIGHT, ("measure", "departments")),
        (RIGHT, ("chart",)),
        (BOTTOM, ("findings", "history", "progress", "changelog")),
    ),
    COMPACT: (
        (RIGHT, ("measure", "departments", "chart")),
        (RIGHT, ("findings", "history", "progress", "changelog")),
    ),
}


def mode_for(size: QSize) -> str:
    """The arrangement for a window of ``size``."""
    compact = size.width() < COMPACT_BELOW.width() or size.height() < COMPACT_BELOW.height()
    return COMPACT if compact else WIDE


def screen_key(size: QSize) -> str:
    """Names a screen by its available size ("1024x700"): layouts are remembered per size."""
    return f"{size.width()}x{size.height()}"


class DockLayout(QObject):
    """Arranges the window's docks, follows its size, saves and restores them per screen."""

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.docks = docks
        self._follow = QTimer(self)  # after the resize, not inside it
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self.follow_size)
        window.installEventFilter(self)

    # -- arranging -------------------------------------------------------------------------
    def arrange(self, mode: str) -> None:
        """Put every panel where ``mode`` has it: docked, shown, the first tab of each group
        in front, and sized for the window."""
        w = self.window
        w.setCorner(Qt.Corner.BottomRightCorner, RIGHT)  # the right column runs full height
        for dock in self.docks.values():
            dock.setFloating(False)  # (a floating dock removed and added again still floats)
            w.removeDockWidget(dock)
        for area, keys in GROUPS[mode]:
            head = self.docks[keys[0]]
            w.addDockWidget(area, head, Qt.Orientation.Vertical)
            for key in keys[1:]:
                w.tabifyDockWidget(head, self.docks[key])
            for key in keys:
                self.docks[key].show()
            head.raise_()
        self._size(mode)

    def _size(self, mode: str) -> None:
        w, d = self.window, self.docks
        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        if mode == WIDE:
            w.resizeDocks([d["measure"]], [440], horizontal)
            w.resizeDocks([d["measure"], d["chart"]], [600, 300], vertical)
            # the lists under the matrix: room for the progress panel's filters, header and 2+ rows
            w.resizeDocks([d["findings"]], [200], vertical)
        else:
            width = max(340, min(440, round(w.width() * 0.36)))
            w.resizeDocks([d["measure"]], [width], horizontal)
            w.resizeDocks([d["measure"], d["findings"]], [64, 36], vertical)

    def signature(self) -> tuple:
        """Where the panels are now: area, floating, closed, tabbed with which (not sizes)."""
        w = self.window
        return tuple(
            (
                key,
                w.dockWidgetArea(dock),
                dock.isFloating(),
                dock.isHidden(),
                frozenset(t.objectName() for t in w.tabifiedDockWidgets(dock)),
            )
            for key, dock in sorted(self.docks.items())
        )

    def expected(self, mode: str) -> tuple:
        """The :meth:`signature` of the panels as :meth:`arrange` leaves them for ``mode``."""
        where = {key: (area, keys) for area, keys in GROUPS[mode] for key in keys}
        return tuple(
            (
                key,
                where[key][0],
                False,
                False,
                frozenset(self.docks[k].objectName() for k in where[key][1] if k != key),
            )
            for key in sorted(self.docks)
        )

    def current_mode(self) -> str | None:
        """The arrangement the panels are in, None when the user has made their own."""
        now = self.signature()
        return next((mode for mode in GROUPS if now == self.expected(mode)), None)

    def follow_size(self) -> None:
        """Switch arrangement when the window's size calls for the other one, unless the user
        has arranged the panels their own way."""
        mode = self.current_mode()
        wanted = mode_for(self.window.size())
        if mode is not None and mode != wanted:
            self.arrange(wanted)

    def reset(self) -> str:
        """View ▸ Reset Layout: the arrangement for the window's size, every panel back;
        returns the arrangement."""
        mode = mode_for(self.window.size())
        self.arrange(mode)
        return mode

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self._follow.start()
        return False

    # -- remembering -----------------------------------------------------------------------
    def _screen_size(self) -> QSize:
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry().size() if screen is not None else DEFAULT_SIZE

    def restore(self) -> None:
        """At start: the geometry and panels last left on a screen of this size; else a
        window that fits the screen (maximised on a small one), arranged for its size."""
        geometry, state = settings.layout_settings(screen_key(self._screen_size()))
        saved_geometry, saved_state = settings.value(geometry), settings.value(state)
        if not saved_geometry.isEmpty() and self.window.restoreGeometry(saved_geometry):
            if not saved_state.isEmpty() and self.window.restoreState(saved_state, STATE_VERSION):
                return
            self.arrange(mode_for(self.window.size()))
            return
        room = self._screen_size()
        if room.width() < DEFAULT_SIZE.width() + 40 or room.height() < DEFAULT_SIZE.height() + 60:
            self.window.resize(room)  # until the window manager maximises it
            self.window.setWindowState(Qt.WindowState.WindowMaximized)
        self.arrange(mode_for(self.window.size()))

    def save(self) -> None:
        """At close: the geometry and panels, for the next start on a screen of this size."""
        geometry, state = settings.layout_settings(screen_key(self._screen_size()))
        settings.set_value(geometry, self.window.saveGeometry())
        settings.set_value(state, self.window.saveState(STATE_VERSION))
