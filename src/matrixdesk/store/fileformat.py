"""Checks on a .mdesk file made from its bytes alone, before SQLite ever opens it.

Reading the 100-byte SQLite header lets us refuse a foreign, newer or truncated file without
any chance of SQLite writing to it (opening in WAL mode, or a hot journal roll-back, would).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from .errors import DamagedFileError, NewerVersionError, NotAPlanError

APPLICATION_ID = 0x4D44534B  # "MDSK"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Header:
    """What the SQLite header says about a file."""

    page_size: int
    page_count: int
    user_version: int
    application_id: int


def read_header(path: str) -> Header:
    """Read and sanity-check the SQLite header of ``path``.

    Raises
    ------
    NotAPlanError
        The file is empty or not an SQLite database.
    DamagedFileError
        The header is inconsistent with the file's size (a truncated copy).
    """
    size = os.path.getsize(path)
    if size == 0:
        raise NotAPlanError(path, "the file is empty, not a MatrixDesk plan")
    with open(path, "rb") as fh:
        raw = fh.read(100)
    if not raw.startswith(SQLITE_MAGIC):
        raise NotAPlanError(path, "not a MatrixDesk plan (not an SQLite database)")
    if len(raw) < 100:
        raise DamagedFileError(path, "the file is truncated (incomplete header)")
    (page_size,) = struct.unpack(">H", raw[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", raw[24:32])
    (user_version,) = struct.unpack(">i", raw[60:64])
    (application_id,) = struct.unpack(">i", raw[68:72])
    (valid_for,) = struct.unpack(">I", raw[92:96])
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedFileError(path, "the file is damaged (bad page size)")
    if valid_for == change_counter and page_count and size < page_count * page_size:
        raise DamagedFileError(
            path, f"the file is truncated ({size} of {page_count * page_size} bytes)"
        )
    if size % page_size:
        raise DamagedFileError(path, "the file is truncated (not a whole number of pages)")
    return Header(page_size, page_count, user_version, application_id & 0xFFFFFFFF)


def check_plan_file(path: str, supported_version: int) -> Header:
    """Refuse anything that is not a plan this version of MatrixDesk can open."""
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise NotAPlanError(path, "an SQLite database, but not a MatrixDesk plan")
    if header.user_version > supported_version:
        raise NewerVersionError(path, header.user_version, supported_version)
    if header.user_version < 1:
        raise DamagedFileError(path, "the plan has no schema version")
    return header
