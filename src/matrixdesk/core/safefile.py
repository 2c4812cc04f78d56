"""Writing a user's file: complete or not at all, and the rules of Windows file names and paths.

Every report, chart and workbook is written to a hidden temporary file beside its destination
(``.~md-PID-XXXX.part``) and renamed over it only when it is complete and not empty, so a full
disk, a cancel or a crash leaves the previous file as it was. A file that another program holds
open (WPS, Excel, a PDF reader, or an antivirus scanner for a moment) cannot be replaced on
Windows: the rename is retried a few times and then fails with :class:`FileInUseError`, which
names the file. A temporary file left by a process that was killed is removed the next time
something is written into that folder.

Paths are compared as Windows compares them (:func:`same_path`) and checked against the
lengths Windows and Excel accept (:func:`check_path`) before anything is written.

No Qt here: the exporters, the chart and report writers and the window all use it; the window
turns the typed errors into sentences in the user's language.
"""

from __future__ import annotations

import contextlib
import errno
import ntpath
import os
import secrets
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

__all__ = [
    "DiskFullError",
    "EmptyOutputError",
    "FileInUseError",
    "FolderError",
    "OutputError",
    "PathTooLongError",
    "atomic_output",
    "check_folder",
    "discard",
    "output_error",
    "check_path",
    "check_replaceable",
    "path_units",
    "replace_all",
    "replace_file",
    "same_path",
    "set_hidden",
    "sweep_temps",
    "temp_beside",
]

WINDOWS = sys.platform == "win32"
#: The longest full path Windows programs accept (MAX_PATH, 260, less the terminating NUL).
WINDOWS_MAX_PATH = 259
#: The longest full path of a workbook Excel opens (it refuses longer ones, WPS follows it).
EXCEL_MAX_PATH = 218
#: The longest file name: 255 UTF-16 units on NTFS and FAT, 255 bytes on Linux file systems.
MAX_NAME = 255
TEMP_PREFIX = ".~md-"
TEMP_SUFFIX = ".part"
#: Seconds to wait before each new attempt at replacing a file another program holds.
RETRY_DELAYS: tuple[float, ...] = (0.2, 0.4, 0.8, 1.6)
#: Windows error codes for a file held by another process (access denied, sharing and lock
#: violations).
_IN_USE_WINERRORS = {5, 32, 33}


def _open_for_writing(path: Path) -> None:
    """Open ``path`` for writing without changing it (Windows refuses while WPS, Excel or a PDF
    reader has it open)."""
    os.close(os.open(path, os.O_RDWR | os.O_APPEND))


# Indirections the tests replace to play Windows (a file held open cannot be replaced).
_replace: Callable[[str | os.PathLike[str], str | os.PathLike[str]], None] = os.replace
_probe: Callable[[Path], None] = _open_for_writing
_sleep: Callable[[float], None] = time.sleep


class OutputError(OSError):
    """A file could not be written; ``path`` names it and the message says why (in English;
    the window shows its own sentence for each subclass)."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{os.fspath(path)}: {message}")
        self.path = os.fspath(path)
        self.reason = message

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class FileInUseError(OutputError):
    """Another program (WPS, Excel, a PDF reader, an antivirus scanner) holds the file open."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(
            path,
            "the file is open in another program (WPS, Excel or a PDF reader) and cannot be "
            "replaced; close it there and try again",
        )


class DiskFullError(OutputError):
    """The disk (or the user's quota) is full; the previous file is unchanged."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path, "the disk is full; the previous file, if any, is unchanged")


class PathTooLongError(OutputError):
    """The full path, or one name in it, is longer than Windows or Excel accepts."""

    def __init__(
        self, path: str | os.PathLike[str], length: int, limit: int, what: str = "path"
    ) -> None:
        super().__init__(
            path,
            f"the {what} is {length} characters long; at most {limit} can be opened "
            "on Windows: choose a shorter folder or file name",
        )
        self.length = length
        self.limit = limit


class EmptyOutputError(OutputError):
    """Writing ended without an error but the file came out empty; nothing was replaced."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path, "nothing was written (the file came out empty)")


class FolderError(OutputError):
    """The folder does not exist, is not a folder, or cannot be written."""


# -- paths -----------------------------------------------------------------------------------
def path_units(text: str) -> int:
    """The length of ``text`` as Windows counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def name_fits(name: str) -> bool:
    """True when ``name`` fits in one file name on Windows and on Linux file systems."""
    return path_units(name) <= MAX_NAME and len(name.encode("utf-8")) <= MAX_NAME


def check_path(
    path: str | os.PathLike[str], *, excel: bool = False, windows: bool | None = None
) -> Path:
    """``path`` made absolute, or :class:`PathTooLongError` when a program could not open it.

    On Windows the full path must stay within :data:`WINDOWS_MAX_PATH` (:data:`EXCEL_MAX_PATH`
    for a workbook); everywhere the file name must fit :data:`MAX_NAME`. ``windows`` plays
    Windows' rules elsewhere (tests).
    """
    text = os.fspath(path)
    windows = WINDOWS if windows is None else windows
    drive = ntpath.splitdrive(text)[0]  # C: or \\server\share: a Windows path (tests elsewhere)
    full = ntpath.abspath(text) if windows and drive else os.path.abspath(text)
    name = ntpath.basename(full) if windows else os.path.basename(full)
    if not name_fits(name):
        raise PathTooLongError(full, path_units(name), MAX_NAME, what="file name")
    limit = EXCEL_MAX_PATH if excel else WINDOWS_MAX_PATH
    if windows and path_units(full) > limit:
        raise PathTooLongError(full, path_units(full), limit)
    return Path(full)


def same_path(
    a: str | os.PathLike[str], b: str | os.PathLike[str], *, windows: bool | None = None
) -> bool:
    """True when ``a`` and ``b`` name the same file: the same file on disk when both exist
    (links, a second drive letter for the same share), otherwise the same absolute path, compared
    as Windows compares names (without regard to case) on Windows."""
    with contextlib.suppress(OSError):
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    pa, pb = os.path.abspath(os.fspath(a)), os.path.abspath(os.fspath(b))
    if WINDOWS if windows is None else windows:
        return _windows_key(pa) == _windows_key(pb)
    return pa == pb


def _windows_key(path: str) -> str:
    return path.replace("/", "\\").rstrip("\\").casefold()


def check_folder(folder: Path, *, create: bool = False) -> None:
    """Raise :class:`FolderError` unless ``folder`` is (or, with ``create``, can be made) a
    writable folder."""
    if create and not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise FolderError(folder, f"cannot create the folder ({exc.strerror})") from exc
    if not folder.is_dir():
        raise FolderError(folder, "the folder does not exist or is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FolderError(folder, "the folder is not writable")


# -- temporary files -------------------------------------------------------------------------
def temp_beside(path: Path) -> Path:
    """A new, empty, hidden temporary file in ``path``'s folder (the final rename is atomic)."""
    sweep_temps(path.parent)
    name = f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
    tmp = path.parent / name
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise output_error(path.parent, exc, "cannot write in the folder") from exc
    os.close(fd)
    _set_hidden(tmp, True)
    return tmp


def set_hidden(path: str | os.PathLike[str], hidden: bool) -> None:
    """Set or clear the hidden attribute where files have one (Windows: Explorer shows a
    file whose name starts with a dot; elsewhere the dot hides it and this does nothing)."""
    _set_hidden(path, hidden)


def _set_hidden(path: str | os.PathLike[str], hidden: bool) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        hidden_bit, normal = 0x2, 0x80  # FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_NORMAL
        with contextlib.suppress(Exception):
            old = kernel32.GetFileAttributesW(os.fspath(path)) & 0xFFFFFFFF
            if old == 0xFFFFFFFF:  # INVALID_FILE_ATTRIBUTES: gone, or not ours to read
                return
            new = old | hidden_bit if hidden else old & ~hidden_bit
            kernel32.SetFileAttributesW(os.fspath(path), new or normal)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def sweep_temps(folder: Path) -> int:
    """Remove temporary files that processes which no longer run left in ``folder``; returns
    how many were removed."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
                continue
            pid = name[len(TEMP_PREFIX) :].split("-", 1)[0]
            if pid.isdigit() and not _process_alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def discard(*paths: Path) -> None:
    """Remove ``paths`` if they exist (temporary files after a failure)."""
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


# -- replacing -------------------------------------------------------------------------------
def _in_use(exc: OSError) -> bool:
    """True for the errors Windows gives when another process holds the file."""
    if getattr(exc, "winerror", None) in _IN_USE_WINERRORS:
        return True
    return WINDOWS and isinstance(exc, PermissionError)


def output_error(path: str | os.PathLike[str], exc: OSError, what: str) -> OutputError:
    """The typed error for ``exc`` met while writing ``path`` (full disk, file in use, other)."""
    if isinstance(exc, OutputError):
        return exc
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(path)
    if _in_use(exc):
        return FileInUseError(path)
    return OutputError(path, f"{what} ({exc.strerror or exc})")


def _with_retries(action: Callable[[], None], path: Path) -> None:
    """Run ``action``; while another program holds ``path``, wait and try again."""
    for delay in (*RETRY_DELAYS, None):
        try:
            action()
            return
        except OSError as exc:
            if not _in_use(exc):
                raise output_error(path, exc, "cannot replace the file") from exc
            if delay is None:
                raise FileInUseError(path) from exc
            _sleep(delay)


def replace_file(tmp: Path, path: Path) -> None:
    """Rename the finished ``tmp`` over ``path`` (with the permissions ``path`` had, or the
    usual ones for a new file), retrying while another program holds ``path``."""
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
    except OSError:
        pass  # permissions are a courtesy; the rename decides
    _set_hidden(tmp, False)  # a renamed file keeps its attributes: the result must be seen
    _with_retries(lambda: _replace(tmp, path), path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_replaceable(path: Path) -> None:
    """Raise :class:`FileInUseError` (after the retries) when ``path`` exists and another
    program holds it, so a run of several files can stop before it replaces any."""
    if path.exists():
        _with_retries(lambda: _probe(path), path)


def _finish(tmp: Path, final: Path, min_size: int) -> None:
    """Check the temporary file for ``final`` is complete (not empty); flush it to the disk."""
    try:
        size = tmp.stat().st_size
        if size >= min_size:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        raise output_error(final, exc, "cannot write the file") from exc
    if size < min_size:
        raise EmptyOutputError(final)


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, excel: bool = False, min_size: int = 1
) -> Iterator[Path]:
    """Write ``path`` completely or not at all.

    Yields a temporary file beside ``path`` for the caller to write; when the block ends
    without an error and the file holds at least ``min_size`` bytes, it replaces ``path``.
    On any error, or a cancel, the temporary file is removed and ``path`` is unchanged. An
    ``OSError`` from the block becomes :class:`DiskFullError` or :class:`OutputError`.
    """
    final = check_path(path, excel=excel)
    check_folder(final.parent)
    tmp = temp_beside(final)
    try:
        try:
            yield tmp
        except OSError as exc:
            raise output_error(final, exc, "cannot write the file") from exc
        _finish(tmp, final, min_size)
        replace_file(tmp, final)
    except BaseException:
        discard(tmp)
        raise


def _set_aside(final: Path, aside: Path) -> None:
    _with_retries(lambda: _replace(final, aside), final)


def replace_all(pairs: Sequence[tuple[Path, Path]]) -> None:
    """Move each finished temporary file over its destination, all or none.

    Every destination is checked first (:func:`check_replaceable`); then the existing files
    are set aside, the new ones moved in, and the old ones deleted. If a replacement still
    fails, the files already replaced get their old versions back, so the folder never holds a
    mix of new and old files. The temporary files are always gone afterwards.
    """
    try:
        for _, final in pairs:
            check_replaceable(final)
    except BaseException:
        discard(*(tmp for tmp, _ in pairs))
        raise
    done: list[tuple[Path, Path | None]] = []  # (final, the old file set aside)
    aside: Path | None = None
    try:
        for tmp, final in pairs:
            aside = temp_beside(final) if final.exists() else None
            if aside is not None:
                _set_aside(final, aside)
            done.append((final, aside))
            aside = None
            replace_file(tmp, final)
    except BaseException:
        if aside is not None:  # the old file could not be set aside: it is still in place
            discard(aside)
        for final, old in reversed(done):
            with contextlib.suppress(OSError):
                if old is not None:
                    _replace(old, final)
                else:
                    os.unlink(final)
        discard(*(tmp for tmp, _ in pairs))
        raise
    discard(*(old for _, old in done if old is not None))
