"""A table laid out on pages: the columns' widths, each row's height, part headings as
spanning rows repeated （续） at the top of a page, and rows too tall for a page split across
pages. The task lists and the progress reports are such tables."""

from __future__ import annotations

from matrixdesk.core.model import Plan
from matrixdesk.report.layout_model import (
    CONTINUED,
    CONTINUED_SERIAL,
    FOOTER_LINES,
    TITLE_LINES,
    Frame,
    Metrics,
    Page,
    TableColumn,
    TableLayout,
    TableRow,
    TitleBlock,
    per_row_cache,
    row_context,
)
from matrixdesk.report.pages import paginate, split_text

MIN_PIECE_LINES = 3  # a split row starts on a page with room for this many lines


def _table_widths(specs: list[tuple[str, float, bool]], width: float, em: float) -> list[float]:
    """Column widths: negative spec = fixed width in em, positive = share of what is left."""
    fixed = sum(-w * em for _, w, _ in specs if w < 0)
    share = sum(w for _, w, _ in specs if w > 0) or 1.0
    rest = max(width - fixed, 0.0)
    return [-w * em if w < 0 else rest * w / share for _, w, _ in specs]


def layout_table(
    plan: Plan,
    title: TitleBlock,
    specs: list[tuple[str, float, bool]],
    rows_src: list[tuple[int, tuple[str, ...] | str]],
    width: float,
    height: float,
    metrics: Metrics,
    groups: bool = False,
) -> TableLayout:
    """``groups``: the spanning rows head groups of the rows after them (a department's tasks in
    a progress report), repeated on a page that starts inside the group by the words before
    their first ：, marked （续）; otherwise the part headings of the measures are."""
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
        span = (row.span.split("：", 1)[0] if groups else row.span) + CONTINUED
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
        context=_group_context(rows) if groups else row_context(plan, rows),
        repeat=per_row_cache(repeat),
        split=split,
        min_piece=MIN_PIECE_LINES * metrics.line + 2 * pad,
    )
    layout = TableLayout(title, frame, columns, flow.rows)
    layout.pages = [Page(i + 1, chunk) for i, chunk in enumerate(flow.pages)]
    return layout


def _group_context(rows: list[TableRow]) -> list[tuple[int, ...]]:
    """For each row, the spanning row heading its group (none for a heading itself)."""
    out: list[tuple[int, ...]] = []
    head: tuple[int, ...] = ()
    for i, row in enumerate(rows):
        if row.heading:
            head = (i,)
            out.append(())
        else:
            out.append(head)
    return out
