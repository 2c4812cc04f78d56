"""The reporting commands: ``schedule`` (how departments report) and ``collect`` (their
returned workbooks into the progress ledger, 进展台账)."""

from __future__ import annotations

import argparse
import datetime as dt

from .common import EXIT_FINDINGS, EXIT_OK, CliError, count, terminal_safe


def cmd_schedule(args: argparse.Namespace) -> int:
    """Show or change how the plan's departments report: cadence, periods, statuses."""
    from dataclasses import replace

    from ..core.periods import Cadence
    from ..core.progress import Meaning, Status
    from ..store import MatrixStore

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
    from ..core.progress import starting_window, work_ends

    ends = work_ends(store.measures(), store.targets())
    return starting_window(store.info().date, ends, dt.date.today(), cadence)


def cmd_collect(args: argparse.Namespace) -> int:
    """Read returned department workbooks into the plan's progress ledger (进展台账).

    Exit 1 when a file was refused (the others are still collected)."""
    from ..core.periods import parse_period
    from ..exchange.collect import collect
    from ..store import MatrixStore

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
