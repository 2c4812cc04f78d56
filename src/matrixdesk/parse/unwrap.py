"""Text hard-wrapped at a fixed width: its wraps joined back before parsing.

A text copied out of a fixed-width view (a PDF viewer, a narrow column, a terminal) is broken
every N characters whatever the words: labels and names are cut (``责任单\\n位：``,
``区党工委宣传影\\n视部``). When most of its lines are exactly as long as one another, that
length is the wrap width, and a line of that length runs on into the next: the break after it
is removed — unless it ends a sentence and the next line opens as a paragraph does (a number,
a bracket: ``…契税。`` | ``（责任部门：…）``), where a paragraph of just that length ended; in a
text of nearly only full lines (a one-line crawl, wrapped) there are no paragraphs to end. Lines of
any other length end where the writer ended them, and table rows (tabs, or columns padded with
spaces) are left alone. One pass
over the lines: linear.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["unwrap_fixed_width"]

_MIN_WIDTH = 12  # narrower "wraps" are short lines of their own (titles, signatures)
_MIN_WRAPPED = 10  # lines of the wrap width needed to call a text hard-wrapped
_SHARE = 0.6  # of the text's lines, at the wrap width
_CRAWL_SHARE = 0.85  # of them full: a text that had no paragraph breaks before it was wrapped
_ENDS = "。！？!?；;：:)）"
_OPENS = re.compile(
    r"[（(【〔]|[一二三四五六七八九十]{1,3}、|[0-9０-９]{1,3}[.．、]|第[一二三四五六七八九十百]+[条章节部]"
)


def unwrap_fixed_width(text: str) -> tuple[str, list[int]]:
    """``text`` with its fixed-width wraps joined, and where each removed break was.

    Parameters
    ----------
    text
        Newline-normalised document text.

    Returns
    -------
    tuple of str and list of int
        The text with each line of the wrap width joined to the next (``text`` itself when it
        has no such wraps), and the offsets in it where a break was removed, ascending (an
        offset ``o`` in it is ``o + bisect_right(breaks, o)`` in ``text``).
    """
    lines = text.split("\n")
    widths = Counter(len(line) for line in lines if line.strip() and not _row(line))
    if not widths:
        return text, []
    width, count = widths.most_common(1)[0]
    if width < _MIN_WIDTH or count < _MIN_WRAPPED or count < _SHARE * sum(widths.values()):
        return text, []
    crawl = count >= _CRAWL_SHARE * sum(widths.values())
    out: list[str] = []
    breaks: list[int] = []
    at = 0  # offset in the joined text where the current line begins
    for line in lines:
        ended = not crawl and out and _ends(out[-1], line)
        if out and _runs_on(out[-1], width) and not _row(line) and not ended:
            breaks.append(at)
            out[-1] += line
        else:
            if out:
                at += 1  # the break kept
            out.append(line)
        at += len(line)
    return "\n".join(out), breaks


def _runs_on(previous: str, width: int) -> bool:
    """``previous`` (perhaps already joined) ended at a wrap: its last piece was full."""
    return len(previous) >= width and len(previous) % width == 0 and not _row(previous[-width:])


def _row(line: str) -> bool:
    """A table's row: cells separated by a tab or padded with spaces."""
    return "\t" in line or "  " in line.strip()


def _ends(previous: str, line: str) -> bool:
    """A paragraph that happened to fill its last line: a sentence end, then a new opening."""
    return previous[-1:] in _ENDS and _OPENS.match(line.lstrip()) is not None
