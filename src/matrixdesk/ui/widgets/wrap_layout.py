"""A row of controls that wraps onto a second row when its panel is narrow.

The progress, change log and chart panels have a row of filters and buttons over their table.
In a panel under the matrix that row has the window's width; in the right column of a small
screen (1024×700) it has a third of it, and a plain QHBoxLayout made the whole column as wide
as the row's widest panel (550 px of 1024). Here the row is as narrow as its widest item, and
items that do not fit go onto the next line.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget


class WrapLayout(QLayout):
    """Items left to right, wrapping at item boundaries; the last item keeps to the right of
    its line when ``last_right`` (as buttons after a stretch do in a plain row)."""

    def __init__(self, parent: QWidget | None = None, *, last_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._last_right = last_right
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(6)

    def add_group(self, *widgets: QWidget) -> QWidget:
        """Add ``widgets`` as one item that never wraps inside (a label and its box)."""
        group = QWidget(self.parentWidget())
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        self.addWidget(group)
        return group

    # -- QLayout ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt override)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Everything on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        """As narrow as the widest item; the height of one line (the rest is height for
        width)."""
        shown = self._shown()
        width = max((i.minimumSize().width() for i in shown), default=0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height)

    # -- placing ---------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        return max(self.spacing(), 0)

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            w = item.sizeHint().width()
            if lines[-1] and used + self._gap() + w > width:
                lines.append([])
                used = 0
            used += (self._gap() if lines[-1] else 0) + w
            lines[-1].append(item)
        return [line for line in lines if line]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``); the height they need."""
        y = rect.y()
        lines = self._lines(rect.width())
        for n, line in enumerate(lines):
            height = max(i.sizeHint().height() for i in line)
            x = rect.x()
            for k, item in enumerate(line):
                hint = item.sizeHint()
                width = min(hint.width(), rect.width())
                last = n == len(lines) - 1 and k == len(line) - 1
                if last and self._last_right and len(self._shown()) > 1:
                    x = max(x, rect.right() + 1 - width)
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2),
                                           QSize(width, hint.height())))  # fmt: skip
                x += width + self._gap()
            y += height + (self._gap() if n < len(lines) - 1 else 0)
        return y - rect.y()
