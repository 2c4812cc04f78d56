"""Shared workbook machinery: named styles, safe cells, print setup, progress, atomic saving."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..core import safefile
from ..core.safefile import output_error
from .errors import ExportCancelled
from .text import clean

Progress = Callable[[int, int], bool | None]

FONT_NAME = "宋体"  # present in Excel and WPS on every Chinese Windows
FOOTER = "第 &P 页 共 &N 页"
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADING_FILL = PatternFill("solid", fgColor="F2F2F2")
_UNLOCKED_FILL = PatternFill("solid", fgColor="FFF9E6")


Sheet = Any  # openpyxl's write-only worksheet has no public type to name


def _style(name: str, **kw: object) -> NamedStyle:
    kw.setdefault("font", Font(name=FONT_NAME, size=10))
    return NamedStyle(name=name, **kw)


def _styles() -> list[NamedStyle]:
    bold = Font(name=FONT_NAME, size=10, bold=True)
    return [
        _style(
            "md_title",
            font=Font(name=FONT_NAME, size=16, bold=True),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        _style("md_note", alignment=Alignment(wrap_text=True, vertical="center")),
        _style("md_header", font=bold, fill=_HEADER_FILL, border=_BOX, alignment=_CENTER),
        _style(
            "md_vheader",
            font=bold,
            fill=_HEADER_FILL,
            border=_BOX,
            alignment=Alignment(
                horizontal="center", vertical="top", text_rotation=255, wrap_text=False
            ),
        ),
        _style(
            "md_heading",
            font=bold,
            fill=_HEADING_FILL,
            border=_BOX,
            alignment=Alignment(vertical="center", wrap_text=True),
        ),
        _style("md_text", border=_BOX, alignment=_WRAP_TOP),
        _style("md_center", border=_BOX, alignment=_CENTER),
        _style("md_mark", font=Font(name=FONT_NAME, size=11), border=_BOX, alignment=_CENTER),
        _style("md_total", font=bold, border=_BOX, alignment=_CENTER),
        _style(
            "md_input",
            border=_BOX,
            alignment=_WRAP_TOP,
            fill=_UNLOCKED_FILL,
            protection=Protection(locked=False),
        ),
        _style(
            "md_input_center",
            border=_BOX,
            alignment=_CENTER,
            fill=_UNLOCKED_FILL,
            protection=Protection(locked=False),
        ),
        _style(
            "md_id",
            font=Font(name=FONT_NAME, size=9, color="808080"),
            protection=Protection(locked=True, hidden=True),
        ),
    ]


def new_workbook() -> Workbook:
    """A write-only workbook with the MatrixDesk named styles registered."""
    wb = Workbook(write_only=True)
    for style in _styles():
        wb.add_named_style(style)
    return wb


def _style_array(ws: Sheet, style: str) -> Any:
    """The style indices of a named style, worked out once per workbook: assigning a style by
    name searches the workbook's list every time, which dominated large exports."""
    cache = ws.parent.__dict__.setdefault("_md_style_arrays", {})
    if style not in cache:
        probe = WriteOnlyCell(ws)
        probe.style = style
        cache[style] = probe._style
    return cache[style]


def cell(ws: Sheet, value: object, style: str = "md_text") -> WriteOnlyCell:
    """A styled cell for a write-only sheet; text is always stored as text, never a formula.

    openpyxl reads a string starting with ``=`` as a formula; a policy text (or a department
    name typed by someone) must not become one, so text goes in with the string data type.
    """
    c = WriteOnlyCell(ws)
    if isinstance(value, str):
        c._value = clean(value)  # cleaned here, so openpyxl's own checks are not needed
        c.data_type = "s"
    elif value is not None:
        c.value = value
    c._style = copy(_style_array(ws, style))
    return c


LINE_HEIGHT = 13.5  # points per line of 10 pt 宋体
CJK_WIDTH = 1.8  # column units per CJK character at 10 pt (Excel ≈ 1.85, LibreOffice ≈ 1.65)
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def text_width(text: str) -> float:
    """Width in Excel column units: :data:`CJK_WIDTH` for a CJK character (3 bytes in UTF-8),
    1 for ASCII. Counting bytes keeps this fast for 10,000 rows."""
    n = len(text)
    return n + (len(text.encode("utf-8")) - n) / 2 * (CJK_WIDTH - 1)


def lines_needed(text: str, width: float) -> int:
    usable = max(1.0, width - 1.5)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def fit_row(ws: Sheet, row: int, values: Sequence[object], widths: Sequence[float]) -> None:
    """Give ``row`` the height its wrapped texts need (``values`` in columns of ``widths``).

    Neither Excel nor LibreOffice fits row heights when opening a file, so a row without a
    height shows one line of a long task."""
    lines = max(
        (lines_needed(v, w) for v, w in zip(values, widths, strict=True) if isinstance(v, str)),
        default=1,
    )
    if lines > 1:
        ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3)


def merge(ws: Sheet, ref: str) -> None:
    """Merge ``ref``; adds to the range set directly, as ``merged_cells.add`` checks every
    earlier range for overlap (quadratic with thousands of heading rows)."""
    ws.merged_cells.ranges.add(CellRange(ref))


def set_widths(ws: Sheet, widths: Mapping[str, float], hidden: tuple[str, ...] = ()) -> None:
    """Column widths (in characters); must run before the first row is appended."""
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for letter in hidden:
        ws.column_dimensions[letter].hidden = True


def setup_print(
    ws: Sheet,
    title_rows: str,
    *,
    paper: str = "A4",
    pages_wide: int = 1,
    title_cols: str | None = None,
) -> None:
    """Landscape, fit to ``pages_wide`` pages across and any number down, repeated header
    rows, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A3 if paper == "A3" else Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.size = 9


class Ticker:
    """Counts work done and reports it to a progress callback, throttled.

    The callback is called at most about 200 times per export and always at the end; a
    ``False`` answer raises :class:`ExportCancelled`.
    """

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = max(1, total)
        self.done = 0
        self._progress = progress
        self._every = max(1, self.total // 200)
        self._next = 0
        self.report()

    def step(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self.done >= self._next or self.done == self.total:
            self.report()

    def report(self) -> None:
        self._next = self.done + self._every
        if self._progress is not None and self._progress(self.done, self.total) is False:
            raise ExportCancelled()


def save_workbook(wb: Workbook, tmp: Path, final: Path) -> None:
    """Save ``wb`` to the temporary file ``tmp`` for ``final`` (a full disk raises
    DiskFullError naming ``final``, the file the user knows)."""
    try:
        wb.save(tmp)
    except OSError as exc:
        raise output_error(final, exc, "cannot write the workbook") from exc


def discard(wb: Workbook | None, *paths: Path) -> None:
    """Remove temporary files after a cancel or failure (and openpyxl's own sheet buffers)."""
    safefile.discard(*paths)
    if wb is None:
        return
    for ws in getattr(wb, "_sheets", []):
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows = getattr(ws, "_rows", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


@contextlib.contextmanager
def atomic_workbook(path: Path) -> Iterator[tuple[Workbook, Path]]:
    """A fresh workbook and a temporary file beside ``path``; on success the caller saves to
    the temporary file and it replaces ``path`` (see ``core/safefile.py``); on any exception
    nothing is left behind and ``path`` is unchanged."""
    wb = new_workbook()
    try:
        with safefile.atomic_output(path, excel=True) as tmp:
            yield wb, tmp
    except BaseException:
        discard(wb)
        raise
