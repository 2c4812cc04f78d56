"""Starting the GUI: the application object, translators, the error hook and the main window.

``run(argv)`` is what ``matrixdesk`` calls for the GUI:

* no arguments — open the last plan, or the sample on the very first run;
* ``PLAN.mdesk`` — open that plan;
* ``--screenshot OUT.png`` — render the window with the plan to a PNG and exit;
* ``--lang zh_CN|en`` — the UI language for this run (otherwise the saved preference).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core import errorlog
from .application import application

log = logging.getLogger(errorlog.LOGGER)
_ENDED: list[bool] = []  # the application's event loop has ended


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="matrixdesk", description="MatrixDesk responsibility matrices"
    )
    parser.add_argument("plan", nargs="?", help="a .mdesk plan file to open")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the main window to a PNG and exit"
    )
    parser.add_argument(
        "--size", default="1600x1000", type=_size, help="screenshot size, WIDTHxHEIGHT"
    )
    parser.add_argument("--select", help="measure code to select in the screenshot")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user-interface language")
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 0 < int(width) <= 10000 > int(height) > 0):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1600x1000")
    return int(width), int(height)


def screenshot(args: argparse.Namespace) -> int:
    """``--screenshot``: a PNG of the window on the plan, or one line on stderr and exit 2
    (never a message box nobody can see)."""
    from ..store import MatrixStore, StoreError
    from .screenshot import take_screenshot

    if not args.plan:
        print("matrixdesk: --screenshot needs a plan file", file=sys.stderr)
        return 2
    try:
        MatrixStore.open(args.plan, read_only=True).close()
        take_screenshot(args.plan, args.screenshot, args.size, args.select, args.lang)
    except StoreError as exc:
        print(f"matrixdesk: cannot open {exc.path}: {exc.message}", file=sys.stderr)
        return 2
    except (OSError, RuntimeError) as exc:
        print(f"matrixdesk: --screenshot failed: {exc}", file=sys.stderr)
        return 2
    return 0


def install_excepthook() -> None:
    """Show unexpected errors in a dialog (with the traceback under "details") instead of dying.

    Every error also goes to the log file (``core/errorlog.py``), and to stderr only when there
    is one: the packaged program has no console (``sys.stderr`` is None) and must still show
    the dialog."""
    showing: list[bool] = []
    ended = _ENDED

    def hook(exc_type, exc, tb) -> None:
        text = errorlog.log_exception(exc_type, exc, tb, "the window")
        if showing or ended or QApplication.instance() is None:
            return  # (after the event loop has ended nobody could close a dialog: it hung)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        showing.append(True)
        try:
            message = QCoreApplication.translate(
                "app",
                "Something went wrong. Your plan is safe: every edit "
                "made before this was already saved.\n\n%1",
            ).replace("%1", str(exc))
            log = errorlog.log_path()
            if log.exists():
                message += "\n\n" + QCoreApplication.translate(
                    "app", "The details are in the log file %1 (Help ▸ About ▸ Open Log Folder)."
                ).replace("%1", str(log))
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("app", "MatrixDesk — unexpected error"),
                message,
            )
            box.setDetailedText(text)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()
        finally:
            showing.clear()

    sys.excepthook = hook


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own critical and fatal messages go to the log too (warnings to stderr, if any)."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.error("Qt: %s", message)
    if sys.stderr is not None and kind != QtMsgType.QtDebugMsg:
        try:
            print(message, file=sys.stderr)
        except (OSError, ValueError, UnicodeError):
            pass


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True on X11/Wayland systems (Linux, the BSDs) when there is nothing to show a window
    on: no ``DISPLAY``, no ``WAYLAND_DISPLAY`` and no ``QT_QPA_PLATFORM`` chosen (an ssh
    session, a cron job). Qt would abort inside QApplication with a message about plugins."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin", "cygwin"):
        return False
    return not any(environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(argv: list[str]) -> int:
    """Run the GUI as the command line asks; returns the exit status."""
    args = parse_args(argv)
    if args.screenshot:
        if no_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
        return screenshot(args)
    if no_display():
        print(
            "matrixdesk: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY"
            " is set); start it on a desktop, or use a command (matrixdesk --help lists them)",
            file=sys.stderr,
        )
        return 2
    errorlog.start_logging()
    app = application(args.lang)
    install_excepthook()
    qInstallMessageHandler(_qt_message)
    from .signals import SignalCloser
    from .window import MainWindow

    closer = SignalCloser(app)  # SIGTERM, SIGINT: close the plan, release its lock, exit
    window = MainWindow()
    window.show()
    # the plan is opened once the loop runs: a box saying it is missing or refused is then
    # closed by SIGTERM as Quit would close it, not left waiting for OK with the signal ignored
    code = closer.exec(app, lambda: window.files.open_startup(args.plan))
    _ENDED.append(True)  # the window is destroyed after this: errors then are only logged
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
