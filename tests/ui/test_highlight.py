"""Department names in a measure's text are coloured by their role in the measure."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from matrixdesk.core.model import Department, Role
from matrixdesk.ui.widgets.highlight import (
    LEAD_COLOUR,
    OTHER_COLOUR,
    SUPPORT_COLOUR,
    DepartmentHighlighter,
)


def colours(doc: QTextDocument) -> list[tuple[str, str]]:
    """(text, colour name) of every formatted range of the first block."""
    block = doc.firstBlock()
    text = block.text()
    return [
        (text[r.start : r.start + r.length], r.format.foreground().color().name())
        for r in block.layout().formats()
    ]


def test_names_and_aliases_coloured_by_role_longest_first(qapp):
    doc = QTextDocument("由省商务厅牵头，商务厅、省发改委和省财政厅配合，省体育局知悉。")
    highlighter = DepartmentHighlighter(doc)
    highlighter.set_departments(
        [
            Department(1, "省商务厅"),
            Department(2, "商务厅"),
            Department(3, "省发展改革委", ["省发改委"]),
            Department(4, "省财政厅"),
            Department(5, "省体育局"),
        ]
    )
    highlighter.set_roles({1: Role.LEAD, 3: Role.SUPPORT, 4: Role.SUPPORT})
    assert colours(doc) == [
        ("省商务厅", LEAD_COLOUR.name()),
        ("商务厅", OTHER_COLOUR.name()),
        ("省发改委", SUPPORT_COLOUR.name()),
        ("省财政厅", SUPPORT_COLOUR.name()),
        ("省体育局", OTHER_COLOUR.name()),
    ]
    highlighter.set_roles({5: Role.LEAD})
    assert colours(doc)[-1] == ("省体育局", LEAD_COLOUR.name())
    assert colours(doc)[0] == ("省商务厅", OTHER_COLOUR.name())
