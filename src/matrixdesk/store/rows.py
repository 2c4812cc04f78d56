"""Conversion between core objects and table rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from itertools import chain

from sqlite_utils import Database

from ..core.model import (
    Assignment,
    Comparator,
    Department,
    DocumentInfo,
    Measure,
    Plan,
    Role,
    Target,
)
from .progress import write_progress

_INFO_KEYS = [f.name for f in fields(DocumentInfo)]


def measure_row(m: Measure) -> dict:
    row = {
        k: getattr(m, k)
        for k in (
            "id",
            "code",
            "label",
            "level",
            "title",
            "text",
            "parent_id",
            "deadline",
            "annotation",
            "position",
        )
    }
    row.update(
        open_ended=int(m.open_ended),
        annotated=int(m.annotated),
        span_start=m.span[0],
        span_end=m.span[1],
    )
    return row


def department_row(d: Department) -> dict:
    return {"id": d.id, "name": d.name, "collective": int(d.collective), "position": d.position}


def assignment_row(a: Assignment) -> dict:
    return {
        "measure_id": a.measure_id,
        "department_id": a.department_id,
        "role": str(a.role),
        "position": a.position,
    }


def target_row(t: Target) -> dict:
    return {
        "id": t.id,
        "measure_id": t.measure_id,
        "indicator": t.indicator,
        "value": t.value,
        "unit": t.unit,
        "comparator": str(t.comparator),
        "year": t.year,
        "position": t.position,
    }


def write_info(db: Database, info: DocumentInfo) -> None:
    db.table("meta").upsert_all(
        ({"key": k, "value": getattr(info, k)} for k in _INFO_KEYS), pk="key"
    )


def write_plan(db: Database, plan: Plan) -> None:
    """Insert every part of ``plan``, progress included (the tables are empty)."""
    write_document(db, plan)
    write_progress(db, plan.schedule, plan.progress, plan.actuals)


def write_document(db: Database, plan: Plan) -> None:
    """Insert the document part of ``plan``: what the first schema already held."""
    write_info(db, plan.info)
    db.table("source").insert({"id": 1, "text": plan.source_text})
    insert_rows(db, "departments", (department_row(d) for d in plan.departments))
    insert_rows(
        db,
        "aliases",
        ({"department_id": d.id, "alias": a} for d in plan.departments for a in d.aliases),
    )
    insert_rows(db, "measures", (measure_row(m) for m in plan.measures))
    insert_rows(db, "assignments", (assignment_row(a) for a in plan.assignments))
    insert_rows(db, "targets", (target_row(t) for t in plan.targets))


def insert_rows(db: Database, table: str, rows: Iterable[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys, plain values) into an existing ``table``.

    One prepared statement for all of them: sqlite-utils' ``insert_all`` builds statements
    per chunk and looks at every value for JSON, about half the time of writing a new plan.
    """
    found = iter(rows)
    first = next(found, None)
    if first is None:
        return
    columns = list(first)
    names = ", ".join(f"[{c}]" for c in columns)
    sql = f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"
    db.conn.executemany(sql, ([r[c] for c in columns] for r in chain([first], found)))


def read_info(db: Database) -> DocumentInfo:
    values = dict(db.execute("SELECT key, value FROM meta").fetchall())
    return DocumentInfo(**{k: values.get(k) or "" for k in _INFO_KEYS})


def read_measures(db: Database, *, renumber: bool = False) -> list[Measure]:
    """The measures in document order; with ``renumber`` their positions are 0, 1, 2 …"""
    # SQLite fills in the defaults: a Python ``or`` per field was half the cost of a big plan
    sql = (
        "SELECT id, coalesce(code, ''), coalesce(label, ''), coalesce(nullif(level, 0), 1),"
        " coalesce(title, ''), coalesce(text, ''), parent_id, coalesce(deadline, ''),"
        " coalesce(open_ended, 0) != 0, coalesce(annotation, ''), coalesce(annotated, 0) != 0,"
        " coalesce(position, 0), coalesce(span_start, 0), coalesce(span_end, 0)"
        " FROM measures ORDER BY position, id"
    )
    yes = {0: False, 1: True}
    found = [
        Measure(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], yes[r[8]], r[9], yes[r[10]],
                r[11], (r[12], r[13]))
        for r in db.execute(sql)
    ]  # fmt: skip
    if renumber:
        for i, m in enumerate(found):
            m.position = i
    return found


def count_children(db: Database) -> dict[int, int]:
    """measure id → number of its sub-measures."""
    sql = "SELECT parent_id, count(*) FROM measures WHERE parent_id IS NOT NULL GROUP BY parent_id"
    return dict(db.execute(sql).fetchall())


def read_departments(db: Database) -> list[Department]:
    aliases: dict[int, list[str]] = {}
    for dep_id, alias in db.execute("SELECT department_id, alias FROM aliases ORDER BY rowid"):
        aliases.setdefault(dep_id, []).append(alias)
    sql = "SELECT id, name, collective, position FROM departments ORDER BY position, id"
    return [
        Department(r[0], r[1], aliases.get(r[0], []), bool(r[2]), r[3] or 0)
        for r in db.execute(sql)
    ]


_ROLES = {str(r): r for r in Role}  # a dict look-up: Role(text) costs a microsecond a row


def read_assignments_by_measure(db: Database) -> dict[int, dict[int, Assignment]]:
    """measure id → department id → assignment, read in one pass."""
    sql = "SELECT measure_id, department_id, role, position FROM assignments ORDER BY measure_id"
    roles = _ROLES
    found: dict[int, dict[int, Assignment]] = {}
    cells: dict[int, Assignment] = {}
    last = None
    for m, d, role, position in db.execute(sql):
        if m != last:
            cells = found[m] = {}
            last = m
        cells[d] = Assignment(m, d, roles.get(role) or Role(role), position or 0)
    return found


def count_roles(
    by_measure: dict[int, dict[int, Assignment]],
) -> tuple[dict[int, int], dict[int, int]]:
    """(department id → measures it leads, department id → measures it supports)."""
    lead: dict[int, int] = {}
    support: dict[int, int] = {}
    for cells in by_measure.values():
        for d, a in cells.items():
            counts = lead if a.role is Role.LEAD else support
            counts[d] = counts.get(d, 0) + 1
    return lead, support


def read_assignments(db: Database) -> list[Assignment]:
    sql = "SELECT measure_id, department_id, role, position FROM assignments"
    roles = _ROLES
    return [
        Assignment(r[0], r[1], roles.get(r[2]) or Role(r[2]), r[3] or 0) for r in db.execute(sql)
    ]


def read_targets(db: Database) -> list[Target]:
    sql = (
        "SELECT id, measure_id, indicator, value, unit, comparator, year, position FROM targets"
        " ORDER BY measure_id, position, id"
    )
    return [
        Target(r[0], r[1], r[2] or "", r[3], r[4] or "", Comparator(r[5] or "="), r[6], r[7] or 0)
        for r in db.execute(sql)
    ]
