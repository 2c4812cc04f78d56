"""The status bar's permanent labels: the plan's counts, the editing mode, when it was saved.

Two of them change at every edit (an assignment more or less, the time of the write). A plain
QLabel given a new text made the status bar lay out and repaint all of itself and asked the
main window's layout again; these are :class:`~..widgets.quiet_label.QuietLabel`s, repainted
in place while the text fits (the width is kept while the plan stays open, so "10" then "9"
does not make the bar jump). Another plan starts from the widths its own texts need.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar, QWidget

from ..document import Document
from ..models.status_colours import LEGEND, OVERDUE_FILL, SILENT_FILL
from ..widgets.quiet_label import QuietLabel


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def show_text(label: QuietLabel, text: str, tooltip: str = "", *, fresh: bool = False) -> None:
    """``text`` (and ``tooltip``) on ``label``; ``fresh``: size it for this text, even if
    narrower than before."""
    label.setText(text)
    if tooltip != label.label.toolTip():
        label.label.setToolTip(tooltip)
    if fresh:
        label.updateGeometry()


def status_key(schedule) -> str:
    """The colours of View ▸ Colour Cells by Status: a swatch and the plan's own name for each
    status, then "nothing reported" and the shade of an overdue measure (rich text for the
    status bar)."""
    fills = {meaning: colour.name() for meaning, colour in LEGEND}
    parts = [(fills[s.meaning], s.name) for s in schedule.statuses if s.meaning in fills]
    parts.append((SILENT_FILL.name(), _tr("nothing reported")))
    parts.append((OVERDUE_FILL.name(), _tr("overdue")))
    # a framed swatch: the grey of 未开始 is hardly darker than the status bar itself
    swatch = '<span style="background-color:%s;color:#8c8c8c">&nbsp;□&nbsp;</span>&nbsp;%s'
    return "&nbsp;&nbsp;".join(swatch % (colour, html.escape(name)) for colour, name in parts)


class StatusLabels:
    """The window's three permanent status-bar labels, kept true to the open plan."""

    def __init__(self, bar: QStatusBar, parent: QWidget) -> None:
        self.counts = QuietLabel(parent)
        self.mode = QuietLabel(parent)
        self.saved = QuietLabel(parent)
        self.saved.label.setObjectName("savedState")
        for label in (self.counts, self.mode, self.saved):
            bar.addPermanentWidget(label)

    def show(self, doc: Document | None, *, fresh: bool = False, by_status: bool = False) -> None:
        """Say what ``doc`` holds and when it was written (``fresh``: a plan just opened);
        ``by_status``: the grid is coloured by reported status, so the key says the colours."""
        if doc is None:
            for label in (self.counts, self.mode, self.saved):
                show_text(label, "", fresh=True)
            return
        s = doc.store
        counts = (
            _tr("%1 measures · %2 departments · %3 assignments")
            .replace("%1", str(s.measure_count()))
            .replace("%2", str(s.department_count()))
            .replace("%3", str(s.assignment_count()))
        )
        show_text(self.counts, counts, fresh=fresh)
        mode = _tr("Read-only") if doc.read_only else _tr("● lead  ○ support")
        if by_status:
            mode = status_key(s.schedule()) + ("  " + mode if doc.read_only else "")
        show_text(self.mode, mode, fresh=fresh)
        if doc.read_only:
            show_text(self.saved, "", fresh=fresh)
            return
        show_text(
            self.saved,
            _tr("All changes saved %1").replace("%1", doc.saved_text()),
            _tr("Every edit is written to %1 the moment it is made.").replace("%1", doc.path),
            fresh=fresh,
        )
