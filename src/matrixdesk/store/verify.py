"""Is this file a plan MatrixDesk can trust? SQLite's verdict, and the schema compared with ours.

* SQLite judges whether a file is readable (``PRAGMA quick_check``). A plan left with a hot
  rollback journal or a write-ahead log by a crash is first recovered in a temporary copy, so a
  file SQLite cannot read is never changed, and one it can recover is not called "damaged".
* The schema must be the one MatrixDesk's own migrations build for the file's version: a
  table, view, trigger or index the app did not create is refused, so a received plan can
  never change data behind the user's back or hang every command. :func:`clean_copy` writes a
  copy without them (and without values MatrixDesk cannot use) for a user who wants it anyway.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlite_utils import Database

from . import schema
from .connection import SIDE_FILES, connect, error_name, needs_recovery
from .errors import DamagedFileError, ForeignSchemaError, NewerVersionError, NotAPlanError
from .fileformat import APPLICATION_ID, describe_damage

_RECOVERY_NEEDED = {"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY", "SQLITE_CANTOPEN"}
_PLAN_TABLES = {"meta", "measures", "departments", "assignments"}


@dataclass(frozen=True)
class Verdict:
    """What checking a file found."""

    user_version: int
    recovered: bool  # SQLite recovered an interrupted edit (in a copy, for the check)


@contextmanager
def readable_copy(path: str) -> Iterator[str]:
    """A temporary copy of the plan and its journal or log, for SQLite to recover and read
    without touching the user's files. Removed on leaving."""
    folder = tempfile.mkdtemp(prefix="matrixdesk-check-")
    copy = os.path.join(folder, "plan.mdesk")
    try:
        shutil.copyfile(path, copy)
        for suffix in SIDE_FILES:
            if os.path.exists(path + suffix):
                shutil.copyfile(path + suffix, copy + suffix)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def verify(path: str, supported: int, *, quick_check: bool = True) -> Verdict:
    """Check ``path`` without changing it; raises a :class:`StoreError` when it is no good."""
    if needs_recovery(path):
        with readable_copy(path) as copy:
            version = _check(copy, path, supported, quick_check, read_only=False)
        return Verdict(version, recovered=True)
    try:
        return Verdict(_check(path, path, supported, quick_check, read_only=True), False)
    except _NeedsRecovery:
        with readable_copy(path) as copy:
            version = _check(copy, path, supported, quick_check, read_only=False)
        return Verdict(version, recovered=True)


class _NeedsRecovery(Exception):
    pass


def _check(path: str, shown: str, supported: int, quick: bool, *, read_only: bool) -> int:
    try:
        conn = connect(path, read_only=read_only)
        try:
            app_id, version = _ids(conn)
            if app_id != APPLICATION_ID:
                raise NotAPlanError(shown, "an SQLite database, but not a MatrixDesk plan")
            if version > supported:
                raise NewerVersionError(shown, version, supported)
            if version < 1:
                raise DamagedFileError(shown, "the plan has no schema version")
            if quick:
                result = conn.execute("PRAGMA quick_check").fetchone()
                if not result or result[0] != "ok":
                    raise sqlite3.DatabaseError(result[0] if result else "no answer")
            check_schema(conn, shown, version)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if read_only and error_name(exc) in _RECOVERY_NEEDED:
            raise _NeedsRecovery from exc
        raise damaged(shown, exc) from exc
    return version


def _ids(conn: sqlite3.Connection) -> tuple[int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
    return app_id, conn.execute("PRAGMA user_version").fetchone()[0]


def damaged(path: str, exc: BaseException) -> DamagedFileError:
    """The error for a plan SQLite cannot read, naming what can still be done."""
    readable = _rows_readable(path)
    return DamagedFileError(
        path, describe_damage(path, str(exc)), backups=backups_of(path), readable=readable
    )


def _rows_readable(path: str) -> bool:
    """Whether the plan's rows can still be read although the file is not whole."""
    try:
        with readable_copy(path) as copy:
            conn = connect(copy, read_only=False)
            try:
                check_schema(conn, path, _ids(conn)[1])
                for table in ("measures", "departments", "assignments"):
                    conn.execute(f"SELECT * FROM {table}").fetchall()
            finally:
                conn.close()
    except (sqlite3.DatabaseError, OSError, ValueError, ForeignSchemaError):
        return False
    return True


def backups_of(path: str) -> list[str]:
    """Backup copies MatrixDesk wrote beside ``path`` before migrating it, newest first."""
    stem, ext = os.path.splitext(path)
    folder = os.path.dirname(os.path.abspath(path))
    prefix = os.path.basename(stem) + ".v"
    try:
        names = [
            n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith("-backup" + ext)
        ]
    except OSError:
        return []
    found = [os.path.join(folder, n) for n in names]
    return sorted(found, key=os.path.getmtime, reverse=True)


# -- the schema ------------------------------------------------------------------------------
def _normal(sql: str | None) -> str:
    if sql is None:
        return ""
    text = re.sub(r'[\[\]"`]', "", sql.lower())
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([(),])\s*", r"\1", text).strip()


_EXPECTED: dict[int, set[tuple[str, str, str, str]]] = {}


def expected_schema(version: int) -> set[tuple[str, str, str, str]]:
    """(type, name, table, normalised SQL) of everything MatrixDesk's first ``version``
    migrations create."""
    if version not in _EXPECTED:
        db = Database(memory=True, execute_plugins=False)
        names = [m.name for m in schema.migrations._migrations]
        stop = names[version] if version < len(names) else None
        schema.migrations.apply(db, stop_before=stop)
        _EXPECTED[version] = _schema_of(db.conn)
        db.close()
    return _EXPECTED[version]


def _schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {(t, n, tb, _normal(sql)) for t, n, tb, sql in rows if n != "sqlite_sequence"}


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """What in the file's schema MatrixDesk did not create (e.g. ``trigger wipe``)."""
    found = _schema_of(conn)
    expected = expected_schema(version)
    names = {(t, n) for t, n, _, _ in expected}
    extra = sorted(found - expected)
    return [f"{t} {n}" + (" (changed)" if (t, n) in names else "") for t, n, _, _ in extra]


def check_schema(conn: sqlite3.Connection, path: str, version: int) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not _PLAN_TABLES <= tables:
        raise NotAPlanError(path, "a MatrixDesk file without plan tables")
    ours = {n for t, n, _, _ in expected_schema(version) if t == "table"}
    if not ours <= tables:
        missing = ", ".join(sorted(ours - tables))
        raise DamagedFileError(path, f"the plan lacks its tables {missing}")
    differences = schema_differences(conn, version)
    if differences:
        raise ForeignSchemaError(path, differences)
