"""A label whose new text is painted in place, without laying out the window around it.

A QLabel given a new text asks its parent's layout to run again, whatever the text: the
layout above it runs, then the one above that — up to the dock and the main window, which
then works out every dock's size again. The status bar's counts and saved time, the
departments named in the measure panel and the findings' summary change at every edit, and
those layouts were half of an edit's work on the window's thread.

:class:`QuietLabel` holds its QLabel in a widget of its own with no layout, so the label's
request stops there; it passes it on to the layouts above only when the new text needs
another size (a wrapped text that takes another number of lines, a line that no longer fits
its width). A shorter line keeps the width it had until the next layout, so a status bar
does not jump when 10 becomes 9.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class QuietLabel(QWidget):
    """A QLabel (:attr:`label`) that lays out the widgets around it only when it must."""

    def __init__(self, parent: QWidget | None = None, *, wrap: bool = False) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(wrap)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(wrap)
        self.setSizePolicy(policy)
        self.relayouts = 0  # times a new text needed the layouts above (tests count them)

    # -- the label's text -----------------------------------------------------------------
    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel's)
        if text != self.label.text():
            self.label.setText(text)

    # -- what the layouts above are told ---------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return self.label.wordWrap()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self.label.heightForWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.label.resize(event.size())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._needs_other_size():  # its text changed while it was out of view
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        # the label's new text asks its parent (this widget) to lay out: pass it on only
        # when the layouts above would give this widget another size
        if event.type() == QEvent.Type.LayoutRequest and self._needs_other_size():
            self.relayouts += 1
            self.updateGeometry()
        return super().event(event)

    def _needs_other_size(self) -> bool:
        if self.label.wordWrap():
            return self.label.heightForWidth(self.width()) != self.height()
        hint = self.label.sizeHint()
        return hint.width() > self.width() or hint.height() > self.height()
