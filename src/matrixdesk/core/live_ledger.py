"""The progress ledger worked out for the cells a window shows, kept current edit by edit.

:func:`~matrixdesk.core.ledger.build_ledger` rolls up a whole plan in one pass; colouring the
grid by status with it meant a copy of the plan and a pass over it after every edit (about a
second at 30,000 measures). :class:`LiveLedger` answers the same questions — a cell's status
and what it means, whether a measure is overdue, a measure's or a department's tally — for
the cells asked about, from the plan as the store holds it (no copy), and remembers the
answers until an edit touches them. Its answers are those of ``build_ledger`` for the same
plan, period and day (``tests/core/test_live_ledger.py`` compares them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from .deadline import deadline_date
from .ledger import Key, Tally, _count
from .model import Assignment, Department, Measure, Role
from .progress import Meaning, ProgressEntry, Schedule


class LedgerReader(Protocol):
    """What the live ledger reads: :class:`matrixdesk.store.MatrixStore` provides all of it."""

    def measures(self) -> list[Measure]: ...
    def measure(self, measure_id: int) -> Measure: ...
    def department(self, department_id: int) -> Department: ...
    def assignments_of(self, measure_id: int) -> Sequence[Assignment]: ...
    def role(self, measure_id: int, department_id: int) -> Role | None: ...
    def is_task(self, measure_id: int) -> bool: ...
    def schedule(self) -> Schedule: ...
    def progress_entries(self, period: str | None = None) -> list[ProgressEntry]: ...


class LiveLedger:
    """The ledger of ``period`` as it stands on ``today``, asked cell by cell.

    Parameters
    ----------
    reader
        The plan (a :class:`LedgerReader`: the store).
    period, today
        What :func:`~matrixdesk.core.ledger.build_ledger` takes.
    """

    def __init__(self, reader: LedgerReader, period: str, today: dt.date) -> None:
        self.reader = reader
        self.period = period
        self.today = today
        self._latest: dict[Key, ProgressEntry] | None = None  # read when first needed
        self._reported: set[Key] = set()
        self._overdue: dict[int, bool] = {}
        self._by_measure: dict[int, Tally | None] = {}
        self._by_department: dict[int, Tally | None] = {}
        self.read = 0  # measures worked out (tests count the work)

    # -- following the plan ----------------------------------------------------------------
    def touch(self, measure_ids: Iterable[int]) -> None:
        """These measures' assignments, deadline or targets changed."""
        for mid in measure_ids:
            self._overdue.pop(mid, None)
            self._by_measure.pop(mid, None)
        self._by_department.clear()  # tooltips only: worked out again when asked

    def touch_all(self) -> None:
        """Reports, departments or the plan's structure changed: forget everything."""
        self._latest = None
        self._overdue.clear()
        self._by_measure.clear()
        self._by_department.clear()

    # -- questions -------------------------------------------------------------------------
    def cell(self, measure_id: int, department_id: int) -> tuple[str, Meaning] | None:
        """(status as reported, what it means) of a cell; None when the ledger leaves it out
        (not assigned, a collective party, or a heading)."""
        if self.reader.role(measure_id, department_id) is None:
            return None
        if self.reader.department(department_id).collective:
            return None
        if not self.reader.is_task(measure_id):
            return None
        return self._status(measure_id, department_id)

    def overdue(self, measure_id: int) -> bool:
        """Past its deadline and not done (as ``Ledger.overdue``)."""
        found = self._overdue.get(measure_id)
        if found is None:
            found = self._overdue[measure_id] = self._is_overdue(measure_id)
        return found

    def measure_tally(self, measure_id: int) -> Tally | None:
        """As ``Ledger.by_measure.get(measure_id)``."""
        if measure_id not in self._by_measure:
            self._by_measure[measure_id] = self._tally([measure_id], None)
        return self._by_measure[measure_id]

    def department_tally(self, department_id: int) -> Tally | None:
        """As ``Ledger.by_department.get(department_id)``: one look at every measure (for a
        tooltip, when asked; remembered until the next edit)."""
        if department_id not in self._by_department:
            if self.reader.department(department_id).collective:
                self._by_department[department_id] = None
            else:
                ids = [m.id for m in self.reader.measures()]
                self._by_department[department_id] = self._tally(ids, department_id)
        return self._by_department[department_id]

    # -- the work ----------------------------------------------------------------------------
    def _entries(self) -> dict[Key, ProgressEntry]:
        if self._latest is None:
            latest: dict[Key, ProgressEntry] = {}
            reported: set[Key] = set()
            for e in self.reader.progress_entries():
                if e.period > self.period:
                    continue
                key = (e.measure_id, e.department_id)
                old = latest.get(key)
                if old is None or e.period > old.period:
                    latest[key] = e
                if e.period == self.period:
                    reported.add(key)
            self._latest, self._reported = latest, reported
        return self._latest

    def _status(self, measure_id: int, department_id: int) -> tuple[str, Meaning]:
        entry = self._entries().get((measure_id, department_id))
        name = entry.status if entry else ""
        sense = (self.reader.schedule().meaning(name) if name else None) or Meaning.TODO
        return name, sense

    def _counted(self, measure_id: int) -> list[Assignment]:
        """The measure's assignments the ledger counts (none for a heading)."""
        if not self.reader.is_task(measure_id):
            return []
        department = self.reader.department
        return [
            a
            for a in self.reader.assignments_of(measure_id)
            if not department(a.department_id).collective
        ]

    def _is_overdue(self, measure_id: int) -> bool:
        self.read += 1
        counted = self._counted(measure_id)
        if not counted:
            return False
        deciders = [a for a in counted if a.role == Role.LEAD] or counted
        done = all(self._status(measure_id, a.department_id)[1] == Meaning.DONE for a in deciders)
        due = deadline_date(self.reader.measure(measure_id).deadline)
        return not done and due is not None and due < self.today

    def _tally(self, measure_ids: Iterable[int], department_id: int | None) -> Tally | None:
        tally: Tally | None = None
        self._entries()
        role = self.reader.role
        for mid in measure_ids:
            if department_id is not None and role(mid, department_id) is None:
                continue  # (a department's tally looks at every measure: cheaply)
            for a in self._counted(mid):
                if department_id is not None and a.department_id != department_id:
                    continue
                tally = tally or Tally()
                key = (mid, a.department_id)
                _count(tally, self._status(*key)[1], key in self._reported, mid)
                if department_id is not None and self.overdue(mid):
                    tally.overdue += 1
            if department_id is None and tally is not None and self.overdue(mid):
                tally.overdue = 1
        return tally
