"""Reading the progress ledger (进展台账): latest reports, roll-ups, overdue tasks, 催报.

All functions work on a :class:`~matrixdesk.core.model.Plan` (or its lists) in one pass and
take the period and the day they judge by, so reports of past periods come out as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .deadline import deadline_date
from .model import Plan, Role
from .progress import Actual, Meaning, ProgressEntry, Schedule
from .tasks import task_ids

Key = tuple[int, int]  # (measure id, department id)


def latest(entries: Iterable[ProgressEntry], period: str) -> dict[Key, ProgressEntry]:
    """Per assignment, its newest entry of ``period`` or before (the status it stands at)."""
    return _newest(e for e in entries if e.period <= period)


def previous(entries: Iterable[ProgressEntry], period: str) -> dict[Key, ProgressEntry]:
    """Per assignment, its newest entry strictly before ``period`` (what it said last time)."""
    return _newest(e for e in entries if e.period < period)


def _newest(entries: Iterable[ProgressEntry]) -> dict[Key, ProgressEntry]:
    found: dict[Key, ProgressEntry] = {}
    for e in entries:
        key = (e.measure_id, e.department_id)
        old = found.get(key)
        if old is None or e.period > old.period:
            found[key] = e
    return found


def previous_actuals(actuals: Iterable[Actual], period: str) -> dict[int, Actual]:
    """Per target, its newest value strictly before ``period``."""
    found: dict[int, Actual] = {}
    for a in actuals:
        if a.period < period and (a.target_id not in found or a.period > found[a.target_id].period):
            found[a.target_id] = a
    return found


@dataclass
class Tally:
    """How a measure or a department stands in one period."""

    tasks: int = 0
    reported: int = 0  # assignments with an entry for the period itself
    done: int = 0
    doing: int = 0
    late: int = 0
    todo: int = 0  # said 未开始, or never said anything
    overdue: int = 0  # past the deadline and not done
    measure_ids: list[int] = field(default_factory=list)  # outstanding: not done

    @property
    def not_reported(self) -> int:
        return self.tasks - self.reported


@dataclass
class Ledger:
    """The roll-ups of one period, judged on one day."""

    period: str
    today: dt.date
    status: dict[Key, str]  # the latest status of each assignment
    meaning: dict[Key, Meaning]
    reported: set[Key]
    by_department: dict[int, Tally]
    by_measure: dict[int, Tally]
    overdue: set[int]  # measures past their deadline and not done

    def chase(self, plan: Plan) -> list[tuple[int, Tally]]:
        """催报: departments that returned nothing for the period, with their open tasks."""
        return [
            (d.id, self.by_department[d.id])
            for d in plan.departments
            if d.id in self.by_department
            and self.by_department[d.id].tasks
            and not self.by_department[d.id].reported
        ]


def build_ledger(plan: Plan, period: str, today: dt.date) -> Ledger:
    """Roll up ``plan``'s ledger for ``period`` as it stands on ``today``.

    Collective parties (各地区 …) report nothing and are left out. A measure is done when every
    lead (or, without a lead, every department) says a status meaning done; it is overdue when
    its deadline has passed by ``today`` and it is not done.
    """
    schedule: Schedule = plan.schedule
    tasks = task_ids(plan)
    collective = {d.id for d in plan.departments if d.collective}
    now = latest(plan.progress, period)
    reported = {(e.measure_id, e.department_id) for e in plan.progress if e.period == period}
    status: dict[Key, str] = {}
    meaning: dict[Key, Meaning] = {}
    by_department: dict[int, Tally] = {}
    by_measure: dict[int, Tally] = {}
    leads: dict[int, list[Key]] = {}
    everyone: dict[int, list[Key]] = {}
    for a in plan.assignments:
        if a.department_id in collective or a.measure_id not in tasks:
            continue
        key = (a.measure_id, a.department_id)
        entry = now.get(key)
        name = entry.status if entry else ""
        sense = (schedule.meaning(name) if name else None) or Meaning.TODO
        status[key], meaning[key] = name, sense
        for tally in (
            by_department.setdefault(a.department_id, Tally()),
            by_measure.setdefault(a.measure_id, Tally()),
        ):
            _count(tally, sense, key in reported, a.measure_id)
        everyone.setdefault(a.measure_id, []).append(key)
        if a.role == Role.LEAD:
            leads.setdefault(a.measure_id, []).append(key)
    deciders = {mid: leads.get(mid) or keys for mid, keys in everyone.items()}
    measures = {m.id: m for m in plan.measures}
    overdue: set[int] = set()
    for mid, keys in deciders.items():
        done = all(meaning[k] == Meaning.DONE for k in keys)
        due = deadline_date(measures[mid].deadline) if mid in measures else None
        if not done and due is not None and due < today:
            overdue.add(mid)
    for key in status:
        if key[0] in overdue:
            by_department[key[1]].overdue += 1
    for mid in overdue:
        by_measure[mid].overdue = 1
    return Ledger(period, today, status, meaning, reported, by_department, by_measure, overdue)


def _count(tally: Tally, sense: Meaning, reported: bool, measure_id: int) -> None:
    tally.tasks += 1
    tally.reported += reported
    if sense == Meaning.DONE:
        tally.done += 1
        return
    tally.measure_ids.append(measure_id)
    if sense == Meaning.DOING:
        tally.doing += 1
    elif sense == Meaning.LATE:
        tally.late += 1
    else:
        tally.todo += 1
