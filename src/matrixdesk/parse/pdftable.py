"""Ruled tables on PDF pages → grids of cell texts, merged cells resolved.

A 任务分工表 printed to PDF is a grid of ruled cells whose text, read line by line, interleaves
(a unit centred in a tall cell lands between the lines of the task beside it). The rules give
the structure back: vertical rules that overlap form a table; their x positions are the column
edges, the horizontal rules inside it the row edges. Two cells with no rule between them are one
merged cell: read once, and, for a vertical merge, repeated in every row it spans, as the Word
and Excel readers do. Each glyph then belongs to the cell its centre falls in.

Only the grid is built here; whether it is a task table is for :mod:`matrixdesk.parse.table`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

_THIN = 2.5  # a rule is at most this thick (points)
_NEAR = 2.5  # positions closer than this are one edge
# How the name of a unit (or a clause) ends: a line ending so is not a wrapped line.
UNIT_END = re.compile(
    r"(?:[厅局委办部院会社行署室站所处科队组]|中心|公司|集团|政府|海关|法院|银行|支行|单位|部门"
    r"|[、，,；;。：:）)])$"
)


class Glyph(Protocol):
    ch: str
    x0: float
    x1: float
    y: float
    h: float


@dataclass
class Rule:
    """A horizontal (y fixed) or vertical (x fixed) printed line: its position and extent."""

    at: float
    start: float
    end: float


@dataclass
class Grid:
    """A ruled table found on a page: its extent and the cell texts, row by row."""

    top: float
    bottom: float
    left: float
    right: float
    rows: list[list[str]]
    used: set[int] = field(default_factory=set)  # indexes of the glyphs read into cells


def rules_of(boxes: Sequence[tuple[float, float, float, float]]) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules from path bounding boxes (left, bottom, right, top)."""
    horizontal, vertical = [], []
    for left, bottom, right, top in boxes:
        width, height = right - left, top - bottom
        if height <= _THIN and width >= 8:
            horizontal.append(Rule((top + bottom) / 2, left, right))
        elif width <= _THIN and height >= 5:
            vertical.append(Rule((left + right) / 2, bottom, top))
        elif width > 8 and height > 5:  # a rectangle's outline: four rules
            horizontal += [Rule(top, left, right), Rule(bottom, left, right)]
            vertical += [Rule(left, bottom, top), Rule(right, bottom, top)]
    return horizontal, vertical


def _edges(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _NEAR:
            out.append(value)
    return out


def _regions(vertical: list[Rule]) -> list[list[Rule]]:
    """Vertical rules grouped into tables: rules whose extents overlap or touch."""
    regions: list[list[Rule]] = []
    for rule in sorted(vertical, key=lambda r: -r.end):
        if regions and rule.end >= min(r.start for r in regions[-1]) - _NEAR:
            regions[-1].append(rule)
        else:
            regions.append([rule])
    return [r for r in regions if len(_edges([v.at for v in r])) >= 3]


def _covers(rules: list[Rule], at: float, start: float, end: float) -> bool:
    return any(
        abs(r.at - at) <= _NEAR and r.start <= start + _NEAR and r.end >= end - _NEAR for r in rules
    )


class _Cells:
    """Union-find over (row, column) cells: cells with no rule between them are one."""

    def __init__(self, rows: int, cols: int) -> None:
        self.parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(self, cell: tuple[int, int]) -> tuple[int, int]:
        while self.parent[cell] != cell:
            self.parent[cell] = self.parent[self.parent[cell]]
            cell = self.parent[cell]
        return cell

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _cell_text(glyphs: list[Glyph], right: float) -> str:
    """A cell's lines. A line filled to the cell's edge was wrapped by the cell and runs on
    (省交通运输 / 厅) unless it ends a unit's name or a clause (省发展改革委 / 省财政厅, one unit
    a line, may fill a narrow cell too)."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if lines and abs(lines[-1][0].y - glyph.y) < 0.5 * max(glyph.h, lines[-1][0].h):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    texts = ["".join(g.ch for g in sorted(line, key=lambda g: g.x0)) for line in lines]
    out = texts[0] if texts else ""
    for line, text, before in zip(lines[:-1], texts[1:], texts[:-1], strict=True):
        full = max(g.x1 for g in line) >= right - 2.5 * max(g.h for g in line)
        # 人民银行长春中心 / 支行: no unit is named in two characters, so 支行 goes on.
        stub = len(re.split(r"[、，,；;]", text, maxsplit=1)[0]) <= 2
        out += "" if full and (stub or not UNIT_END.search(before)) else "\n"
        out += text
    return out


def _grid(region: list[Rule], horizontal: list[Rule], glyphs: Sequence[Glyph]) -> Grid | None:
    xs = _edges([v.at for v in region])
    top, bottom = max(v.end for v in region), min(v.start for v in region)
    inside = [h for h in horizontal if bottom - _NEAR <= h.at <= top + _NEAR]
    # Two edges make one row: a page that a row taller than the page fills from top to foot.
    ys = sorted(_edges([h.at for h in inside] + [top, bottom]), reverse=True)
    if len(ys) < 2:
        return None
    cells = _Cells(len(ys) - 1, len(xs) - 1)
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if r + 1 < len(ys) - 1 and not _covers(inside, ys[r + 1], xs[c], xs[c + 1]):
                cells.union((r, c), (r + 1, c))
            if c + 1 < len(xs) - 1 and not _covers(region, xs[c + 1], ys[r + 1], ys[r]):
                cells.union((r, c), (r, c + 1))
    content: dict[tuple[int, int], list[Glyph]] = {}
    used: set[int] = set()
    for i, glyph in enumerate(glyphs):
        x = (glyph.x0 + glyph.x1) / 2
        if not (xs[0] < x < xs[-1] and ys[-1] < glyph.y < ys[0]):
            continue
        r = next(k for k in range(len(ys) - 1) if glyph.y > ys[k + 1])
        c = next(k for k in range(len(xs) - 1) if x < xs[k + 1])
        content.setdefault(cells.find((r, c)), []).append(glyph)
        used.add(i)
    right: dict[tuple[int, int], float] = {}  # a merged cell's right edge
    for r, c in cells.parent:
        root = cells.find((r, c))
        right[root] = max(right.get(root, 0.0), xs[c + 1])
    texts = {root: _cell_text(found, right[root]) for root, found in content.items()}
    rows = []
    for r in range(len(ys) - 1):
        row = []
        for c in range(len(xs) - 1):
            root = cells.find((r, c))
            first_column = c == 0 or cells.find((r, c - 1)) != root
            row.append(texts.get(root, "") if first_column else "")
        rows.append(row)
    return Grid(ys[0], ys[-1], xs[0], xs[-1], rows, used)


def find_grids(
    boxes: Sequence[tuple[float, float, float, float]], glyphs: Sequence[Glyph]
) -> list[Grid]:
    """The ruled tables on a page, top first, from its path boxes and its glyphs."""
    horizontal, vertical = rules_of(boxes)
    grids = []
    for region in _regions(vertical):
        grid = _grid(region, horizontal, glyphs)
        if grid is not None and any(any(cell for cell in row) for row in grid.rows):
            grids.append(grid)
    return grids
