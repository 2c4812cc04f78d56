"""The lock beside an open plan: one editor at a time, even across PCs on a shared drive.

The lock is an operating-system lock on the file ``.~lock.NAME#`` beside the plan (hidden: by
its leading dot, and on Windows by its hidden attribute), taken with
``filelock.lock_descriptor`` (``flock`` on Linux and macOS, ``LockFileEx`` on byte 0 on Windows,
both honoured by SMB and NFS servers). Taking it is atomic, and the operating system — or the
file server — releases it when the process dies, so there is no guessing from process ids.

The same file records who holds it: byte 0 is the locked byte, and from byte 1 on a JSON
record of host, process, user name and time that the second window reads (a locked byte
range cannot be read on Windows, so the record lies outside it) to say who has the plan.

Where a file system offers no locks at all, the record alone decides: a record of this host
whose process has gone is taken over, and a record of another PC is taken over only when the
user confirms that PC has crashed (``take_over=True``).

The lock belongs to the plan's real path (links and ``..`` resolved), so a plan opened through
a second path or a symbolic link is still the same plan.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import datetime

import filelock

from ..core.safefile import set_hidden
from .errors import PlanInUseError, ReadOnlyLocationError

_HELD_HERE: dict[str, PlanLock] = {}  # real plan path -> lock held by this process
_RECORD_LIMIT = 4096
# A file system that cannot lock says so with one of these; then the record alone decides.
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


@dataclass(frozen=True)
class LockOwner:
    """Who holds a plan: written into the lock file by the holder."""

    host: str
    pid: int
    user: str
    since: str = ""

    def describe(self) -> str:
        who = f"{self.user} on {self.host}" if self.user else self.host
        since = f" since {self.since.replace('T', ' ')}" if self.since else ""
        return f"{who} (process {self.pid}){since}"

    def is_this_process(self) -> bool:
        # host and process together: a pid means nothing on another machine
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def is_gone(self) -> bool:
        """Whether the holder certainly no longer runs (only knowable on this host)."""
        return self.host == socket.gethostname() and not _alive(self.pid)


def me() -> LockOwner:
    return LockOwner(
        host=socket.gethostname(),
        pid=os.getpid(),
        user=_user_name(),
        since=datetime.now().isoformat(timespec="seconds"),
    )


def _user_name() -> str:
    if sys.platform == "win32":
        return os.environ.get("USERNAME", "")
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def real_path(path: str) -> str:
    """The plan's identity for the lock: absolute, links resolved, case folded on Windows."""
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def lock_path(path: str) -> str:
    head, tail = os.path.split(os.path.realpath(os.path.abspath(path)))
    return os.path.join(head, f".~lock.{tail}#")


def read_owner(path: str) -> LockOwner | None:
    """The holder recorded beside plan ``path``, or None when there is no readable record."""
    try:
        with open(lock_path(path), "rb") as fh:
            fh.seek(1)
            return _parse(fh.read(_RECORD_LIMIT))
    except OSError:
        return None


def _parse(raw: bytes) -> LockOwner | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        return LockOwner(
            host=str(data["host"]),
            pid=int(data["pid"]),
            user=str(data.get("user", "")),
            since=str(data.get("since", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class PlanLock:
    """Held while a plan is open for editing; :meth:`release` gives it up."""

    def __init__(self, path: str, *, take_over: bool = False) -> None:
        self.plan = real_path(path)
        self.path = lock_path(path)
        self._fd: int | None = None
        if self.plan in _HELD_HERE:
            raise PlanInUseError(path, me(), in_this_process=True)
        for _attempt in range(5):
            fd = self._open(path)
            try:
                if self._acquire(path, fd, take_over) and self._still_ours(fd):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the file was replaced while we locked it: try again
        else:
            raise PlanInUseError(path, read_owner(path))
        self._fd = fd
        self.owner = me()
        self._write_record(fd, self.owner)
        _HELD_HERE[self.plan] = self

    def _open(self, path: str) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno in _READ_ONLY:
                raise ReadOnlyLocationError(path, "the folder cannot be written to") from exc
            raise
        set_hidden(self.path, True)  # the leading dot hides it everywhere but in Explorer
        return fd

    def _acquire(self, path: str, fd: int, take_over: bool) -> bool:
        """Lock ``fd``; raises :class:`PlanInUseError` when someone else holds the plan."""
        try:
            if filelock.lock_descriptor(fd, blocking=False):
                return True
        except OSError as exc:
            if exc.errno not in _NO_LOCKS:
                raise
            owner = _read_fd(fd)  # no locks on this file system: the record decides
            if owner is None or owner.is_gone() or owner.is_this_process() or take_over:
                return True
            raise PlanInUseError(path, owner, can_take_over=True) from None
        raise PlanInUseError(path, _read_fd(fd))

    def _still_ours(self, fd: int) -> bool:
        try:
            mine, there = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)

    @staticmethod
    def _write_record(fd: int, owner: LockOwner) -> None:
        data = b"\n" + json.dumps(asdict(owner), ensure_ascii=False).encode("utf-8") + b"\n"
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
            os.ftruncate(fd, len(data))
        except OSError:
            pass  # the record only informs; the lock itself is held

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _HELD_HERE.pop(self.plan, None)
        try:
            os.remove(self.path)  # still holding it, so a newcomer re-checks the inode
        except OSError:
            pass  # Windows keeps a file another program has open: harmless
        try:
            filelock.unlock_descriptor(fd)
        except OSError:
            pass
        os.close(fd)


def _read_fd(fd: int) -> LockOwner | None:
    try:
        os.lseek(fd, 1, os.SEEK_SET)
        return _parse(os.read(fd, _RECORD_LIMIT))
    except OSError:
        return None


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
