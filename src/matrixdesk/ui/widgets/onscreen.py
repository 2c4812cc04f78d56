"""Panels that work only when they are on screen, and work that waits for the first paint.

A dock behind another in a tab group is still "visible" to Qt (``isVisible()`` is true; it is
only covered): :func:`on_screen` tells whether a panel can be seen at all, and the docks call a
panel's ``came_into_view()`` when its tab is brought to the front, so it can catch up on what
changed while it was out of sight.

A panel shown with the window (the findings list, the chart) has work to do before it has
anything to show: the whole plan checked once, matplotlib imported and a chart drawn. Started
from ``showEvent`` with a zero timer it still ran before the window's first paint — the
window came up blank for as long as the work took. :func:`after_paint` runs it right after the
window next paints instead, so the grid is on screen first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    """Watches ``widget``'s window for its next paint; a child of ``widget``, so a panel
    replaced before that (another plan opened) takes its pending work with it."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], delay_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._delay = delay_ms
        widget.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # The window paints its widgets while it handles UpdateRequest: a timer started
        # here fires once that painting is done.
        if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            watched.removeEventFilter(self)
            # with the widget as context: not called once the widget is gone
            QTimer.singleShot(self._delay, self._widget, self._callback)
            self.deleteLater()
        return False


def on_screen(widget: QWidget) -> bool:
    """Shown and not covered (a dock behind another tab is covered)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def after_paint(widget: QWidget, callback: Callable[[], None], delay_ms: int = 0) -> None:
    """Call ``callback`` ``delay_ms`` after ``widget``'s window has next been painted."""
    _AfterPaint(widget, callback, delay_ms)
