"""MatrixStore: the .mdesk file, the only place in MatrixDesk that speaks SQL.

Every edit is one transaction that also writes its change-log row, then updates the in-memory
index the views read from, then tells the observers. Reads never touch the disk. A cell edit
changes the index only where it touched it; edits of the structure (measures added or removed,
departments merged) rebuild it from the file.

This module opens, closes and copies the file and holds the write path every edit goes
through; the edits and reads themselves are mixins: ``reads.py`` (the in-memory index and
loading it), ``assignments.py`` (the cells), ``measures.py``, ``departments.py`` and
``progress.py`` (the reporting ledger). ``files.py`` writes new files and backups.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import datetime

from sqlite_utils import Database

from ..core.model import DocumentInfo, Plan
from . import rows, schema
from .assignments import AssignmentEdits
from .connection import connect
from .departments import DepartmentEdits
from .errors import EditError, PlanExistsError, ReadOnlyError, ReadOnlyLocationError
from .events import StoreEvent
from .fileformat import check_plan_file
from .files import backup_before_migrating, initialise, same_file, writable, write_error, write_new
from .lock import PlanLock
from .measures import MeasureEdits
from .progress import ProgressEdits, clear_progress
from .reads import PlanReads
from .verify import readable_copy, verify

# A rollback journal, emptied after every edit: the plan file alone always holds every
# committed edit (see docs/decisions.md, "The file is the document").
JOURNAL_MODE = "TRUNCATE"


# StoreBase through all the mixins
class MatrixStore(MeasureEdits, DepartmentEdits, ProgressEdits, AssignmentEdits, PlanReads):
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
        initialise(db, plan or Plan())
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
            write_new(path, plan)
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
        if not writable(path):
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
                backup_before_migrating(
                    path, verdict.user_version, conn if verdict.recovered else None
                )
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
        if os.path.exists(path) and same_file(path, self.path):
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
