"""The ``matrixdesk`` argument parser and its registry of subcommands (name → handler)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from .plan import cmd_check, cmd_import, cmd_show
from .progress import cmd_collect, cmd_schedule
from .publish import cmd_chart, cmd_export, cmd_report

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


class _ShowVersion(argparse.Action):
    """``--version``: the version is read from the package metadata only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: object):
        super().__init__(
            option_strings,
            dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from .. import __version__

        print(f"matrixdesk {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``matrixdesk COMMAND ...``: one subparser a command of ``SUBCOMMANDS``."""
    parser = argparse.ArgumentParser(
        prog="matrixdesk",
        usage=GUI_USAGE,
        description="MatrixDesk: responsibility matrices (任务分工) from Chinese policy documents.",
    )
    parser.add_argument("--version", action=_ShowVersion)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="matrixdesk")

    p = sub.add_parser("import", help=cmd_import.__doc__, description=cmd_import.__doc__)
    p.add_argument(
        "source",
        help="the policy document: .docx (paragraphs and tables), .pdf with a text layer, "
        ".xlsx task table, .txt (UTF-8, GB18030/GBK, UTF-16) or .html; .doc/.wps files must "
        "be saved as .docx and .xls/.et as .xlsx first",
    )
    p.add_argument("-o", "--output", required=True, help="the plan file to create (.mdesk)")
    p.add_argument(
        "--encoding",
        help="a .txt or .html file's encoding (utf-8, gb18030, utf-16) when detection guesses "
        "wrong; the other formats ignore it",
    )
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


def mistyped_command(word: str) -> str | None:
    """The command ``word`` was probably meant to be (``exprot`` → ``export``), unless it
    names a file: then it is the plan to open."""
    import difflib

    if word.startswith("-") or os.path.exists(word):
        return None
    close = difflib.get_close_matches(word, list(SUBCOMMANDS), n=1, cutoff=0.7)
    return close[0] if close else None
