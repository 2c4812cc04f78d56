"""The plan check kept up to date edit by edit.

:func:`~matrixdesk.core.validate.validate` checks a whole plan; a window cannot afford that
after every click on a plan of 30,000 measures. A :class:`FindingsTracker` checks the plan once,
then is told which measures and departments an edit touched (:meth:`~FindingsTracker.touch`)
and, when asked (:meth:`~FindingsTracker.refresh`), checks those again and nothing else. Its
findings are always in the order :func:`validate` gives them, and listeners learn each change as
a :class:`Splice` of that list, so a list view can insert and remove just those rows.

The tracker reads the plan through :class:`PlanReader` (the store's reading methods), so it
holds no copy of the plan.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .model import Assignment, Department, Measure, Target
from .validate import (
    Finding,
    Severity,
    duplicate_findings,
    measure_findings,
    unassigned_finding,
)

#: Above this many touched measures a refresh checks the whole plan again (one pass is then
#: cheaper than many small list edits, and a view resets once instead of flickering).
FULL_CHECK_AFTER = 2000


class PlanReader(Protocol):
    """What the tracker reads: :class:`matrixdesk.store.MatrixStore` provides all of it."""

    def measures(self) -> list[Measure]: ...
    def departments(self) -> list[Department]: ...
    def measure(self, measure_id: int) -> Measure: ...
    def department(self, department_id: int) -> Department: ...
    def assignments_of(self, measure_id: int) -> Sequence[Assignment]: ...
    def targets(self, measure_id: int | None = None) -> list[Target]: ...
    def is_task(self, measure_id: int) -> bool: ...
    def department_counts(self, department_id: int) -> tuple[int, int]: ...


@dataclass(frozen=True)
class Splice:
    """``removed`` findings from row ``start`` on were replaced by ``inserted``."""

    start: int
    removed: int
    inserted: tuple[Finding, ...]


#: A listener gets the splices of one refresh, or None when the whole list was rebuilt.
Listener = Callable[[list[Splice] | None], None]

_MEASURES, _DEPARTMENTS = 0, 1


class FindingsTracker:
    """The findings of a plan, re-checked only where edits touched it.

    Parameters
    ----------
    reader
        The plan to check (a :class:`PlanReader`).
    """

    def __init__(self, reader: PlanReader) -> None:
        self.reader = reader
        self._rows: list[Finding] = []
        self._keys: list[tuple[int, int]] = []  # (0, measure position) or (1, department position)
        self._measure_at: dict[int, int] = {}
        self._department_at: dict[int, int] = {}
        self._duplicates: dict[int, Finding] = {}
        self._measures: set[int] = set()
        self._departments: set[int] = set()
        self._everything = True  # nothing checked yet
        self.ever_checked = False
        self._listeners: list[Listener] = []
        self.errors = 0
        self.warnings = 0
        self.checked = 0  # measures and departments checked so far (tests count the work)

    # -- being told ------------------------------------------------------------------------
    def touch(self, measure_ids: Iterable[int] = (), department_ids: Iterable[int] = ()) -> None:
        """The edit just made changed these measures and departments (their assignments,
        targets or texts); they are checked again at the next :meth:`refresh`."""
        self._measures.update(measure_ids)
        self._departments.update(department_ids)

    def touch_all(self) -> None:
        """The plan changed in ways that need a whole check (structure, departments)."""
        self._everything = True

    @property
    def pending(self) -> bool:
        """Something was touched and not checked yet."""
        return self._everything or bool(self._measures or self._departments)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- reading ---------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """The findings as of the last refresh, in :func:`validate`'s order (do not change)."""
        return self._rows

    def measure_ids(self) -> set[int]:
        """The measures that have findings (as of the last refresh)."""
        return {f.measure_id for f in self._rows if f.measure_id is not None}

    # -- checking --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Check what was touched since the last refresh, and tell the listeners."""
        if not self.pending:
            return
        if self._everything or len(self._measures) > FULL_CHECK_AFTER:
            self._check_all()
            self._tell(None)
            return
        splices = [self._check_measure(mid) for mid in sorted(self._measures)]
        splices += [self._check_department(did) for did in sorted(self._departments)]
        self._measures.clear()
        self._departments.clear()
        changed = [s for s in splices if s is not None]
        if changed:
            self._tell(changed)

    def _tell(self, splices: list[Splice] | None) -> None:
        for listener in list(self._listeners):
            listener(splices)

    def _check_all(self) -> None:
        reader = self.reader
        measures = reader.measures()
        departments = reader.departments()
        self._measure_at = {m.id: i for i, m in enumerate(measures)}
        self._department_at = {d.id: i for i, d in enumerate(departments)}
        self._duplicates = {f.department_id: f for f in duplicate_findings(departments)}  # type: ignore[misc]
        rows: list[Finding] = []
        keys: list[tuple[int, int]] = []
        for i, m in enumerate(measures):
            found = self._measure_findings(m)
            rows += found
            keys += [(_MEASURES, i)] * len(found)
        for i, d in enumerate(departments):
            found = self._department_findings(d)
            rows += found
            keys += [(_DEPARTMENTS, i)] * len(found)
        self._rows, self._keys = rows, keys
        self.errors = sum(f.severity == Severity.ERROR for f in rows)
        self.warnings = len(rows) - self.errors
        self._measures.clear()
        self._departments.clear()
        self._everything = False
        self.ever_checked = True

    def _measure_findings(self, m: Measure) -> list[Finding]:
        self.checked += 1
        reader = self.reader
        return measure_findings(
            m, reader.assignments_of(m.id), reader.targets(m.id), reader.is_task(m.id)
        )

    def _department_findings(self, d: Department) -> list[Finding]:
        self.checked += 1
        unassigned = unassigned_finding(d, sum(self.reader.department_counts(d.id)))
        return [f for f in (unassigned, self._duplicates.get(d.id)) if f is not None]

    def _check_measure(self, measure_id: int) -> Splice | None:
        at = self._measure_at.get(measure_id)
        if at is None:  # not a measure of the plan as last checked whole
            return None
        found = self._measure_findings(self.reader.measure(measure_id))
        return self._splice((_MEASURES, at), found)

    def _check_department(self, department_id: int) -> Splice | None:
        at = self._department_at.get(department_id)
        if at is None:
            return None
        found = self._department_findings(self.reader.department(department_id))
        return self._splice((_DEPARTMENTS, at), found)

    def _splice(self, key: tuple[int, int], found: list[Finding]) -> Splice | None:
        start, stop = bisect_left(self._keys, key), bisect_right(self._keys, key)
        if self._rows[start:stop] == found:
            return None
        for f in self._rows[start:stop]:
            self._count(f, -1)
        for f in found:
            self._count(f, 1)
        self._rows[start:stop] = found
        self._keys[start:stop] = [key] * len(found)
        return Splice(start, stop - start, tuple(found))

    def _count(self, finding: Finding, step: int) -> None:
        if finding.severity == Severity.ERROR:
            self.errors += step
        else:
            self.warnings += step
