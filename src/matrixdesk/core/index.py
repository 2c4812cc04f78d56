"""Lookups over a whole plan, built once in one pass.

:class:`~matrixdesk.core.model.Plan` keeps plain lists, and its own lookups
(``assignments_of``, ``targets_of``, ``measure`` …) scan them: fine for one question, quadratic
when asked once per measure. Everything that walks a whole plan (the check, ``show``, the
reports, the workbooks) builds a :class:`PlanIndex` first and asks it instead.
"""

from __future__ import annotations

from .model import Assignment, Department, Measure, Plan, Target

_NONE: tuple = ()


class PlanIndex:
    """Dictionaries over ``plan``: by id, a measure's assignments and targets in written order,
    a department's assignments, names and aliases.

    The index is a snapshot: build it after the plan is complete, not while filling it.

    Parameters
    ----------
    plan
        The plan to index; kept as :attr:`plan`.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.measures: dict[int, Measure] = {m.id: m for m in plan.measures}
        self.departments: dict[int, Department] = {d.id: d for d in plan.departments}
        self.names: dict[int, str] = {d.id: d.name for d in plan.departments}
        self.by_measure: dict[int, list[Assignment]] = {}
        self.by_department: dict[int, list[Assignment]] = {}
        for a in sorted(plan.assignments, key=_position):
            self.by_measure.setdefault(a.measure_id, []).append(a)
            self.by_department.setdefault(a.department_id, []).append(a)
        self.targets: dict[int, list[Target]] = {}
        for t in sorted(plan.targets, key=_position):
            self.targets.setdefault(t.measure_id, []).append(t)
        self._named: dict[str, Department] | None = None

    def measure(self, measure_id: int) -> Measure:
        """The measure with ``measure_id``; KeyError when there is none."""
        return self.measures[measure_id]

    def department(self, department_id: int) -> Department:
        """The department with ``department_id``; KeyError when there is none."""
        return self.departments[department_id]

    def assignments_of(self, measure_id: int) -> list[Assignment] | tuple:
        """The measure's assignments in the order written (do not change the list)."""
        return self.by_measure.get(measure_id, _NONE)

    def targets_of(self, measure_id: int) -> list[Target] | tuple:
        """The measure's targets in their order (do not change the list)."""
        return self.targets.get(measure_id, _NONE)

    def department_named(self, name: str) -> Department | None:
        """The first department called ``name`` or having it as an alias, as
        :meth:`Plan.department_named` answers."""
        if self._named is None:
            named: dict[str, Department] = {}
            for d in self.plan.departments:
                for key in (d.name, *d.aliases):
                    named.setdefault(key, d)
            self._named = named
        return self._named.get(name)


def _position(item: Assignment | Target) -> int:
    return item.position
