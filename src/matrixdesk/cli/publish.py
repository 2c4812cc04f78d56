"""The commands that write files for others: ``export`` (workbooks), ``chart`` (an image)
and ``report`` (a PDF)."""

from __future__ import annotations

import argparse
import os

from .common import EXIT_OK, CliError, count, load_plan, refuse_overwrite


def cmd_export(args: argparse.Namespace) -> int:
    """Write the master workbook, and per-department workbooks with --per-department."""
    from ..exchange import export_departments, export_master

    if args.output:
        refuse_overwrite(args.output, args.plan, what="the workbook")
    plan = load_plan(args.plan)
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


def cmd_chart(args: argparse.Namespace) -> int:
    """Draw a chart to PNG, SVG or PDF."""
    from ..charts import build_chart, save_chart

    refuse_overwrite(args.output, args.plan, what="the chart")
    plan = load_plan(args.plan)
    if args.period is not None:
        from ..core.periods import parse_period

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
    from ..report import render_pdf

    refuse_overwrite(args.output, args.plan, what="the report")
    kind = "list" if args.department and args.kind == "matrix" else args.kind
    if args.period is not None and kind not in ("progress", "chase"):
        raise CliError(f"--period is for --kind progress or chase; the {kind} has no period")
    pages = render_pdf(
        load_plan(args.plan),
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
