"""A cleaned copy of a received plan: the user wants its data, without what someone added.

A plan with tables, views, triggers or indexes MatrixDesk did not create is refused on open
(:class:`ForeignSchemaError`). :func:`clean_copy` writes a copy without them — the received
file is never changed — so the user can go on with the plan's own data.
"""

from __future__ import annotations

import os
import sqlite3

from . import schema
from .connection import connect
from .errors import ForeignSchemaError, NewerVersionError, NotAPlanError, PlanExistsError
from .fileformat import APPLICATION_ID, check_plan_file
from .verify import _schema_of, damaged, expected_schema, readable_copy

_DROP_ORDER = {"trigger": 0, "view": 1, "index": 2, "table": 3}


def cleaned_name(path: str) -> str:
    """``NAME-cleaned.mdesk`` beside ``path`` (``NAME-cleaned-2.mdesk`` … when taken)."""
    stem, ext = os.path.splitext(path)
    candidate, n = f"{stem}-cleaned{ext or '.mdesk'}", 1
    while os.path.exists(candidate):
        n += 1
        candidate = f"{stem}-cleaned-{n}{ext or '.mdesk'}"
    return candidate


def clean_copy(path: str, dest: str) -> list[str]:
    """Write to ``dest`` a copy of the plan at ``path`` without the schema objects MatrixDesk
    did not create; returns what was left out (``trigger wipe`` …).

    Raises
    ------
    StoreError
        ``dest`` exists, or the plan is damaged, foreign or newer, or one of MatrixDesk's own
        tables was changed (a copy could not keep its data safely).
    """
    path, dest = os.fspath(path), os.fspath(dest)
    if os.path.exists(dest):
        raise PlanExistsError(dest, "the file exists")
    check_plan_file(path, schema.SCHEMA_VERSION)
    tmp = dest + ".part"
    try:
        with readable_copy(path) as copy:
            conn = connect(copy, read_only=False)
            try:
                removed = _drop_foreign(conn, path)
                conn.execute("VACUUM INTO ?", [tmp])
            except sqlite3.DatabaseError as exc:
                raise damaged(path, exc) from exc
            finally:
                conn.close()
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return removed


def _drop_foreign(conn: sqlite3.Connection, path: str) -> list[str]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise NotAPlanError(path, "an SQLite database, but not a MatrixDesk plan")
    if version > schema.SCHEMA_VERSION:
        raise NewerVersionError(path, version, schema.SCHEMA_VERSION)
    result = conn.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise sqlite3.DatabaseError(result[0] if result else "no answer")
    expected = expected_schema(version)
    ours = {(t, n) for t, n, _, _ in expected}
    extra = _schema_of(conn) - expected
    changed = sorted(f"{t} {n} (changed)" for t, n, _, _ in extra if (t, n) in ours)
    if changed:
        raise ForeignSchemaError(path, changed)
    removed = []
    for kind, name, _, _ in sorted(extra, key=lambda e: (_DROP_ORDER.get(e[0], 9), e[1])):
        if name.startswith("sqlite_"):
            continue  # SQLite's own (an automatic index goes with its table)
        quoted = '"' + name.replace('"', '""') + '"'
        conn.execute(f"DROP {kind.upper()} IF EXISTS {quoted}")
        removed.append(f"{kind} {name}")
    conn.commit()
    return removed
