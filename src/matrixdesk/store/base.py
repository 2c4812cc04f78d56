"""What the edit mixins may rely on: the state and the few services :class:`MatrixStore` gives.

Declared once here so the mixins (``measures.py``, ``departments.py``, ``assignments.py``,
``reads.py`` …) type-check on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlite_utils import Database

from ..core.model import Assignment, Department, DocumentInfo, Measure, Role, Target
from ..core.progress import Actual, ProgressEntry, Schedule
from .events import StoreEvent


class StoreBase:
    """State and services shared by the store and its edit mixins."""

    db: Database
    path: str
    read_only: bool
    _info: DocumentInfo
    _source: str
    _measures: list[Measure]
    _measure_by_id: dict[int, Measure]
    _departments: list[Department]
    _department_by_id: dict[int, Department]
    _assignment_count: int
    _by_measure: dict[int, dict[int, Assignment]]  # measure id -> department id -> assignment
    _lead_of: dict[int, int]  # department id -> measures it leads
    _support_of: dict[int, int]
    _children: dict[int, int]  # measure id -> number of sub-measures
    _targets: dict[int, list[Target]]
    _target_by_id: dict[int, Target]
    _observers: list[Callable[[StoreEvent], None]]
    _schedule: Schedule
    _progress: dict[tuple[int, int, str], ProgressEntry]
    _actuals: dict[tuple[int, str], Actual]
    _removed_actuals: dict[int, list[Actual]]  # of removed targets, given back on undo

    # Provided by MatrixStore.
    def _edit(self, action: str, summary: str, detail: dict) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _notify(self, event: StoreEvent) -> None:
        raise NotImplementedError

    # Provided by ProgressEdits (the ledger follows removals of measures and departments).
    def _reload_progress(self) -> None:
        raise NotImplementedError

    def _progress_of_measures(self, ids: set[int]) -> tuple[list, list]:
        raise NotImplementedError

    def _delete_progress_of_measures(self, ids: set[int]) -> None:
        raise NotImplementedError

    def _restore_progress_rows(self, entries: list, actuals: list) -> None:
        raise NotImplementedError

    # Provided by PlanReads.
    def _reload(self) -> None:
        raise NotImplementedError

    def _reload_targets(self) -> None:
        raise NotImplementedError

    def _next_id(self, table: str) -> int:
        raise NotImplementedError

    def measure(self, measure_id: int) -> Measure:
        raise NotImplementedError

    def department(self, department_id: int) -> Department:
        raise NotImplementedError

    def department_named(self, name: str) -> Department | None:
        raise NotImplementedError

    def role(self, measure_id: int, department_id: int) -> Role | None:
        raise NotImplementedError

    def assignments_of(self, measure_id: int) -> list[Assignment]:
        raise NotImplementedError
