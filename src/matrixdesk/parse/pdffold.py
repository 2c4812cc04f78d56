"""PDF text lines → paragraphs: what a PDF's layout breaks, folded back before parsing.

A PDF holds positioned glyphs, not paragraphs. Read line by line, a policy document comes out
with

* Kangxi and supplementary radicals (⼀ U+2F00, ⺠ U+2EA0) where the ideograph (一, 民) was
  printed: fonts map both code points to one glyph and the PDF writer picked the radical;
* a line break wherever the page was full, inside sentences and department names
  (市住房 / 城乡建委), and at every page break;
* running headers and footers on every page (the issuer's name, ``— 3 —``, ``第3页 共13页``).

:func:`fold_pages` undoes all three from the lines' geometry: official documents indent each
paragraph's first line by two characters and fill every other line to the right margin, so a
line that starts at the left margin after a full line continues the paragraph; a line that is
indented, follows a short line, or starts with a numbered heading (一、 （一） 1. 第一条) begins a
new one. Lines at the top or bottom of pages that repeat on many pages, and page numbers, are
dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# CJK Radicals Supplement → the ideograph it is printed for (Unicode's equivalent unified
# ideographs); the Kangxi radicals U+2F00–U+2FD5 fold by their compatibility decomposition.
_SUPPLEMENT = dict(
    zip(
        "⺁⺅⺆⺉⺊⺌⺍⺎⺏⺐⺒⺓⺔⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺶⺹⺺⺻⺼⺽⺾⻁⻂⻃⻄⻅⻆"
        "⻈⻉⻊⻋⻌⻏⻐⻑⻒⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻯⻰⻱⻲⻳",
        "厂亻冂刂卜小小兀尣尢巳幺彑忄心扌攵旡日月歺母民氵氺灬爫丬牛犭王疋罒示礻竹糹纟罓罒羊耂肀聿月臼艹虎衤覀西见角"
        "讠贝足车辶阝钅長镸长门阝雨青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾齐齿竜龙龜亀龟",
        strict=True,
    )
)
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")

# Page furniture: "— 3 —", "- 3 -", "·3·", "3", "第3页", "第 3 页 共 13 页", "3/13".
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－―─~～·•]\s*)?\d{1,4}(?:\s*[-—–－―─~～·•])?\s*$"
    r"|^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$"
    r"|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$"
)
# Line starts that always begin a paragraph: numbered headings and articles.
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|[（(]\d{1,3}[)）]"
    r"|\d{1,3}[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十百零〇\d]+[条章节])"
)
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")
_SAME_PLACE = 3.0
_RUN_ON_SHARE = 0.9  # of full lines: a text printed without its paragraph breaks
_RUN_ON_LINES = 20  # points: a running header or footer repeats at this height or closer


def fold_char(ch: str) -> str:
    """The unified ideograph for a radical or compatibility ideograph, else ``ch``."""
    if ch in _SUPPLEMENT:
        return _SUPPLEMENT[ch]
    if "\u2f00" <= ch <= "\u2fdf":
        return unicodedata.normalize("NFKC", ch)
    if "\uf900" <= ch <= "\ufaff":
        return unicodedata.normalize("NFC", ch)
    return ch


def fold_radicals(text: str) -> str:
    """Kangxi radicals, supplementary radicals and compatibility ideographs → ideographs."""
    return _RADICALS.sub(lambda m: fold_char(m.group()), text)


@dataclass
class Line:
    """One printed line: its text and where it stands on the page (points, y grows upwards)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float  # the height of its characters
    table: bool = False  # a row of a task table, already tab-separated: kept as it is


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _edges(page: Sequence[Line], depth: int = 2) -> list[Line]:
    page = [line for line in page if not line.table]
    return list(page[:depth]) + list(page[-depth:]) if len(page) > depth * 2 else list(page)


def _same_place(ys: list[float]) -> int:
    """How many of the pages have the line at one height: a running header or footer stands
    where it stood on the page before; a body line (责任单位：市住建局, under many measures)
    that happens to open or close several pages stands wherever the text put it."""
    middle = sorted(ys)[len(ys) // 2]
    return sum(1 for y in ys if abs(y - middle) <= _SAME_PLACE)


def drop_furniture(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """Pages without page numbers and without header/footer lines repeated on many pages.

    A running line repeats at one height at the top or foot of pages and never stands amid a
    page's body: 责任单位：市住建局 under many measures may open two pages of five, but it also
    stands in the middle of others, and is text.
    """
    heights: dict[str, list[float]] = {}
    inside: set[str] = set()  # lines standing amid a page's body somewhere
    for page in pages:
        edges = _edges(page)
        seen: dict[str, float] = {}
        for line in edges:
            seen.setdefault(_furniture_key(line), line.y)
        for key, y in seen.items():
            heights.setdefault(key, []).append(y)
        ids = {id(line) for line in edges}
        inside.update(_furniture_key(line) for line in page if id(line) not in ids)
    repeats = max(2, int(len(pages) * 0.4 + 0.5))
    running = {
        key
        for key, ys in heights.items()
        if len(pages) >= 2 and key not in inside and _same_place(ys) >= repeats
    }
    out = []
    for page in pages:
        edges = {id(line) for line in _edges(page)}
        out.append(
            [
                line
                for line in page
                if not (
                    id(line) in edges
                    and (PAGE_NUMBER.match(line.text) or _furniture_key(line) in running)
                )
            ]
        )
    return out


@dataclass
class _Margins:
    left: float
    right: float


def _margins(pages: Sequence[Sequence[Line]]) -> _Margins:
    lines = [line for page in pages for line in page if len(line.text) > 4 and not line.table]
    if not lines:
        return _Margins(0.0, 0.0)
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    rights = sorted(line.x1 for line in lines)
    return _Margins(float(left), rights[int(len(rights) * 0.9)])


def _full(line: Line, margins: _Margins) -> bool:
    return line.x1 >= margins.right - 1.6 * max(line.size, 1.0)


def _run_on(pages: Sequence[Sequence[Line]], margins: _Margins) -> bool:
    """Whether the text was printed without its paragraph breaks (a crawled one-line text
    pasted into Word): nearly every line is full, where paragraphs end in short lines."""
    lines = [line for page in pages for line in page if len(line.text) > 4 and not line.table]
    full = sum(1 for line in lines if _full(line, margins))
    return len(lines) >= _RUN_ON_LINES and full >= _RUN_ON_SHARE * len(lines)


def _continues(previous: Line, line: Line, margins: _Margins, run_on: bool = False) -> bool:
    """Whether ``line`` runs on from ``previous`` (a wrapped line, not a new paragraph). In a
    text printed without its breaks (``run_on``) a number starting a line (…负责 | 19.综合…) is
    where the page wrapped, not a new paragraph."""
    if line.table or previous.table:
        return False
    size = max(line.size, previous.size, 1.0)
    full = previous.x1 >= margins.right - 1.6 * size
    at_margin = abs(line.x0 - margins.left) <= 0.6 * size
    return full and at_margin and (run_on or not _HEADING.match(line.text))


def _join(a: str, b: str) -> str:
    space = " " if _ASCII_WORD.match(a[-1:]) and _ASCII_WORD.match(b[:1]) else ""
    if a.endswith(" "):
        space = ""
    return a + space + b


def fold_pages(pages: Sequence[Sequence[Line]]) -> str:
    """The document's text, one paragraph per line, from the printed lines of its pages."""
    pages = drop_furniture(pages)
    margins = _margins(pages)
    run_on = _run_on(pages, margins)
    paragraphs: list[str] = []
    previous: Line | None = None
    for page in pages:
        for line in page:
            text = fold_radicals(line.text if line.table else line.text.strip())
            if not text:
                continue
            if previous is not None and paragraphs and _continues(previous, line, margins, run_on):
                # a space the text holds where the line wrapped (…负责 | 19.综合…) stays
                gap = " " if previous.text.endswith(" ") or line.text.startswith(" ") else ""
                paragraphs[-1] = _join(paragraphs[-1] + gap, text)
            else:
                paragraphs.append(text)
            previous = line
    return "\n".join(paragraphs)
