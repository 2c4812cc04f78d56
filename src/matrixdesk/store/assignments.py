"""Edits of the matrix's cells (who leads, who supports), mixed into :class:`MatrixStore`.

A cell edit costs the same in a plan of 30,000 measures as in one of thirty: the in-memory
index is changed only where the edit touched it (the measure's own assignments, the counts of
the departments involved), never copied or rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace

from ..core.model import Assignment, Role
from .base import StoreBase
from .events import StoreEvent

RoleChange = tuple[int, int, Role | None]  # (measure id, department id, new role or None)


class AssignmentEdits(StoreBase):
    """Setting, clearing and restoring cells (one transaction a call)."""

    def set_roles(self, changes: Iterable[RoleChange], summary: str = "") -> None:
        """Set or clear many cells in one transaction. ``None`` clears a cell.

        A new cell goes after the measure's other departments in the written order. The work
        is proportional to the cells changed, whatever the size of the plan.
        """
        changes = list(changes)
        for m, d, _ in changes:
            self.measure(m), self.department(d)
        detail = [  # the name as it is today: the log keeps it through a later rename
            {"measure": m, "department": d, "name": self._department_by_id[d].name}
            | {"old": self.role(m, d), "new": r}
            for m, d, r in changes
        ]
        work: dict[int, dict[int, Assignment]] = {}  # touched measures, changed copies
        next_position: dict[int, int] = {}
        for m, d, role in changes:
            cells = work.get(m)
            if cells is None:
                cells = work[m] = dict(self._by_measure.get(m, {}))
            if role is None:
                cells.pop(d, None)
                continue
            old = cells.get(d)
            if old is None:
                if m not in next_position:
                    next_position[m] = max((a.position for a in cells.values()), default=-1) + 1
                position = next_position[m]
                next_position[m] = position + 1
            else:
                position = old.position
            cells[d] = Assignment(m, d, Role(role), position)
        cleared = [(m, d) for m, d, r in changes if r is None]
        kept = [cells[d] for m, cells in work.items() for d in cells]
        with self._edit("roles", summary or f"{len(changes)} cells", {"cells": detail}):
            self.db.conn.executemany(
                "DELETE FROM assignments WHERE measure_id = ? AND department_id = ?", cleared
            )
            self.db.conn.executemany(_UPSERT_ASSIGNMENT, [_assignment_values(a) for a in kept])
        self._install(work)
        self._notify(
            StoreEvent(
                "roles",
                tuple(sorted(work)),
                tuple(sorted({d for _, d, _ in changes})),
                tuple(dict.fromkeys((m, d) for m, d, _ in changes)),
            )
        )

    def set_role(self, measure_id: int, department_id: int, role: Role | None) -> None:
        self.set_roles([(measure_id, department_id, role)])

    def replace_assignments(self, by_measure: dict[int, list[Assignment]]) -> None:
        """Replace all assignments of the given measures in one transaction, in the given order.

        Undo uses it to put cells back exactly, written order included.
        """
        for measure_id in by_measure:
            self.measure(measure_id)
        old = [a for m in by_measure for a in self.assignments_of(m)]
        new = [replace(a) for group in by_measure.values() for a in group]
        marks = ",".join("?" * len(by_measure))
        detail = {"measures": list(by_measure), "old": [asdict(a) for a in old]}
        with self._edit("assignments", f"{len(by_measure)} measures", detail):
            self.db.execute(
                f"DELETE FROM assignments WHERE measure_id IN ({marks})", list(by_measure)
            )
            self.db.conn.executemany(_UPSERT_ASSIGNMENT, [_assignment_values(a) for a in new])
        work: dict[int, dict[int, Assignment]] = {m: {} for m in by_measure}
        for a in new:
            work.setdefault(a.measure_id, {})[a.department_id] = a
        self._install(work)
        cells = {(a.measure_id, a.department_id): None for a in old + new}
        departments = tuple(sorted({d for _, d in cells}))
        self._notify(StoreEvent("roles", tuple(by_measure), departments, tuple(cells)))

    def _install(self, work: dict[int, dict[int, Assignment]]) -> None:
        """Make ``work`` (measure id → its complete new assignments) the in-memory state,
        keeping the per-department counts in step."""
        for m, cells in work.items():
            for a in self._by_measure.pop(m, {}).values():
                self._count(a, -1)
            if cells:
                self._by_measure[m] = cells
            for a in cells.values():
                self._count(a, 1)

    def _count(self, a: Assignment, step: int) -> None:
        counts = self._lead_of if a.role == Role.LEAD else self._support_of
        counts[a.department_id] = counts.get(a.department_id, 0) + step
        self._assignment_count += step


_UPSERT_ASSIGNMENT = (
    "INSERT INTO assignments (measure_id, department_id, role, position) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (measure_id, department_id) DO UPDATE SET role = excluded.role,"
    " position = excluded.position"
)


def _assignment_values(a: Assignment) -> tuple[int, int, str, int]:
    return a.measure_id, a.department_id, str(a.role), a.position
