"""Excel task tables (.xlsx) → the shared text form, with openpyxl.

A coordinator is often sent the 任务分工 table as a workbook rather than the notice: a title
merged across the top, perhaps a document number, then the header row (序号 | 重点任务 |
牵头单位 | 配合单位 | 完成时限, in any order and wording :mod:`matrixdesk.parse.table` knows),
then the tasks, with part headings in merged rows. Every sheet with such a header contributes
its title rows (as lines) and its table (as tab-separated rows); sheets without one are
skipped, and a workbook with none is refused, naming what was looked for. Several task sheets
with names of their own (扩大消费 | 强化保障) read as parts headed by those names.

Merged cells: the value of a vertical merge (one unit for several tasks) is repeated in every
row it spans; a horizontal merge (a title, a part heading) is read once, in its first column.
Dates become 2022年6月30日; whole numbers lose their ``.0``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from matrixdesk.parse.encoding import ParseError
from matrixdesk.parse.table import find_header, format_rows, looked_for

_EMPTY_RUN = 200  # a sheet formatted far below its data ends after this many empty rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def sheet_rows(sheet: Any) -> list[list[str]]:
    """The sheet's cell texts, vertical merges filled down, trailing empty rows dropped."""
    rows: list[list[str]] = []
    empty = 0
    for values in sheet.iter_rows(values_only=True):
        row = [_text(v) for v in values]
        rows.append(row)
        empty = 0 if any(row) else empty + 1
        if empty >= _EMPTY_RUN:
            break
    while rows and not any(rows[-1]):
        rows.pop()
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top + 1, min(merged.max_row, len(rows))):
            if left < len(rows[r]) and not rows[r][left]:
                rows[r][left] = value
    return rows


_DEFAULT_NAME = re.compile(r"^(?:Sheet|工作表|表)\s*\d*$", re.IGNORECASE)


def _sheet_lines(rows: list[list[str]], part: str = "") -> list[str]:
    """Title lines and the table of one sheet; ``part`` (the sheet's name) heads its tasks."""
    header = find_header(rows)
    if header is None:
        return []
    titles = [" ".join(c for c in row if c) for row in rows[: header.first_row]]
    body = rows[header.first_row :]
    if part:
        cut = header.last_row - header.first_row + 1
        body = body[:cut] + [[part]] + body[cut:]
    return [t for t in titles if t] + format_rows(body)


def _open(data: bytes, name: str) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ParseError(
            f"{name} is damaged and cannot be opened as a workbook ({exc}).", "damaged"
        ) from None
    except Exception as exc:  # an XML error inside the package
        raise ParseError(f"{name} is damaged: {exc}", "damaged") from None


def xlsx_to_text(data: bytes, name: str = "tasks.xlsx") -> str:
    """The task tables of a workbook, as title lines and tab-separated rows.

    Parameters
    ----------
    data
        The file's bytes.
    name
        The file name, for messages.

    Raises
    ------
    ParseError
        ``damaged``, or ``no-task-columns`` when no sheet has a task-division header.
    """
    workbook = _open(data, name)
    lines: list[str] = []
    try:
        sheets = [(sheet.title, sheet_rows(sheet)) for sheet in workbook.worksheets]
    finally:
        workbook.close()
    tables = [(title, rows) for title, rows in sheets if find_header(rows) is not None]
    # Several task sheets named for their parts (扩大消费 | 强化保障): each name heads its part.
    named = len(tables) > 1 and not any(_DEFAULT_NAME.match(title) for title, _ in tables)
    for title, rows in tables:
        lines.extend(_sheet_lines(rows, title if named else ""))
    if not lines:
        raise ParseError(
            f"{name}: no sheet has a task-division table; looked for a header row with a task "
            f"column and a unit column ({looked_for()}).",
            "no-task-columns",
        )
    if not any(_has_rows(rows) for _, rows in tables):
        raise ParseError(
            f"{name}: the task table has its header row but no tasks under it.", "no-task-rows"
        )
    return "\n".join(lines)


def _has_rows(rows: list[list[str]]) -> bool:
    """True when something is written below the table's header."""
    header = find_header(rows)
    return header is not None and any(any(row) for row in rows[header.last_row + 1 :])
