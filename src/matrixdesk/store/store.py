"""MatrixStore: the .mdesk file, the only place in MatrixDesk that speaks SQL.

Every edit is one transaction that also writes its change-log row, then updates the in-memory
index the views read from, then tells the observers. Reads never touch the disk: a grid of
10,000 × 500 cells asks for a role thousands of times a second.

A cell edit costs the same in a plan of 30,000 measures as in one of thirty: the index is
changed only where the edit touched it (the measure's own assignments, the counts of the
departments involved), never copied or rebuilt. Edits of the structure (measures added or
removed, departments merged) rebuild it from the file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from ..core.model import (
    Assignment,
    Department,
    DocumentInfo,
    Measure,
    Plan,
    Role,
    Target,
)
from ..core.safefile import check_folder, replace_file, temp_beside
from . import rows, schema
from .checks import plan_problems
from .connection import connect, error_name
from .departments import DepartmentEdits
from .errors import (
    EditError,
    InvalidPlanError,
    PlanExistsError,
    ReadOnlyError,
    ReadOnlyLocationError,
    WriteError,
)
from .events import StoreEvent
from .fileformat import APPLICATION_ID, check_plan_file
from .lock import PlanLock
from .measures import MeasureEdits
from .progress import ProgressEdits, clear_progress
from .verify import damaged, readable_copy, verify

# A rollback journal, emptied after every edit: the plan file alone always holds every
# committed edit (see docs/decisions.md, "The file is the document").
JOURNAL_MODE = "TRUNCATE"

RoleChange = tuple[int, int, Role | None]  # (measure id, department id, new role or None)


class MatrixStore(MeasureEdits, DepartmentEdits, ProgressEdits):  # StoreBase through all
    """An open plan. Create with :meth:`create`, :meth:`open` or :meth:`memory`."""

    def __init__(self, db: Database, path: str = "", *, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self.recovered = False  # SQLite recovered an edit interrupted by a crash
        self._lock: PlanLock | None = None
        self._temp_folder = ""
        self._observers: list[Callable[[StoreEvent], None]] = []
        self._removed_actuals = {}
        self._load()

    # -- opening and closing -----------------------------------------------------------------
    @classmethod
    def memory(cls, plan: Plan | None = None) -> MatrixStore:
        """A plan held in memory only (tests, previews)."""
        db = Database(memory=True, execute_plugins=False)
        _initialise(db, plan or Plan())
        return cls(db)

    @classmethod
    def create(cls, path: str, plan: Plan, *, overwrite: bool = False) -> MatrixStore:
        """Write ``plan`` to a new file at ``path`` and open it (see :meth:`write`)."""
        cls.write(path, plan, overwrite=overwrite)
        return cls.open(path)

    @classmethod
    def write(cls, path: str, plan: Plan, *, overwrite: bool = False) -> None:
        """Write ``plan`` to a new file at ``path`` (``matrixdesk import`` stops here: opening
        the file again would read the whole plan back for nothing).

        The file is built beside its destination and renamed into place, so a failure leaves
        no file behind and an existing file is only replaced once the new one is complete.
        A plan open for editing (in a window of this or another process) is never replaced.
        """
        path = os.fspath(path)
        if os.path.exists(path) and not overwrite:
            raise PlanExistsError(path, "the file exists (use --force to overwrite)")
        guard = PlanLock(path) if os.path.isfile(path) else None
        try:
            _write_new(path, plan)
        finally:
            if guard:
                guard.release()

    @classmethod
    def open(
        cls,
        path: str,
        *,
        read_only: bool = False,
        lock: bool = False,
        take_over: bool = False,
        salvage: bool = False,
    ) -> MatrixStore:
        """Open a plan file, migrating an older one after copying it to a backup.

        A foreign, newer, empty, damaged or crafted file raises a :class:`StoreError` and is
        left byte-for-byte as it was. A plan left mid-edit by a crash is recovered by SQLite
        (``recovered`` is then True) — for a read-only open, in a temporary copy. With
        ``lock`` an operating-system lock keeps other editors out (``take_over`` takes a lock
        recorded by a PC the user says has crashed, where the file system has no locks).
        ``salvage`` opens a damaged plan read-only without SQLite's page check, to show what
        can still be read.
        """
        path = os.fspath(path)
        check_plan_file(path, schema.SCHEMA_VERSION)
        if read_only or salvage:
            return cls._open_read_only(path, salvage)
        if not _writable(path):
            raise ReadOnlyLocationError(path, "the plan or its folder cannot be written to")
        plan_lock = PlanLock(path, take_over=take_over) if lock else None
        try:
            store = cls._open_for_editing(path)
        except BaseException:
            if plan_lock:
                plan_lock.release()
            raise
        store._lock = plan_lock
        return store

    @classmethod
    def _open_for_editing(cls, path: str) -> MatrixStore:
        verdict = verify(path, schema.SCHEMA_VERSION)
        conn = connect(path, read_only=False)
        try:
            # No sqlite-utils plugins: only MatrixDesk's own code touches a plan (and looking
            # plugins up read the metadata of every installed package at each open).
            db = Database(conn, execute_plugins=False)
            db.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
            db.execute("PRAGMA synchronous = FULL")
            if verdict.user_version < schema.SCHEMA_VERSION:
                _backup(path, verdict.user_version, conn if verdict.recovered else None)
                schema.apply(db)
            store = cls(db, path)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise write_error(path, exc) from exc
        except BaseException:
            conn.close()
            raise
        store.recovered = verdict.recovered
        return store

    @classmethod
    def _open_read_only(cls, path: str, salvage: bool) -> MatrixStore:
        verdict = verify(path, schema.SCHEMA_VERSION, quick_check=not salvage)
        if not (verdict.recovered or salvage):
            return cls(
                Database(connect(path, read_only=True), execute_plugins=False), path, read_only=True
            )
        # Read a recovered copy: the user's file stays exactly as it is.
        folder = tempfile.mkdtemp(prefix="matrixdesk-view-")
        try:
            with readable_copy(path) as copy:
                target = os.path.join(folder, "plan.mdesk")
                src = connect(copy, read_only=False)  # recovers the copy
                try:
                    dest = sqlite3.connect(target)
                    src.backup(dest)
                    dest.close()
                finally:
                    src.close()
            store = cls(
                Database(connect(target, read_only=True), execute_plugins=False),
                path,
                read_only=True,
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        store._temp_folder = folder
        store.recovered = verdict.recovered
        return store

    def close(self) -> None:
        """Close the file; the empty journal beside it is removed, the lock released."""
        if self.db.conn is None:
            return
        try:
            if not self.read_only and self.path:
                self.db.execute("PRAGMA busy_timeout = 300")  # closing must not hang on a reader
                self.db.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.DatabaseError:
            pass  # every edit is committed already; a leftover empty journal is harmless
        finally:
            self.db.conn.close()
            self.db.conn = None  # type: ignore[assignment]
            if self._lock:
                self._lock.release()
                self._lock = None
            if self._temp_folder:
                shutil.rmtree(self._temp_folder, ignore_errors=True)
                self._temp_folder = ""

    def checkpoint(self) -> bool:
        """Kept for callers from the WAL days: with a rollback journal every committed edit is
        in the plan file already, so there is nothing to fold in."""
        return True

    def save_copy(self, path: str) -> None:
        """Write a complete copy of the plan to ``path`` (Save As); this store stays open."""
        if os.path.exists(path) and _same_file(path, self.path):
            return  # every edit is already in the file
        guard = PlanLock(path) if os.path.isfile(path) else None  # never over an open plan
        tmp = path + ".part"
        try:
            dest = sqlite3.connect(tmp)
            try:
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            os.replace(tmp, path)
        except sqlite3.DatabaseError as exc:
            raise write_error(path, exc) from exc
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
            if guard:
                guard.release()

    # -- observers ---------------------------------------------------------------------------
    def subscribe(self, callback: Callable[[StoreEvent], None]) -> None:
        self._observers.append(callback)

    def unsubscribe(self, callback: Callable[[StoreEvent], None]) -> None:
        if callback in self._observers:
            self._observers.remove(callback)

    def _notify(self, event: StoreEvent) -> None:
        for callback in list(self._observers):
            callback(event)

    # -- reads (from memory) -----------------------------------------------------------------
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

    # -- the write path ----------------------------------------------------------------------
    @contextmanager
    def _edit(self, action: str, summary: str, detail: dict) -> Iterator[None]:
        if self.read_only:
            raise ReadOnlyError(self.path, "the plan is open read-only")
        if self.db.conn is None:
            raise ReadOnlyError(self.path, "the plan is closed")
        try:
            with self.db.atomic():
                yield
                self._write_log(action, summary, detail)
        except sqlite3.IntegrityError as exc:
            raise EditError(self.path, f"the edit would break the plan ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise write_error(self.path, exc) from exc

    def _write_log(self, action: str, summary: str, detail: dict) -> None:
        """The change-log row of an edit, inside the edit's transaction."""
        self.db.execute(
            "INSERT INTO changelog (at, action, summary, detail) VALUES (?, ?, ?, ?)",
            [
                datetime.now().isoformat(timespec="seconds"),
                action,
                summary,
                json.dumps(detail, ensure_ascii=False, default=str),
            ],
        )

    def set_option(self, key: str, value: str) -> None:
        with self._edit("option", key, {"key": key, "value": value}):
            self.db.table("options").upsert({"key": key, "value": value}, pk="key")

    def set_info(self, info: DocumentInfo) -> None:
        old = self._info
        with self._edit("info", "document", {"old": asdict(old), "new": asdict(info)}):
            rows.write_info(self.db, info)
        self._info = replace(info)
        self._notify(StoreEvent("info"))

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

    # -- whole plan --------------------------------------------------------------------------
    def replace_plan(self, plan: Plan, summary: str = "import") -> Plan:
        """Replace everything with ``plan`` (an import); returns the plan it replaced."""
        old = self.plan()
        with self._edit("replace plan", summary, {"measures": len(plan.measures)}):
            clear_progress(self.db)
            for table in ("assignments", "targets", "aliases", "measures", "departments", "source"):
                self.db.execute(f"DELETE FROM {table}")
            rows.write_plan(self.db, plan)
        self._load()
        self._notify(StoreEvent("reset"))
        return old

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


_UPSERT_ASSIGNMENT = (
    "INSERT INTO assignments (measure_id, department_id, role, position) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (measure_id, department_id) DO UPDATE SET role = excluded.role,"
    " position = excluded.position"
)


def _assignment_values(a: Assignment) -> tuple[int, int, str, int]:
    return a.measure_id, a.department_id, str(a.role), a.position


def _position(a: Assignment) -> int:
    return a.position


def _initialise(db: Database, plan: Plan) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA foreign_keys = ON")
    schema.apply(db)
    with db.atomic():
        rows.write_plan(db, plan)


def _write_new(path: str, plan: Plan) -> None:
    """Write ``plan`` to a hidden temporary file beside ``path`` and rename it into place.

    A missing folder is named as such (the message named the temporary file); a temporary
    file left by a killed import is swept by the next write into the folder.
    """
    target = Path(os.path.abspath(path))
    check_folder(target.parent)
    tmp = temp_beside(target)
    try:
        conn = sqlite3.connect(tmp)
        try:
            _initialise(Database(conn, execute_plugins=False), plan)
        finally:
            conn.close()
        # the permissions of a new file (or of the plan replaced), not the temporary file's
        # private 0600; retried while an antivirus scanner holds the file, as outputs are
        replace_file(tmp, target)
    except sqlite3.DatabaseError as exc:
        raise write_error(path, exc) from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def _writable(path: str) -> bool:
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _backup(path: str, version: int, conn: sqlite3.Connection | None) -> str:
    """Copy an older plan aside before migrating it; returns the backup's path.

    A byte copy of a file that stands alone; SQLite's backup API from ``conn`` for a plan it
    has just recovered (its committed pages were in a journal or log beside it).
    """
    stem, ext = os.path.splitext(path)
    backup = f"{stem}.v{version}-backup{ext or '.mdesk'}"
    if conn is None:
        shutil.copy2(path, backup)
        return backup
    dest = sqlite3.connect(backup)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    return backup


def write_error(path: str, exc: sqlite3.DatabaseError) -> WriteError:
    """The typed error for an edit SQLite could not write."""
    name = error_name(exc)
    if name == "SQLITE_FULL":
        return WriteError(path, "the disk is full; the edit was not saved", "full")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return WriteError(path, "another program is using the plan; the edit was not saved", "busy")
    if name.startswith("SQLITE_READONLY"):
        return WriteError(
            path, "the plan cannot be written to; the edit was not saved", "read-only"
        )
    return WriteError(path, f"the plan could not be written ({exc}); the edit was not saved", "io")
