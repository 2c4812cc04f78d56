"""Department names highlighted in a measure's text: leads, supports and other known parties."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ...core.model import Department, Role

LEAD_COLOUR = QColor("#b3261e")  # the red of 牵头 marks on printed task lists
SUPPORT_COLOUR = QColor("#1a5fb4")
OTHER_COLOUR = QColor("#6b6b6b")


def _format(colour: QColor, *, bold: bool = False, background: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(colour)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if background:
        fill = QColor(colour)
        fill.setAlpha(28)
        fmt.setBackground(fill)
    else:
        fmt.setFontUnderline(True)
    return fmt


class DepartmentHighlighter(QSyntaxHighlighter):
    """Colours every name or alias of the plan's departments in a text document.

    Departments of the measure are coloured by role (lead red and bold, support blue); other
    departments of the plan are underlined in grey, so a name the parser missed stands out.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pattern: re.Pattern[str] | None = None
        self._role_of: dict[str, Role | None] = {}
        self._formats = {
            Role.LEAD: _format(LEAD_COLOUR, bold=True, background=True),
            Role.SUPPORT: _format(SUPPORT_COLOUR, background=True),
            None: _format(OTHER_COLOUR),
        }

    def set_departments(self, departments: list[Department], roles: dict[int, Role]) -> None:
        """The plan's departments and the roles (department id → role) in the shown measure."""
        self._role_of = {}
        for d in departments:
            for name in [d.name, *d.aliases]:
                if name:
                    self._role_of[name] = roles.get(d.id)
        # longest first, so 省商务厅 wins over 商务厅
        names = sorted(self._role_of, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, names))) if names else None
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            fmt = self._formats[self._role_of.get(match.group())]
            self.setFormat(match.start(), match.end() - match.start(), fmt)
