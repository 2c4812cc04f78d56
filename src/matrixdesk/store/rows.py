"""Conversion between core objects and table rows."""

from __future__ import annotations

from dataclasses import fields

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
    db.table("departments").insert_all(department_row(d) for d in plan.departments)
    db.table("aliases").insert_all(
        {"department_id": d.id, "alias": a} for d in plan.departments for a in d.aliases
    )
    db.table("measures").insert_all(measure_row(m) for m in plan.measures)
    db.table("assignments").insert_all(assignment_row(a) for a in plan.assignments)
    db.table("targets").insert_all(target_row(t) for t in plan.targets)


def read_info(db: Database) -> DocumentInfo:
    values = dict(db.execute("SELECT key, value FROM meta").fetchall())
    return DocumentInfo(**{k: values.get(k) or "" for k in _INFO_KEYS})


def read_measures(db: Database) -> list[Measure]:
    sql = (
        "SELECT id, code, label, level, title, text, parent_id, deadline, open_ended, annotation,"
        " annotated, position, span_start, span_end FROM measures ORDER BY position, id"
    )
    return [
        Measure(
            id=r[0],
            code=r[1] or "",
            label=r[2] or "",
            level=r[3] or 1,
            title=r[4] or "",
            text=r[5] or "",
            parent_id=r[6],
            deadline=r[7] or "",
            open_ended=bool(r[8]),
            annotation=r[9] or "",
            annotated=bool(r[10]),
            position=r[11] or 0,
            span=(r[12] or 0, r[13] or 0),
        )
        for r in db.execute(sql)
    ]


def read_departments(db: Database) -> list[Department]:
    aliases: dict[int, list[str]] = {}
    for dep_id, alias in db.execute("SELECT department_id, alias FROM aliases ORDER BY rowid"):
        aliases.setdefault(dep_id, []).append(alias)
    sql = "SELECT id, name, collective, position FROM departments ORDER BY position, id"
    return [
        Department(r[0], r[1], aliases.get(r[0], []), bool(r[2]), r[3] or 0)
        for r in db.execute(sql)
    ]


def read_assignments(db: Database) -> list[Assignment]:
    sql = "SELECT measure_id, department_id, role, position FROM assignments"
    return [Assignment(r[0], r[1], Role(r[2]), r[3] or 0) for r in db.execute(sql)]


def read_targets(db: Database) -> list[Target]:
    sql = (
        "SELECT id, measure_id, indicator, value, unit, comparator, year, position FROM targets"
        " ORDER BY measure_id, position, id"
    )
    return [
        Target(r[0], r[1], r[2] or "", r[3], r[4] or "", Comparator(r[5] or "="), r[6], r[7] or 0)
        for r in db.execute(sql)
    ]
