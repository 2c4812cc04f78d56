"""The commands on a plan itself: ``import`` a policy document into a new plan, ``show`` it,
``check`` it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING

from ..core.model import Plan
from ..core.validate import Severity, validate
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UNSAFE,
    CliError,
    count,
    load_plan,
    plan_counts,
    refuse_overwrite,
    terminal_safe,
)
from .listing import json_lines, plan_to_json, plan_to_table

if TYPE_CHECKING:
    from ..parse.document import ParseNotes


def cmd_import(args: argparse.Namespace) -> int:
    """Read a policy document and write a new plan file; list what could not be read."""
    from ..core.progress import new_plan_schedule
    from ..parse import read_source
    from ..parse.document import parse_document
    from ..store import MatrixStore

    refuse_overwrite(args.output, args.source, what="the plan")
    _refuse_foreign_suffix(args.output)
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
        + plan_counts(plan, measures=False)
    )
    for line in _import_notes(plan, notes):
        print(f"  {line}")
    return EXIT_OK


def _refuse_foreign_suffix(output: str) -> None:
    """A plan written as ``x.txt`` or ``x.xlsx`` opens as garbage in the program Windows gives
    that name: the file a plan is written to ends in .mdesk (or has no suffix at all)."""
    suffix = os.path.splitext(output)[1]
    if suffix and suffix.lower() != ".mdesk":
        stem = os.path.splitext(os.path.basename(output))[0]
        raise CliError(
            f"{output}: a plan is a .mdesk file ({suffix} is another program's); "
            f"write -o {stem}.mdesk"
        )


_LISTED = 10  # task numbers named in the line on tasks without a department


def _without_department(plan: Plan) -> list[str]:
    """The line naming the tasks nobody was found responsible for (the window marks them red),
    each by its numbers from the part down (二、(三)1.): one (一) is under every part."""
    from ..core.tasks import task_ids

    by_id = {m.id: m for m in plan.measures}

    def numbered(m) -> str:
        chain = []
        while m is not None:
            chain.append(m.label or m.code)
            m = by_id.get(m.parent_id) if m.parent_id is not None else None
        return "".join(reversed(chain))

    assigned = {a.measure_id for a in plan.assignments}
    tasks = task_ids(plan)
    bare = [numbered(m) for m in plan.measures if m.id in tasks and m.id not in assigned]
    if not bare:
        return []
    more = "…" if len(bare) > _LISTED else ""
    return [
        f"no department found for {count(len(bare), 'task')}: {'; '.join(bare[:_LISTED])}{more}"
    ]


def _import_notes(plan: Plan, notes: ParseNotes) -> list[str]:
    """What the import could not read, as the window's preview says it (English)."""
    from ..core.variants import suspected_variants

    labels = {m.code: m.label or m.code for m in plan.measures}
    lines = _without_department(plan)
    lines += [
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
    plan = load_plan(args.plan)
    if args.json:
        text = json_lines(plan_to_json(plan))
        sys.stdout.write(UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    else:
        sys.stdout.write(terminal_safe(plan_to_table(plan)))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Print the validation findings; exit 1 when any is an error."""
    findings = validate(load_plan(args.plan))
    for f in findings:
        print(terminal_safe(f"{f.severity}: {f.message()}"))
    errors = sum(f.severity == Severity.ERROR for f in findings)
    print(f"{count(errors, 'error')}, {count(len(findings) - errors, 'warning')}")
    return EXIT_FINDINGS if errors else EXIT_OK
