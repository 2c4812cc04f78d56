"""Checks on a .mdesk file made from its bytes alone, before SQLite ever opens it.

Reading the 100-byte SQLite header lets us refuse an empty, foreign or newer file without any
chance of SQLite writing to it. Whether the rest is readable is SQLite's verdict (see
:mod:`verify`): a crash can leave a file whose header disagrees with its size until SQLite
rolls back its journal or folds in its log, so the header alone never calls a file damaged.
When SQLite cannot read a file, :func:`describe_damage` uses the header to say how.
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass

from .errors import NewerVersionError, NotAPlanError

APPLICATION_ID = 0x4D44534B  # "MDSK"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Header:
    """What the SQLite header says about a file."""

    page_size: int
    page_count: int
    user_version: int
    application_id: int
    size_valid: bool  # the header's page count is current (SQLite's "version-valid-for")


def read_header(path: str) -> Header:
    """Read the SQLite header of ``path``.

    Raises
    ------
    NotAPlanError
        Not a regular file, empty, or not an SQLite database.
    """
    try:
        info = os.stat(path)
    except OSError:
        raise NotAPlanError(path, "no such file") from None
    if not stat.S_ISREG(info.st_mode):
        raise NotAPlanError(path, "not a plan file (a folder, device or pipe)")
    if info.st_size == 0:
        raise NotAPlanError(path, "the file is empty, not a MatrixDesk plan")
    with open(path, "rb") as fh:
        raw = fh.read(100)
    if not raw.startswith(SQLITE_MAGIC) or len(raw) < 100:
        raise NotAPlanError(path, "not a MatrixDesk plan (not an SQLite database)")
    (page_size,) = struct.unpack(">H", raw[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", raw[24:32])
    (user_version,) = struct.unpack(">i", raw[60:64])
    (application_id,) = struct.unpack(">i", raw[68:72])
    (valid_for,) = struct.unpack(">I", raw[92:96])
    return Header(
        page_size,
        page_count,
        user_version,
        application_id & 0xFFFFFFFF,
        valid_for == change_counter and page_count > 0,
    )


def check_plan_file(path: str, supported_version: int) -> Header:
    """Refuse what is plainly not a plan this version of MatrixDesk can open."""
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise NotAPlanError(path, "an SQLite database, but not a MatrixDesk plan")
    if header.user_version > supported_version:
        raise NewerVersionError(path, header.user_version, supported_version)
    return header


def describe_damage(path: str, sqlite_says: str) -> str:
    """Why SQLite could not read ``path``, in the words a user understands best."""
    try:
        header = read_header(path)
        size = os.path.getsize(path)
    except (NotAPlanError, OSError):
        return f"the file is damaged ({sqlite_says})"
    expected = header.page_count * header.page_size
    if header.page_size < 512 or header.page_size & (header.page_size - 1):
        return "the file is damaged (bad page size)"
    if header.size_valid and size < expected:
        return f"the file is truncated ({size} of {expected} bytes)"
    if size % header.page_size:
        return "the file is truncated (not a whole number of pages)"
    return f"the file is damaged ({sqlite_says})"
