"""The console a command runs in: output streams that never fail on a character, and signals
that stop a command as Ctrl+C does."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator


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
