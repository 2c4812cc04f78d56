"""The reads of :class:`MatrixStore`, mixed into it: the plan as the views and exporters see
it, answered from the in-memory index, and the loading that builds that index from the file.

Reads never touch the disk (but for options and the change log): a grid of 10,000 × 500
cells asks for a role thousands of times a second, and the counts are kept up to date by
every edit, so each answer takes constant time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from ..core.model import Assignment, Department, DocumentInfo, Measure, Plan, Role, Target
from . import rows
from .base import StoreBase
from .checks import plan_problems
from .errors import EditError, InvalidPlanError
from .verify import damaged


class PlanReads(StoreBase):
    """Reading the open plan: its measures, departments, cells, targets and counts."""

    def info(self) -> DocumentInfo:
        return replace(self._info)

    def source_text(self) -> str:
        return self._source

    def measures(self) -> list[Measure]:
        """All measures and headings in document order."""
        return list(self._measures)

    def measure(self, measure_id: int) -> Measure:
        try:
            return self._measure_by_id[measure_id]
        except KeyError:
            raise EditError(self.path, f"no measure {measure_id}") from None

    def departments(self) -> list[Department]:
        """All departments in their display order."""
        return list(self._departments)

    def department(self, department_id: int) -> Department:
        try:
            return self._department_by_id[department_id]
        except KeyError:
            raise EditError(self.path, f"no department {department_id}") from None

    def department_named(self, name: str) -> Department | None:
        for d in self._departments:
            if d.name == name or name in d.aliases:
                return d
        return None

    def role(self, measure_id: int, department_id: int) -> Role | None:
        cells = self._by_measure.get(measure_id)
        if cells is None:
            return None
        a = cells.get(department_id)
        return a.role if a else None

    def assignments(self) -> list[Assignment]:
        """Every assignment (a new list: a whole-plan read, not for every edit)."""
        return [a for cells in self._by_measure.values() for a in cells.values()]

    def assignments_of(self, measure_id: int) -> list[Assignment]:
        """One measure's assignments in the order written."""
        return sorted(self._by_measure.get(measure_id, {}).values(), key=_position)

    def targets(self, measure_id: int | None = None) -> list[Target]:
        if measure_id is not None:
            return list(self._targets.get(measure_id, []))
        return [t for m in self._measures for t in self._targets.get(m.id, [])]

    # -- counts (kept up to date by every edit; constant time) ------------------------------
    def measure_count(self) -> int:
        return len(self._measures)

    def department_count(self) -> int:
        return len(self._departments)

    def assignment_count(self) -> int:
        return self._assignment_count

    def measure_counts(self, measure_id: int) -> tuple[int, int]:
        """(lead, support): how many departments lead and support the measure."""
        cells = self._by_measure.get(measure_id)
        if not cells:
            return 0, 0
        lead = sum(a.role == Role.LEAD for a in cells.values())
        return lead, len(cells) - lead

    def department_counts(self, department_id: int) -> tuple[int, int]:
        """(lead, support): how many measures the department leads and supports."""
        return self._lead_of.get(department_id, 0), self._support_of.get(department_id, 0)

    def has_children(self, measure_id: int) -> bool:
        """Whether the measure has sub-measures."""
        return self._children.get(measure_id, 0) > 0

    def is_task(self, measure_id: int) -> bool:
        """Whether someone must carry the measure out (the rule of :func:`core.tasks.task_ids`):
        it is annotated or assigned, or a numbered item with no sub-measures."""
        m = self._measure_by_id[measure_id]
        return (
            m.annotated
            or measure_id in self._by_measure
            or (m.level >= 2 and not self._children.get(measure_id))
        )

    def plan(self, *, copy: bool = True) -> Plan:
        """A snapshot of the whole plan as core objects (exporters and reports use it).

        ``copy=False`` hands out the store's own measure and department objects instead of
        copies: for a reader that closes the store at once (the command line), not one that
        keeps the plan while edits go on.
        """
        measures = [replace(m) for m in self._measures] if copy else list(self._measures)
        departments = (
            [replace(d, aliases=list(d.aliases)) for d in self._departments]
            if copy
            else list(self._departments)
        )
        return Plan(
            info=self.info(),
            source_text=self._source,
            measures=measures,
            departments=departments,
            assignments=sorted(self.assignments(), key=lambda a: (a.measure_id, a.position)),
            targets=self.targets(),
            schedule=self._schedule,
            progress=[replace(e) for e in self._progress.values()],
            actuals=[replace(a) for a in self._actuals.values()],
        )

    def option(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM options WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def changes(self, limit: int = 100) -> list[dict]:
        """The newest change-log rows, newest first."""
        sql = "SELECT id, at, action, summary, detail FROM changelog ORDER BY id DESC LIMIT ?"
        cur = self.db.execute(sql, [limit])
        return [dict(zip(["id", "at", "action", "summary", "detail"], r, strict=True)) for r in cur]

    # -- loading -----------------------------------------------------------------------------
    def _next_id(self, table: str) -> int:
        return (self.db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1

    def _load(self) -> None:
        try:
            problems = plan_problems(self.db.conn, ledger=self.db.table("progress").exists())
            if problems:
                raise InvalidPlanError(self.path, problems)
            self._info = rows.read_info(self.db)
            row = self.db.execute("SELECT text FROM source ORDER BY id LIMIT 1").fetchone()
            self._source = row[0] if row else ""
            self._reload()
        except sqlite3.DataError as exc:  # a value over MAX_VALUE_BYTES
            raise InvalidPlanError(self.path, [f"a value is too large to read ({exc})"]) from exc
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from exc

    def _reload(self) -> None:
        self._measures = rows.read_measures(self.db, renumber=True)
        self._measure_by_id = {m.id: m for m in self._measures}
        self._children = rows.count_children(self.db)
        self._departments = rows.read_departments(self.db)
        self._department_by_id = {d.id: d for d in self._departments}
        self._by_measure = rows.read_assignments_by_measure(self.db)
        self._lead_of, self._support_of = rows.count_roles(self._by_measure)
        self._assignment_count = sum(self._lead_of.values()) + sum(self._support_of.values())
        self._reload_targets()
        self._reload_progress()

    def _reload_targets(self) -> None:
        self._targets: dict[int, list[Target]] = {}
        self._target_by_id: dict[int, Target] = {}
        for t in rows.read_targets(self.db):
            self._targets.setdefault(t.measure_id, []).append(t)
            self._target_by_id[t.id] = t


def _position(a: Assignment) -> int:
    return a.position
