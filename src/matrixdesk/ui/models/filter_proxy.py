"""Filtering the matrix rows: text search, one department's measures, measures with findings.

The accepted measures are worked out once per filter change (a set of ids, with the headings
above every match kept so a match is never shown without its part and item); then
``filterAcceptsRow`` is one set lookup. The totals row is never passed through: the matrix
view pins it under the grid as a footer (from the model's ``ItemRole.TOTAL`` header data), so
the proxy's rows are exactly the shown measures. When the plan changes while a filter is on,
the set is worked out again on the next turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, QTimer, Signal

from ...core.model import Plan
from ...core.validate import validate
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
        self._matrix: MatrixModel | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refilter)

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        old = self.sourceModel()
        if old is not None:
            for signal in (old.dataChanged, old.rowsInserted, old.rowsRemoved, old.modelReset):
                signal.disconnect(self._source_changed)
        self._matrix = model
        super().setSourceModel(model)
        if model is not None:
            for signal in (
                model.dataChanged,
                model.rowsInserted,
                model.rowsRemoved,
                model.modelReset,
            ):
                signal.connect(self._source_changed)
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
        self.beginFilterChange()
        self._accepted = self._compute() if self.active else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.refiltered.emit()

    def _source_changed(self, *args) -> None:
        if self.active:
            self._pending.start()

    def _compute(self) -> set[int]:
        model = self.matrix()
        if model is None:
            return set()
        store = model.store
        measures = store.measures()
        matched = {m.id for m in measures}
        if self._text:
            t = self._text
            matched = {
                m.id
                for m in measures
                if t in m.code.casefold()
                or t in m.title.casefold()
                or t in m.text.casefold()
                or t in m.label.casefold()
            }
        if self._department_id is not None:
            dep = self._department_id
            matched &= {m.id for m in measures if store.role(m.id, dep) is not None}
        if self._findings_only:
            plan = Plan(
                measures=measures,
                departments=store.departments(),
                assignments=store.assignments(),
                targets=store.targets(),
            )
            matched &= {f.measure_id for f in validate(plan) if f.measure_id is not None}
        parents = {m.id: m.parent_id for m in measures}
        accepted = set(matched)
        for mid in matched:
            p = parents.get(mid)
            while p is not None and p not in accepted:
                accepted.add(p)
                p = parents.get(p)
        return accepted

    def filterAcceptsRow(  # noqa: N802 (Qt override)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        matrix = self._matrix
        if matrix is None or source_row >= matrix.total_row:  # the totals row: the footer
            return False
        accepted = self._accepted
        return accepted is None or matrix.measure_id(source_row) in accepted
