"""The plan file on disk around :class:`MatrixStore`: writing a new one, the backup before a
migration, whether a file can be written, and the typed error for a failed write."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..core.model import Plan
from ..core.safefile import check_folder, replace_file, temp_beside
from . import rows, schema
from .connection import error_name
from .errors import WriteError
from .fileformat import APPLICATION_ID


def initialise(db: Database, plan: Plan) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA foreign_keys = ON")
    schema.apply(db)
    with db.atomic():
        rows.write_plan(db, plan)


def write_new(path: str, plan: Plan) -> None:
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
            initialise(Database(conn, execute_plugins=False), plan)
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


def writable(path: str) -> bool:
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def backup_before_migrating(path: str, version: int, conn: sqlite3.Connection | None) -> str:
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
