"""Progress in a plan: per assignment a status and a note for each reporting period.

A department reports, for each of its tasks, a status from the plan's list (未开始, 推进中,
已完成, 滞后 unless the plan changed it) and a note; for the targets of the tasks it leads, the
value reached. Every entry keeps when it was reported and the file it came from (empty when
typed in by hand). No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from .deadline import deadline_date
from .periods import (
    Cadence,
    PeriodError,
    parse_period,
    period_end,
    period_of,
    periods_between,
)

if TYPE_CHECKING:
    from .model import Measure, Plan, Target


class Meaning(StrEnum):
    """What a status says, whatever the plan calls it (roll-ups and colours use it)."""

    TODO = "todo"  # 未开始
    DOING = "doing"  # 推进中
    DONE = "done"  # 已完成
    LATE = "late"  # 滞后


@dataclass(frozen=True)
class Status:
    name: str
    meaning: Meaning


DEFAULT_STATUSES = (
    Status("未开始", Meaning.TODO),
    Status("推进中", Meaning.DOING),
    Status("已完成", Meaning.DONE),
    Status("滞后", Meaning.LATE),
)
MAX_STATUS_LENGTH = 20  # a drop-down entry, not a sentence
MAX_NOTE_LENGTH = 32000  # what one Excel cell holds


@dataclass(frozen=True)
class Schedule:
    """When and how a plan's departments report.

    ``first`` and ``last`` bound the periods the plan has; a new plan gets both from
    :func:`new_plan_schedule`. Empty (a plan made before that) ``first`` means the document's
    date (2000 for a document without one); empty ``last`` means the end of the fifth year
    after the first, or of next year if that is later: a plan nobody bounded keeps accepting
    reports as the years go by, and a period it once had it always has.
    """

    cadence: Cadence = Cadence.MONTH
    first: str = ""
    last: str = ""
    statuses: tuple[Status, ...] = DEFAULT_STATUSES

    def status_names(self) -> list[str]:
        return [s.name for s in self.statuses]

    def meaning(self, name: str) -> Meaning | None:
        for s in self.statuses:
            if s.name == name:
                return s.meaning
        return None

    def window(self, document_date: str = "", today: dt.date | None = None) -> tuple[str, str]:
        """The first and last period, defaults filled in (``today``: for the default last)."""
        first = self.first
        if not first:
            try:
                day = dt.date.fromisoformat(document_date)
            except ValueError:
                day = dt.date(2000, 1, 1)
            first = period_of(day, self.cadence)
        year = max(int(first[:4]) + 5, (today or dt.date.today()).year + 1)
        last = self.last or period_of(dt.date(year, 12, 31), self.cadence)
        return first, last

    def periods(self, document_date: str = "") -> list[str]:
        first, last = self.window(document_date)
        return periods_between(first, last)

    def has_period(self, period: str, document_date: str = "") -> bool:
        try:
            period = parse_period(period, self.cadence)
        except PeriodError:
            return False
        first, last = self.window(document_date)
        return first <= period <= last

    def current(self, today: dt.date, document_date: str = "") -> str:
        """The period ``today`` falls in, kept within the plan's periods."""
        first, last = self.window(document_date, today)
        return min(max(period_of(today, self.cadence), first), last)

    def with_cadence(self, cadence: Cadence) -> Schedule:
        """The same schedule reported by ``cadence``: bounds become the periods of that cadence
        holding them (2022-01 … 2023-12 → 2022-Q1 … 2023-Q4; 2022-Q1 → 2022-01 … 2022-03)."""
        if cadence == self.cadence:
            return self
        first = self.first and period_of(_period_start(self.first), cadence)
        last = self.last and period_of(period_end(self.last), cadence)
        return replace(self, cadence=cadence, first=first, last=last)


def _period_start(period: str) -> dt.date:
    end = period_end(period)
    return dt.date(end.year, end.month - (2 if "Q" in period else 0), 1)


def work_ends(measures: Iterable[Measure], targets: Iterable[Target]) -> list[dt.date]:
    """The days a plan says its work ends by: each 完成时限 that names a date, and the end of
    each target's year (到2025年…)."""
    ends = [d for d in (deadline_date(m.deadline) for m in measures) if d is not None]
    ends += [dt.date(t.year, 12, 31) for t in targets if t.year]
    return ends


def starting_window(
    document_date: str, ends: Iterable[dt.date], created: dt.date, cadence: Cadence
) -> tuple[str, str]:
    """The first and last reporting period of a new plan.

    From the document's date, else the day the plan is made (``created``), to the latest
    deadline or target year found after that, else to the end of the next year: a notice of
    January 2022 with no deadline reports from 2022-01 to 2023-12 (it had run from 2000-01
    for a document without a date).
    """
    try:
        start = dt.date.fromisoformat(document_date)
    except ValueError:
        start = created
    end = max((d for d in ends if d >= start), default=dt.date(start.year + 1, 12, 31))
    return period_of(start, cadence), period_of(end, cadence)


def new_plan_schedule(plan: Plan, created: dt.date) -> Schedule:
    """``plan``'s schedule with the window of :func:`starting_window`, unless it has one."""
    schedule = plan.schedule
    if schedule.first or schedule.last:
        return schedule
    ends = work_ends(plan.measures, plan.targets)
    first, last = starting_window(plan.info.date, ends, created, schedule.cadence)
    return replace(schedule, first=first, last=last)


def check_schedule(schedule: Schedule) -> None:
    """Raise ValueError unless ``schedule`` can be stored (well-formed, unique statuses …)."""
    for bound in (schedule.first, schedule.last):
        if bound:
            parse_period(bound, schedule.cadence)
    if schedule.first and schedule.last and schedule.last < schedule.first:
        raise ValueError("the last reporting period is before the first")
    names = [s.name.strip() for s in schedule.statuses]
    if not names:
        raise ValueError("a plan needs at least one status")
    if any(not n or len(n) > MAX_STATUS_LENGTH or "," in n or '"' in n for n in names):
        raise ValueError("a status needs a short name without commas or quotes")
    if len(set(names)) != len(names):
        raise ValueError("two statuses have the same name")


@dataclass
class ProgressEntry:
    """One assignment's report for one period."""

    measure_id: int
    department_id: int
    period: str
    status: str = ""
    note: str = ""
    reported: str = ""  # ISO date-time the department saved it (or it was typed in)
    source: str = ""  # the file it came from; empty when typed in by hand

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.measure_id, self.department_id, self.period)


@dataclass
class Actual:
    """The value a target reached in one period, as a department reported it."""

    target_id: int
    period: str
    value: float | None = None
    department_id: int | None = None
    reported: str = ""
    source: str = ""

    @property
    def key(self) -> tuple[int, str]:
        return (self.target_id, self.period)


@dataclass
class LogLine:
    """A change-log row an update writes: who, for which period, from which file."""

    action: str
    summary: str
    department_id: int | None = None
    period: str = ""
    source: str = ""
    detail: dict = field(default_factory=dict)


@dataclass
class ProgressUpdate:
    """Entries and actuals to write and to remove, as one transaction (collect, undo)."""

    entries: list[ProgressEntry] = field(default_factory=list)
    remove_entries: list[tuple[int, int, str]] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
    remove_actuals: list[tuple[int, str]] = field(default_factory=list)
    log: list[LogLine] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.entries or self.remove_entries or self.actuals or self.remove_actuals)
