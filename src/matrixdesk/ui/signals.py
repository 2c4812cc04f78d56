"""Stopping the window from outside: SIGTERM and SIGINT close it as File ▸ Quit does.

A process asked to stop — ``kill``, a session ending, Ctrl+C in the terminal that started it —
was ended by Python at once: the plan was never closed and ``.~lock.PLAN#`` stayed beside it
(the operating system freed the lock itself, but the file remained for the next user to see).

Python runs a signal handler only between bytecodes, and while Qt's event loop waits no
bytecode runs. So the signal number is written to a socket (``signal.set_wakeup_fd``) that a
QSocketNotifier watches: the loop wakes, the windows close — each closes its plan, releases
the lock and saves its layout — and the application exits with 128 + the signal's number.

The plan named on the command line is opened from inside that loop (``exec(app, start)``):
opened before it, a message box about a missing or refused plan ran its own loop in which the
stop was only noted, and a SIGTERM was ignored until someone clicked OK.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGBREAK") if hasattr(signal, name)
)


class SignalCloser(QObject):
    """Closes every window and quits when a stop signal arrives (made once, by ``app.run``).

    A signal that arrives while the window is still starting (an event loop of the start-up
    may run it) is kept until the application's own loop runs: a loop asked to exit before it
    starts would run on with no window, and a plan being opened would be opened after all.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._running = False
        self._pending: int | None = None
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        for signum in STOP_SIGNALS:
            signal.signal(signum, _noted)  # the wakeup socket does the work
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def exec(self, app: QApplication, start: Callable[[], object] | None = None) -> int:
        """Run the application's event loop, calling ``start`` (opening the start-up plan)
        once it runs; the loop's exit code (128 + a signal's number when a signal stopped
        it). A signal that came before the loop ran stops it without calling ``start``."""
        QTimer.singleShot(0, lambda: self._started(start))  # once the loop below is running
        return app.exec()

    def _started(self, start: Callable[[], object] | None = None) -> None:
        self._running = True
        if self._pending is not None:
            stop(self._pending)
        elif start is not None:
            start()  # a box it opens runs inside this loop: a signal closes it

    def _woken(self, *_args: object) -> None:
        try:
            received = self._read.recv(64)
        except OSError:
            return
        stops = [n for n in received if n in STOP_SIGNALS]
        if not stops:
            return
        if self._running:
            stop(128 + stops[0])
        elif self._pending is None:
            self._pending = 128 + stops[0]


_STOPPING: list[int] = []  # the exit code of a stop under way


def stop_requested() -> bool:
    """True once a stop signal is closing the program: nothing may open a plan any more (a
    box that was open when it came returns as if cancelled, and the code after it runs)."""
    return bool(_STOPPING)


def _noted(signum: int, frame: object) -> None:
    """Python's part of the signal: nothing (the byte on the wakeup socket is what counts)."""


def stop(code: int) -> None:
    """Close any dialog that is open (as Cancel would), then the main windows — each closes
    its plan and releases its lock — and leave the event loop; the process exits with
    ``code``."""
    from .window import MainWindow

    _STOPPING.append(code)
    for _ in range(20):  # a dialog may have opened another
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        if isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)
        else:
            modal.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            with contextlib.suppress(RuntimeError):  # already deleted
                widget.close()
    QApplication.exit(code)
