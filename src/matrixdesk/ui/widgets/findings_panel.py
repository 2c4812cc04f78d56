"""The plan check: validation findings in a list, following every edit.

The findings come from the document's :class:`~matrixdesk.core.findings.FindingsTracker`: an
edit re-checks only the measures and departments it touched, and the list changes by just the
rows that changed (the selection stays where it was). The check runs on the next turn of the
event loop after an edit (a zero-delay single-shot timer), so a burst of store events from one
step — an undo macro, a merge — is checked once. A hidden panel does nothing: it catches up
when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.findings import FindingsTracker, Splice
from ...core.validate import Finding, FindingCode, Severity
from ..document import Document
from .onscreen import after_paint, on_screen
from .quiet_label import QuietLabel

Index = QModelIndex | QPersistentModelIndex
SEVERITY, MESSAGE = range(2)
DELAY_MS = 0  # the next turn of the event loop: once per burst, before slower panels


def finding_text(finding: Finding, number: str = "") -> str:
    """The finding as a sentence in the UI language (built from its code, not from .message()).

    ``number`` is the measure's number as the document writes it ((三)2.); it replaces the
    hierarchical code the check names measures by.
    """
    template = {
        FindingCode.NO_LEAD: QCoreApplication.translate(
            "Findings", "Measure %1 has departments but no lead"
        ),
        FindingCode.NO_ANNOTATION: QCoreApplication.translate(
            "Findings", "Measure %1 has no responsible department"
        ),
        FindingCode.SEVERAL_LEADS: QCoreApplication.translate(
            "Findings", "Measure %1 has several leads"
        ),
        FindingCode.UNASSIGNED_DEPARTMENT: QCoreApplication.translate(
            "Findings", "Department %1 has no assignment"
        ),
        FindingCode.DUPLICATE_NAME: QCoreApplication.translate(
            "Findings", "Departments %1 and %2 have the same name"
        ),
        FindingCode.TARGET_WITHOUT_YEAR: QCoreApplication.translate(
            "Findings", "A target of measure %1 has no year"
        ),
    }.get(finding.code)
    if template is None:  # a check added to core later: its English sentence beats nothing
        return finding.message()
    subject = finding.subject
    if number and finding.measure_id is not None:
        subject = f"{number} {subject.partition(' ')[2]}".strip()
    return template.replace("%1", subject).replace("%2", finding.other)


def severity_text(severity: Severity) -> str:
    if severity == Severity.ERROR:
        return QCoreApplication.translate("Findings", "Error")
    return QCoreApplication.translate("Findings", "Warning")


class FindingsModel(QAbstractTableModel):
    """The findings of the last check: severity (with its standard icon) and message."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._icons: dict[Severity, QIcon] = {}
        self.number: Callable[[int], str] | None = None  # measure id → (三)2., set by the panel

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def text(self, row: int) -> str:
        """The finding's sentence, naming its measure by the document's numbering."""
        f = self._findings[row]
        number = self.number(f.measure_id) if self.number and f.measure_id is not None else ""
        return finding_text(f, number)

    def apply(self, splices: list[Splice]) -> None:
        """Follow a tracker's refresh: remove and insert just the rows that changed."""
        for s in splices:
            same = min(s.removed, len(s.inserted))  # rows replaced in place
            if same:
                self._findings[s.start : s.start + same] = s.inserted[:same]
                self.dataChanged.emit(
                    self.index(s.start, SEVERITY), self.index(s.start + same - 1, MESSAGE)
                )
            first = s.start + same
            if s.removed > same:
                self.beginRemoveRows(QModelIndex(), first, s.start + s.removed - 1)
                del self._findings[first : s.start + s.removed]
                self.endRemoveRows()
            elif len(s.inserted) > same:
                self.beginInsertRows(QModelIndex(), first, s.start + len(s.inserted) - 1)
                self._findings[first:first] = s.inserted[same:]
                self.endInsertRows()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {SEVERITY: self.tr("Severity"), MESSAGE: self.tr("Finding")}.get(section)
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        f = self._findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                severity_text(f.severity) if index.column() == SEVERITY else self.text(index.row())
            )
        if role == Qt.ItemDataRole.DecorationRole and index.column() == SEVERITY:
            return self._icon(f.severity)
        if role == Qt.ItemDataRole.UserRole:
            return f
        return None

    def _icon(self, severity: Severity) -> QIcon:
        if severity not in self._icons:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if severity == Severity.ERROR
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            self._icons[severity] = QApplication.style().standardIcon(pixmap)
        return self._icons[severity]


class FindingsPanel(QWidget):
    """Findings of the open plan; click one to go to its measure or department."""

    findingActivated = Signal(object, object)  # noqa: N815 (measure id | None, department id | None)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tracker: FindingsTracker = document.findings
        self.model = FindingsModel(self)
        self.model.number = document.number
        self.summary = QuietLabel()  # its count changes with edits: no window layout for it
        self.summary.label.setContentsMargins(4, 2, 4, 2)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # sized once from the words, not from the contents of thousands of rows
        width = max(self.fontMetrics().horizontalAdvance(severity_text(s)) for s in Severity)
        header.setSectionResizeMode(SEVERITY, QHeaderView.ResizeMode.Fixed)
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)  # iconSize(): -1
        header.resizeSection(SEVERITY, width + icon + 24)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.revalidate)
        self.tracker.subscribe(self._follow)
        self.destroyed.connect(lambda *_, t=self.tracker, f=self._follow: t.unsubscribe(f))
        document.changed.connect(self._schedule)
        self.model.set_findings(self.tracker.findings())
        self._update_summary()

    def revalidate(self) -> None:
        """Bring the list up to date now (edits call this through the timer)."""
        self.timer.stop()
        self.tracker.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.tracker.pending:  # the first check of a big plan: once the grid is on screen
            after_paint(self, self._schedule)

    def _follow(self, splices: list[Splice] | None) -> None:
        if splices is None:
            current = self._current_finding()
            self.model.set_findings(self.tracker.findings())
            self._reselect(current)
        else:
            self.model.apply(splices)
        self._update_summary()

    def _reselect(self, current: Finding | None) -> None:
        if current is None or current not in self.model.findings():
            return
        row = self.model.findings().index(current)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(self.model.index(row, MESSAGE), flags)

    def focus_target(self) -> QWidget:
        """Where the keyboard goes when the panel is chosen: the list, on a finding."""
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, MESSAGE))
        return self.view

    def _schedule(self, *args) -> None:
        if on_screen(self):
            self.timer.start()  # restarts: a burst of edits is checked once

    def came_into_view(self) -> None:
        """Its tab was brought to the front: catch up with the edits made meanwhile."""
        if self.tracker.pending:
            self.timer.start()

    def _update_summary(self) -> None:
        if not self.tracker.ever_checked:
            self.summary.setText("")  # checked once the panel is shown
            return
        errors, warnings = self.tracker.errors, self.tracker.warnings
        if not errors and not warnings:
            self.summary.setText(self.tr("No findings: the plan looks complete."))
            return
        text = (
            self.tr("%n error(s)", "", errors)
            + self.tr(", ")
            + self.tr("%n warning(s)", "", warnings)
        )
        self.summary.setText(text)

    def _current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            f = self.model.finding(index.row())
            self.findingActivated.emit(f.measure_id, f.department_id)
