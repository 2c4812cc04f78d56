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


@migrations()
def m003_progress(db: Database) -> None:
    # The progress ledger (进展台账): per assignment and reporting period a status and a note,
    # per target and period the value reached, each with when it was reported and the file it
    # came from; the plan's list of statuses; change-log rows say which department, period
    # and returned file they concern, so the log can be filtered by them.
    db.table("progress").create(
        {
            "measure_id": int,
            "department_id": int,
            "period": str,
            "status": str,
            "note": str,
            "reported": str,
            "source": str,
        },
        pk=("measure_id", "department_id", "period"),
        foreign_keys=[("measure_id", "measures", "id"), ("department_id", "departments", "id")],
    )
    db.table("progress").create_index(["department_id", "period"])
    db.table("actuals").create(
        {
            "target_id": int,
            "period": str,
            "value": float,
            "department_id": int,
            "reported": str,
            "source": str,
        },
        pk=("target_id", "period"),
        foreign_keys=[("target_id", "targets", "id")],
    )
    db.table("statuses").create({"position": int, "name": str, "meaning": str}, pk="position")
    db.table("statuses").insert_all(
        {"position": i, "name": name, "meaning": meaning}
        for i, (name, meaning) in enumerate(
            (("未开始", "todo"), ("推进中", "doing"), ("已完成", "done"), ("滞后", "late"))
        )
    )
    for column in ("department", "period", "source"):
        db.table("changelog").add_column(column, str)


SCHEMA_VERSION = 3  # the number of migrations above; a test keeps the two in step


def apply(db: Database) -> None:
    """Bring ``db`` up to :data:`SCHEMA_VERSION`."""
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")
