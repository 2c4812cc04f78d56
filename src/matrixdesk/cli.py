"""The ``matrixdesk`` command: the GUI with no subcommand, headless work with one.

Every subcommand opens the store and calls the same function the GUI action calls; failures
print one line on stderr and exit 2 (``check`` exits 1 when the plan has errors).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from . import __version__
from .core import errorlog
from .core.index import PlanIndex
from .core.model import Plan, Role
from .core.stats import workload
from .core.validate import Severity, validate

if TYPE_CHECKING:
    from .parse.document import ParseNotes

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

GUI_USAGE = """\
matrixdesk [PLAN.mdesk] [--lang zh_CN|en] [--screenshot OUT.png [--size WxH] [--select CODE]]
       matrixdesk COMMAND ...

With no command, opens the editor window (on PLAN.mdesk, or the last plan, or the bundled
sample). --lang sets the window's language for this run (otherwise the one chosen in
View > Language). --screenshot renders the window on PLAN.mdesk to a PNG and exits: --size
(default 1600x1000), --select the measure code to select. `matrixdesk COMMAND --help`
describes each command; none of them needs a display (on Linux without DISPLAY or
WAYLAND_DISPLAY the window says so and exits 2).
"""


class CliError(Exception):
    """A failure to report on one line."""


# -- subcommands -----------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    """Read a policy document and write a new plan file."""
    from .core.progress import new_plan_schedule
    from .parse import read_source
    from .parse.document import parse_document
    from .store import MatrixStore

    _refuse_overwrite(args.output, args.source, what="the plan")
    plan, notes = parse_document(read_source(args.source, encoding=args.encoding))
    if not plan.measures:
        raise CliError(
            f"{args.source}: no numbered measures (一、 (一) 1.) found; is it a policy document?"
        )
    plan.schedule = new_plan_schedule(plan, dt.date.today())
    MatrixStore.write(args.output, plan, overwrite=args.force)
    tasks = sum(1 for m in plan.measures if m.annotated)
    print(
        f"{args.output}: {count(len(plan.measures), 'measure')} ({tasks} annotated), "
        + _plan_counts(plan, measures=False)
    )
    for line in _import_notes(plan, notes):
        print(f"  {line}")
    return EXIT_OK


def _import_notes(plan: Plan, notes: ParseNotes) -> list[str]:
    """What the import could not read, as the window's preview says it (English)."""
    from .core.variants import suspected_variants

    labels = {m.code: m.label or m.code for m in plan.measures}
    lines = [
        f"not read (names no department): （{text}） in {labels.get(code, code) or 'the preamble'}"
        for code, text in notes.skipped
    ]
    lines += [f"left out (not a department): {text} in {labels.get(code, code)}"
              for code, text in notes.refused]  # fmt: skip
    names = {d.id: d.name for d in plan.departments}
    lines += [
        f"possibly one department: {names[v.merge]} / {names[v.keep]}"
        for v in suspected_variants(plan)
    ]
    return lines


def cmd_show(args: argparse.Namespace) -> int:
    """Print a plan as a table or as JSON."""
    plan = _load(args.plan)
    if args.json:
        text = json_lines(plan_to_json(plan))
        sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    else:
        sys.stdout.write(terminal_safe(plan_to_table(plan)))
    return EXIT_OK


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


def cmd_check(args: argparse.Namespace) -> int:
    """Print the validation findings; exit 1 when any is an error."""
    findings = validate(_load(args.plan))
    for f in findings:
        print(terminal_safe(f"{f.severity}: {f.message()}"))
    errors = sum(f.severity == Severity.ERROR for f in findings)
    print(f"{count(errors, 'error')}, {count(len(findings) - errors, 'warning')}")
    return EXIT_FINDINGS if errors else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write the master workbook, and per-department workbooks with --per-department."""
    from .exchange import export_departments, export_master

    if args.output:
        _refuse_overwrite(args.output, args.plan, what="the workbook")
    plan = _load(args.plan)
    if args.output:
        export_master(plan, args.output)
        print(f"wrote {args.output}")
    if args.per_department:
        os.makedirs(args.per_department, exist_ok=True)
        written = export_departments(plan, args.per_department, period=args.period)
        print(f"wrote {count(len(written), 'department workbook')} to {args.per_department}")
    if not args.output and not args.per_department:
        raise CliError("nothing to export: give -o FILE.xlsx and/or --per-department DIR")
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace) -> int:
    """Show or change how the plan's departments report: cadence, periods, statuses."""
    from dataclasses import replace

    from .core.periods import Cadence
    from .core.progress import Meaning, Status
    from .store import MatrixStore

    changing = any(v is not None for v in (args.cadence, args.first, args.last, args.statuses))
    store = MatrixStore.open(args.plan, read_only=not changing, lock=changing)
    try:
        schedule = store.schedule()
        if changing:
            if args.cadence is not None:  # the bounds follow: 2022-01 → 2022-Q1
                schedule = schedule.with_cadence(Cadence(args.cadence))
            first, last = _default_window(store, schedule.cadence)
            if args.first is not None:
                schedule = replace(schedule, first=args.first or first)
            if args.last is not None:
                schedule = replace(schedule, last=args.last or last)
            if args.statuses is not None:
                statuses = []
                for item in args.statuses.split(","):
                    name, _, meaning = item.partition("=")
                    if meaning not in {m.value for m in Meaning}:
                        raise CliError(f"{item!r}: give NAME=todo|doing|done|late")
                    statuses.append(Status(name.strip(), Meaning(meaning)))
                schedule = replace(schedule, statuses=tuple(statuses))
            store.set_schedule(schedule)
        first, last = schedule.window(store.info().date)
        print(f"cadence: {schedule.cadence}; periods {first} to {last}")
        print("statuses: " + ", ".join(f"{s.name}={s.meaning}" for s in schedule.statuses))
    finally:
        store.close()
    return EXIT_OK


def _default_window(store, cadence) -> tuple[str, str]:
    """The window a plan made today from the same document would report in."""
    from .core.progress import starting_window, work_ends

    ends = work_ends(store.measures(), store.targets())
    return starting_window(store.info().date, ends, dt.date.today(), cadence)


def cmd_collect(args: argparse.Namespace) -> int:
    """Read returned department workbooks into the plan's progress ledger (进展台账).

    Exit 1 when a file was refused (the others are still collected)."""
    from .core.periods import parse_period
    from .exchange.collect import collect
    from .store import MatrixStore

    store = MatrixStore.open(args.plan, read_only=args.dry_run, lock=not args.dry_run)
    try:
        plan = store.plan()
        if args.period is not None:
            period = parse_period(args.period, plan.schedule.cadence)
            if not plan.schedule.has_period(period, plan.info.date):
                first, last = plan.schedule.window(plan.info.date)
                raise CliError(f"the plan reports from {first} to {last}, not in {period}")
        result = collect(plan, args.files, period=args.period)
        overwrite = bool(args.overwrite_newer)
        update = result.update((lambda c: True) if overwrite else None)
        names = {d.id: d.name for d in plan.departments}
        lines = collection_lines(result, names, overwrite, dry_run=args.dry_run)
        if not args.dry_run and not update.is_empty():
            store.apply_progress(update)  # before saying "changed"
    finally:
        store.close()
    for line in lines:
        print(terminal_safe(line))
    return EXIT_FINDINGS if any(f.refused for f in result.files) else EXIT_OK


def collection_lines(result, names: dict[int, str], overwrite: bool, *, dry_run: bool) -> list[str]:
    """One line per file — what it changes and which newer values of the plan it keeps, or
    why it was refused — and a last line with the totals, in the same words for a dry run
    ("would change") and a real one ("changed")."""
    changed, kept = ("would change", "would keep") if dry_run else ("changed", "kept")
    lines = []
    taken: list = []
    newer: list = []
    for f in result.files:
        if f.refused is not None:
            lines.append(f"{f.path}: refused: {f.refused.reason}")
            continue
        who = f"{names.get(f.department_id or 0, '?')} {f.period}"
        if f.superseded_by:
            lines.append(f"{f.path}: {who}: skipped, a later workbook is {f.superseded_by}")
            continue
        mine = [c for c in f.changes if overwrite or not c.conflict]
        theirs = [c for c in f.changes if c.conflict]
        taken += mine
        text = f"{f.path}: {who}: {changed} {_kinds(mine)}"
        are = "is" if len(theirs) == 1 else "are"
        held = f"{_kinds(theirs)} the plan holds that {are} newer than the workbook"
        if theirs and overwrite:
            text += f", overwriting {held}"
        elif theirs:
            newer += theirs
            it = "it" if len(theirs) == 1 else "them"
            text += f"; {kept} {held} (--overwrite-newer replaces {it})"
        if f.skipped:
            text += f"; skipped {count(len(f.skipped), 'row')} no longer assigned"
        lines.append(text)
    read = sum(1 for f in result.files if f.usable)
    total = f"in all, from {count(read, 'workbook')}: {changed} {_kinds(taken)}"
    if newer:
        are = "is" if len(newer) == 1 else "are"
        total += f"; {kept} {_kinds(newer)} that {are} newer in the plan"
    return [*lines, total]


def _kinds(changes: list) -> str:
    """The kinds of ``changes`` counted: "2 statuses, 1 note and 1 value reached" (only the
    kinds there are), or "nothing"."""
    kinds = [c.kind for c in changes]
    parts = [
        count(kinds.count(kind), *words)
        for kind, words in (
            ("status", ("status", "statuses")),
            ("note", ("note",)),
            ("actual", ("value reached", "values reached")),
        )
        if kind in kinds
    ]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with its noun: "1 page", "2 pages", "0 pages" (English output)."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def cmd_chart(args: argparse.Namespace) -> int:
    """Draw a chart to PNG, SVG or PDF."""
    from .charts import build_chart, save_chart

    _refuse_overwrite(args.output, args.plan, what="the chart")
    plan = _load(args.plan)
    if args.period is not None:
        from .core.periods import parse_period

        args.period = parse_period(args.period, plan.schedule.cadence)  # a clear message
    fig = build_chart(
        plan, args.kind, include_collective=args.include_collective, period=args.period
    )
    save_chart(fig, args.output)
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Render the matrix, a task list, a progress report or the chase list (催报) to PDF."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .report import render_pdf

    _refuse_overwrite(args.output, args.plan, what="the report")
    kind = "list" if args.department and args.kind == "matrix" else args.kind
    pages = render_pdf(
        _load(args.plan),
        args.output,
        kind=kind,
        department=args.department,
        page_size=args.page_size,
        landscape=not args.portrait,
        include_collective=not args.exclude_collective,
        period=args.period,
        font=args.font,
    )
    print(f"wrote {args.output} ({count(pages, 'page')})")
    return EXIT_OK


Handler = Callable[[argparse.Namespace], int]
SUBCOMMANDS: dict[str, Handler] = {
    "import": cmd_import,
    "show": cmd_show,
    "check": cmd_check,
    "export": cmd_export,
    "collect": cmd_collect,
    "schedule": cmd_schedule,
    "chart": cmd_chart,
    "report": cmd_report,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="matrixdesk",
        usage=GUI_USAGE,
        description="MatrixDesk: responsibility matrices (任务分工) from Chinese policy documents.",
    )
    parser.add_argument("--version", action="version", version=f"matrixdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="matrixdesk")

    p = sub.add_parser("import", help=cmd_import.__doc__, description=cmd_import.__doc__)
    p.add_argument(
        "source",
        help="the policy document: .docx (paragraphs and tables), .pdf with a text layer, "
        ".xlsx task table, .txt (UTF-8, GB18030/GBK, UTF-16) or .html; .doc/.wps files must "
        "be saved as .docx and .xls/.et as .xlsx first",
    )
    p.add_argument("-o", "--output", required=True, help="the plan file to create (.mdesk)")
    p.add_argument("--encoding", help="the text's encoding, when detection guesses wrong")
    p.add_argument("--force", action="store_true", help="overwrite an existing plan file")

    p = sub.add_parser("show", help=cmd_show.__doc__, description=cmd_show.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("check", help=cmd_check.__doc__, description=cmd_check.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")

    p = sub.add_parser("export", help=cmd_export.__doc__, description=cmd_export.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")
    p.add_argument("-o", "--output", help="the master workbook to write (.xlsx)")
    p.add_argument("--per-department", metavar="DIR", help="also write one workbook per department")
    p.add_argument(
        "--period",
        help="the reporting period the department workbooks ask about (2026-11 or 2026-Q4;"
        " default: the current one)",
    )

    p = sub.add_parser("schedule", help=cmd_schedule.__doc__, description=cmd_schedule.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")
    p.add_argument(
        "--cadence", choices=["month", "quarter"], help="departments report monthly or quarterly"
    )
    p.add_argument(
        "--first",
        help="the first reporting period (2021-01 or 2021-Q1; '' for the default: the"
        " document's date, else today)",
    )
    p.add_argument(
        "--last",
        help="the last reporting period ('' for the default: the latest deadline or target"
        " year, else the end of the next year)",
    )
    p.add_argument(
        "--statuses",
        metavar="NAME=MEANING,…",
        help="the status list, each with its meaning: todo, doing, done or late"
        " (e.g. 未开始=todo,推进中=doing,已完成=done,滞后=late)",
    )

    p = sub.add_parser("collect", help=cmd_collect.__doc__, description=cmd_collect.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")
    p.add_argument("files", nargs="+", metavar="FILE.xlsx", help="returned department workbooks")
    p.add_argument(
        "--period", help="record the reports under this period (default: the workbook's own)"
    )
    p.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    p.add_argument(
        "--overwrite-newer",
        action="store_true",
        help="also replace values the plan holds that were reported after the workbook was saved",
    )

    p = sub.add_parser("chart", help=cmd_chart.__doc__, description=cmd_chart.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")
    p.add_argument("-o", "--output", required=True, help="FILE.png, FILE.svg or FILE.pdf")
    p.add_argument(
        "--kind",
        default="workload",
        choices=["workload", "parts", "targets", "progress"],
        help="workload: tasks per department, lead and support (default); parts: tasks per"
        " part of the document; targets: targets per year; progress: each department's"
        " statuses in a reporting period",
    )
    p.add_argument("--include-collective", action="store_true", help="count 各地区, 有关部门 … too")
    p.add_argument("--period", help="progress: the reporting period (default: the latest reported)")

    p = sub.add_parser("report", help=cmd_report.__doc__, description=cmd_report.__doc__)
    p.add_argument("plan", help="a .mdesk plan file")
    p.add_argument("-o", "--output", required=True, help="the PDF to write")
    p.add_argument(
        "--kind",
        default="matrix",
        choices=["matrix", "list", "progress", "chase"],
        help="matrix: tasks x departments (default; with --department: list); list: the"
        " task-division list (任务分工表); progress: each department's tasks with status and"
        " progress for a period; chase: the departments that returned nothing for a period,"
        " with their open tasks (催报清单)",
    )
    p.add_argument(
        "--department",
        help="one department's task list, or with --kind progress its progress (name or alias)",
    )
    p.add_argument(
        "--period", help="progress and chase: the reporting period (default: the current one)"
    )
    p.add_argument(
        "--page-size",
        default="A4",
        choices=["A4", "A3", "B5", "16K"],
        help="paper (16K: 184 x 260 mm)",
    )
    p.add_argument("--font", help="report font family, or 仿宋 / 宋体 / 黑体 where installed")
    p.add_argument("--portrait", action="store_true", help="portrait instead of landscape")
    p.add_argument(
        "--exclude-collective",
        action="store_true",
        help="leave collective parties (各地区, 有关部门 …) out of the matrix and the lists"
        " (by default they are printed, as the master workbook shows them)",
    )
    return parser


# -- show helpers ----------------------------------------------------------------------------
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
        from .core.ledger import build_ledger

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
    lines.append(_plan_counts(plan))
    return "\n".join(lines) + "\n"


def _plan_counts(plan: Plan, *, measures: bool = True) -> str:
    """The plan's sizes: "2 measures, 1 department, 3 assignments, 0 targets"."""
    parts = [
        count(len(items), noun)
        for items, noun in (
            (plan.measures, "measure"),
            (plan.departments, "department"),
            (plan.assignments, "assignment"),
            (plan.targets, "target"),
        )
    ]
    return ", ".join(parts if measures else parts[1:])


# Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides and
# isolates, which can rewrite what a terminal shows (a crafted plan's names pass through here).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def _refuse_overwrite(output: str, *inputs: str, what: str) -> None:
    """No command writes over its own input or over a MatrixDesk plan (one open in a window
    included): ``-o`` naming one is an error before anything is read or written."""
    if not output or not os.path.exists(output):
        return
    for source in inputs:
        try:
            same = os.path.samefile(output, source)
        except OSError:
            same = False
        if same:
            raise CliError(f"{output}: is the input itself; {what} would write over it")
    if what != "the plan" and _is_plan(output):
        raise CliError(f"{output}: is a MatrixDesk plan; {what} never writes over a plan")


def _mistyped_command(word: str) -> str | None:
    """The command ``word`` was probably meant to be (``exprot`` → ``export``), unless it
    names a file: then it is the plan to open."""
    import difflib

    if word.startswith("-") or os.path.exists(word):
        return None
    close = difflib.get_close_matches(word, list(SUBCOMMANDS), n=1, cutoff=0.7)
    return close[0] if close else None


def _is_plan(path: str) -> bool:
    from .store.fileformat import APPLICATION_ID, read_header

    try:
        return read_header(path).application_id == APPLICATION_ID
    except Exception:  # noqa: BLE001 - a file that cannot be read is no plan
        return False


def _load(path: str) -> Plan:
    from .store import MatrixStore

    store = MatrixStore.open(path, read_only=True)
    try:
        if store.recovered:
            print(
                f"matrixdesk: note: {path} was not closed properly; this is its last complete "
                "edit (the file is left as it is until the window opens it)",
                file=sys.stderr,
            )
        return store.plan(copy=False)  # the store is closed at once: nothing to copy for
    finally:
        store.close()


# -- entry point -----------------------------------------------------------------------------
def _expected_errors() -> tuple[type[BaseException], ...]:
    from .store import StoreError

    errors: list[type[BaseException]] = [CliError, StoreError, OSError, ValueError]
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``matrixdesk``; returns the exit code (the console script exits with it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    console_streams()
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        mistyped = _mistyped_command(argv[0]) if argv else None
        if mistyped:
            print(
                f"matrixdesk: unknown command '{terminal_safe(argv[0])}'; did you mean "
                f"'{mistyped}'? (matrixdesk --help lists the commands)",
                file=sys.stderr,
            )
            return EXIT_ERROR
        return _run_gui(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        with stopped_by_signals():
            return SUBCOMMANDS[args.command](args)
    except _expected_errors() as exc:
        print(f"matrixdesk {args.command}: error: {terminal_safe(_describe(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"matrixdesk {args.command}: stopped; nothing half-written was left", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback
        log = errorlog.start_logging(crash=False)
        errorlog.log_exception(type(exc), exc, exc.__traceback__, args.command, echo=False)
        where = f" (details in {log})" if log else ""
        print(
            f"matrixdesk {args.command}: unexpected error: {terminal_safe(repr(exc))}{where}",
            file=sys.stderr,
        )
        return EXIT_ERROR


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """While a command runs, SIGTERM (``kill``, a logout, a scheduler giving up) and SIGINT
    (Ctrl+C) stop it as Ctrl+C does: a KeyboardInterrupt that unwinds through every ``finally``,
    so the plan is closed, its lock file removed and temporary files discarded. Python's own
    SIGTERM ends the process at once and left ``.~lock.PLAN#`` behind."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    names = ("SIGTERM", "SIGINT", "SIGBREAK")  # SIGBREAK: Ctrl+Break in a Windows console
    wanted = [getattr(signal, n) for n in names if hasattr(signal, n)]
    previous = {}
    try:
        for signum in wanted:
            previous[signum] = signal.signal(signum, stop)
    except ValueError:  # not the main thread (an embedding program): leave its handlers
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def console_streams() -> None:
    """Make printing safe wherever the command runs: output redirected to a file or a pipe
    (``show --json > plan.json`` in cmd.exe) is UTF-8 whatever the Windows code page, and a
    console that cannot show a character gets a replacement instead of an error."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue  # None in the windowed program; something else under a test runner
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            pass


def _describe(exc: BaseException) -> str:
    from .store import DamagedFileError, ForeignSchemaError, InvalidPlanError

    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, DamagedFileError):
        text = f"{exc}; the file has not been changed"
        if exc.backups:
            text += f"; a backup is at {exc.backups[0]}"
        if exc.readable:
            text += "; its rows can still be read in the window (open it read-only)"
        return text
    if isinstance(exc, (ForeignSchemaError, InvalidPlanError)):
        return f"{exc}; the file has not been changed"
    return str(exc)


def _run_gui(argv: list[str]) -> int:
    try:
        from .ui.app import run
    except ImportError as exc:
        print(f"matrixdesk: the window cannot start: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
