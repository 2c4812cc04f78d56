"""The progress ledger (进展台账), mixed into :class:`MatrixStore`: the reporting schedule,
statuses and notes per assignment and period, values reached per target and period.

Everything is kept in memory beside the rest of the plan (reads never touch the disk); a
collect or its undo is one :class:`ProgressUpdate`, written in one transaction together with
one change-log row per department and returned file.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from sqlite_utils import Database

from ..core.periods import Cadence, cadence_of
from ..core.progress import (
    Actual,
    LogLine,
    Meaning,
    ProgressEntry,
    ProgressUpdate,
    Schedule,
    Status,
    check_schedule,
)
from .base import StoreBase
from .errors import EditError, ReadOnlyError
from .events import StoreEvent

_OPTION_KEYS = {"cadence": "progress.cadence", "first": "progress.first", "last": "progress.last"}


# -- rows ------------------------------------------------------------------------------------
def entry_row(e: ProgressEntry) -> dict:
    return {
        "measure_id": e.measure_id,
        "department_id": e.department_id,
        "period": e.period,
        "status": e.status,
        "note": e.note,
        "reported": e.reported,
        "source": e.source,
    }


def actual_row(a: Actual) -> dict:
    return {
        "target_id": a.target_id,
        "period": a.period,
        "value": a.value,
        "department_id": a.department_id,
        "reported": a.reported,
        "source": a.source,
    }


def read_schedule(db: Database) -> Schedule:
    options = dict(db.execute("SELECT key, value FROM options WHERE key LIKE 'progress.%'"))
    statuses = []
    for name, meaning in db.execute("SELECT name, meaning FROM statuses ORDER BY position"):
        try:
            statuses.append(Status(str(name), Meaning(meaning)))
        except ValueError:
            statuses.append(Status(str(name), Meaning.DOING))
    try:
        cadence = Cadence(options.get(_OPTION_KEYS["cadence"]) or "month")
    except ValueError:
        cadence = Cadence.MONTH
    return Schedule(
        cadence,
        options.get(_OPTION_KEYS["first"]) or "",
        options.get(_OPTION_KEYS["last"]) or "",
        tuple(statuses) or Schedule().statuses,
    )


def write_schedule(db: Database, schedule: Schedule) -> None:
    db.table("options").upsert_all(
        (
            {"key": _OPTION_KEYS["cadence"], "value": str(schedule.cadence)},
            {"key": _OPTION_KEYS["first"], "value": schedule.first},
            {"key": _OPTION_KEYS["last"], "value": schedule.last},
        ),
        pk="key",
    )
    db.execute("DELETE FROM statuses")
    db.table("statuses").insert_all(
        {"position": i, "name": s.name, "meaning": str(s.meaning)}
        for i, s in enumerate(schedule.statuses)
    )


def read_entries(db: Database) -> list[ProgressEntry]:
    sql = (
        "SELECT measure_id, department_id, period, status, note, reported, source FROM progress"
        " ORDER BY period, measure_id, department_id"
    )
    return [
        ProgressEntry(r[0], r[1], str(r[2]), r[3] or "", r[4] or "", r[5] or "", r[6] or "")
        for r in db.execute(sql)
    ]


def read_actuals(db: Database) -> list[Actual]:
    sql = (
        "SELECT target_id, period, value, department_id, reported, source FROM actuals"
        " ORDER BY period, target_id"
    )
    return [Actual(r[0], str(r[1]), r[2], r[3], r[4] or "", r[5] or "") for r in db.execute(sql)]


def write_progress(db: Database, schedule: Schedule, entries, actuals) -> None:
    """Write a whole plan's schedule and ledger (the tables are empty)."""
    write_schedule(db, schedule)
    db.table("progress").insert_all((entry_row(e) for e in entries), replace=True)
    db.table("actuals").insert_all((actual_row(a) for a in actuals), replace=True)


def clear_progress(db: Database) -> None:
    for table in ("progress", "actuals"):
        db.execute(f"DELETE FROM {table}")


class ProgressEdits(StoreBase):
    """Reads and writes of the progress ledger."""

    def _reload_progress(self) -> None:
        self._ledger_tables = self.db.table("progress").exists()
        if not self._ledger_tables:  # an older plan opened read-only
            self._schedule, self._progress, self._actuals = Schedule(), {}, {}
            return
        self._schedule = read_schedule(self.db)
        self._progress = {e.key: e for e in read_entries(self.db)}
        self._actuals = {a.key: a for a in read_actuals(self.db)}

    # -- reads -------------------------------------------------------------------------------
    def schedule(self) -> Schedule:
        return self._schedule

    def periods(self) -> list[str]:
        """Every period the plan has, oldest first."""
        return self._schedule.periods(self._info.date)

    def progress_entry(self, measure_id: int, department_id: int, period: str):
        return self._progress.get((measure_id, department_id, period))

    def progress_entries(self, period: str | None = None) -> list[ProgressEntry]:
        found = self._progress.values()
        if period is not None:
            return [e for e in found if e.period == period]
        return list(found)

    def actual(self, target_id: int, period: str) -> Actual | None:
        return self._actuals.get((target_id, period))

    def actuals(self) -> list[Actual]:
        return list(self._actuals.values())

    def change_log(
        self,
        *,
        department: str | None = None,
        period: str | None = None,
        action: str | None = None,
        after: int = 0,
        limit: int = 5000,
    ) -> list[dict]:
        """Change-log rows, newest first, filtered by department name, period and kind.

        ``after`` leaves out the rows up to that id: ``change_log(after=last_change_id())``
        later returns only the rows written since (rows are only ever added, ids grow).

        Returns
        -------
        list of dict
            ``id, at, action, summary, department, period, source, detail`` of each row
            (``detail`` as stored: JSON text).
        """
        if not self._ledger_tables:
            return []
        where: list[str] = ["id > ?"] if after else []
        args: list[int | str] = [after] if after else []
        for column, value in (("department", department), ("period", period), ("action", action)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        sql = "SELECT id, at, action, summary, department, period, source, detail FROM changelog"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        keys = ["id", "at", "action", "summary", "department", "period", "source", "detail"]
        return [dict(zip(keys, r, strict=True)) for r in self.db.execute(sql, [*args, limit])]

    def last_change_id(self) -> int:
        """The id of the newest change-log row (0 when there is none)."""
        if not self._ledger_tables:
            return 0
        return self.db.execute("SELECT max(id) FROM changelog").fetchone()[0] or 0

    def change_log_values(self, column: str) -> list[str]:
        """The distinct values of ``department``, ``period`` or ``action`` in the log."""
        if column not in ("department", "period", "action"):
            raise EditError(self.path, f"no change-log column {column}")
        if not self._ledger_tables:
            return []
        sql = f"SELECT DISTINCT {column} FROM changelog WHERE {column} <> '' ORDER BY {column}"
        return [r[0] for r in self.db.execute(sql)]

    # -- writes ------------------------------------------------------------------------------
    def check_new_schedule(self, schedule: Schedule) -> None:
        """Raise :class:`EditError` unless ``schedule`` is well-formed and keeps every report
        already in the plan readable (same cadence, statuses in use still listed)."""
        try:
            check_schedule(schedule)
        except ValueError as exc:
            raise EditError(self.path, str(exc)) from exc
        self._check_schedule_fits(schedule)

    def set_schedule(self, schedule: Schedule) -> Schedule:
        """Change cadence, period window or statuses; returns the old schedule."""
        self.check_new_schedule(schedule)
        old = self._schedule
        detail = {"old": _schedule_detail(old), "new": _schedule_detail(schedule)}
        with self._edit("schedule", "reporting schedule", detail):
            write_schedule(self.db, schedule)
        self._schedule = schedule
        self._notify(StoreEvent("progress"))
        return old

    def _check_schedule_fits(self, schedule: Schedule) -> None:
        """The reports already in the plan must stay readable under ``schedule``."""
        names = set(schedule.status_names())
        for e in self._progress.values():
            if cadence_of(e.period) != schedule.cadence:
                raise EditError(
                    self.path, f"the plan already holds reports for {e.period}: keep its cadence"
                )
            if e.status and e.status not in names:
                raise EditError(self.path, f"the status {e.status} is in use: keep it in the list")

    def apply_progress(self, update: ProgressUpdate) -> ProgressUpdate:
        """Write ``update`` in one transaction; returns the update that puts things back."""
        if self.read_only:
            raise ReadOnlyError(self.path, "the plan is open read-only")
        self._check_update(update)
        inverse = self._inverse(update)
        at = datetime.now().isoformat(timespec="seconds")
        with self.db.atomic():
            self._write_update(update)
            for line in update.log:
                self._log(at, line)
        for key in update.remove_entries:
            self._progress.pop(key, None)
        for e in update.entries:
            self._progress[e.key] = replace(e)
        for akey in update.remove_actuals:
            self._actuals.pop(akey, None)
        for a in update.actuals:
            self._actuals[a.key] = replace(a)
        measures = {k[0] for k in update.remove_entries} | {e.measure_id for e in update.entries}
        departments = {k[1] for k in update.remove_entries}
        departments |= {e.department_id for e in update.entries}
        self._notify(StoreEvent("progress", tuple(sorted(measures)), tuple(sorted(departments))))
        return inverse

    def _check_update(self, update: ProgressUpdate) -> None:
        names = set(self._schedule.status_names())
        for e in update.entries:
            self.measure(e.measure_id), self.department(e.department_id)
            if e.status and e.status not in names:
                raise EditError(self.path, f"{e.status!r} is not one of the plan's statuses")
        targets = {t.id for ts in self._targets.values() for t in ts}
        for a in update.actuals:
            if a.target_id not in targets:
                raise EditError(self.path, f"no target {a.target_id}")

    def _inverse(self, update: ProgressUpdate) -> ProgressUpdate:
        inverse = ProgressUpdate()
        for key in dict.fromkeys([*update.remove_entries, *(e.key for e in update.entries)]):
            old = self._progress.get(key)
            if old is None:
                inverse.remove_entries.append(key)
            else:
                inverse.entries.append(replace(old))
        for akey in dict.fromkeys([*update.remove_actuals, *(a.key for a in update.actuals)]):
            old_actual = self._actuals.get(akey)
            if old_actual is None:
                inverse.remove_actuals.append(akey)
            else:
                inverse.actuals.append(replace(old_actual))
        inverse.log = [
            replace(line, action=f"undo {line.action}", detail={}) for line in update.log
        ]
        return inverse

    def _write_update(self, update: ProgressUpdate) -> None:
        self.db.conn.executemany(
            "DELETE FROM progress WHERE measure_id = ? AND department_id = ? AND period = ?",
            update.remove_entries,
        )
        self.db.conn.executemany(
            "DELETE FROM actuals WHERE target_id = ? AND period = ?", update.remove_actuals
        )
        self.db.table("progress").insert_all(
            (entry_row(e) for e in update.entries), replace=True, batch_size=500
        )
        self.db.table("actuals").insert_all(
            (actual_row(a) for a in update.actuals), replace=True, batch_size=500
        )

    def _log(self, at: str, line: LogLine) -> None:
        department = (
            self._department_by_id[line.department_id].name
            if line.department_id in self._department_by_id
            else ""
        )
        self.db.table("changelog").insert(
            {
                "at": at,
                "action": line.action,
                "summary": line.summary,
                "detail": json.dumps(line.detail, ensure_ascii=False, default=str),
                "department": department,
                "period": line.period,
                "source": line.source,
            }
        )

    # -- kept in step with removals (called inside their transactions) -----------------------
    def _progress_of_measures(self, ids: set[int]) -> tuple[list[ProgressEntry], list[Actual]]:
        entries = [replace(e) for e in self._progress.values() if e.measure_id in ids]
        targets = {t.id for i in ids for t in self._targets.get(i, [])}
        actuals = [replace(a) for a in self._actuals.values() if a.target_id in targets]
        return entries, actuals

    def _delete_progress_of_measures(self, ids: set[int]) -> None:
        marks = ",".join("?" * len(ids))
        self.db.execute(f"DELETE FROM progress WHERE measure_id IN ({marks})", list(ids))
        self.db.execute(
            "DELETE FROM actuals WHERE target_id IN"
            f" (SELECT id FROM targets WHERE measure_id IN ({marks}))",
            list(ids),
        )

    def _restore_progress_rows(self, entries, actuals) -> None:
        self.db.table("progress").insert_all((entry_row(e) for e in entries), replace=True)
        self.db.table("actuals").insert_all((actual_row(a) for a in actuals), replace=True)


def _schedule_detail(s: Schedule) -> dict:
    return {
        "cadence": str(s.cadence),
        "first": s.first,
        "last": s.last,
        "statuses": [[x.name, str(x.meaning)] for x in s.statuses],
    }
