"""The ``matrixdesk`` command: the GUI with no subcommand, headless work with one.

Every subcommand opens the store and calls the same function the GUI action calls; failures
print one line on stderr and exit 2 (``check`` exits 1 when the plan has errors).

The package: ``parser`` (the argument parser and the registry of subcommands), one module a
group of commands (``plan``: import, show, check; ``progress``: schedule, collect;
``publish``: export, chart, report), ``listing`` (show's JSON and table), ``common`` (exit
codes, errors, counts, terminal-safe text, opening a plan) and ``console`` (streams, signals).
This module is the entry point and names what callers import from ``matrixdesk.cli``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..core import errorlog
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, CliError, count, terminal_safe
from .console import console_streams, stopped_by_signals
from .listing import json_lines, plan_to_json, plan_to_table
from .parser import GUI_USAGE, SUBCOMMANDS, build_parser, mistyped_command
from .plan import cmd_check, cmd_import, cmd_show
from .progress import cmd_collect, cmd_schedule, collection_lines
from .publish import cmd_chart, cmd_export, cmd_report

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "GUI_USAGE",
    "SUBCOMMANDS",
    "CliError",
    "build_parser",
    "cmd_chart",
    "cmd_check",
    "cmd_collect",
    "cmd_export",
    "cmd_import",
    "cmd_report",
    "cmd_schedule",
    "cmd_show",
    "collection_lines",
    "console_streams",
    "count",
    "json_lines",
    "main",
    "plan_to_json",
    "plan_to_table",
    "stopped_by_signals",
    "terminal_safe",
]


def _expected_errors() -> tuple[type[BaseException], ...]:
    from ..store import StoreError

    errors: list[type[BaseException]] = [CliError, StoreError, OSError, ValueError]
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``matrixdesk``; returns the exit code (the console script exits with it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    console_streams()
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        mistyped = mistyped_command(argv[0]) if argv else None
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
            code = SUBCOMMANDS[args.command](args)
            if sys.stdout is not None:
                sys.stdout.flush()  # a closed pipe shows here, not in Python's flush at exit
            return code
    except BrokenPipeError:
        # The reader of our output went away (``matrixdesk show | head``): stop quietly, as other
        # command-line tools do, and keep Python from reporting it again when it flushes at exit.
        _silence_stdout()
        return EXIT_ERROR
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


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (embedded, captured): nothing to flush into
        pass


def _describe(exc: BaseException) -> str:
    from ..store import DamagedFileError, ForeignSchemaError, InvalidPlanError

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
        from ..ui.app import run
    except ImportError as exc:
        print(f"matrixdesk: the window cannot start: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return run(argv)
