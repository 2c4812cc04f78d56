"""Connections to a plan file: the URI, SQLite's defensive settings, and the files beside it.

Every connection goes through :func:`connect`, so every one of them has the same protections:
``trusted_schema`` off and defensive mode (a received plan cannot run functions from its
schema or rewrite it), a busy timeout (another program reading the plan makes an edit wait,
not fail with "database is locked"), and a cap on the size of one value (a crafted plan cannot
make MatrixDesk read gigabytes into memory).
"""

from __future__ import annotations

import ctypes
import ntpath
import os
import sqlite3
import sys
from urllib.parse import quote

BUSY_TIMEOUT_MS = 5000
# One text or blob; the largest real value is the source text of a merged year (a few MB).
MAX_VALUE_BYTES = 64 * 1024 * 1024
# Windows paths this long need the verbatim form (\\?\) and SQLite's long-path VFS.
WINDOWS_MAX_PATH = 259
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_SQLITE_DBCONFIG_DEFENSIVE = 1010
_URI_SAFE = "/:!$&'()*+,;=@-._~"


def sqlite_uri(path: str, *, read_only: bool, windows: bool | None = None) -> str:
    """The ``file:`` URI SQLite opens ``path`` by, read-only or for reading and writing.

    Windows paths (built here on any platform with ``windows=True``):

    * ``C:\\计划\\a.mdesk`` and a mapped drive ``Z:\\a.mdesk`` → ``file:///C:/…``;
    * ``\\\\server\\share\\a.mdesk`` → ``file:////server/share/a.mdesk`` (an empty authority
      and a path starting ``//``: SQLite refuses any authority but ``localhost``);
    * a path longer than Windows' 260 characters → the verbatim form ``\\\\?\\C:\\…`` with
      SQLite's ``win32-longpath`` VFS.

    Chinese, spaces, ``#``, ``?`` and ``%`` are percent-encoded as UTF-8.
    """
    windows = sys.platform == "win32" if windows is None else windows
    params = "mode=ro" if read_only else "mode=rw"
    if not windows:
        return "file:" + quote(os.path.abspath(path), safe=_URI_SAFE) + "?" + params
    full = _windows_absolute(path)
    if len(full) > WINDOWS_MAX_PATH:
        verbatim = "\\\\?\\UNC\\" + full[2:] if full.startswith("\\\\") else "\\\\?\\" + full
        return "file:" + quote(verbatim, safe=":") + "?" + params + "&vfs=win32-longpath"
    slashed = full.replace("\\", "/")
    if slashed.startswith("//"):  # \\server\share\… : no authority, a path starting //
        return "file://" + quote(slashed, safe=_URI_SAFE) + "?" + params
    return "file:///" + quote(slashed, safe=_URI_SAFE) + "?" + params


def _windows_absolute(path: str) -> str:
    """``path`` as an absolute Windows path without a verbatim prefix (pure string work)."""
    text = os.fspath(path)
    if text.startswith("\\\\?\\UNC\\"):
        text = "\\\\" + text[8:]
    elif text.startswith("\\\\?\\"):
        text = text[4:]
    if sys.platform == "win32":
        text = ntpath.abspath(text)
    return ntpath.normpath(text)


def connect(path: str, *, read_only: bool) -> sqlite3.Connection:
    """Open ``path`` with MatrixDesk's protections (see the module docstring)."""
    conn = sqlite3.connect(sqlite_uri(path, read_only=read_only), uri=True)
    try:
        harden(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def harden(conn: sqlite3.Connection) -> None:
    """Apply the defensive settings and limits to an open connection."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    set_defensive(conn)


def set_defensive(conn: sqlite3.Connection) -> bool:
    """Switch on SQLite's defensive mode; returns whether it is on.

    Python 3.12 has ``Connection.setconfig``; on 3.11 the same call goes to SQLite through
    ctypes, after checking that the handle found is this connection's.
    """
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:
        setconfig(_SQLITE_DBCONFIG_DEFENSIVE, True)
        return True
    return _set_defensive_ctypes(conn)


def _set_defensive_ctypes(conn: sqlite3.Connection) -> bool:
    lib = _sqlite_library()
    if lib is None:
        return False
    # CPython 3.11's connection object starts with PyObject_HEAD, then the sqlite3* handle.
    handle = ctypes.c_void_p.from_address(id(conn) + 2 * ctypes.sizeof(ctypes.c_void_p)).value
    if not handle:
        return False
    lib.sqlite3_total_changes.argtypes = [ctypes.c_void_p]
    lib.sqlite3_total_changes.restype = ctypes.c_int
    if lib.sqlite3_total_changes(handle) != conn.total_changes:
        return False  # not the handle we think it is: leave it alone
    lib.sqlite3_db_config.restype = ctypes.c_int
    enabled = ctypes.c_int(-1)
    code = lib.sqlite3_db_config(
        ctypes.c_void_p(handle),
        ctypes.c_int(_SQLITE_DBCONFIG_DEFENSIVE),
        ctypes.c_int(1),
        ctypes.byref(enabled),
    )
    return code == 0 and enabled.value == 1


def _sqlite_library() -> ctypes.CDLL | None:
    import _sqlite3

    candidates = [_sqlite3.__file__]
    if sys.platform == "win32":
        candidates.insert(0, os.path.join(os.path.dirname(_sqlite3.__file__), "sqlite3.dll"))
    for name in candidates:
        try:
            lib = ctypes.CDLL(name)
            lib.sqlite3_db_config  # noqa: B018 - present?
            return lib
        except (OSError, AttributeError):
            continue
    return None


# -- the files SQLite keeps beside a plan ------------------------------------------------------
def has_hot_journal(path: str) -> bool:
    """Whether a rollback journal beside ``path`` may hold a transaction to roll back.

    MatrixDesk's TRUNCATE journal is empty between edits and a PERSIST journal has its header
    zeroed; only a journal that starts with SQLite's magic can be hot.
    """
    try:
        with open(path + "-journal", "rb") as fh:
            return fh.read(8) == _JOURNAL_MAGIC
    except OSError:
        return False


def has_wal(path: str) -> bool:
    """Whether a write-ahead log with frames lies beside ``path`` (an older MatrixDesk, or a
    crash while one had the plan open)."""
    try:
        return os.path.getsize(path + "-wal") > 0
    except OSError:
        return False


def needs_recovery(path: str) -> bool:
    """Whether SQLite has something to recover before the plan can be read as it was left."""
    return has_hot_journal(path) or has_wal(path)


SIDE_FILES = ("-journal", "-wal")


def error_name(exc: BaseException) -> str:
    """SQLite's name for the error (``SQLITE_FULL`` …), or "" when there is none."""
    return getattr(exc, "sqlite_errorname", "") or ""
