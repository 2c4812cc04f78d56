"""Pagination of the printed reports: which rows go on which page.

Works on any row with a ``height`` and a ``heading`` flag (the matrix rows and the list rows of
``layout.py``), without Qt. Besides splitting rows into pages it

* keeps headings with the rows after them (no page ends with a heading);
* repeats, at the top of a page that starts inside a part or item, the headings enclosing its
  first row, marked as continued (``repeat`` makes such a row, e.g. "一、…（续）");
* splits a row too tall for any page into pieces (``split``), the first filling what is left of
  the page, the rest continued on the next pages: nothing is clipped.

The rows as printed (repeats and pieces included) and the pages as ranges into them are returned
as a :class:`Flow`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar


class Row(Protocol):
    @property
    def height(self) -> float: ...

    @property
    def heading(self) -> bool: ...


R = TypeVar("R", bound=Row)
TextHeight = Callable[[str, float], float]

#: a piece of a split text preferably ends after one of these (within its last line)
BREAK_AFTER = "。；;，,、：:！？!?）)\n "


@dataclass
class Flow(Generic[R]):
    """The rows as printed and the pages as ranges of them."""

    rows: list[R] = field(default_factory=list)
    pages: list[range] = field(default_factory=list)


def enclosing(
    ids: Sequence[int | None], headings: Sequence[bool], parent: Mapping[int, int | None]
) -> list[tuple[int, ...]]:
    """For each row, the indices of the heading rows around it, outermost first.

    ``ids`` are the rows' measure ids, ``parent`` maps a measure id to its parent's id. A heading
    row is not around itself.
    """
    at = {mid: i for i, (mid, h) in enumerate(zip(ids, headings, strict=True)) if h and mid}
    out: list[tuple[int, ...]] = []
    for mid in ids:
        chain: list[int] = []
        seen: set[int] = set()
        p = parent.get(mid) if mid is not None else None
        while p is not None and p not in seen:
            seen.add(p)
            if p in at:
                chain.append(at[p])
            p = parent.get(p)
        out.append(tuple(reversed(chain)))
    return out


def paginate(
    rows: Sequence[R],
    available: float,
    *,
    context: Sequence[tuple[int, ...]] | None = None,
    repeat: Callable[[R], R] | None = None,
    split: Callable[[R, float], tuple[R, R] | None] | None = None,
    min_piece: float = 0.0,
) -> Flow[R]:
    """Lay ``rows`` out on pages of ``available`` height.

    ``context[i]`` are the indices of the heading rows around row ``i`` (see :func:`enclosing`);
    a page starting with row ``i`` first repeats them through ``repeat``. A row taller than a
    page is cut by ``split(row, height)`` into a piece of at most ``height`` and the rest (None:
    it cannot be cut there); a piece starts on the current page when ``min_piece`` is left.
    Without ``split`` such a row gets a page of its own.
    """
    flow: Flow[R] = Flow()
    out = flow.rows
    origin: list[int] = []  # the source row of each printed row; -1 for a repeated heading
    start, used, real = 0, 0.0, 0  # the page's first printed row, its height, its own rows

    def place(i: int, row: R) -> None:
        nonlocal used, real
        out.append(row)
        origin.append(i)
        used += row.height
        real += i >= 0

    def repeats_height(i: int) -> float:
        if repeat is None or context is None:
            return 0.0
        return sum(repeat(rows[h]).height for h in context[i])

    def new_page(i: int) -> None:
        """Close the page (its trailing headings move on with row ``i``) and open the next."""
        nonlocal start, used, real
        carried: list[tuple[int, R]] = []
        while real > 1 and origin[-1] >= 0 and out[-1].heading:
            carried.insert(0, (origin.pop(), out.pop()))
            real -= 1
        flow.pages.append(range(start, len(out)))
        start, used, real = len(out), 0.0, 0
        first = carried[0][0] if carried else i
        if repeat is not None and context is not None:
            for h in context[first]:
                place(-1, repeat(rows[h]))
        for j, row in carried:
            place(j, row)

    for i, source in enumerate(rows):
        row: R | None = source
        while row is not None:
            room = available - used
            if row.height <= room:
                place(i, row)
                break
            too_tall = row.height > available - repeats_height(i)
            if split is not None and too_tall and (room >= min_piece or not real):
                pieces = split(row, room) if room > 0 else None
                if pieces is not None:
                    place(i, pieces[0])
                    row = pieces[1]
                    new_page(i)
                    continue
            if not real:  # nothing else on the page: it has to go here
                place(i, row)
                break
            new_page(i)
    if start < len(out) or not flow.pages:
        flow.pages.append(range(start, len(out)))
    return flow


def split_text(text: str, width: float, limit: float, text_height: TextHeight, em: float) -> int:
    """How many characters of ``text`` wrapped into ``width`` fit ``limit`` height.

    The longest such prefix, shortened to end after punctuation when some lies on its last line
    (about ``width / em`` characters); 0 when not even one character fits.
    """
    if text_height(text, width) <= limit:
        return len(text)
    lo, hi = 0, len(text)  # the longest prefix that fits lies in [lo, hi)
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if text_height(text[:mid], width) <= limit:
            lo = mid
        else:
            hi = mid
    back = max(int(width // em) - 1, 0)
    for k in range(lo, max(lo - back, 1) - 1, -1):
        if text[k - 1] in BREAK_AFTER:
            return k
    return lo
