"""The layout model of the printed reports: what a layout is made of (options, metrics, title
block, frame, pages, matrix and table rows and columns) and the helpers every layout shares.

It works in the units of the device it will be painted on and measures text only through
:class:`Metrics` (a callable giving the height of text wrapped to a width), so it can be tested
with fake metrics. The rows of a layout are the rows as printed: repeated headings and the
pieces of split rows included, each flagged ``continued``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from matrixdesk.core.model import Department, Plan, Role
from matrixdesk.report.pages import enclosing

TextHeight = Callable[[str, float], float]

CONTINUED = "（续）"  # after a heading repeated at the top of a page
CONTINUED_SERIAL = "续"  # under the serial number of a row continued from the page before


@dataclass(frozen=True)
class ReportOptions:
    """What to print and on which paper.

    ``department`` (a name or alias) selects one department's task list whatever ``kind`` says.
    Collective parties (各地区, 有关部门 …) are matrix columns and named in the lists, as in the
    master workbook; ``include_collective=False`` leaves them out of both (the progress
    reports never list them: they report nothing). ``font`` is the report font (an installed
    family or an official-font label such as 仿宋); the default Chinese font when not installed.
    """

    kind: str = "matrix"  # "matrix" | "list"
    department: str | None = None
    page_size: str = "A4"  # "A4" | "A3"
    landscape: bool = True
    include_collective: bool = True
    font: str | None = None  # a family or a label of report/fonts.py; None: the default
    period: str | None = None  # "progress" and "chase": the reporting period (default: current)


@dataclass(frozen=True)
class Metrics:
    """Text measurement in device units.

    ``text_height(text, width)`` is the height of ``text`` wrapped into ``width``; ``em`` is the
    advance of one CJK character and ``line`` the height of one line.
    """

    text_height: TextHeight
    em: float
    line: float
    #: height of text in a narrow matrix header column, where it may break anywhere
    narrow_height: TextHeight | None = None

    def stacked_height(self, text: str, width: float) -> float:
        return (self.narrow_height or self.text_height)(text, width)

    @property
    def pad(self) -> float:
        return round(self.em * 0.3, 2)


@dataclass(frozen=True)
class TitleBlock:
    title: str
    subtitle: str  # document number and issuer
    printed: str  # 打印日期 yyyy-mm-dd


@dataclass(frozen=True)
class Frame:
    """Vertical bands of every page: title block, header row, body, footer."""

    width: float
    height: float
    title_height: float
    header_height: float
    footer_height: float

    @property
    def body_top(self) -> float:
        return self.title_height + self.header_height

    @property
    def body_height(self) -> float:
        return self.height - self.body_top - self.footer_height


@dataclass(frozen=True)
class Page:
    """One sheet: a run of rows and (for the matrix) a run of department columns."""

    number: int
    rows: range
    columns: range = range(0)
    note: str = ""  # where this sheet sits in the whole, e.g. "任务 1–25 · 部门 1–40"


# -- the matrix ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    measure_id: int
    text: str  # as printed, shortened to the allowed lines
    height: float
    heading: bool
    continued: bool = False  # a heading repeated at the top of a page


@dataclass(frozen=True)
class MatrixColumn:
    department_id: int
    name: str
    width: float


@dataclass
class MatrixLayout:
    title: TitleBlock
    frame: Frame
    measure_width: float
    rows: list[MatrixRow]
    columns: list[MatrixColumn]
    roles: dict[tuple[int, int], Role]
    pages: list[Page] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)


# -- the lists ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableColumn:
    title: str
    width: float
    centered: bool = False


@dataclass(frozen=True)
class TableRow:
    """A task row (``cells``) or a part heading spanning the table (``span``)."""

    height: float
    cells: tuple[str, ...] = ()
    span: str = ""
    measure_id: int | None = None
    #: a heading repeated at the top of a page, or the rest of a row split across pages
    continued: bool = False

    @property
    def heading(self) -> bool:
        return not self.cells


@dataclass
class TableLayout:
    title: TitleBlock
    frame: Frame
    columns: list[TableColumn]
    rows: list[TableRow]
    pages: list[Page] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)


Layout = MatrixLayout | TableLayout

# -- helpers ---------------------------------------------------------------------------------


TITLE_LINES = 3.6  # title (1.5 lines at the larger size) + subtitle + gap
FOOTER_LINES = 1.8


def find_department(plan: Plan, name: str) -> Department:
    """The department called ``name`` (or with that alias); ValueError when there is none."""
    found = plan.department_named(name.strip())
    if found is None:
        raise ValueError(f"unknown department: {name}")
    return found


def title_block(plan: Plan, kind_title: str, printed: dt.date | None = None) -> TitleBlock:
    info = plan.info
    title = f"《{info.title}》{kind_title}" if info.title else kind_title
    subtitle = "　".join(part for part in (info.number, info.issuer) if part)
    day = (printed or dt.date.today()).isoformat()
    return TitleBlock(title, subtitle, f"打印日期 {day}")


def heading_ids(plan: Plan, task_set: set[int]) -> set[int]:
    """Measures that are not tasks but contain some of ``task_set``: printed as headings."""
    by_id = {m.id: m for m in plan.measures}
    found: set[int] = set()
    for mid in task_set:
        parent = by_id[mid].parent_id if mid in by_id else None
        while parent is not None and parent in by_id and parent not in found:
            if parent not in task_set:
                found.add(parent)
            parent = by_id[parent].parent_id
    return found


def fit_lines(text: str, width: float, max_lines: int, metrics: Metrics) -> tuple[str, float]:
    """``text`` shortened with … so that it wraps into at most ``max_lines``; and its height."""
    limit = max_lines * metrics.line * 1.05
    height = metrics.text_height(text, width)
    if height <= limit:
        return text, height
    lo, hi = 0, len(text)  # the longest prefix that fits lies in [lo, hi)
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if metrics.text_height(text[:mid] + "…", width) <= limit:
            lo = mid
        else:
            hi = mid
    short = text[:lo].rstrip() + "…"
    return short, metrics.text_height(short, width)


def row_context(plan: Plan, rows: list[MatrixRow] | list[TableRow]) -> list[tuple[int, ...]]:
    """For each row, the indices of the heading rows around it (repeated on a new page)."""
    parent = {m.id: m.parent_id for m in plan.measures}
    return enclosing([r.measure_id for r in rows], [r.heading for r in rows], parent)


def per_row_cache(make):
    """``make`` remembering what it made for each row (it is asked more than once)."""
    made: dict = {}

    def cached(row):
        if row not in made:
            made[row] = make(row)
        return made[row]

    return cached
