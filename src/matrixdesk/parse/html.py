"""HTML pages saved from government web sites → plain paragraphs, and tables as tables.

Only the standard library's :mod:`html.parser`: block elements become line breaks, scripts and
styles disappear, entities are unescaped by the parser itself (``convert_charrefs``).

Tables are rebuilt as grids (``rowspan`` repeats a cell down the rows it spans, ``colspan``
leaves the columns after the first empty, as the other readers do). A task-division table — a
header with a task column and a unit column, as Word writes the 附件 任务分工表 into a page —
becomes tab-separated rows (:func:`~matrixdesk.parse.table.format_rows`); any other table
(a layout table holding the whole article, a contact list) gives its cells' lines, a row of
one-line cells as one line with the cells separated by a space.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from matrixdesk.parse.table import find_header, format_rows

# Elements whose boundaries are paragraph boundaries in the rendered page.
_BLOCK_TAGS = frozenset(
    "p br div li h1 h2 h3 h4 h5 h6 ul ol section article header footer "
    "blockquote pre title dd dt dl hr center form caption".split()
)
# Elements whose content is never document text.
_SKIP_TAGS = frozenset("script style noscript template head iframe object svg".split())
_CELL_TAGS = ("td", "th")
_MAX_SPAN = 1000

_HTML_HINT = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|p|div|br|table|span)\b", re.IGNORECASE
)


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    digits = re.match(r"\s*(\d+)", value)
    return max(1, min(int(digits.group(1)) if digits else 1, _MAX_SPAN))


def _clean_lines(text: str) -> list[str]:
    """Lines of rendered text: spaces collapsed, each stripped, blank ones dropped."""
    text = text.replace("\xa0", " ").replace("\u3000", " ")
    lines = (re.sub(r" +", " ", line).strip(" ") for line in text.split("\n"))
    return [line for line in lines if line.strip()]


class _Table:
    """Rows of (text, rowspan, colspan) cells as they are parsed."""

    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int, int]]] = []
        self.cell: list[str] | None = None
        self.spans = (1, 1)

    def open_row(self) -> None:
        self.close_cell()
        self.rows.append([])

    def open_cell(self, rowspan: int, colspan: int) -> None:
        self.close_cell()
        if not self.rows:
            self.rows.append([])
        self.cell, self.spans = [], (rowspan, colspan)

    def close_cell(self) -> None:
        if self.cell is not None:
            text = "\n".join(_clean_lines("".join(self.cell)))
            self.rows[-1].append((text, *self.spans))
            self.cell = None

    def grid(self) -> list[list[str]]:
        """The table as rows of equal meaning per column, spans resolved."""
        self.close_cell()
        grid: list[list[str]] = []
        below: dict[int, tuple[int, str]] = {}  # column → (rows left, text) of a rowspan
        for row in self.rows:
            out: list[str] = []
            cells = list(row)
            while cells or any(col >= len(out) for col in below):
                col = len(out)
                if col in below:
                    left, text = below.pop(col)
                    out.append(text)
                    if left > 1:
                        below[col] = (left - 1, text)
                elif cells:
                    text, rowspan, colspan = cells.pop(0)
                    for k in range(colspan):
                        out.append(text if k == 0 else "")
                        if rowspan > 1:
                            below[col + k] = (rowspan - 1, text if k == 0 else "")
                else:
                    out.append("")  # a gap before a cell spanning down from above
            if any(out):
                grid.append(out)
        return grid

    def lines(self) -> list[str]:
        grid = self.grid()
        header = find_header(grid)
        if header is None:
            return _plain_lines(grid)
        above = _plain_lines(grid[: header.first_row])
        return above + format_rows(grid[header.first_row :])


def _plain_lines(grid: list[list[str]]) -> list[str]:
    lines: list[str] = []
    for row in grid:
        cells = [c for c in row if c]
        if all("\n" not in c for c in cells):
            lines.append(" ".join(cells))
        else:
            lines.extend(line for c in cells for line in c.split("\n"))
    return lines


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tables: list[_Table] = []
        self._skip_depth = 0

    def _sink(self) -> list[str] | None:
        if not self.tables:
            return self.parts
        return self.tables[-1].cell  # text between rows and cells is not content

    def _emit(self, text: str) -> None:
        sink = self._sink()
        if sink is not None:
            sink.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif self._skip_depth:
            return
        elif tag == "table":
            self._emit("\n")
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].open_row()
        elif tag in _CELL_TAGS and self.tables:
            self.tables[-1].open_cell(_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif tag in _BLOCK_TAGS:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and friends: never opens a skipped region.
        if tag in _BLOCK_TAGS and not self._skip_depth:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif self._skip_depth:
            return
        elif tag == "table" and self.tables:
            self._close_table()
        elif tag in _CELL_TAGS and self.tables:
            self.tables[-1].close_cell()
        elif tag in _BLOCK_TAGS:
            self._emit("\n")

    def _close_table(self) -> None:
        lines = self.tables.pop().lines()
        self._emit("\n" + "\n".join(lines) + "\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Source line breaks inside a paragraph are layout, not structure; a tab would
            # read as a cell boundary.
            self._emit(re.sub(r"[\r\n\t]+", " ", data))

    def close(self) -> None:
        super().close()
        while self.tables:  # a page cut off inside a table keeps what it had
            self._close_table()


def html_to_text(html: str) -> str:
    """Extract the readable text of an HTML page, one paragraph per line.

    Parameters
    ----------
    html
        The page source.

    Returns
    -------
    str
        Text with tags, scripts and styles removed, entities unescaped, ``&nbsp;`` as a plain
        space, each line stripped and blank lines dropped; task-division tables as
        tab-separated rows under their header row.
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "\n".join(_clean_lines("".join(collector.parts)))


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` has HTML markup (a saved page without an .html name)."""
    head = text[:2000].lstrip()
    return head.startswith("<") and bool(_HTML_HINT.search(head))
