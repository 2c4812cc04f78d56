"""Workload and coverage figures computed from a plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Department, Measure, Plan, Role
from .tasks import task_ids


@dataclass(frozen=True)
class Workload:
    """How many measures a department leads and supports."""

    department: Department
    lead: int
    support: int

    @property
    def total(self) -> int:
        return self.lead + self.support


def workload(plan: Plan, *, include_collective: bool = False) -> list[Workload]:
    """Per-department counts, busiest first (total, then leads, then display order).

    Collective parties (各地区 …) are left out unless ``include_collective``.
    """
    lead: Counter[int] = Counter()
    support: Counter[int] = Counter()
    for a in plan.assignments:
        (lead if a.role == Role.LEAD else support)[a.department_id] += 1
    rows = [
        Workload(d, lead[d.id], support[d.id])
        for d in plan.departments
        if include_collective or not d.collective
    ]
    return sorted(rows, key=lambda w: (-w.total, -w.lead, w.department.position))


@dataclass(frozen=True)
class PartCoverage:
    """A part (一、…) with its number of tasks and of tasks that have a lead."""

    part: Measure
    tasks: int
    with_lead: int


def measures_per_part(plan: Plan) -> list[PartCoverage]:
    """Tasks per top-level part, in document order."""
    tasks = task_ids(plan)
    leads = {a.measure_id for a in plan.assignments if a.role == Role.LEAD}
    by_id = {m.id: m for m in plan.measures}
    counts: Counter[int] = Counter()
    led: Counter[int] = Counter()
    for m in plan.measures:
        if m.id not in tasks:
            continue
        top = m
        while top.parent_id is not None and top.parent_id in by_id:
            top = by_id[top.parent_id]
        counts[top.id] += 1
        led[top.id] += m.id in leads
    parts = [m for m in plan.measures if m.parent_id is None and counts[m.id]]
    return [PartCoverage(p, counts[p.id], led[p.id]) for p in parts]


def targets_by_year(plan: Plan) -> dict[int | None, int]:
    """Number of targets per target year (None: no year), years ascending, None last."""
    counts = Counter(t.year for t in plan.targets)
    years = sorted(y for y in counts if y is not None)
    ordered: dict[int | None, int] = {y: counts[y] for y in years}
    if None in counts:
        ordered[None] = counts[None]
    return ordered
