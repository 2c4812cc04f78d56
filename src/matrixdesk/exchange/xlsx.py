"""Writing workbooks with XlsxWriter, through the few calls the sheet builders make.

The builders (``master.py``, ``departments.py`` …) append rows of values and styled cells, merge
ranges, set widths, heights, print setup, protection and validation, and add native charts.
:class:`Book` and :class:`Sheet` give them that, written row by row in XlsxWriter's
constant-memory mode: a sheet of 30,000 rows never sits in memory, so rows are written in
order. A merge is only a note of the range (the cells are what the rows hold), so it may be
given at any time, as with openpyxl.

Why XlsxWriter and not openpyxl for writing: see ``docs/decisions.md`` (openpyxl still reads
the workbooks that come back).
"""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from xlsxwriter import Workbook as _XlsxWorkbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from .text import clean

CM = 96 / 2.54  # chart sizes are given in pixels at 96 dpi


class _Workbook(_XlsxWorkbook):
    """XlsxWriter's workbook with ``<workbookProtection lockStructure="1"/>`` when asked
    (sheets cannot be added, removed or renamed), which XlsxWriter has no call for."""

    lock_structure = False

    def _write_book_views(self) -> None:
        if self.lock_structure:
            self._xml_empty_tag("workbookProtection", [("lockStructure", 1)])
        super()._write_book_views()


class Styled(NamedTuple):
    """A value with the name of its style (see ``sheets.STYLES``); a tuple, as there are
    hundreds of thousands of them in a big workbook."""

    value: object
    style: str


class Book:
    """A workbook being written to ``path`` (the file appears when :meth:`save` is called).

    A ``small`` workbook (a department's) is put together in memory: in constant-memory mode
    XlsxWriter writes every part to a temporary file first, and making and removing ten
    files for each of 500 department workbooks took longer than writing them.
    """

    def __init__(
        self, path: str | Path, styles: Mapping[str, dict], *, small: bool = False
    ) -> None:
        self.path = Path(path)
        self.book = _Workbook(
            str(path),
            {
                "constant_memory": not small,
                "in_memory": small,
                "strings_to_numbers": False,
                "strings_to_formulas": False,  # a policy text starting with = stays text
                "strings_to_urls": False,
            },
        )
        self._styles = styles
        self._formats: dict[str, Any] = {}
        self.sheets: list[Sheet] = []

    def format(self, style: str) -> Any:
        found = self._formats.get(style)
        if found is None:
            found = self._formats[style] = self.book.add_format(self._styles[style])
        return found

    def create_sheet(self, title: str) -> Sheet:
        sheet = Sheet(self, self.book.add_worksheet(title))
        self.sheets.append(sheet)
        return sheet

    def add_chart(self, options: dict) -> Any:
        return self.book.add_chart(options)

    @property
    def lock_structure(self) -> bool:
        return self.book.lock_structure

    @lock_structure.setter
    def lock_structure(self, value: bool) -> None:
        self.book.lock_structure = value

    def save(self) -> None:
        """Write the file; a failure to write it (full disk, no permission) is an OSError."""
        try:
            self.book.close()
        except FileCreateError as exc:  # XlsxWriter's wrapper around the OSError
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            if cause is not None:
                _close_zips(cause.__traceback__)
            raise (cause or OSError(str(exc))) from exc

    def discard(self) -> None:
        """Give up the workbook (a cancel or a failure): close and remove the temporary files
        its sheets were being written to (XlsxWriter does that only when it saves)."""
        for sheet in self.book.worksheets():
            handle = getattr(sheet, "row_data_fh", None)
            if handle is not None and not handle.closed:
                handle.close()
            name = getattr(sheet, "row_data_filename", None)
            if name:
                with contextlib.suppress(OSError):
                    os.remove(name)


def _close_zips(tb: TracebackType | None) -> None:
    """Close the zip XlsxWriter was writing when a write failed (a full disk): it keeps the
    file open in a local variable until the error is forgotten — on Windows the temporary
    file can then not be removed and stays in the user's folder — and closing it later
    printed "Exception ignored … No space left on device"."""
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                with contextlib.suppress(OSError, ValueError):
                    value.close()  # the file is closed even when its last write fails
                value.fp = None
        tb = tb.tb_next


class _Row:
    def __init__(self, sheet: Sheet, row: int) -> None:
        self._sheet, self._row = sheet, row

    @property
    def height(self) -> float | None:
        return None

    @height.setter
    def height(self, value: float) -> None:
        self._sheet.set_height(self._row, value)


class _Rows:
    """``ws.row_dimensions[3].height = 30`` (rows numbered from 1)."""

    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet

    def __getitem__(self, row: int) -> _Row:
        return _Row(self._sheet, row)


class Sheet:
    """One worksheet written top to bottom; rows and columns numbered from 1, as in Excel."""

    def __init__(self, book: Book, sheet: Any) -> None:
        self.book = book
        self.sheet = sheet
        self.row = 0  # rows written so far
        self.row_dimensions = _Rows(self)

    # -- content -------------------------------------------------------------------------------
    def append(self, values: Iterable[Any]) -> None:
        """Write the next row: plain values, :class:`Styled` values or None (nothing)."""
        r = self.row
        write = self._write
        for c, value in enumerate(values):
            if value is not None:
                write(r, c, value)
        self.row += 1

    def _write(self, r: int, c: int, value: Any) -> None:
        fmt = None
        if type(value) is Styled:
            value, style = value
            fmt = self.book.format(style)
        if value is None or value == "":  # an empty text is an empty cell, as Excel keeps it
            if fmt is not None:
                self.sheet.write_blank(r, c, None, fmt)
        elif isinstance(value, str):
            self.sheet.write_string(r, c, clean(value), fmt)
        elif isinstance(value, bool):
            self.sheet.write_boolean(r, c, value, fmt)
        else:
            self.sheet.write_number(r, c, value, fmt)

    def merge(self, ref: str) -> None:
        """Merge ``ref`` ("A1:F1"); the first cell's value and style are what the row holds.

        XlsxWriter's ``merge_range`` writes the cells as well, which constant-memory mode only
        allows in the row being written (a range over two rows was refused whole): the range
        goes straight into the worksheet's list of merged ranges, the list ``merge_range``
        itself adds to and the file's ``<mergeCells>`` is written from.
        """
        first, last = ref.split(":")
        r1, c1 = xl_cell_to_rowcol(first)
        r2, c2 = xl_cell_to_rowcol(last)
        if (r1, c1) == (r2, c2) or r2 < r1 or c2 < c1:
            raise ValueError(f"not a range to merge: {ref}")
        self.sheet.merge.append([r1, c1, r2, c2])

    # -- layout ----------------------------------------------------------------------------------
    def set_height(self, row: int, height: float) -> None:
        """Height in points of ``row`` (from 1); before that row is written."""
        self.sheet.set_row(row - 1, height)

    def set_width(self, letter: str, width: float, hidden: bool = False) -> None:
        col = _column(letter)
        self.sheet.set_column(col, col, width, None, {"hidden": True} if hidden else None)

    @property
    def freeze_panes(self) -> str | None:
        return None

    @freeze_panes.setter
    def freeze_panes(self, ref: str) -> None:
        row, col = xl_cell_to_rowcol(ref)
        self.sheet.freeze_panes(row, col)

    def protect(self, **allowed: bool) -> None:
        """Protect the sheet without a password; ``allowed`` are XlsxWriter's options (what
        the user may still do, such as ``format_rows=True``)."""
        self.sheet.protect("", allowed)

    def validate(self, ref: str, options: dict) -> None:
        """A data validation over ``ref`` ("L4:L20"), in XlsxWriter's terms."""
        first, _, last = ref.partition(":")
        r1, c1 = xl_cell_to_rowcol(first)
        r2, c2 = xl_cell_to_rowcol(last or first)
        self.sheet.data_validation(r1, c1, r2, c2, options)

    @property
    def name(self) -> str:
        return self.sheet.name

    def insert_chart(self, ref: str, chart: Any) -> None:
        self.sheet.insert_chart(ref, chart)

    def setup_print(
        self,
        title_rows: str,
        *,
        paper: str,
        pages_wide: int,
        title_cols: str | None,
        footer: str,
        grid_lines: bool = False,
    ) -> None:
        ws = self.sheet
        ws.set_landscape()
        ws.set_paper(8 if paper == "A3" else 9)
        ws.fit_to_pages(pages_wide, 0)
        first, _, last = title_rows.partition(":")
        ws.repeat_rows(int(first) - 1, int(last or first) - 1)
        if title_cols:
            ws.repeat_columns(title_cols)
        ws.center_horizontally()
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer(f"&C&9{footer}", {"margin": 0.3})
        if grid_lines:
            ws.hide_gridlines(0)  # printed too: empty matrix cells carry no border of their own


def column_letter(n: int) -> str:
    """1 → "A", 28 → "AB" (as openpyxl's get_column_letter)."""
    return xl_col_to_name(n - 1)


_LETTERS = re.compile(r"^[A-Z]+$")


def _column(letter: str) -> int:
    if not _LETTERS.match(letter):
        raise ValueError(f"not a column: {letter!r}")
    return xl_cell_to_rowcol(f"{letter}1")[1]
