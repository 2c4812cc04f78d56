"""The per-user local folder, and the log where unexpected errors and hard crashes are kept.

The packaged program on Windows has no console (``sys.stderr`` is None): an error written only
to stderr vanishes. Every unexpected error goes to ``matrixdesk.log`` and the Python traceback
of a hard crash (``faulthandler``) to ``crash.log``, both in ``<local data>/logs``; the About box
opens that folder.

The local data folder is the machine's own, never the roaming profile (on a domain PC the
roaming profile is copied to a server at every log-off): ``%LOCALAPPDATA%\\MatrixDesk`` on
Windows, ``~/Library/Application Support/MatrixDesk`` on macOS, ``$XDG_DATA_HOME/MatrixDesk``
(``~/.local/share/MatrixDesk``) elsewhere; ``$MATRIXDESK_DATA_DIR`` replaces it (tests).
Settings, logs and the sample's working copy live there.

Standard library only: the CLI and the window both use it.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = [
    "ENV_DATA_DIR",
    "crash_log_path",
    "local_data_dir",
    "log_dir",
    "log_exception",
    "log_path",
    "start_logging",
]

APP_NAME = "MatrixDesk"
ENV_DATA_DIR = "MATRIXDESK_DATA_DIR"
LOG_NAME = "matrixdesk.log"
CRASH_NAME = "crash.log"
MAX_LOG_BYTES = 1_000_000
LOGGER = "matrixdesk"

_state: dict[str, object] = {}  # the handler and the crash file, kept for the process's life


def local_data_dir(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The per-user local (not roaming) data folder of MatrixDesk (see the module docstring)."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR])
    home = Path(env.get("USERPROFILE") or env.get("HOME") or Path.home())
    if platform == "win32":
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / APP_NAME


def log_dir() -> Path:
    return local_data_dir() / "logs"


def log_path() -> Path:
    """The log of unexpected errors (``matrixdesk.log``, rotated at about 1 MB)."""
    return log_dir() / LOG_NAME


def crash_log_path() -> Path:
    """Where ``faulthandler`` writes the Python stacks of a hard crash."""
    return log_dir() / CRASH_NAME


def start_logging(*, crash: bool = True) -> Path | None:
    """Send warnings and errors of MatrixDesk to the log file and, with ``crash``, the stacks
    of a hard crash to the crash log (once per process). Returns the log file, or None when the
    folder cannot be written (the program then runs without a log rather than not at all)."""
    if "handler" in _state:
        return log_path()
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_path(), maxBytes=MAX_LOG_BYTES, backupCount=2, encoding="utf-8"
        )
        crash_file: IO[str] | None = (
            open(crash_log_path(), "a", encoding="utf-8") if crash else None  # noqa: SIM115
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    _state["handler"] = handler
    if crash_file is not None:
        faulthandler.enable(file=crash_file, all_threads=True)
        _state["crash"] = crash_file
    return log_path()


def stop_logging() -> None:
    """Undo :func:`start_logging` (tests)."""
    handler = _state.pop("handler", None)
    crash = _state.pop("crash", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger(LOGGER).removeHandler(handler)
        handler.close()
    if crash is not None:
        faulthandler.disable()
        crash.close()  # type: ignore[attr-defined]


def log_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "",
    *,
    echo: bool = True,
) -> str:
    """Write an unexpected error with its traceback to the log; returns the traceback text.

    With ``echo`` it is also written to stderr when there is one (a terminal), never failing
    when there is none (the windowed program) or it cannot take the characters."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    logging.getLogger(LOGGER).error("unexpected error%s\n%s", f" in {where}" if where else "", text)
    stream = sys.stderr if echo else None
    if stream is not None:
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError, UnicodeError):
            pass
    return text
