"""The .mdesk schema, built and changed only through ``sqlite_utils.Migrations``.

``PRAGMA user_version`` mirrors the number of migrations applied, so a file's version can be
read from its header before SQLite opens it (see :mod:`fileformat`).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("matrixdesk")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("source").create({"id": int, "text": str}, pk="id")
    db.table("departments").create(
        {"id": int, "name": str, "collective": int, "position": int}, pk="id", not_null={"name"}
    )
    db.table("departments").create_index(["name"], unique=True)
    db.table("aliases").create(
        {"department_id": int, "alias": str},
        pk=("department_id", "alias"),
        foreign_keys=[("department_id", "departments", "id")],
    )
    db.table("measures").create(
        {
            "id": int,
            "code": str,
            "label": str,
            "level": int,
            "title": str,
            "text": str,
            "parent_id": int,
            "deadline": str,
            "open_ended": int,
            "annotation": str,
            "annotated": int,
            "position": int,
            "span_start": int,
            "span_end": int,
        },
        pk="id",
        foreign_keys=[("parent_id", "measures", "id")],
    )
    db.table("assignments").create(
        {"measure_id": int, "department_id": int, "role": str, "position": int},
        pk=("measure_id", "department_id"),
        foreign_keys=[("measure_id", "measures", "id"), ("department_id", "departments", "id")],
    )
    db.table("assignments").create_index(["department_id"])
    db.table("targets").create(
        {
            "id": int,
            "measure_id": int,
            "indicator": str,
            "value": float,
            "unit": str,
            "comparator": str,
            "year": int,
            "position": int,
        },
        pk="id",
        foreign_keys=[("measure_id", "measures", "id")],
    )
    db.table("targets").create_index(["measure_id"])


@migrations()
def m002_changelog_and_options(db: Database) -> None:
    # The change log records every edit with the values it replaced (old department names
    # survive a rename); options hold per-file settings that travel with the plan.
    db.table("changelog").create(
        {"id": int, "at": str, "action": str, "summary": str, "detail": str}, pk="id"
    )
    db.table("options").create({"key": str, "value": str}, pk="key")


SCHEMA_VERSION = 2  # the number of migrations above; a test keeps the two in step


def apply(db: Database) -> None:
    """Bring ``db`` up to :data:`SCHEMA_VERSION`."""
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")
