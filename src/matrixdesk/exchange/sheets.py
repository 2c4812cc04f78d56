"""Shared workbook machinery: styles, safe cells, print setup, progress, atomic saving.

Workbooks are written with XlsxWriter through ``xlsx.py`` (see ``docs/decisions.md``): a style
is a named set of cell-format properties, given to a cell with :func:`cell`.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from ..core import safefile
from ..core.safefile import output_error
from .errors import ExportCancelled
from .xlsx import Book, Sheet, Styled

Progress = Callable[[int, int], bool | None]

FONT_NAME = "宋体"  # present in Excel and WPS on every Chinese Windows
FOOTER = "第 &P 页 共 &N 页"
_BASE = {"font_name": FONT_NAME, "font_size": 10}
_BOX = {"border": 1, "border_color": "#808080"}
_WRAP_TOP = {"text_wrap": True, "valign": "top"}
_CENTER = {"align": "center", "valign": "vcenter", "text_wrap": True}
_HEADER_FILL = {"pattern": 1, "bg_color": "#D9E1F2"}
_HEADING_FILL = {"pattern": 1, "bg_color": "#F2F2F2"}
_UNLOCKED = {"pattern": 1, "bg_color": "#FFF9E6", "locked": False}

#: The cell styles of every workbook MatrixDesk writes (XlsxWriter format properties).
STYLES: Mapping[str, dict] = {
    "md_title": _BASE
    | {"font_size": 16, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True},
    "md_note": _BASE | {"text_wrap": True, "valign": "vcenter"},
    "md_header": _BASE | {"bold": True} | _HEADER_FILL | _BOX | _CENTER,
    "md_vheader": _BASE
    | {"bold": True}
    | _HEADER_FILL
    | _BOX
    | {"align": "center", "valign": "top", "rotation": 270},  # upright characters, stacked
    "md_heading": _BASE
    | {"bold": True}
    | _HEADING_FILL
    | _BOX
    | {"valign": "vcenter", "text_wrap": True},
    "md_text": _BASE | _BOX | _WRAP_TOP,
    "md_center": _BASE | _BOX | _CENTER,
    "md_mark": _BASE | {"font_size": 11} | _BOX | _CENTER,
    "md_total": _BASE | {"bold": True} | _BOX | _CENTER,
    "md_input": _BASE | _BOX | _WRAP_TOP | _UNLOCKED,
    "md_input_center": _BASE | _BOX | _CENTER | _UNLOCKED,
    "md_id": _BASE | {"font_size": 9, "font_color": "#808080", "locked": True, "hidden": True},
}


def new_workbook(path: str | Path, *, small: bool = False) -> Book:
    """A workbook to be written to ``path`` (a temporary file) with MatrixDesk's styles;
    ``small`` ones (a department's) are put together in memory."""
    return Book(path, STYLES, small=small)


def cell(ws: Sheet, value: object, style: str = "md_text") -> Styled:
    """A styled cell; text is always stored as text, never read as a formula (a policy text
    or a department name typed by someone may start with ``=``)."""
    return Styled(value, style)


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
        ws.set_height(row, min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3))


def merge(ws: Sheet, ref: str) -> None:
    """Merge ``ref`` ("A1:F1"): give it before its first row is appended, or right after."""
    ws.merge(ref)


def set_widths(ws: Sheet, widths: Mapping[str, float], hidden: tuple[str, ...] = ()) -> None:
    """Column widths (in characters); ``hidden`` columns are hidden as well."""
    for letter, width in widths.items():
        ws.set_width(letter, width, hidden=letter in hidden)


def setup_print(
    ws: Sheet,
    title_rows: str,
    *,
    paper: str = "A4",
    pages_wide: int = 1,
    title_cols: str | None = None,
    grid_lines: bool = False,
) -> None:
    """Landscape, fit to ``pages_wide`` pages across and any number down, repeated header
    rows, page numbers in the footer; ``grid_lines`` prints the cell grid."""
    ws.setup_print(
        title_rows,
        paper=paper,
        pages_wide=pages_wide,
        title_cols=title_cols,
        footer=FOOTER,
        grid_lines=grid_lines,
    )


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


def save_workbook(wb: Book, tmp: Path, final: Path) -> None:
    """Write ``wb`` to its temporary file ``tmp`` for ``final`` (a full disk raises
    DiskFullError naming ``final``, the file the user knows)."""
    assert Path(wb.path) == Path(tmp), "the workbook was made for another file"
    try:
        wb.save()
    except OSError as exc:
        raise output_error(final, exc, "cannot write the workbook") from exc


def discard(wb: Book | None, *paths: Path) -> None:
    """Remove temporary files after a cancel or failure, and XlsxWriter's sheet buffers."""
    safefile.discard(*paths)
    if wb is not None:
        wb.discard()


@contextlib.contextmanager
def atomic_workbook(path: Path) -> Iterator[tuple[Book, Path]]:
    """A fresh workbook for a temporary file beside ``path``; on success the caller saves it
    and it replaces ``path`` (see ``core/safefile.py``); on any exception nothing is left
    behind and ``path`` is unchanged."""
    with safefile.atomic_output(path, excel=True) as tmp:
        wb = new_workbook(tmp)
        try:
            yield wb, tmp
        except BaseException:
            wb.discard()
            raise
