"""Department names highlighted in a measure's text: leads, supports and other known parties."""

from __future__ import annotations

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
        self._by_first: dict[str, list[str]] = {}
        self._department_of: dict[str, int] = {}
        self._roles: dict[int, Role] = {}
        self._formats = {
            Role.LEAD: _format(LEAD_COLOUR, bold=True, background=True),
            Role.SUPPORT: _format(SUPPORT_COLOUR, background=True),
            None: _format(OTHER_COLOUR),
        }

    def set_departments(self, departments: list[Department]) -> None:
        """The plan's departments (the names to look for); call again when they change."""
        self._department_of = {}
        for d in departments:
            for name in [d.name, *d.aliases]:
                if name:
                    self._department_of[name] = d.id
        # Names by first character, longest first (省商务厅 wins over 商务厅). One regular
        # expression of 500 alternatives took 70 ms to compile each time a plan was opened.
        self._by_first: dict[str, list[str]] = {}
        for name in sorted(self._department_of, key=len, reverse=True):
            self._by_first.setdefault(name[0], []).append(name)
        self.rehighlight()

    def set_roles(self, roles: dict[int, Role]) -> None:
        """The roles (department id → role) in the shown measure."""
        if roles != self._roles:
            self._roles = dict(roles)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        by_first = self._by_first
        i = 0
        while i < len(text):
            name = next((n for n in by_first.get(text[i], ()) if text.startswith(n, i)), None)
            if name is None:
                i += 1
                continue
            role = self._roles.get(self._department_of[name])
            self.setFormat(i, len(name), self._formats[role])
            i += len(name)
