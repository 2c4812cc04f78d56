"""A task table crawled into one line with a space between its cells, read by its header.

``重点任务 工作措施 牵头单位 参与单位 一、调整优化产业结构 1.优化产业布局 完成…规划环评。
区环土局 区经发局、各片区项目建设指挥部 2.落实落后产能退出 全面落实…的产能。 区经发局 …`` —
a web page's table flattened to text keeps a space where each cell ended, and its header row names
the columns. When a line holds such a header — short column names, the task's columns first and
then one or two party columns (牵头单位 | 参与单位, 责任单位 …) — the cells after it are sorted
into rows:

* a cell every name of which the organisation recogniser accepts (``区经发局、环土局``) is a
  party cell and fills the next party column of the row; any other cell is the task's words;
* a row ends at its party cells: the next words begin the next row. Words numbered ``N.`` (or
  ``N、``) begin a numbered row, and its next cell, the measure, joins them; words without a
  number after a row begin a second row under the same task (``推进船舶更新升级。…``);
* a part heading (``一、…``) between rows stays a line of its own; the header repeated at each
  printed page is dropped;
* a party cell that states its own role (``A、B按职责分工负责``) is read by its words, as an
  annotation closing the task, not by the column it stands in.

The table is rewritten as tab-separated rows (read by :mod:`.table`), the prose before it and the
line after the table untouched. Text without such a header is returned unchanged; the pass is
linear in the length of the line.
"""

from __future__ import annotations

import re

from matrixdesk.parse.orgs import OrgKind, classify
from matrixdesk.parse.table import column_kind

__all__ = ["rewrite_spaced_tables"]

_PARTY_KINDS = ("lead", "support", "duty")
_HEADER = re.compile(r"(?:(?<=\s)|^)((?:[\u4e00-\u9fff]{2,8}[ \u3000]+){3,7})")
_GAP = re.compile(r"[ \u3000\xa0]+")
_CELL = re.compile(r"[^ \u3000\xa0]+")
_PIECES = re.compile(r"[、，,]")
_OWN_ROLE = re.compile(r"(?:按照?|根据)?(?:各自)?职责分工(?:负责|落实|配合)?$|负责$|牵头$|配合$")
_NUMBERED = re.compile(r"^[0-9０-９]{1,3}[.．、](?![0-9０-９])")
_PART = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_END = re.compile(r"^(?:来源|附件下载|发布|印发|抄送)")
_MIN_ROWS = 3  # fewer rows read this way are more likely prose than a table
_MAX_WORDS = 3  # more word cells than this without a party cell: the table has ended


def _header(cells: list[str]) -> list[str] | None:
    """Column kinds of ``cells`` if they are a task table's header: task columns, then party
    columns (one or two), nothing after them."""
    # 重点任务表 is the table's title, not a column of it.
    kinds = [None if cell.endswith("表") else column_kind(cell) for cell in cells]
    if None in kinds or "task" not in kinds:
        return None
    first_party = next((i for i, k in enumerate(kinds) if k in _PARTY_KINDS), None)
    if first_party is None or first_party == 0:
        return None
    if any(kind not in _PARTY_KINDS for kind in kinds[first_party:]):
        return None
    if len(kinds) - first_party > 2 or kinds[0] != "task":
        return None
    return kinds


def _party_cell(cell: str) -> bool:
    """Every name of ``cell`` is an organisation or a set of them (a trailing role allowed)."""
    names = _OWN_ROLE.sub("", cell)
    if not names or len(names) > 200:
        return False
    pieces = [p for p in _PIECES.split(names) if p]
    return bool(pieces) and all(classify(p) in (OrgKind.ORG, OrgKind.COLLECTIVE) for p in pieces)


class _Rows:
    """Rows under construction: task words, then party cells."""

    def __init__(self, tasks: int, parties: int) -> None:
        self.tasks, self.parties = tasks, parties
        self.lines: list[str] = []
        self.words: list[str] = []
        self.cells: list[str] = []
        self.rows = 0

    def word(self, cell: str) -> None:
        if self.cells:
            self.close()
        if _PART.match(cell) and not self.words:
            self.lines.append(cell)
            return
        self.words.append(cell)

    def party(self, cell: str) -> None:
        if _OWN_ROLE.search(cell) and not self.cells:
            self.words.append(f"（{cell}）")  # its words say the role: an annotation of its own
            self.cells.append("")
        elif len(self.cells) < self.parties:
            self.cells.append(cell)

    def close(self) -> None:
        if not self.words:
            self.cells = []
            return
        numbered = _NUMBERED.match(self.words[0]) is not None
        title = self.words[0] if numbered and len(self.words) > 1 else ""
        body = "".join(self.words[1:] if title else self.words)
        task = [title, body] if self.tasks >= 2 else [title + body]
        cells = self.cells + [""] * (self.parties - len(self.cells))
        self.lines.append("\t".join(task + cells))
        self.rows += 1
        self.words, self.cells = [], []


def _read(cells: list[str], kinds: list[str]) -> tuple[list[str], int, int] | None:
    """(lines, rows, cells used) of the table whose data cells are ``cells``."""
    tasks = kinds.index(next(k for k in kinds if k in _PARTY_KINDS))
    rows = _Rows(tasks, len(kinds) - tasks)
    header = [c for c in cells[: len(kinds)]]
    i, used, waiting = len(kinds), len(kinds), 0
    while i < len(cells):
        cell = cells[i]
        if cells[i : i + len(kinds)] == header:
            i += len(kinds)
            continue
        if _END.match(cell):
            break
        if _party_cell(cell):
            rows.party(cell)
            used, waiting = i + 1, 0
        else:
            waiting += 1
            if waiting > _MAX_WORDS and rows.cells == []:
                break
            rows.word(cell)
        i += 1
    rows.words = rows.words if rows.cells else []
    rows.close()
    return (rows.lines, rows.rows, used) if rows.rows >= _MIN_ROWS else None


def _rewrite_line(line: str) -> str:
    for match in _HEADER.finditer(line):
        spans = [(m.start(), m.group()) for m in _CELL.finditer(line, *match.span(1))]
        cells = [cell for _, cell in spans]
        for width in range(len(cells), 2, -1):
            kinds = _header(cells[len(cells) - width :])
            if kinds is None:
                continue
            start = spans[len(cells) - width][0]
            rest = _GAP.split(line[start:].strip())
            read = _read(rest, kinds)
            if read is None:
                continue
            lines, _, used = read
            tail = " ".join(rest[used:])
            header = "\t".join(cells[len(cells) - width :])
            parts = [line[:start].rstrip(), header, *lines, tail]
            return "\n".join(p for p in parts if p)
    return line


def rewrite_spaced_tables(text: str) -> str:
    """``text`` with each task table flattened into one line with spaces between its cells
    rewritten as tab-separated rows (see the module docstring); other text unchanged."""
    if "单位" not in text and "部门" not in text:
        return text
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        if " " in line and "\t" not in line and _HEADER.search(line):
            new = _rewrite_line(line)
            if new != line:
                lines[k], changed = new, True
    return "\n".join(lines) if changed else text
