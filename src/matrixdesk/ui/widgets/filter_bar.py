"""The filter bar above the grid: text search, one department's measures, measures with findings.

It only reports what the user asked for (``filterChanged``); the window hands that to the
filter proxy. Typing is debounced so a 10,000-row plan filters once per pause, not per key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..document import Document

TYPING_DELAY_MS = 200


class FilterBar(QWidget):
    """Search field, department combo, findings check box and a "shown of total" count."""

    filterChanged = Signal(str, object, bool)  # noqa: N815 (text, department id | None, findings only)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("filterSearch")
        self.search.setPlaceholderText(self.tr("Search measures (code, title, text)…"))
        self.search.setClearButtonEnabled(True)
        # narrow enough for the matrix beside the panels at 1024×700 (it grows with room)
        self.search.setMinimumWidth(150)
        self.search.setToolTip(self.search.placeholderText())
        self.department = QComboBox(self)
        self.department.setObjectName("filterDepartment")
        self.department.setMinimumContentsLength(10)
        self.department.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.findings = QCheckBox(self.tr("Only measures with findings"), self)
        self.findings.setObjectName("filterFindings")
        self.count = QLabel(self)
        self.count.setObjectName("filterCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(QLabel(self.tr("Department:"), self))
        layout.addWidget(self.department, 1)
        layout.addWidget(self.findings)
        layout.addStretch(1)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._emit)
        self.department.currentIndexChanged.connect(self._emit)
        self.findings.toggled.connect(self._emit)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.clear)  # Esc in the search box shows every measure again

    def describe(self) -> str:
        """The conditions set, in words, for the "nothing matches" note."""
        parts = []
        if self.search.text().strip():
            parts.append(self.tr("text “%1”").replace("%1", self.search.text().strip()))
        if self.department.currentData() is not None:
            parts.append(self.tr("department %1").replace("%1", self.department.currentText()))
        if self.findings.isChecked():
            parts.append(self.tr("only measures with findings"))
        return self.tr("; ").join(parts)

    def set_document(self, document: Document | None) -> None:
        self.document = document
        self.blockSignals(True)
        self.search.clear()
        self.findings.setChecked(False)
        self.blockSignals(False)
        self.refresh_departments()

    def refresh_departments(self) -> None:
        """Refill the department combo, keeping the chosen department if it still exists."""
        keep = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        if self.document is not None:
            for d in self.document.store.departments():
                self.department.addItem(d.name, d.id)
        found = self.department.findData(keep) if keep is not None else 0
        self.department.setCurrentIndex(max(0, found))
        self.department.blockSignals(False)
        if keep is not None and found < 0:
            self._emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear(self) -> None:
        """Remove every condition (and show all measures at once)."""
        for w in (self.search, self.department, self.findings):
            w.blockSignals(True)
        self.search.clear()
        self.department.setCurrentIndex(0)
        self.findings.setChecked(False)
        for w in (self.search, self.department, self.findings):
            w.blockSignals(False)
        self._emit()

    def set_count(self, shown: int, total: int, active: bool) -> None:
        self.count.setText(
            self.tr("%1 of %2 rows").replace("%1", str(shown)).replace("%2", str(total))
            if active
            else ""
        )

    def _emit(self, *args) -> None:
        self._timer.stop()
        self.filterChanged.emit(
            self.search.text(), self.department.currentData(), self.findings.isChecked()
        )


class NoMatchNote(QWidget):
    """Shown instead of an empty grid when the filter hides every measure: what was asked
    for, and a button (View ▸ Show All Measures; Esc in the search box) that clears it."""

    def __init__(self, clear_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noMatchNote")
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.button = QToolButton(self)
        self.button.setDefaultAction(clear_action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_for(self, conditions: str) -> None:
        self.label.setText(
            self.tr("No measure matches the filter (%1).").replace("%1", conditions)
            + "\n"
            + self.tr("Press Esc in the search box or choose View ▸ Show All Measures.")
        )
