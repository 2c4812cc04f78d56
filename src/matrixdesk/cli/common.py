"""What every ``matrixdesk`` subcommand shares: exit codes, the one-line error, English
counts, terminal-safe text, and opening a plan or refusing to write over one."""

from __future__ import annotations

import os
import re
import sys

from ..core.model import Plan

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CliError(Exception):
    """A failure to report on one line."""


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with its noun: "1 page", "2 pages", "0 pages" (English output)."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def plan_counts(plan: Plan, *, measures: bool = True) -> str:
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
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u202e``)."""
    return UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def refuse_overwrite(output: str, *inputs: str, what: str) -> None:
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


def _is_plan(path: str) -> bool:
    from ..store.fileformat import APPLICATION_ID, read_header

    try:
        return read_header(path).application_id == APPLICATION_ID
    except Exception:  # noqa: BLE001 - a file that cannot be read is no plan
        return False


def load_plan(path: str) -> Plan:
    """The plan in the file at ``path``, read without changing the file.

    Parameters
    ----------
    path : str
        A ``.mdesk`` plan file.

    Returns
    -------
    Plan
        Its contents; a note on stderr says when the file was not closed properly.
    """
    from ..store import MatrixStore

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
