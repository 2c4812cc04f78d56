"""Filtering the matrix rows: text search, one department's measures, measures with findings.

The accepted measures are worked out once per filter change (a set of ids, with the headings
above every match kept so a match is never shown without its part and item); then
``filterAcceptsRow`` is one set lookup. The totals row is never passed through: the matrix
view pins it under the grid as a footer (from the model's ``ItemRole.TOTAL`` header data), so
the proxy's rows are exactly the shown measures. When the plan changes while a filter is on,
only the measures the edit touched are matched again; the whole set is worked out again (on
the next turn of the event loop) only when one of them came into or went out of the filter,
or the plan's structure changed. "Only measures with findings" asks the document's findings
tracker, which re-checks just what edits touched.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, QTimer, Signal

from ...core.numbers import search_key
from ...store import StoreEvent
from .matrix_model import MatrixModel


class MatrixFilterProxy(QSortFilterProxyModel):
    """Rows of a :class:`MatrixModel` that match the filter bar, in document order."""

    refiltered = Signal()  # the rows shown were worked out again (filter or plan changed)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self._text = ""
        self._department_id: int | None = None
        self._findings_only = False
        self._accepted: set[int] | None = None  # None: no filter, accept everything
        self._matched: set[int] = set()  # the measures that match, without their headings
        self._matrix: MatrixModel | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refilter)

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        old = self._matrix
        if old is not None:
            for signal in (old.rowsInserted, old.rowsRemoved, old.modelReset):
                signal.disconnect(self._source_changed)
            old.document.changed.disconnect(self._plan_changed)
        self._matrix = model
        super().setSourceModel(model)
        if model is not None:
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(self._source_changed)
            model.document.changed.connect(self._plan_changed)
        self.refilter()

    def matrix(self) -> MatrixModel:
        return self.sourceModel()  # type: ignore[return-value]

    # -- the filter ------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self._text) or self._department_id is not None or self._findings_only

    def set_filter(
        self,
        text: str | None = None,
        department_id: int | None | bool = False,
        findings_only: bool | None = None,
    ) -> None:
        """Change any of the three conditions (``department_id=False`` leaves it as it is)."""
        if text is not None:
            self._text = text.strip().casefold()
        if department_id is not False:
            self._department_id = department_id  # type: ignore[assignment]
        if findings_only is not None:
            self._findings_only = findings_only
        self.refilter()

    def clear_conditions(self) -> None:
        """Forget every condition without refiltering (the next source model shows all)."""
        self._text, self._department_id, self._findings_only = "", None, False

    def refilter(self) -> None:
        if not self.active and self._accepted is None:
            return  # nothing filtered before or now: asking every row again would change nothing
        self.beginFilterChange()
        self._accepted = self._compute() if self.active else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.refiltered.emit()

    def _source_changed(self, *args) -> None:
        if self.active:
            self._pending.start()

    def _plan_changed(self, event: StoreEvent) -> None:
        if not self.active or self._pending.isActive():
            return
        if event.kind not in ("roles", "measures", "targets"):
            self._pending.start()  # structure or departments: work it out again
            return
        model = self.matrix()
        with_findings = self._with_findings() if self._findings_only else None
        for mid in event.measure_ids:
            if self._matches(model.store.measure(mid), with_findings) != (mid in self._matched):
                self._pending.start()  # a measure came in or went out
                return

    def _with_findings(self) -> set[int]:
        tracker = self.matrix().document.findings
        tracker.refresh()  # checks only what edits touched since the last time
        return tracker.measure_ids()

    def _matches(self, m, with_findings: set[int] | None) -> bool:
        t = search_key(self._text)  # （三）2． finds (三)2.
        number = self.matrix().numbers.get(m.id, "")
        if t and not any(t in search_key(f) for f in (number, m.code, m.title, m.text)):
            return False
        store = self.matrix().store
        if self._department_id is not None and store.role(m.id, self._department_id) is None:
            return False
        return with_findings is None or m.id in with_findings

    def _compute(self) -> set[int]:
        model = self.matrix()
        if model is None:
            return set()
        measures = model.store.measures()
        with_findings = self._with_findings() if self._findings_only else None
        matched = {m.id for m in measures if self._matches(m, with_findings)}
        self._matched = matched
        parents = {m.id: m.parent_id for m in measures}
        accepted = set(matched)
        for mid in matched:
            p = parents.get(mid)
            while p is not None and p not in accepted:
                accepted.add(p)
                p = parents.get(p)
        return accepted

    def source_row(self, proxy_row: int) -> int:
        """The matrix row shown at ``proxy_row`` (the same row while nothing is filtered)."""
        if self._accepted is None and self.sourceModel() is self._matrix:
            return proxy_row
        return self.mapToSource(self.index(proxy_row, 0)).row()

    def filterAcceptsRow(  # noqa: N802 (Qt override)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        matrix = self._matrix
        if matrix is None or source_row >= matrix.total_row:  # the totals row: the footer
            return False
        accepted = self._accepted
        return accepted is None or matrix.measure_id(source_row) in accepted
