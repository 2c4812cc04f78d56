"""A lock file beside an open plan, so two windows do not edit the same file.

SQLite would let both write; the lock tells the second window to offer read-only instead.
The lock names the process and host that holds it; a lock left by a dead process is taken over.
"""

from __future__ import annotations

import json
import os
import socket
import sys

from .errors import PlanInUseError

_HELD_HERE: set[str] = set()  # lock files this process holds (two windows of one process)


def lock_path(path: str) -> str:
    head, tail = os.path.split(os.path.abspath(path))
    return os.path.join(head, f".~lock.{tail}#")


def _alive(pid: int) -> bool:
    """Whether process ``pid`` on this machine still runs."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks; on Windows os.kill would end the process
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _alive_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied  # another user's process: running
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and (
            code.value == still_active
        )
    finally:
        kernel32.CloseHandle(handle)


def holder(path: str) -> dict | None:
    """The owner recorded in the lock of ``path`` if it is still live, else None."""
    try:
        with open(lock_path(path), encoding="utf-8") as fh:
            owner = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(owner, dict):
        return None
    if owner.get("host") == socket.gethostname() and not _alive(int(owner.get("pid", 0))):
        return None
    return owner


class PlanLock:
    """Held while a plan is open for editing; :meth:`release` removes the lock file."""

    def __init__(self, path: str) -> None:
        self.path = lock_path(path)
        if self.path in _HELD_HERE:
            raise PlanInUseError(path, "another window of this program")
        owner = holder(path)
        if owner is not None and owner.get("pid") != os.getpid():
            raise PlanInUseError(path, f"process {owner.get('pid')} on {owner.get('host')}")
        me = {"pid": os.getpid(), "host": socket.gethostname(), "user": os.environ.get("USER", "")}
        with open(self.path, "w", encoding="utf-8") as fh:
            json.dump(me, fh)
        _HELD_HERE.add(self.path)
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            _HELD_HERE.discard(self.path)
            try:
                os.remove(self.path)
            except OSError:
                pass
