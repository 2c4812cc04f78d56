"""What a change-log entry says, in the window's language, from what the entry records.

The file keeps each entry's kind and a JSON detail (cells, ids, old and new values) beside a
summary written at the time: by the window in the language it had then, by the store or the
collect in English ("1 measures", "3 changes from …", "reporting schedule"). A Chinese user
read those English words in the Change Log. :func:`entry_text` says every entry again from
its kind and detail, with the plan's own numbering and the names departments had then (entries
written before the detail kept names use today's), in the language of the window — also for
entries already in a plan; an entry it cannot say (an id gone, a kind it does not know) keeps
its stored summary.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ..store import StoreError
from .history import listed

TITLE_CHARS = 16
_COUNT = re.compile(r":\s*(\d+) changes? from")


def _tr(text: str) -> str:
    """The history's own wording (context ``History``), so the log and the Undo menu agree."""
    return QCoreApplication.translate("History", text)


def _tr_log(text: str) -> str:
    return QCoreApplication.translate("ChangeLogText", text)


def _fill(text: str, *values: object) -> str:
    for i, value in enumerate(values, 1):
        text = text.replace(f"%{i}", str(value))
    return text


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


class _Plan:
    """Names of the open plan's measures and departments, as the history writes them."""

    def __init__(self, document) -> None:
        self.document = document
        self.store = document.store

    def number(self, measure_id: int) -> str:
        return self.document.number(measure_id)

    def department(self, department_id: int) -> str:
        return self.store.department(department_id).name

    def target(self, target_id: int):
        return next(t for t in self.store.targets() if t.id == target_id)


def _roles(plan: _Plan, d: dict, _row: dict) -> str:
    cells = d["cells"]
    roles = {c["new"] for c in cells}
    verb = {
        frozenset({"lead"}): _tr("Set lead"),
        frozenset({"support"}): _tr("Set support"),
        frozenset({None}): _tr("Clear"),
    }.get(frozenset(roles), _tr("Change roles"))
    measures = listed(plan.number(c["measure"]) for c in cells)
    departments = listed(c.get("name") or plan.department(c["department"]) for c in cells)
    return _fill(_tr("%1: %2 × %3"), verb, measures, departments)


def _assignments(plan: _Plan, d: dict, _row: dict) -> str:
    measures = listed(plan.number(m) for m in d["measures"])
    return _fill(_tr_log("Cells rewritten (undo, redo or paste): %1"), measures)


def _measure(plan: _Plan, d: dict, row: dict) -> str:
    name, new = plan.number(d["measure"]), d["new"]
    if set(new) == {"deadline"}:
        return _fill(_tr("Deadline: %1 → %2"), name, new["deadline"] or _tr("none"))
    if set(new) == {"open_ended"}:
        return _fill(
            _tr("Open-ended: %1") if new["open_ended"] else _tr("Not open-ended: %1"), name
        )
    if set(new) == {"title"}:
        return _fill(_tr("Edit title: %1"), f"{name} {_short(str(new['title']))}")
    if set(new) == {"text"}:
        return _fill(_tr("Edit text: %1"), name)
    return _fill(_tr("Edit measure: %1"), name)


def _added_measure(plan: _Plan, d: dict, row: dict) -> str:
    m = d["measure"]
    return _fill(_tr("Add measure: %1"), f"{m.get('label', '')} {_short(m['title'])}".strip())


def _target_name(plan: _Plan, measure_id: int, indicator: str) -> str:
    return f"{plan.number(measure_id)} {_short(indicator)}".strip()


def _target(plan: _Plan, d: dict, row: dict) -> str:
    t = plan.target(d["target"])
    return _fill(_tr("Edit target: %1"), _target_name(plan, t.measure_id, t.indicator))


def _schedule(plan: _Plan, d: dict, row: dict) -> str:
    new = d["new"]
    cadence = _tr_log("quarterly") if new["cadence"] == "quarter" else _tr_log("monthly")
    first = new["first"] or _tr_log("the document's date")
    last = new["last"] or _tr_log("open")
    return _fill(_tr_log("Reporting: %1, from %2 to %3"), cadence, first, last)


def _collect(plan: _Plan, d: dict, row: dict) -> str:
    found = _COUNT.search(row.get("summary") or "")
    count = d.get("count") or (int(found.group(1)) if found else len(d.get("changes", [])))
    text = _tr_log("%1 %2: %3 changes from %4")
    if row["action"].startswith("undo"):
        text = _tr_log("Undone: %1 %2, %3 changes from %4")
    return _fill(text, row.get("department") or "", row.get("period") or "", count, row["source"])


def _collective(plan: _Plan, d: dict, row: dict) -> str:
    text = _tr("Mark collective: %1") if d["new"] else _tr("Unmark collective: %1")
    return _fill(text, row["summary"])


def _named(source: str, key: str | None = None) -> Callable[[_Plan, dict, dict], str]:
    """An entry said as ``source`` with one name: from the detail, else the stored summary
    (a department's or measure's name at the time is data, not language)."""

    def say(plan: _Plan, d: dict, row: dict) -> str:
        return _fill(_tr(source), d[key] if key else row["summary"])

    return say


_SAYERS: dict[str, Callable[[_Plan, dict, dict], str]] = {
    "roles": _roles,
    "assignments": _assignments,
    "measure": _measure,
    "add measure": _added_measure,
    "remove measure": _named("Remove measure: %1"),
    "restore measure": lambda p, d, r: _fill(_tr_log("Restore measure: %1"), r["summary"]),
    "add target": lambda p, d, r: _fill(
        _tr("Add target: %1"), _target_name(p, d["target"]["measure_id"], d["target"]["indicator"])
    ),
    "target": _target,
    "remove target": lambda p, d, r: _fill(
        _tr("Remove target: %1"),
        _target_name(p, d["target"]["measure_id"], d["target"]["indicator"]),
    ),
    "add department": _named("Add department: %1", "name"),
    "rename department": lambda p, d, r: _fill(
        _tr("Rename department: %1 → %2"), d["old"], d["new"]
    ),
    "aliases": lambda p, d, r: _fill(
        _tr("Aliases of %1: %2"), r["summary"], "、".join(d["new"]) or _tr("none")
    ),
    "collective": _collective,
    "move department": lambda p, d, r: _fill(
        _tr("Move department: %1 to place %2"), r["summary"], d["new"] + 1
    ),
    "remove department": _named("Remove department: %1"),
    "merge departments": lambda p, d, r: _fill(
        _tr("Merge departments: %1 → %2"), d["source"], d["target"]
    ),
    "restore departments": lambda p, d, r: _fill(
        _tr_log("Restore departments: %1"), listed(d["departments"])
    ),
    "schedule": _schedule,
    "info": lambda p, d, r: _tr_log("Document number, title, issuer or date changed"),
    "replace plan": lambda p, d, r: _fill(
        _tr_log("Plan replaced by an import: %1 measures"), d.get("measures", "")
    ),
    "collect": _collect,
    "undo collect": _collect,
}


def entry_text(document, row: dict) -> str:
    """What change-log ``row`` (``action``, ``summary``, ``detail`` …) says, in the window's
    language; its stored summary when the entry cannot be said again."""
    say = _SAYERS.get(row.get("action", ""))
    if say is None:
        return row.get("summary") or ""
    try:
        detail = row.get("detail") or "{}"
        detail = json.loads(detail) if isinstance(detail, str) else detail
        return say(_Plan(document), detail, row)
    except (StoreError, KeyError, TypeError, ValueError, StopIteration, AttributeError):
        return row.get("summary") or ""
