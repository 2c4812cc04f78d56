"""Reading a department workbook that came back, without trusting it.

The file is read once into memory and looked at before openpyxl sees it: an old binary
workbook (.xls, WPS .et) or a password-protected one (both OLE compound files) is named as
such; a zip whose parts would unpack to more than the limits (a zip bomb) is refused. openpyxl
then parses it through defusedxml (no entity expansion, no external entities), read-only,
formulas as written: a formula is never evaluated, and one where a value is expected refuses
the file. Nothing here knows the plan; :mod:`collect` matches what was read against it.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass, field
from typing import Any

from .departments import MARKER, SHEET_NAME
from .errors import Refusal, WorkbookRefused
from .targets_sheet import TARGET_MARKER, TARGET_SHEET

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAX_NOTE = 32000


@dataclass(frozen=True)
class Limits:
    """How much a returned workbook may hold before it is refused as an attack or a mistake."""

    file_bytes: int = 50 * 2**20
    unpacked_bytes: int = 200 * 2**20
    parts: int = 2000
    ratio: int = 200  # unpacked / packed size of one part larger than 1 MiB
    cells: int = 2_000_000


DEFAULT_LIMITS = Limits()


@dataclass
class Row:
    """A task row as returned: identifiers (None when blank) and what the department wrote."""

    number: int  # the spreadsheet row
    measure_id: int | None
    department_id: int | None
    fingerprint: str | None
    status: str
    note: str
    filled: bool  # anything at all in the row


@dataclass
class TargetRow:
    number: int
    target_id: int | None
    department_id: int | None
    fingerprint: str | None
    value: float | None
    filled: bool


@dataclass
class Header:
    """Rows 1 and 2 of a sheet: marker, format, fingerprint; period, department, row count."""

    marker: Any
    version: Any
    fingerprint: Any
    period: Any
    department: Any
    count: Any


@dataclass
class ReturnedWorkbook:
    """What a returned workbook says, read but not yet matched against a plan."""

    path: str
    saved: str  # ISO local date-time of its last save (workbook properties, else the file)
    header: Header
    rows: list[Row] = field(default_factory=list)
    targets_header: Header | None = None
    targets: list[TargetRow] = field(default_factory=list)


def read_returned(
    path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS
) -> ReturnedWorkbook:
    """Read ``path`` safely.

    Raises
    ------
    WorkbookRefused
        With a :class:`Refusal` code: not an xlsx, an old format, password-protected,
        damaged, unsafe XML, too large, not a MatrixDesk department workbook, or a formula
        or an unreadable identifier where a value is expected.
    """
    path = os.fspath(path)
    data = _read_bytes(path, limits)
    _check_container(path, data, limits)
    wb = _open(path, data)
    try:
        return _read_book(path, wb, limits)
    except WorkbookRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise _damaged(path, exc) from exc
    finally:
        wb.close()


# -- the container -----------------------------------------------------------------------------
def _read_bytes(path: str, limits: Limits) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > limits.file_bytes:
            raise WorkbookRefused(path, Refusal.TOO_LARGE, f"{size} bytes")
        with open(path, "rb") as fh:
            return fh.read(limits.file_bytes + 1)
    except OSError as exc:
        raise WorkbookRefused(path, Refusal.UNREADABLE, exc.strerror or str(exc)) from exc


def _check_container(path: str, data: bytes, limits: Limits) -> None:
    ext = os.path.splitext(path)[1].lower()
    if data.startswith(_CFB_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise WorkbookRefused(path, Refusal.ENCRYPTED)
        raise WorkbookRefused(path, Refusal.OLD_FORMAT, ext or ".xls")
    if not data.startswith(b"PK"):
        code = Refusal.OLD_FORMAT if ext in (".xls", ".et", ".ett") else Refusal.NOT_XLSX
        raise WorkbookRefused(path, code, ext)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _damaged(path, exc) from exc
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise WorkbookRefused(path, Refusal.NOT_XLSX, ext)
    if any(i.flag_bits & 0x1 for i in infos):
        raise WorkbookRefused(path, Refusal.ENCRYPTED)
    unpacked = sum(i.file_size for i in infos)
    if len(infos) > limits.parts or unpacked > limits.unpacked_bytes:
        raise WorkbookRefused(path, Refusal.TOO_LARGE, f"{unpacked} bytes unpacked")
    for i in infos:
        if i.file_size > 2**20 and i.file_size > limits.ratio * max(1, i.compress_size):
            raise WorkbookRefused(path, Refusal.TOO_LARGE, f"{i.filename} packed {i.compress_size}")


def _open(path: str, data: bytes):
    from openpyxl import load_workbook
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # OPENPYXL_DEFUSEDXML=False in the environment: do not read at all
        raise WorkbookRefused(path, Refusal.UNSAFE_XML, "defusedxml is switched off")
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        raise _damaged(path, exc) from exc


def _damaged(path: str, exc: BaseException) -> WorkbookRefused:
    try:
        from defusedxml import DefusedXmlException
    except ImportError:  # pragma: no cover - a dependency
        DefusedXmlException = ()  # type: ignore[assignment,misc]  # noqa: N806
    seen: BaseException | None = exc
    while seen is not None:  # openpyxl may wrap the parser's error
        if isinstance(seen, DefusedXmlException):
            return WorkbookRefused(path, Refusal.UNSAFE_XML, type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    return WorkbookRefused(path, Refusal.DAMAGED, f"{type(exc).__name__}: {exc}"[:200])


# -- the sheets --------------------------------------------------------------------------------
def _read_book(path: str, wb, limits: Limits) -> ReturnedWorkbook:
    if SHEET_NAME not in wb.sheetnames:
        raise WorkbookRefused(path, Refusal.NOT_OURS, f"no sheet {SHEET_NAME}")
    counter = _Counter(path, limits.cells)
    header, rows = _read_sheet(path, wb[SHEET_NAME], 13, counter)
    if header.marker != MARKER:
        raise WorkbookRefused(path, Refusal.NOT_OURS, "A1")
    book = ReturnedWorkbook(path, _saved(path, wb), header)
    book.rows = [_task_row(path, n, cells) for n, cells in rows]
    if TARGET_SHEET in wb.sheetnames:
        t_header, t_rows = _read_sheet(path, wb[TARGET_SHEET], 11, counter)
        if t_header.marker == TARGET_MARKER:
            book.targets_header = t_header
            book.targets = [_target_row(path, n, cells) for n, cells in t_rows]
    return book


class _Counter:
    def __init__(self, path: str, limit: int) -> None:
        self.path, self.left = path, limit

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise WorkbookRefused(self.path, Refusal.TOO_LARGE, "too many cells")


def _read_sheet(path: str, ws, width: int, counter: _Counter) -> tuple[Header, list]:
    """The header cells and the body rows (from row 4) as (row number, cells[:width])."""
    top: list = []
    body: list = []
    if hasattr(ws, "reset_dimensions"):  # a writer's wrong <dimension> must not hide rows
        ws.reset_dimensions()
    for number, row in enumerate(ws.iter_rows(), start=1):
        counter.take(len(row) + 1)
        cells = list(row[:width])
        cells += [None] * (width - len(cells))
        if number <= 2:
            top.append(cells)
        elif number >= 4:
            body.append((number, cells))
    while len(top) < 2:
        top.append([None] * width)
    values = [
        [_plain(path, c, ref) for c, ref in zip(r[:3], ("A", "B", "C"), strict=True)] for r in top
    ]
    return Header(*values[0], *values[1]), _trim(body)


def _trim(body: list) -> list:
    """Without the empty rows at the end (a sheet often reports a few formatted blank rows)."""
    while body and all(_empty(c) for c in body[-1][1]):
        body.pop()
    return body


def _empty(c) -> bool:
    return c is None or c.value is None or (isinstance(c.value, str) and not c.value.strip())


def _plain(path: str, c, ref: str) -> Any:
    """A cell's value; a formula refuses the file (its text is never evaluated)."""
    if c is None:
        return None
    if getattr(c, "data_type", None) == "f":
        where = getattr(c, "coordinate", ref)
        raise WorkbookRefused(path, Refusal.FORMULA, str(where))
    value = c.value
    if isinstance(value, str) and value.startswith("=") and getattr(c, "data_type", "s") != "s":
        raise WorkbookRefused(path, Refusal.FORMULA, str(getattr(c, "coordinate", ref)))
    return value


def as_id(value: Any) -> int | None:
    """An identifier cell as an int (WPS and LibreOffice may write 12 as 12.0 or "12");
    None when blank; ValueError when it is anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ValueError(value)


def _id(path: str, value: Any, where: str) -> int | None:
    try:
        return as_id(value)
    except ValueError:
        raise WorkbookRefused(path, Refusal.IDS_EDITED, where) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    return str(value).strip()[:MAX_NOTE]


def _task_row(path: str, number: int, cells: list) -> Row:
    values = [
        _plain(path, c, f"{col}{number}") for c, col in zip(cells, "ABCDEFGHIJKLM", strict=True)
    ]
    fingerprint = values[2]
    return Row(
        number,
        _id(path, values[0], f"A{number}"),
        _id(path, values[1], f"B{number}"),
        None if fingerprint is None else str(fingerprint),
        _text(values[11]),
        _text(values[10]),
        any(not _empty(c) for c in cells[3:]),
    )


def _target_row(path: str, number: int, cells: list) -> TargetRow:
    values = [
        _plain(path, c, f"{col}{number}") for c, col in zip(cells, "ABCDEFGHIJK", strict=True)
    ]
    raw = values[10]
    value: float | None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        value = None
    elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value = float(raw)
    else:
        try:
            value = float(str(raw).strip().replace(",", ""))
        except ValueError:
            raise WorkbookRefused(path, Refusal.BAD_VALUE, f"K{number}: {str(raw)[:40]}") from None
    fingerprint = values[2]
    return TargetRow(
        number,
        _id(path, values[0], f"A{number}"),
        _id(path, values[1], f"B{number}"),
        None if fingerprint is None else str(fingerprint),
        value,
        any(not _empty(c) for c in cells[3:]),
    )


def _saved(path: str, wb) -> str:
    """When the department last saved the workbook, in local time."""
    modified = getattr(getattr(wb, "properties", None), "modified", None)
    if isinstance(modified, dt.datetime):
        if modified.tzinfo is None:  # openpyxl reads W3CDTF "Z" times as naive UTC
            modified = modified.replace(tzinfo=dt.UTC)
        return modified.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")
    stamp = os.path.getmtime(path)
    return dt.datetime.fromtimestamp(stamp).isoformat(timespec="seconds")
