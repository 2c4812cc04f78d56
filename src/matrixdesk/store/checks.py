"""Every value a plan file holds, checked where it enters — before the fast readers trust it.

A plan file may come from anywhere: a text where a number belongs, an unknown role, a
department without a name, an assignment that names no department, a measure that is its own
ancestor. Each check is one SQL query (so a plan of 30,000 measures is checked in
milliseconds) that returns the offending rows; :func:`plan_problems` turns them into one line
each. A plan with problems is refused with :class:`InvalidPlanError` instead of crashing a view
later; nothing in the file is changed.
"""

from __future__ import annotations

import sqlite3

from ..core.model import Comparator, Role

_PER_CHECK = 5
_TEXT = "typeof({c}) NOT IN ('text', 'null')"
_WHOLE = "typeof({c}) NOT IN ('integer', 'null')"
_NUMBER = "typeof({c}) NOT IN ('integer', 'real', 'null')"
_ROLES = ", ".join(f"'{r}'" for r in Role)
_COMPARATORS = ", ".join(f"'{c}'" for c in Comparator)


def _columns(kind: str, table: str, key: str, columns: list[str], what: str) -> list[tuple]:
    return [
        (
            f"SELECT {key}, {c} FROM {table} WHERE " + kind.format(c=c),
            f"{table[:-1] if table.endswith('s') else table} {{0}}: {c} is {{1}}, {what}",
        )
        for c in columns
    ]


_CHECKS: list[tuple[str, str]] = [
    *_columns(
        _TEXT,
        "measures",
        "id",
        ["code", "label", "title", "text", "deadline", "annotation"],
        "not text",
    ),
    *_columns(
        _WHOLE,
        "measures",
        "id",
        ["level", "position", "span_start", "span_end", "open_ended", "annotated"],
        "not a whole number",
    ),
    (
        "SELECT id, parent_id FROM measures WHERE parent_id IS NOT NULL"
        " AND parent_id NOT IN (SELECT id FROM measures)",
        "measure {0} has missing measure {1} as parent",
    ),
    (
        "SELECT id, name FROM departments WHERE typeof(name) != 'text' OR trim(name) = ''",
        "department {0}: name is missing",
    ),
    *_columns(_WHOLE, "departments", "id", ["collective", "position"], "not a whole number"),
    (
        "SELECT department_id, alias FROM aliases WHERE typeof(alias) != 'text'"
        " OR trim(alias) = '' OR department_id NOT IN (SELECT id FROM departments)",
        "an alias of department {0} ({1}) is empty or names no department",
    ),
    (
        "SELECT measure_id, department_id FROM assignments"
        " WHERE measure_id NOT IN (SELECT id FROM measures)",
        "the assignment of measure {0} to department {1} names no measure of the plan",
    ),
    (
        "SELECT measure_id, department_id FROM assignments"
        " WHERE department_id NOT IN (SELECT id FROM departments)",
        "the assignment of measure {0} to department {1} names no department of the plan",
    ),
    (
        f"SELECT measure_id, role FROM assignments WHERE role IS NULL OR role NOT IN ({_ROLES})",
        "an assignment of measure {0}: role {1} is neither lead nor support",
    ),
    *_columns(_WHOLE, "assignments", "measure_id", ["position"], "not a whole number"),
    (
        "SELECT id, measure_id FROM targets WHERE measure_id NOT IN (SELECT id FROM measures)",
        "target {0} belongs to no measure of the plan",
    ),
    *_columns(_NUMBER, "targets", "id", ["value"], "not a number"),
    *_columns(_WHOLE, "targets", "id", ["year", "position"], "not a whole number"),
    *_columns(_TEXT, "targets", "id", ["indicator", "unit"], "not text"),
    (
        f"SELECT id, comparator FROM targets WHERE comparator IS NOT NULL"
        f" AND comparator NOT IN ({_COMPARATORS}, '')",
        "target {0}: comparison {1} is not =, ≥ or ≤",
    ),
    ("SELECT key, value FROM meta WHERE " + _TEXT.format(c="value"), "document {0} is not text"),
    ("SELECT id, 'binary' FROM source WHERE " + _TEXT.format(c="text"), "the source text is {1}"),
]

_LEDGER_CHECKS: list[tuple[str, str]] = [
    (
        "SELECT measure_id, department_id FROM progress WHERE measure_id NOT IN"
        " (SELECT id FROM measures) OR department_id NOT IN (SELECT id FROM departments)",
        "a progress entry of measure {0} and department {1} names neither",
    ),
    *_columns(
        _TEXT,
        "progress",
        "measure_id",
        ["period", "status", "note", "reported", "source"],
        "not text",
    ),
    (
        "SELECT target_id, period FROM actuals WHERE target_id NOT IN (SELECT id FROM targets)",
        "a reported value of target {0} ({1}) belongs to no target",
    ),
    *_columns(_NUMBER, "actuals", "target_id", ["value"], "not a number"),
    *_columns(_WHOLE, "actuals", "target_id", ["department_id"], "not a whole number"),
    *_columns(_TEXT, "actuals", "target_id", ["period", "reported", "source"], "not text"),
]


def plan_problems(conn: sqlite3.Connection, *, ledger: bool) -> list[str]:
    """One line per value the plan holds that MatrixDesk cannot use (empty: all is well)."""
    problems: list[str] = []
    for sql, text in _CHECKS + (_LEDGER_CHECKS if ledger else []):
        for row in conn.execute(sql + f" LIMIT {_PER_CHECK}"):
            problems.append(text.format(*(_show(v) for v in row)))
    problems.extend(_parent_loops(conn))
    return problems


def _parent_loops(conn: sqlite3.Connection) -> list[str]:
    """Measures whose chain of parents runs in a circle (each measure walked once)."""
    parent = dict(conn.execute("SELECT id, parent_id FROM measures"))
    fine: set[int] = set()
    looped: set[int] = set()
    found: list[str] = []
    for start in parent:
        path: list[int] = []
        on_path: set[int] = set()
        node = start
        while node in parent and node not in fine and node not in looped and node not in on_path:
            on_path.add(node)
            path.append(node)
            node = parent[node]
        if node in on_path or node in looped:
            looped.update(path)
            if node in on_path and len(found) < _PER_CHECK:
                found.append(f"measure {node} is its own ancestor")
        else:
            fine.update(path)
    return found


def _show(value: object) -> str:
    """A value as a message shows it: short, quoted when text, never raw binary."""
    if isinstance(value, str):
        return repr(value if len(value) <= 20 else value[:20] + "…")
    if isinstance(value, bytes):
        return f"{len(value)} bytes of binary data"
    return repr(value) if not isinstance(value, int) else str(value)
