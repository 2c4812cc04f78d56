"""Collecting returned department workbooks: match them to the plan, work out what changes.

Rows are matched by the hidden identifiers the export wrote (measure id, department id, plan
fingerprint), never by text. For each accepted file the result lists, per task, the status and
note and, per target, the value reached that differ from what the plan holds for the period; a
change is a *conflict* when the plan's value was reported later than the file was saved (a
newer workbook, or an entry typed in by hand). :meth:`Collection.update` turns the changes the
user accepts into one :class:`ProgressUpdate` for the store. Collecting the same workbook again
finds nothing to change.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..core.index import PlanIndex
from ..core.model import Plan, Role
from ..core.periods import PeriodError, parse_period
from ..core.progress import Actual, LogLine, ProgressEntry, ProgressUpdate
from .errors import ExportCancelled, Refusal, WorkbookRefused
from .returned import DEFAULT_LIMITS, Limits, ReturnedWorkbook, as_id, read_returned
from .text import plan_fingerprint

STATUS, NOTE, ACTUAL = "status", "note", "actual"


@dataclass
class Change:
    """One value a returned workbook would change."""

    kind: str  # STATUS, NOTE or ACTUAL
    measure_id: int
    department_id: int
    period: str
    old: object
    new: object
    target_id: int | None = None
    conflict: bool = False  # the plan's value is newer than the workbook
    plan_reported: str = ""  # when the plan's value was reported
    plan_source: str = ""


@dataclass
class FileResult:
    """One returned file: refused (with why), or its department, period and changes."""

    path: str
    refused: WorkbookRefused | None = None
    department_id: int | None = None
    period: str = ""
    saved: str = ""
    changes: list[Change] = field(default_factory=list)
    superseded_by: str = ""  # a newer workbook of the same department and period
    skipped: list[int] = field(default_factory=list)  # measure ids no longer assigned to it

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def usable(self) -> bool:
        return self.refused is None and not self.superseded_by

    @property
    def conflicts(self) -> list[Change]:
        return [c for c in self.changes if c.conflict]


@dataclass
class Collection:
    """The outcome of reading a batch of returned workbooks against one plan."""

    plan: Plan
    files: list[FileResult]

    def changes(self) -> list[Change]:
        return [c for f in self.files if f.usable for c in f.changes]

    def update(self, accept: Callable[[Change], bool] | None = None) -> ProgressUpdate:
        """The store update for the accepted changes (default: all but the conflicts)."""
        accept = accept or (lambda c: not c.conflict)
        current = {e.key: e for e in self.plan.progress}
        actuals = {a.key: a for a in self.plan.actuals}
        update = ProgressUpdate()
        names = {d.id: d.name for d in self.plan.departments}
        for f in self.files:
            if not f.usable:
                continue
            taken = [c for c in f.changes if accept(c)]
            if not taken:
                continue
            entries = _entries(taken, current, f)
            update.entries.extend(entries)
            update.actuals.extend(_actuals(taken, actuals, f))
            dep = names.get(f.department_id or 0, "")
            update.log.append(
                LogLine(
                    "collect",
                    f"{dep} {f.period}: {len(taken)} changes from {f.name}",
                    f.department_id,
                    f.period,
                    f.name,
                    {
                        "file": f.path,
                        "count": len(taken),  # the list below stops at 200
                        "changes": [_brief(c) for c in taken][:200],
                    },
                )
            )
        return update


def _brief(c: Change) -> dict:
    return {"kind": c.kind, "measure": c.measure_id, "target": c.target_id, "new": c.new}


def _entries(taken: list[Change], current: dict, f: FileResult) -> list[ProgressEntry]:
    out: dict[tuple[int, int, str], ProgressEntry] = {}
    for c in taken:
        if c.kind == ACTUAL:
            continue
        key = (c.measure_id, c.department_id, c.period)
        if key not in out:
            old = current.get(key)
            out[key] = replace(old) if old else ProgressEntry(*key)
        entry = out[key]
        setattr(entry, c.kind, c.new)
        entry.reported, entry.source = f.saved, f.name
    return list(out.values())


def _actuals(taken: list[Change], current: dict, f: FileResult) -> list[Actual]:
    return [
        Actual(c.target_id, c.period, c.new, c.department_id, f.saved, f.name)  # type: ignore[arg-type]
        for c in taken
        if c.kind == ACTUAL and c.target_id is not None
    ]


def collect(
    plan: Plan,
    paths: Iterable[str | os.PathLike[str]],
    *,
    period: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[int, int], bool | None] | None = None,
) -> Collection:
    """Read and match every file; a refused file is reported and the others go on.

    Parameters
    ----------
    plan
        The plan as it stands (``MatrixStore.plan()``).
    paths
        The returned workbooks.
    period
        The period to record the reports under; default: the one each workbook was made for.
    progress
        ``progress(done, total)`` after each file; returning ``False`` stops reading.

    Raises
    ------
    ExportCancelled
        ``progress`` returned ``False``; nothing was changed anywhere.
    """
    matcher = _Matcher(plan, period)
    files: list[str] = [os.fspath(p) for p in paths]
    results = []
    for done, path in enumerate(files):
        if progress is not None and progress(done, len(files)) is False:
            raise ExportCancelled()
        try:
            results.append(matcher.match(read_returned(path, limits)))
        except WorkbookRefused as exc:
            results.append(FileResult(path, refused=exc))
    _supersede(results)
    return Collection(plan, results)


def _supersede(results: list[FileResult]) -> None:
    """Of two workbooks of one department and period, only the later saved one counts."""
    newest: dict[tuple[int | None, str], FileResult] = {}
    for r in results:
        if r.refused is not None:
            continue
        key = (r.department_id, r.period)
        other = newest.get(key)
        if other is None or r.saved >= other.saved:
            if other is not None:
                other.superseded_by = r.path
            newest[key] = r
        else:
            r.superseded_by = other.path


class _Matcher:
    """The plan's side of matching, built once for a batch."""

    def __init__(self, plan: Plan, period: str | None) -> None:
        self.plan = plan
        self.index = PlanIndex(plan)
        self.fingerprint = plan_fingerprint(plan)
        self.period = period
        self.statuses = set(plan.schedule.status_names())
        self.entries = {e.key: e for e in plan.progress}
        self.actuals = {a.key: a for a in plan.actuals}
        self.assigned = {(a.measure_id, a.department_id): a.role for a in plan.assignments}
        self.target_measure = {t.id: t.measure_id for t in plan.targets}
        self.target_value = {t.id: t for t in plan.targets}

    def match(self, book: ReturnedWorkbook) -> FileResult:
        path, head = book.path, book.header
        if str(head.fingerprint) != self.fingerprint:
            raise WorkbookRefused(path, Refusal.OTHER_PLAN)
        department = self._department(book)
        period = self._period(book)
        result = FileResult(path, department_id=department, period=period, saved=book.saved)
        self._rows(book, department, period, result)
        self._targets(book, department, period, result)
        return result

    def _department(self, book: ReturnedWorkbook) -> int:
        path = book.path
        try:
            declared = as_id(book.header.department)
        except ValueError:
            raise WorkbookRefused(path, Refusal.IDS_EDITED, "B2") from None
        ids = {r.department_id for r in book.rows if r.measure_id is not None}
        if declared is None:  # a workbook of format 1 names its department only in its rows
            if len(ids) != 1:
                raise WorkbookRefused(path, Refusal.OTHER_DEPARTMENT, "rows of several departments")
            declared = ids.pop()
        elif ids - {declared}:
            raise WorkbookRefused(path, Refusal.OTHER_DEPARTMENT, _rows_of(book, declared))
        if declared not in self.index.departments:
            raise WorkbookRefused(path, Refusal.IDS_EDITED, f"department {declared}")
        return declared

    def _period(self, book: ReturnedWorkbook) -> str:
        raw = self.period if self.period is not None else book.header.period
        schedule = self.plan.schedule
        if raw is None or str(raw).strip() == "":
            raise WorkbookRefused(book.path, Refusal.BAD_PERIOD, "the workbook names no period")
        try:
            period = parse_period(raw, schedule.cadence)
        except PeriodError:
            raise WorkbookRefused(book.path, Refusal.BAD_PERIOD, str(raw)[:20]) from None
        if not schedule.has_period(period, self.plan.info.date):
            raise WorkbookRefused(book.path, Refusal.BAD_PERIOD, period)
        return period

    def _rows(self, book: ReturnedWorkbook, department: int, period: str, out: FileResult) -> None:
        path, seen = book.path, set()
        for r in book.rows:
            if r.measure_id is None or r.department_id is None:
                if r.filled or r.fingerprint:
                    raise WorkbookRefused(path, Refusal.ROWS_CHANGED, f"row {r.number}")
                continue  # a blank row inserted and left empty
            if r.fingerprint != self.fingerprint:
                raise WorkbookRefused(path, Refusal.IDS_EDITED, f"C{r.number}")
            if r.measure_id not in self.index.measures:
                raise WorkbookRefused(path, Refusal.IDS_EDITED, f"A{r.number}")
            if r.measure_id in seen:
                raise WorkbookRefused(path, Refusal.ROWS_CHANGED, f"row {r.number} repeated")
            seen.add(r.measure_id)
            if r.status and r.status not in self.statuses:
                raise WorkbookRefused(path, Refusal.BAD_STATUS, f"L{r.number}: {r.status[:20]}")
        self._count(book, len(seen))
        for r in book.rows:
            if r.measure_id is None:
                continue
            if (r.measure_id, department) not in self.assigned:
                out.skipped.append(r.measure_id)  # unassigned since the export
                continue
            self._compare_entry(r.measure_id, department, period, r.status, r.note, out)

    def _count(self, book: ReturnedWorkbook, found: int) -> None:
        try:
            expected = as_id(book.header.count)
        except ValueError:
            raise WorkbookRefused(book.path, Refusal.IDS_EDITED, "C2") from None
        if expected is not None and expected != found:
            raise WorkbookRefused(book.path, Refusal.ROWS_CHANGED, f"{found} of {expected} rows")

    def _compare_entry(
        self, mid: int, did: int, period: str, status: str, note: str, out: FileResult
    ) -> None:
        old = self.entries.get((mid, did, period))
        for kind, new in ((STATUS, status), (NOTE, note)):
            before = getattr(old, kind) if old else ""
            if not new or new == before:
                continue
            newer = bool(old and before and old.reported > out.saved)
            out.changes.append(
                Change(
                    kind,
                    mid,
                    did,
                    period,
                    before,
                    new,
                    conflict=newer,
                    plan_reported=old.reported if old else "",
                    plan_source=old.source if old else "",
                )
            )

    def _targets(self, book: ReturnedWorkbook, did: int, period: str, out: FileResult) -> None:
        if book.targets_header is None:
            return
        path = book.path
        if str(book.targets_header.fingerprint) != self.fingerprint:
            raise WorkbookRefused(path, Refusal.IDS_EDITED, f"{path}: targets sheet C1")
        seen: set[int] = set()
        for r in book.targets:
            if r.target_id is None:
                if r.filled:
                    raise WorkbookRefused(path, Refusal.ROWS_CHANGED, f"targets row {r.number}")
                continue
            if r.department_id != did:
                raise WorkbookRefused(path, Refusal.OTHER_DEPARTMENT, f"targets row {r.number}")
            if r.target_id not in self.target_measure or r.fingerprint != self.fingerprint:
                raise WorkbookRefused(path, Refusal.IDS_EDITED, f"targets row {r.number}")
            if r.target_id in seen:
                raise WorkbookRefused(path, Refusal.ROWS_CHANGED, f"targets row {r.number}")
            seen.add(r.target_id)
        try:
            expected = as_id(book.targets_header.count)
        except ValueError:
            raise WorkbookRefused(path, Refusal.IDS_EDITED, "targets C2") from None
        if expected is not None and expected != len(seen):
            raise WorkbookRefused(path, Refusal.ROWS_CHANGED, f"targets: {len(seen)} of {expected}")
        for r in book.targets:
            if r.target_id is None or r.value is None:
                continue
            mid = self.target_measure[r.target_id]
            if self.assigned.get((mid, did)) != Role.LEAD:
                out.skipped.append(mid)
                continue
            old = self.actuals.get((r.target_id, period))
            if old is not None and old.value == r.value:
                continue
            out.changes.append(
                Change(
                    ACTUAL,
                    mid,
                    did,
                    period,
                    old.value if old else None,
                    r.value,
                    target_id=r.target_id,
                    conflict=bool(old and old.value is not None and old.reported > out.saved),
                    plan_reported=old.reported if old else "",
                    plan_source=old.source if old else "",
                )
            )


def _rows_of(book: ReturnedWorkbook, declared: int) -> str:
    other = next(
        r for r in book.rows if r.department_id is not None and r.department_id != declared
    )
    return f"B{other.number}"
