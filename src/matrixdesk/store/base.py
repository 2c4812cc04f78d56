"""What the edit mixins may rely on: the state and the few services :class:`MatrixStore` gives.

Declared once here so the mixins (``measures.py``, ``departments.py``) type-check on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlite_utils import Database

from ..core.model import Assignment, Department, DocumentInfo, Measure, Target
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
    _assign: dict[tuple[int, int], Assignment]
    _targets: dict[int, list[Target]]
    _observers: list[Callable[[StoreEvent], None]]

    # Provided by MatrixStore.
    def _edit(self, action: str, summary: str, detail: dict) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _notify(self, event: StoreEvent) -> None:
        raise NotImplementedError

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
