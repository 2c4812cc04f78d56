"""``show``'s two forms of a plan: the JSON document (``show --json``) and the plain-text
listing, one line per measure."""

from __future__ import annotations

import datetime as dt
import json

from ..core.index import PlanIndex
from ..core.model import Plan, Role
from ..core.stats import workload
from .common import plan_counts


def json_lines(document: dict) -> str:
    """``document`` as JSON with one top-level key a line and one list item a line (each
    department, each measure). json.dumps with ``indent`` runs the pure-Python encoder (a
    second for 30,000 measures); the C encoder writes each item, and a line per record
    reads and greps well."""

    def value(v: object) -> str:
        if isinstance(v, list) and v:
            items = ",\n".join(f"    {json.dumps(x, ensure_ascii=False)}" for x in v)
            return f"[\n{items}\n  ]"
        return json.dumps(v, ensure_ascii=False)

    body = ",\n".join(f"  {json.dumps(k)}: {value(v)}" for k, v in document.items())
    return f"{{\n{body}\n}}"


def plan_to_json(plan: Plan) -> dict:
    """The ``show --json`` document (keys may be added, never removed or renamed)."""
    index = PlanIndex(plan)  # one pass; plan.assignments_of per measure was quadratic
    by_id, dep_name = index.measures, index.names
    counts = {w.department.id: w for w in workload(plan, include_collective=True)}
    ledger = _LedgerJson(plan)
    return {
        "document": {
            "title": plan.info.title,
            "number": plan.info.number,
            "issuer": plan.info.issuer,
            "date": plan.info.date,
        },
        "departments": [
            {
                "name": d.name,
                "aliases": list(d.aliases),
                "collective": d.collective,
                "lead": counts[d.id].lead,
                "support": counts[d.id].support,
            }
            for d in plan.departments
        ],
        "reporting": ledger.schedule(),
        "measures": [
            {
                "code": m.code,
                "label": m.label,
                "level": m.level,
                "title": m.title,
                "text": m.text,
                "parent": by_id[m.parent_id].code if m.parent_id in by_id else None,
                "open_ended": m.open_ended,
                "deadline": m.deadline,
                "overdue": m.id in ledger.overdue,
                "assignments": [
                    {"department": dep_name[a.department_id], "role": str(a.role)}
                    | ledger.assignment(a.measure_id, a.department_id)
                    for a in index.assignments_of(m.id)
                ],
                "targets": [
                    {
                        "indicator": t.indicator,
                        "value": t.value,
                        "unit": t.unit,
                        "comparator": str(t.comparator),
                        "year": t.year,
                        "actuals": ledger.actuals.get(t.id, []),
                    }
                    for t in index.targets_of(m.id)
                ],
            }
            for m in plan.measures
        ],
    }


class _LedgerJson:
    """The progress parts of ``show --json``, looked up per assignment and target."""

    def __init__(self, plan: Plan) -> None:
        from ..core.ledger import build_ledger

        self.plan = plan
        names = {d.id: d.name for d in plan.departments}
        self.entries: dict[tuple[int, int], list] = {}
        for e in sorted(plan.progress, key=lambda e: e.period):
            self.entries.setdefault((e.measure_id, e.department_id), []).append(e)
        self.actuals: dict[int, list[dict]] = {}
        for a in sorted(plan.actuals, key=lambda a: a.period):
            self.actuals.setdefault(a.target_id, []).append(
                {
                    "period": a.period,
                    "value": a.value,
                    "department": names.get(a.department_id or 0, ""),
                    "reported": a.reported,
                    "source": a.source,
                }
            )
        today = dt.date.today()
        current = plan.schedule.current(today, plan.info.date)
        self.overdue = build_ledger(plan, max(current, self._last_period()), today).overdue

    def _last_period(self) -> str:
        return max((e.period for e in self.plan.progress), default="")

    def schedule(self) -> dict:
        s = self.plan.schedule
        first, last = s.window(self.plan.info.date)
        return {
            "cadence": str(s.cadence),
            "first": first,
            "last": last,
            "statuses": [{"name": x.name, "meaning": str(x.meaning)} for x in s.statuses],
        }

    def assignment(self, measure_id: int, department_id: int) -> dict:
        entries = self.entries.get((measure_id, department_id), [])
        status = next((e.status for e in reversed(entries) if e.status), "")
        return {
            "status": status,
            "progress": [
                {
                    "period": e.period,
                    "status": e.status,
                    "note": e.note,
                    "reported": e.reported,
                    "source": e.source,
                }
                for e in entries
            ],
        }


def plan_to_table(plan: Plan) -> str:
    """A plain-text listing: one line per measure with its lead and support departments."""
    index = PlanIndex(plan)
    dep_name = index.names
    info = plan.info
    lines = [" ".join(x for x in (info.number, info.title, info.issuer, info.date) if x)]
    for m in plan.measures:
        assigned = index.assignments_of(m.id)
        lead = "、".join(dep_name[a.department_id] for a in assigned if a.role == Role.LEAD)
        support = "、".join(dep_name[a.department_id] for a in assigned if a.role == Role.SUPPORT)
        indent = "  " * (m.level - 1)
        line = f"{indent}{m.code:<8} {m.title}"
        if assigned:
            line += f"  | 牵头: {lead or '-'}"
            if support:
                line += f" | 配合: {support}"
        lines.append(line)
    lines.append(plan_counts(plan))
    return "\n".join(lines) + "\n"
