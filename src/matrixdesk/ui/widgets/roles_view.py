"""Who leads and who supports a measure, as the measure panel shows it: a line of names for
each role, in the role's colour (the colours of the grid's marks and the text's highlights).

Plain-text labels, one per role: the rich-text label this replaces parsed its HTML into a text
document and laid that out again at every edit of the measure's cells — half a millisecond of
each edit, thirty times what a plain label takes. The names are :class:`QuietLabel`s, so a new
name lays out the panel only when it takes another line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ...core.model import Role
from .highlight import LEAD_COLOUR, SUPPORT_COLOUR
from .quiet_label import QuietLabel

SEPARATOR = "、"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeasurePanel", text)


def _coloured(label: QLabel, colour: QColor) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


class RolesView(QWidget):
    """ "Lead: …" and "Support: …" with the departments' names, or that there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        grid.setColumnStretch(1, 1)
        self.titles: dict[Role, QLabel] = {}
        self.names: dict[Role, QuietLabel] = {}
        for row, (role, title, colour) in enumerate(
            ((Role.LEAD, _tr("Lead"), LEAD_COLOUR), (Role.SUPPORT, _tr("Support"), SUPPORT_COLOUR))
        ):
            self.titles[role] = QLabel(f"{title}:")
            self.names[role] = QuietLabel(wrap=True)
            _coloured(self.names[role].label, colour)
            grid.addWidget(self.titles[role], row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.names[role], row, 1)
        self.nobody = QLabel(_tr("No department assigned"))
        font = self.nobody.font()
        font.setItalic(True)
        self.nobody.setFont(font)
        grid.addWidget(self.nobody, 2, 0, 1, 2)

    def set_names(self, names: dict[Role, list[str]]) -> None:
        """Show the departments of each role (in their written order)."""
        for role, label in self.names.items():
            shown = names.get(role, [])
            label.setText(SEPARATOR.join(shown))
            if label.isHidden() == bool(shown):  # shown or hidden only when it changes
                label.setVisible(bool(shown))
                self.titles[role].setVisible(bool(shown))
        nobody = not any(names.get(role) for role in self.names)
        if self.nobody.isHidden() == nobody:
            self.nobody.setVisible(nobody)

    def text(self) -> str:
        """What it says, a line a role ("Lead: a、b")."""
        lines = [
            f"{self.titles[role].text()} {label.text()}"
            for role, label in self.names.items()
            if not label.isHidden()
        ]
        return "\n".join(lines) if lines else self.nobody.text()
