"""Page layout of the printed reports, without widgets and without painting.

The layout model decides what goes on which page: the rows of the task matrix or list, the
department columns of each matrix page, the heights of wrapped rows and the page count. It works
in the units of the device it will be painted on and measures text only through :class:`Metrics`
(a callable giving the height of text wrapped to a width), so it can be tested with fake metrics.
``paint.py`` builds the Qt metrics and paints what is laid out here.

Three reports exist:

* the matrix: task rows (and part heading rows) × department columns, split across pages both
  ways, with the department header row and the measure column repeated on every page;
* the task-division list (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 | 目标指标);
* one department's task list (<部门>任务清单) with its role and an empty 进展情况 column.

A page that starts inside a part or item first repeats its heading(s), marked （续）; a list row
too tall for a page is split across pages (``pages.py`` does the pagination). The rows of
a layout are the rows as printed: repeated headings and the pieces of split rows included, each
flagged ``continued``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from matrixdesk.core.index import PlanIndex
from matrixdesk.core.model import Comparator, Department, Measure, Plan, Role, Target
from matrixdesk.core.numbers import display_numbers
from matrixdesk.core.tasks import task_ids
from matrixdesk.report.pages import enclosing, paginate, split_text

TextHeight = Callable[[str, float], float]

LEAD_MARK = "●"
SUPPORT_MARK = "○"
LEGEND = f"{LEAD_MARK} 牵头    {SUPPORT_MARK} 配合"
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
MATRIX_TEXT_LINES = 2
HEADER_MAX_LINES = 8
MIN_PIECE_LINES = 3  # a split row starts on a page with room for this many lines


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


def _context(plan: Plan, rows: list[MatrixRow] | list[TableRow]) -> list[tuple[int, ...]]:
    """For each row, the indices of the heading rows around it (repeated on a new page)."""
    parent = {m.id: m.parent_id for m in plan.measures}
    return enclosing([r.measure_id for r in rows], [r.heading for r in rows], parent)


def _cached(make):
    """``make`` remembering what it made for each row (it is asked more than once)."""
    made: dict = {}

    def cached(row):
        if row not in made:
            made[row] = make(row)
        return made[row]

    return cached


def _span(items: range, total: int) -> str:
    return f"{items.start + 1}–{items.stop}/{total}" if items else f"0/{total}"


# -- matrix layout ---------------------------------------------------------------------------


def _matrix_columns(
    departments: list[Department], metrics: Metrics
) -> tuple[list[MatrixColumn], float]:
    """Narrow columns with names stacked one character a line; long names get two."""
    pad = metrics.pad
    columns: list[MatrixColumn] = []
    tallest = metrics.line
    cap = HEADER_MAX_LINES * metrics.line * 1.05
    for d in departments:
        chars = 1
        height = metrics.stacked_height(d.name, metrics.em * 1.1)
        while height > cap and chars < 4:
            chars += 1
            height = metrics.stacked_height(d.name, metrics.em * (chars + 0.1))
        columns.append(MatrixColumn(d.id, d.name, metrics.em * (chars + 0.1) + 2 * pad))
        tallest = max(tallest, min(height, cap))
    return columns, tallest + 2 * pad


def _column_groups(columns: list[MatrixColumn], available: float) -> list[range]:
    groups: list[range] = []
    start, used = 0, 0.0
    for i, c in enumerate(columns):
        if used + c.width > available and i > start:
            groups.append(range(start, i))
            start, used = i, 0.0
        used += c.width
    groups.append(range(start, len(columns)))
    return groups


def _matrix_rows(plan: Plan, width: float, full_width: float, metrics: Metrics) -> list[MatrixRow]:
    tasks = task_ids(plan)
    headings = heading_ids(plan, tasks)
    numbers = display_numbers(plan.measures)  # as the document writes them: (三)2.
    pad = metrics.pad
    rows: list[MatrixRow] = []
    for m in plan.measures:
        if m.id in tasks:
            line = f"{numbers[m.id] or m.code} {m.title}"
            text, h = fit_lines(line, width - 2 * pad, MATRIX_TEXT_LINES, metrics)
            rows.append(MatrixRow(m.id, text, h + 2 * pad, False))
        elif m.id in headings:
            text, h = fit_lines(f"{m.label}{m.title}", full_width - 2 * pad, 1, metrics)
            rows.append(MatrixRow(m.id, text, h + 2 * pad, True))
    return rows


def layout_matrix(
    plan: Plan,
    options: ReportOptions,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
) -> MatrixLayout:
    """Lay the matrix out on pages of ``width`` × ``height`` (device units, inside margins)."""
    departments = [d for d in plan.departments if options.include_collective or not d.collective]
    departments.sort(key=lambda d: d.position)
    columns, header_height = _matrix_columns(departments, metrics)
    measure_width = min(max(16 * metrics.em, width * 0.22), width * 0.4)
    frame = Frame(
        width, height, TITLE_LINES * metrics.line, header_height, FOOTER_LINES * metrics.line
    )
    rows = _matrix_rows(plan, measure_width, width, metrics)
    pad = metrics.pad
    measures = {m.id: m for m in plan.measures}

    def repeat(row: MatrixRow) -> MatrixRow:
        m = measures[row.measure_id]
        room = width - 2 * pad - len(CONTINUED) * metrics.em  # （续） is full width
        text = fit_lines(f"{m.label}{m.title}", room, 1, metrics)[0] + CONTINUED
        h = metrics.text_height(text, width - 2 * pad) + 2 * pad
        return MatrixRow(row.measure_id, text, h, True, continued=True)

    flow = paginate(
        rows,
        frame.body_height,
        context=_context(plan, rows),
        repeat=_cached(repeat),
    )
    rows = flow.rows
    layout = MatrixLayout(
        title_block(plan, "任务分工矩阵", printed),
        frame,
        measure_width,
        rows,
        columns,
        plan.role_map(),
    )
    groups = _column_groups(columns, width - measure_width)
    chunks = flow.pages
    tasks_before = [0]  # tasks_before[i]: task rows among rows[:i]
    for r in rows:
        tasks_before.append(tasks_before[-1] + (not r.heading))
    n_tasks = tasks_before[-1]
    number = 0
    for group in groups:  # down, then over: as spreadsheets print
        for chunk in chunks:
            number += 1
            done = tasks_before[chunk.start]
            tasks_here = range(done, tasks_before[chunk.stop])
            note = f"任务 {_span(tasks_here, n_tasks)} · 部门 {_span(group, len(columns))}"
            layout.pages.append(Page(number, chunk, group, note))
    return layout


# -- list layouts ----------------------------------------------------------------------------

_ANNOTATION_TAIL = re.compile(r"[（(][^（()）]*[)）]\s*[。；;]?\s*$")


def task_text(m: Measure) -> str:
    """The measure's text without its trailing responsibility annotation."""
    text = (m.text or m.title).strip()
    if m.annotated:
        text = _ANNOTATION_TAIL.sub("", text).rstrip()
    return text or m.title


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def target_text(t: Target) -> str:
    """滑雪场 60座以上（2022年）."""
    text = t.indicator
    if t.value is not None:
        suffix = {Comparator.GE: "以上", Comparator.LE: "以内"}.get(t.comparator, "")
        text += f" {_number(t.value)}{t.unit}{suffix}"
    if t.year:
        text += f"（{t.year}年）"
    return text


def _parties(index: PlanIndex, measure: Measure, left_out: set[int]) -> tuple[list[str], list[str]]:
    """The names of the measure's lead and support parties, but those in ``left_out``."""
    names = index.names
    lead, support = [], []
    for a in index.assignments_of(measure.id):
        if a.department_id not in left_out:
            (lead if a.role == Role.LEAD else support).append(names.get(a.department_id, "?"))
    return lead, support


def _left_out(plan: Plan, include_collective: bool) -> set[int]:
    return set() if include_collective else {d.id for d in plan.departments if d.collective}


def _table_widths(specs: list[tuple[str, float, bool]], width: float, em: float) -> list[float]:
    """Column widths: negative spec = fixed width in em, positive = share of what is left."""
    fixed = sum(-w * em for _, w, _ in specs if w < 0)
    share = sum(w for _, w, _ in specs if w > 0) or 1.0
    rest = max(width - fixed, 0.0)
    return [-w * em if w < 0 else rest * w / share for _, w, _ in specs]


def _table(
    plan: Plan,
    title: TitleBlock,
    specs: list[tuple[str, float, bool]],
    rows_src: list[tuple[int, tuple[str, ...] | str]],
    width: float,
    height: float,
    metrics: Metrics,
) -> TableLayout:
    pad = metrics.pad
    widths = _table_widths(specs, width, metrics.em)
    columns = [TableColumn(t, w, c) for (t, _, c), w in zip(specs, widths, strict=True)]
    header = max(metrics.text_height(c.title, c.width - 2 * pad) for c in columns) + 2 * pad
    frame = Frame(width, height, TITLE_LINES * metrics.line, header, FOOTER_LINES * metrics.line)

    def cells_row(cells: tuple[str, ...], row: TableRow, continued: bool = False) -> TableRow:
        return TableRow(cells_height(cells), cells, "", row.measure_id, continued or row.continued)

    def cells_height(cells: tuple[str, ...]) -> float:
        return (
            max(
                max(metrics.text_height(text, c.width - 2 * pad), metrics.line)
                if text
                else metrics.line
                for text, c in zip(cells, columns, strict=True)
            )
            + 2 * pad
        )

    rows: list[TableRow] = []
    for mid, content in rows_src:
        if isinstance(content, str):
            h = metrics.text_height(content, width - 2 * pad) + 2 * pad
            rows.append(TableRow(h, span=content, measure_id=mid))
            continue
        rows.append(TableRow(cells_height(content), cells=content, measure_id=mid))

    def repeat(row: TableRow) -> TableRow:
        span = row.span + CONTINUED
        h = metrics.text_height(span, width - 2 * pad) + 2 * pad
        return TableRow(h, span=span, measure_id=row.measure_id, continued=True)

    def split(row: TableRow, room: float) -> tuple[TableRow, TableRow] | None:
        """The part of ``row`` that fits ``room`` and the rest, cut in every cell that is long."""
        limit = room - 2 * pad
        head: list[str] = []
        rest: list[str] = []
        for text, c in zip(row.cells, columns, strict=True):
            cut = split_text(text, c.width - 2 * pad, limit, metrics.text_height, metrics.em)
            head.append(text[:cut])
            rest.append(text[cut:])
        if not any(head) or not any(rest):
            return None
        if not rest[0] and row.cells[0]:  # the serial number, marked 续 on the next page
            mark = f"{row.cells[0]}\n{CONTINUED_SERIAL}"
            rest[0] = row.cells[0] if row.continued else mark
        return cells_row(tuple(head), row), cells_row(tuple(rest), row, continued=True)

    flow = paginate(
        rows,
        frame.body_height,
        context=_context(plan, rows),
        repeat=_cached(repeat),
        split=split,
        min_piece=MIN_PIECE_LINES * metrics.line + 2 * pad,
    )
    layout = TableLayout(title, frame, columns, flow.rows)
    layout.pages = [Page(i + 1, chunk) for i, chunk in enumerate(flow.pages)]
    return layout


def _rows_for(plan: Plan, chosen: set[int], make_cells) -> list[tuple[int, tuple[str, ...] | str]]:
    headings = heading_ids(plan, chosen)
    out: list[tuple[int, tuple[str, ...] | str]] = []
    serial = 0
    for m in plan.measures:
        if m.id in chosen:
            serial += 1
            out.append((m.id, make_cells(serial, m)))
        elif m.id in headings:
            out.append((m.id, f"{m.label}{m.title}"))
    return out


def layout_task_list(
    plan: Plan,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
    *,
    include_collective: bool = True,
) -> TableLayout:
    """The conventional task-division table, part headings as spanning rows."""
    with_targets = bool(plan.targets)
    specs = [
        ("序号", -3.2, True),
        ("重点任务", 8.0, False),
        ("牵头单位", 2.0, False),
        ("配合单位", 2.8, False),
        ("完成时限", -7.6, True),
    ]
    if with_targets:
        specs.append(("目标指标", 2.4, False))
    index = PlanIndex(plan)
    left_out = _left_out(plan, include_collective)

    def cells(serial: int, m: Measure) -> tuple[str, ...]:
        lead, support = _parties(index, m, left_out)
        sup = "、".join(support) + ("等" if m.open_ended and support else "")
        row = [str(serial), task_text(m), "、".join(lead), sup, m.deadline]
        if with_targets:
            row.append("\n".join(target_text(t) for t in index.targets_of(m.id)))
        return tuple(row)

    rows = _rows_for(plan, task_ids(plan), cells)
    return _table(
        plan, title_block(plan, "任务分工表", printed), specs, rows, width, height, metrics
    )


def layout_department_list(
    plan: Plan,
    department: str,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
    *,
    include_collective: bool = True,
) -> TableLayout:
    """One department's tasks with its role, the other parties and a 进展情况 column to fill."""
    dept = find_department(plan, department)
    index = PlanIndex(plan)
    left_out = _left_out(plan, include_collective)
    mine = {a.measure_id: a.role for a in plan.assignments if a.department_id == dept.id}
    specs = [
        ("序号", -3.2, True),
        ("重点任务", 6.5, False),
        ("本单位职责", -6.2, True),
        ("其他责任单位", 2.3, False),
        ("完成时限", -7.6, True),
        ("目标指标", 2.0, False),
        ("进展情况", 2.4, False),
    ]

    def cells(serial: int, m: Measure) -> tuple[str, ...]:
        lead, support = _parties(index, m, left_out)
        others = [f"{n}（牵头）" for n in lead if n != dept.name]
        others += [n for n in support if n != dept.name]
        role = "牵头" if mine[m.id] == Role.LEAD else "配合"
        targets = "\n".join(target_text(t) for t in index.targets_of(m.id))
        return (str(serial), task_text(m), role, "、".join(others), m.deadline, targets, "")

    rows = _rows_for(plan, set(mine), cells)
    info = plan.info
    title = TitleBlock(
        f"{dept.name}任务清单",
        "　".join(p for p in (f"《{info.title}》" if info.title else "", info.number) if p),
        f"打印日期 {(printed or dt.date.today()).isoformat()}",
    )
    return _table(plan, title, specs, rows, width, height, metrics)


def layout_report(
    plan: Plan,
    options: ReportOptions,
    width: float,
    height: float,
    metrics: Metrics,
    printed: dt.date | None = None,
) -> Layout:
    """The layout ``options`` ask for; a department implies its task list (or, with the kind
    "progress", its progress report)."""
    if options.kind in ("progress", "chase"):
        from matrixdesk.report.progress_layout import layout_progress_report

        return layout_progress_report(plan, options, width, height, metrics, printed)
    collective = options.include_collective
    if options.department:
        return layout_department_list(
            plan, options.department, width, height, metrics, printed, include_collective=collective
        )
    if options.kind == "list":
        return layout_task_list(
            plan, width, height, metrics, printed, include_collective=collective
        )
    if options.kind == "matrix":
        return layout_matrix(plan, options, width, height, metrics, printed)
    raise ValueError(f"unknown report kind: {options.kind}")
