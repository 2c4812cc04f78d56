"""Which measures are tasks (rows of a task-division list) and which are only headings."""

from __future__ import annotations

from .model import Measure, Plan


def task_ids(plan: Plan) -> set[int]:
    """Ids of the measures someone must carry out.

    A measure is a task when it carries an annotation or assignments, or when it is a numbered
    item (level 2 or deeper) with no sub-items. Parts (一、) and items whose sub-items are
    annotated are headings.
    """
    assigned = {a.measure_id for a in plan.assignments}
    parents = {m.parent_id for m in plan.measures if m.parent_id is not None}
    return {
        m.id
        for m in plan.measures
        if m.annotated or m.id in assigned or (m.level >= 2 and m.id not in parents)
    }


def tasks(plan: Plan) -> list[Measure]:
    """The task measures in document order."""
    ids = task_ids(plan)
    return [m for m in plan.measures if m.id in ids]
