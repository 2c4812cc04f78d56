"""Workload and coverage figures computed from a plan."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Department, Measure, Plan, Role
from .tasks import task_ids

if TYPE_CHECKING:
    from .findings import PlanReader


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


class LiveStats:
    """The chart figures of a plan (workload, tasks per part, targets per year), kept up to
    date from the edits themselves.

    It reads the plan through a :class:`~matrixdesk.core.findings.PlanReader` (the store) and
    holds no copy of it. :meth:`touch` names the measures an edit changed; the next question
    re-reads only those. Workload comes from the reader's per-department counts, which the
    store keeps current, so it costs one look per department.
    """

    def __init__(self, reader: PlanReader) -> None:
        self.reader = reader
        self._parts: list[int] = []
        self._part_of: dict[int, int] = {}
        self._task: dict[int, tuple[bool, bool]] = {}  # measure id -> (is a task, has a lead)
        self._years: dict[int, list[int | None]] = {}  # measure id -> its targets' years
        self._dirty: set[int] = set()
        self._everything = True
        self.read = 0  # measures read so far (tests count the work)

    def touch(self, measure_ids: Iterable[int]) -> None:
        """These measures' assignments or targets changed."""
        self._dirty.update(measure_ids)

    def touch_all(self) -> None:
        """Measures were added, removed or moved, or the whole plan was replaced."""
        self._everything = True

    def workload(self, *, include_collective: bool = False) -> list[Workload]:
        """As :func:`workload` computes it for the whole plan."""
        rows = []
        for d in self.reader.departments():
            if include_collective or not d.collective:
                lead, support = self.reader.department_counts(d.id)
                rows.append(Workload(d, lead, support))
        return sorted(rows, key=lambda w: (-w.total, -w.lead, w.department.position))

    def parts(self) -> list[PartCoverage]:
        """As :func:`measures_per_part` computes it for the whole plan."""
        self._catch_up()
        tasks: Counter[int] = Counter()
        led: Counter[int] = Counter()
        for mid, (task, lead) in self._task.items():
            if task:
                tasks[self._part_of[mid]] += 1
                led[self._part_of[mid]] += lead
        return [
            PartCoverage(self.reader.measure(p), tasks[p], led[p]) for p in self._parts if tasks[p]
        ]

    def targets_by_year(self) -> dict[int | None, int]:
        """As :func:`targets_by_year` computes it for the whole plan."""
        self._catch_up()
        counts: Counter[int | None] = Counter(y for years in self._years.values() for y in years)
        ordered: dict[int | None, int] = {
            y: counts[y] for y in sorted(k for k in counts if k is not None)
        }
        if None in counts:
            ordered[None] = counts[None]
        return ordered

    def _catch_up(self) -> None:
        if self._everything:
            measures = self.reader.measures()
            parent = {m.id: m.parent_id for m in measures}
            self._parts = [m.id for m in measures if m.parent_id is None]
            self._part_of = {}
            for m in measures:
                top = m.id
                while parent.get(top) is not None and parent[top] in parent:
                    top = parent[top]  # type: ignore[assignment]
                self._part_of[m.id] = top
            self._task, self._years = {}, {}
            self._dirty = set(parent)
            self._everything = False
        for mid in self._dirty:
            if mid in self._part_of:
                self._read_measure(mid)
        self._dirty.clear()

    def _read_measure(self, measure_id: int) -> None:
        self.read += 1
        reader = self.reader
        lead = any(a.role == Role.LEAD for a in reader.assignments_of(measure_id))
        self._task[measure_id] = (reader.is_task(measure_id), lead)
        years = [t.year for t in reader.targets(measure_id)]
        if years:
            self._years[measure_id] = years
        else:
            self._years.pop(measure_id, None)
